/**
 * Kafka's plain converters: StringConverter, ByteArrayConverter, the number converters
 * (ShortConverter … DoubleConverter, BooleanConverter, big-endian as Kafka's serializers) and
 * SimpleHeaderConverter (header values as Values' text). Each is also a HeaderConverter.
 */
import {
  ConfigDef,
  ConfigException,
  DataException,
  Schema,
  SchemaAndValue,
  Values,
  type ConnectHeaders,
  type Converter,
  type HeaderConverter,
  type PluginConfig,
} from '@sluice/connect-api';
import { converterTypeDef, isKeyOf } from './converter-config.ts';
import { javaToString } from './java-text.ts';

/** Shared by the converters whose settings are only `converter.type` (and an encoding). */
abstract class SimpleConverter implements Converter, HeaderConverter {
  config(): ConfigDef {
    return converterTypeDef();
  }
  configure(configs: PluginConfig, isKey?: boolean): void {
    this.config().parse(isKey === undefined ? configs : { ...configs, 'converter.type': isKeyOf(isKey) });
  }
  close(): void {}
  abstract fromConnectData(topic: string, schema: Schema | null, value: unknown, headers?: ConnectHeaders): Uint8Array | null;
  abstract toConnectData(topic: string, value: Uint8Array | null, headers?: ConnectHeaders): SchemaAndValue;
  toConnectHeader(topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    return this.toConnectData(topic, value);
  }
  fromConnectHeader(topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return this.fromConnectData(topic, schema, value);
  }
}

const STRING_CONFIG = converterTypeDef().define({ name: 'converter.encoding', type: 'STRING', defaultValue: 'UTF-8', importance: 'high', documentation: 'The character set strings are written and read in (UTF-8, ISO-8859-1, US-ASCII or UTF-16LE).', width: 'MEDIUM', displayName: 'Encoding' });

/** Java's charset names that Node encodes: UTF-8, ISO-8859-1, US-ASCII, UTF-16LE. */
function nodeEncoding(name: string): BufferEncoding {
  const n = name.toUpperCase().replace(/[-_]/g, '');
  if (n === 'UTF8') return 'utf8';
  if (n === 'ISO88591' || n === 'LATIN1') return 'latin1';
  if (n === 'USASCII' || n === 'ASCII') return 'ascii';
  if (n === 'UTF16LE') return 'utf16le';
  throw new ConfigException('converter.encoding', name, 'Unsupported encoding; use UTF-8, ISO-8859-1, US-ASCII or UTF-16LE');
}

