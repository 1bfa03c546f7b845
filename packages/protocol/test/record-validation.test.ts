// The broker's per-record validation (validate.ts), as Kafka's LogValidator does it: batches that
// real clients wrote (stored by Apache Kafka 4.3, fixtures/kafka-log) pass with every codec, and
// batches whose CRC is right but whose records are wrong are refused with INVALID_RECORD.
//
// Malformed batches are made from a real batch: its records section is replaced by bytes written
// here with a deliberately separate varint writer (not the codec under test), or mutated in place,
// and the header's length and CRC are then recomputed, so only the record layer is wrong.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  BATCH_HEADER_SIZE,
  ErrorCode,
  InvalidRecordBatchError,
  Offsets,
  crc32c,
  isControl,
  readBatchHeader,
  validateBatches,
  validateBatchesAndRecords,
} from '../src/index.ts';
import { batchesOf, KAFKA_LOG_FIXTURES as dir, Random, realBatch, rebuilt, zz } from '@sluice/test-kit';

/** A record whose body is exactly `parts`, behind its true length. */
function rawRecord(...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([zz(body.length), body]);
}

/** One record's bytes from explicit field encodings: the length prefix is `lengthOverride` or the true one. */
function record(fields: { offsetDelta?: number; key?: Buffer | null; value?: Buffer | null; headers?: Buffer; lengthOverride?: number }): Buffer {
  const bytesField = (b: Buffer | null | undefined) => (b === null || b === undefined ? zz(-1) : Buffer.concat([zz(b.length), b]));
  const body = Buffer.concat([Buffer.from([0]), zz(0), zz(fields.offsetDelta ?? 0), bytesField('key' in fields ? fields.key : Buffer.from('k')), bytesField('value' in fields ? fields.value : Buffer.from('v')), fields.headers ?? zz(0)]);
  return Buffer.concat([zz(fields.lengthOverride ?? body.length), body]);
}

function refused(batch: Buffer, code: number, expect: RegExp, options = {}): Promise<void> {
  return assert.rejects(validateBatchesAndRecords(batch, options), (e: unknown) => {
    assert.ok(e instanceof InvalidRecordBatchError, String(e));
    assert.equal(e.errorCode, code, e.message);
    assert.match(e.message, expect);
    return true;
  });
}

test('every batch that real clients wrote, with every codec, passes record validation', async () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.log'));
  let compressed = 0;
  for (const file of files) {
    for (const batch of batchesOf(readFileSync(join(dir, file)))) {
      const h = readBatchHeader(batch);
      // Stored batches carry the offsets Kafka assigned; control batches are the broker's own.
      await validateBatchesAndRecords(batch, { allowControl: isControl(h.attributes) });
      if ((h.attributes & 7) !== 0) compressed++;
    }
  }
  assert.ok(compressed >= 20, `${compressed} compressed batches checked`);
});

test('the independent record writer agrees with real records (so the mutations below only break what they mean to)', async () => {
  const real = realBatch('none');
  const records = [0, 1, 2, 3].map((i) => record({ offsetDelta: i, key: Buffer.from(`key-${i}`), value: Buffer.from('x'.repeat(i * 50)) }));
  await validateBatchesAndRecords(rebuilt(real, Buffer.concat(records)));
  const gz = rebuilt(real, gzipSync(Buffer.concat(records)), { attributes: 1 });
  await validateBatchesAndRecords(gz);
});

test('a record count that disagrees with the records is refused', async () => {
  const real = realBatch('none');
  const records = real.subarray(BATCH_HEADER_SIZE);
  // Header consistent (count and offset range agree) but one record more than the bytes hold.
  await refused(rebuilt(real, records, { recordCount: 5, lastOffsetDelta: 4 }), ErrorCode.INVALID_RECORD, /record 4 of 5/);
  // One record fewer: the last record's bytes are left over.
  await refused(rebuilt(real, records, { recordCount: 3, lastOffsetDelta: 2 }), ErrorCode.INVALID_RECORD, /bytes follow the last of the 3 records/);
  // A count that disagrees with the offset range is caught from the header alone.
  await refused(rebuilt(real, records, { recordCount: 3 }), ErrorCode.INVALID_RECORD, /offset range/);
  // A count no bytes could hold is refused before any walk.
  await refused(rebuilt(real, records, { recordCount: 2_000_000_000, lastOffsetDelta: 1_999_999_999 }), ErrorCode.INVALID_RECORD, /cannot hold them/);
});

