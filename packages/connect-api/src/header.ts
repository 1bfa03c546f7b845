/**
 * Kafka Connect's headers (Header, Headers, ConnectHeaders): an ordered list of keyed values with
 * schemas, where a key may repeat. A value given with a schema is checked against it.
 */
import { DataException } from './errors.ts';
import type { Schema } from './data/schema.ts';
import { Schema as Schemas } from './data/connect-schema.ts';
import { Struct, validateValue } from './data/struct.ts';
import type { BigDecimal } from './data/big-decimal.ts';
import { ConnectDate, Decimal, Time, Timestamp } from './data/logical-types.ts';

export class Header {
  readonly key: string;
  readonly schema: Schema | null;
  readonly value: unknown;

  constructor(key: string, schema: Schema | null, value: unknown) {
    this.key = key;
    this.schema = schema;
    this.value = value;
  }

  /** The same key with another schema and value. */
  with(schema: Schema | null, value: unknown): Header {
    return new Header(this.key, schema, value);
  }

  /** The same schema and value under another key. */
  rename(key: string): Header {
    return new Header(key, this.schema, this.value);
  }

  toString(): string {
    return `ConnectHeader(key=${this.key}, value=${String(this.value)}, schema=${String(this.schema)})`;
  }
}

export class ConnectHeaders implements Iterable<Header> {
  #headers: Header[] = [];

  constructor(headers: Iterable<Header> = []) {
    for (const h of headers) this.#headers.push(h);
  }

  get size(): number {
    return this.#headers.length;
  }

  isEmpty(): boolean {
    return this.#headers.length === 0;
  }

  [Symbol.iterator](): Iterator<Header> {
    return this.#headers[Symbol.iterator]();
  }

  /** Adds a header; a value with a schema is checked against it (DataException when it does not fit). */
  add(header: Header): this;
  add(key: string, value: unknown, schema: Schema | null): this;
  add(keyOrHeader: string | Header, value?: unknown, schema?: Schema | null): this {
    const header = keyOrHeader instanceof Header ? keyOrHeader : new Header(keyOrHeader, schema ?? null, value ?? null);
    if (header.key == null) throw new DataException('Header key cannot be null');
    if (header.schema !== null) validateValue(header.schema, header.value, null);
    this.#headers.push(header);
    return this;
  }

  addString(key: string, value: string | null): this {
    return this.add(key, value, value === null ? Schemas.OPTIONAL_STRING_SCHEMA : Schemas.STRING_SCHEMA);
  }
  addBoolean(key: string, value: boolean): this {
    return this.add(key, value, Schemas.BOOLEAN_SCHEMA);
  }
  addInt(key: string, value: number): this {
    return this.add(key, value, Schemas.INT32_SCHEMA);
  }
  addLong(key: string, value: bigint): this {
    return this.add(key, value, Schemas.INT64_SCHEMA);
  }
  addDouble(key: string, value: number): this {
    return this.add(key, value, Schemas.FLOAT64_SCHEMA);
  }
  addBytes(key: string, value: Uint8Array): this {
    return this.add(key, value, Schemas.BYTES_SCHEMA);
  }
  addByte(key: string, value: number): this {
    return this.add(key, value, Schemas.INT8_SCHEMA);
  }
  addShort(key: string, value: number): this {
    return this.add(key, value, Schemas.INT16_SCHEMA);
  }
  addFloat(key: string, value: number): this {
    return this.add(key, Math.fround(value), Schemas.FLOAT32_SCHEMA);
  }
  addDecimal(key: string, value: BigDecimal): this {
    return this.add(key, value, Decimal.schema(value.scale));
  }
  addDate(key: string, value: Date): this {
    return this.add(key, value, ConnectDate.SCHEMA);
  }
  addTime(key: string, value: Date): this {
    return this.add(key, value, Time.SCHEMA);
  }
  addTimestamp(key: string, value: Date): this {
    return this.add(key, value, Timestamp.SCHEMA);
  }
  addList(key: string, value: unknown[], schema: Schema): this {
    return this.add(key, value, schema);
  }
  addMap(key: string, value: Map<unknown, unknown>, schema: Schema): this {
    return this.add(key, value, schema);
  }
  addStruct(key: string, value: Struct): this {
    return this.add(key, value, value.schema);
  }

  addAll(headers: Iterable<Header>): this {
    for (const h of headers) this.add(h);
    return this;
  }

  allWithName(key: string): Header[] {
    return this.#headers.filter((h) => h.key === key);
  }

  lastWithName(key: string): Header | null {
    for (let i = this.#headers.length - 1; i >= 0; i--) if (this.#headers[i].key === key) return this.#headers[i];
    return null;
  }

  remove(key: string): this {
    this.#headers = this.#headers.filter((h) => h.key !== key);
    return this;
  }

  /** Keeps only the last header of each key (or of `key`). */
  retainLatest(key?: string): this {
    const last = new Map<string, Header>();
    for (const h of this.#headers) last.set(h.key, h);
    this.#headers = this.#headers.filter((h) => (key !== undefined && h.key !== key) || last.get(h.key) === h);
    return this;
  }

  clear(): this {
    this.#headers = [];
    return this;
  }

  /** Replaces each header by what `transform` returns; null drops it. */
  apply(transform: (header: Header) => Header | null): this {
    this.#headers = this.#headers.map(transform).filter((h): h is Header => h !== null);
    return this;
  }

  duplicate(): ConnectHeaders {
    return new ConnectHeaders(this.#headers);
  }

  toString(): string {
    return `ConnectHeaders(headers=${this.#headers.map(String).join(', ')})`;
  }
}
