/**
 * Kafka's Cast$Key / $Value: casts fields (`spec=age:int32,price:float64`) or the whole key or
 * value (`spec=string`) to INT8..INT64, FLOAT32, FLOAT64, BOOLEAN or STRING, with Java's
 * conversions: integers wrap, floats truncate toward zero (saturating at the int and long
 * bounds), logical types cast from their internal form, strings parse, dates format as Values does.
 */
import {
  BigDecimal,
  ConfigDef,
  ConfigException,
  ConnectDate,
  DataException,
  Decimal,
  SchemaBuilder,
  Struct,
  Time,
  Timestamp,
  Values,
  javaDouble,
  javaFloat,
  type ConnectRecord,
  type Schema,
  type SchemaType,
} from '@sluice/connect-api';
import { validator } from '@sluice/config';
import { KeyOrValueTransformation, REPLACE_NULL_WITH_DEFAULT, SchemaCache, copySchemaBasics, fieldValue, nullSafeClassName, requireMap, requireStruct } from './util.ts';

const PURPOSE = 'cast types';
const WHOLE_VALUE = '';
const OUTPUT_TYPES: SchemaType[] = ['INT8', 'INT16', 'INT32', 'INT64', 'FLOAT32', 'FLOAT64', 'BOOLEAN', 'STRING'];
const INPUT_TYPES: SchemaType[] = [...OUTPUT_TYPES, 'BYTES'];
const SCHEMA_TYPES = new Set<string>([...INPUT_TYPES, 'ARRAY', 'MAP', 'STRUCT']);

/** Kafka's parseFieldTypes: the spec as field → type, '' for a whole-value cast; throws ConfigException. */
export function parseCastSpec(mappings: string[]): Map<string, SchemaType> {
  const casts = new Map<string, SchemaType>();
  let whole = false;
  const typeOf = (text: string): SchemaType => {
    const type = text.trim().toUpperCase();
    if (!SCHEMA_TYPES.has(type)) throw new ConfigException(`Invalid type found in casting spec: ${text.trim()}`);
    if (!OUTPUT_TYPES.includes(type as SchemaType)) throw new ConfigException(`Cast transformation does not support casting to ${type}; supported types are [${OUTPUT_TYPES.join(', ')}]`);
    return type as SchemaType;
  };
  for (const mapping of mappings) {
    const parts = mapping.split(':');
    // Kafka 4.3.1 names ReplaceField's setting here; the message is kept as Kafka words it.
    if (parts.length > 2) throw new ConfigException('renames', `[${mappings.join(', ')}]`, `Invalid rename mapping: ${mapping}`);
    if (parts.length === 1) {
      casts.set(WHOLE_VALUE, typeOf(parts[0]));
      whole = true;
    } else casts.set(parts[0].trim(), typeOf(parts[1]));
  }
  if (whole && mappings.length > 1) throw new ConfigException('Cast transformations that specify a type to cast the entire value to may only specify a single cast in their spec');
  return casts;
}

export const CAST_CONFIG = new ConfigDef()
  .define({
    name: 'spec',
    type: 'LIST',
    validator: validator('list of colon-delimited pairs, e.g. <code>foo:bar,abc:xyz</code>', (v) => {
      if (v === null) return undefined;
      if ((v as string[]).length === 0) return 'Must specify at least one field to cast.';
      parseCastSpec(v as string[]);
      return undefined;
    }),
    importance: 'high',
    documentation: 'What to cast: field:type pairs for the fields of a struct or map, or one type for the whole key or value. Types: int8, int16, int32, int64, float32, float64, boolean, string; bytes cast only to string.',
  })
  .define(REPLACE_NULL_WITH_DEFAULT);

/** The schema type of a schemaless value (Kafka's ConnectSchema.schemaType), null when Connect has none. */
function inferType(value: unknown): SchemaType | null {
  if (typeof value === 'number') return Number.isInteger(value) ? 'INT64' : 'FLOAT64';
  if (typeof value === 'bigint') return 'INT64';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'string') return 'STRING';
  if (value instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Map) return 'MAP';
  if (value instanceof Struct) return 'STRUCT';
  return null;
}