test('a bad record-length varint is refused', async () => {
  const real = realBatch('none');
  const records = real.subarray(BATCH_HEADER_SIZE);
  // The first record's length: a two-byte varint here (these records are 64 to 8191 bytes long).
  assert.ok(records[0] >= 0x80 && records[1] < 0x80);
  const firstLength = ((records[0] & 0x7f) | (records[1] << 7)) / 2;
  const rest = records.subarray(2);
  const cases: [string, Buffer, RegExp][] = [
    ['a varint of five bytes with the continuation bit still set', Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]), rest]), /length is not a valid varint/],
    ['a negative length', Buffer.concat([zz(-5), rest]), /invalid record length -5/],
    ['a length past the end of the batch', Buffer.concat([zz(10_000), rest]), /claims 10000 bytes but only/],
    ['a length one byte short', Buffer.concat([zz(firstLength - 1), rest]), /record 0 of 4/],
    ['a length one byte long', Buffer.concat([zz(firstLength + 1), rest]), /record 0 of 4/],
    ['a zero length', Buffer.concat([zz(0), rest]), /no attributes byte/],
  ];
  for (const [what, records, expect] of cases) await refused(rebuilt(real, records), ErrorCode.INVALID_RECORD, expect).catch((e) => assert.fail(`${what}: ${e.message}`));
});

test('records made of random bytes are refused (seeded)', async () => {
  const real = realBatch('none');
  const random = new Random(0x5eed);
  for (let i = 0; i < 500; i++) {
    const records = random.bytes(random.int(1, 400));
    await assert.rejects(validateBatchesAndRecords(rebuilt(real, records)), (e: unknown) => e instanceof InvalidRecordBatchError && e.errorCode === ErrorCode.INVALID_RECORD);
  }
});

test('single bytes flipped inside real records (CRC recomputed) never pass unnoticed as a different layout', async () => {
  // A flip may still leave a valid record (in a key or value byte); any flip that changes a length
  // or delta must be refused. Each result is checked against an independent reading of the bytes.
  const real = realBatch('none');
  const records = real.subarray(BATCH_HEADER_SIZE);
  let refusedCount = 0;
  for (let i = 0; i < records.length; i++) {
    const mutated = Buffer.from(records);
    mutated[i] ^= 0x40;
    try {
      await validateBatchesAndRecords(rebuilt(real, mutated));
      assert.ok(independentlyValid(mutated, 4), `byte ${i}: accepted but not a valid layout`);
    } catch (e) {
      assert.ok(e instanceof InvalidRecordBatchError && e.errorCode === ErrorCode.INVALID_RECORD, String(e));
      assert.ok(!independentlyValid(mutated, 4), `byte ${i}: refused but a valid layout`);
      refusedCount++;
    }
  }
  assert.ok(refusedCount > 10, `${refusedCount} refused`);
});

