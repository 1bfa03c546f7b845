/**
 * Kafka's Struct, and the value check it and every schema share (ConnectSchema.validateValue lives
 * here so that a Struct can check its puts without an import loop).
 */
import { DataException } from '../errors.ts';
import { BigDecimal } from './big-decimal.ts';
import { schemaEquals, valuesEqual } from './field.ts';
import { DATE_LOGICAL_NAME, DECIMAL_LOGICAL_NAME, TIMESTAMP_LOGICAL_NAME, TIME_LOGICAL_NAME } from './logical-names.ts';
import type { Field, Schema, SchemaType } from './schema.ts';

const INT_RANGES: Partial<Record<SchemaType, [number, number]>> = { INT8: [-128, 127], INT16: [-32768, 32767], INT32: [-2147483648, 2147483647] };

/** What a value of the schema's type must be, in words, and the test. */
function expected(schema: Schema): { what: string; test: (v: unknown) => boolean } {
  switch (schema.name()) {
    case DECIMAL_LOGICAL_NAME:
      return { what: 'a BigDecimal', test: (v) => v instanceof BigDecimal };
    case DATE_LOGICAL_NAME:
    case TIME_LOGICAL_NAME:
    case TIMESTAMP_LOGICAL_NAME:
      return { what: 'a Date', test: (v) => v instanceof Date };
  }
  const range = INT_RANGES[schema.type()];
  if (range) return { what: `a whole number in [${range[0]}, ${range[1]}]`, test: (v) => typeof v === 'number' && Number.isInteger(v) && v >= range[0] && v <= range[1] };
  switch (schema.type()) {
    case 'INT64':
      return { what: 'a bigint (INT64 values are bigints so that no long loses precision; write 42n or BigInt(n))', test: (v) => typeof v === 'bigint' && BigInt.asIntN(64, v) === v };
    case 'FLOAT32':
    case 'FLOAT64':
      return { what: 'a number', test: (v) => typeof v === 'number' };
    case 'BOOLEAN':
      return { what: 'a boolean', test: (v) => typeof v === 'boolean' };
    case 'STRING':
      return { what: 'a string', test: (v) => typeof v === 'string' };
    case 'BYTES':
      return { what: 'a Uint8Array or Buffer', test: (v) => v instanceof Uint8Array };
    case 'ARRAY':
      return { what: 'an array', test: (v) => Array.isArray(v) };
    case 'MAP':
      return { what: 'a Map', test: (v) => v instanceof Map };
    default:
      return { what: 'a Struct', test: (v) => v instanceof Struct };
  }
}

/** How a value is named in messages: its JavaScript type, or its class. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value === 'number' && !Number.isInteger(value) ? 'number (not whole)' : typeof value;
  return Array.isArray(value) ? 'Array' : (value.constructor?.name ?? 'Object');
}

/**
 * Kafka's ConnectSchema.validateValue: throws DataException when `value` is not a value of
 * `schema`, saying where (`field: "name"`, `value`) and what was expected.
 */
export function validateValue(schema: Schema, value: unknown, field?: string | null): void {
  validateAt(schema, value, field == null ? 'value' : `field: "${field}"`);
}

function validateAt(schema: Schema, value: unknown, location: string): void {
  if (value === null || value === undefined) {
    if (!schema.isOptional()) throw new DataException(`Invalid value: null used for required ${location}, schema type: ${schema.type()}`);
    return;
  }
  const want = expected(schema);
  if (!want.test(value)) {
    throw new DataException(`Invalid value for schema${schema.name() !== null ? ` "${schema.name()}"` : ''} with type ${schema.type()}: ${describeType(value)} for ${location}; expected ${want.what}`);
  }
  switch (schema.type()) {
    case 'STRUCT': {
      const struct = value as Struct;
      if (!schemaEquals(struct.schema, schema)) throw new DataException('Struct schemas do not match.');
      struct.validate();
      break;
    }
    case 'ARRAY':
      for (const entry of value as unknown[]) validateAt(schema.valueSchema(), entry, `element of array ${location}`);
      break;
    case 'MAP':
      for (const [k, v] of value as Map<unknown, unknown>) {
        validateAt(schema.keySchema(), k, `key of map ${location}`);
        validateAt(schema.valueSchema(), v, `value of map ${location}`);
      }
      break;
  }
}

