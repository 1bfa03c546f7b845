/**
 * State stores (Kafka Streams' `org.apache.kafka.streams.state`): the contract every store, the
 * runtime that owns them and the DSL that creates them share.
 *
 * A store is built in layers, as in Java: the typed outer layer (serdes, metrics) over an
 * optional record cache over an optional change-logging layer over the bytes store (in memory or
 * on disk). Only the bytes layer holds data; it orders keys by their serialised bytes
 * (unsigned, `Buffer.compare`), which is the order `range` and `all` return, as RocksDB does.
 *
 * Every operation is synchronous: a processor reads and writes its stores inside `process`, as
 * Java's do, and nothing else runs on the task meanwhile.
 */
import type { Headers, KeyValue, Record } from '../record.ts';
import type { Serializer } from '../serdes.ts';
import type { ThreadCache } from './thread-cache.ts';

/** What every store is. `init` is called by the task before the first record, once. */
export interface StateStore {
  readonly name: string;
  /** Whether it keeps its data on disk (and so a checkpoint lets a restart skip most of a restore). */
  persistent(): boolean;
  isOpen(): boolean;
  /**
   * Opens the store and registers it with the task's state manager (`context.register`), which
   * restores it from its changelog before processing starts. `root` is the outermost layer: the
   * one a wrapped layer registers, so that restoration goes through the whole stack.
   */
  init(context: StateStoreContext, root: StateStore): void;
  /** Makes everything written so far durable in the layer below (cache → changelog → disk). */
  flush(): void;
  close(): void;
}

/** One changelog record as a restore sees it: the store's key and value bytes. A null value is a delete. */
export interface ChangelogRecord {
  readonly key: Buffer;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: Headers;
}

/** Applies a batch of changelog records to the bytes store, bypassing logging and caching. */
export type StateRestoreCallback = (batch: readonly ChangelogRecord[]) => void;

/** What a store learns from the task that owns it (Java's `StateStoreContext`). */
export interface StateStoreContext {
  readonly applicationId: string;
  /** `<subtopology>_<partition>`. */
  readonly taskId: string;
  /** The task's folder under `state.dir` (`<state.dir>/<application.id>/<taskId>`), where persistent stores keep their files. */
  readonly stateDir: string;
  /** The application's settings, as given (e.g. `statestore.cache.max.bytes`). */
  readonly appConfigs: Readonly<{ [setting: string]: unknown }>;
  /** Hands the store to the state manager, which restores it with `restore` and flushes and closes it with the task. */
  register(store: StateStore, restore: StateRestoreCallback): void;
  /**
   * Sends one change to the store's changelog topic (`<application.id>-<store>-changelog`,
   * partition = the task's partition). The change-logging layer calls this on every write.
   */
  logChange(storeName: string, key: Buffer, value: Buffer | null, timestamp: number, headers?: Headers): void;
  /** The record being processed (timestamp, headers, where it came from); null inside a punctuation. */
  recordContext(): StoreRecordContext | null;
  /**
   * Runs `fn` as if `recordContext` were the record being processed, for the task's processors and
   * stores alike: a cached store hands a flushed entry downstream inside the context of the write
   * that made it, as Java's caching layer sets the entry's record context around its flush
   * listener. Optional: without it the listener runs in the context the flush happens in (at a
   * commit, none).
   */
  withRecordContext?<T>(recordContext: StoreRecordContext, fn: () => T): T;
  /**
   * The stream thread's record cache, shared by the cached stores of all its tasks and bounded
   * by `statestore.cache.max.bytes` (split with the global thread's, as Java splits it over its
   * threads). The runtime and the test driver always give one; a cached store whose context has
   * none makes its own of `statestore.cache.max.bytes`.
   */
  readonly cache?: ThreadCache;
}

export interface StoreRecordContext {
  readonly timestamp: number;
  readonly headers: Headers;
  readonly topic: string | null;
  readonly partition: number;
  readonly offset: bigint;
}

/**
 * An iterator over a key range. Iterate it with `for…of`; call `close()` when stopping early
 * (a persistent store holds a read transaction open until then). Exhausting it closes it.
 */