/** Java's narrowing of a double to int or long: NaN is 0, out of range saturates, else truncates. */
function doubleToWhole(d: number, bits: 32 | 64): bigint {
  if (Number.isNaN(d)) return 0n;
  const max = bits === 32 ? 2147483647n : 9223372036854775807n;
  const min = -max - 1n;
  if (d >= Number(max)) return max;
  if (d <= Number(min)) return min;
  return BigInt(Math.trunc(d));
}

/** A number as Java's Number.longValue/intValue would see it: floats narrow, integers stay. */
function whole(value: number | bigint | BigDecimal, floating: boolean, bits: 32 | 64): bigint {
  if (value instanceof BigDecimal) return BigInt.asIntN(bits, value.toBigInt());
  if (typeof value === 'bigint') return value;
  return floating || !Number.isInteger(value) ? doubleToWhole(value, bits) : BigInt(value);
}

/** Kafka's message for text that does not parse as the type asked for. */
const outOfRange = (text: string): DataException => new DataException(`Value (${text}) was out of range for requested data type`);

function parseWhole(text: string, bits: number): bigint {
  if (!/^[+-]?\d+$/.test(text)) throw outOfRange(text);
  const n = BigInt(text);
  if (BigInt.asIntN(bits, n) !== n) throw outOfRange(text);
  return n;
}

function castTo(value: unknown, sourceType: SchemaType, target: SchemaType): unknown {
  const floating = sourceType === 'FLOAT32' || sourceType === 'FLOAT64';
  const numeric = typeof value === 'number' || typeof value === 'bigint' || value instanceof BigDecimal;
  const unexpected = (): never => {
    throw new DataException(`Unexpected type in Cast transformation: ${nullSafeClassName(value)}`);
  };
  switch (target) {
    case 'INT8':
    case 'INT16':
    case 'INT32': {
      const bits = target === 'INT8' ? 8 : target === 'INT16' ? 16 : 32;
      if (numeric) return Number(BigInt.asIntN(bits, BigInt.asIntN(32, whole(value as number, floating, 32))));
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value === 'string') return Number(parseWhole(value, bits));
      return unexpected();
    }
    case 'INT64':
      if (numeric) return BigInt.asIntN(64, whole(value as number, floating, 64));
      if (typeof value === 'boolean') return value ? 1n : 0n;
      if (typeof value === 'string') return parseWhole(value, 64);
      return unexpected();
    case 'FLOAT32':
    case 'FLOAT64': {
      const round = target === 'FLOAT32' ? Math.fround : (n: number) => n;
      if (numeric) return round(value instanceof BigDecimal ? value.toNumber() : Number(value));
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value === 'string') {
        // A decimal number and nothing else: Kafka refuses blanks around it, and JavaScript's hex or binary forms are no numbers to Java.
        if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) throw outOfRange(value);
        return round(Number(value));
      }
      return unexpected();
    }
    case 'BOOLEAN':
      if (numeric) return whole(value as number, floating, 64) !== 0n;
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string') return value.toLowerCase() === 'true';
      return unexpected();
    default:
      return castToString(value, sourceType);
  }
}

function castToString(value: unknown, sourceType: SchemaType): string {
  if (value instanceof Date) return Values.dateFormatFor(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'number') return sourceType === 'FLOAT32' ? javaFloat(value) : sourceType === 'FLOAT64' || !Number.isInteger(value) ? javaDouble(value) : String(value);
  return String(value);
}

/** Logical values as their internal form (days, millis, the decimal itself), for a numeric cast. */
function encodeLogical(schema: Schema, value: unknown): unknown {
  switch (schema.name()) {
    case ConnectDate.LOGICAL_NAME:
      return ConnectDate.fromLogical(schema, value as Date);
    case Time.LOGICAL_NAME:
      return Time.fromLogical(schema, value as Date);
    case Timestamp.LOGICAL_NAME:
      return Timestamp.fromLogical(schema, value as Date);
    case Decimal.LOGICAL_NAME:
      return value;
    default:
      return value;
  }
}

