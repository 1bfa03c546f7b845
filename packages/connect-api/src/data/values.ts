/**
 * Kafka's Values: Connect data as text and back, as SimpleHeaderConverter, InsertHeader and Cast
 * use it. `convertToString` writes numbers as Java does (`1.0`, `4.7294E-4`), any Date by what it
 * holds (a time of day, a date at midnight, else a timestamp), strings inside arrays and maps
 * quoted. `parseString` reads that text back with the schema it suggests: null, booleans, numbers
 * (the narrowest integer type that holds them, else FLOAT32, FLOAT64 or a Decimal), quoted
 * strings, ISO dates, times and timestamps, arrays `[..]` and maps `{k:v}` whose elements share a
 * schema (numbers widen: INT8 < INT16 < INT32 < INT64 < FLOAT32 < FLOAT64; a whole number joins
 * dates as days or timestamps as milliseconds); anything else is the text itself. These rules
 * follow what Kafka 4.3.1's parser answers (tests/connect compares them).
 */
import { DataException } from '../errors.ts';
import { BigDecimal } from './big-decimal.ts';
import { ConnectSchema, Schema } from './connect-schema.ts';
import { javaDouble, javaFloat } from './java-numbers.ts';
import { DATE_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME, TIME_LOGICAL_NAME } from './logical-names.ts';
import { ConnectDate, Decimal, Time, Timestamp } from './logical-types.ts';
import { SchemaAndValue } from './schema-and-value.ts';
import type { Schema as SchemaShape, SchemaType } from './schema.ts';
import { Struct } from './struct.ts';

const MILLIS_PER_DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoTime = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;

/** Kafka's Values.dateFormatFor: before the first day's end a time, at midnight a date, else a timestamp (UTC). */
export function dateFormatFor(date: Date): string {
  const millis = date.getTime();
  if (millis < MILLIS_PER_DAY) return isoTime(date);
  if (millis % MILLIS_PER_DAY === 0) return isoDate(date);
  return `${isoDate(date)}T${isoTime(date)}`;
}

/** Text of a value (Kafka's Values.convertToString); the schema says whether a number is a float. */
export function convertToString(schema: SchemaShape | null, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return append(schema, value, false);
}

function append(schema: SchemaShape | null, value: unknown, embedded: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return embedded ? JSON.stringify(value) : value;
  if (typeof value === 'number') {
    const type = schema?.type();
    if (type === 'FLOAT32') return javaFloat(value);
    if (type === 'FLOAT64' || (type === undefined && !Number.isSafeInteger(value))) return javaDouble(value);
    return String(value);
  }
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof BigDecimal) return value.toString();
  if (value instanceof Date) return dateFormatFor(value);
  if (value instanceof Uint8Array) {
    const text = Buffer.from(value).toString('base64');
    return embedded ? JSON.stringify(text) : text;
  }
  if (Array.isArray(value)) {
    const element = schema?.type() === 'ARRAY' ? schema.valueSchema() : null;
    return `[${value.map((v) => append(element, v, true)).join(',')}]`;
  }
  if (value instanceof Map) {
    const k = schema?.type() === 'MAP' ? schema.keySchema() : null;
    const v = schema?.type() === 'MAP' ? schema.valueSchema() : null;
    return `{${[...value].map(([key, x]) => `${append(k, key, true)}:${append(v, x, true)}`).join(',')}}`;
  }
  if (value instanceof Struct) {
    return `{${value.schema
      .fields()
      .map((f) => `${JSON.stringify(f.name)}:${append(f.schema, value.get(f), true)}`)
      .join(',')}}`;
  }
  throw new DataException(`Unable to convert ${String(value)} to a string`);
}

const INT_TYPES: [SchemaShape, bigint, bigint][] = [
  [Schema.INT8_SCHEMA, -128n, 127n],
  [Schema.INT16_SCHEMA, -32768n, 32767n],
  [Schema.INT32_SCHEMA, -2147483648n, 2147483647n],
  [Schema.INT64_SCHEMA, -(2n ** 63n), 2n ** 63n - 1n],
];

/** A whole value is the narrowest integer that holds it; a fraction a FLOAT32 where a float's range holds it, else a FLOAT64; else a Decimal. */
function parseNumber(token: string): SchemaAndValue | null {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(token)) return null;
  const decimal = BigDecimal.parse(token);
  const whole = decimal.scale <= 0 || decimal.unscaled % 10n ** BigInt(decimal.scale) === 0n;
  if (whole) {
    const n = decimal.toBigInt();
    for (const [schema, min, max] of INT_TYPES) if (n >= min && n <= max) return new SchemaAndValue(schema, schema.type() === 'INT64' ? n : Number(n));
  }
  const d = decimal.toNumber();
  if (decimal.scale !== 0 && Number.isFinite(Math.fround(d))) return new SchemaAndValue(Schema.FLOAT32_SCHEMA, Math.fround(d));
  if (decimal.scale !== 0 && Number.isFinite(d)) return new SchemaAndValue(Schema.FLOAT64_SCHEMA, d);
  return new SchemaAndValue(Decimal.schema(decimal.scale), decimal);
}