export interface KeyValueIterator<K, V> extends IterableIterator<KeyValue<K, V>> {
  /** The next key without moving, or undefined at the end. */
  peekNextKey(): K | undefined;
  close(): void;
}

export interface ReadOnlyKeyValueStore<K, V> {
  /** The value, or null when there is none. */
  get(key: K): V | null;
  /** Keys in [from, to] (inclusive, either end open when undefined), ascending. */
  range(from: K | undefined, to: K | undefined): KeyValueIterator<K, V>;
  reverseRange(from: K | undefined, to: K | undefined): KeyValueIterator<K, V>;
  all(): KeyValueIterator<K, V>;
  reverseAll(): KeyValueIterator<K, V>;
  /** Keys whose serialised form starts with the serialised `prefix`. */
  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<K, V>;
  approximateNumEntries(): number;
}

export interface KeyValueStore<K, V> extends StateStore, ReadOnlyKeyValueStore<K, V> {
  /** A null value deletes the key, as in Java. */
  put(key: K, value: V | null): void;
  /** Writes only when there is no value yet; returns the value that was there (null if none). */
  putIfAbsent(key: K, value: V | null): V | null;
  putAll(entries: readonly KeyValue<K, V | null>[]): void;
  /** Removes the key; returns the value it had (null if none). */
  delete(key: K): V | null;
}

/** A value with the timestamp of the record that last wrote it (Java's `ValueAndTimestamp`). */
export interface ValueAndTimestamp<V> {
  readonly value: V;
  readonly timestamp: number;
}

export const ValueAndTimestamp = {
  make<V>(value: V | null, timestamp: number): ValueAndTimestamp<V> | null {
    return value === null ? null : { value, timestamp };
  },
  getValueOrNull<V>(vt: ValueAndTimestamp<V> | null): V | null {
    return vt === null ? null : vt.value;
  },
};

/**
 * A key-value store whose values carry their timestamp (what the DSL's tables and aggregations
 * use). On disk and in the changelog it is Java's format: the changelog value is the plain
 * serialised value with the timestamp as the record's timestamp; the store's own bytes are the
 * 8-byte big-endian timestamp followed by the value.
 */
export type TimestampedKeyValueStore<K, V> = KeyValueStore<K, ValueAndTimestamp<V>>;

/**
 * Marks the outer layer of a timestamped key-value store (`store[TIMESTAMPED_STORE] === true`),
 * which TypeScript's erased types cannot tell from a plain one: the test driver's
 * getKeyValueStore / getTimestampedKeyValueStore and interactive queries choose by it, as Java's
 * choose by `instanceof TimestampedKeyValueStore`.
 */
export const TIMESTAMPED_STORE: unique symbol = Symbol.for('sluice.streams.timestampedKeyValueStore');

export function isTimestampedKeyValueStore(store: StateStore): store is TimestampedKeyValueStore<unknown, unknown> {
  return (store as { [TIMESTAMPED_STORE]?: unknown })[TIMESTAMPED_STORE] === true;
}

/** Whether a store has the key-value store's methods (get, put, range, all). */
export function isKeyValueStore(store: StateStore): store is KeyValueStore<unknown, unknown> {
  const s = store as Partial<KeyValueStore<unknown, unknown>>;
  return typeof s.get === 'function' && typeof s.put === 'function' && typeof s.range === 'function' && typeof s.all === 'function';
}

