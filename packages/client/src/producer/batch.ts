/**
 * A producer batch for one partition, built in place: records are encoded straight into one
 * buffer as they are sent, after 61 bytes left free for the v2 batch header. Closing it writes
 * the header and CRC around them (or compresses them into a new buffer), so an uncompressed batch
 * is never copied on its way to the socket. The producer id, epoch and sequence live in the
 * header, so a batch whose sequence is reset is re-stamped and its CRC recomputed, without
 * touching the records.
 */
import { BATCH_HEADER_SIZE, type CompressionType, LOG_OVERHEAD, Offsets, compress, crc32c, decodeRecords, readBatchHeader } from '@sluice/protocol';
import type { KafkaError } from '../errors.js';

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** The record's offset; -1n when the broker did not say (acks=0, or a duplicate it no longer remembers). */
  offset: bigint;
  /** The record's timestamp: its create time, or the broker's append time on LogAppendTime topics. */
  timestamp: number;
}

/** Completion of one `send` or `sendBatch` call, shared by all of its records. */
export class SendGroup {
  readonly results: RecordMetadata[];
  private remaining: number;
  private failed = false;
  constructor(
    size: number,
    private readonly onDone: (results: RecordMetadata[]) => void,
    private readonly onError: (error: KafkaError) => void,
  ) {
    this.results = new Array(size);
    this.remaining = size;
  }

  complete(index: number, meta: RecordMetadata): void {
    if (this.failed) return;
    this.results[index] = meta;
    if (--this.remaining === 0) this.onDone(this.results);
  }

  fail(error: KafkaError): void {
    if (this.failed) return;
    this.failed = true;
    this.onError(error);
  }

  get isFailed(): boolean {
    return this.failed;
  }
}

export interface HeaderInput {
  key: string;
  value: Buffer | string | null;
}

const textEncoderLimit = 64;

function varintSize(v: number): number {
  let raw = ((v << 1) ^ (v >> 31)) >>> 0;
  let n = 1;
  while (raw >= 0x80) {
    raw >>>= 7;
    n++;
  }
  return n;
}

function uvarintSize(raw: number): number {
  let n = 1;
  while (raw >= 0x80) {
    raw = Math.floor(raw / 128);
    n++;
  }
  return n;
}

