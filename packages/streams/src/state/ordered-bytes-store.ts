/**
 * What the bottom bytes key-value stores share (in memory and SQLite; Java's
 * `InMemoryKeyValueStore` and `RocksDBStore` each have their own copy): ranges, full scans and
 * prefix scans all become one ordered iteration between two bounds, in unsigned byte order, so
 * each store only says how it iterates and when it is open.
 */
import type { Serializer } from '../serdes.ts';
import type { KeyValueIterator } from './api.ts';
import { invertedRange, prefixUpperBound, requireKey, serializePrefix } from './bytes.ts';
import { emptyIterator } from './iterators.ts';
import type { Bound } from './sorted-bytes-map.ts';

export abstract class OrderedBytesStore {
  abstract readonly name: string;

  /** The entries between the bounds, ascending or (reverse) descending. */
  protected abstract iterate(from: Bound | undefined, to: Bound | undefined, reverse: boolean): KeyValueIterator<Buffer, Buffer>;

  /** Throws the store-closed error when the store is not open. */
  protected abstract checkOpen(): void;

  range(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.scan(from, to, false);
  }

  reverseRange(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return this.scan(from, to, true);
  }

  all(): KeyValueIterator<Buffer, Buffer> {
    return this.scan(undefined, undefined, false);
  }

  reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return this.scan(undefined, undefined, true);
  }

  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const from = serializePrefix(prefix, prefixSerializer);
    const to = prefixUpperBound(from);
    return this.iterate({ key: from, inclusive: true }, to && { key: to, inclusive: false }, false);
  }

  protected check(key: Buffer): void {
    requireKey(key);
    this.checkOpen();
  }

  /** An open end (undefined or null, as in Java) stays open; an inverted range is empty. */
  private scan(from: Buffer | undefined | null, to: Buffer | undefined | null, reverse: boolean): KeyValueIterator<Buffer, Buffer> {
    this.checkOpen();
    const low = from ?? undefined;
    const high = to ?? undefined;
    if (invertedRange(low, high)) return emptyIterator();
    return this.iterate(low && { key: low, inclusive: true }, high && { key: high, inclusive: true }, reverse);
  }
}
