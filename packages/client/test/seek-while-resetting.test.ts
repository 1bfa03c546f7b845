// A seek made while the consumer is still looking up its first positions wins over that lookup,
// and sends made while the producer waits for metadata keep their order.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer, Producer } from '../src/index.ts';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0 });
});
after(() => broker.close());

test('seekToBeginning right after assign() starts at the beginning', async () => {
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  await producer.send({ topic: 'seek-race', value: 'x' });
  await producer.close();
  for (let i = 0; i < 5; i++) {
    const consumer = new Consumer({ bootstrapServers: broker.bootstrap }); // autoOffsetReset: latest
    const tp = { topic: 'seek-race', partition: 0 };
    consumer.assign([tp]);
    consumer.seekToBeginning([tp]);
    assert.equal(await consumer.position(tp, { timeoutMs: 10_000 }), 0n);
    await consumer.close();
  }
});

test('records sent while metadata is fetched keep their order', async () => {
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  // One send a millisecond: some land while the first still waits for the topic's metadata,
  // some just after the metadata arrived.
  const sends = [];
  for (let i = 0; i < 40; i++) {
    sends.push(producer.send({ topic: 'order-race', partition: 0, value: String(i) }));
    await new Promise((r) => setTimeout(r, 1));
  }
  const offsets = (await Promise.all(sends)).map((m) => m.offset);
  await producer.close();
  assert.deepEqual(offsets, Array.from({ length: 40 }, (_, i) => BigInt(i)));
});
