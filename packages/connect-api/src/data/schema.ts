/**
 * Connect's schema: the type of a key, a value or a header, as Kafka's `Schema` interface. What a
 * value of each type is in JavaScript (ConnectSchema.validateValue checks it):
 *
 * | type | JavaScript value |
 * |---|---|
 * | INT8, INT16, INT32 | a whole `number` within the type's range |
 * | INT64 | a `bigint`: numbers lose precision above 2^53, and a Java `long` must survive a trip here and back |
 * | FLOAT32, FLOAT64 | `number` |
 * | BOOLEAN | `boolean` |
 * | STRING | `string` |
 * | BYTES | `Uint8Array` (a `Buffer` is one) |
 * | ARRAY | an array |
 * | MAP | a `Map` (keys may be of any type, as in Connect) |
 * | STRUCT | a `Struct` |
 *
 * Logical types by schema name: Decimal is a `BigDecimal`; Date, Time and Timestamp are `Date`s.
 */
export type SchemaType = 'INT8' | 'INT16' | 'INT32' | 'INT64' | 'FLOAT32' | 'FLOAT64' | 'BOOLEAN' | 'STRING' | 'BYTES' | 'ARRAY' | 'MAP' | 'STRUCT';

export const SCHEMA_TYPES: readonly SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING', 'BYTES', 'ARRAY', 'MAP', 'STRUCT'];

/** Primitive types (Kafka's Schema.Type.isPrimitive). */
export function isPrimitive(type: SchemaType): boolean {
  return type !== 'ARRAY' && type !== 'MAP' && type !== 'STRUCT';
}

/** A field of a STRUCT schema, as the Schema contract sees it (the Field class implements it). */
export interface Field {
  readonly name: string;
  readonly index: number;
  readonly schema: Schema;
  equals(other: unknown): boolean;
}

/**
 * Kafka's Schema: read-only. ConnectSchema implements it; SchemaBuilder builds one. Its parts are
 * methods, as in Java, so that SchemaBuilder can offer `name()` and `name('x')` alike.
 */
export interface Schema {
  type(): SchemaType;
  isOptional(): boolean;
  /** The default, or null for none. */
  defaultValue(): unknown;
  name(): string | null;
  version(): number | null;
  doc(): string | null;
  parameters(): Readonly<Record<string, string>> | null;
  /** The key schema of a MAP; throws DataException for other types. */
  keySchema(): Schema;
  /** The element schema of an ARRAY or the value schema of a MAP; throws for other types. */
  valueSchema(): Schema;
  /** The fields of a STRUCT, in order; throws for other types. */
  fields(): readonly Field[];
  /** A STRUCT's field by name, or null; throws for other types. */
  field(name: string): Field | null;
  /** A finished schema (a SchemaBuilder builds one; a ConnectSchema is itself). */
  schema(): Schema;
}
