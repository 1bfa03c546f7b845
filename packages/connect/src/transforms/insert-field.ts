/** Kafka's InsertField$Key / $Value: adds the topic, partition, offset, timestamp or a static value as fields. */
import { ConfigDef, Schema, SchemaBuilder, Struct, Timestamp, type ConnectRecord } from '@sluice/connect-api';
import { KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, SchemaCache, copySchemaBasics, fieldValue, requireMap, requireSinkRecord, requireStruct } from './util.ts';

const PURPOSE = 'field insertion';
const OPTIONALITY_DOC = 'End the name with ! for a required field, or ? (the default) for an optional one.';

export const INSERT_FIELD_CONFIG = new ConfigDef()
  .define({ name: 'topic.field', type: 'STRING', defaultValue: null, importance: 'medium', documentation: `The field that gets the record\'s topic. ${OPTIONALITY_DOC}` })
  .define({ name: 'partition.field', type: 'STRING', defaultValue: null, importance: 'medium', documentation: `The field that gets the record\'s partition. ${OPTIONALITY_DOC}` })
  .define({ name: 'offset.field', type: 'STRING', defaultValue: null, importance: 'medium', documentation: `The field that gets the record\'s offset (sink records only). ${OPTIONALITY_DOC}` })
  .define({ name: 'timestamp.field', type: 'STRING', defaultValue: null, importance: 'medium', documentation: `The field that gets the record\'s timestamp. ${OPTIONALITY_DOC}` })
  .define({ name: 'static.field', type: 'STRING', defaultValue: null, importance: 'medium', documentation: `The field that gets static.value. ${OPTIONALITY_DOC}` })
  .define({ name: 'static.value', type: 'STRING', defaultValue: null, importance: 'medium', documentation: 'The value of the static field.' })
  .define(REPLACE_NULL_WITH_DEFAULT);

interface InsertionSpec {
  name: string;
  optional: boolean;
}

/** `name!` is required, `name?` or `name` optional. */
function spec(text: unknown): InsertionSpec | null {
  if (text === null || text === undefined) return null;
  const s = String(text);
  if (s.endsWith('?')) return { name: s.slice(0, -1), optional: true };
  if (s.endsWith('!')) return { name: s.slice(0, -1), optional: false };
  return { name: s, optional: true };
}

export class InsertField extends KeyOrValueTransformation {
  static readonly Key: new () => InsertField = class extends InsertField {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => InsertField = class extends InsertField {
    constructor() {
      super('value');
    }
  };

  #topic: InsertionSpec | null = null;
  #partition: InsertionSpec | null = null;
  #offset: InsertionSpec | null = null;
  #timestamp: InsertionSpec | null = null;
  #static: InsertionSpec | null = null;
  #staticValue: string | null = null;
  #replaceNull = true;
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return INSERT_FIELD_CONFIG;
  }

  protected override configured(): void {
    this.#topic = spec(this.settings['topic.field']);
    this.#partition = spec(this.settings['partition.field']);
    this.#offset = spec(this.settings['offset.field']);
    this.#timestamp = spec(this.settings['timestamp.field']);
    this.#static = spec(this.settings['static.field']);
    this.#staticValue = (this.settings['static.value'] as string | null) ?? null;
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const value = this.operatingValue(record);
    if (value === null) return record;
    const schema = this.operatingSchema(record);
    return schema === null ? this.#schemaless(record, value) : this.#withSchema(record, schema, value);
  }

  #schemaless<R extends ConnectRecord<R>>(record: R, value: unknown): R {
    const updated = new Map(requireMap(value, PURPOSE));
    if (this.#topic) updated.set(this.#topic.name, record.topic);
    if (this.#partition && record.kafkaPartition !== null) updated.set(this.#partition.name, record.kafkaPartition);
    if (this.#offset) updated.set(this.#offset.name, requireSinkRecord(record, PURPOSE).kafkaOffset);
    if (this.#timestamp && record.timestamp !== null) updated.set(this.#timestamp.name, BigInt(record.timestamp));
    if (this.#static && this.#staticValue !== null) updated.set(this.#static.name, this.#staticValue);
    return this.newRecord(record, null, updated);
  }

  #withSchema<R extends ConnectRecord<R>>(record: R, schema: Schema, raw: unknown): R {
    const value = requireStruct(raw, PURPOSE);
    const updatedSchema = this.#schemas.get(value.schema, () => this.#makeSchema(value.schema));
    const updated = new Struct(updatedSchema);
    for (const f of value.schema.fields()) updated.put(f.name, fieldValue(value, f, this.#replaceNull));
    if (this.#topic) updated.put(this.#topic.name, record.topic);
    if (this.#partition && record.kafkaPartition !== null) updated.put(this.#partition.name, record.kafkaPartition);
    if (this.#offset) updated.put(this.#offset.name, requireSinkRecord(record, PURPOSE).kafkaOffset);
    if (this.#timestamp && record.timestamp !== null) updated.put(this.#timestamp.name, new Date(record.timestamp));
    if (this.#static && this.#staticValue !== null) updated.put(this.#static.name, this.#staticValue);
    void schema;
    return this.newRecord(record, updatedSchema, updated);
  }

  #makeSchema(schema: Schema): Schema {
    const builder = copySchemaBasics(schema, SchemaBuilder.struct());
    for (const f of schema.fields()) builder.field(f.name, f.schema);
    if (this.#topic) builder.field(this.#topic.name, this.#topic.optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
    if (this.#partition) builder.field(this.#partition.name, this.#partition.optional ? Schema.OPTIONAL_INT32_SCHEMA : Schema.INT32_SCHEMA);
    if (this.#offset) builder.field(this.#offset.name, this.#offset.optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA);
    if (this.#timestamp) builder.field(this.#timestamp.name, this.#timestamp.optional ? Timestamp.builder().optional().build() : Timestamp.SCHEMA);
    if (this.#static) builder.field(this.#static.name, this.#static.optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA);
    return builder.build();
  }
}
