/**
 * The record cache in front of window and session stores (Java's `CachingWindowStore` and
 * `CachingSessionStore`): writes stay in the thread's cache until a flush or an eviction, as for
 * key-value stores (`caching-store.ts`), and reach the layers below with the record context of the
 * write; reads merge the cache with the store. Cache keys are the store's binary keys behind the
 * segment id, so both sides iterate in the same order. Values read from the store are not cached,
 * as in Java.
 */
import { Record } from '../record.ts';
import type { CacheFlushListener, CachedStateStore, Change, KeyValueIterator, StateStore, StateStoreContext, Windowed } from './api.ts';
import { requireKey } from './bytes.ts';
import { threadCacheOf } from './caching-store.ts';
import { overlayContext } from './context-overlay.ts';
import { PeekingKeyValueIterator } from './iterators.ts';
import { mergeCacheAndStore, segmentedCacheKey, storeKeyOfCacheKey } from './merged-cache-iterator.ts';
import { sessionKey, sessionKeyParts, windowKey, windowKeyParts } from './segment-keys.ts';
import type { SessionBytesStore } from './session-stores.ts';
import { storeClosed, storeNotInitialised } from './store-errors.ts';
import { type CacheRecordContext, type DirtyEntry, NO_RECORD_CONTEXT, ThreadCache } from './thread-cache.ts';
import type { WindowBytesStore } from './window-stores.ts';
import { WrappedStateStore } from './wrapped-store.ts';

const MAX_SEQNUM = 0x7fffffff;
const MAX_TIME = Number.MAX_SAFE_INTEGER;

/** What both caching layers share: the cache, its name, the flushing record context. */
abstract class CachingLayer<S extends StateStore> extends WrappedStateStore<S> {
  protected context: StateStoreContext | null = null;
  protected cache: ThreadCache | null = null;
  protected cacheName = '';
  protected flushListener: CacheFlushListener<Buffer, Buffer> | null = null;
  protected sendOldValues = false;
  private flushing: CacheRecordContext | null = null;

  protected readonly segmentInterval: number;

  constructor(wrapped: S, segmentInterval: number) {
    super(wrapped);
    this.segmentInterval = segmentInterval;
  }

  override init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    this.cache = threadCacheOf(context);
    this.cacheName = ThreadCache.nameSpace(context.taskId, this.name);
    this.cache.close(this.cacheName); // nothing left by an instance dropped without close()
    this.cache.addDirtyEntryFlushListener(this.cacheName, (entries) => {
      for (const e of entries) this.withContext(e.context, () => this.flushEntry(e));
    });
    this.wrapped.init(overlayContext(context, { recordContext: () => this.flushing ?? context.recordContext() }), root);
  }

  setFlushListener(listener: CacheFlushListener<Buffer, Buffer>, sendOldValues: boolean): boolean {
    this.flushListener = listener;
    this.sendOldValues = sendOldValues;
    return true;
  }

  override flush(): void {
    this.checkOpen();
    this.cache!.flush(this.cacheName);
    this.wrapped.flush();
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
      this.wrapped.close();
      return;
    }
    const cache = this.cache;
    try {
      if (this.isOpen()) cache.flush(this.cacheName);
    } finally {
      cache.close(this.cacheName);
      this.wrapped.close();
    }
  }

  protected abstract flushEntry(entry: DirtyEntry): void;

  /** Hands a flushed change on, as the key-value caching layer does. */
  protected forward(binaryKey: Buffer, newValue: Buffer | null, oldValue: Buffer | null, context: CacheRecordContext): void {
    const change: Change<Buffer> = { newValue, oldValue: this.sendOldValues ? oldValue : null };
    const listener = this.flushListener!;
    const forward = () => listener(new Record(binaryKey, change, context.timestamp, context.headers));
    // Downstream processors and stores see the write's record context, as in Java.
    if (this.context!.withRecordContext) this.context!.withRecordContext(context, forward);
    else forward();
  }

  protected putInCache(cacheKey: Buffer, value: Buffer | null): void {
    const rc = this.context!.recordContext();
    const context: CacheRecordContext =
      rc === null ? { ...NO_RECORD_CONTEXT, timestamp: Date.now() } : { timestamp: rc.timestamp, headers: rc.headers, topic: rc.topic, partition: rc.partition, offset: rc.offset };
    this.cache!.put(this.cacheName, cacheKey, { value, dirty: true, context });
  }

  protected segmentId(time: number): number {
    return Math.floor(time / this.segmentInterval);
  }

  protected checkOpen(): void {
    if (this.context === null) throw storeNotInitialised(this.name);
    if (!this.isOpen()) throw storeClosed(this.name);
  }

  private withContext(context: CacheRecordContext, f: () => void): void {
    const previous = this.flushing;
    this.flushing = context;
    try {
      f();
    } finally {
      this.flushing = previous;
    }
  }
}

