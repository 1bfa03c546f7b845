/**
 * Writes the hand-made part of the regression corpus: one input for each class of bug the fuzzers
 * guard against (issue 13), named after it. The other entries are inputs a fuzzing run kept
 * because they reached new code. Run again after changing one:
 *
 *   node --conditions=sluice:source tests/fuzz/corpus/regressions.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Apis, LOG_OVERHEAD, Offsets, crc32c, encodeRequest, encodeUncompressedRecordBatch, type AnyApi } from '@sluice/protocol';
import { encodeOps, type Op } from '../targets/broker-requests.ts';
import { corpusDir } from '../seeds.ts';

/** A request frame without its size prefix. */
function frame(api: AnyApi, version: number, body: unknown): Buffer {
  return Buffer.concat(encodeRequest(api as never, version, 1, 'regression', body as never)).subarray(4);
}

function op(connection: number, wait: boolean, f: Buffer): Op {
  return { connection, wait, frame: f };
}

const commitToG = frame(Apis.OffsetCommit, 2, {
  groupId: 'g',
  generationIdOrMemberEpoch: -1,
  memberId: '',
  retentionTimeMs: -1n,
  topics: [{ name: 'regression', partitions: [{ partitionIndex: 0, committedOffset: 0n, committedMetadata: null }] }],
});

/** A Produce (acks=all) of one batch of `values` to partition 0 of `topic`. */
function produce(topic: string, values: string[]): Buffer {
  const records = values.map((value) => ({ key: null, value, timestamp: 1_700_000_000_000n }));
  const batch = Buffer.from(encodeUncompressedRecordBatch({ records, now: 1_700_000_000_000n }));
  return frame(Apis.Produce, 9, { transactionalId: null, acks: -1, timeoutMs: 5000, topicData: [{ name: topic, partitionData: [{ index: 0, records: batch }] }] });
}

/** A Fetch of partition 0 of `topic` from `offset`, answered at once, within `maxBytes`, without a session unless given. */
function fetch(version: number, topic: string, offset: bigint, maxBytes: number, session = { sessionId: 0, sessionEpoch: -1 }): Buffer {
  return frame(Apis.Fetch, version, {
    clusterId: null,
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 0,
    maxBytes,
    isolationLevel: 0,
    ...session,
    topics: [{ topic, partitions: [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: offset, lastFetchedEpoch: -1, logStartOffset: -1n, partitionMaxBytes: maxBytes }] }],
    forgottenTopicsData: [],
    rackId: '',
  });
}

