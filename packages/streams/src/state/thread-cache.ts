/**
 * The record cache of a stream thread (Java's `ThreadCache` and `NamedCache`): one byte budget,
 * `statestore.cache.max.bytes`, shared by every cached store of the thread's tasks, each store
 * having its own named cache (`<taskId>-<store>`) in it.
 *
 * A write makes an entry dirty; dirty entries reach the store below (and the flush listener)
 * when the store is flushed (before each commit) or when the cache must make room: a write that
 * takes the thread over its budget evicts the least recently used entries of the cache written
 * to, and evicting a dirty entry first flushes it and then every other dirty entry of that
 * cache, in the order of their last write, as Java does (the entry just written among them). So a key
 * updated many times between flushes reaches the changelog and downstream once.
 *
 * Sizes are counted as Java counts them (key, value, the record context and a fixed overhead per
 * entry), so the same setting holds about as many entries as in Kafka Streams.
 */
import type { Headers } from '../record.js';
import { keyString } from './bytes.js';
import { type Bound, SortedBytesMap } from './sorted-bytes-map.js';

/** Where a cached write came from: what the changelog record and a forwarded update carry when it is flushed. */
export interface CacheRecordContext {
  readonly timestamp: number;
  readonly headers: Headers;
  readonly topic: string | null;
  readonly partition: number;
  readonly offset: bigint;
}

export interface CacheEntry {
  /** Null: a delete not yet flushed. */
  readonly value: Buffer | null;
  dirty: boolean;
  readonly context: CacheRecordContext;
}

export interface DirtyEntry {
  readonly key: Buffer;
  readonly newValue: Buffer | null;
  readonly context: CacheRecordContext;
}

export type DirtyEntryFlushListener = (entries: DirtyEntry[]) => void;

/** The context of an entry read from the store (clean; never flushed). */
export const NO_RECORD_CONTEXT: CacheRecordContext = { timestamp: -1, headers: [], topic: null, partition: -1, offset: -1n };

interface Node {
  readonly key: Buffer;
  entry: CacheEntry;
  size: number;
}

/** Java's per-entry estimate: key + value + record context + 1 (dirty flag) + 24 (LRU links). */
function sizeOf(key: Buffer, entry: CacheEntry): number {
  let contextSize = 8 + 8 + 4 + (entry.context.topic?.length ?? 0);
  for (const h of entry.context.headers) contextSize += h.key.length + (h.value?.length ?? 0);
  return key.length + 24 + 1 + (entry.value?.length ?? 0) + contextSize;
}

class NamedCache {
  private readonly entries = new SortedBytesMap<Node>();
  /** Least to most recently used. */
  private readonly lru = new Map<string, Node>();
  /** Dirty keys in the order of their last write (a write moves a key to the end, as Java's LinkedHashSet remove+add). */
  private readonly dirtyKeys = new Map<string, Buffer>();
  listener: DirtyEntryFlushListener | undefined;
  sizeBytes = 0;

  /** `resized` tells the thread cache of every change of this cache's size, so its total is exact even when a flush writes back into a cache. */
  constructor(
    readonly name: string,
    private readonly resized: (delta: number) => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: Buffer): CacheEntry | undefined {
    const k = keyString(key);
    const node = this.entries.get(key, k);
    if (!node) return undefined;
    this.touch(k, node);
    return node.entry;
  }

  put(key: Buffer, entry: CacheEntry): void {
    const k = keyString(key);
    if (!entry.dirty && this.dirtyKeys.has(k)) {
      throw new Error(`cannot put a clean entry for a key with a dirty entry in cache ${this.name}`);
    }
    let node = this.entries.get(key, k);
    if (node) {
      this.grow(-node.size);
      node.entry = entry;
      node.size = sizeOf(node.key, entry);
    } else {
      const copy = Buffer.from(key);
      node = { key: copy, entry, size: sizeOf(copy, entry) };
      this.entries.set(copy, node, k);
    }
    this.touch(k, node);
    if (entry.dirty) {
      this.dirtyKeys.delete(k);
      this.dirtyKeys.set(k, node.key);
    }
    this.grow(node.size);
  }

  delete(key: Buffer, k = keyString(key)): void {
    const node = this.entries.delete(key, k);
    if (!node) return;
    this.lru.delete(k);
    this.dirtyKeys.delete(k);
    this.grow(-node.size);
  }

  /** Drops the least recently used entry, flushing first if it is dirty. */
  evict(): void {
    const eldest = this.lru.entries().next();
    if (eldest.done) return;
    const [k, node] = eldest.value;
    this.delete(node.key, k);
    if (node.entry.dirty) this.flush(node);
  }

