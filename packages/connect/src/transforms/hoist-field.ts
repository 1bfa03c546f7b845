/** Kafka's HoistField$Key / $Value: wraps the key or value in a struct (or map) with one field. */
import { ConfigDef, SchemaBuilder, Struct, type ConnectRecord } from '@sluice/connect-api';
import { KeyOrValueTransformation, SchemaCache } from './util.ts';

export const HOIST_FIELD_CONFIG = new ConfigDef().define({ name: 'field', type: 'STRING', importance: 'medium', documentation: 'The name of the one field the key or value is wrapped in.' });

export class HoistField extends KeyOrValueTransformation {
  static readonly Key: new () => HoistField = class extends HoistField {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => HoistField = class extends HoistField {
    constructor() {
      super('value');
    }
  };

  #field = '';
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return HOIST_FIELD_CONFIG;
  }

  protected override configured(): void {
    this.#field = this.settings.field as string;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const schema = this.operatingSchema(record);
    const value = this.operatingValue(record);
    if (schema === null) return this.newRecord(record, null, new Map([[this.#field, value]]));
    const updatedSchema = this.#schemas.get(schema, () => SchemaBuilder.struct().field(this.#field, schema).build());
    return this.newRecord(record, updatedSchema, new Struct(updatedSchema).put(this.#field, value));
  }
}
