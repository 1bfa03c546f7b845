/**
 * `Stores`: the factories of bytes store suppliers and of store builders, with Java's names and
 * defaults. A supplier names a kind of bytes store; a builder wraps it in the layers a processor
 * uses (typed, optionally cached, logged by default).
 *
 * ```ts
 * topology.addStateStore(
 *   Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('counts'), Serdes.String(), Serdes.Int64()),
 *   'count-processor');
 * ```
 */
import type { Serde } from '../serdes.js';
import type { KeyValueBytesStoreSupplier, KeyValueStore, StoreBuilder, TimestampedKeyValueStore } from './api.js';
import { InMemoryKeyValueStore } from './in-memory-key-value-store.js';
import { LruKeyValueStore } from './lru-key-value-store.js';
import { SqliteKeyValueStore } from './sqlite-key-value-store.js';
import { KeyValueStoreBuilder, TimestampedKeyValueStoreBuilder } from './store-builders.js';

/** Java's `RocksDBTimestampedStore` counterpart: the persistent store of the timestamped format. */
export class SqliteTimestampedKeyValueStore extends SqliteKeyValueStore {
  readonly timestampedBytes = true;
}

/** A store name becomes a folder and part of the changelog topic's name: Kafka's legal topic characters only. */
function checkName(name: string): string {
  if (name === null || name === undefined) throw new TypeError('name cannot be null');
  if (typeof name !== 'string' || !/^[A-Za-z0-9._-]+$/.test(name) || name === '.' || name === '..') {
    throw new TypeError(`store name '${String(name)}' is not valid: use letters, digits, '.', '_' and '-' (it names the store's folder and its changelog topic)`);
  }
  return name;
}

function supplier(name: string, scope: string, make: () => KeyValueStore<Buffer, Buffer>): KeyValueBytesStoreSupplier {
  return { name, get: make, metricsScope: () => scope };
}

export const Stores = {
  /** A persistent key-value store, on disk in the task's state folder (Java's RocksDB store; here SQLite). */
  persistentKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    checkName(name);
    return supplier(name, 'sqlite', () => new SqliteKeyValueStore(name));
  },

  /** A persistent store for `timestampedKeyValueStoreBuilder` (and the DSL's tables): values kept with their timestamps. */
  persistentTimestampedKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    checkName(name);
    return supplier(name, 'sqlite', () => new SqliteTimestampedKeyValueStore(name));
  },

  /** A key-value store in memory; with logging on, restored from its whole changelog when a task starts. */
  inMemoryKeyValueStore(name: string): KeyValueBytesStoreSupplier {
    checkName(name);
    return supplier(name, 'in-memory', () => new InMemoryKeyValueStore(name));
  },

  /** An in-memory store of at most `maxCacheSize` keys, dropping the least recently used. */
  lruMap(name: string, maxCacheSize: number): KeyValueBytesStoreSupplier {
    checkName(name);
    if (!Number.isInteger(maxCacheSize) || maxCacheSize < 0) throw new RangeError(`maxCacheSize cannot be negative (got ${maxCacheSize})`);
    return supplier(name, 'in-memory-lru', () => new LruKeyValueStore(name, maxCacheSize));
  },

  /** A builder of typed key-value stores over the supplier's bytes stores; logging on, caching off. Without serdes, the application's defaults apply. */
  keyValueStoreBuilder<K, V>(supplier: KeyValueBytesStoreSupplier, keySerde?: Serde<K>, valueSerde?: Serde<V>): KeyValueStoreBuilder<K, V> {
    return new KeyValueStoreBuilder(supplier, keySerde, valueSerde);
  },

  /** A builder of key-value stores whose values carry their timestamps (`ValueAndTimestamp`). */
  timestampedKeyValueStoreBuilder<K, V>(supplier: KeyValueBytesStoreSupplier, keySerde?: Serde<K>, valueSerde?: Serde<V>): TimestampedKeyValueStoreBuilder<K, V> {
    return new TimestampedKeyValueStoreBuilder(supplier, keySerde, valueSerde);
  },
};

export type { StoreBuilder, TimestampedKeyValueStore };
