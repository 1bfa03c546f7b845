/**
 * Suppliers and builders of window and session stores (Java's `RocksDbWindowBytesStoreSupplier`,
 * `WindowStoreBuilder`, `TimestampedWindowStoreBuilder`, `SessionStoreBuilder`): logging on and
 * caching off by default. A window store that keeps duplicates is never cached (each put must
 * reach the store), as Java disables caching for it.
 */
import type { Serde } from '../serdes.ts';
import { CachingSessionStore, CachingWindowStore } from './caching-window-session.ts';
import type { SessionStore, StoreSupplier, ValueAndTimestamp, WindowStore } from './api.ts';
import { ChangeLoggingSessionBytesStore, MeteredSessionStore, type SessionBytesStore } from './session-stores.ts';
import { SuppliedStoreBuilder } from './store-builders.ts';
import { valueAndTimestampSerde } from './timestamped-bytes.ts';
import { ChangeLoggingWindowBytesStore, MeteredWindowStore, SegmentedWindowStore, type WindowBytesStore } from './window-stores.ts';

export interface WindowBytesStoreSupplier extends StoreSupplier<WindowBytesStore> {
  segmentIntervalMs(): number;
  windowSize(): number;
  retainDuplicates(): boolean;
  retentionPeriod(): number;
  /** Whether its stores hold the timestamped format (`Stores.persistentTimestampedWindowStore`, in-memory stores). */
  readonly timestampedBytes: boolean;
}

export interface SessionBytesStoreSupplier extends StoreSupplier<SessionBytesStore> {
  segmentIntervalMs(): number;
  retentionPeriod(): number;
}

export class WindowStoreBuilder<K, V> extends SuppliedStoreBuilder<WindowBytesStoreSupplier, K, V, WindowStore<K, V>> {
  build(): WindowStore<K, V> {
    let store = this.supplier.get();
    if (this.enableLogging) store = new ChangeLoggingWindowBytesStore(store, this.supplier.retainDuplicates(), false);
    if (this.enableCaching && !this.supplier.retainDuplicates()) store = new CachingWindowStore(store, this.supplier.windowSize(), this.supplier.segmentIntervalMs());
    return new MeteredWindowStore<K, V>(store, this.supplier.metricsScope(), this.keySerde, this.valueSerde, undefined, this.supplier.windowSize());
  }
}

/** Window stores whose values carry their timestamps (what the DSL's windowed aggregations use). */
export class TimestampedWindowStoreBuilder<K, V> extends SuppliedStoreBuilder<WindowBytesStoreSupplier, K, V, WindowStore<K, ValueAndTimestamp<V>>> {
  constructor(supplier: WindowBytesStoreSupplier, keySerde?: Serde<K>, valueSerde?: Serde<V>) {
    super(supplier, keySerde, valueSerde);
    if (!supplier.timestampedBytes) {
      throw new TypeError(`store '${supplier.name}': a timestamped window store needs Stores.persistentTimestampedWindowStore or Stores.inMemoryWindowStore`);
    }
  }

  build(): WindowStore<K, ValueAndTimestamp<V>> {
    let store = this.supplier.get();
    if (store instanceof SegmentedWindowStore) store.restoresTimestamped = true;
    if (this.enableLogging) store = new ChangeLoggingWindowBytesStore(store, this.supplier.retainDuplicates(), true);
    if (this.enableCaching && !this.supplier.retainDuplicates()) store = new CachingWindowStore(store, this.supplier.windowSize(), this.supplier.segmentIntervalMs());
    return new MeteredWindowStore<K, ValueAndTimestamp<V>>(store, this.supplier.metricsScope(), this.keySerde, this.valueSerde, (s) => valueAndTimestampSerde(s), this.supplier.windowSize());
  }
}

export class SessionStoreBuilder<K, AGG> extends SuppliedStoreBuilder<SessionBytesStoreSupplier, K, AGG, SessionStore<K, AGG>> {
  build(): SessionStore<K, AGG> {
    let store = this.supplier.get();
    if (this.enableLogging) store = new ChangeLoggingSessionBytesStore(store);
    if (this.enableCaching) store = new CachingSessionStore(store, this.supplier.segmentIntervalMs());
    return new MeteredSessionStore<K, AGG>(store, this.supplier.metricsScope(), this.keySerde, this.valueSerde);
  }
}
