/**
 * The store a DSL table or aggregation keeps its rows in, from its Materialized (Java's
 * KeyValueStoreMaterializer): a timestamped key-value store, persistent unless the Materialized asks
 * for `in_memory` or brings its own supplier, with the record cache and the changelog as the
 * Materialized says. The store is made per task, when the task builds it.
 */
import type { StoreBuilder, TimestampedKeyValueStore } from '../state/api.ts';
import { Stores } from '../state/stores.ts';
import type { BuilderInternals } from './builder-internals.ts';
import type { ResolvedMaterialized } from './materialized.ts';

export function keyValueStoreBuilder<K, V>(resolved: ResolvedMaterialized<K, V>): StoreBuilder<TimestampedKeyValueStore<K, V>> {
  const m = resolved.materialized;
  const supplier =
    m.storeSupplier ?? (m.storeType === 'in_memory' ? Stores.inMemoryKeyValueStore(resolved.storeName) : Stores.persistentTimestampedKeyValueStore(resolved.storeName));
  const builder = Stores.timestampedKeyValueStoreBuilder<K, V>(supplier, resolved.keySerde, resolved.valueSerde);
  if (m.cachingEnabled) builder.withCachingEnabled();
  else builder.withCachingDisabled();
  if (m.loggingEnabled) builder.withLoggingEnabled(m.topicConfig);
  else builder.withLoggingDisabled();
  return builder;
}

/** Adds the store to the topology and connects it to the processor that writes it. */
export function addMaterializedStore<K, V>(builder: BuilderInternals, resolved: ResolvedMaterialized<K, V>, processorName: string): void {
  builder.topology.addStateStore(keyValueStoreBuilder(resolved) as never, processorName);
}
