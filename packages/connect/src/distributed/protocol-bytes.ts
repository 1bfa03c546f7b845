/**
 * Kafka's fixed-width protocol types (int16, int32, int64, string, nullable bytes, all big-endian)
 * for the Connect subprotocol, whose bytes travel opaquely inside JoinGroup and SyncGroup. A reader
 * that runs out of bytes says what it was reading instead of throwing a RangeError.
 */
import { ConnectException } from '@sluice/connect-api';

export class ProtocolWriter {
  readonly #parts: Buffer[] = [];

  int16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    this.#parts.push(b);
    return this;
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    this.#parts.push(b);
    return this;
  }

  int64(value: bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(value);
    this.#parts.push(b);
    return this;
  }

  string(value: string): this {
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.length > 0x7fff) throw new ConnectException(`a protocol string is at most 32767 bytes; got ${bytes.length}`);
    this.int16(bytes.length);
    this.#parts.push(bytes);
    return this;
  }

  nullableBytes(value: Buffer | null): this {
    if (value === null) return this.int32(-1);
    this.int32(value.length);
    this.#parts.push(value);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.#parts);
  }
}

export class ProtocolReader {
  #at = 0;

  private readonly bytes: Buffer;
  /** What is being read, for error messages. */
  readonly what: string;

  constructor(bytes: Buffer, what: string) {
    this.bytes = bytes;
    this.what = what;
  }

  atEnd(): boolean {
    return this.#at >= this.bytes.length;
  }

  #take(n: number): number {
    if (this.#at + n > this.bytes.length) throw new ConnectException(`${this.what} ends early: ${n} more bytes needed at byte ${this.#at} of ${this.bytes.length}`);
    const at = this.#at;
    this.#at += n;
    return at;
  }

  int16(): number {
    return this.bytes.readInt16BE(this.#take(2));
  }

  int32(): number {
    return this.bytes.readInt32BE(this.#take(4));
  }

  int64(): bigint {
    return this.bytes.readBigInt64BE(this.#take(8));
  }

  string(): string {
    const length = this.int16();
    if (length < 0) throw new ConnectException(`${this.what}: a string that may not be null is null`);
    const at = this.#take(length);
    return this.bytes.toString('utf8', at, at + length);
  }

  nullableBytes(): Buffer | null {
    const length = this.int32();
    if (length < 0) return null;
    const at = this.#take(length);
    return this.bytes.subarray(at, at + length);
  }
}