/** Kafka's Struct: a value of a STRUCT schema, whose puts are checked against the field's schema. */
export class Struct {
  readonly #values: unknown[];

  readonly schema: Schema;

  constructor(schema: Schema) {
    this.schema = schema;
    if (schema.type() !== 'STRUCT') throw new DataException(`Not a struct schema: ${String(schema)}`);
    this.#values = new Array(schema.fields().length).fill(null);
  }

  /** The field's value, or the field schema's default when it has none (Kafka's get). */
  get(field: string | Field): unknown {
    const f = this.#lookup(field);
    const value = this.#values[f.index];
    return value === null && f.schema.defaultValue() !== null ? f.schema.defaultValue() : value;
  }

  /** The field's value without falling back to its default. */
  getWithoutDefault(field: string | Field): unknown {
    return this.#values[this.#lookup(field).index];
  }

  getInt8(field: string): number | null {
    return this.#typed(field, 'INT8') as number | null;
  }
  getInt16(field: string): number | null {
    return this.#typed(field, 'INT16') as number | null;
  }
  getInt32(field: string): number | null {
    return this.#typed(field, 'INT32') as number | null;
  }
  getInt64(field: string): bigint | null {
    return this.#typed(field, 'INT64') as bigint | null;
  }
  getFloat32(field: string): number | null {
    return this.#typed(field, 'FLOAT32') as number | null;
  }
  getFloat64(field: string): number | null {
    return this.#typed(field, 'FLOAT64') as number | null;
  }
  getBoolean(field: string): boolean | null {
    return this.#typed(field, 'BOOLEAN') as boolean | null;
  }
  getString(field: string): string | null {
    return this.#typed(field, 'STRING') as string | null;
  }
  getBytes(field: string): Uint8Array | null {
    return this.#typed(field, 'BYTES') as Uint8Array | null;
  }
  getArray<T = unknown>(field: string): T[] | null {
    return this.#typed(field, 'ARRAY') as T[] | null;
  }
  getMap<K = unknown, V = unknown>(field: string): Map<K, V> | null {
    return this.#typed(field, 'MAP') as Map<K, V> | null;
  }
  getStruct(field: string): Struct | null {
    return this.#typed(field, 'STRUCT') as Struct | null;
  }

  /** Sets a field after checking the value against its schema; returns this, for chaining. */
  put(field: string | Field, value: unknown): this {
    const f = this.#lookup(field);
    validateValue(f.schema, value, f.name);
    this.#values[f.index] = value ?? null;
    return this;
  }

  /** Checks every field: a required one without value or default fails (Kafka's Struct.validate). */
  validate(): void {
    for (const f of this.schema.fields()) {
      const value = this.#values[f.index];
      if (value === null && (f.schema.isOptional() || f.schema.defaultValue() !== null)) continue;
      validateValue(f.schema, value, f.name);
    }
  }

  equals(other: unknown): boolean {
    return other instanceof Struct && schemaEquals(other.schema, this.schema) && this.#values.every((v, i) => valuesEqual(v, other.#values[i]));
  }

  toString(): string {
    const parts = this.schema
      .fields()
      .filter((f) => this.#values[f.index] !== null)
      .map((f) => `${f.name}=${show(this.#values[f.index])}`);
    return `Struct{${parts.join(',')}}`;
  }

  #lookup(field: string | Field): Field {
    if (typeof field !== 'string') {
      if (field == null) throw new DataException('field cannot be null.');
      return field;
    }
    const f = this.schema.field(field);
    if (f === null) throw new DataException(`${field} is not a valid field name`);
    return f;
  }

  #typed(name: string, type: SchemaType): unknown {
    const f = this.#lookup(name);
    if (f.schema.type() !== type) throw new DataException(`Field '${name}' is not of type ${type}`);
    return this.get(f);
  }
}

function show(v: unknown): string {
  if (v instanceof Uint8Array) return `[${[...v].join(', ')}]`;
  if (v instanceof Map) return `{${[...v].map(([k, x]) => `${show(k)}=${show(x)}`).join(', ')}}`;
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return String(v);
}
