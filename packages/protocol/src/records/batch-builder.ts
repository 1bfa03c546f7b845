/**
 * The one writer of v2 record batches. Records are encoded straight into one buffer as they come,
 * after room left for the batch header; sealing writes the header and CRC around them (or
 * compresses them into a new buffer), so an uncompressed batch is never copied on its way out.
 *
 * Every record's size is known before it is written (`recordSizeInBatch`, Java's
 * DefaultRecord.sizeInBytes), which lets a producer decide on batch.size and max.request.size
 * before appending, and lets one-shot encoders allocate the exact buffer.
 */
import { type CompressionType, compress } from '../compression/index.ts';
import { crc32c } from '../crc32c.ts';
import { utf8Length, writeUtf8At } from '../primitives/utf8.ts';
import { uvarintSize, varBytesSize, varintSize, writeUvarintAt, zigzag } from '../primitives/varint.ts';
import { Attributes, BATCH_HEADER_SIZE, LOG_OVERHEAD, MAGIC_V2, NO_PRODUCER_EPOCH, NO_PRODUCER_ID, NO_SEQUENCE, Offsets, TimestampType } from './batch-header.ts';

/** A record header to write; a missing value is null. */
export interface RecordHeaderInput {
  key: string;
  value?: Buffer | string | null;
}

/** Bytes of a key, value or header value as written: -1 for null. */
export function fieldLength(v: Buffer | string | null | undefined): number {
  if (v === null || v === undefined) return -1;
  return typeof v === 'string' ? utf8Length(v) : v.length;
}

/**
 * Bytes a record takes inside a batch, its length prefix included. `keyLength` and `valueLength`
 * come from fieldLength (-1 for null).
 */
export function recordSizeInBatch(offsetDelta: number, timestampDelta: number, keyLength: number, valueLength: number, headers: readonly RecordHeaderInput[] | null): number {
  // attributes (1 byte), deltas, key, value, header count
  let body = 1 + varintSize(timestampDelta) + varintSize(offsetDelta) + varBytesSize(keyLength) + varBytesSize(valueLength);
  const count = headers === null ? 0 : headers.length;
  body += varintSize(count);
  for (let i = 0; i < count; i++) {
    const h = headers![i];
    body += varBytesSize(utf8Length(h.key)) + varBytesSize(fieldLength(h.value));
  }
  return varintSize(body) + body;
}

/** Given a record's total size (length prefix included), the length of its body. */
function bodyLength(total: number): number {
  for (let prefix = 1; prefix <= 5; prefix++) {
    const body = total - prefix;
    if (uvarintSize(zigzag(body)) === prefix) return body;
  }
  throw new RangeError(`impossible record size ${total}`);
}

function writeField(buf: Buffer, p: number, v: Buffer | string | null | undefined): number {
  if (v === null || v === undefined) {
    buf[p++] = 1; // zigzag(-1)
    return p;
  }
  if (typeof v === 'string') {
    const length = utf8Length(v);
    return writeUtf8At(buf, writeUvarintAt(buf, p, length * 2), v, length);
  }
  p = writeUvarintAt(buf, p, v.length * 2);
  // A loop beats the native copy for the short keys and values of most records.
  if (v.length < 64) {
    for (let i = 0; i < v.length; i++) buf[p + i] = v[i];
  } else {
    v.copy(buf, p);
  }
  return p + v.length;
}

/** What the header says beyond the records: defaults are a fresh batch of a plain producer. */
export interface SealOptions {
  compression?: CompressionType;
  compressionLevel?: number;
  baseOffset?: bigint;
  partitionLeaderEpoch?: number;
  timestampType?: TimestampType;
  transactional?: boolean;
  control?: boolean;
  producerId?: bigint;
  producerEpoch?: number;
  baseSequence?: number;
  /** Defaults to the last appended record's delta; the log cleaner keeps the original. */
  lastOffsetDelta?: number;
  /** The base timestamp is a delete horizon (KIP-534, attribute bit 6); see RecordBatchBuilder's constructor. */
  deleteHorizon?: boolean;
}

