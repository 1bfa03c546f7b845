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
 *
 * Memory: a cached entry lives long enough to reach V8's old generation, where every object it
 * holds is work for each major garbage collection, and a cache that overflows replaces its
 * entries all the time. So an entry is one object (`CacheNode`: the value, the record context's
 * fields, the size, and its links in the recency and dirty lists) and its key as a latin1 string;
 * the key's bytes and the record context are made again, short-lived, when an entry is flushed.
 * The key order that range reads need (a skip list) is built on a cache's first range read and
 * kept from then on, so a store only read by key (a count, an aggregation) never pays for it.
 */
import type { Headers } from '../record.ts';
import { keyBytes, keyString } from './bytes.ts';
import { type Bound, SortedBytesMap } from './sorted-bytes-map.ts';

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

/** A cached entry, with its links in its cache's two lists (as Java's LRUNode). */
class CacheNode implements CacheEntry {
  value: Buffer | null = null;
  /** Whether the entry waits to be flushed; exactly when it is in the dirty list. */
  dirty = false;
  timestamp = -1;
  headers: Headers = NO_RECORD_CONTEXT.headers;
  topic: string | null = null;
  partition = -1;
  /** The record's offset as a number (exact below 2^53): a bigint would be one more long-lived object. */
  offset = -1;
  /** Java's estimate of the entry's size, counted against the budget. */
  size = 0;
  /** Recency: towards the least and the most recently used. */
  older: CacheNode | null = null;
  newer: CacheNode | null = null;
  /** Dirty entries by last write. */
  dirtyBefore: CacheNode | null = null;
  dirtyAfter: CacheNode | null = null;

  readonly k: string;

  /** `k`: the key as `keyString` makes it. */
  constructor(k: string) {
    this.k = k;
  }

  /** Takes the entry's value and context (not the object: the caller's entry dies young) and returns its size. */
  assign(entry: CacheEntry): number {
    const c = entry.context;
    this.value = entry.value;
    this.timestamp = c.timestamp;
    // An empty list shared, as the clean entries' one, rather than each record's own.
    this.headers = c.headers.length === 0 ? NO_RECORD_CONTEXT.headers : c.headers;
    this.topic = c.topic;
    this.partition = c.partition;
    this.offset = Number(c.offset);
    this.size = sizeOf(this.k.length, entry.value, c);
    return this.size;
  }

  get context(): CacheRecordContext {
    return { timestamp: this.timestamp, headers: this.headers, topic: this.topic, partition: this.partition, offset: BigInt(this.offset) };
  }

  /** What a reader keeps: the entry as it is now, unchanged by later writes. */
  snapshot(): CacheEntry {
    return { value: this.value, dirty: this.dirty, context: this.context };
  }
}

/** Java's per-entry estimate: key + value + record context + 1 (dirty flag) + 24 (LRU links). */
function sizeOf(keyLength: number, value: Buffer | null, context: CacheRecordContext): number {
  let contextSize = 8 + 8 + 4 + (context.topic?.length ?? 0);
  for (const h of context.headers) contextSize += h.key.length + (h.value?.length ?? 0);
  return keyLength + 24 + 1 + (value?.length ?? 0) + contextSize;
}

class NamedCache {
  /** By `keyString(key)`. */
  private readonly entries = new Map<string, CacheNode>();
  /** The same entries in key order, from the first range read on (null until then). */
  private sorted: SortedBytesMap<CacheNode> | null = null;
  /** Least and most recently used. */
  private eldest: CacheNode | null = null;
  private newest: CacheNode | null = null;
  /** Dirty entries in the order of their last write (a write moves an entry to the end, as Java's LinkedHashSet remove+add). */
  private firstDirty: CacheNode | null = null;
  private lastDirty: CacheNode | null = null;
  listener: DirtyEntryFlushListener | undefined;
  sizeBytes = 0;

  readonly name: string;
  private readonly resized: (delta: number) => void;

  /** `resized` tells the thread cache of every change of this cache's size, so its total is exact even when a flush writes back into a cache. */
  constructor(name: string, resized: (delta: number) => void) {
    this.name = name;
    this.resized = resized;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: Buffer): CacheEntry | undefined {
    const node = this.entries.get(keyString(key));
    if (!node) return undefined;
    this.touch(node);
    return node;
  }

