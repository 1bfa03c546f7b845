/** Kafka's ConnectSchema (an immutable Schema) and the ready-made schemas of Kafka's Schema interface. */
import { DataException } from '../errors.ts';
import { schemaEquals } from './field.ts';
import type { Field, Schema as SchemaShape, SchemaType } from './schema.ts';
import { validateValue } from './struct.ts';

export class ConnectSchema implements SchemaShape {
  readonly #fields: readonly Field[] | null;
  readonly #byName: Map<string, Field> | null;

  readonly schemaType: SchemaType;
  readonly optional: boolean;
  readonly defaultVal: unknown;
  readonly schemaName: string | null;
  readonly schemaVersion: number | null;
  readonly schemaDoc: string | null;
  readonly schemaParameters: Readonly<Record<string, string>> | null;
  readonly keySchemaOf: SchemaShape | null;
  readonly valueSchemaOf: SchemaShape | null;

  constructor(
    schemaType: SchemaType,
    optional = false,
    defaultVal: unknown = null,
    schemaName: string | null = null,
    schemaVersion: number | null = null,
    schemaDoc: string | null = null,
    schemaParameters: Readonly<Record<string, string>> | null = null,
    fields: readonly Field[] | null = null,
    keySchemaOf: SchemaShape | null = null,
    valueSchemaOf: SchemaShape | null = null,
  ) {
    this.schemaType = schemaType;
    this.optional = optional;
    this.defaultVal = defaultVal;
    this.schemaName = schemaName;
    this.schemaVersion = schemaVersion;
    this.schemaDoc = schemaDoc;
    this.schemaParameters = schemaParameters;
    this.keySchemaOf = keySchemaOf;
    this.valueSchemaOf = valueSchemaOf;
    this.#fields = schemaType === 'STRUCT' ? Object.freeze([...(fields ?? [])]) : null;
    this.#byName = this.#fields ? new Map(this.#fields.map((f) => [f.name, f])) : null;
  }

  /** Kafka's ConnectSchema.validateValue(schema, value) and validateValue(field, schema, value). */
  static validateValue(schema: SchemaShape, value: unknown, field?: string | null): void {
    validateValue(schema, value, field);
  }

  type(): SchemaType {
    return this.schemaType;
  }
  isOptional(): boolean {
    return this.optional;
  }
  defaultValue(): unknown {
    return this.defaultVal;
  }
  name(): string | null {
    return this.schemaName;
  }
  version(): number | null {
    return this.schemaVersion;
  }
  doc(): string | null {
    return this.schemaDoc;
  }
  parameters(): Readonly<Record<string, string>> | null {
    return this.schemaParameters;
  }
  fields(): readonly Field[] {
    if (this.#fields === null) throw new DataException('Cannot list fields on non-struct type');
    return this.#fields;
  }
  field(name: string): Field | null {
    if (this.#byName === null) throw new DataException('Cannot look up fields on non-struct type');
    return this.#byName.get(name) ?? null;
  }
  /** The key schema of a MAP; null only in a map schema Values inferred from keys of mixed types, as in Kafka. */
  keySchema(): SchemaShape {
    if (this.schemaType !== 'MAP') throw new DataException('Cannot look up key schema on non-map type');
    return this.keySchemaOf as SchemaShape;
  }
  /** The element or value schema; null only where Values inferred it from values of mixed types, as in Kafka. */
  valueSchema(): SchemaShape {
    if (this.schemaType !== 'MAP' && this.schemaType !== 'ARRAY') throw new DataException('Cannot look up value schema on non-array and non-map type');
    return this.valueSchemaOf as SchemaShape;
  }
  schema(): SchemaShape {
    return this;
  }
  equals(other: unknown): boolean {
    return typeof other === 'object' && other !== null && typeof (other as SchemaShape).type === 'function' && schemaEquals(this, other as SchemaShape);
  }
  toString(): string {
    return this.schemaName !== null ? `Schema{${this.schemaName}:${this.schemaType}}` : `Schema{${this.schemaType}}`;
  }
}

const primitive = (type: SchemaType, optional: boolean) => new ConnectSchema(type, optional);

/** Kafka's Schema interface: the schema type and the ready-made primitive schemas (`Schema.STRING_SCHEMA`). */
export type Schema = SchemaShape;
export const Schema = Object.freeze({
  INT8_SCHEMA: primitive('INT8', false),
  INT16_SCHEMA: primitive('INT16', false),
  INT32_SCHEMA: primitive('INT32', false),
  INT64_SCHEMA: primitive('INT64', false),
  FLOAT32_SCHEMA: primitive('FLOAT32', false),
  FLOAT64_SCHEMA: primitive('FLOAT64', false),
  BOOLEAN_SCHEMA: primitive('BOOLEAN', false),
  STRING_SCHEMA: primitive('STRING', false),
  BYTES_SCHEMA: primitive('BYTES', false),
  OPTIONAL_INT8_SCHEMA: primitive('INT8', true),
  OPTIONAL_INT16_SCHEMA: primitive('INT16', true),
  OPTIONAL_INT32_SCHEMA: primitive('INT32', true),
  OPTIONAL_INT64_SCHEMA: primitive('INT64', true),
  OPTIONAL_FLOAT32_SCHEMA: primitive('FLOAT32', true),
  OPTIONAL_FLOAT64_SCHEMA: primitive('FLOAT64', true),
  OPTIONAL_BOOLEAN_SCHEMA: primitive('BOOLEAN', true),
  OPTIONAL_STRING_SCHEMA: primitive('STRING', true),
  OPTIONAL_BYTES_SCHEMA: primitive('BYTES', true),
});
