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
import type { Serde } from '../serdes.ts';
import type { KeyValueBytesStoreSupplier, KeyValueStore, StoreBuilder, TimestampedKeyValueStore } from './api.ts';
import { InMemoryKeyValueStore } from './in-memory-key-value-store.ts';
import { LruKeyValueStore } from './lru-key-value-store.ts';
import { SqliteKeyValueStore } from './sqlite-key-value-store.ts';
import { KeyValueStoreBuilder, TimestampedKeyValueStoreBuilder } from './store-builders.ts';
import { SegmentedSessionStore } from './session-stores.ts';
import {
  type SessionBytesStoreSupplier,
  SessionStoreBuilder,
  TimestampedWindowStoreBuilder,
  type WindowBytesStoreSupplier,
  WindowStoreBuilder,
} from './window-session-builders.ts';
import { SegmentedWindowStore } from './window-stores.ts';

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

function nonNegativeMs(value: number, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new TypeError(`${what} must be a whole number of milliseconds, got ${String(value)}`);
  if (value < 0) throw new RangeError(`${what} cannot be negative`);
  return value;
}

/** Java's default segment interval of persistent window and session stores. */
const defaultSegmentInterval = (retentionMs: number) => Math.max(Math.floor(retentionMs / 2), 60_000);

function windowSupplier(name: string, retentionMs: number, windowSizeMs: number, retainDuplicates: boolean, persistent: boolean, timestampedBytes: boolean): WindowBytesStoreSupplier {
  checkName(name);
  nonNegativeMs(retentionMs, 'retentionPeriod');
  nonNegativeMs(windowSizeMs, 'windowSize');
  if (windowSizeMs > retentionMs) {
    throw new RangeError(`The retention period of the window store ${name} must be no smaller than its window size. Got size=[${windowSizeMs}], retention=[${retentionMs}]`);
  }
  const segmentInterval = defaultSegmentInterval(retentionMs);
  return {
    name,
    timestampedBytes,
    get: () => new SegmentedWindowStore({ name, retentionPeriod: retentionMs, windowSize: windowSizeMs, segmentInterval, retainDuplicates, persistent }),
    metricsScope: () => (persistent ? 'sqlite-window' : 'in-memory-window'),
    segmentIntervalMs: () => segmentInterval,
    windowSize: () => windowSizeMs,
    retainDuplicates: () => retainDuplicates,
    retentionPeriod: () => retentionMs,
  };
}

function sessionSupplier(name: string, retentionMs: number, persistent: boolean): SessionBytesStoreSupplier {
  checkName(name);
  nonNegativeMs(retentionMs, 'retentionPeriod');
  const segmentInterval = defaultSegmentInterval(retentionMs);
  return {
    name,
    get: () => new SegmentedSessionStore(name, retentionMs, segmentInterval, persistent),
    metricsScope: () => (persistent ? 'sqlite-session' : 'in-memory-session'),
    segmentIntervalMs: () => segmentInterval,
    retentionPeriod: () => retentionMs,
  };
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

  /**
   * A persistent window store: values per key and window start, kept `retentionPeriodMs` after
   * stream time passes them, in segments of max(retention / 2, 1 minute). With
   * `retainDuplicates` every put is kept (for joins).
   */
  persistentWindowStore(name: string, retentionPeriodMs: number, windowSizeMs: number, retainDuplicates: boolean): WindowBytesStoreSupplier {
    return windowSupplier(name, retentionPeriodMs, windowSizeMs, retainDuplicates, true, false);
  },

  /** A persistent window store for `timestampedWindowStoreBuilder` (values with their timestamps). */
  persistentTimestampedWindowStore(name: string, retentionPeriodMs: number, windowSizeMs: number, retainDuplicates: boolean): WindowBytesStoreSupplier {
    return windowSupplier(name, retentionPeriodMs, windowSizeMs, retainDuplicates, true, true);
  },

  /** A window store in memory (usable with both window store builders, as Java's). */
  inMemoryWindowStore(name: string, retentionPeriodMs: number, windowSizeMs: number, retainDuplicates: boolean): WindowBytesStoreSupplier {
    return windowSupplier(name, retentionPeriodMs, windowSizeMs, retainDuplicates, false, true);
  },

  /** A persistent session store: one aggregate per key and session, kept `retentionPeriodMs` after the session ends. */
  persistentSessionStore(name: string, retentionPeriodMs: number): SessionBytesStoreSupplier {
    return sessionSupplier(name, retentionPeriodMs, true);
  },

  inMemorySessionStore(name: string, retentionPeriodMs: number): SessionBytesStoreSupplier {
    return sessionSupplier(name, retentionPeriodMs, false);
  },

  /** A builder of typed window stores; logging on (a record cache is not supported for window stores yet). */
  windowStoreBuilder<K, V>(supplier: WindowBytesStoreSupplier, keySerde?: Serde<K>, valueSerde?: Serde<V>): WindowStoreBuilder<K, V> {
    return new WindowStoreBuilder(supplier, keySerde, valueSerde);
  },

  timestampedWindowStoreBuilder<K, V>(supplier: WindowBytesStoreSupplier, keySerde?: Serde<K>, valueSerde?: Serde<V>): TimestampedWindowStoreBuilder<K, V> {
    return new TimestampedWindowStoreBuilder(supplier, keySerde, valueSerde);
  },

  sessionStoreBuilder<K, AGG>(supplier: SessionBytesStoreSupplier, keySerde?: Serde<K>, aggregateSerde?: Serde<AGG>): SessionStoreBuilder<K, AGG> {
    return new SessionStoreBuilder(supplier, keySerde, aggregateSerde);
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
