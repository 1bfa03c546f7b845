/**
 * Kafka's Flatten$Key / $Value: nested structs (or maps, without a schema) become top-level fields
 * named by their path joined with `delimiter`; arrays stay as they are, and a map in a record with
 * a schema is refused, as Kafka refuses it.
 */
import { ConfigDef, DataException, SchemaBuilder, Struct, type ConnectRecord, type Schema } from '@sluice/connect-api';
import { KeyOrValueTransformation, SchemaCache, copySchemaBasics, nullSafeClassName, requireMap, requireMapOrNull, requireStructOrNull } from './util.ts';

const PURPOSE = 'flattening';

export const FLATTEN_CONFIG = new ConfigDef().define({ name: 'delimiter', type: 'STRING', defaultValue: '.', importance: 'medium', documentation: 'What joins the names along a nested field\'s path into its flat name.' });

export class Flatten extends KeyOrValueTransformation {
  static readonly Key: new () => Flatten = class extends Flatten {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => Flatten = class extends Flatten {
    constructor() {
      super('value');
    }
  };

  #delimiter = '.';
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return FLATTEN_CONFIG;
  }

  protected override configured(): void {
    this.#delimiter = this.settings.delimiter as string;
  }

  #name(prefix: string, name: string): string {
    return prefix === '' ? name : prefix + this.#delimiter + name;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const schema = this.operatingSchema(record);
    if (schema === null) {
      const value = requireMapOrNull(this.operatingValue(record), PURPOSE);
      if (value === null) return this.newRecord(record, null, null);
      const out = new Map<string, unknown>();
      this.#flattenMap(value, '', out);
      return this.newRecord(record, null, out);
    }
    const value = requireStructOrNull(this.operatingValue(record), PURPOSE);
    // A tombstone keeps its schema unflattened, as in Kafka 4.3.1.
    if (value === null) return record;
    const updatedSchema = this.#schemas.get(schema, () => {
      const builder = copySchemaBasics(schema, SchemaBuilder.struct());
      this.#flattenSchema(schema, '', builder, schema.isOptional(), schema.defaultValue() as Struct | null);
      return builder.build();
    });
    const updated = new Struct(updatedSchema);
    this.#flattenStruct(value, '', updated);
    return this.newRecord(record, updatedSchema, updated);
  }

  #flattenMap(map: Map<string, unknown>, prefix: string, out: Map<string, unknown>): void {
    for (const [key, value] of map) {
      const name = this.#name(prefix, key);
      if (value === null || value === undefined) {
        out.set(name, null);
        continue;
      }
      if (value instanceof Map) this.#flattenMap(requireMap(value, PURPOSE), name, out);
      else if (value instanceof Struct) throw new DataException(`Flatten transformation does not support ${nullSafeClassName(value)} for record without schemas (for field ${name}).`);
      else if (['number', 'bigint', 'boolean', 'string'].includes(typeof value) || value instanceof Uint8Array || Array.isArray(value)) out.set(name, value);
      else throw new DataException(`Flatten transformation was passed a value of type ${nullSafeClassName(value)} which is not supported by Connect's data API`);
    }
  }

  #flattenSchema(schema: Schema, prefix: string, builder: SchemaBuilder, optional: boolean, parentDefault: Struct | null): void {
    for (const f of schema.fields()) {
      const name = this.#name(prefix, f.name);
      const fieldOptional = optional || f.schema.isOptional();
      const fieldDefault = f.schema.defaultValue() ?? (parentDefault !== null ? parentDefault.get(f) : null);
      if (f.schema.type() === 'STRUCT') this.#flattenSchema(f.schema, name, builder, fieldOptional, fieldDefault as Struct | null);
      else if (f.schema.type() === 'MAP') throw new DataException(`Flatten transformation does not support MAP for record with schemas (for field ${name}).`);
      else {
        const b = copySchemaBasics(f.schema);
        if (fieldOptional) b.optional();
        if (fieldDefault !== null) b.defaultValue(fieldDefault);
        builder.field(name, b.build());
      }
    }
  }

  #flattenStruct(struct: Struct | null, prefix: string, out: Struct): void {
    if (struct === null) return;
    for (const f of struct.schema.fields()) {
      const name = this.#name(prefix, f.name);
      if (f.schema.type() === 'STRUCT') this.#flattenStruct(struct.getStruct(f.name), name, out);
      else out.put(name, struct.get(f)); // a null field reads as its default, as Kafka's Flatten reads it
    }
  }
}
