/**
 * Kafka's TimestampConverter$Key / $Value: converts a timestamp field (or the whole key or value)
 * between `string` (with `format`), `unix` (`unix.precision`), and the logical `Date`, `Time`
 * and `Timestamp`. Formats are read in UTC, as Kafka's are.
 */
import {
  ConfigDef,
  ConfigException,
  ConfigValidators,
  ConnectDate,
  ConnectException,
  DataException,
  Schema,
  SchemaBuilder,
  Struct,
  Time,
  Timestamp,
  type ConnectRecord,
} from '@sluice/connect-api';
import { DateFormat } from './date-format.ts';
import { KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, SchemaCache, copySchemaBasics, fieldValue, nullSafeClassName, requireMap, requireStruct } from './util.ts';

const PURPOSE = 'converting timestamp formats';
type TimestampType = 'string' | 'unix' | 'Date' | 'Time' | 'Timestamp';
const MILLIS_PER_DAY = 86_400_000;

export const TIMESTAMP_CONVERTER_CONFIG = new ConfigDef()
  .define({ name: 'field', type: 'STRING', defaultValue: '', importance: 'high', documentation: 'The field holding the timestamp; empty when the whole key or value is the timestamp.' })
  .define({ name: 'target.type', type: 'STRING', validator: ConfigValidators.in('string', 'unix', 'Date', 'Time', 'Timestamp'), importance: 'high', documentation: 'What the timestamp becomes: string, unix, Date, Time or Timestamp.' })
  .define({ name: 'format', type: 'STRING', defaultValue: '', importance: 'medium', documentation: 'A SimpleDateFormat pattern (in UTC): how a string timestamp is read, and how one is written when target.type=string.' })
  .define({ name: 'unix.precision', type: 'STRING', defaultValue: 'milliseconds', validator: ConfigValidators.in('nanoseconds', 'microseconds', 'milliseconds', 'seconds'), importance: 'low', documentation: 'The unit of unix timestamps, read and written: seconds, milliseconds, microseconds or nanoseconds.' })
  .define(REPLACE_NULL_WITH_DEFAULT);

/** The milliseconds a JavaScript Date holds either side of the epoch (years -271821 to 275760). */
const MAX_DATE_MILLIS = 8_640_000_000_000_000n;

/** Java's Date reaches further; a timestamp beyond JavaScript's is refused rather than turned into an invalid Date. */
const outsideDates = (value: unknown): DataException =>
  new DataException(`Timestamp ${String(value)} is outside what a JavaScript Date holds (${-MAX_DATE_MILLIS} to ${MAX_DATE_MILLIS} ms from the epoch, years -271821 to 275760)`);

const PRECISION_PER_MILLI: Record<string, [bigint, bigint]> = { seconds: [1n, 1000n], milliseconds: [1n, 1n], microseconds: [1000n, 1n], nanoseconds: [1_000_000n, 1n] };

function schemaOf(type: TimestampType, optional: boolean): Schema {
  switch (type) {
    case 'string':
      return optional ? Schema.OPTIONAL_STRING_SCHEMA : Schema.STRING_SCHEMA;
    case 'unix':
      return optional ? Schema.OPTIONAL_INT64_SCHEMA : Schema.INT64_SCHEMA;
    case 'Date':
      return optional ? ConnectDate.builder().optional().build() : ConnectDate.SCHEMA;
    case 'Time':
      return optional ? Time.builder().optional().build() : Time.SCHEMA;
    default:
      return optional ? Timestamp.builder().optional().build() : Timestamp.SCHEMA;
  }
}

export class TimestampConverter extends KeyOrValueTransformation {
  static readonly Key: new () => TimestampConverter = class extends TimestampConverter {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => TimestampConverter = class extends TimestampConverter {
    constructor() {
      super('value');
    }
  };

  #field = '';
  #target: TimestampType = 'Timestamp';
  #format: DateFormat | null = null;
  #precision = 'milliseconds';
  #replaceNull = true;
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return TIMESTAMP_CONVERTER_CONFIG;
  }

