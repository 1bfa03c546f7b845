/**
 * Records inside a v2 batch: a varint length, then attributes, timestamp and offset deltas, key,
 * value and headers. Keys, values and header values decode as views into the batch's bytes.
 */
import type { Reader } from '../primitives/reader.js';
import type { Writer } from '../primitives/writer.js';

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

/** A record to write; deltas are computed by the batch encoder. */
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

export function toBytes(v: Buffer | string | null | undefined): Buffer | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? Buffer.from(v, 'utf8') : v;
}

function varintSize(v: number): number {
  let raw = ((v << 1) ^ (v >> 31)) >>> 0;
  let n = 1;
  while (raw >= 0x80) {
    raw >>>= 7;
    n++;
  }
  return n;
}

function varlongSize(v: number): number {
  let raw = v >= 0 ? v * 2 : -v * 2 - 1;
  let n = 1;
  while (raw >= 0x80) {
    raw = Math.floor(raw / 128);
    n++;
  }
  return n;
}

function bytesSize(b: Buffer | null): number {
  return b === null ? 1 : varintSize(b.length) + b.length;
}

export function writeRecord(w: Writer, offsetDelta: number, timestampDelta: number, key: Buffer | null, value: Buffer | null, headers: readonly { key: string; value: Buffer | null }[]): void {
  let size = 1 + varlongSize(timestampDelta) + varintSize(offsetDelta) + bytesSize(key) + bytesSize(value) + varintSize(headers.length);
  const headerKeys: Buffer[] = [];
  for (const h of headers) {
    const k = Buffer.from(h.key, 'utf8');
    headerKeys.push(k);
    size += varintSize(k.length) + k.length + bytesSize(h.value);
  }
  w.varint(size);
  w.int8(0);
  w.varlongNumber(timestampDelta);
  w.varint(offsetDelta);
  writeVarBytes(w, key);
  writeVarBytes(w, value);
  w.varint(headers.length);
  for (let i = 0; i < headers.length; i++) {
    w.varint(headerKeys[i].length);
    w.raw(headerKeys[i]);
    writeVarBytes(w, headers[i].value);
  }
}

function writeVarBytes(w: Writer, b: Buffer | null): void {
  if (b === null) {
    w.varint(-1);
    return;
  }
  w.varint(b.length);
  w.raw(b);
}