/** Kafka's StringConverter: any value as its text (as Java's toString writes it); reads OPTIONAL_STRING. */
export class StringConverter extends SimpleConverter {
  #encoding: BufferEncoding = 'utf8';
  override config(): ConfigDef {
    return STRING_CONFIG;
  }
  override configure(configs: PluginConfig, isKey?: boolean): void {
    const all: Record<string, unknown> = { ...configs };
    // Kafka's per-role names (key.converter.encoding…) reach a converter as serializer/deserializer encodings too.
    const parsed = STRING_CONFIG.parse(isKey === undefined ? all : { ...all, 'converter.type': isKeyOf(isKey) });
    this.#encoding = nodeEncoding(String(parsed['converter.encoding']));
  }
  fromConnectData(_topic: string, schema: Schema | null, value: unknown): Uint8Array | null {
    return value === null || value === undefined ? null : new Uint8Array(Buffer.from(javaToString(schema, value), this.#encoding));
  }
  toConnectData(_topic: string, value: Uint8Array | null): SchemaAndValue {
    return new SchemaAndValue(Schema.OPTIONAL_STRING_SCHEMA, value === null ? null : Buffer.from(value).toString(this.#encoding));
  }
}

/** Kafka's ByteArrayConverter: bytes unchanged; refuses other schemas and values. */
export class ByteArrayConverter extends SimpleConverter {
  fromConnectData(_topic: string, schema: Schema | null, value: unknown): Uint8Array | null {
    if (schema !== null && schema.type() !== 'BYTES') throw new DataException(`Invalid schema type for ByteArrayConverter: ${schema.type()}`);
    if (value !== null && value !== undefined && !(value instanceof Uint8Array)) throw new DataException(`ByteArrayConverter is not compatible with objects of type ${typeof value === 'object' ? value.constructor.name : typeof value}`);
    return (value as Uint8Array | null | undefined) ?? null;
  }
  toConnectData(_topic: string, value: Uint8Array | null): SchemaAndValue {
    return new SchemaAndValue(Schema.OPTIONAL_BYTES_SCHEMA, value);
  }
}

interface NumberCodec {
  /** Kafka's name of the type in messages ("integer"). */
  name: string;
  /** The serializer's class name, in the size message. */
  deserializer: string;
  size: number;
  schema: Schema;
  write(view: DataView, value: unknown): boolean;
  read(view: DataView): unknown;
}

/** Kafka's NumberConverter: one fixed-size big-endian value, as Kafka's serializers write it. */
abstract class NumberConverter extends SimpleConverter {
  private readonly codec: NumberCodec;

  constructor(codec: NumberCodec) {
    super();
    this.codec = codec;
  }
  fromConnectData(_topic: string, _schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    const out = new Uint8Array(this.codec.size);
    if (!this.codec.write(new DataView(out.buffer), value)) throw new DataException(`Failed to serialize to ${this.codec.name} (was ${typeof value}): `);
    return out;
  }
  toConnectData(_topic: string, value: Uint8Array | null): SchemaAndValue {
    if (value === null) return new SchemaAndValue(this.codec.schema, null);
    if (value.length !== this.codec.size) throw new DataException(`Failed to deserialize ${this.codec.name}: Size of data received by ${this.codec.deserializer} is not ${this.codec.size}`);
    return new SchemaAndValue(this.codec.schema, this.codec.read(new DataView(value.buffer, value.byteOffset, value.byteLength)));
  }
}

const whole = (min: number, max: number) => (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

export class ShortConverter extends NumberConverter {
  constructor() {
    super({ name: 'short', deserializer: 'ShortDeserializer', size: 2, schema: Schema.OPTIONAL_INT16_SCHEMA, write: (d, v) => whole(-32768, 32767)(v) && (d.setInt16(0, v as number), true), read: (d) => d.getInt16(0) });
  }
}
export class IntegerConverter extends NumberConverter {
  constructor() {
    super({ name: 'integer', deserializer: 'IntegerDeserializer', size: 4, schema: Schema.OPTIONAL_INT32_SCHEMA, write: (d, v) => whole(-2147483648, 2147483647)(v) && (d.setInt32(0, v as number), true), read: (d) => d.getInt32(0) });
  }
}
export class LongConverter extends NumberConverter {
  constructor() {
    super({
      name: 'long',
      deserializer: 'LongDeserializer',
      size: 8,
      schema: Schema.OPTIONAL_INT64_SCHEMA,
      write: (d, v) => (typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v))) && (d.setBigInt64(0, BigInt(v as bigint)), true),
      read: (d) => d.getBigInt64(0),
    });
  }
}
export class FloatConverter extends NumberConverter {
  constructor() {
    super({ name: 'float', deserializer: 'FloatDeserializer', size: 4, schema: Schema.OPTIONAL_FLOAT32_SCHEMA, write: (d, v) => typeof v === 'number' && (d.setFloat32(0, v), true), read: (d) => d.getFloat32(0) });
  }
}
export class DoubleConverter extends NumberConverter {
  constructor() {
    super({ name: 'double', deserializer: 'DoubleDeserializer', size: 8, schema: Schema.OPTIONAL_FLOAT64_SCHEMA, write: (d, v) => typeof v === 'number' && (d.setFloat64(0, v), true), read: (d) => d.getFloat64(0) });
  }
}
export class BooleanConverter extends NumberConverter {
  constructor() {
    super({
      name: 'boolean',
      deserializer: 'BooleanDeserializer',
      size: 1,
      schema: Schema.OPTIONAL_BOOLEAN_SCHEMA,
      write: (d, v) => typeof v === 'boolean' && (d.setUint8(0, v ? 1 : 0), true),
      read: (d) => {
        const b = d.getUint8(0);
        if (b > 1) throw new DataException(`Failed to deserialize boolean: Unexpected byte received by BooleanDeserializer: ${b}`);
        return b === 1;
      },
    });
  }
}

/**
 * Kafka's SimpleHeaderConverter: a header value as the text Values writes, read back with the
 * schema Values infers (`42` an INT8, `[1,2]` an array, anything else a string).
 */
export class SimpleHeaderConverter implements HeaderConverter {
  config(): ConfigDef {
    return new ConfigDef();
  }
  configure(_configs: PluginConfig): void {}
  close(): void {}
  toConnectHeader(_topic: string, _headerKey: string, value: Uint8Array | null): SchemaAndValue {
    if (value === null) return SchemaAndValue.NULL;
    const text = Buffer.from(value).toString('utf8');
    if (text === '') return new SchemaAndValue(Schema.STRING_SCHEMA, text);
    return Values.parseString(text);
  }
  fromConnectHeader(_topic: string, _headerKey: string, schema: Schema | null, value: unknown): Uint8Array | null {
    if (value === null || value === undefined) return null;
    return new Uint8Array(Buffer.from(Values.convertToString(schema, value) ?? '', 'utf8'));
  }
}
