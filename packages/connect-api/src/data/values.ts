/**
 * Kafka's Values: Connect data as text and back, the way SimpleHeaderConverter and the Cast
 * transform need it. `parseString` reads what `convertToString` writes: null, booleans, numbers
 * (the narrowest integer type that holds them, else a float), quoted strings, arrays `[..]`, maps
 * `{k:v}` and ISO dates, times and timestamps; anything else is a plain string.
 */
import { DataException } from '../errors.js';
import { BigDecimal } from './big-decimal.js';
import { ConnectSchema, Schema } from './connect-schema.js';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME, TIME_LOGICAL_NAME } from './logical-names.js';
import { ConnectDate, Decimal, Time, Timestamp } from './logical-types.js';
import { SchemaAndValue } from './schema-and-value.js';
import type { Schema as SchemaShape } from './schema.js';
import { Struct } from './struct.js';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoTime = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}Z`;

/** Text of a value, by its schema's logical type where it has one (Kafka's Values.convertToString). */
export function convertToString(schema: SchemaShape | null, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return append(schema, value, false);
}

function append(schema: SchemaShape | null, value: unknown, embedded: boolean): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return embedded ? JSON.stringify(value) : value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof BigDecimal) return value.toString();
  if (value instanceof Date) {
    const name = schema?.name();
    if (name === DATE_LOGICAL_NAME) return isoDate(value);
    if (name === TIME_LOGICAL_NAME) return isoTime(value);
    return `${isoDate(value)}T${isoTime(value)}`;
  }
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
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

/**
 * Kafka's number rule: a whole value (`12`, `1.0`, `1e3`) is the narrowest integer type that holds
 * it; a fraction is a FLOAT32 when a float's range holds it (precision aside), else a FLOAT64;
 * what neither holds is a Decimal.
 */
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

function parseTemporal(token: string): SchemaAndValue | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/.exec(token);
  if (m) return new SchemaAndValue(Timestamp.SCHEMA, new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7])));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
  if (m) return new SchemaAndValue(ConnectDate.SCHEMA, new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
  m = /^(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/.exec(token);
  if (m) return new SchemaAndValue(Time.SCHEMA, new Date(Date.UTC(1970, 0, 1, +m[1], +m[2], +m[3], +m[4])));
  return null;
}

/** A small tokenizer over Values' text form: JSON-like, with bare words allowed. */
class Parser {
  pos = 0;
  constructor(readonly text: string) {}

  skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  value(): SchemaAndValue {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === undefined) throw new DataException('Unexpected end of input');
    if (c === '"') return new SchemaAndValue(Schema.STRING_SCHEMA, this.quoted());
    if (c === '[') return this.array();
    if (c === '{') return this.map();
    // A time or timestamp holds ':', which otherwise ends a token.
    const temporal = /^(\d{4}-\d{2}-\d{2}T)?\d{2}:\d{2}:\d{2}\.\d{3}Z/.exec(this.text.slice(this.pos));
    if (temporal) {
      const parsed = parseTemporal(temporal[0]);
      if (parsed) {
        this.pos += temporal[0].length;
        return parsed;
      }
    }
    const start = this.pos;
    while (this.pos < this.text.length && !/[,\]}:\s]/.test(this.text[this.pos])) this.pos++;
    const token = this.text.slice(start, this.pos);
    return scalar(token);
  }

  quoted(): string {
    const start = this.pos++;
    while (this.pos < this.text.length && this.text[this.pos] !== '"') this.pos += this.text[this.pos] === '\\' ? 2 : 1;
    if (this.pos >= this.text.length) throw new DataException(`Unterminated string at position ${start}`);
    this.pos++;
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }

  expect(c: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== c) throw new DataException(`Expected '${c}' at position ${this.pos} of ${JSON.stringify(this.text)}`);
    this.pos++;
  }

  more(close: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return false;
    }
    return true;
  }

  array(): SchemaAndValue {
    this.pos++;
    const items: SchemaAndValue[] = [];
    if (this.more(']')) {
      do items.push(this.value());
      while (this.more(']') && (this.expect(','), true));
    }
    const common = commonSchema(items.map((i) => i.schema));
    return new SchemaAndValue(new ConnectSchema('ARRAY', false, null, null, null, null, null, null, null, common), items.map((i) => i.value));
  }

  map(): SchemaAndValue {
    this.pos++;
    const entries: [SchemaAndValue, SchemaAndValue][] = [];
    if (this.more('}')) {
      do {
        const key = this.value();
        this.expect(':');
        entries.push([key, this.value()]);
      } while (this.more('}') && (this.expect(','), true));
    }
    const keys = commonSchema(entries.map((e) => e[0].schema));
    const values = commonSchema(entries.map((e) => e[1].schema));
    const schema = new ConnectSchema('MAP', false, null, null, null, null, null, null, keys, values);
    return new SchemaAndValue(schema, new Map(entries.map(([k, v]) => [k.value, v.value])));
  }
}

function scalar(token: string): SchemaAndValue {
  if (token === 'null') return SchemaAndValue.NULL;
  if (token === 'true' || token === 'false') return new SchemaAndValue(Schema.BOOLEAN_SCHEMA, token === 'true');
  return parseNumber(token) ?? parseTemporal(token) ?? new SchemaAndValue(Schema.STRING_SCHEMA, token);
}

function commonSchema(schemas: (SchemaShape | null)[]): SchemaShape | null {
  if (schemas.length === 0) return null;
  const first = schemas[0];
  return first !== null && schemas.every((s) => s !== null && s.type() === first.type() && s.name() === first.name()) ? first : null;
}

/**
 * Parses text into a value and the schema it suggests (Kafka's Values.parseString). Text that is
 * not a number, boolean, null, temporal, array or map, or that has anything after one, is a string.
 */
export function parseString(text: string | null): SchemaAndValue {
  if (text === null) return SchemaAndValue.NULL;
  if (text === '') return new SchemaAndValue(Schema.STRING_SCHEMA, text);
  const trimmed = text.trim();
  // Quotes delimit strings inside arrays and maps; a quoted text on its own stays as written, as in Kafka.
  if (trimmed.startsWith('"')) return new SchemaAndValue(Schema.STRING_SCHEMA, text);
  const parser = new Parser(trimmed);
  try {
    const result = parser.value();
    parser.skipSpace();
    if (parser.pos === trimmed.length) return result;
  } catch {
    // not a structured value: the text is a string
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

export const Values = Object.freeze({ parseString, convertToString, inferSchema, DECIMAL_LOGICAL_NAME });
