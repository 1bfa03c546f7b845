import { EncodeError } from './errors.ts';
import type { TaggedField } from './reader.ts';
import { utf8Length, writeUtf8At } from './utf8.ts';
import { uuidToBytes } from './uuid.ts';
import { writeUvarintAt, zigzag } from './varint.ts';

/** Byte arrays at least this long are referenced, not copied, into the output. */
const ZERO_COPY_THRESHOLD = 8 * 1024;
const INITIAL_SIZE = 512;

/**
 * Writes Kafka primitives into a growing buffer. Large byte fields (record batches above all) are
 * not copied: the writer closes its current chunk and keeps a reference to them, so a fetch
 * response can go to the socket as a list of buffers that still point at what was read from disk.
 */
export class Writer {
  private buf: Buffer;
  private pos = 0;
  private readonly chunks: Buffer[] = [];
  private chunkedBytes = 0;

  constructor(initialSize = INITIAL_SIZE) {
    this.buf = Buffer.allocUnsafe(initialSize);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.chunkedBytes + this.pos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  int8(v: number): void {
    this.ensure(1);
    this.buf.writeInt8(v, this.pos);
    this.pos += 1;
  }

  uint8(v: number): void {
    this.ensure(1);
    this.buf[this.pos++] = v;
  }

  bool(v: boolean): void {
    this.ensure(1);
    this.buf[this.pos++] = v ? 1 : 0;
  }

  int16(v: number): void {
    this.ensure(2);
    this.buf.writeInt16BE(v, this.pos);
    this.pos += 2;
  }

  uint16(v: number): void {
    this.ensure(2);
    this.buf.writeUInt16BE(v, this.pos);
    this.pos += 2;
  }

  int32(v: number): void {
    this.ensure(4);
    this.buf.writeInt32BE(v, this.pos);
    this.pos += 4;
  }

  uint32(v: number): void {
    this.ensure(4);
    this.buf.writeUInt32BE(v, this.pos);
    this.pos += 4;
  }

  int64(v: bigint): void {
    this.ensure(8);
    this.buf.writeBigInt64BE(v, this.pos);
    this.pos += 8;
  }

  float64(v: number): void {
    this.ensure(8);
    this.buf.writeDoubleBE(v, this.pos);
    this.pos += 8;
  }

  uuid(v: string): void {
    this.ensure(16);
    uuidToBytes(v).copy(this.buf, this.pos);
    this.pos += 16;
  }

  uvarint(v: number): void {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new EncodeError(`unsigned varint out of range: ${v}`);
    this.ensure(5);
    this.pos = writeUvarintAt(this.buf, this.pos, v);
  }

  varint(v: number): void {
    this.uvarint(((v << 1) ^ (v >> 31)) >>> 0);
  }

  varlong(v: bigint): void {
    let raw = BigInt.asUintN(64, (v << 1n) ^ (v >> 63n));
    this.ensure(10);
    while (raw >= 0x80n) {
      this.buf[this.pos++] = Number(raw & 0x7fn) | 0x80;
      raw >>= 7n;
    }
    this.buf[this.pos++] = Number(raw);
  }

  /** Zigzag varlong of a safe integer, without BigInt on the common small values. */
  varlongNumber(v: number): void {
    if (!Number.isSafeInteger(v)) throw new EncodeError(`varlong value is not a safe integer: ${v}`);
    this.ensure(10);
    this.pos = writeUvarintAt(this.buf, this.pos, zigzag(v));
  }

  private utf8(v: string, len: number): void {
    this.ensure(len);
    this.pos = writeUtf8At(this.buf, this.pos, v, len);
  }

  string(v: string): void {
    const len = utf8Length(v);
    if (len > 0x7fff) throw new EncodeError(`string of ${len} bytes is longer than a Kafka string can be (32767)`);
    this.int16(len);
    this.utf8(v, len);
  }

  nullableString(v: string | null): void {
    if (v === null) this.int16(-1);
    else this.string(v);
  }

  compactString(v: string): void {
    const len = utf8Length(v);
    if (len > 0x7fff) throw new EncodeError(`string of ${len} bytes is longer than a Kafka string can be (32767)`);
    this.uvarint(len + 1);
    this.utf8(v, len);
  }

  compactNullableString(v: string | null): void {
    if (v === null) this.uvarint(0);
    else this.compactString(v);
  }

  /** Appends bytes as they are; large ones by reference. */
  raw(v: Uint8Array): void {
    if (v.length >= ZERO_COPY_THRESHOLD) {
      this.flushChunk();
      this.chunks.push(Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.length));
      this.chunkedBytes += v.length;
      return;
    }
    this.ensure(v.length);
    this.buf.set(v, this.pos);
    this.pos += v.length;
  }

