// A refused first Produce request must not reorder a partition. A broker with no state for a
// producer on a partition accepts any first sequence, so if the first batch is refused (a new
// topic's leader not ready yet, as Apache Kafka answers right after CreateTopics) while the next
// batch is already on its way, that next batch would be taken first and the refused one could
// never be written in sequence again. The proxy here plays the not-ready leader once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, decodeRequest, encodeResponse } from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '@sluice/client';
import { startRefusingProxy, type RefusingProxy } from './support/refusing-proxy.ts';

let broker: Broker;
let proxy: RefusingProxy;
let refusedProduceRequests = 0;

before(async () => {
  let refuseNext = true;
  proxy = await startRefusingProxy(
    () => broker.port,
    ({ apiKey, apiVersion, correlationId, frame }) => {
      if (apiKey !== Apis.Produce.apiKey || !refuseNext) return null;
      refuseNext = false;
      refusedProduceRequests++;
      const request = decodeRequest(frame).body as { topicData: { name: string; topicId: string; partitionData: { index: number }[] }[] };
      return encodeResponse(Apis.Produce, apiVersion, correlationId, {
        responses: request.topicData.map((t) => ({
          name: t.name,
          topicId: t.topicId,
          partitionResponses: t.partitionData.map((p) => ({ index: p.index, errorCode: ErrorCode.NOT_LEADER_OR_FOLLOWER, baseOffset: -1n })),
        })),
      });
    },
  );
  broker = await startBroker({ port: 0, config: { 'advertised.listeners': `PLAINTEXT://127.0.0.1:${proxy.port}` } });
});
after(async () => {
  await proxy.close();
  await broker.close();
});

test('a refused first batch is retried before any later batch of its partition is written', { timeout: 60_000 }, async () => {
  const bootstrapServers = `127.0.0.1:${proxy.port}`;
  const admin = new Admin({ bootstrapServers });
  await admin.createTopics([{ name: 'refused', numPartitions: 1 }]);
  await admin.close();
  // Small batches, so that several requests are ready at once.
  const producer = new Producer({ bootstrapServers, batchSize: 1024, lingerMs: 0, deliveryTimeoutMs: 15_000 });
  const sent = await producer.sendBatch(Array.from({ length: 200 }, (_, i) => ({ topic: 'refused', value: `${i}`.padEnd(100, '.') })));
  await producer.close();
  assert.equal(refusedProduceRequests, 1);
  assert.deepEqual(
    sent.map((m) => m.offset),
    sent.map((_, i) => BigInt(i)),
  );
  const consumer = new Consumer({ bootstrapServers, autoOffsetReset: 'earliest' });
  consumer.assign([{ topic: 'refused', partition: 0 }]);
  const values: number[] = [];
  while (values.length < 200) for (const r of await consumer.poll({ timeoutMs: 5000 })) values.push(parseInt(r.value!.toString(), 10));
  await consumer.close();
  assert.deepEqual(values, Array.from({ length: 200 }, (_, i) => i));
});
