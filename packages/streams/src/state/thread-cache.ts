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
  /** `keyString(key)`. */
  readonly k: string;
  entry: CacheEntry;
  size: number;
  // Two intrusive doubly-linked lists, as Java's LRUNode: recency, and dirty keys by last write.
  older: Node | null;
  newer: Node | null;
  dirtyBefore: Node | null;
  dirtyAfter: Node | null;
  inDirty: boolean;
}

/** Java's per-entry estimate: key + value + record context + 1 (dirty flag) + 24 (LRU links). */
function sizeOf(key: Buffer, entry: CacheEntry): number {
  let contextSize = 8 + 8 + 4 + (entry.context.topic?.length ?? 0);
  for (const h of entry.context.headers) contextSize += h.key.length + (h.value?.length ?? 0);
  return key.length + 24 + 1 + (entry.value?.length ?? 0) + contextSize;
}

class NamedCache {
  private readonly entries = new SortedBytesMap<Node>();
  /** Least and most recently used. */
  private eldest: Node | null = null;
  private newest: Node | null = null;
  /** Dirty entries in the order of their last write (a write moves an entry to the end, as Java's LinkedHashSet remove+add). */
  private firstDirty: Node | null = null;
  private lastDirty: Node | null = null;
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
    const node = this.entries.get(key);
    if (!node) return undefined;
    this.touch(node);
    return node.entry;
  }

  put(key: Buffer, entry: CacheEntry): void {
    const k = keyString(key);
    let node = this.entries.get(key, k);
    if (node) {
      if (!entry.dirty && node.inDirty) throw new Error(`cannot put a clean entry for a key with a dirty entry in cache ${this.name}`);
      this.grow(-node.size);
      node.entry = entry;
      node.size = sizeOf(node.key, entry);
      this.touch(node);
    } else {
      const copy = Buffer.from(key);
      node = { key: copy, k, entry, size: sizeOf(copy, entry), older: null, newer: null, dirtyBefore: null, dirtyAfter: null, inDirty: false };
      this.entries.set(copy, node, k);
      this.appendRecent(node);
    }
    if (entry.dirty) {
      if (node.inDirty) this.unlinkDirty(node);
      this.appendDirty(node);
    }
    this.grow(node.size);
  }

  delete(key: Buffer): void {
    const node = this.entries.delete(key);
    if (node) this.forget(node);
  }

  /** Drops the least recently used entry, flushing first if it is dirty. */
  evict(): void {
    const node = this.eldest;
    if (!node) return;
    this.entries.delete(node.key, node.k);
    this.forget(node);
    if (node.entry.dirty) this.flush(node);
  }

  flush(evicted?: Node): void {
    if (!this.listener) throw new Error(`no flush listener registered for cache ${this.name}`);
    if (this.firstDirty === null && !evicted) return;
    const out: DirtyEntry[] = [];
    if (evicted) out.push({ key: evicted.key, newValue: evicted.entry.value, context: evicted.entry.context });
    const deleted: Node[] = [];
    for (let n = this.firstDirty; n !== null; ) {
      const next: Node | null = n.dirtyAfter;
      out.push({ key: n.key, newValue: n.entry.value, context: n.entry.context });
      n.entry.dirty = false;
      n.inDirty = false;
      n.dirtyBefore = n.dirtyAfter = null;
      if (n.entry.value === null) deleted.push(n);
      n = next;
    }
    // Emptied before the listener runs: it may write to this cache again.
    this.firstDirty = this.lastDirty = null;
    this.listener(out);
    for (const n of deleted) {
      // Unless the listener wrote the key again meanwhile.
      if (this.entries.get(n.key, n.k) === n && !n.inDirty) this.delete(n.key);
    }
  }

  *range(from: Bound | undefined, to: Bound | undefined, reverse: boolean): Generator<[Buffer, CacheEntry]> {
    for (const [key, node] of this.entries.entries(from, to, reverse)) yield [key, node.entry];
  }

  clear(): void {
    this.entries.clear();
    this.eldest = this.newest = this.firstDirty = this.lastDirty = null;
    this.grow(-this.sizeBytes);
  }

  private forget(node: Node): void {
    this.unlinkRecent(node);
    if (node.inDirty) this.unlinkDirty(node);
    this.grow(-node.size);
  }

  private grow(delta: number): void {
    this.sizeBytes += delta;
    this.resized(delta);
  }

  private touch(node: Node): void {
    if (this.newest === node) return;
    this.unlinkRecent(node);
    this.appendRecent(node);
  }

  private appendRecent(node: Node): void {
    node.older = this.newest;
    node.newer = null;
    if (this.newest) this.newest.newer = node;
    else this.eldest = node;
    this.newest = node;
  }

  private unlinkRecent(node: Node): void {
    if (node.older) node.older.newer = node.newer;
    else this.eldest = node.newer;
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    node.older = node.newer = null;
  }

  private appendDirty(node: Node): void {
    node.dirtyBefore = this.lastDirty;
    node.dirtyAfter = null;
    if (this.lastDirty) this.lastDirty.dirtyAfter = node;
    else this.firstDirty = node;
    this.lastDirty = node;
    node.inDirty = true;
  }

  private unlinkDirty(node: Node): void {
    if (node.dirtyBefore) node.dirtyBefore.dirtyAfter = node.dirtyAfter;
    else this.firstDirty = node.dirtyAfter;
    if (node.dirtyAfter) node.dirtyAfter.dirtyBefore = node.dirtyBefore;
    else this.lastDirty = node.dirtyBefore;
    node.dirtyBefore = node.dirtyAfter = null;
    node.inDirty = false;
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
