/**
 * What the broker checks of a produced batch before it stores the bytes as they are: the frame
 * (lengths), the format (magic 2), the CRC-32C, and that the record count agrees with the offset
 * range. Nothing is decompressed, so validation costs one CRC pass over the bytes.
 */
import { crc32c } from '../crc32c.js';
import { ErrorCode } from '../error-codes.js';
import {
  BATCH_HEADER_SIZE,
  LOG_OVERHEAD,
  MAGIC_V2,
  Offsets,
  type RecordBatchHeader,
  compressionOf,
  isControl,
  readBatchHeader,
} from './batch-header.js';

export class InvalidRecordBatchError extends Error {
  override readonly name = 'InvalidRecordBatchError';
  constructor(
    message: string,
    /** The Kafka error code a broker answers with: CORRUPT_MESSAGE or INVALID_RECORD. */
    readonly errorCode: number,
    /** Position of the batch in the buffer that was checked. */
    readonly position: number,
  ) {
    super(`${message} (batch at byte ${position})`);
  }
}

export interface ValidateOptions {
  /** Require at least one record and offsets 0..n-1 (true for batches from producers). */
  requireRecords?: boolean;
  /** Accept control batches (transaction markers); producers may not send them. */
  allowControl?: boolean;
}

/** Checks the whole batch at `pos` and returns its header. */
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
  } else if (header.lastOffsetDelta < 0 || header.recordCount < 0) {
    fail('record batch has a negative offset range or record count', ErrorCode.INVALID_RECORD);
  }
  return header;
}

/**
 * Validates every batch in `records` (a produce request's partition data), which must be made of
 * whole batches with nothing after them. Returns the headers in order.
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
