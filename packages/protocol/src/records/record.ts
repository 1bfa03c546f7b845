/**
 * Records inside a v2 batch: a varint length, then attributes, timestamp and offset deltas, key,
 * value and headers. Keys, values and header values decode as views into the batch's bytes.
 */
import type { Reader } from '../primitives/reader.ts';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

/** A record as read from a batch, with its absolute offset and timestamp. */
export interface KafkaRecord {
  offset: bigint;
  timestamp: bigint;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

/** A record to write; deltas are computed by the batch writer (batch-builder.ts). */
export interface KafkaRecordInput {
  key?: Buffer | string | null;
  value?: Buffer | string | null;
  headers?: readonly { key: string; value?: Buffer | string | null }[];
  /** Milliseconds since the epoch; defaults to the batch's time. */
  timestamp?: bigint | number;
  /**
   * Offset relative to the batch's base offset; defaults to the record's index. Only the log
   * cleaner sets it, to keep the offsets of the records it retains.
   */
  offsetDelta?: number;
}

/** The fields of a record relative to its batch. */
export interface RecordBody {
  timestampDelta: number;
  offsetDelta: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeader[];
}

function nullableVarBytes(r: Reader, what: string): Buffer | null {
  const at = r.pos;
  const len = r.varint();
  if (len === -1) return null;
  if (len < 0) r.fail(`invalid ${what} length ${len}`, at);
  return r.raw(len, what);
}

export function readRecord(r: Reader): RecordBody {
  const at = r.pos;
  const length = r.varint();
  if (length < 0) r.fail(`invalid record length ${length}`, at);
  const end = r.limit(length, 'record');
  r.int8(); // attributes: unused by every record format so far
  const timestampDelta = r.varlongNumber();
  const offsetDelta = r.varint();
  const key = nullableVarBytes(r, 'record key');
  const value = nullableVarBytes(r, 'record value');
  const headerCountAt = r.pos;
  const headerCount = r.varint();
  // A header takes at least two bytes (key and value lengths).
  if (headerCount < 0 || headerCount * 2 > end - r.pos) r.fail(`invalid record header count ${headerCount}`, headerCountAt);
  const headers: RecordHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    const keyAt = r.pos;
    const keyLength = r.varint();
    if (keyLength < 0) r.fail(`invalid record header key length ${keyLength}`, keyAt);
    const headerKey = r.raw(keyLength, 'record header key').toString('utf8');
    headers.push({ key: headerKey, value: nullableVarBytes(r, 'record header value') });
  }
  if (r.pos !== end) r.fail(`record claims ${length} bytes but its fields take ${r.pos - (end - length)}`, at);
  return { timestampDelta, offsetDelta, key, value, headers };
}
