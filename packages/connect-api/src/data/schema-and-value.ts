import type { Schema } from './schema.ts';

/** Kafka's SchemaAndValue: what a converter reads, a value with its schema (null when schemaless). */
export class SchemaAndValue {
  static readonly NULL = new SchemaAndValue(null, null);
  readonly schema: Schema | null;
  readonly value: unknown;

  constructor(schema: Schema | null, value: unknown) {
    this.schema = schema;
    this.value = value;
  }
}
