/** Kafka's header transforms: InsertHeader, DropHeaders and HeaderFrom$Key / $Value (copy or move fields to headers). */
import { ConfigDef, ConfigException, ConfigValidators, ConnectHeaders, DataException, SchemaBuilder, Struct, Values, type ConnectRecord, type SchemaAndValue } from '@sluice/connect-api';
import { BaseTransformation, KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, SchemaCache, copySchemaBasics, fieldValue, requireMap, requireStruct } from './util.ts';

export const INSERT_HEADER_CONFIG = new ConfigDef()
  .define({ name: 'header', type: 'STRING', validator: ConfigValidators.nonEmptyStringWithoutControlChars(), importance: 'high', documentation: 'The key of the header to add.' })
  .define({ name: 'value.literal', type: 'STRING', validator: ConfigValidators.nonEmptyStringWithoutControlChars(), importance: 'high', documentation: 'The header value, as text; it is read as Values reads text, so 42 becomes an INT8.' });

/** Adds a header whose value is `value.literal` read as Values reads text (`42` is an INT8). */
export class InsertHeader extends BaseTransformation {
  #header = '';
  #literal!: SchemaAndValue;

  config(): ConfigDef {
    return INSERT_HEADER_CONFIG;
  }

  protected override configured(): void {
    this.#header = this.settings.header as string;
    this.#literal = Values.parseString(this.settings['value.literal'] as string);
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const headers = record.headers.duplicate().add(this.#header, this.#literal.value, this.#literal.schema);
    return record.newRecord(record.topic, record.kafkaPartition, record.keySchema, record.key, record.valueSchema, record.value, record.timestamp, headers);
  }
}

export const DROP_HEADERS_CONFIG = new ConfigDef().define({ name: 'headers', type: 'LIST', validator: ConfigValidators.nonEmptyList(), importance: 'high', documentation: 'The keys of the headers to drop.' });

export class DropHeaders extends BaseTransformation {
  #headers = new Set<string>();

  config(): ConfigDef {
    return DROP_HEADERS_CONFIG;
  }

  protected override configured(): void {
    this.#headers = new Set(this.settings.headers as string[]);
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const headers = new ConnectHeaders([...record.headers].filter((h) => !this.#headers.has(h.key)));
    return record.newRecord(record.topic, record.kafkaPartition, record.keySchema, record.key, record.valueSchema, record.value, record.timestamp, headers);
  }
}

export const HEADER_FROM_CONFIG = new ConfigDef()
  .define({ name: 'fields', type: 'LIST', validator: ConfigValidators.nonEmptyList(), importance: 'high', documentation: 'The fields whose values become headers.' })
  .define({ name: 'headers', type: 'LIST', validator: ConfigValidators.nonEmptyList(), importance: 'high', documentation: 'The header keys, one for each field in fields, in the same order.' })
  .define({ name: 'operation', type: 'STRING', validator: ConfigValidators.in('move', 'copy'), importance: 'high', documentation: 'copy keeps the fields in the key or value; move removes them from it.' })
  .define(REPLACE_NULL_WITH_DEFAULT);

export class HeaderFrom extends KeyOrValueTransformation {
  static readonly Key: new () => HeaderFrom = class extends HeaderFrom {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => HeaderFrom = class extends HeaderFrom {
    constructor() {
      super('value');
    }
  };

  #fields: string[] = [];
  #headers: string[] = [];
  #move = false;
  #replaceNull = true;
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return HEADER_FROM_CONFIG;
  }

  protected override configured(): void {
    this.#fields = this.settings.fields as string[];
    this.#headers = this.settings.headers as string[];
    this.#move = this.settings.operation === 'move';
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
    if (this.#fields.length !== this.#headers.length) throw new ConfigException("'fields' config must have the same number of elements as 'headers' config.");
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const schema = this.operatingSchema(record);
    const value = this.operatingValue(record);
    const headers = record.headers.duplicate();
    const purpose = `header ${this.#move ? 'move' : 'copy'}`;
    if (schema === null) {
      const map = requireMap(value, purpose);
      const updated = this.#move ? new Map([...map].filter(([k]) => !this.#fields.includes(k))) : map;
      this.#fields.forEach((f, i) => headers.add(this.#headers[i], map.get(f) ?? null, null));
      return this.newRecord(record, null, updated, headers);
    }
    const struct = requireStruct(value, purpose);
    let updatedSchema = schema;
    let updated = struct;
    if (this.#move) {
      updatedSchema = this.#schemas.get(schema, () => {
        const builder = copySchemaBasics(schema, SchemaBuilder.struct());
        for (const f of schema.fields()) if (!this.#fields.includes(f.name)) builder.field(f.name, f.schema);
        return builder.build();
      });
      updated = new Struct(updatedSchema);
      for (const f of updatedSchema.fields()) updated.put(f, fieldValue(struct, f.name, this.#replaceNull));
    }
    this.#fields.forEach((f, i) => {
      const field = schema.field(f);
      if (field === null) throw new DataException(`Field ${f} not found in schema ${String(schema)}`);
      headers.add(this.#headers[i], fieldValue(struct, f, this.#replaceNull), field.schema);
    });
    return this.newRecord(record, updatedSchema, updated, headers);
  }
}