  flush(evicted?: Node): void {
    if (!this.listener) throw new Error(`no flush listener registered for cache ${this.name}`);
    if (this.dirtyKeys.size === 0 && !evicted) return;
    const out: DirtyEntry[] = [];
    if (evicted) out.push({ key: evicted.key, newValue: evicted.entry.value, context: evicted.entry.context });
    const deleted: Buffer[] = [];
    for (const [k, key] of this.dirtyKeys) {
      const node = this.entries.get(key, k)!;
      out.push({ key, newValue: node.entry.value, context: node.entry.context });
      node.entry.dirty = false;
      if (node.entry.value === null) deleted.push(key);
    }
    // Cleared before the listener runs: it may write to this cache again.
    this.dirtyKeys.clear();
    this.listener(out);
    for (const key of deleted) this.delete(key);
  }

  *range(from: Bound | undefined, to: Bound | undefined, reverse: boolean): Generator<[Buffer, CacheEntry]> {
    for (const [key, node] of this.entries.entries(from, to, reverse)) yield [key, node.entry];
  }

  clear(): void {
    this.entries.clear();
    this.lru.clear();
    this.dirtyKeys.clear();
    this.grow(-this.sizeBytes);
  }

  private grow(delta: number): void {
    this.sizeBytes += delta;
    this.resized(delta);
  }

  private touch(k: string, node: Node): void {
    this.lru.delete(k);
    this.lru.set(k, node);
  }
}

export class ThreadCache {
  private readonly caches = new Map<string, NamedCache>();
  private totalBytes = 0;

  constructor(private maxCacheSizeBytes: number) {
    if (!Number.isSafeInteger(maxCacheSizeBytes) || maxCacheSizeBytes < 0) throw new RangeError(`statestore.cache.max.bytes must be a non-negative integer, got ${maxCacheSizeBytes}`);
  }

  /** The name of a store's cache: `<taskId>-<store name>`, Java's. */
  static nameSpace(taskId: string, storeName: string): string {
    return `${taskId}-${storeName}`;
  }

  get maxBytes(): number {
    return this.maxCacheSizeBytes;
  }

  /** Bytes the cached entries take, as counted against `statestore.cache.max.bytes`. */
  get sizeBytes(): number {
    return this.totalBytes;
  }

  /** Entries cached, over every store. */
  get size(): number {
    let n = 0;
    for (const c of this.caches.values()) n += c.size;
    return n;
  }

  /** Called with the dirty entries of `namespace` whenever they are flushed or evicted. */
  addDirtyEntryFlushListener(namespace: string, listener: DirtyEntryFlushListener): void {
    this.cache(namespace).listener = listener;
  }

  get(namespace: string, key: Buffer): CacheEntry | undefined {
    return this.caches.get(namespace)?.get(key);
  }

  put(namespace: string, key: Buffer, entry: CacheEntry): void {
    const cache = this.cache(namespace);
    cache.put(key, entry);
    this.maybeEvict(cache);
  }

  delete(namespace: string, key: Buffer): void {
    const cache = this.caches.get(namespace);
    cache?.delete(key);
  }

  flush(namespace: string): void {
    const cache = this.caches.get(namespace);
    cache?.flush();
  }

  /** Entries of `namespace` between the bounds, in key order; safe to write to the cache meanwhile. */
  range(namespace: string, from: Bound | undefined, to: Bound | undefined, reverse = false): Iterator<[Buffer, CacheEntry]> {
    const cache = this.caches.get(namespace);
    return cache ? cache.range(from, to, reverse) : [][Symbol.iterator]();
  }

  /** Forgets a store's cache (its entries must have been flushed). */
  close(namespace: string): void {
    const cache = this.caches.get(namespace);
    if (!cache) return;
    cache.clear();
    this.caches.delete(namespace);
  }

  /** Drops a store's entries without flushing them (a task closed dirty). */
  clear(namespace: string): void {
    const cache = this.caches.get(namespace);
    cache?.clear();
  }

  /** Changes the budget (Java's `resize`, when threads come and go); shrinking evicts round the caches. */
  resize(maxCacheSizeBytes: number): void {
    this.maxCacheSizeBytes = maxCacheSizeBytes;
    while (this.totalBytes > this.maxCacheSizeBytes) {
      let evicted = false;
      for (const cache of this.caches.values()) {
        if (this.totalBytes <= this.maxCacheSizeBytes) break;
        if (cache.size === 0) continue;
        cache.evict();
        evicted = true;
      }
      if (!evicted) break;
    }
  }

  private maybeEvict(cache: NamedCache): void {
    // Only the cache written to gives up entries (as Java's): a flush it causes may write to
    // other caches, which evict for themselves.
    while (this.totalBytes > this.maxCacheSizeBytes && cache.size > 0) cache.evict();
  }

  private cache(namespace: string): NamedCache {
    let cache = this.caches.get(namespace);
    if (!cache) {
      cache = new NamedCache(namespace, (delta) => {
        this.totalBytes += delta;
      });
      this.caches.set(namespace, cache);
    }
    return cache;
  }
}