const TEMPORAL = /^(?:(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z|(\d{4})-(\d{2})-(\d{2})|(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z)/;

function parseTemporal(m: RegExpExecArray): SchemaAndValue {
  if (m[1] !== undefined) return new SchemaAndValue(Timestamp.SCHEMA, new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7])));
  if (m[8] !== undefined) return new SchemaAndValue(ConnectDate.SCHEMA, new Date(Date.UTC(+m[8], +m[9] - 1, +m[10])));
  return new SchemaAndValue(Time.SCHEMA, new Date(Date.UTC(1970, 0, 1, +m[11], +m[12], +m[13], +m[14])));
}

const NUMERIC_ORDER: SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64'];
const TEMPORAL_ORDER = [TIME_LOGICAL_NAME, DATE_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME];
const isNumeric = (s: SchemaShape) => s.name() === null && NUMERIC_ORDER.includes(s.type());
const isWhole = (s: SchemaShape) => s.name() === null && NUMERIC_ORDER.indexOf(s.type()) >= 0 && NUMERIC_ORDER.indexOf(s.type()) <= 3;
const temporalRank = (s: SchemaShape) => (s.name() === null ? -1 : TEMPORAL_ORDER.indexOf(s.name()!));

/** The schema two elements share, or null when they share none (then the collection has no element schema). */
function merge(common: SchemaShape, next: SchemaShape): SchemaShape | null {
  if (isNumeric(common) && isNumeric(next)) return NUMERIC_ORDER.indexOf(next.type()) > NUMERIC_ORDER.indexOf(common.type()) ? next : common;
  const a = temporalRank(common);
  const b = temporalRank(next);
  if (a >= 0 && b >= 0) return b > a ? next : common; // Time < Date < Timestamp
  if (a >= 1 && isWhole(next)) return common;
  if (b >= 1 && isWhole(common)) return next;
  if (common.type() !== next.type() || common.name() !== next.name()) return null;
  // Arrays and maps of one kind take the latest element's schema, as Kafka's parser does.
  return common.type() === 'ARRAY' || common.type() === 'MAP' ? next : common;
}

/** A parsed element as a value of the shared schema (a widened number, a whole number as a date). */
function widen(value: unknown, from: SchemaShape, to: SchemaShape): unknown {
  if (from === to || value === null) return value;
  switch (to.name()) {
    case DATE_LOGICAL_NAME:
      return value instanceof Date ? value : ConnectDate.toLogical(to, Number(value));
    case TIMESTAMP_LOGICAL_NAME:
      return value instanceof Date ? value : Timestamp.toLogical(to, value as bigint | number);
  }
  switch (to.type()) {
    case 'INT16':
    case 'INT32':
      return Number(value);
    case 'INT64':
      return BigInt(value as number);
    case 'FLOAT32':
      return Math.fround(Number(value));
    case 'FLOAT64':
      return Number(value);
    default:
      return value;
  }
}

class Mismatch extends Error {}

/** The running element schema of a collection: none yet, only nulls, one schema, or none shared. */
class CommonSchema {
  #state: 'empty' | 'nulls' | 'schema' | 'mixed' = 'empty';
  #schema: SchemaShape | null = null;

