/**
 * The caching layer (Java's `CachingKeyValueStore`): writes go to the thread's record cache and
 * reach the layers below (change-logging, then the bytes store) only when the cache flushes
 * them, on `flush()` or on eviction, each with the record context of the write that made it.
 * With a flush listener set (the DSL's tables), each flushed entry is also handed on as a
 * `Change` of bytes: the new value and, with `sendOldValues`, the value the store held before.
 *
 * Reads look in the cache first; a value read from below is cached clean. Range reads merge the
 * cache's entries with the store's, the cache winning on equal keys, its pending deletes hiding
 * the store's value.
 */
import { Record, type KeyValue } from '../record.ts';
import type { Serializer } from '../serdes.ts';
import type { CacheFlushListener, CachedStateStore, Change, KeyValueIterator, StateStore, StateStoreContext } from './api.ts';
import { invertedRange, prefixUpperBound, requireKey, serializePrefix } from './bytes.ts';
import { overlayContext } from './context-overlay.ts';
import { PeekingKeyValueIterator, emptyIterator } from './iterators.ts';
import type { Bound } from './sorted-bytes-map.ts';
import { storeClosed, storeNotInitialised } from './store-errors.ts';
import { type CacheEntry, type CacheRecordContext, type DirtyEntry, NO_RECORD_CONTEXT, ThreadCache } from './thread-cache.ts';
import { WrappedKeyValueBytesStore } from './wrapped-store.ts';

/** `statestore.cache.max.bytes`'s default (10 MiB), Kafka's. */
export const DEFAULT_CACHE_MAX_BYTES = 10 * 1024 * 1024;

export class CachingKeyValueStore extends WrappedKeyValueBytesStore implements CachedStateStore<Buffer, Buffer> {
  private context: StateStoreContext | null = null;
  private cache: ThreadCache | null = null;
  private cacheName = '';
  private flushListener: CacheFlushListener<Buffer, Buffer> | null = null;
  private sendOldValues = false;
  /** The record context of the entry being flushed, which the layers below see as the current one. */
  private flushing: CacheRecordContext | null = null;

