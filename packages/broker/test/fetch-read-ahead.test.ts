// A fetch reads its partitions together (01-fetch.ts readAhead) but answers as if it had read them
// one after another: an early read is used only when it asked for what the answer's turn asks. The
// case that breaks it: the first partition's one batch is larger than partition_max_bytes (KIP-74,
// as Kafka returns it), so less of max_bytes is left for the next ones than their early reads took.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, decodeRecordBatches, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, fetchRequestV12 } from '@sluice/test-kit';
import { startBroker } from '../src/index.js';

test('an oversized first batch leaves less of max_bytes to the next partitions, as read one by one', async () => {
  const broker = await startBroker({ port: 0, log: { info: () => {}, warn: () => {}, error: () => {} } as never });
  try {
    const c = await RawConnection.open(broker.port);
    await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'r', numPartitions: 3, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 });
    const produce = (index: number, size: number) =>
      c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 'r', partitionData: [{ index, records: encodeUncompressedRecordBatch({ records: [{ value: Buffer.alloc(size, index) }] }) }] }] });
    await produce(0, 5000);
    for (const index of [1, 2]) for (let i = 0; i < 4; i++) await produce(index, 1000);
    const batchBytes = async (index: number) => {
      const one = await c.request(Apis.Fetch, 12, fetchRequestV12('r', [{ partition: index, partitionMaxBytes: 1 }]));
      return one.responses[0].partitions[0].records.length as number;
    };
    const [big, small] = [await batchBytes(0), await batchBytes(1)];

    // Each partition may take 3 small batches, and max_bytes would hold all three partitions' shares.
    const share = 3 * small;
    const response = await c.request(Apis.Fetch, 12, fetchRequestV12('r', [0, 1, 2].map((partition) => ({ partition, partitionMaxBytes: share })), { maxBytes: 3 * share }));
    const counts = await Promise.all(response.responses[0].partitions.map(async (p: { records: Buffer }) => (await decodeRecordBatches(p.records)).length));
    // Partition 0: its one batch, over the share. Partition 1: its share in full, what is left
    // after partition 0 allowing it. Partition 2: only what is left of max_bytes after both.
    const left = 3 * share - big - share;
    assert.ok(big > share && left > 0 && left < share, `the case holds: batch ${big}, share ${share}, left ${left}`);
    assert.deepEqual(counts, [1, 3, Math.floor(left / small)]);
    c.close();
  } finally {
    await broker.close();
  }
});
