/**
 * What the broker checks of a produced batch before it stores the bytes as they are, as Kafka's
 * LogValidator does: the frame (lengths), the format (magic 2), the CRC-32C, the header's counts
 * and producer fields, and then every record: its length varint, each field parsing to exactly
 * that length, offset deltas 0..n-1, headers, and nothing left after the last record. Compressed
 * batches are decompressed once for this and stored as they came (never re-encoded).
 *
 * Records are walked on the raw bytes without creating an object per record, so validating an
 * uncompressed batch costs about one more pass over its bytes than the CRC.
 */
import { type CompressionType, DEFAULT_MAX_DECOMPRESSED_BYTES, compressionTypeName, decompress } from '../compression/index.ts';
import { crc32c } from '../crc32c.ts';
import { ErrorCode } from '../error-codes.ts';
import { ProtocolErrorCode } from '../primitives/errors.ts';
import {
  BATCH_HEADER_SIZE,
  LOG_OVERHEAD,
  MAGIC_V2,
  NO_PRODUCER_ID,
  Offsets,
  type RecordBatchHeader,
  compressionOf,
  isControl,
  readBatchHeader,
} from './batch-header.ts';

export class InvalidRecordBatchError extends Error {
  override readonly name = 'InvalidRecordBatchError';
  readonly code = ProtocolErrorCode.INVALID_RECORD_BATCH;
  /** The Kafka error code a broker answers with: CORRUPT_MESSAGE (bytes damaged) or INVALID_RECORD. */
  readonly errorCode: number;
  /** Position of the batch in the buffer that was checked. */
  readonly position: number;
  /** The index in its batch of the record at fault, when one record is (Produce v8+ record_errors). */
  readonly recordIndex: number | null;

  constructor(message: string, errorCode: number, position: number, recordIndex: number | null = null) {
    super(`${message} (batch at byte ${position})`);
    this.errorCode = errorCode;
    this.position = position;
    this.recordIndex = recordIndex;
  }
}

export interface ValidateOptions {
  /** Require at least one record and offsets 0..n-1 (true for batches from producers). */
  requireRecords?: boolean;
  /** Accept control batches (transaction markers); producers may not send them. */
  allowControl?: boolean;
  /** Refuse records without a key, as Kafka does for compacted topics. */
  requireKeys?: boolean;
  /** Refuse to decompress a batch's records beyond this many bytes (a decompression bomb guard). */
  maxDecompressedBytes?: number;
  /**
   * The range of record timestamps accepted (ms since the epoch), as Kafka's
   * message.timestamp.before.max.ms and after.max.ms set it around the broker's time for CreateTime
   * topics; a record outside it fails with INVALID_TIMESTAMP. Records without a timestamp (-1) pass.
   */
  timestampRange?: { min: number; max: number };
}

/**
 * Checks the batch at `pos` and returns its header. The records of an uncompressed batch are
 * checked here; those of a compressed one need decompressing first: see validateCompressedRecords.
 */
export function validateBatch(buf: Buffer, pos = 0, options: ValidateOptions = {}): RecordBatchHeader {
  const { requireRecords = true, allowControl = false } = options;
  const fail = (message: string, code: number = ErrorCode.CORRUPT_MESSAGE): never => {
    throw new InvalidRecordBatchError(message, code, pos);
  };
  const available = buf.length - pos;
  if (available < BATCH_HEADER_SIZE) fail(`record batch of ${available} bytes is shorter than its ${BATCH_HEADER_SIZE}-byte header`);
  const batchLength = buf.readInt32BE(pos + Offsets.batchLength);
  if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD) fail(`record batch length ${batchLength} is too small`);
  if (batchLength + LOG_OVERHEAD > available) fail(`record batch claims ${batchLength + LOG_OVERHEAD} bytes but ${available} are present`);
  const magic = buf.readInt8(pos + Offsets.magic);
  if (magic !== MAGIC_V2) fail(`record batch has magic ${magic}; only magic 2 (Kafka 0.11+ format) is accepted`, ErrorCode.INVALID_RECORD);
  const stored = buf.readUInt32BE(pos + Offsets.crc);
  const computed = crc32c(buf.subarray(pos + Offsets.attributes, pos + LOG_OVERHEAD + batchLength));
  if (stored !== computed) fail(`record batch CRC mismatch: stored ${stored.toString(16)}, computed ${computed.toString(16)}`);
  const header = readBatchHeader(buf, pos);
  if (compressionOf(header.attributes) > 4) fail(`record batch uses unknown compression type ${compressionOf(header.attributes)}`);
  if (!allowControl && isControl(header.attributes)) fail('control batches may only be written by the broker', ErrorCode.INVALID_RECORD);
  if (requireRecords) {
    if (header.recordCount <= 0) fail(`record batch has invalid record count ${header.recordCount}`, ErrorCode.INVALID_RECORD);
    if (header.lastOffsetDelta + 1 !== header.recordCount) {
      fail(`record batch holds ${header.recordCount} records but its offset range has ${header.lastOffsetDelta + 1}`, ErrorCode.INVALID_RECORD);
    }
    if (header.producerId !== NO_PRODUCER_ID && header.baseSequence < 0 && !isControl(header.attributes)) {
      fail(`record batch from producer id ${header.producerId} has invalid sequence number ${header.baseSequence}`, ErrorCode.INVALID_RECORD);
    }
  } else if (header.lastOffsetDelta < 0 || header.recordCount < 0) {
    fail('record batch has a negative offset range or record count', ErrorCode.INVALID_RECORD);
  }
  if (compressionOf(header.attributes) === 0) {
    checkRecords(buf, pos + BATCH_HEADER_SIZE, pos + LOG_OVERHEAD + batchLength, header, pos, options);
  }
  return header;
}