function zigzag(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

function byteLength(v: Buffer | string | null): number {
  if (v === null) return -1;
  if (typeof v !== 'string') return v.length;
  if (v.length < textEncoderLimit) {
    let ascii = true;
    for (let i = 0; i < v.length; i++) {
      if (v.charCodeAt(i) > 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return v.length;
  }
  return Buffer.byteLength(v, 'utf8');
}

/** Bytes a record takes inside a batch, length prefix included (Java's DefaultRecord.sizeInBytes). */
export function recordSize(offsetDelta: number, timestampDelta: number, keyLen: number, valueLen: number, headers: readonly HeaderInput[] | null): number {
  let body = 1 + uvarintSize(zigzag(timestampDelta)) + varintSize(offsetDelta);
  body += keyLen < 0 ? 1 : varintSize(keyLen) + keyLen;
  body += valueLen < 0 ? 1 : varintSize(valueLen) + valueLen;
  const hc = headers ? headers.length : 0;
  body += varintSize(hc);
  for (let i = 0; i < hc; i++) {
    const h = headers![i];
    const kl = byteLength(h.key);
    const vl = byteLength(h.value);
    body += varintSize(kl) + kl + (vl < 0 ? 1 : varintSize(vl) + vl);
  }
  return varintSize(body) + body;
}

interface Span {
  group: SendGroup;
  index: number;
  count: number;
  /** Offset delta of the span's first record in this batch. */
  first: number;
  /** Timestamps of the span's records (for the results). */
  timestamps: number[] | number;
}

export class ProducerBatch {
  buf: Buffer;
  private pos = BATCH_HEADER_SIZE;
  count = 0;
  baseTimestamp = 0;
  maxTimestamp = 0;
  readonly createdAt: number;
  private spans: Span[] = [];
  /** The whole encoded batch, once closed. */
  encoded: Buffer | null = null;
  /** Bytes reserved against the producer's buffer memory. */
  readonly reserved: number;
  attempts = 0;
  /** Not before this time (retry backoff). */
  retryAt = 0;
  producerId = -1n;
  producerEpoch = -1;
  baseSequence = -1;
  /** The sequence was reassigned after an epoch bump (Java's sequenceHasBeenReset). */
  sequenceReset = false;
  inFlight = false;
  done = false;
  /** A record did not fit, or the batch reached batch.size: no more appends. */
  full = false;
  private stampedOnce = false;
  /** The leader epoch of the partition when the batch was last sent (for retry decisions). */
  leaderEpoch = -1;

  constructor(
    readonly topic: string,
    readonly partition: number,
    capacity: number,
    now: number,
    reserved = capacity,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
    this.reserved = reserved;
    this.createdAt = now;
  }

  /** Bytes the batch takes so far, header included (before compression). */
  get sizeInBytes(): number {
    return this.pos;
  }

  get isClosed(): boolean {
    return this.encoded !== null;
  }

  /** Whether a record of `size` bytes (from recordSize) fits into the capacity left. */
  hasRoomFor(size: number): boolean {
    return this.pos + size <= this.buf.length;
  }

  get lastSequence(): number {
    return this.baseSequence + this.count - 1;
  }

  /**
   * Appends a record (the caller checked hasRoomFor with recordSize for the same arguments).
   * Returns its offset delta.
   */
  append(timestamp: number, key: Buffer | string | null, value: Buffer | string | null, headers: readonly HeaderInput[] | null, size: number): number {
    const offsetDelta = this.count;
    if (offsetDelta === 0) {
      this.baseTimestamp = timestamp;
      this.maxTimestamp = timestamp;
    } else if (timestamp > this.maxTimestamp) {
      this.maxTimestamp = timestamp;
    }
    const buf = this.buf;
    let p = this.pos;
    const end = p + size;
    // The length prefix counts the body only; `size` includes the prefix itself.
    const bodyLen = bodyLength(size);
    p = writeUvarint(buf, p, zigzag(bodyLen));
    buf[p++] = 0; // attributes
    p = writeUvarint(buf, p, zigzag(timestamp - this.baseTimestamp));
    p = writeUvarint(buf, p, zigzag(offsetDelta));
    p = writeBytesField(buf, p, key);
    p = writeBytesField(buf, p, value);
    const hc = headers ? headers.length : 0;
    p = writeUvarint(buf, p, zigzag(hc));
    for (let i = 0; i < hc; i++) {
      const h = headers![i];
      p = writeBytesField(buf, p, h.key);
      p = writeBytesField(buf, p, h.value);
    }
    if (p !== end) throw new Error(`record encoding took ${p - this.pos} bytes, expected ${size}`);
    this.pos = p;
    this.count++;
    return offsetDelta;
  }

  /** Registers the record at `index` of a send group, appended at offset delta `delta`. */
  addRecord(group: SendGroup, index: number, delta: number, timestamp: number): void {
    const spans = this.spans;
    const last = spans.length > 0 ? spans[spans.length - 1] : undefined;
    if (last && last.group === group && last.index + last.count === index && last.first + last.count === delta) {
      if (typeof last.timestamps === 'number') {
        if (last.timestamps !== timestamp) {
          const list = new Array<number>(last.count).fill(last.timestamps);
          list.push(timestamp);
          last.timestamps = list;
        }
      } else {
        last.timestamps.push(timestamp);
      }
      last.count++;
      return;
    }
    spans.push({ group, index, count: 1, first: delta, timestamps: timestamp });
  }

  /** Seals the batch: compresses its records if asked to and writes the header. */
  async close(compression: CompressionType, level: number | undefined): Promise<void> {
    if (this.encoded) return;
    if (compression === 0) {
      this.encoded = this.buf.subarray(0, this.pos);
    } else {
      const compressed = await compress(compression, this.buf.subarray(BATCH_HEADER_SIZE, this.pos), level);
      const out = Buffer.allocUnsafe(BATCH_HEADER_SIZE + compressed.length);
      compressed.copy(out, BATCH_HEADER_SIZE);
      this.encoded = out;
    }
    const b = this.encoded;
    b.writeBigInt64BE(0n, Offsets.baseOffset);
    b.writeInt32BE(b.length - LOG_OVERHEAD, Offsets.batchLength);
    b.writeInt32BE(-1, Offsets.partitionLeaderEpoch);
    b[Offsets.magic] = 2;
    b.writeInt16BE(compression & 7, Offsets.attributes);
    b.writeInt32BE(this.count - 1, Offsets.lastOffsetDelta);
    b.writeBigInt64BE(BigInt(this.baseTimestamp), Offsets.baseTimestamp);
    b.writeBigInt64BE(BigInt(this.maxTimestamp), Offsets.maxTimestamp);
    b.writeInt32BE(this.count, Offsets.recordCount);
    this.stamp(this.producerId, this.producerEpoch, this.baseSequence, false);
  }

  /** Sets the producer id, epoch and base sequence (and the transactional bit), recomputing the CRC. */
  stamp(producerId: bigint, producerEpoch: number, baseSequence: number, transactional: boolean): void {
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
    this.baseSequence = baseSequence;
    if (!this.encoded) return;
    // The old bytes may still sit in a socket's write queue: stamp a copy.
    const b = this.stampedOnce ? Buffer.from(this.encoded) : this.encoded;
    this.stampedOnce = true;
    this.encoded = b;
    b.writeBigInt64BE(producerId, Offsets.producerId);
    b.writeInt16BE(producerEpoch, Offsets.producerEpoch);
    b.writeInt32BE(baseSequence, Offsets.baseSequence);
    const attributes = b.readInt16BE(Offsets.attributes);
    b.writeInt16BE(transactional ? attributes | 0x10 : attributes & ~0x10, Offsets.attributes);
    b.writeUInt32BE(crc32c(b.subarray(Offsets.attributes)), Offsets.crc);
  }

  /**
   * Splits a sent batch that the broker refused as too large (MESSAGE_TOO_LARGE) into batches of
   * at most `batchSize` bytes (one record each where records are bigger), as Java's producer
   * does: the records keep their order, timestamps and promises, and a record that is too large
   * on its own then fails alone. With idempotence the parts take consecutive sequences from this
   * batch's own, which the broker never wrote. The parts share this batch's memory reservation
   * (the first part carries it) and its creation time (the delivery timeout still counts from
   * the send). This batch is done afterwards, without settling any promise; `whenDone` waits
   * for the parts.
   */
  split(batchSize: number): ProducerBatch[] {
    if (!this.encoded) throw new Error('only a closed (sent) batch is split');
    const records = decodeRecords(readBatchHeader(this.encoded), this.buf.subarray(BATCH_HEADER_SIZE, this.pos));
    const owners = new Array<{ group: SendGroup; index: number }>(this.count);
    for (const s of this.spans) for (let i = 0; i < s.count; i++) owners[s.first + i] = { group: s.group, index: s.index + i };
    const parts: ProducerBatch[] = [];
    let part: ProducerBatch | undefined;
    for (let d = 0; d < records.length; d++) {
      const r = records[d]!;
      const timestamp = Number(r.timestamp);
      const keyLen = r.key === null ? -1 : r.key.length;
      const valueLen = r.value === null ? -1 : r.value.length;
      let size = part ? recordSize(part.count, timestamp - part.baseTimestamp, keyLen, valueLen, r.headers) : 0;
      if (!part || !part.hasRoomFor(size)) {
        size = recordSize(0, 0, keyLen, valueLen, r.headers);
        part = new ProducerBatch(this.topic, this.partition, Math.max(batchSize, BATCH_HEADER_SIZE + size), this.createdAt, parts.length === 0 ? this.reserved : 0);
        // Its sequence range is fixed below: nothing more may be appended.
        part.full = true;
        parts.push(part);
      }
      const delta = part.append(timestamp, r.key, r.value, r.headers, size);
      part.addRecord(owners[d]!.group, owners[d]!.index, delta, timestamp);
    }
    if (this.baseSequence >= 0) {
      let sequence = this.baseSequence;
      for (const p of parts) {
        p.stamp(this.producerId, this.producerEpoch, sequence, false);
        p.sequenceReset = this.sequenceReset;
        sequence += p.count;
      }
    }
    this.done = true;
    const waiters = this.waiters;
    this.waiters = null;
    if (waiters) void Promise.all(parts.map((p) => p.whenDone())).then(() => waiters.forEach((w) => w()));
    this.release();
    return parts;
  }

  /** Resolves every record's promise with its offset. */
  complete(baseOffset: bigint, logAppendTime: number): void {
    if (this.done) return;
    this.done = true;
    const topic = this.topic;
    const partition = this.partition;
    const known = baseOffset >= 0n;
    for (const s of this.spans) {
      for (let i = 0; i < s.count; i++) {
        const delta = s.first + i;
        const ts = logAppendTime >= 0 ? logAppendTime : typeof s.timestamps === 'number' ? s.timestamps : s.timestamps[i];
        s.group.complete(s.index + i, { topic, partition, offset: known ? baseOffset + BigInt(delta) : -1n, timestamp: ts });
      }
    }
    this.release();
  }

  /** Fails every record's promise. */
  fail(error: KafkaError): void {
    if (this.done) return;
    this.done = true;
    for (const s of this.spans) s.group.fail(error);
    this.release();
  }

  private waiters: Array<() => void> | null = null;

  /** Resolves once the batch is done, whichever way. */
  whenDone(): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise((resolve) => (this.waiters ??= []).push(resolve));
  }

  private release(): void {
    if (this.waiters) for (const w of this.waiters) w();
    this.waiters = null;
    this.spans = [];
    // Keep `encoded` only as long as a retry could need it.
    this.encoded = null;
    this.buf = EMPTY;
  }
}

const EMPTY = Buffer.alloc(0);

/** Given a record's total size (length prefix included), the length of its body. */
function bodyLength(total: number): number {
  // The prefix is a zigzag varint of the body length; find the body length that adds up.
  for (let prefix = 1; prefix <= 5; prefix++) {
    const body = total - prefix;
    if (uvarintSize(zigzag(body)) === prefix) return body;
  }
  throw new Error(`impossible record size ${total}`);
}

function writeUvarint(buf: Buffer, p: number, v: number): number {
  while (v >= 0x80) {
    buf[p++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  buf[p++] = v;
  return p;
}

function writeBytesField(buf: Buffer, p: number, v: Buffer | string | null): number {
  if (v === null) {
    buf[p++] = 1; // zigzag(-1)
    return p;
  }
  if (typeof v === 'string') {
    const len = byteLength(v);
    p = writeUvarint(buf, p, len * 2);
    if (len === v.length && len < textEncoderLimit) {
      for (let i = 0; i < len; i++) buf[p + i] = v.charCodeAt(i);
    } else {
      buf.write(v, p, len, 'utf8');
    }
    return p + len;
  }
  p = writeUvarint(buf, p, v.length * 2);
  if (v.length < 64) {
    for (let i = 0; i < v.length; i++) buf[p + i] = v[i];
  } else {
    v.copy(buf, p);
  }
  return p + v.length;
}
