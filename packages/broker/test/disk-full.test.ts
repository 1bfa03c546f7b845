// A full disk, as the broker's operator sees it: produce fails with KAFKA_STORAGE_ERROR and the
// broker's log says which partition and what to do (once, not per request); stopping while the
// disk is full closes everything it can, says what it could not, and rejects close() instead of
// throwing from somewhere unhandled; the next start has every acknowledged record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { MemoryFileSystem } from '@sluice/storage';
import { startBroker, type BrokerLog } from '../src/index.ts';
import { RawConnection, fetchRequestV12 } from '@sluice/test-kit';

function recordingLog(): { lines: string[]; log: BrokerLog } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(`INFO ${m}`), warn: (m) => lines.push(`WARN ${m}`), error: (m) => lines.push(`ERROR ${m}`) } };
}

async function produce(c: RawConnection, value: string): Promise<number> {
  const r = await c.request(Apis.Produce, 9, { acks: -1, timeoutMs: 5000, topicData: [{ name: 't', partitionData: [{ index: 0, records: encodeUncompressedRecordBatch({ records: [{ value }] }) }] }] });
  return r.responses[0].partitionResponses[0].errorCode;
}

test('a full disk is logged once with the partition and advice; close on a full disk rejects after closing everything, and nothing acknowledged is lost', async () => {
  const fs = new MemoryFileSystem();
  const { lines, log } = recordingLog();
  const broker = await startBroker({ port: 0, fs, dataDir: '/data', log });
  const c = await RawConnection.open(broker.port);
  try {
    const created = await c.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    assert.equal(created.topics[0].errorCode, ErrorCode.NONE);
    assert.equal(await produce(c, 'kept'), ErrorCode.NONE);

    fs.setCapacity(fs.usedBytes());
    for (let i = 0; i < 20; i++) assert.equal(await produce(c, `refused ${i}`), ErrorCode.KAFKA_STORAGE_ERROR);
    const diskLines = lines.filter((l) => l.includes('No space left'));
    assert.equal(diskLines.length, 1, lines.join('\n'));
    assert.match(diskLines[0], /^ERROR Writing to t-0 failed: No space left on the device holding \/data\/t-0\/.* Producers get KAFKA_STORAGE_ERROR until there is room/);
  } finally {
    c.close();
  }

  await assert.rejects(broker.close(), /1 of 1 partitions could not be closed cleanly \(t-0\)\. The next start scans/);
  assert.ok(lines.some((l) => /^ERROR closing t-0 failed: Closing the log \/data\/t-0 failed: no space left on the device/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('ERROR stopped, but not cleanly: 1 of 1 partitions')), lines.join('\n'));

  fs.setCapacity(Infinity);
  const again = await startBroker({ port: 0, fs, dataDir: '/data', log });
  const d = await RawConnection.open(again.port);
  try {
    const fetched = await d.request(Apis.Fetch, 12, fetchRequestV12('t'));
    const p = fetched.responses[0].partitions[0];
    assert.equal(p.errorCode, ErrorCode.NONE);
    assert.equal(p.highWatermark, 1n, 'the acknowledged record, and none of the refused ones');
  } finally {
    d.close();
    await again.close();
  }
});