const EMPTY = Buffer.alloc(0);

export class RecordBatchBuilder {
  private buf: Buffer;
  private pos = BATCH_HEADER_SIZE;
  private sealed = false;
  private lastDelta = -1;
  /** Records appended so far. */
  count = 0;
  /** The timestamp record deltas are taken from: the first record's, unless fixed at construction. */
  baseTimestamp: number;
  maxTimestamp = 0;
  private readonly fixedBase: boolean;

  /**
   * @param capacity bytes of the whole uncompressed batch, header included; appends must fit.
   * @param baseTimestamp fixes the base timestamp (the log cleaner's delete horizon) instead of
   *   taking the first record's.
   */
  constructor(capacity: number, baseTimestamp?: number) {
    if (capacity < BATCH_HEADER_SIZE) throw new RangeError(`a record batch needs at least ${BATCH_HEADER_SIZE} bytes, not ${capacity}`);
    this.buf = Buffer.allocUnsafe(capacity);
    this.fixedBase = baseTimestamp !== undefined;
    this.baseTimestamp = baseTimestamp ?? 0;
  }

  /** Bytes the batch takes so far, header included (before compression). */
  get sizeInBytes(): number {
    return this.pos;
  }

  /** Whether a record of `size` bytes (from recordSizeInBatch) fits into the capacity left. */
  hasRoomFor(size: number): boolean {
    return this.pos + size <= this.buf.length;
  }

  /**
   * Appends a record of `size` bytes, from recordSizeInBatch with the same arguments (the caller
   * checked hasRoomFor). Returns its offset delta: the record's index unless given (the log
   * cleaner keeps the deltas of the records it retains; they must increase).
   */
  append(timestamp: number, key: Buffer | string | null | undefined, value: Buffer | string | null | undefined, headers: readonly RecordHeaderInput[] | null, size: number, offsetDelta = this.count): number {
    if (this.sealed) throw new Error('the record batch is sealed');
    if (offsetDelta <= this.lastDelta) throw new RangeError(`record offset deltas must increase: ${offsetDelta} after ${this.lastDelta}`);
    if (this.count === 0) {
      if (!this.fixedBase) this.baseTimestamp = timestamp;
      this.maxTimestamp = timestamp;
    } else if (timestamp > this.maxTimestamp) {
      this.maxTimestamp = timestamp;
    }
    const buf = this.buf;
    const start = this.pos;
    if (start + size > buf.length) throw new RangeError(`a record of ${size} bytes does not fit the ${buf.length - start} bytes left in the batch`);
    const timestampDelta = timestamp - this.baseTimestamp;
    if (!Number.isSafeInteger(timestampDelta)) throw new RangeError(`record timestamp delta ${timestampDelta} is not a safe integer`);
    let p = writeUvarintAt(buf, start, zigzag(bodyLength(size)));
    buf[p++] = 0; // attributes: unused by every record format so far
    p = writeUvarintAt(buf, p, zigzag(timestampDelta));
    p = writeUvarintAt(buf, p, zigzag(offsetDelta));
    p = writeField(buf, p, key);
    p = writeField(buf, p, value);
    const count = headers === null ? 0 : headers.length;
    p = writeUvarintAt(buf, p, zigzag(count));
    for (let i = 0; i < count; i++) {
      const h = headers![i];
      p = writeField(buf, p, h.key);
      p = writeField(buf, p, h.value);
    }
    if (p !== start + size) throw new RangeError(`record encoding took ${p - start} bytes, not the ${size} given`);
    this.pos = p;
    this.count++;
    this.lastDelta = offsetDelta;
    return offsetDelta;
  }

  /** The uncompressed records section written so far (a view). */
  records(): Buffer {
    return this.buf.subarray(BATCH_HEADER_SIZE, this.pos);
  }

