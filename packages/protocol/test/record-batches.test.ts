// Record batches written by real clients and stored by a real Apache Kafka 4.3 broker
// (fixtures/kafka-log, see fixtures/captures/README.md): each decodes, with its codec, to exactly
// the records that were sent; validation and in-place offset writes behave as Kafka's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import {
  CompressionType,
  ControlRecordType,
  ErrorCode,
  InvalidRecordBatchError,
  LOG_OVERHEAD,
  Offsets,
  TimestampType,
  compressionOf,
  compressionTypeFromName,
  decodeControlKey,
  decodeEndTxnMarkerValue,
  decodeRecordBatch,
  decodeRecordBatches,
  encodeRecordBatch,
  encodeTransactionMarkerBatch,
  encodeUncompressedRecordBatch,
  isControl,
  readBatchHeader,
  setBaseOffset,
  setPartitionLeaderEpoch,
  validateBatch,
  validateBatches,
} from '../src/index.ts';

const dir = fileURLToPath(new URL('./fixtures/kafka-log', import.meta.url));

interface Expected {
  codec: string;
  records: { key: string | null; value: string | null; headers: [string, string | null][] }[];
}

const logs = readdirSync(dir).filter((f) => f.endsWith('.log'));

test('stored batches exist for every codec', () => {
  for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) assert.ok(logs.some((f) => f.endsWith(`-${codec}.log`)), codec);
});

for (const file of logs) {
  test(`${file}: decodes to the records that were sent`, async () => {
    const segment = readFileSync(join(dir, file));
    const expected = JSON.parse(readFileSync(join(dir, file.replace(/\.log$/, '.json')), 'utf8')) as Expected;
    const batches = await decodeRecordBatches(segment);
    let size = 0;
    for (const b of batches) size += b.header.batchLength + LOG_OVERHEAD;
    assert.equal(size, segment.length, 'the segment is made of whole batches');
    const data = batches.filter((b) => !isControl(b.header.attributes));
    for (const b of data) assert.equal(compressionOf(b.header.attributes), compressionTypeFromName(expected.codec));
    const got = data.flatMap((b) => b.records);
    assert.deepEqual(
      got.map((r) => ({ key: r.key?.toString('utf8') ?? null, value: r.value?.toString('utf8') ?? null, headers: r.headers.map((h) => [h.key, h.value?.toString('utf8') ?? null]) })),
      expected.records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    );
    // Offsets run on without gaps from the first batch, as the broker assigned them.
    got.forEach((r, i) => assert.equal(r.offset, got[0].offset + BigInt(i)));
    // Each stored batch passes the broker's validation.
    let pos = 0;
    for (const b of batches) {
      validateBatch(segment, pos, { allowControl: true });
      pos += b.header.batchLength + LOG_OVERHEAD;
    }
  });
}

test('a transactional batch is followed by the broker-written COMMIT marker', async () => {
  const batches = await decodeRecordBatches(readFileSync(join(dir, 'java-transactional.log')));
  const control = batches.filter((b) => isControl(b.header.attributes));
  assert.equal(control.length, 1);
  const marker = control[0].records[0];
  assert.equal(decodeControlKey(marker.key).type, ControlRecordType.Commit);
  assert.equal(decodeEndTxnMarkerValue(marker.value).version, 0);
  assert.equal(control[0].header.producerId, batches[0].header.producerId);
});

test('encoding with every codec decodes to the same records', async () => {
  const records = Array.from({ length: 50 }, (_, i) => ({
    key: i % 7 === 0 ? null : `key-${i}`,
    value: i % 11 === 0 ? null : `value-${i} `.repeat(i),
    headers: i % 3 === 0 ? [{ key: 'h', value: `v${i}` }, { key: 'empty', value: null }] : [],
    timestamp: 1_700_000_000_000n + BigInt(i * 3 - 40),
  }));
  for (const type of Object.values(CompressionType)) {
    const batch = await encodeRecordBatch({ records, compression: type, producerId: 7n, producerEpoch: 2, baseSequence: 100 });
    const h = validateBatch(batch);
    assert.equal(h.recordCount, 50);
    assert.equal(h.baseSequence, 100);
    const decoded = await decodeRecordBatch(batch);
    assert.equal(decoded.header.maxTimestamp, 1_700_000_000_000n + 147n - 40n);
    assert.deepEqual(
      decoded.records.map((r) => [r.offset, r.timestamp, r.key?.toString() ?? null, r.value?.toString() ?? null, r.headers.map((x) => [x.key, x.value?.toString() ?? null])]),
      records.map((r, i) => [BigInt(i), r.timestamp, r.key, r.value, r.headers.map((x) => [x.key, x.value])]),
    );
  }
});

test('baseOffset and partitionLeaderEpoch are written in place without touching the CRC', () => {
  const batch = encodeUncompressedRecordBatch({ records: [{ value: 'a' }, { value: 'b' }] });
  const crc = readBatchHeader(batch).crc;
  setBaseOffset(batch, 1234n);
  setPartitionLeaderEpoch(batch, 9);
  const h = validateBatch(batch);
  assert.equal(h.baseOffset, 1234n);
  assert.equal(h.partitionLeaderEpoch, 9);
  assert.equal(h.crc, crc);
});

test('validation refuses corrupt and inconsistent batches with Kafka error codes', () => {
  const good = encodeUncompressedRecordBatch({ records: [{ value: 'hello' }, { value: 'world' }] });
  const expectCode = (buf: Buffer, code: number) => assert.throws(() => validateBatches(buf), (e: unknown) => e instanceof InvalidRecordBatchError && e.errorCode === code);
  const flipped = Buffer.from(good);
  flipped[good.length - 1] ^= 1;
  expectCode(flipped, ErrorCode.CORRUPT_MESSAGE);
  expectCode(good.subarray(0, good.length - 1), ErrorCode.CORRUPT_MESSAGE);
  expectCode(good.subarray(0, 30), ErrorCode.CORRUPT_MESSAGE);
  const magic1 = Buffer.from(good);
  magic1[Offsets.magic] = 1;
  expectCode(magic1, ErrorCode.INVALID_RECORD);
  const control = encodeTransactionMarkerBatch({ producerId: 1n, producerEpoch: 0, commit: true, coordinatorEpoch: 0 });
  expectCode(control, ErrorCode.INVALID_RECORD);
  assert.equal(validateBatch(control, 0, { allowControl: true }).recordCount, 1);
  assert.throws(() => validateBatches(Buffer.alloc(0)), InvalidRecordBatchError);
});

test('a truncated last batch in fetched data is left out, not an error', async () => {
  const a = encodeUncompressedRecordBatch({ records: [{ value: 'a' }] });
  const b = encodeUncompressedRecordBatch({ records: [{ value: 'b' }], baseOffset: 1n });
  const batches = await decodeRecordBatches(Buffer.concat([a, b.subarray(0, b.length - 3)]));
  assert.equal(batches.length, 1);
});

test('LogAppendTime batches give every record the batch max timestamp', async () => {
  const batch = encodeUncompressedRecordBatch({ records: [{ value: 'a', timestamp: 5n }, { value: 'b', timestamp: 9n }], timestampType: TimestampType.LogAppendTime });
  const decoded = await decodeRecordBatch(batch);
  assert.deepEqual(decoded.records.map((r) => r.timestamp), [9n, 9n]);
});