/** A window [start, end) in milliseconds (Java's `Window`; session windows are inclusive of end). */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** A key within a window (Java's `Windowed<K>`), what windowed aggregations emit. */
export interface Windowed<K> {
  readonly key: K;
  readonly window: Window;
}

export interface ReadOnlyWindowStore<K, V> {
  /** The value of `key` in the window that starts at `windowStart`, or null. */
  fetch(key: K, windowStart: number): V | null;
  /** Windows of `key` starting in [timeFrom, timeTo], by start time; the key is the window start. */
  fetchRange(key: K, timeFrom: number, timeTo: number): KeyValueIterator<number, V>;
  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<K>, V>;
  all(): KeyValueIterator<Windowed<K>, V>;
}

export interface WindowStore<K, V> extends StateStore, ReadOnlyWindowStore<K, V> {
  /** A null value deletes. */
  put(key: K, value: V | null, windowStartTimestamp: number): void;
}

export interface ReadOnlySessionStore<K, AGG> {
  /** Every session of `key`, by start time. */
  fetch(key: K): KeyValueIterator<Windowed<K>, AGG>;
  /** Sessions of `key` that end at or after `earliestSessionEndTime` and start at or before `latestSessionStartTime`. */
  findSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<K>, AGG>;
}

export interface SessionStore<K, AGG> extends StateStore, ReadOnlySessionStore<K, AGG> {
  put(sessionKey: Windowed<K>, aggregate: AGG | null): void;
  remove(sessionKey: Windowed<K>): void;
  /**
   * Every key's sessions that end from `earliestSessionEndTime` to `latestSessionEndTime`
   * (inclusive), by end time, then key bytes, then start: Java's two-argument `findSessions`,
   * what `emitStrategy(onWindowClose())` reads. Sluice's built-in session stores have it; a store
   * without it cannot back onWindowClose.
   */
  findSessionsByEndTime?(earliestSessionEndTime: number, latestSessionEndTime: number): KeyValueIterator<Windowed<K>, AGG>;
}

/** The old and new value of a table row (Java's `Change`), what KTable processors pass along. */
export interface Change<V> {
  readonly newValue: V | null;
  readonly oldValue: V | null;
}

/** Called when a cached store evicts or flushes an entry, with the change it made since the last flush. */
export type CacheFlushListener<K, V> = (record: Record<K, Change<V>>) => void;

/** A store with a record cache in front (Java's `CachedStateStore`). */
export interface CachedStateStore<K, V> {
  /** Returns false when caching is not enabled, so the caller forwards every update itself. */
  setFlushListener(listener: CacheFlushListener<K, V>, sendOldValues: boolean): boolean;
  /**
   * Flushes the record cache only (to the changelog and the flush listener), not the bytes store
   * below: what Java's task does at every commit, flushing the stores themselves (a disk sync for
   * a persistent one) only before a checkpoint.
   */
  flushCache?(): void;
  /** Drops the cached entries without flushing them (a task closed dirty). */
  clearCache?(): void;
}

/** Makes the bytes store a builder wraps (Java's `StoreSupplier`); `Stores` has one per kind. */
export interface StoreSupplier<T extends StateStore> {
  readonly name: string;
  get(): T;
  /** `rocksdb`, `in-memory`, … (the metrics scope, and how `describe()` does not change). */
  metricsScope(): string;
}

export type KeyValueBytesStoreSupplier = StoreSupplier<KeyValueStore<Buffer, Buffer>>;

/** Topic settings of a store's changelog, e.g. `{ 'min.insync.replicas': '1' }`. */
export type ChangelogConfig = { readonly [setting: string]: string };

/** Builds a store with its layers (Java's `StoreBuilder`); handed to `Topology.addStateStore`. */
export interface StoreBuilder<T extends StateStore> {
  readonly name: string;
  withCachingEnabled(): this;
  withCachingDisabled(): this;
  withLoggingEnabled(config: ChangelogConfig): this;
  withLoggingDisabled(): this;
  loggingEnabled(): boolean;
  logConfig(): ChangelogConfig;
  /** A new store instance; called once per task. */
  build(): T;
}

/**
 * Told of each store's restoration from its changelog (Java's `StateRestoreListener`), e.g. to
 * show progress. Offsets are changelog offsets; `totalRestored` counts records applied.
 */
export interface StateRestoreListener {
  onRestoreStart?(topic: string, partition: number, storeName: string, startingOffset: bigint, endingOffset: bigint): void;
  onBatchRestored?(topic: string, partition: number, storeName: string, batchEndOffset: bigint, numRestored: number): void;
  onRestoreEnd?(topic: string, partition: number, storeName: string, totalRestored: number): void;
  onRestoreSuspended?(topic: string, partition: number, storeName: string, totalRestored: number): void;
}