  /** Seals the batch, compressing its records if asked to; no appends afterwards. */
  async seal(o: SealOptions = {}): Promise<Buffer> {
    const type = o.compression ?? 0;
    if (type === 0) return this.sealUncompressed(o);
    this.checkSealable(o);
    const compressed = await compress(type, this.records(), o.compressionLevel);
    const out = Buffer.allocUnsafe(BATCH_HEADER_SIZE + compressed.length);
    compressed.copy(out, BATCH_HEADER_SIZE);
    return this.writeHeader(out, o);
  }

  /** Seals an uncompressed batch synchronously: the result is a view of the builder's buffer. */
  sealUncompressed(o: SealOptions = {}): Buffer {
    if ((o.compression ?? 0) !== 0) throw new RangeError('sealUncompressed cannot compress; use seal');
    this.checkSealable(o);
    return this.writeHeader(this.buf.subarray(0, this.pos), o);
  }

  /** Drops the buffer (a producer's batch once its records are settled); sizeInBytes stays. */
  discard(): void {
    this.sealed = true;
    this.buf = EMPTY;
  }

  private checkSealable(o: SealOptions): void {
    if (this.sealed) throw new Error('the record batch is already sealed');
    if (this.count === 0) throw new RangeError('a record batch needs at least one record');
    if (o.lastOffsetDelta !== undefined && o.lastOffsetDelta < this.lastDelta) {
      throw new RangeError(`lastOffsetDelta ${o.lastOffsetDelta} is below the last record's delta ${this.lastDelta}`);
    }
    this.sealed = true;
  }

  private writeHeader(b: Buffer, o: SealOptions): Buffer {
    let attributes = (o.compression ?? 0) & Attributes.compressionMask;
    if (o.timestampType === TimestampType.LogAppendTime) attributes |= Attributes.logAppendTime;
    if (o.transactional) attributes |= Attributes.transactional;
    if (o.control) attributes |= Attributes.control;
    if (o.deleteHorizon) attributes |= Attributes.deleteHorizon;
    b.writeBigInt64BE(o.baseOffset ?? 0n, Offsets.baseOffset);
    b.writeInt32BE(b.length - LOG_OVERHEAD, Offsets.batchLength);
    b.writeInt32BE(o.partitionLeaderEpoch ?? -1, Offsets.partitionLeaderEpoch);
    b[Offsets.magic] = MAGIC_V2;
    b.writeInt16BE(attributes, Offsets.attributes);
    b.writeInt32BE(o.lastOffsetDelta ?? this.lastDelta, Offsets.lastOffsetDelta);
    b.writeBigInt64BE(BigInt(this.baseTimestamp), Offsets.baseTimestamp);
    b.writeBigInt64BE(BigInt(this.maxTimestamp), Offsets.maxTimestamp);
    b.writeInt32BE(this.count, Offsets.recordCount);
    stampProducer(b, o.producerId ?? NO_PRODUCER_ID, o.producerEpoch ?? NO_PRODUCER_EPOCH, o.baseSequence ?? NO_SEQUENCE, o.transactional ?? false);
    return b;
  }
}

/**
 * Writes the producer id, epoch and base sequence and the transactional bit into a sealed batch
 * and recomputes its CRC, records untouched: a producer re-stamps a batch whose sequence was
 * reset after an epoch bump.
 */
export function stampProducer(batch: Buffer, producerId: bigint, producerEpoch: number, baseSequence: number, transactional: boolean): void {
  batch.writeBigInt64BE(producerId, Offsets.producerId);
  batch.writeInt16BE(producerEpoch, Offsets.producerEpoch);
  batch.writeInt32BE(baseSequence, Offsets.baseSequence);
  const attributes = batch.readInt16BE(Offsets.attributes);
  batch.writeInt16BE(transactional ? attributes | Attributes.transactional : attributes & ~Attributes.transactional, Offsets.attributes);
  batch.writeUInt32BE(crc32c(batch.subarray(Offsets.attributes)), Offsets.crc);
}