export class CachingWindowStore extends CachingLayer<WindowBytesStore> implements WindowBytesStore, CachedStateStore<Buffer, Buffer> {
  private readonly windowSize: number;

  constructor(wrapped: WindowBytesStore, windowSize: number, segmentInterval: number) {
    super(wrapped, segmentInterval);
    this.windowSize = windowSize;
  }

  put(key: Buffer, value: Buffer | null, windowStartTimestamp: number): void {
    requireKey(key);
    this.checkOpen();
    this.putInCache(this.cacheKey(key, windowStartTimestamp), value);
  }

  fetch(key: Buffer, windowStart: number): Buffer | null {
    requireKey(key);
    this.checkOpen();
    const cached = this.cache!.get(this.cacheName, this.cacheKey(key, windowStart));
    return cached ? cached.value : this.wrapped.fetch(key, windowStart);
  }

  fetchRange(key: Buffer, timeFrom: number, timeTo: number): KeyValueIterator<number, Buffer> {
    requireKey(key);
    this.checkOpen();
    const from = Math.max(0, timeFrom);
    const stored = this.wrapped.fetchRange(key, timeFrom, timeTo);
    const cached = this.cache!.range(this.cacheName, { key: this.cacheKey(key, from), inclusive: true }, { key: segmentedCacheKey(this.segmentId(timeTo), windowKey(key, timeTo, MAX_SEQNUM)), inclusive: true });
    const merged = mergeCacheAndStore<{ key: number; value: Buffer }>(
      cached,
      stored,
      (kv) => this.cacheKey(key, kv.key),
      (cacheKey, value) => {
        const parts = windowKeyParts(storeKeyOfCacheKey(cacheKey));
        return parts.key.equals(key) && parts.windowStart >= from && parts.windowStart <= timeTo ? { key: parts.windowStart, value } : undefined;
      },
    );
    return new PeekingKeyValueIterator(merged, () => stored.close());
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    this.checkOpen();
    return this.windowed(this.wrapped.fetchAll(timeFrom, timeTo), Math.max(0, timeFrom), timeTo);
  }

  all(): KeyValueIterator<Windowed<Buffer>, Buffer> {
    this.checkOpen();
    return this.windowed(this.wrapped.all(), 0, MAX_TIME);
  }

  protected flushEntry(entry: DirtyEntry): void {
    const binary = storeKeyOfCacheKey(entry.key);
    const { key, windowStart } = windowKeyParts(binary);
    if (this.flushListener === null) {
      this.wrapped.put(key, entry.newValue, windowStart);
      return;
    }
    const oldValue = entry.newValue === null || this.sendOldValues ? this.wrapped.fetch(key, windowStart) : null;
    if (entry.newValue === null && oldValue === null) return;
    this.wrapped.put(key, entry.newValue, windowStart);
    this.forward(binary, entry.newValue, oldValue, entry.context);
  }