export function castValueToType(schema: Schema | null, value: unknown, target: SchemaType): unknown {
  if (value === null || value === undefined) return null;
  const inferred = schema === null ? inferType(value) : schema.type();
  if (inferred === null) throw new DataException(`Cast transformation was passed a value of type ${nullSafeClassName(value)} which is not supported by Connect's data API`);
  if (!INPUT_TYPES.includes(inferred)) throw new DataException(`Cast transformation does not support casting from ${inferred}; supported types are [${INPUT_TYPES.join(', ')}]`);
  let v: unknown = value;
  let source = inferred;
  if (schema !== null && schema.name() !== null && target !== 'STRING') {
    v = encodeLogical(schema, value);
    if (schema.name() === Decimal.LOGICAL_NAME) source = 'FLOAT64';
  }
  return castTo(v, source, target);
}

function builderFor(type: SchemaType): SchemaBuilder {
  return SchemaBuilder.type(type);
}

export class Cast extends KeyOrValueTransformation {
  static readonly Key: new () => Cast = class extends Cast {
    constructor() {
      super('key');
    }
  };
  static readonly Value: new () => Cast = class extends Cast {
    constructor() {
      super('value');
    }
  };

  #casts = new Map<string, SchemaType>();
  #whole: SchemaType | null = null;
  #replaceNull = true;
  readonly #schemas = new SchemaCache();

  config(): ConfigDef {
    return CAST_CONFIG;
  }

  protected override configured(): void {
    this.#casts = parseCastSpec(this.settings.spec as string[]);
    this.#whole = this.#casts.get(WHOLE_VALUE) ?? null;
    this.#replaceNull = this.settings['replace.null.with.default'] as boolean;
  }

  apply<R extends ConnectRecord<R>>(record: R): R | null {
    const value = this.operatingValue(record);
    if (value === null) return record;
    const schema = this.operatingSchema(record);
    if (schema === null) {
      if (this.#whole !== null) return this.newRecord(record, null, castValueToType(null, value, this.#whole));
      const map = requireMap(value, PURPOSE);
      const updated = new Map(map);
      for (const [field, type] of this.#casts) updated.set(field, castValueToType(null, map.get(field) ?? null, type));
      return this.newRecord(record, null, updated);
    }
    const updatedSchema = this.#schemas.get(schema, () => this.#buildSchema(schema));
    if (this.#whole !== null) return this.newRecord(record, updatedSchema, castValueToType(schema, value, this.#whole));
    const struct = requireStruct(value, PURPOSE);
    const updated = new Struct(updatedSchema);
    for (const f of struct.schema.fields()) {
      const original = fieldValue(struct, f, this.#replaceNull);
      const target = this.#casts.get(f.name);
      updated.put(updatedSchema.field(f.name)!, target !== undefined ? castValueToType(f.schema, original, target) : original);
    }
    return this.newRecord(record, updatedSchema, updated);
  }

  #buildSchema(schema: Schema): Schema {
    let builder: SchemaBuilder;
    if (this.#whole !== null) builder = copySchemaBasics(schema, builderFor(this.#whole));
    else {
      builder = copySchemaBasics(schema, SchemaBuilder.struct());
      for (const f of schema.fields()) {
        const target = this.#casts.get(f.name);
        if (target === undefined) {
          builder.field(f.name, f.schema);
          continue;
        }
        const fieldBuilder = builderFor(target);
        if (f.schema.isOptional()) fieldBuilder.optional();
        if (f.schema.defaultValue() !== null) fieldBuilder.defaultValue(castValueToType(f.schema, f.schema.defaultValue(), target));
        builder.field(f.name, fieldBuilder.build());
      }
    }
    if (schema.isOptional()) builder.optional();
    if (schema.defaultValue() !== null) builder.defaultValue(castValueToType(schema, schema.defaultValue(), builder.type()));
    return builder.build();
  }
}
