/**
 * TimeWindowedKStream (Kafka Streams' TimeWindowedKStreamImpl and SlidingWindowedKStreamImpl): a
 * grouped stream over time windows (tumbling, hopping) or sliding windows,
 * aggregated per key and window into a KTable keyed by `Windowed<K>`. Names as Java's
 * (KSTREAM-AGGREGATE- / KSTREAM-REDUCE- processors, ...-STATE-STORE- stores); the store is a
 * timestamped window store kept for the window size plus grace unless `Materialized.withRetention`
 * says more, and its changelog is compacted and deleted (`cleanup.policy=compact,delete`,
 * `retention.ms` = retention + 1 day), as Java creates windowed changelogs.
 */
import { topologyError } from '../errors.ts';
import { Serdes, type Serde } from '../serdes.ts';
import type { StoreBuilder, WindowStore, ValueAndTimestamp, Windowed } from '../state/api.ts';
import { Stores } from '../state/stores.ts';
import type { WindowBytesStoreSupplier } from '../state/window-session-builders.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { EmitStrategy } from './emit-strategy.ts';
import { KTable } from './ktable.ts';
import { Materialized, type ResolvedMaterialized, resolveMaterialized } from './materialized.ts';
import { type Named, nameOf } from './options.ts';
import { SlidingAggregateSupplier } from './sliding-aggregate-processor.ts';
import { WindowAggregateSupplier } from './window-aggregate-processor.ts';
import { timeWindowedKeySerde } from './windowed-serdes.ts';
import { SlidingWindows, type TimeWindows } from './windows.ts';

/** Java's windowstore.changelog.additional.retention.ms default: a windowed changelog keeps records a day longer than the store. */
export const CHANGELOG_ADDITIONAL_RETENTION_MS = 86_400_000;

/** What a windowed stream needs of its grouping (KGroupedStream), named here to keep imports one way. */
export interface WindowedGrouping<K, V> {
  readonly keySerde: Serde<K> | undefined;
  readonly valueSerde: Serde<V> | undefined;
  aggregationParent(storeName: string): string;
}

function requireFunction(f: unknown, what: string): void {
  if (typeof f !== 'function') throw topologyError(`${what} must be a function, got ${f === null ? 'null' : typeof f}`);
}

/** Java's WindowStoreMaterializer (and SlidingWindowStoreMaterializer): the retention check, the store supplier, logging and caching as the Materialized says. */
export function windowStoreBuilder<K, V>(r: ResolvedMaterialized<K, V>, windows: TimeWindows | SlidingWindows, emitOnClose: boolean): StoreBuilder<WindowStore<K, ValueAndTimestamp<V>>> {
  const sliding = windows instanceof SlidingWindows;
  const sizeMs = sliding ? windows.timeDifferenceMs() : windows.size();
  const graceMs = windows.gracePeriodMs();
  // Sliding windows need the windows back to 2 × the time difference to make a record's right window.
  const needed = sliding ? 2 * sizeMs + graceMs : sizeMs + graceMs;
  const m = r.materialized;
  const retention = m.retentionMs ?? needed;
  if (needed > retention) {
    throw topologyError(
      sliding
        ? `The retention period of the window store ${r.storeName} must be no smaller than 2 * time difference plus the grace period. Got time difference=[${sizeMs}], grace=[${graceMs}], retention=[${retention}]`
        : `The retention period of the window store ${r.storeName} must be no smaller than its window size plus the grace period. Got size=[${sizeMs}], grace=[${graceMs}], retention=[${retention}]`,
    );
  }
  // Emitting on window close, Java keeps windows in a time-ordered store whose reads still include
  // the window starting exactly `retention` before stream time (its getActualFrom takes no +1 then);
  // a millisecond more of retention gives our store that same boundary.
  const storeRetention = emitOnClose && m.storeType !== 'in_memory' ? retention + 1 : retention;
  const supplier =
    (m.storeSupplier as unknown as WindowBytesStoreSupplier | undefined) ??
    (m.storeType === 'in_memory' ? Stores.inMemoryWindowStore(r.storeName, retention, sizeMs, false) : Stores.persistentTimestampedWindowStore(r.storeName, storeRetention, sizeMs, false));
  const builder = Stores.timestampedWindowStoreBuilder<K, V>(supplier, r.keySerde, r.valueSerde);
  if (m.loggingEnabled) {
    builder.withLoggingEnabled({ 'cleanup.policy': 'compact,delete', 'retention.ms': String((m.storeSupplier === undefined ? retention : supplier.retentionPeriod()) + CHANGELOG_ADDITIONAL_RETENTION_MS), ...m.topicConfig });
  } else builder.withLoggingDisabled();
  // As Java's materializers: sliding windows emitting on close go without the cache; time windows keep it.
  if (m.cachingEnabled && !(sliding && emitOnClose)) builder.withCachingEnabled();
  else builder.withCachingDisabled();
  return builder;
}