/**
 * Validates every batch in `records` (a produce request's partition data), which must be made of
 * whole batches with nothing after them, and returns the headers in order. The records of
 * compressed batches are left to validateCompressedRecords.
 */
export function validateBatches(records: Buffer, options: ValidateOptions = {}): RecordBatchHeader[] {
  const headers: RecordBatchHeader[] = [];
  let pos = 0;
  while (pos < records.length) {
    const h = validateBatch(records, pos, options);
    headers.push(h);
    pos += h.batchLength + LOG_OVERHEAD;
  }
  if (headers.length === 0) throw new InvalidRecordBatchError('no record batch in the records', ErrorCode.INVALID_RECORD, 0);
  return headers;
}

/** Whether any of these batches has compressed records (validateCompressedRecords has work to do). */
export function hasCompressedBatch(headers: readonly RecordBatchHeader[]): boolean {
  return headers.some((h) => compressionOf(h.attributes) !== 0);
}

/**
 * Decompresses each compressed batch of `records` (already checked by validateBatches) once and
 * checks its records as validateBatch does for uncompressed ones.
 */
export async function validateCompressedRecords(records: Buffer, options: ValidateOptions = {}): Promise<void> {
  for (let pos = 0; pos + BATCH_HEADER_SIZE <= records.length; ) {
    const header = readBatchHeader(records, pos);
    const end = pos + LOG_OVERHEAD + header.batchLength;
    const type = compressionOf(header.attributes) as CompressionType;
    if (type !== 0) {
      let body: Buffer;
      try {
        body = await decompress(type, records.subarray(pos + BATCH_HEADER_SIZE, end), options.maxDecompressedBytes ?? DEFAULT_MAX_DECOMPRESSED_BYTES);
      } catch (e) {
        throw new InvalidRecordBatchError(`record batch's ${compressionTypeName(type)} records do not decompress: ${(e as Error).message}`, ErrorCode.INVALID_RECORD, pos);
      }
      checkRecords(body, 0, body.length, header, pos, options);
    }
    pos = end;
  }
}

/** validateBatches, then validateCompressedRecords when needed: every check, in one call. */
export async function validateBatchesAndRecords(records: Buffer, options: ValidateOptions = {}): Promise<RecordBatchHeader[]> {
  const headers = validateBatches(records, options);
  if (hasCompressedBatch(headers)) await validateCompressedRecords(records, options);
  return headers;
}

// ------------------------------------------------------------------ the record walk

/**
 * The walk's position in the buffer. Module state rather than a returned pair, so that reading a
 * varint allocates nothing; the walk is synchronous, so no two walks interleave. A property of a
 * constant object rather than a module-level `let`, which V8 reads and writes more slowly.
 */
const cursor = { at: 0 };

/** A zigzag varint of at most 5 bytes ending before `end`, or NaN when truncated or too long. */
function varint(buf: Buffer, end: number): number {
  let raw = 0;
  for (let shift = 0; shift < 35; shift += 7) {
    if (cursor.at >= end) return NaN;
    const b = buf[cursor.at++];
    raw |= (b & 0x7f) << shift;
    if (b < 0x80) return (raw >>> 1) ^ -(raw & 1);
  }
  return NaN;
}

/**
 * A zigzag varlong of at most 10 bytes ending before `end`, as a number, or NaN when truncated or
 * too long. Values beyond 2^53 lose precision, which only matters to a timestamp delta that large,
 * and any such timestamp is out of every accepted range anyway.
 */
function varlongNumber(buf: Buffer, end: number): number {
  let raw = 0;
  let scale = 1;
  for (let i = 0; i < 10; i++) {
    if (cursor.at >= end) return NaN;
    const b = buf[cursor.at++];
    raw += (b & 0x7f) * scale;
    if (b < 0x80) return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
    scale *= 128;
  }
  return NaN;
}

/** Skips a varlong of at most 10 bytes ending before `end`; false when truncated or too long. */
function skipVarlong(buf: Buffer, end: number): boolean {
  for (let i = 0; i < 10; i++) {
    if (cursor.at >= end) return false;
    if (buf[cursor.at++] < 0x80) return true;
  }
  return false;
}

function recordError(index: number, count: number, batchPos: number, what: string): InvalidRecordBatchError {
  return new InvalidRecordBatchError(`record ${index} of ${count}: ${what}`, ErrorCode.INVALID_RECORD, batchPos, index);
}

/**
 * Walks `count` records in buf[start, end). Every failure is INVALID_RECORD: the CRC matched, so
 * the bytes arrived as the producer wrote them and sending them again cannot help.
 */
