/**
 * How table processors read and write their timestamped store and pass changes on, as Java's
 * KeyValueStoreWrapper, TimestampedTupleForwarder and TimestampedCacheFlushListener do: with the
 * record cache on, the cache forwards a key's change when it flushes or evicts it (so several
 * updates to one key within a commit interval go downstream as one); with it off, every update is
 * forwarded as it is made. Old values travel only when a downstream operator asked for them
 * (sendOldValues), as in Java.
 */
import type { ProcessorContext } from '../processor/api.ts';
import type { Record } from '../record.ts';
import type { CacheFlushListener, CachedStateStore, Change, TimestampedKeyValueStore, ValueAndTimestamp } from '../state/api.ts';

export interface TableStore<K, V> {
  /** The value and the timestamp of the record that last wrote it, or null. */
  get(key: K): ValueAndTimestamp<V> | null;
  /** A null value deletes the key. */
  put(key: K, value: V | null, timestamp: number): void;
}

/** The store a table processor keeps its rows in, by name, from the processor's context. */
export function tableStore<K, V>(context: ProcessorContext<unknown, unknown>, storeName: string): { view: TableStore<K, V>; store: TimestampedKeyValueStore<K, V> } {
  const store = context.getStateStore<TimestampedKeyValueStore<K, V>>(storeName);
  return {
    store,
    view: {
      get: (key) => store.get(key),
      put: (key, value, timestamp) => store.put(key, value === null || value === undefined ? null : { value, timestamp }),
    },
  };
}

/** Forwards a processor's changes downstream, directly or through the store's cache. */
export interface TupleForwarder<K, V> {
  /** False when the cache forwards (on flush): callers then need not build the record at all. */
  readonly forwardsDirectly: boolean;
  maybeForward(record: Record<K, Change<V>>): void;
}

function isCached<K, V>(store: unknown): store is CachedStateStore<K, ValueAndTimestamp<V>> {
  return typeof (store as Partial<CachedStateStore<K, V>>).setFlushListener === 'function';
}

export function tupleForwarder<K, V>(store: TimestampedKeyValueStore<K, V>, context: ProcessorContext<K, Change<V>>, sendOldValues: boolean): TupleForwarder<K, V> {
  // The cache calls back with the change it held since the last flush; the record takes the new
  // value's timestamp (the one it was written with), as Java's flush listener does.
  const listener: CacheFlushListener<K, ValueAndTimestamp<V>> = (record) => {
    const { newValue, oldValue } = record.value;
    context.forward(
      record
        .withValue<Change<V>>({ newValue: newValue === null ? null : newValue.value, oldValue: oldValue === null ? null : oldValue.value })
        .withTimestamp(newValue !== null ? newValue.timestamp : record.timestamp),
    );
  };
  const cachingEnabled = isCached<K, V>(store) ? store.setFlushListener(listener, sendOldValues) : false;
  return {
    forwardsDirectly: !cachingEnabled,
    maybeForward(record) {
      if (cachingEnabled) return;
      context.forward(sendOldValues ? record : record.withValue<Change<V>>({ newValue: record.value.newValue, oldValue: null }));
    },
  };
}