  put(key: Buffer, entry: CacheEntry): void {
    const k = keyString(key);
    let node = this.entries.get(k);
    if (node) {
      if (!entry.dirty && node.dirty) throw new Error(`cannot put a clean entry for a key with a dirty entry in cache ${this.name}`);
      this.grow(-node.size);
      this.touch(node);
    } else {
      node = new CacheNode(k);
      this.entries.set(k, node);
      this.sorted?.set(key, node, k);
      this.appendRecent(node);
    }
    this.grow(node.assign(entry));
    if (entry.dirty) {
      if (node.dirty) this.unlinkDirty(node);
      this.appendDirty(node);
    }
  }

  delete(key: Buffer): void {
    this.remove(keyString(key));
  }

  /** Drops the least recently used entry, flushing first if it is dirty. */
  evict(): void {
    const node = this.eldest;
    if (!node) return;
    const dirty = node.dirty;
    this.remove(node.k);
    if (dirty) this.flush(node);
  }

  flush(evicted?: CacheNode): void {
    if (!this.listener) throw new Error(`no flush listener registered for cache ${this.name}`);
    if (this.firstDirty === null && !evicted) return;
    const out: DirtyEntry[] = [];
    if (evicted) out.push({ key: keyBytes(evicted.k), newValue: evicted.value, context: evicted.context });
    const deleted: CacheNode[] = [];
    for (let n = this.firstDirty; n !== null; ) {
      const next: CacheNode | null = n.dirtyAfter;
      out.push({ key: keyBytes(n.k), newValue: n.value, context: n.context });
      n.dirty = false;
      n.dirtyBefore = n.dirtyAfter = null;
      if (n.value === null) deleted.push(n);
      n = next;
    }
    // Emptied before the listener runs: it may write to this cache again.
    this.firstDirty = this.lastDirty = null;
    this.listener(out);
    for (const n of deleted) {
      // Unless the listener wrote the key again meanwhile.
      if (this.entries.get(n.k) === n && !n.dirty) this.remove(n.k);
    }
  }

  *range(from: Bound | undefined, to: Bound | undefined, reverse: boolean): Generator<[Buffer, CacheEntry]> {
    for (const [key, node] of this.ordered().entries(from, to, reverse)) yield [key, node.snapshot()];
  }

  clear(): void {
    this.entries.clear();
    this.sorted = null;
    this.eldest = this.newest = this.firstDirty = this.lastDirty = null;
    this.grow(-this.sizeBytes);
  }

  private ordered(): SortedBytesMap<CacheNode> {
    if (this.sorted === null) {
      const sorted = new SortedBytesMap<CacheNode>();
      for (const [k, node] of this.entries) sorted.set(keyBytes(k), node, k);
      this.sorted = sorted;
    }
    return this.sorted;
  }

  private remove(k: string): void {
    const node = this.entries.get(k);
    if (!node) return;
    this.entries.delete(k);
    this.sorted?.delete(keyBytes(k), k);
    this.unlinkRecent(node);
    if (node.dirty) this.unlinkDirty(node);
    this.grow(-node.size);
  }

  private grow(delta: number): void {
    this.sizeBytes += delta;
    this.resized(delta);
  }

  private touch(node: CacheNode): void {
    if (this.newest === node) return;
    this.unlinkRecent(node);
    this.appendRecent(node);
  }

  private appendRecent(node: CacheNode): void {
    node.older = this.newest;
    node.newer = null;
    if (this.newest) this.newest.newer = node;
    else this.eldest = node;
    this.newest = node;
  }

  private unlinkRecent(node: CacheNode): void {
    if (node.older) node.older.newer = node.newer;
    else this.eldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    node.older = node.newer = null;
  }

  private appendDirty(node: CacheNode): void {
    node.dirtyBefore = this.lastDirty;
    node.dirtyAfter = null;
    if (this.lastDirty) this.lastDirty.dirtyAfter = node;
    else this.firstDirty = node;
    this.lastDirty = node;
    node.dirty = true;
  }

  private unlinkDirty(node: CacheNode): void {
    if (node.dirtyBefore) node.dirtyBefore.dirtyAfter = node.dirtyAfter;
    else this.firstDirty = node.dirtyAfter;
    if (node.dirtyAfter) node.dirtyAfter.dirtyBefore = node.dirtyBefore;
    else this.lastDirty = node.dirtyBefore;
    node.dirtyBefore = node.dirtyAfter = null;
    node.dirty = false;
  }
}
export class ThreadCache {
  private readonly caches = new Map<string, NamedCache>();
  private totalBytes = 0;

  private maxCacheSizeBytes: number;

  constructor(maxCacheSizeBytes: number) {
    this.maxCacheSizeBytes = maxCacheSizeBytes;
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
