/**
 * What Kafka's transforms share: Requirements (requireMap, requireStruct, … with Kafka's messages),
 * SchemaUtil.copySchemaBasics, and the base classes that parse a transform's settings and pick
 * the key or the value of a record (`$Key` and `$Value` variants).
 */
import {
  ConfigDef,
  DataException,
  SchemaBuilder,
  SinkRecord,
  Struct,
  type ConnectRecord,
  type Header,
  type PluginConfig,
  type Predicate,
  type Schema,
  type Transformation,
} from '@sluice/connect-api';

type AnyRecord = ConnectRecord<any>;

/** Java's class name of a value, for Kafka's messages (`found: java.lang.String` becomes `found: string`). */
export function nullSafeClassName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Array.isArray(value) ? 'Array' : (value.constructor?.name ?? 'Object');
}

export function requireMap(value: unknown, purpose: string): Map<string, unknown> {
  if (!(value instanceof Map)) throw new DataException(`Only Map objects supported in absence of schema for [${purpose}], found: ${nullSafeClassName(value)}`);
  return value as Map<string, unknown>;
}

export function requireMapOrNull(value: unknown, purpose: string): Map<string, unknown> | null {
  return value === null || value === undefined ? null : requireMap(value, purpose);
}

export function requireStruct(value: unknown, purpose: string): Struct {
  if (!(value instanceof Struct)) throw new DataException(`Only Struct objects supported for [${purpose}], found: ${nullSafeClassName(value)}`);
  return value;
}

export function requireStructOrNull(value: unknown, purpose: string): Struct | null {
  return value === null || value === undefined ? null : requireStruct(value, purpose);
}

export function requireSchema(schema: Schema | null, purpose: string): Schema {
  if (schema === null) throw new DataException(`Schema required for [${purpose}]`);
  return schema;
}

export function requireSinkRecord(record: AnyRecord, purpose: string): SinkRecord {
  if (!(record instanceof SinkRecord)) throw new DataException(`Only SinkRecord supported for [${purpose}], found: ${nullSafeClassName(record)}`);
  return record;
}

/** Kafka's SchemaUtil.copySchemaBasics: name, version, doc and parameters onto a builder. */
export function copySchemaBasics(source: Schema, builder?: SchemaBuilder): SchemaBuilder {
  const b =
    builder ??
    (source.type() === 'ARRAY' ? SchemaBuilder.array(source.valueSchema()) : source.type() === 'MAP' ? SchemaBuilder.map(source.keySchema(), source.valueSchema()) : SchemaBuilder.type(source.type()));
  if (source.name() !== null) b.name(source.name()!);
  if (source.version() !== null) b.version(source.version()!);
  if (source.doc() !== null) b.doc(source.doc()!);
  const params = source.parameters();
  if (params !== null) b.parameters(params);
  return b;
}

/** The setting several transforms share (KIP-1040): whether a null field reads as its schema's default. */
export const REPLACE_NULL_WITH_DEFAULT = {
  name: 'replace.null.with.default',
  type: 'BOOLEAN',
  defaultValue: true,
  importance: 'medium',
  documentation: 'Whether a null field that has a default in its schema reads as that default (true) or stays null (false).',
} as const;

/** A field's value, or its default when null and `replaceNullWithDefault` (Kafka's get versus getWithoutDefault). */
export function fieldValue(struct: Struct, field: string | NonNullable<ReturnType<Schema['field']>>, replaceNullWithDefault: boolean): unknown {
  return replaceNullWithDefault ? struct.get(field) : struct.getWithoutDefault(field);
}

/** A Connect plugin configured from a ConfigDef: `configure` parses, then `configured` reads the settings. */
export abstract class Configured {
  protected settings: Record<string, unknown> = {};
  abstract config(): ConfigDef;
  configure(configs: PluginConfig): void {
    this.settings = this.config().parse(configs);
    this.configured();
  }
  /** Reads `this.settings` into fields; throws ConfigException for combinations Kafka refuses. */
  protected configured(): void {}
  close(): void {}
}

export abstract class BaseTransformation extends Configured implements Transformation<AnyRecord> {
  abstract apply<R extends ConnectRecord<R>>(record: R): R | null;
}

export abstract class BasePredicate extends Configured implements Predicate<AnyRecord> {
  abstract test(record: AnyRecord): boolean;
}

export type Side = 'key' | 'value';

/** A transform with `$Key` and `$Value` variants: it works on one side of the record. */
export abstract class KeyOrValueTransformation extends BaseTransformation {
  protected readonly side: Side;

  constructor(side: Side) {
    super();
    this.side = side;
  }

  protected operatingSchema(record: AnyRecord): Schema | null {
    return this.side === 'key' ? record.keySchema : record.valueSchema;
  }

  protected operatingValue(record: AnyRecord): unknown {
    return this.side === 'key' ? record.key : record.value;
  }

  protected newRecord<R extends ConnectRecord<R>>(record: R, schema: Schema | null, value: unknown, headers?: Iterable<Header>): R {
    return this.side === 'key'
      ? record.newRecord(record.topic, record.kafkaPartition, schema, value, record.valueSchema, record.value, record.timestamp, headers)
      : record.newRecord(record.topic, record.kafkaPartition, record.keySchema, record.key, schema, value, record.timestamp, headers);
  }
}

/** A cache of derived schemas by source schema (Kafka's SynchronizedCache of an LRUCache, unbounded by identity here). */
export class SchemaCache {
  readonly #map = new WeakMap<Schema, Schema>();
  get(schema: Schema, build: () => Schema): Schema {
    let out = this.#map.get(schema);
    if (out === undefined) {
      out = build();
      this.#map.set(schema, out);
    }
    return out;
  }
}

export const emptyConfigDef = (): ConfigDef => new ConfigDef();