  add(schema: SchemaShape | null): void {
    if (this.#state === 'mixed') return;
    if (schema === null) {
      // A null among values of a schema, or a value after nulls, is text Kafka's parser gives up on.
      if (this.#state === 'schema') throw new Mismatch();
      this.#state = 'nulls';
      return;
    }
    if (this.#state === 'nulls') throw new Mismatch();
    if (this.#state === 'empty') {
      this.#state = 'schema';
      this.#schema = schema;
      return;
    }
    this.#schema = merge(this.#schema!, schema);
    if (this.#schema === null) this.#state = 'mixed';
  }

  get schema(): SchemaShape | null {
    return this.#state === 'schema' ? this.#schema : null;
  }
}

/** A small reader of Values' text form: JSON-like, with bare words and trailing commas allowed. */
class Parser {
  pos = 0;
  readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  value(): SchemaAndValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) throw new Mismatch();
    if (c === '"') return new SchemaAndValue(Schema.STRING_SCHEMA, this.quoted());
    if (c === '[') return this.array();
    if (c === '{') return this.map();
    const temporal = TEMPORAL.exec(this.text.slice(this.pos));
    if (temporal && !/[^\s,\]}:]/.test(this.text[this.pos + temporal[0].length] ?? ' ')) {
      this.pos += temporal[0].length;
      return parseTemporal(temporal);
    }
    const start = this.pos;
    while (this.pos < this.text.length && !/[,\]}:\s[{"]/.test(this.text[this.pos])) this.pos++;
    const token = this.text.slice(start, this.pos);
    if (token === '') throw new Mismatch();
    if (token === 'null') return SchemaAndValue.NULL;
    if (token === 'true' || token === 'false') return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, token === 'true');
    return parseNumber(token) ?? new SchemaAndValue(Schema.STRING_SCHEMA, token);
  }

  quoted(): string {
    const start = this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    if (this.pos >= this.text.length) throw new Mismatch();
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  /** After an element: true for another (a comma), false at the closing bracket; a trailing comma is allowed. */
  next(close: string): boolean {
    this.skipSpace();
    const c = this.text[this.pos++];
    if (c === close) return false;
    if (c !== ',') throw new Mismatch();
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return false;
    }
    return true;
  }

  array(): SchemaAndValue {
    this.pos++;
    this.skipSpace();
    const items: SchemaAndValue[] = [];
    const common = new CommonSchema();
    if (this.text[this.pos] === ']') this.pos++;
    else {
      do {
        const item = this.value();
        common.add(item.schema);
        items.push(item);
      } while (this.next(']'));
    }
    const shared = common.schema;
    const values = items.map((i) => (shared === null || i.schema === null ? i.value : widen(i.value, i.schema, shared)));
    return new SchemaAndValue(new ConnectSchema('ARRAY', false, null, null, null, null, null, null, null, shared), values);
  }

  map(): SchemaAndValue {
    this.pos++;
    this.skipSpace();
    const entries = new Map<unknown, [SchemaAndValue, SchemaAndValue]>();
    const keys = new CommonSchema();
    const values = new CommonSchema();
    if (this.text[this.pos] === '}') this.pos++;
    else {
      do {
        const key = this.value();
        if (key.schema === null) throw new Mismatch();
        this.skipSpace();
        if (this.text[this.pos++] !== ':') throw new Mismatch();
        const value = this.value();
        keys.add(key.schema);
        values.add(value.schema);
        entries.set(key.value, [key, value]);
      } while (this.next('}'));
    }
    const ks = keys.schema;
    const vs = values.schema;
    const map = new Map<unknown, unknown>();
    for (const [k, v] of entries.values()) map.set(ks === null ? k.value : widen(k.value, k.schema!, ks), vs === null || v.schema === null ? v.value : widen(v.value, v.schema, vs));
    return new SchemaAndValue(new ConnectSchema('MAP', false, null, null, null, null, null, null, ks, vs), map);
  }
}

/**
 * Parses text into a value and the schema it suggests (Kafka's Values.parseString). A scalar must
 * be all the text (around it only spaces); an array or map may be followed by anything. Text that
 * is none of these is the string itself.
 */
export function parseString(text: string | null): SchemaAndValue {
  if (text === null) return SchemaAndValue.NULL;
  if (text === '') return new SchemaAndValue(Schema.STRING_SCHEMA, text);
  const parser = new Parser(text);
  parser.skipSpace();
  // Quotes delimit strings inside arrays and maps; a quoted text on its own stays as written.
  if (text[parser.pos] === '"') return new SchemaAndValue(Schema.STRING_SCHEMA, text);
  try {
    const collection = text[parser.pos] === '[' || text[parser.pos] === '{';
    const result = parser.value();
    parser.skipSpace();
    if (collection || (parser.pos === text.length && result.schema !== Schema.STRING_SCHEMA)) return result;
  } catch (e) {
    if (!(e instanceof Mismatch) && !(e instanceof SyntaxError)) throw e;
  }
  return new SchemaAndValue(Schema.STRING_SCHEMA, text);
}

/** Kafka's Values.inferSchema: the schema of a schemaless value where one follows from it, else null. */
export function inferSchema(value: unknown): SchemaShape | null {
  if (typeof value === 'string') return Schema.STRING_SCHEMA;
  if (typeof value === 'boolean') return Schema.BOOLEAN_SCHEMA;
  if (typeof value === 'bigint') return Schema.INT64_SCHEMA;
  if (typeof value === 'number') return Number.isInteger(value) ? Schema.INT64_SCHEMA : Schema.FLOAT64_SCHEMA;
  if (value instanceof Uint8Array) return Schema.BYTES_SCHEMA;
  if (value instanceof Struct) return value.schema;
  if (value instanceof BigDecimal) return Decimal.schema(value.scale);
  if (value instanceof Date) return Timestamp.SCHEMA;
  return null;
}

export const Values = Object.freeze({ parseString, convertToString, inferSchema, dateFormatFor });
