/**
 * Kafka's JsonConverter (`org.apache.kafka.connect.json.JsonConverter`): Connect data as JSON,
 * with `schemas.enable=true` inside Kafka's envelope `{"schema":...,"payload":...}` and without
 * it as the bare value. Bytes are base64, Decimals base64 of the unscaled value or a JSON number
 * (`decimal.format`), Date and Time an int32, Timestamp an int64, maps with string keys an object
 * and other maps an array of [key, value] pairs, exactly as Java writes them. Also a
 * HeaderConverter, as Kafka's is.
 */
import {
  BigDecimal,
  ConfigDef,
  ConfigException,
  ConfigValidators,
  ConnectDate,
  DataException,
  Decimal,
  SchemaAndValue,
  Struct,
  Time,
  Timestamp,
  javaDouble,
  javaFloat,
  schemaEquals,
  type ConnectHeaders,
  type Converter,
  type HeaderConverter,
  type PluginConfig,
  type Schema,
} from '@sluice/connect-api';
import { converterTypeDef, isKeyOf } from './converter-config.ts';
import { asConnectSchema, asJsonSchema } from './json-schema.ts';
import { JsonNumber, base64, fromBase64, isObject, nodeType, parseJson, quote, toJsonValue, type JsonValue } from './json-text.ts';

const DECIMAL_LOGICAL = Decimal.LOGICAL_NAME;

export const JSON_CONVERTER_CONFIG = converterTypeDef()
  .define({ name: 'schemas.enable', type: 'BOOLEAN', defaultValue: true, importance: 'high', documentation: 'Whether each value is written inside an envelope with its schema, and read from one.', group: 'Schemas', orderInGroup: 0, width: 'MEDIUM', displayName: 'Enable Schemas' })
  .define({ name: 'schemas.cache.size', type: 'INT', defaultValue: 1000, importance: 'high', documentation: 'How many schemas this converter keeps converted (accepted for compatibility; schemas are not cached here).', group: 'Schemas', orderInGroup: 1, width: 'MEDIUM', displayName: 'Schema Cache Size' })
  .define({ name: 'schema.content', type: 'STRING', defaultValue: null, importance: 'high', documentation: 'A schema in JsonConverter\'s JSON form that every value read has: the bytes are then the bare payload, with no envelope. Only with schemas.enable=true.', group: 'Schemas', orderInGroup: 2, width: 'MEDIUM', displayName: 'Schema Content' })
  .define({ name: 'decimal.format', type: 'STRING', defaultValue: 'BASE64', validator: ConfigValidators.caseInsensitiveIn('BASE64', 'NUMERIC'), importance: 'low', documentation: 'How Decimal values are written: BASE64 (the unscaled bytes, the default) or NUMERIC (a JSON number); either case.', group: 'Serialization', orderInGroup: 0, width: 'MEDIUM', displayName: 'Decimal Format' })
  .define({ name: 'replace.null.with.default', type: 'BOOLEAN', defaultValue: true, importance: 'low', documentation: 'Whether a null field that has a default in its schema reads as that default (true) or stays null (false).', group: 'Serialization', orderInGroup: 1, width: 'MEDIUM', displayName: 'Replace null with default' });

export class JsonConverter implements Converter, HeaderConverter {
  #schemasEnabled = true;
  #numericDecimals = false;
  #replaceNullWithDefault = true;
  /** `schema.content`: the schema of every value read, whose bytes are then the bare payload. */
  #fixedSchema: Schema | null = null;

  config(): ConfigDef {
    return JSON_CONVERTER_CONFIG;
  }

  /** Kafka's two ways: `configure(configs)` with `converter.type`, or `configure(configs, isKey)`. */
  configure(configs: PluginConfig, isKey?: boolean): void {
    const parsed = JSON_CONVERTER_CONFIG.parse(isKey === undefined ? configs : { ...configs, 'converter.type': isKeyOf(isKey) });
    this.#schemasEnabled = parsed['schemas.enable'] as boolean;
    this.#numericDecimals = String(parsed['decimal.format']).toUpperCase() === 'NUMERIC';
    this.#replaceNullWithDefault = parsed['replace.null.with.default'] as boolean;
    const content = parsed['schema.content'] as string | null;
    this.#fixedSchema = null;
    if (content !== null && content !== '') {
      try {
        this.#fixedSchema = this.asConnectSchema(parseJson(new TextEncoder().encode(content)));
      } catch (e) {
        throw new ConfigException('schema.content', content, `not a schema in JsonConverter's JSON form: ${(e as Error).message}`);
      }
    }
  }