  override init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    this.cache = threadCacheOf(context);
    this.cacheName = ThreadCache.nameSpace(context.taskId, this.name);
    // Entries left by an earlier instance of this store that was dropped without close() (a task
    // lost uncommitted) must not reach the new one: they were never committed.
    this.cache.close(this.cacheName);
    this.cache.addDirtyEntryFlushListener(this.cacheName, (entries) => {
      for (const e of entries) this.putAndMaybeForward(e);
    });
    const below = overlayContext(context, { recordContext: () => this.flushing ?? context.recordContext() });
    super.init(below, root);
  }

  setFlushListener(listener: CacheFlushListener<Buffer, Buffer>, sendOldValues: boolean): boolean {
    this.flushListener = listener;
    this.sendOldValues = sendOldValues;
    return true;
  }

  override get(key: Buffer): Buffer | null {
    requireKey(key);
    this.checkOpen();
    return this.getInternal(key);
  }

  override put(key: Buffer, value: Buffer | null): void {
    requireKey(key);
    this.checkOpen();
    this.putInternal(key, value);
  }

  override putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    requireKey(key);
    this.checkOpen();
    const existing = this.getInternal(key);
    if (existing === null) this.putInternal(key, value);
    return existing;
  }

  override putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    for (const e of entries) requireKey(e.key);
    for (const e of entries) this.put(e.key, e.value);
  }

  override delete(key: Buffer): Buffer | null {
    requireKey(key);
    this.checkOpen();
    const existing = this.getInternal(key);
    // A pending delete: the cache keeps the null until it is flushed below.
    this.putInternal(key, null);
    return existing;
  }

  override range(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.merged(from ?? undefined, to ?? undefined, false);
  }

  override reverseRange(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.merged(from ?? undefined, to ?? undefined, true);
  }

  override all(): KeyValueIterator<Buffer, Buffer> {
    return this.merged(undefined, undefined, false);
  }

  override reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.merged(undefined, undefined, true);
  }

  override prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const from = serializePrefix(prefix, prefixSerializer);
    const to = prefixUpperBound(from);
    const stored = this.wrapped.prefixScan(prefix, prefixSerializer);
    return mergeIterators(this.cache!.range(this.cacheName, { key: from, inclusive: true }, to && { key: to, inclusive: false }), stored, false);
  }

  override flush(): void {
    this.checkOpen();
    this.cache!.flush(this.cacheName);
    super.flush();
  }

  flushCache(): void {
    this.checkOpen();
    this.cache!.flush(this.cacheName);
  }

  clearCache(): void {
    this.cache?.clear(this.cacheName);
  }

  override close(): void {
    if (this.cache === null) {
      super.close();
      return;
    }
    const cache = this.cache;
    try {
      if (this.isOpen()) cache.flush(this.cacheName);
    } finally {
      cache.close(this.cacheName);
      super.close();
    }
  }

  private getInternal(key: Buffer): Buffer | null {
    const cached = this.cache!.get(this.cacheName, key);
    if (cached) return cached.value;
    // A miss is not put into the cache. Java caches a read only on the stream thread, because a
    // put may evict and so flush dirty entries. An interactive query reads from the same event loop
    // here, outside any processing, and its flush would run processors and write changelogs inside
    // an HTTP request. Skipping the put on every read keeps that away, and costs little: a DSL
    // aggregation writes the key it reads, and the write is cached.
    return this.wrapped.get(key);
  }

  private putInternal(key: Buffer, value: Buffer | null): void {
    const entry: CacheEntry = { value, dirty: true, context: this.currentRecordContext() };
    this.cache!.put(this.cacheName, key, entry);
  }

  /**
   * The record being processed (the cache copies its fields, so no copy is made here); in a
   * punctuation, one at the wall-clock time (as Java's punctuation context).
   */
  private currentRecordContext(): CacheRecordContext {
    return this.context!.recordContext() ?? { ...NO_RECORD_CONTEXT, timestamp: Date.now() };
  }

  private putAndMaybeForward(entry: DirtyEntry): void {
    const previous = this.flushing;
    this.flushing = entry.context;
    try {
      if (this.flushListener === null) {
        this.wrapped.put(entry.key, entry.newValue);
        return;
      }
      const newValue = entry.newValue;
      const oldValue = newValue === null || this.sendOldValues ? this.wrapped.get(entry.key) : null;
      // A key that neither the store nor the cache held, deleted: nothing to write or forward.
      if (newValue === null && oldValue === null) return;
      this.wrapped.put(entry.key, newValue);
      const change: Change<Buffer> = { newValue, oldValue: this.sendOldValues ? oldValue : null };
      const listener = this.flushListener;
      const forward = () => listener(new Record(entry.key, change, entry.context.timestamp, entry.context.headers));
      const context = this.context!;
      if (context.withRecordContext) context.withRecordContext(entry.context, forward);
      else forward();
    } finally {
      this.flushing = previous;
    }
  }

  private merged(from: Buffer | undefined, to: Buffer | undefined, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    // As Java's: an inverted range is empty (the serdes may not keep order, e.g. negative numbers).
    if (invertedRange(from, to)) return emptyIterator();
    const stored = reverse ? this.wrapped.reverseRange(from, to) : this.wrapped.range(from, to);
    const bound = (key: Buffer | undefined): Bound | undefined => key && { key, inclusive: true };
    return mergeIterators(this.cache!.range(this.cacheName, bound(from), bound(to), reverse), stored, reverse);
  }

  private checkOpen(): void {
    if (this.context === null) throw storeNotInitialised(this.name);
    if (!this.isOpen()) throw storeClosed(this.name);
  }
}

/**
 * The cache a store's context gives (the stream thread's, the test driver's); a context without
 * one (a test's own context, standing in for a task) gets a cache of statestore.cache.max.bytes
 * for this store alone.
 */
export function threadCacheOf(context: StateStoreContext): ThreadCache {
  return context.cache ?? new ThreadCache(cacheMaxBytes(context.appConfigs));
}

/** `statestore.cache.max.bytes` from the application's settings (by option name or Kafka's name), else Kafka's default. */
export function cacheMaxBytes(appConfigs: Readonly<{ [setting: string]: unknown }>): number {
  const v = appConfigs.statestoreCacheMaxBytes ?? appConfigs['statestore.cache.max.bytes'];
  return typeof v === 'number' ? v : DEFAULT_CACHE_MAX_BYTES;
}

/** Java's `MergedSortedCacheKeyValueBytesStoreIterator`: the cache's entries over the store's, in key order. */
function mergeIterators(cache: Iterator<[Buffer, CacheEntry]>, store: KeyValueIterator<Buffer, Buffer>, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
  const direction = reverse ? -1 : 1;
  function* merge(): Generator<KeyValue<Buffer, Buffer>> {
    let c = cache.next();
    let s = store.next();
    while (!c.done || !s.done) {
      if (c.done) {
        yield s.value!;
        s = store.next();
        continue;
      }
      const [key, entry] = c.value;
      const order = s.done ? -1 : Buffer.compare(key, s.value.key) * direction;
      if (order <= 0) {
        if (entry.value !== null) yield { key, value: entry.value };
        c = cache.next();
        if (order === 0) s = store.next();
      } else {
        yield s.value!;
        s = store.next();
      }
    }
  }
  return new PeekingKeyValueIterator(merge(), () => store.close());
}
