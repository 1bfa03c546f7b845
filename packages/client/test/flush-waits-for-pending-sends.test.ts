// flush() covers every send made before it, including sends still waiting for the topic's
// metadata (they are in no batch yet). At-least-once consumers such as streams commit offsets
// right after flush() and would lose those records on a crash otherwise.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Producer } from '../src/index.ts';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0 });
});
after(() => broker.close());

test('flush() waits for sends that were waiting for metadata', async () => {
  const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 1000 });
  const settled: number[] = [];
  const sends = [0, 1, 2].map((i) => producer.send({ topic: 'flush-new-topic', value: `v${i}` }).then(() => settled.push(i)));
  await producer.flush();
  assert.deepEqual(settled.sort(), [0, 1, 2]);
  await Promise.all(sends);
  await producer.close();
});
