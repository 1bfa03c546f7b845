/**
 * Merges a record cache's entries with the store's, both in one key order (Java's
 * `AbstractMergedSortedCacheStoreIterator`): on equal keys the cache's entry wins, and a cached
 * delete (a null value) hides the store's entry. Window and session stores order both sides by
 * segment, then by their binary key; the caller gives each side's sort key.
 */
import type { CacheEntry } from './thread-cache.ts';

export function* mergeCacheAndStore<T>(
  cache: Iterator<[Buffer, CacheEntry]>,
  store: Iterator<T>,
  storeSortKey: (item: T) => Buffer,
  /** The cache entry as an item, or undefined when it is outside what was asked for. */
  fromCache: (sortKey: Buffer, value: Buffer) => T | undefined,
): Generator<T> {
  let c = cache.next();
  let s = store.next();
  while (!c.done || !s.done) {
    if (c.done) {
      yield s.value as T;
      s = store.next();
      continue;
    }
    const [key, entry] = c.value;
    const order = s.done ? -1 : Buffer.compare(key, storeSortKey(s.value as T));
    if (order <= 0) {
      if (entry.value !== null) {
        const item = fromCache(key, entry.value);
        if (item !== undefined) yield item;
      }
      c = cache.next();
      if (order === 0) s = store.next();
    } else {
      yield s.value as T;
      s = store.next();
    }
  }
}

/** Java's `SegmentedCacheFunction`: the segment id (8 bytes, big-endian) in front of the store key, so the cache sorts as the segments do. */
export function segmentedCacheKey(segmentId: number, binaryKey: Buffer): Buffer {
  const out = Buffer.allocUnsafe(8 + binaryKey.length);
  out.writeBigInt64BE(BigInt(segmentId), 0);
  binaryKey.copy(out, 8);
  return out;
}

export function storeKeyOfCacheKey(cacheKey: Buffer): Buffer {
  return cacheKey.subarray(8);
}
