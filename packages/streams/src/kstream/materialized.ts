/**
 * Materialized (Kafka Streams' `Materialized`): how a table or an aggregation keeps its state.
 * A name makes the store queryable (and names its changelog `<application.id>-<name>-changelog`);
 * without one the DSL generates a name (`KSTREAM-AGGREGATE-STATE-STORE-0000000002`). Serdes,
 * caching, logging and the store type default as in Java: caching and logging on, the key and value
 * serdes of the operation, the persistent store.
 *
 * Written as Java users write it: `Materialized.as('counts').withValueSerde(Serdes.Int64())`.
 * Each `with…` returns a new object, so one Materialized can be the start of several.
 */
import { topologyError } from '../errors.ts';
import type { Serde } from '../serdes.ts';
import type { ChangelogConfig, KeyValueBytesStoreSupplier } from '../state/api.ts';

/** Which store the DSL builds when no supplier is given (Java's `Materialized.StoreType`). */
export type StoreType = 'rocks_db' | 'in_memory';

const STORE_TYPES: readonly string[] = ['rocks_db', 'in_memory'];
/** A store name names a topic (its changelog): Kafka's legal topic characters, at most 249 of them. */
const LEGAL_NAME = /^[A-Za-z0-9._-]{1,249}$/;

interface MaterializedFields<K, V> {
  storeName?: string;
  storeSupplier?: KeyValueBytesStoreSupplier;
  keySerde?: Serde<K>;
  valueSerde?: Serde<V>;
  cachingEnabled: boolean;
  loggingEnabled: boolean;
  topicConfig: ChangelogConfig;
  storeType?: StoreType;
  retentionMs?: number;
}

export class Materialized<K, V> {
  private readonly fields: MaterializedFields<K, V>;

  private constructor(fields: MaterializedFields<K, V>) {
    this.fields = fields;
  }

  /** A store with this name (queryable by it), or the store a supplier makes (`Stores.inMemoryKeyValueStore('x')`). */
  static as<K = unknown, V = unknown>(storeNameOrSupplier: string | KeyValueBytesStoreSupplier | StoreType): Materialized<K, V> {
    if (typeof storeNameOrSupplier === 'string') {
      // Java's Materialized.as(StoreType) takes the type alone; a store name is anything else.
      if (STORE_TYPES.includes(storeNameOrSupplier)) return Materialized.defaults<K, V>().withStoreType(storeNameOrSupplier as StoreType);
      return new Materialized<K, V>({ ...Materialized.defaults<K, V>().fields, storeName: checkedName(storeNameOrSupplier) });
    }
    const supplier = storeNameOrSupplier;
    if (!supplier || typeof supplier.get !== 'function' || typeof supplier.name !== 'string') {
      throw topologyError('Materialized.as() needs a store name, a store type or a KeyValueBytesStoreSupplier (e.g. Stores.persistentKeyValueStore(name))');
    }
    return new Materialized<K, V>({ ...Materialized.defaults<K, V>().fields, storeName: checkedName(supplier.name), storeSupplier: supplier });
  }

  /** Serdes only; the store gets a generated name and is not queryable. */
  static with<K = unknown, V = unknown>(keySerde?: Serde<K>, valueSerde?: Serde<V>): Materialized<K, V> {
    return new Materialized<K, V>({ ...Materialized.defaults<K, V>().fields, keySerde, valueSerde });
  }

  private static defaults<K, V>(): Materialized<K, V> {
    return new Materialized<K, V>({ cachingEnabled: true, loggingEnabled: true, topicConfig: {} });
  }

  private copy(changes: Partial<MaterializedFields<K, V>>): Materialized<K, V> {
    return new Materialized<K, V>({ ...this.fields, ...changes });
  }

  withKeySerde(keySerde: Serde<K>): Materialized<K, V> {
    return this.copy({ keySerde });
  }

  withValueSerde(valueSerde: Serde<V>): Materialized<K, V> {
    return this.copy({ valueSerde });
  }

  /** The record cache in front of the store (on by default): updates to a key are merged until the next commit or eviction. */
  withCachingEnabled(): Materialized<K, V> {
    return this.copy({ cachingEnabled: true });
  }

  /** Every update goes downstream (and to the changelog) as it happens. */
  withCachingDisabled(): Materialized<K, V> {
    return this.copy({ cachingEnabled: false });
  }