export class TimeWindowedKStream<K, V> {
  private strategy: EmitStrategy = EmitStrategy.onWindowUpdate();

  private readonly builder: BuilderInternals;
  private readonly grouping: WindowedGrouping<K, V>;
  private readonly windows: TimeWindows | SlidingWindows;

  /** @internal */
  constructor(builder: BuilderInternals, grouping: WindowedGrouping<K, V>, windows: TimeWindows | SlidingWindows) {
    this.builder = builder;
    this.grouping = grouping;
    this.windows = windows;
  }

  /** `EmitStrategy.onWindowClose()`: one result per window, once stream time passes its end plus grace. */
  emitStrategy(strategy: EmitStrategy): this {
    if (strategy?.type !== 'ON_WINDOW_UPDATE' && strategy?.type !== 'ON_WINDOW_CLOSE') throw topologyError('emitStrategy() takes EmitStrategy.onWindowUpdate() or EmitStrategy.onWindowClose()');
    this.strategy = strategy;
    return this;
  }

  /** Records per key and window, as `bigint` counts (Java's Long). */
  count(named?: Named | Materialized<K, bigint>, materialized?: Materialized<K, bigint>): KTable<Windowed<K>, bigint> {
    const m = named instanceof Materialized ? named : materialized;
    // Java's count(Materialized) takes one store name more when the Materialized names none (kept for topology compatibility).
    if (m !== undefined && m.storeName === undefined) this.builder.newStoreName('KSTREAM-AGGREGATE-');
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-AGGREGATE-', { keySerde: this.grouping.keySerde, valueSerde: Serdes.Int64() });
    const name = this.builder.newName('KSTREAM-AGGREGATE-', named instanceof Materialized ? undefined : nameOf(named));
    return this.build(name, r, () => 0n, (_k, _v, agg) => (agg as bigint) + 1n);
  }

  /** Combines the values of each key and window with `reducer` (the first value as it is). */
  reduce(reducer: (aggregate: V, value: V) => V, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    requireFunction(reducer, 'the reducer');
    const m = named instanceof Materialized ? named : materialized;
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-REDUCE-', { keySerde: this.grouping.keySerde, valueSerde: this.grouping.valueSerde });
    const name = this.builder.newName('KSTREAM-REDUCE-', named instanceof Materialized ? undefined : nameOf(named));
    return this.build<V>(name, r, () => null, (_k, v, agg) => (agg === null ? v : reducer(agg, v)));
  }

  /** Folds the values of each key and window into an aggregate, starting from `initializer()`. */
  aggregate<VA>(initializer: () => VA, aggregator: (key: K, value: V, aggregate: VA) => VA, named?: Named | Materialized<K, VA>, materialized?: Materialized<K, VA>): KTable<Windowed<K>, VA> {
    requireFunction(initializer, 'the aggregate initializer');
    requireFunction(aggregator, 'the aggregator');
    const m = named instanceof Materialized ? named : materialized;
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-AGGREGATE-', { keySerde: this.grouping.keySerde });
    const name = this.builder.newName('KSTREAM-AGGREGATE-', named instanceof Materialized ? undefined : nameOf(named));
    return this.build<VA>(name, r, initializer, aggregator as (key: K, value: V, aggregate: VA | null) => VA);
  }

  private build<VA>(name: string, r: ResolvedMaterialized<K, VA>, initializer: () => VA | null, aggregator: (key: K, value: V, aggregate: VA | null) => VA | null): KTable<Windowed<K>, VA> {
    const b = this.builder;
    const w = this.windows;
    const storeBuilder = windowStoreBuilder(r, w, this.strategy.type === 'ON_WINDOW_CLOSE');
    const parent = this.grouping.aggregationParent(r.storeName);
    const supplier =
      w instanceof SlidingWindows
        ? new SlidingAggregateSupplier<K, V, VA>(w, r.storeName, this.strategy, initializer, aggregator)
        : new WindowAggregateSupplier<K, V, VA>(w, r.storeName, this.strategy, initializer, aggregator);
    b.topology.addProcessor(name, () => supplier.get() as never, parent);
    b.topology.addStateStore(storeBuilder as never, name);
    const keySerde = timeWindowedKeySerde(r.keySerde, w instanceof SlidingWindows ? w.timeDifferenceMs() : w.size());
    return new KTable<Windowed<K>, VA>(b, name, keySerde, r.valueSerde, supplier as never, r.queryableStoreName);
  }
}
