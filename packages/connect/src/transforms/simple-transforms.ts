/** Kafka's Filter (drops every record; used with a predicate) and SetSchemaMetadata$Key / $Value. */
import { ConfigDef, ConfigException, ConnectSchema, Struct, type ConnectRecord, type Schema } from '@sluice/connect-api';
import { BaseTransformation, KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, fieldValue, requireSchema } from './util.ts';

export class Filter extends BaseTransformation {
  config(): ConfigDef {
    return new ConfigDef();
  }

  apply<R extends ConnectRecord<R>>(_record: R): R | null {
    return null;
  }
}

export const SET_SCHEMA_METADATA_CONFIG = new ConfigDef()
  .define({ name: 'schema.name', type: 'STRING', defaultValue: null, importance: 'high', documentation: 'The name the schema gets.' })
  .define({ name: 'schema.version', type: 'INT', defaultValue: null, importance: 'high', documentation: 'The version the schema gets.' })
  .define(REPLACE_NULL_WITH_DEFAULT);

export class SetSchemaMetadata extends KeyOrValueTransformation {
  static readonly Key: new () => SetSchemaMetadata = class extends SetSchemaMetadata {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => SetSchemaMetadata = class extends SetSchemaMetadata {
    constructor() {
      super('value');
    }
  };

  #name: string | null = null;
  #version: number | null = null;
  #replaceNull = true;

  config(): ConfigDef {
    return SET_SCHEMA_METADATA_CONFIG;
  }

  protected override configured(): void {
    this.#name = (this.settings['schema.name'] as string | null) ?? null;
    this.#version = (this.settings['schema.version'] as number | null) ?? null;
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
    if (this.#name === null && this.#version === null) throw new ConfigException('Neither schema name nor version configured');
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    // A schemaless tombstone passes; anything else needs a schema, and (as in Kafka 4.3.1) a struct one.
    if (this.operatingSchema(record) === null && this.operatingValue(record) === null) return record;
    const schema = requireSchema(this.operatingSchema(record), 'updating schema metadata');
    const type = schema.type();
    const updated: Schema = new ConnectSchema(
      type,
      schema.isOptional(),
      schema.defaultValue(),
      this.#name ?? schema.name(),
      this.#version ?? schema.version(),
      schema.doc(),
      schema.parameters(),
      schema.fields(),
      type === 'MAP' ? schema.keySchema() : null,
      type === 'MAP' || type === 'ARRAY' ? schema.valueSchema() : null,
    );
    const value = this.operatingValue(record);
    if (!(value instanceof Struct)) return this.newRecord(record, updated, value);
    const struct = new Struct(updated);
    for (const f of updated.fields()) struct.put(f.name, fieldValue(value, f.name, this.#replaceNull));
    return this.newRecord(record, updated, struct);
  }
}
