/**
 * Store builders (Java's `KeyValueStoreBuilder` and `TimestampedKeyValueStoreBuilder`): a bytes
 * store from the supplier, wrapped in change-logging (on by default), then caching (off by
 * default), then the typed outer layer. `build()` makes a new store per task.
 */
import type { Serde } from '../serdes.ts';
import type { ChangelogConfig, KeyValueBytesStoreSupplier, KeyValueStore, StateStore, StoreBuilder, TimestampedKeyValueStore } from './api.ts';
import { CachingKeyValueStore } from './caching-store.ts';
import { ChangeLoggingKeyValueBytesStore, ChangeLoggingTimestampedKeyValueBytesStore } from './change-logging-store.ts';
import { MeteredKeyValueStore, MeteredTimestampedKeyValueStore } from './metered-store.ts';
import { PlainToTimestampedAdapter, TimestampedFormatStore } from './timestamped-stores.ts';
import type { KeyValueBytesStore } from './wrapped-store.ts';

export abstract class AbstractStoreBuilder<T extends StateStore> implements StoreBuilder<T> {
  protected enableCaching = false;
  protected enableLogging = true;
  private changelogConfig: { [setting: string]: string } = {};

  readonly name: string;

  constructor(name: string) {
    this.name = name;
  }

  withCachingEnabled(): this {
    this.enableCaching = true;
    return this;
  }

  withCachingDisabled(): this {
    this.enableCaching = false;
    return this;
  }

  withLoggingEnabled(config: ChangelogConfig = {}): this {
    if (config === null || typeof config !== 'object') throw new TypeError('config can\'t be null: give the changelog topic settings, or {} for none');
    this.enableLogging = true;
    Object.assign(this.changelogConfig, config);
    return this;
  }

  withLoggingDisabled(): this {
    this.enableLogging = false;
    this.changelogConfig = {};
    return this;
  }

  loggingEnabled(): boolean {
    return this.enableLogging;
  }

  /** Whether `build()` puts a record cache in front (the DSL's `Materialized` turns it on by default). */
  cachingEnabled(): boolean {
    return this.enableCaching;
  }

  logConfig(): ChangelogConfig {
    return { ...this.changelogConfig };
  }

  abstract build(): T;
}

function checkSupplier(supplier: { metricsScope(): string }): void {
  if (supplier === null || supplier === undefined) throw new TypeError('supplier cannot be null');
  if (typeof supplier.metricsScope() !== 'string') throw new TypeError("storeSupplier's metricsScope can't be null");
}

/**
 * A builder of the stores a bytes-store supplier makes, typed by the serdes given (none: the
 * application's defaults, chosen when the store is initialised). Java keeps the serdes in its
 * `AbstractStoreBuilder`; here builders without a supplier (suppression buffers, outer-join
 * stores) share the flags above without them.
 */
export abstract class SuppliedStoreBuilder<S extends { readonly name: string; metricsScope(): string }, K, V, T extends StateStore> extends AbstractStoreBuilder<T> {
  protected readonly supplier: S;
  protected readonly keySerde?: Serde<K>;
  protected readonly valueSerde?: Serde<V>;

  constructor(supplier: S, keySerde?: Serde<K>, valueSerde?: Serde<V>) {
    checkSupplier(supplier);
    super(supplier.name);
    this.supplier = supplier;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
  }
}

export class KeyValueStoreBuilder<K, V> extends SuppliedStoreBuilder<KeyValueBytesStoreSupplier, K, V, KeyValueStore<K, V>> {
  build(): KeyValueStore<K, V> {
    let store: KeyValueBytesStore = this.supplier.get();
    if (this.enableLogging) store = new ChangeLoggingKeyValueBytesStore(store);
    if (this.enableCaching) store = new CachingKeyValueStore(store);
    return new MeteredKeyValueStore<K, V>(store, this.supplier.metricsScope(), this.keySerde, this.valueSerde);
  }
}

export class TimestampedKeyValueStoreBuilder<K, V> extends SuppliedStoreBuilder<KeyValueBytesStoreSupplier, K, V, TimestampedKeyValueStore<K, V>> {
  build(): TimestampedKeyValueStore<K, V> {
    const bytes = this.supplier.get();
    // A plain persistent store keeps plain values (Java's adapter); any other holds the timestamped format.
    let store: KeyValueBytesStore = bytes.persistent() && !isTimestampedBytesStore(bytes) ? new PlainToTimestampedAdapter(bytes) : new TimestampedFormatStore(bytes);
    if (this.enableLogging) store = new ChangeLoggingTimestampedKeyValueBytesStore(store);
    if (this.enableCaching) store = new CachingKeyValueStore(store);
    return new MeteredTimestampedKeyValueStore<K, V>(store, this.supplier.metricsScope(), this.keySerde, this.valueSerde);
  }
}

/** Java's `TimestampedBytesStore` marker: a bytes store whose values are in the timestamped format. */
export function isTimestampedBytesStore(store: KeyValueBytesStore): boolean {
  return (store as { timestampedBytes?: boolean }).timestampedBytes === true;
}