  private windowed(stored: KeyValueIterator<Windowed<Buffer>, Buffer>, from: number, to: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    const size = this.windowSize;
    const merged = mergeCacheAndStore<{ key: Windowed<Buffer>; value: Buffer }>(
      this.cache!.range(this.cacheName, { key: segmentedCacheKey(this.segmentId(from), Buffer.alloc(0)), inclusive: true }, undefined),
      stored,
      (kv) => this.cacheKey(kv.key.key, kv.key.window.start),
      (cacheKey, value) => {
        const parts = windowKeyParts(storeKeyOfCacheKey(cacheKey));
        return parts.windowStart >= from && parts.windowStart <= to ? { key: { key: parts.key, window: { start: parts.windowStart, end: parts.windowStart + size } }, value } : undefined;
      },
    );
    return new PeekingKeyValueIterator(merged, () => stored.close());
  }

  private cacheKey(key: Buffer, windowStart: number): Buffer {
    return segmentedCacheKey(this.segmentId(windowStart), windowKey(key, windowStart, 0));
  }
}

export class CachingSessionStore extends CachingLayer<SessionBytesStore> implements SessionBytesStore, CachedStateStore<Buffer, Buffer> {
  put(key: Windowed<Buffer>, aggregate: Buffer | null): void {
    requireKey(key?.key);
    this.checkOpen();
    this.putInCache(this.cacheKey(key.key, key.window.start, key.window.end), aggregate);
  }

  remove(key: Windowed<Buffer>): void {
    this.put(key, null);
  }

  fetch(key: Buffer): KeyValueIterator<Windowed<Buffer>, Buffer> {
    return this.findSessions(key, 0, MAX_TIME);
  }

  findSessions(key: Buffer, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValueIterator<Windowed<Buffer>, Buffer> {
    requireKey(key);
    this.checkOpen();
    const earliestEnd = Math.max(0, earliestSessionEndTime);
    const stored = this.wrapped.findSessions(key, earliestSessionEndTime, latestSessionStartTime);
    const merged = mergeCacheAndStore<{ key: Windowed<Buffer>; value: Buffer }>(
      // Sessions sit in the segment of their end, which has no upper bound: the cache from the earliest end's segment on.
      this.cache!.range(this.cacheName, { key: segmentedCacheKey(this.segmentId(earliestEnd), Buffer.alloc(0)), inclusive: true }, undefined),
      stored,
      (kv) => this.cacheKey(kv.key.key, kv.key.window.start, kv.key.window.end),
      (cacheKey, value) => {
        const parts = sessionKeyParts(storeKeyOfCacheKey(cacheKey));
        return parts.key.equals(key) && parts.end >= earliestEnd && parts.start <= latestSessionStartTime ? { key: { key: parts.key, window: { start: parts.start, end: parts.end } }, value } : undefined;
      },
    );
    return new PeekingKeyValueIterator(merged, () => stored.close());
  }

  protected flushEntry(entry: DirtyEntry): void {
    const binary = storeKeyOfCacheKey(entry.key);
    const { key, start, end } = sessionKeyParts(binary);
    const windowed = { key, window: { start, end } };
    if (this.flushListener === null) {
      this.wrapped.put(windowed, entry.newValue);
      return;
    }
    const oldValue = entry.newValue === null || this.sendOldValues ? this.fetchSession(windowed) : null;
    if (entry.newValue === null && oldValue === null) return;
    this.wrapped.put(windowed, entry.newValue);
    this.forward(binary, entry.newValue, oldValue, entry.context);
  }

  private fetchSession(w: Windowed<Buffer>): Buffer | null {
    const it = this.wrapped.findSessions(w.key, w.window.end, w.window.start);
    try {
      for (const kv of it) if (kv.key.window.start === w.window.start && kv.key.window.end === w.window.end) return kv.value;
      return null;
    } finally {
      it.close();
    }
  }

  private cacheKey(key: Buffer, start: number, end: number): Buffer {
    return segmentedCacheKey(this.segmentId(end), sessionKey(key, start, end));
  }
}