  /** Appends a sequence of buffers (e.g. record batches read from disk) as one byte run. */
  rawList(list: readonly Uint8Array[]): void {
    for (const b of list) this.raw(b);
  }

  bytes(v: Uint8Array): void {
    this.int32(v.length);
    this.raw(v);
  }

  nullableBytes(v: Uint8Array | null): void {
    if (v === null) this.int32(-1);
    else this.bytes(v);
  }

  compactBytes(v: Uint8Array): void {
    this.uvarint(v.length + 1);
    this.raw(v);
  }

  compactNullableBytes(v: Uint8Array | null): void {
    if (v === null) this.uvarint(0);
    else this.compactBytes(v);
  }

  arrayLength(n: number): void {
    this.int32(n);
  }

  nullableArrayLength(n: number | null): void {
    this.int32(n === null ? -1 : n);
  }

  compactArrayLength(n: number): void {
    this.uvarint(n + 1);
  }

  compactNullableArrayLength(n: number | null): void {
    this.uvarint(n === null ? 0 : n + 1);
  }

  /**
   * Writes a tagged-field section from already encoded fields, merged in tag order with the
   * unknown ones carried over from decoding.
   */
  taggedFields(fields: TaggedField[] | undefined): void {
    if (fields === undefined || fields.length === 0) {
      this.uvarint(0);
      return;
    }
    const given = fields;
    if (given.some((f, i) => i > 0 && f.tag < given[i - 1].tag)) fields = [...given].sort((a, b) => a.tag - b.tag);
    this.uvarint(fields.length);
    let previous = -1;
    for (const f of fields) {
      if (f.tag === previous) throw new EncodeError(`tagged field ${f.tag} appears twice`);
      previous = f.tag;
      this.uvarint(f.tag);
      this.uvarint(f.data.length);
      this.raw(f.data);
    }
  }

  private flushChunk(): void {
    if (this.pos === 0) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.chunkedBytes += this.pos;
    // Keep writing into the unused tail of the same allocation when there is a useful amount left.
    const rest = this.buf.length - this.pos;
    this.buf = rest >= 256 ? this.buf.subarray(this.pos) : Buffer.allocUnsafe(INITIAL_SIZE);
    this.pos = 0;
  }

  /** The written bytes as a list of buffers, ready for a vectored socket write. */
  finishChunks(): Buffer[] {
    this.flushChunk();
    return this.chunks;
  }

  /**
   * For frames: overwrites the first four bytes (written as a placeholder int32) with the number of
   * bytes after them, and returns the chunks.
   */
  finishFrame(): Buffer[] {
    const size = this.length - 4;
    const first = this.chunks.length > 0 ? this.chunks[0] : this.buf;
    if (first.length < 4) throw new EncodeError('a frame must start with its int32 size placeholder');
    first.writeInt32BE(size, 0);
    return this.finishChunks();
  }

  /** The written bytes as one buffer. */
  finish(): Buffer {
    if (this.chunks.length === 0) return this.buf.subarray(0, this.pos);
    return Buffer.concat(this.finishChunks(), this.length);
  }
}
