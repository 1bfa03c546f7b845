import { DecodeError } from './errors.ts';
import { uuidFromBytes } from './uuid.ts';

/** A tagged field the decoder did not recognise; kept as raw bytes so that it survives re-encoding. */
export interface TaggedField {
  tag: number;
  data: Buffer;
}

const INT64_MIN = -(2n ** 63n);

/**
 * Reads Kafka primitives from a bounded region of a buffer.
 *
 * Every read checks the bytes left before it touches them, and every claimed length or count is
 * checked against the bytes left before anything is allocated for it, so a hostile frame can
 * neither read past its end nor make us allocate more than it is long. All failures are
 * DecodeErrors carrying the offending position.
 */
export class Reader {
  pos: number;
  readonly end: number;

  readonly buf: Buffer;

  constructor(buf: Buffer, start = 0, end = buf.length) {
    this.buf = buf;
    if (start < 0 || end > buf.length || start > end) throw new RangeError(`reader bounds [${start}, ${end}) outside a buffer of ${buf.length} bytes`);
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  fail(message: string, at = this.pos): never {
    throw new DecodeError(message, at);
  }

  private need(n: number, what: string): void {
    if (n > this.end - this.pos) this.fail(`${what} needs ${n} bytes but only ${this.end - this.pos} are left`);
  }

  /** Checks that `n` more bytes exist and returns the position after them, without consuming them. */
  limit(n: number, what: string): number {
    this.need(n, what);
    return this.pos + n;
  }

  skip(n: number): void {
    this.need(n, 'skip');
    this.pos += n;
  }

  /** A reader over the next `n` bytes; this reader moves past them. */
  sub(n: number, what: string): Reader {
    this.need(n, what);
    const r = new Reader(this.buf, this.pos, this.pos + n);
    this.pos += n;
    return r;
  }

  int8(): number {
    this.need(1, 'int8');
    return this.buf.readInt8(this.pos++);
  }

  uint8(): number {
    this.need(1, 'uint8');
    return this.buf[this.pos++];
  }

  bool(): boolean {
    this.need(1, 'bool');
    return this.buf[this.pos++] !== 0;
  }

  int16(): number {
    this.need(2, 'int16');
    const v = this.buf.readInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  uint16(): number {
    this.need(2, 'uint16');
    const v = this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }

  int32(): number {
    this.need(4, 'int32');
    const v = this.buf.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  uint32(): number {
    this.need(4, 'uint32');
    const v = this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }

  int64(): bigint {
    this.need(8, 'int64');
    const v = this.buf.readBigInt64BE(this.pos);
    this.pos += 8;
    return v;
  }

  float64(): number {
    this.need(8, 'float64');
    const v = this.buf.readDoubleBE(this.pos);
    this.pos += 8;
    return v;
  }

  uuid(): string {
    this.need(16, 'uuid');
    const v = uuidFromBytes(this.buf.subarray(this.pos, this.pos + 16));
    this.pos += 16;
    return v;
  }

  /** Unsigned LEB128 varint of at most 32 bits (5 bytes), as Kafka's ByteUtils.readUnsignedVarint. */
  uvarint(): number {
    let value = 0;
    let shift = 0;
    const start = this.pos;
    for (;;) {
      if (this.pos >= this.end) this.fail('varint runs past the end of the data', start);
      const b = this.buf[this.pos++];
      if (shift === 28) {
        if (b > 0x0f) this.fail('varint is longer than 5 bytes or exceeds 32 bits', start);
        return (value | (b << 28)) >>> 0;
      }
      value |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) return value >>> 0;
      shift += 7;
    }
  }

  /** Zigzag-encoded signed 32-bit varint. */
  varint(): number {
    const raw = this.uvarint();
    return (raw >>> 1) ^ -(raw & 1);
  }

  /** Zigzag-encoded signed 64-bit varint (at most 10 bytes). */
  varlong(): bigint {
    let raw = 0n;
    let shift = 0n;
    const start = this.pos;
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) this.fail('varlong runs past the end of the data', start);
      if (i === 10) this.fail('varlong is longer than 10 bytes', start);
      const b = this.buf[this.pos++];
      raw |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    raw &= 0xffffffffffffffffn;
    const v = (raw >> 1n) ^ -(raw & 1n);
    return v < INT64_MIN ? INT64_MIN : v;
  }

  /**
   * A zigzag varlong that must fit in a JavaScript number exactly (|v| < 2^53). Record timestamp
   * and offset deltas are read this way on the hot path; a value outside that range is refused.
   */
  varlongNumber(): number {
    const start = this.pos;
    // Fast path: up to 7 bytes hold 49 bits, always exact.
    let raw = 0;
    let mult = 1;
    for (let i = 0; i < 7; i++) {
      if (this.pos >= this.end) this.fail('varlong runs past the end of the data', start);
      const b = this.buf[this.pos++];
      raw += (b & 0x7f) * mult;
      if ((b & 0x80) === 0) return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
      mult *= 128;
    }
    this.pos = start;
    const big = this.varlong();
    if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < BigInt(Number.MIN_SAFE_INTEGER)) this.fail('varlong does not fit in a safe integer', start);
    return Number(big);
  }