const broker: Record<string, Op[]> = {
  // Issue 13 (9): a zero-length frame closed the connection with a TypeError from the frame decoder.
  'empty-frame': [op(0, true, Buffer.alloc(0))],
  // Issue 13 (9): a Metadata topic with a null name (allowed from v10, for lookups by id) could
  // not be encoded back into the answer, and the broker logged an EncodeError.
  'metadata-null-topic-name': [
    op(0, true, frame(Apis.Metadata, 12, { topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name: null }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false })),
  ],
  // Issue 13 (5): one CreateTopics with 2^31-1 partitions created folders without end.
  'create-topics-2147483647-partitions': [
    op(0, true, frame(Apis.CreateTopics, 7, { topics: [{ name: 'huge', numPartitions: 0x7fffffff, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })),
  ],
  // Issue 13 (2): OffsetCommit for a new group, then DeleteGroups and JoinGroup back to back on two
  // connections, then the OffsetCommit again: the initial-rebalance timer of the deleted group
  // later found its successor Empty and threw inside the timer, ending the process. (The topic must
  // exist for the commit to create the group.)
  'group-delete-join-commit': [
    op(0, true, frame(Apis.CreateTopics, 7, { topics: [{ name: 'regression', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000, validateOnly: false })),
    op(0, true, commitToG),
    op(0, false, frame(Apis.DeleteGroups, 2, { groupsNames: ['g'] })),
    op(1, false, frame(Apis.JoinGroup, 3, { groupId: 'g', sessionTimeoutMs: 10_000, rebalanceTimeoutMs: 10_000, memberId: '', protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] })),
    op(0, true, commitToG),
  ],
  // Issue 13 (1): a read that stopped early in a segment, because its next batch did not fit the
  // budget, went on into the next segment, so the answer jumped over the rest of the first one.
  // Segments of 1,000 bytes: a small batch and a big one fill the first, the next small batch
  // starts the second; a 400-byte fetch from 0 holds the first small batch only, never the
  // first and the third.
  'fetch-stops-inside-a-segment': [
    op(0, true, frame(Apis.CreateTopics, 7, { topics: [{ name: 'segments', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [{ name: 'segment.bytes', value: '1000' }] }], timeoutMs: 1000, validateOnly: false })),
    op(0, true, produce('segments', ['s'.repeat(60)])),
    op(0, true, produce('segments', ['b'.repeat(700)])),
    op(0, true, produce('segments', ['s'.repeat(60)])),
    op(0, true, fetch(12, 'segments', 0n, 400)),
  ],
  // Issue 13 (10): Fetch v11 with session id -1 and epoch -1 was refused with
  // FETCH_SESSION_ID_NOT_FOUND and no topics; Kafka serves epoch -1 (and 0) as a full fetch
  // whatever the id.
  'fetch-session-id-minus-one': [op(0, true, fetch(11, 'segments', 0n, 1 << 20, { sessionId: -1, sessionEpoch: -1 }))],
};

/** Sets a batch's CRC to its contents, as a producer would. */
function sealed(batch: Buffer): Buffer {
  batch.writeUInt32BE(crc32c(batch.subarray(Offsets.attributes)), Offsets.crc);
  return batch;
}

function batchOf(n: number): Buffer {
  const records = Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `value ${i}`, timestamp: 1_700_000_000_000n + BigInt(i) }));
  return Buffer.from(encodeUncompressedRecordBatch({ records, now: 1_700_000_000_000n }));
}

/** A batch whose records section is `body`, with `attributes`, sealed with a valid CRC. */
function withBody(body: Buffer, attributes: number, recordCount = 1): Buffer {
  const head = Buffer.from(batchOf(1).subarray(0, 61));
  const batch = Buffer.concat([head, body]);
  batch.writeInt32BE(batch.length - LOG_OVERHEAD, Offsets.batchLength);
  batch.writeInt16BE(attributes, Offsets.attributes);
  batch.writeInt32BE(recordCount - 1, Offsets.lastOffsetDelta);
  batch.writeInt32BE(recordCount, Offsets.recordCount);
  return sealed(batch);
}

// Issue 13 (3): batches with a valid CRC but malformed records, all of which were stored.
const records: Record<string, Buffer> = {
  'record-count-disagrees': (() => {
    const b = batchOf(3);
    b.writeInt32BE(1, Offsets.lastOffsetDelta);
    b.writeInt32BE(2, Offsets.recordCount);
    return sealed(b);
  })(),
  'bad-record-length-varint': (() => {
    const b = batchOf(2);
    b.fill(0xff, 61, 66); // the first record's length: a varint that never ends
    return sealed(b);
  })(),
  'random-record-bytes': withBody(Buffer.from('9f3ac2b1e0d4f7a85c6b3e2d1f0a9b8c7d6e5f4a3b2c1d0e', 'hex'), 0, 2),
  'gzip-that-does-not-decompress': withBody(Buffer.from('1f8b0800000000000003deadbeefdeadbeefdeadbeef', 'hex'), 1),
  'zstd-that-does-not-decompress': withBody(Buffer.from('28b52ffd2000deadbeefdeadbeefdeadbeef', 'hex'), 4),
};

function write(target: string, name: string, bytes: Buffer): void {
  mkdirSync(join(corpusDir, target), { recursive: true });
  writeFileSync(join(corpusDir, target, `${name}.bin`), bytes);
}

for (const [name, ops] of Object.entries(broker)) write('broker-requests', name, encodeOps(ops));
for (const [name, bytes] of Object.entries(records)) write('record-batches', name, bytes);
// The request decoders must refuse the frames the broker-level inputs carry, too.
write('request-decoders', 'empty-frame', Buffer.alloc(0));
write('request-decoders', 'metadata-null-topic-name', broker['metadata-null-topic-name'][0].frame);