function checkRecords(buf: Buffer, start: number, end: number, header: RecordBatchHeader, batchPos: number, options: ValidateOptions): void {
  const count = header.recordCount;
  const requireKeys = options.requireKeys === true;
  const range = options.timestampRange;
  const baseTimestamp = Number(header.baseTimestamp);
  // Each record takes at least 7 bytes: a count that cannot fit is refused before any walk.
  if (count < 0 || count * 7 > end - start) {
    throw new InvalidRecordBatchError(`record batch declares ${count} records but its ${end - start} bytes of records cannot hold them`, ErrorCode.INVALID_RECORD, batchPos);
  }
  cursor.at = start;
  let lastDelta = -1;
  for (let i = 0; i < count; i++) {
    const length = varint(buf, end);
    if (length !== length) throw recordError(i, count, batchPos, 'its length is not a valid varint or runs past the batch');
    if (length < 0) throw recordError(i, count, batchPos, `invalid record length ${length}`);
    const bodyStart = cursor.at;
    const recordEnd = cursor.at + length;
    if (recordEnd > end) throw recordError(i, count, batchPos, `it claims ${length} bytes but only ${end - cursor.at} remain in the batch`);
    if (cursor.at >= recordEnd) throw recordError(i, count, batchPos, 'it has no attributes byte');
    cursor.at++; // attributes: no record-level attribute is defined yet, and Kafka reads none
    if (range === undefined) {
      if (!skipVarlong(buf, recordEnd)) throw recordError(i, count, batchPos, 'its timestamp delta is not a valid varlong within the record');
    } else {
      const delta = varlongNumber(buf, recordEnd);
      if (delta !== delta) throw recordError(i, count, batchPos, 'its timestamp delta is not a valid varlong within the record');
      const timestamp = baseTimestamp + delta;
      if (timestamp !== -1 && (timestamp < range.min || timestamp > range.max)) {
        throw new InvalidRecordBatchError(
          `record ${i} of ${count}: timestamp ${timestamp} is out of range; it should be within [${range.min}, ${range.max}] (message.timestamp.before.max.ms, message.timestamp.after.max.ms)`,
          ErrorCode.INVALID_TIMESTAMP,
          batchPos,
          i,
        );
      }
    }
    const offsetDelta = varint(buf, recordEnd);
    if (offsetDelta !== offsetDelta) throw recordError(i, count, batchPos, 'its offset delta is not a valid varint within the record');
    if (options.requireRecords !== false ? offsetDelta !== i : offsetDelta <= lastDelta || offsetDelta > header.lastOffsetDelta) {
      throw recordError(i, count, batchPos, `offset delta ${offsetDelta} out of sequence (records are numbered 0 to ${header.lastOffsetDelta} in order)`);
    }
    lastDelta = offsetDelta;
    const keyLength = varint(buf, recordEnd);
    if (keyLength !== keyLength || keyLength < -1) throw recordError(i, count, batchPos, 'its key length is not valid');
    if (keyLength === -1 && requireKeys) throw recordError(i, count, batchPos, 'compacted topics only accept records with a key');
    if (keyLength > 0) cursor.at += keyLength;
    if (cursor.at > recordEnd) throw recordError(i, count, batchPos, `its key of ${keyLength} bytes runs past the record's ${length} bytes`);
    const valueLength = varint(buf, recordEnd);
    if (valueLength !== valueLength || valueLength < -1) throw recordError(i, count, batchPos, 'its value length is not valid');
    if (valueLength > 0) cursor.at += valueLength;
    if (cursor.at > recordEnd) throw recordError(i, count, batchPos, `its value of ${valueLength} bytes runs past the record's ${length} bytes`);
    const headerCount = varint(buf, recordEnd);
    if (headerCount !== headerCount || headerCount < 0) throw recordError(i, count, batchPos, 'its header count is not valid');
    for (let h = 0; h < headerCount; h++) {
      const headerKeyLength = varint(buf, recordEnd);
      if (headerKeyLength !== headerKeyLength || headerKeyLength < 0) throw recordError(i, count, batchPos, `header ${h} has an invalid key length`);
      cursor.at += headerKeyLength;
      if (cursor.at > recordEnd) throw recordError(i, count, batchPos, `header ${h}'s key runs past the record's ${length} bytes`);
      const headerValueLength = varint(buf, recordEnd);
      if (headerValueLength !== headerValueLength || headerValueLength < -1) throw recordError(i, count, batchPos, `header ${h} has an invalid value length`);
      if (headerValueLength > 0) cursor.at += headerValueLength;
      if (cursor.at > recordEnd) throw recordError(i, count, batchPos, `header ${h}'s value runs past the record's ${length} bytes`);
    }
    if (cursor.at !== recordEnd) throw recordError(i, count, batchPos, `it claims ${length} bytes but its fields take ${cursor.at - bodyStart}`);
  }
  if (cursor.at !== end) {
    throw new InvalidRecordBatchError(`${end - cursor.at} bytes follow the last of the ${count} records the batch declares`, ErrorCode.INVALID_RECORD, batchPos);
  }
}