  /** The changelog topic (on by default), with extra topic settings such as `{ 'min.insync.replicas': '2' }`. */
  withLoggingEnabled(config: ChangelogConfig = {}): Materialized<K, V> {
    if (typeof config !== 'object' || config === null) throw topologyError('withLoggingEnabled() takes an object of topic settings, e.g. { "retention.ms": "86400000" }');
    return this.copy({ loggingEnabled: true, topicConfig: { ...config } });
  }

  /** No changelog: the store is not restored after a failure or a move to another instance. */
  withLoggingDisabled(): Materialized<K, V> {
    return this.copy({ loggingEnabled: false, topicConfig: {} });
  }

  /** `'rocks_db'` (Java's name for the persistent store; Sluice's is its own embedded store) or `'in_memory'`. */
  withStoreType(storeType: StoreType): Materialized<K, V> {
    if (!STORE_TYPES.includes(storeType)) throw topologyError(`the store type must be 'rocks_db' or 'in_memory', got ${JSON.stringify(storeType)}`);
    return this.copy({ storeType });
  }

  /**
   * How long a window store keeps a window (windowed aggregations only); at least the window size
   * plus the grace period. Without it, Java's default: size + grace.
   */
  withRetention(retentionMs: number): Materialized<K, V> {
    if (!Number.isSafeInteger(retentionMs) || retentionMs < 0) throw topologyError(`the retention must be a whole, non-negative number of milliseconds, got ${String(retentionMs)}`);
    return this.copy({ retentionMs });
  }

  /** @internal */
  get retentionMs(): number | undefined {
    return this.fields.retentionMs;
  }
  /** @internal The store name given (by name or supplier); undefined when the DSL must generate one. */
  get storeName(): string | undefined {
    return this.fields.storeName;
  }
  /** @internal */
  get storeSupplier(): KeyValueBytesStoreSupplier | undefined {
    return this.fields.storeSupplier;
  }
  /** @internal */
  get keySerde(): Serde<K> | undefined {
    return this.fields.keySerde;
  }
  /** @internal */
  get valueSerde(): Serde<V> | undefined {
    return this.fields.valueSerde;
  }
  /** @internal */
  get cachingEnabled(): boolean {
    return this.fields.cachingEnabled;
  }
  /** @internal */
  get loggingEnabled(): boolean {
    return this.fields.loggingEnabled;
  }
  /** @internal */
  get topicConfig(): ChangelogConfig {
    return this.fields.topicConfig;
  }
  /** @internal */
  get storeType(): StoreType | undefined {
    return this.fields.storeType;
  }
}

function checkedName(name: string): string {
  if (!LEGAL_NAME.test(name)) {
    throw topologyError(`store name ${JSON.stringify(name)} is not valid: it names a changelog topic, so use 1 to 249 letters, digits, '.', '_' or '-'`);
  }
  return name;
}

/** Materialized, or its absence, resolved for one DSL operation: the store name is fixed here. */
export interface ResolvedMaterialized<K, V> {
  readonly materialized: Materialized<K, V>;
  readonly storeName: string;
  /** The name the user gave (the store is queryable by it); null when generated. */
  readonly queryableStoreName: string | null;
  readonly keySerde: Serde<K> | undefined;
  readonly valueSerde: Serde<V> | undefined;
}

/**
 * Java's MaterializedInternal: takes a generated store name (burning an index, as Java does) when
 * none was given, and fills the serdes the operation knows where the Materialized has none.
 */
export function resolveMaterialized<K, V>(
  materialized: Materialized<K, V> | undefined,
  newStoreName: (prefix: string) => string,
  generatedPrefix: string,
  serdes: { keySerde?: Serde<K>; valueSerde?: Serde<V> } = {},
): ResolvedMaterialized<K, V> {
  const m = materialized ?? Materialized.with<K, V>();
  if (!(m instanceof Materialized)) throw topologyError('expected a Materialized (Materialized.as(name) or Materialized.with(keySerde, valueSerde))');
  const given = m.storeName;
  return {
    materialized: m,
    storeName: given ?? newStoreName(generatedPrefix),
    queryableStoreName: given ?? null,
    keySerde: m.keySerde ?? serdes.keySerde,
    valueSerde: m.valueSerde ?? serdes.valueSerde,
  };
}
