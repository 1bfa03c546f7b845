/** Kafka's ReplaceField$Key / $Value: keeps (include), drops (exclude) and renames fields. */
import { ConfigDef, SchemaBuilder, Struct, type ConnectRecord, type Schema } from '@sluice/connect-api';
import { validator } from '@sluice/config';
import { KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, SchemaCache, copySchemaBasics, fieldValue, requireMap, requireStruct } from './util.ts';

const PURPOSE = 'field replacement';

function renameProblem(value: unknown): string | undefined {
  for (const mapping of (value as string[] | null) ?? []) if (mapping.split(':').length !== 2) return `Invalid rename mapping: ${mapping}`;
  return undefined;
}

export const REPLACE_FIELD_CONFIG = new ConfigDef()
  .define({ name: 'exclude', type: 'LIST', defaultValue: '', importance: 'medium', documentation: 'Fields to drop; a field listed here is dropped even when include names it.' })
  .define({ name: 'include', type: 'LIST', defaultValue: '', importance: 'medium', documentation: 'Fields to keep; when given, every other field is dropped.' })
  .define({ name: 'renames', type: 'LIST', defaultValue: '', validator: validator('list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>', renameProblem), importance: 'medium', documentation: 'Renames as old:new pairs.' })
  .define(REPLACE_NULL_WITH_DEFAULT);

export class ReplaceField extends KeyOrValueTransformation {
  static readonly Key: new () => ReplaceField = class extends ReplaceField {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => ReplaceField = class extends ReplaceField {
    constructor() {
      super('value');
    }
  };

  #exclude: string[] = [];
  #include: string[] = [];
  #renames = new Map<string, string>();
  #reverse = new Map<string, string>();
  #replaceNull = true;
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return REPLACE_FIELD_CONFIG;
  }

  protected override configured(): void {
    this.#exclude = this.settings.exclude as string[];
    this.#include = this.settings.include as string[];
    for (const mapping of this.settings.renames as string[]) {
      const [from, to] = mapping.split(':');
      this.#renames.set(from, to);
      this.#reverse.set(to, from);
    }
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
  }

  #keep(name: string): boolean {
    return !this.#exclude.includes(name) && (this.#include.length === 0 || this.#include.includes(name));
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const value = this.operatingValue(record);
    if (value === null) return record;
    const schema = this.operatingSchema(record);
    if (schema === null) {
      const updated = new Map<string, unknown>();
      for (const [name, v] of requireMap(value, PURPOSE)) if (this.#keep(name)) updated.set(this.#renames.get(name) ?? name, v);
      return this.newRecord(record, null, updated);
    }
    const struct = requireStruct(value, PURPOSE);
    const updatedSchema = this.#schemas.get(struct.schema, () => this.#makeSchema(struct.schema));
    const updated = new Struct(updatedSchema);
    for (const f of updatedSchema.fields()) updated.put(f.name, fieldValue(struct, this.#reverse.get(f.name) ?? f.name, this.#replaceNull));
    return this.newRecord(record, updatedSchema, updated);
  }

  #makeSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const f of schema.fields()) if (this.#keep(f.name)) builder.field(this.#renames.get(f.name) ?? f.name, f.schema);
    return builder.build();
  }
}
