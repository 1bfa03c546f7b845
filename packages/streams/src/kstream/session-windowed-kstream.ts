/**
 * SessionWindowedKStream (Kafka Streams' SessionWindowedKStreamImpl): a grouped stream over
 * session windows, aggregated per key and session into a KTable keyed by `Windowed<K>` (the window
 * is the session: its first and last record's times). Names as Java's; the session store is kept
 * for the inactivity gap plus grace unless `Materialized.withRetention` says more, and its
 * changelog is compacted and deleted with retention + 1 day, as Java's windowed changelogs.
 */
import { topologyError } from '../errors.ts';
import { Serdes } from '../serdes.ts';
import type { SessionStore, StoreBuilder, Windowed } from '../state/api.ts';
import { Stores } from '../state/stores.ts';
import type { SessionBytesStoreSupplier } from '../state/window-session-builders.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { EmitStrategy } from './emit-strategy.ts';
import { KTable } from './ktable.ts';
import { Materialized, type ResolvedMaterialized, resolveMaterialized } from './materialized.ts';
import { type Named, nameOf } from './options.ts';
import { SessionAggregateSupplier } from './session-aggregate-processor.ts';
import { CHANGELOG_ADDITIONAL_RETENTION_MS, type WindowedGrouping } from './time-windowed-kstream.ts';
import { sessionWindowedKeySerde } from './windowed-serdes.ts';
import type { SessionWindows } from './windows.ts';

function requireFunction(f: unknown, what: string): void {
  if (typeof f !== 'function') throw topologyError(`${what} must be a function, got ${f === null ? 'null' : typeof f}`);
}

/** Java's SessionStoreMaterializer. */
function sessionStoreBuilder<K, V>(r: ResolvedMaterialized<K, V>, windows: SessionWindows, strategy: EmitStrategy): StoreBuilder<SessionStore<K, V>> {
  const m = r.materialized;
  const retention = m.retentionMs ?? windows.inactivityGap() + windows.gracePeriodMs();
  if (windows.inactivityGap() + windows.gracePeriodMs() > retention) {
    throw topologyError(
      `The retention period of the session store ${r.storeName} must be no smaller than the session inactivity gap plus the grace period. Got gap=[${windows.inactivityGap()}], grace=[${windows.gracePeriodMs()}], retention=[${retention}]`,
    );
  }
  const supplier =
    (m.storeSupplier as unknown as SessionBytesStoreSupplier | undefined) ??
    (m.storeType === 'in_memory' ? Stores.inMemorySessionStore(r.storeName, retention) : Stores.persistentSessionStore(r.storeName, retention));
  const builder = Stores.sessionStoreBuilder<K, V>(supplier, r.keySerde, r.valueSerde);
  if (m.loggingEnabled) {
    builder.withLoggingEnabled({ 'cleanup.policy': 'compact,delete', 'retention.ms': String(supplier.retentionPeriod() + CHANGELOG_ADDITIONAL_RETENTION_MS), ...m.topicConfig });
  } else builder.withLoggingDisabled();
  // onWindowClose reads closed sessions back from the store: no cache in front, as Java's.
  if (m.cachingEnabled && strategy.type !== 'ON_WINDOW_CLOSE') builder.withCachingEnabled();
  else builder.withCachingDisabled();
  return builder;
}

export class SessionWindowedKStream<K, V> {
  private readonly builder: BuilderInternals;
  private readonly grouping: WindowedGrouping<K, V>;
  private readonly windows: SessionWindows;

  /** @internal */
  constructor(builder: BuilderInternals, grouping: WindowedGrouping<K, V>, windows: SessionWindows) {
    this.builder = builder;
    this.grouping = grouping;
    this.windows = windows;
  }

  private strategy: EmitStrategy = EmitStrategy.onWindowUpdate();