/** A plain reading of v2 records, written for this test: true when `count` records fill `buf` exactly with deltas 0..n-1. */
function independentlyValid(buf: Buffer, count: number): boolean {
  let p = 0;
  const varint = (end: number): number | null => {
    let raw = 0n;
    for (let i = 0; i < 5; i++) {
      if (p >= end) return null;
      const b = buf[p++];
      raw |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) {
        const v = Number(BigInt.asUintN(32, raw));
        return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
      }
    }
    return null;
  };
  for (let r = 0; r < count; r++) {
    const length = varint(buf.length);
    if (length === null || length < 0 || p + length > buf.length) return false;
    const end = p + length;
    if (p >= end) return false;
    p++;
    let ok = false;
    for (let i = 0; i < 10 && p < end; i++) if ((buf[p++] & 0x80) === 0) { ok = true; break; }
    if (!ok) return false;
    if (varint(end) !== r) return false;
    for (const nullable of [true, true]) {
      const n = varint(end);
      if (n === null || n < (nullable ? -1 : 0)) return false;
      if (n > 0) p += n;
      if (p > end) return false;
    }
    const headers = varint(end);
    if (headers === null || headers < 0) return false;
    for (let h = 0; h < headers; h++) {
      const k = varint(end);
      if (k === null || k < 0 || (p += k) > end) return false;
      const v = varint(end);
      if (v === null || v < -1) return false;
      if (v > 0) p += v;
      if (p > end) return false;
    }
    if (p !== end) return false;
  }
  return p === buf.length;
}

test('offset deltas must run 0..n-1 in order', async () => {
  const real = realBatch('none');
  const records = (deltas: number[]) => Buffer.concat(deltas.map((d) => record({ offsetDelta: d })));
  await validateBatchesAndRecords(rebuilt(real, records([0, 1, 2, 3])));
  await refused(rebuilt(real, records([0, 2, 1, 3])), ErrorCode.INVALID_RECORD, /record 1 of 4: offset delta 2 out of sequence/);
  await refused(rebuilt(real, records([1, 2, 3, 4])), ErrorCode.INVALID_RECORD, /record 0 of 4: offset delta 1/);
  await refused(rebuilt(real, records([0, 0, 1, 2])), ErrorCode.INVALID_RECORD, /record 1 of 4/);
});

test('fields that run past their record, and bad key, value and header lengths, are refused', async () => {
  const real = realBatch('none');
  const one = (r: Buffer) => rebuilt(real, r, { recordCount: 1, lastOffsetDelta: 0 });
  await validateBatchesAndRecords(one(record({ key: null, value: null })));
  await validateBatchesAndRecords(one(record({ headers: Buffer.concat([zz(1), zz(1), Buffer.from('h'), zz(-1)]) })));
  await refused(one(rawRecord(Buffer.from([0]), zz(0), zz(0), zz(-2), zz(-1), zz(0))), ErrorCode.INVALID_RECORD, /key length is not valid/);
  await refused(one(rawRecord(Buffer.from([0]), zz(0), zz(0), zz(100), Buffer.from('kk'), zz(-1), zz(0))), ErrorCode.INVALID_RECORD, /key of 100 bytes runs past/);
  await refused(one(record({ value: Buffer.from('v'), headers: zz(-1) })), ErrorCode.INVALID_RECORD, /header count is not valid/);
  await refused(one(record({ headers: Buffer.concat([zz(3), zz(1), Buffer.from('h'), zz(-1)]) })), ErrorCode.INVALID_RECORD, /header 1/);
  await refused(one(record({ headers: Buffer.concat([zz(1), zz(-1), zz(-1)]) })), ErrorCode.INVALID_RECORD, /header 0 has an invalid key length/);
  await refused(one(record({ headers: Buffer.concat([zz(1), zz(1), Buffer.from('h'), zz(-7)]) })), ErrorCode.INVALID_RECORD, /header 0 has an invalid value length/);
  // A timestamp delta varlong of eleven bytes.
  await refused(one(rawRecord(Buffer.from([0]), Buffer.alloc(11, 0xff), zz(0), zz(-1), zz(-1), zz(0))), ErrorCode.INVALID_RECORD, /timestamp delta/);
  // The record error names the record.
  await assert.rejects(validateBatchesAndRecords(rebuilt(real, Buffer.concat([record({}), record({ offsetDelta: 1, headers: zz(-1) })]), { recordCount: 2, lastOffsetDelta: 1 })), (e: unknown) => e instanceof InvalidRecordBatchError && e.recordIndex === 1);
});

