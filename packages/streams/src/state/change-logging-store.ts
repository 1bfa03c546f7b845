/**
 * The change-logging layer (Java's `ChangeLoggingKeyValueBytesStore`): every write to the store
 * below is also sent to the store's changelog through `context.logChange`, with the timestamp of
 * the record being processed (or, under a cache, of the record that made the flushed entry), no
 * headers, and a null value for a delete. The timestamped variant sends the plain value with the
 * value's own timestamp, so the changelog holds what Java's does.
 */
import type { KeyValue } from '../record.ts';
import type { StateStore, StateStoreContext } from './api.ts';
import { LruKeyValueStore } from './lru-key-value-store.ts';
import { storeNotInitialised } from './store-errors.ts';
import { rawValue, timestampOf } from './timestamped-bytes.ts';
import { WrappedKeyValueBytesStore, innermost } from './wrapped-store.ts';

export class ChangeLoggingKeyValueBytesStore extends WrappedKeyValueBytesStore {
  private context: StateStoreContext | null = null;

  override init(context: StateStoreContext, root: StateStore): void {
    this.context = context;
    super.init(context, root);
    // An LRU store drops keys by itself; the changelog learns of it as a delete, as in Java.
    const bytes = innermost(this.wrapped);
    if (bytes instanceof LruKeyValueStore) bytes.setWhenEldestRemoved((key) => this.log(key, null, this.recordTimestamp()));
  }

  override put(key: Buffer, value: Buffer | null): void {
    this.wrapped.put(key, value);
    this.logValue(key, value);
  }

  override putIfAbsent(key: Buffer, value: Buffer | null): Buffer | null {
    const previous = this.wrapped.putIfAbsent(key, value);
    if (previous === null) this.logValue(key, value);
    return previous;
  }

  override putAll(entries: readonly KeyValue<Buffer, Buffer | null>[]): void {
    this.wrapped.putAll(entries);
    for (const e of entries) this.logValue(e.key, e.value);
  }

  override delete(key: Buffer): Buffer | null {
    const old = this.wrapped.delete(key);
    this.log(key, null, this.recordTimestamp());
    return old;
  }

  /** What a write of `value` sends to the changelog. */
  protected logValue(key: Buffer, value: Buffer | null): void {
    this.log(key, value, this.recordTimestamp());
  }

  protected log(key: Buffer, value: Buffer | null, timestamp: number): void {
    if (this.context === null) throw storeNotInitialised(this.name);
    this.context.logChange(this.name, key, value, timestamp);
  }

  /**
   * The timestamp of the record being processed. Inside a punctuation there is none and the
   * changelog record gets the wall-clock time, as Java's punctuation context carries it.
   */
  protected recordTimestamp(): number {
    if (this.context === null) throw storeNotInitialised(this.name);
    return this.context.recordContext()?.timestamp ?? Date.now();
  }
}

export class ChangeLoggingTimestampedKeyValueBytesStore extends ChangeLoggingKeyValueBytesStore {
  protected override logValue(key: Buffer, valueAndTimestamp: Buffer | null): void {
    if (valueAndTimestamp === null) this.log(key, null, this.recordTimestamp());
    else this.log(key, rawValue(valueAndTimestamp), timestampOf(valueAndTimestamp));
  }
}
