// The metadata a task commits with each input offset, in Kafka Streams' layout
// (TopicPartitionMetadata / ProcessorMetadata: version byte 2, the partition time as int64, then an
// int32 entry count and per entry an int32-length UTF-8 key and an int64 value, all base64), and
// what a task restores from several partitions' metadata (the largest value of each key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCommitMetadata, encodeCommitMetadata, mergeCommittedMetadata } from '../src/runtime/commit-metadata.ts';

test("commit metadata: Kafka Streams' byte layout, read back; version 1, other clients' metadata and garbage are ignored", () => {
  const encoded = encodeCommitMetadata(1_767_225_600_123, new Map([['counts', 1_767_225_590_000]]));
  const bytes = Buffer.from(encoded, 'base64');
  const expected = Buffer.alloc(1 + 8 + 4 + 4 + 6 + 8);
  expected.writeInt8(2, 0);
  expected.writeBigInt64BE(1_767_225_600_123n, 1);
  expected.writeInt32BE(1, 9);
  expected.writeInt32BE(6, 13);
  expected.write('counts', 17, 'utf8');
  expected.writeBigInt64BE(1_767_225_590_000n, 23);
  assert.deepEqual(bytes, expected);
  assert.deepEqual(decodeCommitMetadata(encoded), { partitionTime: 1_767_225_600_123, processorMetadata: new Map([['counts', 1_767_225_590_000]]) });
  // No processor metadata: the version byte and the partition time only.
  assert.equal(Buffer.from(encodeCommitMetadata(-1, new Map()), 'base64').length, 9);
  const v1 = Buffer.alloc(9);
  v1.writeInt8(1, 0);
  v1.writeBigInt64BE(42n, 1);
  assert.deepEqual(decodeCommitMetadata(v1.toString('base64')), { partitionTime: 42, processorMetadata: new Map() });
  for (const other of ['', null, 'not base64 at all!', Buffer.from([9, 0, 0]).toString('base64'), 'some-other-client']) assert.equal(decodeCommitMetadata(other), null, String(other));
});

test('a task restores each partition time and, over its partitions, the largest value of each processor metadata key', () => {
  const times = new Map<string, number>();
  const merged = mergeCommittedMetadata(
    [
      { topic: 'left', metadata: encodeCommitMetadata(100, new Map([['a', 5], ['b', 9]])) },
      { topic: 'right', metadata: encodeCommitMetadata(300, new Map([['a', 7]])) },
      { topic: 'third', metadata: null },
      { topic: 'fourth', metadata: encodeCommitMetadata(-1, new Map()) },
    ],
    (topic, time) => times.set(topic, time),
  );
  assert.deepEqual(merged, new Map([['a', 7], ['b', 9]]));
  assert.deepEqual(times, new Map([['left', 100], ['right', 300]]), 'unknown partition times (-1) are not restored');
});

test('hostile or foreign metadata never stalls or misleads a task: negative lengths, huge counts, text that is not strict base64', () => {
  // An entry count of 2^31-1 and a key length of -12: read naively, the cursor steps back onto the
  // same length again and again (the task's start hung for minutes). Java fails the read at once.
  const loop = Buffer.alloc(1 + 8 + 4 + 4 + 8);
  loop.writeInt8(2, 0);
  loop.writeBigInt64BE(5n, 1);
  loop.writeInt32BE(0x7fffffff, 9);
  loop.writeInt32BE(-12, 13);
  // As Java's decode: the processor metadata is unreadable, the partition time read before it stays.
  assert.deepEqual(decodeCommitMetadata(loop.toString('base64')), { partitionTime: 5, processorMetadata: new Map() });
  const countOnly = Buffer.alloc(1 + 8 + 2);
  countOnly.writeInt8(2, 0);
  countOnly.writeBigInt64BE(7n, 1);
  assert.deepEqual(decodeCommitMetadata(countOnly.toString('base64')), { partitionTime: 7, processorMetadata: new Map() });
  const negativeCount = Buffer.alloc(1 + 8 + 4);
  negativeCount.writeInt8(2, 0);
  negativeCount.writeBigInt64BE(8n, 1);
  negativeCount.writeInt32BE(-1, 9);
  assert.deepEqual(decodeCommitMetadata(negativeCount.toString('base64')), { partitionTime: 8, processorMetadata: new Map() });
  // Node's base64 decoder skips '-', so this plain consumer's text read as version 2 with a
  // partition time of about 1.9e18 (a stream time for ever ahead); Java's decoder refuses it.
  for (const text of ['Ahoy-mate-checkpoint-17', 'AgAAAAAAAAAB!', 'AgAAAAAAAAAB===', 'A']) assert.equal(decodeCommitMetadata(text), null, text);
  // Unpadded base64 is Java's too.
  assert.deepEqual(decodeCommitMetadata(encodeCommitMetadata(3, new Map()).replace(/=+$/, '')), { partitionTime: 3, processorMetadata: new Map() });
});

test("Long.MAX_VALUE from another writer's metadata is written back as Long.MAX_VALUE (read as the double 2^63, it failed every later commit)", () => {
  const max = Buffer.alloc(1 + 8 + 4 + 4 + 1 + 8);
  max.writeInt8(2, 0);
  max.writeBigInt64BE(0x7fffffffffffffffn, 1);
  max.writeInt32BE(1, 9);
  max.writeInt32BE(1, 13);
  max.write('s', 17);
  max.writeBigInt64BE(-0x8000000000000000n, 18);
  const read = decodeCommitMetadata(max.toString('base64'))!;
  assert.equal(encodeCommitMetadata(read.partitionTime, read.processorMetadata), max.toString('base64'));
});
