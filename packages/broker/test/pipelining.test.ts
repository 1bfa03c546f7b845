// Pipelined requests on one connection come back in request order, acks=0 gets no response,
// and a fetch waits for data without polling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, FrameDecoder, decodeResponse, encodeRequest, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '../src/index.ts';
import { RawConnection } from '@sluice/test-kit';

test('pipelined requests are answered in order; acks=0 has no answer', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const c = await RawConnection.open(broker.port);
    await c.request(Apis.CreateTopics, 7, { topics: [{ name: 'p', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    const decoder = new FrameDecoder(1 << 24);
    const frames: Buffer[] = [];
    c.socket.removeAllListeners('data');
    c.socket.on('data', (chunk) => frames.push(...decoder.push(chunk)));
    const batch = () => encodeUncompressedRecordBatch({ records: [{ value: 'x' }] });
    const requests = [
      encodeRequest(Apis.Fetch, 12, 100, 'pipe', { maxWaitMs: 300, minBytes: 1, topics: [{ topic: 'p', partitions: [{ partition: 0, fetchOffset: 5n, partitionMaxBytes: 1000 }] }] }),
      encodeRequest(Apis.Produce, 9, 101, 'pipe', { acks: 0, timeoutMs: 1000, topicData: [{ name: 'p', partitionData: [{ index: 0, records: batch() }] }] }),
      encodeRequest(Apis.Produce, 9, 102, 'pipe', { acks: -1, timeoutMs: 1000, topicData: [{ name: 'p', partitionData: [{ index: 0, records: batch() }] }] }),
      encodeRequest(Apis.Metadata, 12, 103, 'pipe', { topics: null }),
      encodeRequest(Apis.Produce, 9, 104, 'pipe', { acks: 1, timeoutMs: 1000, topicData: [{ name: 'p', partitionData: [{ index: 0, records: batch() }] }] }),
    ];
    c.socket.write(Buffer.concat(requests.flat()));
    while (frames.length < 4) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(frames.map((f) => f.readInt32BE(0)), [100, 102, 103, 104]);
    const produced = decodeResponse(Apis.Produce, 9, frames[1]).body;
    assert.equal(produced.responses[0].partitionResponses[0].baseOffset, 1n, 'the acks=0 batch was appended first');
    c.close();
  } finally {
    await broker.close();
  }
});

test('a fetch waits for min bytes and returns as soon as data arrives', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const admin = await RawConnection.open(broker.port);
    await admin.request(Apis.CreateTopics, 7, { topics: [{ name: 'w', numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    const consumer = await RawConnection.open(broker.port);
    const fetching = consumer.request(Apis.Fetch, 12, { maxWaitMs: 30_000, minBytes: 1, topics: [{ topic: 'w', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }, { partition: 1, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] });
    await new Promise((r) => setTimeout(r, 50));
    await admin.request(Apis.Produce, 9, { acks: -1, timeoutMs: 1000, topicData: [{ name: 'w', partitionData: [{ index: 1, records: encodeUncompressedRecordBatch({ records: [{ value: 'hello' }] }) }] }] });
    const fetched = await fetching;
    const partitions = fetched.responses[0].partitions;
    assert.equal(partitions.length, 2, 'every requested partition is in the answer');
    assert.equal(partitions[0].records.length, 0, 'an empty partition has empty records, not null');
    assert.ok(partitions[1].records.length > 0);
    assert.equal(partitions[1].highWatermark, 1n);
    admin.close();
    consumer.close();
  } finally {
    await broker.close();
  }
});
