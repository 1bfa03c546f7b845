import type { Schema } from './schema.js';

/** Kafka's SchemaAndValue: what a converter reads, a value with its schema (null when schemaless). */
export class SchemaAndValue {
  static readonly NULL = new SchemaAndValue(null, null);
  constructor(
    readonly schema: Schema | null,
    readonly value: unknown,
  ) {}
}
