// log.cleaner.backoff.ms reaches the broker's log cleaner (issue 13, item 10): a compacted topic
// is compacted while the retention check (log.retention.check.interval.ms, five minutes by default)
// is nowhere near. The schedule itself is tested on a manual clock in the storage package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, decodeRecordBatches, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection, fetchRequestV12 } from '@sluice/test-kit';

test('a dirty compacted topic is compacted by the cleaner on log.cleaner.backoff.ms, not on the retention check', async () => {
  const warnings: string[] = [];
  const broker = await startBroker({
    port: 0,
    config: { 'log.cleaner.backoff.ms': '100' },
    log: { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
  });
  const c = await RawConnection.open(broker.port);
  try {
    assert.deepEqual(warnings.filter((w) => w.includes('log.cleaner.backoff.ms')), [], 'the setting is known');
    const created = await c.request(Apis.CreateTopics, 7, {
      topics: [{ name: 'table', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'cleanup.policy', value: 'compact' }, { name: 'segment.bytes', value: '200' }] }],
      timeoutMs: 5000,
    });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    // Three keys written over and over, one batch per segment.
    for (let i = 0; i < 30; i++) {
      const batch = encodeUncompressedRecordBatch({ records: [{ key: `k${i % 3}`, value: `value-${i}`.padEnd(60, '.') }] });
      const r = await c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 'table', partitionData: [{ index: 0, records: batch }] }] });
      assert.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
    }
    const offsetsRead = async (): Promise<bigint[]> => {
      const r = await c.request(Apis.Fetch, 12, fetchRequestV12('table'));
      return (await decodeRecordBatches(r.responses[0].partitions[0].records ?? Buffer.alloc(0))).flatMap((b) => b.records.map((x) => x.offset));
    };
    // Waits for the effect, bounded far below the five-minute retention check; no timing is asserted.
    const deadline = Date.now() + 60_000;
    let offsets = await offsetsRead();
    while (offsets.length === 30 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      offsets = await offsetsRead();
    }
    assert.ok(offsets.length < 30, 'the cleaner compacted the topic');
    assert.ok(offsets.includes(29n) && offsets.includes(28n) && offsets.includes(27n), 'the newest value of each key stays');
  } finally {
    c.close();
    await broker.close();
  }
});
