/**
 * The outer layer of a key-value store, the one a processor and an interactive query see (Java's
 * `MeteredKeyValueStore`): typed keys and values through serdes, over the bytes layers (the
 * serdes and the cache calls are `MeteredStateStore`'s).
 */
import type { KeyValue } from '../record.ts';
import type { Serde, Serializer } from '../serdes.ts';
import type {
  CacheFlushListener,
  CachedStateStore,
  KeyValueIterator,
  KeyValueStore,
  ValueAndTimestamp,
} from './api.ts';
import { TIMESTAMPED_STORE } from './api.ts';
import { requireKey } from './bytes.ts';
import { CachingKeyValueStore } from './caching-store.ts';
import { mapIterator } from './iterators.ts';
import { MeteredStateStore } from './metered-state-store.ts';
import { valueAndTimestampSerde } from './timestamped-bytes.ts';
import type { KeyValueBytesStore } from './wrapped-store.ts';

export class MeteredKeyValueStore<K, V> extends MeteredStateStore<KeyValueBytesStore, K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {
  constructor(
    wrapped: KeyValueBytesStore,
    metricsScope: string,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    wrapValueSerde?: (serde: Serde<any>) => Serde<V | null>,
  ) {
    super(wrapped, metricsScope, keySerde, valueSerde, wrapValueSerde);
  }

  setFlushListener(listener: CacheFlushListener<K, V>, sendOldValues: boolean): boolean {
    const caching = this.wrapped;
    if (!(caching instanceof CachingKeyValueStore)) return false;
    return caching.setFlushListener(
      (record) =>
        listener(
          record.withKey(this.keyFrom(record.key)).withValue({
            newValue: this.valueFrom(record.value.newValue),
            oldValue: this.valueFrom(record.value.oldValue),
          }),
        ),
      sendOldValues,
    );
  }

  get(key: K): V | null {
    requireKey(key);
    return this.valueFrom(this.wrapped.get(this.keyBytes(key)));
  }

  put(key: K, value: V | null): void {
    requireKey(key);
    this.wrapped.put(this.keyBytes(key), this.valueBytes(value));
  }

  putIfAbsent(key: K, value: V | null): V | null {
    requireKey(key);
    return this.valueFrom(this.wrapped.putIfAbsent(this.keyBytes(key), this.valueBytes(value)));
  }

  putAll(entries: readonly KeyValue<K, V | null>[]): void {
    for (const e of entries) requireKey(e.key);
    this.wrapped.putAll(entries.map((e) => ({ key: this.keyBytes(e.key), value: this.valueBytes(e.value) })));
  }

  delete(key: K): V | null {
    requireKey(key);
    return this.valueFrom(this.wrapped.delete(this.keyBytes(key)));
  }

  range(from: K | undefined, to: K | undefined): KeyValueIterator<K, V> {
    return this.typed(this.wrapped.range(this.boundBytes(from), this.boundBytes(to)));
  }

  reverseRange(from: K | undefined, to: K | undefined): KeyValueIterator<K, V> {
    return this.typed(this.wrapped.reverseRange(this.boundBytes(from), this.boundBytes(to)));
  }

  all(): KeyValueIterator<K, V> {
    return this.typed(this.wrapped.all());
  }

  reverseAll(): KeyValueIterator<K, V> {
    return this.typed(this.wrapped.reverseAll());
  }

  prefixScan<P>(prefix: P, prefixSerializer: Serializer<P>): KeyValueIterator<K, V> {
    return this.typed(this.wrapped.prefixScan(prefix, prefixSerializer));
  }

  approximateNumEntries(): number {
    return this.wrapped.approximateNumEntries();
  }

  /** An open end of a range stays open; null is taken as open too, as in Java. */
  private boundBytes(key: K | undefined): Buffer | undefined {
    return key === undefined || key === null ? undefined : this.keyBytes(key);
  }

  private typed(inner: KeyValueIterator<Buffer, Buffer>): KeyValueIterator<K, V> {
    return mapIterator(inner, (kv) => ({ key: this.keyFrom(kv.key), value: this.valueFrom(kv.value) as V }));
  }
}

/** Java's `MeteredTimestampedKeyValueStore`: values with their timestamp, in Java's on-store format. */
export class MeteredTimestampedKeyValueStore<K, V> extends MeteredKeyValueStore<K, ValueAndTimestamp<V>> {
  readonly [TIMESTAMPED_STORE] = true;

  constructor(wrapped: KeyValueBytesStore, metricsScope: string, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined) {
    super(wrapped, metricsScope, keySerde, valueSerde as Serde<any> | undefined, (s) => valueAndTimestampSerde(s));
  }
}

/** Kept here too: the kstream layer takes the default serdes from this module. */
export { defaultSerde } from './metered-state-store.ts';
