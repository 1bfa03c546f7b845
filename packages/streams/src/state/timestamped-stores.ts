/**
 * How a timestamped builder holds its values in a bytes store (Java's
 * `TimestampedKeyValueStoreBuilder`): a store that keeps the timestamped format as it is (in
 * memory, or `Stores.persistentTimestampedKeyValueStore`) restores changelog records converted
 * to that format; a plain persistent store (`Stores.persistentKeyValueStore`) keeps plain values
 * and answers with timestamp -1, as Java's adapter does.
 */
import type { KeyValue } from '../record.ts';
import type { Serializer } from '../serdes.ts';
import type { KeyValueIterator, StateStore, StateStoreContext } from './api.ts';
import { mapIterator } from './iterators.ts';
import { rawValue, timestampedRestoreContext, withUnknownTimestamp } from './timestamped-bytes.ts';
import { type KeyValueBytesStore, WrappedKeyValueBytesStore } from './wrapped-store.ts';

/** Marks a bytes store supplier's stores as holding the timestamped format (Java's `TimestampedBytesStore`). */
export interface TimestampedBytesStoreSupplier {
  readonly timestampedBytes: true;
}

/** A bytes store holding the timestamped format: only restoration changes (records gain their timestamp). */
export class TimestampedFormatStore extends WrappedKeyValueBytesStore {
  override init(context: StateStoreContext, root: StateStore): void {
    this.wrapped.init(timestampedRestoreContext(context), root);
  }
}

/** A plain persistent store under a timestamped builder (Java's `KeyValueToTimestampedKeyValueByteStoreAdapter`). */
export class PlainToTimestampedAdapter extends WrappedKeyValueBytesStore {
  constructor(wrapped: KeyValueBytesStore) {
    super(wrapped);
    if (!wrapped.persistent()) throw new TypeError('Provided store must be a persistent store, but it is not.');
  }

  override get(key: Buffer): Buffer | null {
    return withUnknownTimestamp(this.wrapped.get(key));
  }
  override put(key: Buffer, value: Buffer | null): void {
    this.wrapped.put(key, plain(value));
  }
  override putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    return withUnknownTimestamp(this.wrapped.putIfAbsent(key, plain(value)));
  }
  override putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    this.wrapped.putAll(entries.map((e) => ({ key: e.key, value: plain(e.value) })));
  }
  override delete(key: Buffer): Buffer | null {
    return withUnknownTimestamp(this.wrapped.delete(key));
  }
  override range(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return timestamped(this.wrapped.range(from, to));
  }
  override reverseRange(from: Buffer | undefined, to: Buffer | undefined): KeyValueIterator<Buffer, Buffer> {
    return timestamped(this.wrapped.reverseRange(from, to));
  }
  override all(): KeyValueIterator<Buffer, Buffer> {
    return timestamped(this.wrapped.all());
  }
  override reverseAll(): KeyValueIterator<Buffer, Buffer> {
    return timestamped(this.wrapped.reverseAll());
  }
  override prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<Buffer, Buffer> {
    return timestamped(this.wrapped.prefixScan(prefix, prefixSerializer));
  }
}

function plain(valueAndTimestamp: Buffer | null): Buffer | null {
  return valueAndTimestamp === null ? null : rawValue(valueAndTimestamp);
}

function timestamped(inner: KeyValueIterator<Buffer, Buffer>): KeyValueIterator<Buffer, Buffer> {
  return mapIterator(inner, (kv) => ({ key: kv.key, value: withUnknownTimestamp(kv.value)! }));
}