  close(): void {}

  fromConnectData(_topic: string, schema: Schema | null, value: unknown, _headers?: ConnectHeaders): Uint8Array | null {
    if (schema === null && (value === null || value === undefined)) return null;
    const payload = this.#toJson(schema, value);
    const text = this.#schemasEnabled ? `{"schema":${asJsonSchema(schema, (s, v) => this.#toJson(s, v))},"payload":${payload}}` : payload;
    return new TextEncoder().encode(text);
  }

  toConnectData(_topic: string, value: Uint8Array | null, _headers?: ConnectHeaders): SchemaAndValue {
    if (value === null) return SchemaAndValue.NULL;
    let json: JsonValue;
    try {
      json = parseJson(value);
    } catch (e) {
      throw new DataException(`Converting byte[] to Kafka Connect data failed due to serialization error: ${(e as Error).message}`, { cause: e });
    }
    if (this.#schemasEnabled && this.#fixedSchema !== null) {
      try {
        return new SchemaAndValue(this.#fixedSchema, this.#toConnect(this.#fixedSchema, json));
      } catch (e) {
        if (e instanceof RangeError) throw new DataException(`Converting byte[] to Kafka Connect data failed: ${e.message}`, { cause: e });
        throw e;
      }
    }
    if (this.#schemasEnabled && (!isObject(json) || Object.keys(json).length !== 2 || !('schema' in json) || !('payload' in json))) {
      throw new DataException('JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.');
    }
    const envelope = this.#schemasEnabled ? (json as { schema: JsonValue; payload: JsonValue }) : { schema: null, payload: json };
    try {
      const schema = this.asConnectSchema(envelope.schema);
      return new SchemaAndValue(schema, this.#toConnect(schema, envelope.payload));
    } catch (e) {
      // Data nested deeper than the stack allows is bad input like any other, not a crash.
      if (e instanceof RangeError) throw new DataException(`Converting byte[] to Kafka Connect data failed: ${e.message}`, { cause: e });
      throw e;
    }
  }

  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, value);
  }

  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, schema, value);
  }

  /** Kafka's asJsonSchema, as JSON text. */
  asJsonSchema(schema: Schema | null): string {
    return asJsonSchema(schema, (s, v) => this.#toJson(s, v));
  }

  /** Kafka's asConnectSchema, from parsed JSON (numbers as JsonNumbers, or plain numbers as JSON.parse gives them). */
  asConnectSchema(json: unknown): Schema | null {
    return asConnectSchema(toJsonValue(json), (builder, node) => this.#toConnect(builder, node));
  }

  #toJson(schema: Schema | null, value: unknown): string {
    if (value === null || value === undefined) {
      if (schema === null) return 'null';
      if (schema.defaultValue() !== null && this.#replaceNullWithDefault) return this.#toJson(schema, schema.defaultValue());
      if (schema.isOptional()) return 'null';
      throw new DataException('Conversion error: null value for field that is required and has no default value');
    }
    switch (schema?.name()) {
      case DECIMAL_LOGICAL:
        if (!(value instanceof BigDecimal)) throw new DataException(`Invalid type for Decimal, expected BigDecimal but was ${typeName(value)}`);
        return this.#numericDecimals ? value.toString() : quote(base64(Decimal.fromLogical(schema!, value)));
      case ConnectDate.LOGICAL_NAME:
        if (!(value instanceof Date)) throw new DataException(`Invalid type for Date, expected Date but was ${typeName(value)}`);
        return String(ConnectDate.fromLogical(schema!, value));
      case Time.LOGICAL_NAME:
        if (!(value instanceof Date)) throw new DataException(`Invalid type for Time, expected Date but was ${typeName(value)}`);
        return String(Time.fromLogical(schema!, value));
      case Timestamp.LOGICAL_NAME:
        if (!(value instanceof Date)) throw new DataException(`Invalid type for Timestamp, expected Date but was ${typeName(value)}`);
        return String(Timestamp.fromLogical(schema!, value));
    }
    const type = schema?.type() ?? inferType(value);
    const bad = (): never => {
      throw new DataException(`Invalid type for ${schema ? schema.type() : 'unknown schema'}: ${typeName(value)}`);
    };
    switch (type) {
      case 'INT8':
      case 'INT16':
      case 'INT32':
        return typeof value === 'number' && Number.isInteger(value) ? String(value) : bad();
      case 'INT64':
        return typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value)) ? String(value) : bad();
      case 'FLOAT32':
        return typeof value === 'number' ? javaFloat(value) : bad();
      case 'FLOAT64':
        return typeof value === 'number' ? javaDouble(value) : bad();
      case 'BOOLEAN':
        return typeof value === 'boolean' ? String(value) : bad();
      case 'STRING':
        return typeof value === 'string' ? quote(value) : bad();
      case 'BYTES':
        return value instanceof Uint8Array ? quote(base64(value)) : bad();
      case 'ARRAY': {
        if (!Array.isArray(value)) return bad();
        const element = schema ? schema.valueSchema() : null;
        return `[${value.map((v) => this.#toJson(element, v)).join(',')}]`;
      }
      case 'MAP': {
        if (!(value instanceof Map)) return bad();
        const keySchema = schema ? schema.keySchema() : null;
        const valueSchema = schema ? schema.valueSchema() : null;
        const objectMode = schema ? keySchema!.type() === 'STRING' : [...value.keys()].every((k) => typeof k === 'string');
        const entries = [...value].map(([k, v]) => [this.#toJson(keySchema, k), this.#toJson(valueSchema, v)] as const);
        if (objectMode) return `{${entries.map(([k, v]) => `${k.startsWith('"') ? k : quote(k)}:${v}`).join(',')}}`;
        return `[${entries.map(([k, v]) => `[${k},${v}]`).join(',')}]`;
      }
      case 'STRUCT': {
        if (!(value instanceof Struct)) return bad();
        if (!schemaEquals(value.schema, schema)) throw new DataException('Mismatching schema.');
        return `{${schema!
          .fields()
          .map((f) => `${quote(f.name)}:${this.#toJson(f.schema, value.getWithoutDefault(f))}`)
          .join(',')}}`;
      }
      default:
        throw new DataException(`Couldn't convert ${String(value)} to JSON.`);
    }
  }

  #toConnect(schema: Schema | null, node: JsonValue | undefined): unknown {
    if (schema !== null) {
      if (node === null || node === undefined) {
        if (schema.defaultValue() !== null && this.#replaceNullWithDefault) return schema.defaultValue();
        if (schema.isOptional()) return null;
        throw new DataException(`Invalid null value for required ${schema.type()} field`);
      }
      switch (schema.name()) {
        case DECIMAL_LOGICAL:
          if (node instanceof JsonNumber) return BigDecimal.parse(node.text);
          if (typeof node === 'string') {
            try {
              return Decimal.toLogical(schema, fromBase64(node, 'bytes'));
            } catch (e) {
              throw new DataException('Invalid bytes for Decimal field', { cause: e });
            }
          }
          throw new DataException(`Invalid type for Decimal, underlying representation should be numeric or bytes but was ${nodeType(node)}`);
        case ConnectDate.LOGICAL_NAME:
          if (!(node instanceof JsonNumber && node.isInt)) throw new DataException(`Invalid type for Date, underlying representation should be integer but was ${nodeType(node)}`);
          return ConnectDate.toLogical(schema, Number(node.text));
        case Time.LOGICAL_NAME:
          if (!(node instanceof JsonNumber && node.isInt)) throw new DataException(`Invalid type for Time, underlying representation should be integer but was ${nodeType(node)}`);
          return Time.toLogical(schema, Number(node.text));
        case Timestamp.LOGICAL_NAME:
          if (!(node instanceof JsonNumber && node.isIntegral)) throw new DataException(`Invalid type for Timestamp, underlying representation should be integral but was ${nodeType(node)}`);
          return Timestamp.toLogical(schema, BigInt.asIntN(64, BigInt(node.text)));
      }
      return this.#typed(schema, node);
    }
    // Schemaless: Kafka's types by JSON node; whole numbers are INT64 (numbers while safe, else bigints).
    if (node === null || node === undefined) return null;
    if (typeof node === 'boolean' || typeof node === 'string') return node;
    if (node instanceof JsonNumber) {
      if (!node.isIntegral) return Number(node.text);
      const n = BigInt.asIntN(64, BigInt(node.text));
      return Number.isSafeInteger(Number(n)) ? Number(n) : n;
    }
    if (Array.isArray(node)) return node.map((v) => this.#toConnect(null, v));
    return new Map(Object.entries(node).map(([k, v]) => [k, this.#toConnect(null, v)]));
  }

  /** Jackson's value accessors as the converters of Kafka's JsonConverter call them (intValue() of text is 0). */
  #typed(schema: Schema, node: JsonValue): unknown {
    const num = node instanceof JsonNumber ? node : null;
    const whole = (): bigint => (num === null ? 0n : num.isIntegral ? BigInt(num.text) : BigInt(Math.trunc(Number(num.text))));
    switch (schema.type()) {
      case 'BOOLEAN':
        return node === true;
      case 'INT8':
        return Number(BigInt.asIntN(8, BigInt.asIntN(32, whole())));
      case 'INT16':
        return Number(BigInt.asIntN(16, BigInt.asIntN(32, whole())));
      case 'INT32':
        return Number(BigInt.asIntN(32, whole()));
      case 'INT64':
        return BigInt.asIntN(64, whole());
      case 'FLOAT32':
        return num === null ? 0 : Math.fround(Number(num.text));
      case 'FLOAT64':
        return num === null ? 0 : Number(num.text);
      case 'BYTES':
        if (typeof node !== 'string') return null;
        try {
          return fromBase64(node, 'bytes');
        } catch (e) {
          throw new DataException('Invalid bytes field', { cause: e });
        }
      case 'STRING':
        return typeof node === 'string' ? node : null;
      case 'ARRAY':
        return Array.isArray(node) ? node.map((v) => this.#toConnect(schema.valueSchema(), v)) : [];
      case 'MAP': {
        const result = new Map<unknown, unknown>();
        if (schema.keySchema().type() === 'STRING') {
          if (!isObject(node)) throw new DataException(`Maps with string fields should be encoded as JSON objects, but found ${nodeType(node)}`);
          for (const [k, v] of Object.entries(node)) result.set(k, this.#toConnect(schema.valueSchema(), v));
        } else {
          if (!Array.isArray(node)) throw new DataException(`Maps with non-string fields should be encoded as JSON array of tuples, but found ${nodeType(node)}`);
          for (const entry of node) {
            if (!Array.isArray(entry)) throw new DataException(`Found invalid map entry instead of array tuple: ${nodeType(entry)}`);
            if (entry.length !== 2) throw new DataException(`Found invalid map entry, expected length 2 but found :${entry.length}`);
            result.set(this.#toConnect(schema.keySchema(), entry[0]), this.#toConnect(schema.valueSchema(), entry[1]));
          }
        }
        return result;
      }
      case 'STRUCT': {
        if (!isObject(node)) throw new DataException(`Structs should be encoded as JSON objects, but found ${nodeType(node)}`);
        const struct = new Struct(schema.schema());
        for (const f of schema.fields()) {
          const v = this.#toConnect(f.schema, node[f.name]);
          if (v !== null) struct.put(f, v);
        }
        return struct;
      }
    }
  }
}

/** Kafka's ConnectSchema.schemaType for a schemaless value. */
function inferType(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) ? 'INT64' : 'FLOAT64';
  if (typeof value === 'bigint') return 'INT64';
  if (typeof value === 'boolean') return 'BOOLEAN';
  if (typeof value === 'string') return 'STRING';
  if (value instanceof Uint8Array) return 'BYTES';
  if (Array.isArray(value)) return 'ARRAY';
  if (value instanceof Map) return 'MAP';
  if (value instanceof Struct) return 'STRUCT';
  throw new DataException(`${typeName(value)} does not have corresponding schema type.`);
}

function typeName(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value;
  return value.constructor?.name ?? 'Object';
}