  protected override configured(): void {
    this.#field = this.settings.field as string;
    this.#target = this.settings['target.type'] as TimestampType;
    this.#precision = this.settings['unix.precision'] as string;
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
    const pattern = this.settings.format as string;
    if (this.#target === 'string' && pattern.trim() === '') throw new ConfigException('TimestampConverter requires format option to be specified when using string timestamps');
    if (pattern.trim() !== '') {
      try {
        this.#format = new DateFormat(pattern);
      } catch (e) {
        throw new ConfigException(`TimestampConverter requires a SimpleDateFormat-compatible pattern for string timestamps: ${pattern}: ${(e as Error).message}`);
      }
    }
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const value = this.operatingValue(record);
    const schema = this.operatingSchema(record);
    if (schema === null) {
      if (this.#field === '') return this.newRecord(record, null, this.#convert(value, this.#inferType(value)));
      if (value === null) return this.newRecord(record, null, null);
      const map = requireMap(value, PURPOSE);
      const updated = new Map(map);
      const fieldValue = map.get(this.#field) ?? null;
      updated.set(this.#field, this.#convert(fieldValue, this.#inferType(fieldValue)));
      return this.newRecord(record, null, updated);
    }
    if (this.#field === '') return this.newRecord(record, schemaOf(this.#target, schema.isOptional()), this.#convert(value, this.#typeOfSchema(schema)));
    const struct = value === null ? null : requireStruct(value, PURPOSE);
    const updatedSchema = this.#schemas.get(schema, () => {
      const builder = copySchemaBasics(schema, SchemaBuilder.struct());
      for (const f of schema.fields()) builder.field(f.name, f.name === this.#field ? schemaOf(this.#target, f.schema.isOptional()) : f.schema);
      if (schema.isOptional()) builder.optional();
      if (schema.defaultValue() !== null) builder.defaultValue(this.#convertStruct(schema.defaultValue() as Struct, builder.build()));
      return builder.build();
    });
    return this.newRecord(record, updatedSchema, struct === null ? null : this.#convertStruct(struct, updatedSchema));
  }

  #convertStruct(struct: Struct, updatedSchema: Schema): Struct {
    const updated = new Struct(updatedSchema);
    for (const f of struct.schema.fields()) {
      const v = fieldValue(struct, f, this.#replaceNull);
      updated.put(f.name, f.name === this.#field ? this.#convert(v, this.#typeOfSchema(f.schema)) : v);
    }
    return updated;
  }

  #typeOfSchema(schema: Schema): TimestampType {
    switch (schema.name()) {
      case Timestamp.LOGICAL_NAME:
        return 'Timestamp';
      case ConnectDate.LOGICAL_NAME:
        return 'Date';
      case Time.LOGICAL_NAME:
        return 'Time';
    }
    if (schema.type() === 'STRING') return 'string';
    if (schema.type() === 'INT64') return 'unix';
    throw new ConnectException(`Schema ${String(schema)} does not correspond to a known timestamp type format`);
  }

  #inferType(value: unknown): TimestampType {
    if (value instanceof Date) return 'Timestamp';
    if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return 'unix';
    if (typeof value === 'string') return 'string';
    if (value === null) return 'Timestamp';
    throw new DataException(`TimestampConverter does not support ${nullSafeClassName(value)} objects as timestamps`);
  }

  #convert(value: unknown, from: TimestampType): unknown {
    if (value === null || value === undefined) return null;
    const [per, div] = PRECISION_PER_MILLI[this.#precision];
    let millis: number;
    switch (from) {
      case 'string':
        if (this.#format === null) throw new DataException('TimestampConverter requires format option to be specified when using string timestamps');
        millis = this.#format.parse(value as string).getTime();
        break;
      case 'unix': {
        const exact = (BigInt(value as bigint) * div) / per;
        if (exact > MAX_DATE_MILLIS || exact < -MAX_DATE_MILLIS) throw outsideDates(value);
        millis = Number(exact);
        break;
      }
      default:
        millis = (value as Date).getTime();
    }
    if (!Number.isFinite(millis)) throw outsideDates(value);
    switch (this.#target) {
      case 'string':
        return this.#format!.format(new Date(millis));
      case 'unix':
        return (BigInt(millis) * per) / div;
      case 'Date':
        return new Date(Math.floor(millis / MILLIS_PER_DAY) * MILLIS_PER_DAY);
      case 'Time':
        return new Date(((millis % MILLIS_PER_DAY) + MILLIS_PER_DAY) % MILLIS_PER_DAY);
      default:
        return new Date(millis);
    }
  }
}
