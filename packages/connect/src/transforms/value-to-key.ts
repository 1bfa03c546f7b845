/** Kafka's ValueToKey: the key becomes a struct (or map) of fields copied from the value. */
import { ConfigDef, ConfigValidators, DataException, SchemaBuilder, Struct, type ConnectRecord } from '@sluice/connect-api';
import { BaseTransformation, REPLACE_NULL_WITH_DEFAULT, SchemaCache, fieldValue, requireMap, requireStruct } from './util.ts';

const PURPOSE = 'copying fields from value to key';

export const VALUE_TO_KEY_CONFIG = new ConfigDef()
  .define({ name: 'fields', type: 'LIST', validator: ConfigValidators.nonEmptyList(), importance: 'high', documentation: 'The value fields the new key is made of, in this order.' })
  .define(REPLACE_NULL_WITH_DEFAULT);

export class ValueToKey extends BaseTransformation {
  #fields: string[] = [];
  #replaceNull = true;
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return VALUE_TO_KEY_CONFIG;
  }

  protected override configured(): void {
    this.#fields = this.settings.fields as string[];
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    if (record.valueSchema === null) {
      const value = requireMap(record.value, PURPOSE);
      const key = new Map<string, unknown>(this.#fields.map((f) => [f, value.get(f) ?? null]));
      return record.newRecord(record.topic, record.kafkaPartition, null, key, record.valueSchema, record.value, record.timestamp);
    }
    const value = requireStruct(record.value, PURPOSE);
    const keySchema = this.#schemas.get(value.schema, () => {
      const builder = SchemaBuilder.struct();
      for (const f of this.#fields) {
        const from = value.schema.field(f);
        if (from === null) throw new DataException(`Field does not exist: ${f}`);
        builder.field(f, from.schema);
      }
      return builder.build();
    });
    const key = new Struct(keySchema);
    for (const f of this.#fields) key.put(f, fieldValue(value, f, this.#replaceNull));
    return record.newRecord(record.topic, record.kafkaPartition, keySchema, key, value.schema, value, record.timestamp);
  }
}