  /**
   * `EmitStrategy.onWindowUpdate()` (the default: every update of a session goes downstream) or
   * `EmitStrategy.onWindowClose()`: each session once, when it closes (stream time past its end
   * plus gap and grace), read back from the store by end time; the store has no record cache then,
   * as Java's.
   */
  emitStrategy(strategy: EmitStrategy): this {
    if (strategy?.type !== 'ON_WINDOW_UPDATE' && strategy?.type !== 'ON_WINDOW_CLOSE') throw topologyError('emitStrategy() takes EmitStrategy.onWindowUpdate() or EmitStrategy.onWindowClose()');
    this.strategy = strategy;
    return this;
  }

  /** Records per key and session, as `bigint` counts. */
  count(named?: Named | Materialized<K, bigint>, materialized?: Materialized<K, bigint>): KTable<Windowed<K>, bigint> {
    const m = named instanceof Materialized ? named : materialized;
    // As Java's count(Materialized): one store name more when the Materialized names none.
    if (m !== undefined && m.storeName === undefined) this.builder.newStoreName('KSTREAM-AGGREGATE-');
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-AGGREGATE-', { keySerde: this.grouping.keySerde, valueSerde: Serdes.Int64() });
    const name = this.builder.newName('KSTREAM-AGGREGATE-', named instanceof Materialized ? undefined : nameOf(named));
    return this.build<bigint>(name, r, () => 0n, (_k, _v, agg) => (agg as bigint) + 1n, (_k, one, two) => (one as bigint) + two);
  }

  /** Combines the values of each session with `reducer`; merged sessions are reduced together. */
  reduce(reducer: (aggregate: V, value: V) => V, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    requireFunction(reducer, 'the reducer');
    const m = named instanceof Materialized ? named : materialized;
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-REDUCE-', { keySerde: this.grouping.keySerde, valueSerde: this.grouping.valueSerde });
    const name = this.builder.newName('KSTREAM-REDUCE-', named instanceof Materialized ? undefined : nameOf(named));
    const add = (agg: V | null, v: V): V => (agg === null ? v : reducer(agg, v));
    return this.build<V>(name, r, () => null, (_k, v, agg) => add(agg, v), (_k, one, two) => add(one, two));
  }

  /** Folds each session's values from `initializer()`; `merger(key, aggOne, aggTwo)` combines two sessions a record joins. */
  aggregate<VA>(
    initializer: () => VA,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    merger: (key: K, aggOne: VA, aggTwo: VA) => VA,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    requireFunction(initializer, 'the aggregate initializer');
    requireFunction(aggregator, 'the aggregator');
    requireFunction(merger, 'the session merger');
    const m = named instanceof Materialized ? named : materialized;
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-AGGREGATE-', { keySerde: this.grouping.keySerde });
    const name = this.builder.newName('KSTREAM-AGGREGATE-', named instanceof Materialized ? undefined : nameOf(named));
    return this.build<VA>(name, r, initializer, aggregator as never, merger as never);
  }

  private build<VA>(
    name: string,
    r: ResolvedMaterialized<K, VA>,
    initializer: () => VA | null,
    aggregator: (key: K, value: V, aggregate: VA | null) => VA | null,
    merger: (key: K, aggOne: VA | null, aggTwo: VA) => VA | null,
  ): KTable<Windowed<K>, VA> {
    const b = this.builder;
    const storeBuilder = sessionStoreBuilder(r, this.windows, this.strategy);
    const parent = this.grouping.aggregationParent(r.storeName);
    const supplier = new SessionAggregateSupplier<K, V, VA>(this.windows, r.storeName, this.strategy, initializer, aggregator, merger);
    b.topology.addProcessor(name, () => supplier.get() as never, parent);
    b.topology.addStateStore(storeBuilder as never, name);
    return new KTable<Windowed<K>, VA>(b, name, sessionWindowedKeySerde(r.keySerde), r.valueSerde, supplier as never, r.queryableStoreName);
  }
}
