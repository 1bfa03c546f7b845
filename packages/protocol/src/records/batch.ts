/**
 * Encoding and decoding whole v2 record batches, compression included.
 * Decoding is for clients and for the log cleaner; the broker's produce and fetch paths never
 * decode records (see validate.ts).
 */
import { type CompressionType, decompress } from '../compression/index.ts';
import { crc32c } from '../crc32c.ts';
import { DecodeError } from '../primitives/errors.ts';
import { Reader } from '../primitives/reader.ts';
import {
  Attributes,
  BATCH_HEADER_SIZE,
  LOG_OVERHEAD,
  MAGIC_V2,
  Offsets,
  type RecordBatchHeader,
  compressionOf,
  readBatchHeader,
} from './batch-header.ts';
import { RecordBatchBuilder, type SealOptions, fieldLength, recordSizeInBatch } from './batch-builder.ts';
import { type KafkaRecord, type KafkaRecordInput, readRecord } from './record.ts';

export interface RecordBatch {
  header: RecordBatchHeader;
  records: KafkaRecord[];
}

/** The builder's header options (one list of them), with the records, and the delete horizon as a time. */
export interface EncodeBatchOptions extends Omit<SealOptions, 'deleteHorizon'> {
  records: readonly KafkaRecordInput[];
  /** Timestamp for records that carry none; defaults to the current time. */
  now?: bigint;
  /**
   * Sets the delete horizon (KIP-534): the time after which the log cleaner may drop this batch's
   * tombstones. It is stored in the base timestamp field with attribute bit 6 set; record
   * timestamps stay what they were, as deltas from it.
   */
  deleteHorizonMs?: bigint;
}

/** The batch's records written into a builder of their exact size. */
function build(o: EncodeBatchOptions): RecordBatchBuilder {
  const records = o.records;
  if (records.length === 0) throw new RangeError('a record batch needs at least one record');
  const now = o.now ?? BigInt(Date.now());
  const timestamps = records.map((r) => Number(r.timestamp ?? now));
  const baseTimestamp = o.deleteHorizonMs !== undefined ? Number(o.deleteHorizonMs) : timestamps[0];
  const sizes = records.map((r, i) =>
    recordSizeInBatch(r.offsetDelta ?? i, timestamps[i] - baseTimestamp, fieldLength(r.key), fieldLength(r.value), r.headers ?? null),
  );
  let capacity = BATCH_HEADER_SIZE;
  for (const size of sizes) capacity += size;
  const builder = new RecordBatchBuilder(capacity, baseTimestamp);
  records.forEach((r, i) => builder.append(timestamps[i], r.key, r.value, r.headers ?? null, sizes[i], r.offsetDelta ?? i));
  return builder;
}

function sealOptions(o: EncodeBatchOptions): SealOptions {
  return { ...o, deleteHorizon: o.deleteHorizonMs !== undefined };
}

/** Encodes a batch, compressing its records when asked to. */
export async function encodeRecordBatch(o: EncodeBatchOptions): Promise<Buffer> {
  return build(o).seal(sealOptions(o));
}

/** Encodes an uncompressed batch synchronously (control batches, tests, the broker's own writes). */
export function encodeUncompressedRecordBatch(o: EncodeBatchOptions): Buffer {
  if ((o.compression ?? 0) !== 0) throw new RangeError('encodeUncompressedRecordBatch cannot compress; use encodeRecordBatch');
  return build(o).sealUncompressed(sealOptions(o));
}

export interface DecodeBatchOptions {
  /** Check each batch's CRC-32C (Kafka consumers do by default: check.crcs=true). */
  verifyCrc?: boolean;
  /** Refuse to decompress a batch's records beyond this many bytes. */
  maxDecompressedBytes?: number;
}

/** Decodes the batch at `pos`, which must be complete. */
export async function decodeRecordBatch(buf: Buffer, pos = 0, options: DecodeBatchOptions = {}): Promise<RecordBatch> {
  const available = buf.length - pos;
  if (available < BATCH_HEADER_SIZE) throw new DecodeError(`record batch of ${available} bytes is shorter than its header`, pos);
  const header = readBatchHeader(buf, pos);
  const size = header.batchLength + LOG_OVERHEAD;
  if (header.batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD || size > available) {
    throw new DecodeError(`record batch claims ${size} bytes but ${available} are present`, pos);
  }
  if (header.magic !== MAGIC_V2) throw new DecodeError(`record batch has magic ${header.magic}; only magic 2 is supported`, pos + Offsets.magic);
  if (options.verifyCrc !== false) {
    const computed = crc32c(buf.subarray(pos + Offsets.attributes, pos + size));
    if (computed !== header.crc) throw new DecodeError(`record batch CRC mismatch: stored ${header.crc.toString(16)}, computed ${computed.toString(16)}`, pos);
  }
  const type = compressionOf(header.attributes) as CompressionType;
  const raw = buf.subarray(pos + BATCH_HEADER_SIZE, pos + size);
  const body = type === 0 ? raw : await decompress(type, raw, options.maxDecompressedBytes);
  return { header, records: decodeRecords(header, body) };
}

/** Decodes the records of a batch from its (decompressed) records section. */
export function decodeRecords(header: RecordBatchHeader, body: Buffer): KafkaRecord[] {
  const r = new Reader(body);
  const count = header.recordCount;
  // Each record takes at least 7 bytes; a count that cannot fit is corrupt, whatever it claims.
  if (count < 0 || count * 7 > body.length) r.fail(`record batch claims ${count} records in ${body.length} bytes`, 0);
  const logAppendTime = (header.attributes & Attributes.logAppendTime) !== 0;
  const records: KafkaRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rec = readRecord(r);
    records.push({
      offset: header.baseOffset + BigInt(rec.offsetDelta),
      timestamp: logAppendTime ? header.maxTimestamp : header.baseTimestamp + BigInt(rec.timestampDelta),
      key: rec.key,
      value: rec.value,
      headers: rec.headers,
    });
  }
  if (r.remaining !== 0) r.fail(`${r.remaining} bytes after the last of ${count} records`);
  return records;
}

/**
 * Decodes every complete batch in `buf` (a fetch response's records). A truncated batch at the
 * end is normal (the broker cuts at max bytes) and is left out.
 */
export async function decodeRecordBatches(buf: Buffer, options: DecodeBatchOptions = {}): Promise<RecordBatch[]> {
  const batches: RecordBatch[] = [];
  let pos = 0;
  while (buf.length - pos >= LOG_OVERHEAD) {
    const size = buf.readInt32BE(pos + Offsets.batchLength) + LOG_OVERHEAD;
    if (size > buf.length - pos) break;
    batches.push(await decodeRecordBatch(buf, pos, options));
    pos += size;
  }
  return batches;
}