  private utf8(len: number, what: string): string {
    this.need(len, what);
    const s = this.buf.toString('utf8', this.pos, this.pos + len);
    this.pos += len;
    return s;
  }

  string(): string {
    const at = this.pos;
    const len = this.int16();
    if (len < 0) this.fail('a non-nullable string is null', at);
    return this.utf8(len, 'string');
  }

  nullableString(): string | null {
    const at = this.pos;
    const len = this.int16();
    if (len === -1) return null;
    if (len < 0) this.fail(`invalid string length ${len}`, at);
    return this.utf8(len, 'string');
  }

  compactString(): string {
    const at = this.pos;
    const len = this.uvarint() - 1;
    if (len < 0) this.fail('a non-nullable compact string is null', at);
    return this.utf8(len, 'compact string');
  }

  compactNullableString(): string | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.utf8(len, 'compact string');
  }

  /** The next `len` bytes as a view into the frame (no copy). */
  raw(len: number, what = 'bytes'): Buffer {
    this.need(len, what);
    const v = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return v;
  }

  bytes(): Buffer {
    const at = this.pos;
    const len = this.int32();
    if (len < 0) this.fail('non-nullable bytes are null', at);
    return this.raw(len);
  }

  nullableBytes(): Buffer | null {
    const at = this.pos;
    const len = this.int32();
    if (len === -1) return null;
    if (len < 0) this.fail(`invalid bytes length ${len}`, at);
    return this.raw(len);
  }

  compactBytes(): Buffer {
    const at = this.pos;
    const len = this.uvarint() - 1;
    if (len < 0) this.fail('non-nullable compact bytes are null', at);
    return this.raw(len, 'compact bytes');
  }

  compactNullableBytes(): Buffer | null {
    const len = this.uvarint() - 1;
    if (len < 0) return null;
    return this.raw(len, 'compact bytes');
  }

  /**
   * Validates an array's element count against the bytes left: each element takes at least
   * `minElementSize` bytes (taken as 1 when the element could be empty, which is safe because an
   * element that cannot take fewer than one byte is the only kind that exists in practice).
   */
  private checkCount(count: number, minElementSize: number, at: number): number {
    if (count * Math.max(1, minElementSize) > this.end - this.pos) {
      this.fail(`array claims ${count} elements of at least ${Math.max(1, minElementSize)} bytes but only ${this.end - this.pos} bytes are left`, at);
    }
    return count;
  }

  arrayLength(minElementSize: number): number {
    const at = this.pos;
    const n = this.int32();
    if (n < 0) this.fail('a non-nullable array is null', at);
    return this.checkCount(n, minElementSize, at);
  }

  /** -1 for a null array. */
  nullableArrayLength(minElementSize: number): number {
    const at = this.pos;
    const n = this.int32();
    if (n === -1) return -1;
    if (n < 0) this.fail(`invalid array length ${n}`, at);
    return this.checkCount(n, minElementSize, at);
  }

  compactArrayLength(minElementSize: number): number {
    const at = this.pos;
    const n = this.uvarint() - 1;
    if (n < 0) this.fail('a non-nullable compact array is null', at);
    return this.checkCount(n, minElementSize, at);
  }

  /** -1 for a null array. */
  compactNullableArrayLength(minElementSize: number): number {
    const at = this.pos;
    const n = this.uvarint() - 1;
    if (n < 0) return -1;
    return this.checkCount(n, minElementSize, at);
  }

  /**
   * Reads a tagged-field section. `known(tag, reader)` decodes a tag it recognises from a reader
   * bounded to that field's bytes and returns true; anything else is returned as unknown.
   * Tags must be strictly increasing, as Kafka requires.
   */
  taggedFields(known: ((tag: number, r: Reader) => boolean) | null): TaggedField[] | undefined {
    const at = this.pos;
    const count = this.uvarint();
    // Each tagged field takes at least two bytes (tag and size).
    if (count * 2 > this.end - this.pos) this.fail(`tagged-field section claims ${count} fields but only ${this.end - this.pos} bytes are left`, at);
    let unknown: TaggedField[] | undefined;
    let previous = -1;
    for (let i = 0; i < count; i++) {
      const tagAt = this.pos;
      const tag = this.uvarint();
      if (tag <= previous) this.fail(`tagged fields out of order: tag ${tag} after ${previous}`, tagAt);
      previous = tag;
      const size = this.uvarint();
      const field = this.sub(size, `tagged field ${tag}`);
      if (known === null || !known(tag, field)) {
        (unknown ??= []).push({ tag, data: field.buf.subarray(field.pos, field.end) });
      }
    }
    return unknown;
  }
}