test('a compressed attribute over bytes that do not decompress is refused, for every codec', async () => {
  const real = realBatch('none');
  for (const [codec, id] of [['gzip', 1], ['snappy', 2], ['lz4', 3], ['zstd', 4]] as const) {
    await refused(rebuilt(real, real.subarray(BATCH_HEADER_SIZE), { attributes: id }), ErrorCode.INVALID_RECORD, new RegExp(`${codec} records do not decompress`));
    await refused(rebuilt(real, Buffer.alloc(0), { attributes: id }), ErrorCode.INVALID_RECORD, new RegExp(`${codec} records do not decompress|cannot hold them`));
  }
  // The gzip stream of a real batch, cut short.
  const gz = realBatch('gzip');
  await refused(rebuilt(gz, gz.subarray(BATCH_HEADER_SIZE, gz.length - 10)), ErrorCode.INVALID_RECORD, /gzip records do not decompress/);
  // Header-only validation (validateBatches) cannot see it: the CRC is right.
  validateBatches(rebuilt(real, real.subarray(BATCH_HEADER_SIZE), { attributes: 1 }));
});

test('compressed batches that decompress to malformed records are refused', async () => {
  const gz = realBatch('gzip');
  const records = gunzipSync(gz.subarray(BATCH_HEADER_SIZE));
  await validateBatchesAndRecords(rebuilt(gz, gzipSync(records)));
  await refused(rebuilt(gz, gzipSync(records.subarray(0, records.length - 1))), ErrorCode.INVALID_RECORD, /record 3 of 4/);
  await refused(rebuilt(gz, gzipSync(records), { recordCount: 3, lastOffsetDelta: 2 }), ErrorCode.INVALID_RECORD, /bytes follow the last of the 3 records/);
  await refused(rebuilt(gz, gzipSync(new Random(3).bytes(300))), ErrorCode.INVALID_RECORD, /record 0 of 4/);
});

test('keys are required when asked (compacted topics), and a producer id needs a sequence', async () => {
  const real = realBatch('none');
  const withNullKey = rebuilt(real, Buffer.concat([record({}), record({ offsetDelta: 1, key: null })]), { recordCount: 2, lastOffsetDelta: 1 });
  await validateBatchesAndRecords(withNullKey);
  await refused(withNullKey, ErrorCode.INVALID_RECORD, /record 1 of 2: compacted topics only accept records with a key/, { requireKeys: true });
  await refused(rebuilt(real, real.subarray(BATCH_HEADER_SIZE), { producerId: 12n, baseSequence: -1 }), ErrorCode.INVALID_RECORD, /invalid sequence number -1/);
});

test('record timestamps are checked against the range given (base timestamp plus each delta)', async () => {
  const real = realBatch('none');
  const base = 1_700_000_000_000n;
  const withDeltas = (deltas: number[]) => {
    const records = deltas.map((d, i) => rawRecord(Buffer.from([0]), zz(d), zz(i), zz(1), Buffer.from('k'), zz(-1), zz(0)));
    const b = rebuilt(real, Buffer.concat(records), { recordCount: deltas.length, lastOffsetDelta: deltas.length - 1 });
    b.writeBigInt64BE(base, Offsets.baseTimestamp);
    b.writeUInt32BE(crc32c(b.subarray(Offsets.attributes)), Offsets.crc);
    return b;
  };
  const range = { min: Number(base) - 1000, max: Number(base) + 1000 };
  await validateBatchesAndRecords(withDeltas([0, 1000, -1000]), { timestampRange: range });
  await refused(withDeltas([0, 1001]), ErrorCode.INVALID_TIMESTAMP, /record 1 of 2: timestamp 1700000001001 is out of range/, { timestampRange: range });
  await refused(withDeltas([-1001]), ErrorCode.INVALID_TIMESTAMP, /record 0 of 1/, { timestampRange: range });
  // Without a range, only the varlong's form is checked.
  await validateBatchesAndRecords(withDeltas([0, 1001, -5_000_000]));
});
