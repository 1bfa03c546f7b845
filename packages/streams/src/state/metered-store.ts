/**
 * The outer layer of a key-value store, the one a processor and an interactive query see (Java's
 * `MeteredKeyValueStore`): typed keys and values through serdes, over the bytes layers. The
 * serdes are the builder's, or the application's defaults (`default.key.serde`,
 * `default.value.serde`) when the builder names none; they are called with the store's
 * changelog topic name, `<application.id>-<store>-changelog`, as Java's are.
 *
 * Java's metered layer also records metrics; Sluice has no metrics registry yet.
 */
import { StreamsError, StreamsErrorCode } from '../errors.js';
import type { KeyValue } from '../record.js';
import type { Serde, Serializer } from '../serdes.js';
import type {
  CacheFlushListener,
  CachedStateStore,
  KeyValueIterator,
  KeyValueStore,
  StateStore,
  StateStoreContext,
  ValueAndTimestamp,
} from './api.js';
import { TIMESTAMPED_STORE } from './api.js';
import { requireKey } from './bytes.js';
import { CachingKeyValueStore } from './caching-store.js';
import { mapIterator } from './iterators.js';
import { storeNotInitialised } from './store-errors.js';
import { valueAndTimestampSerde } from './timestamped-bytes.js';
import type { KeyValueBytesStore } from './wrapped-store.js';

export class MeteredKeyValueStore<K, V> implements KeyValueStore<K, V>, CachedStateStore<K, V> {
  private keySerde: Serde<K> | null = null;
  private valueSerde: Serde<V | null> | null = null;
  private topic = '';

  constructor(
    readonly wrapped: KeyValueBytesStore,
    readonly metricsScope: string,
    private readonly givenKeySerde: Serde<K> | undefined,
    private readonly givenValueSerde: Serde<V> | undefined,
    /** How the value serde becomes the one the bytes hold (the timestamped format for timestamped stores). */
    private readonly wrapValueSerde: (serde: Serde<any>) => Serde<V | null> = (s) => s,
  ) {}

  get name(): string {
    return this.wrapped.name;
  }

  persistent(): boolean {
    return this.wrapped.persistent();
  }

  isOpen(): boolean {
    return this.wrapped.isOpen();
  }

  init(context: StateStoreContext, root: StateStore = this): void {
    this.topic = `${context.applicationId}-${this.name}-changelog`;
    this.keySerde = this.givenKeySerde ?? defaultSerde(context, 'key', this.name);
    this.valueSerde = this.wrapValueSerde(this.givenValueSerde ?? defaultSerde(context, 'value', this.name));
    this.wrapped.init(context, root);
  }

  flush(): void {
    this.wrapped.flush();
  }

  close(): void {
    this.wrapped.close();
  }

  /** Flushes only the record cache below, if there is one (see `CachedStateStore.flushCache`). */
  flushCache(): void {
    (this.wrapped as Partial<CachedStateStore<Buffer, Buffer>>).flushCache?.();
  }

  clearCache(): void {
    (this.wrapped as Partial<CachedStateStore<Buffer, Buffer>>).clearCache?.();
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

  private keyBytes(key: K): Buffer {
    const bytes = this.serdes().keySerde.serialize(this.topic, key);
    if (bytes === null) throw new TypeError(`the key serializer of store '${this.name}' returned null for a key; a store key must serialise to bytes`);
    return bytes;
  }

  /** An open end of a range stays open; null is taken as open too, as in Java. */
  private boundBytes(key: K | undefined): Buffer | undefined {
    return key === undefined || key === null ? undefined : this.keyBytes(key);
  }

  private valueBytes(value: V | null): Buffer | null {
    return value === null || value === undefined ? null : this.serdes().valueSerde.serialize(this.topic, value);
  }

  private keyFrom(bytes: Buffer): K {
    return this.serdes().keySerde.deserialize(this.topic, bytes);
  }

  private valueFrom(bytes: Buffer | null): V | null {
    return bytes === null ? null : this.serdes().valueSerde.deserialize(this.topic, bytes);
  }

  private typed(inner: KeyValueIterator<Buffer, Buffer>): KeyValueIterator<K, V> {
    return mapIterator(inner, (kv) => ({ key: this.keyFrom(kv.key), value: this.valueFrom(kv.value) as V }));
  }

  private serdes(): { keySerde: Serde<K>; valueSerde: Serde<V | null> } {
    if (this.keySerde === null || this.valueSerde === null) throw storeNotInitialised(this.name);
    return { keySerde: this.keySerde, valueSerde: this.valueSerde };
  }
}

/** Java's `MeteredTimestampedKeyValueStore`: values with their timestamp, in Java's on-store format. */
export class MeteredTimestampedKeyValueStore<K, V> extends MeteredKeyValueStore<K, ValueAndTimestamp<V>> {
  readonly [TIMESTAMPED_STORE] = true;

  constructor(wrapped: KeyValueBytesStore, metricsScope: string, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined) {
    super(wrapped, metricsScope, keySerde, valueSerde as Serde<any> | undefined, (s) => valueAndTimestampSerde(s));
  }
}

export function defaultSerde(context: StateStoreContext, which: 'key' | 'value', store: string): Serde<any> {
  const c = context.appConfigs;
  const serde = which === 'key' ? (c.defaultKeySerde ?? c['default.key.serde']) : (c.defaultValueSerde ?? c['default.value.serde']);
  if (serde && typeof (serde as Serde<unknown>).serialize === 'function') return serde as Serde<any>;
  throw new StreamsError(
    StreamsErrorCode.INVALID_CONFIG,
    `store '${store}' has no ${which} serde: give one to its builder (Stores.keyValueStoreBuilder(supplier, keySerde, valueSerde)) or set default${which === 'key' ? 'Key' : 'Value'}Serde`,
  );
}
