/**
 * KGroupedStream: a stream grouped by key (`groupByKey`) or by a new key (`groupBy`), ready for
 * count, reduce or aggregate into a KTable. When the key changed upstream (selectKey, map, flatMap,
 * process, groupBy) the records first go through a repartition topic, named after the Grouped name
 * or else the store (`<application.id>-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition`), as
 * Java names it.
 */
import { topologyError } from '../errors.ts';
import { Serdes, type Serde } from '../serdes.ts';
import { type AggregateSupplier, streamAggregate, streamReduce } from './aggregate-processors.ts';
import type { BuilderInternals } from './builder-internals.ts';
import type { Grouped } from './grouped.ts';
import { KTable } from './ktable.ts';
import { Materialized, type ResolvedMaterialized, resolveMaterialized } from './materialized.ts';
import { type Named, nameOf } from './options.ts';
import { addRepartition, repartitionNames } from './repartition.ts';
import { addMaterializedStore } from './store-materializer.ts';
import { TimeWindowedKStream, type WindowedGrouping } from './time-windowed-kstream.ts';
import { SessionWindowedKStream } from './session-windowed-kstream.ts';
import { SessionWindows, SlidingWindows, TimeWindows } from './windows.ts';

function requireFunction(f: unknown, what: string): void {
  if (typeof f !== 'function') throw topologyError(`${what} must be a function, got ${f === null ? 'null' : typeof f}`);
}

export class KGroupedStream<K, V> implements WindowedGrouping<K, V> {
  /** The source of the repartition topic, once made; a grouping named by the user keeps one for all its aggregations. */
  private repartitionSource: string | undefined;

  private readonly builder: BuilderInternals;
  private readonly nodeName: string;
  readonly keySerde: Serde<K> | undefined;
  readonly valueSerde: Serde<V> | undefined;
  private readonly repartitionRequired: boolean;
  /** The Grouped name: the repartition topic's. */
  private readonly groupedName: string | undefined;

  /** @internal */
  constructor(
    builder: BuilderInternals,
    nodeName: string,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    repartitionRequired: boolean,
    groupedName: string | undefined,
  ) {
    this.builder = builder;
    this.nodeName = nodeName;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.repartitionRequired = repartitionRequired;
    this.groupedName = groupedName;
  }

  /** Records per key, as a table of `bigint` counts (Java's Long). */
  count(named?: Named | Materialized<K, bigint>, materialized?: Materialized<K, bigint>): KTable<K, bigint> {
    const m = named instanceof Materialized ? named : materialized;
    const n = named instanceof Materialized ? undefined : nameOf(named);
    // Java's count(Materialized) takes one store name more when the Materialized names none (kept for topology compatibility).
    if (m !== undefined && m.storeName === undefined) this.builder.newStoreName('KSTREAM-AGGREGATE-');
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-AGGREGATE-', { keySerde: this.keySerde, valueSerde: Serdes.Int64() });
    const name = this.builder.newName('KSTREAM-AGGREGATE-', n);
    return this.build(name, streamAggregate<K, V, bigint>(r.storeName, () => 0n, (_k, _v, agg) => agg + 1n), r);
  }

  /** Combines the values of each key with `reducer` (the first value of a key as it is). */
  reduce(reducer: (aggregate: V, value: V) => V, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    requireFunction(reducer, 'the reducer');
    const m = named instanceof Materialized ? named : materialized;
    const n = named instanceof Materialized ? undefined : nameOf(named);
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-REDUCE-', { keySerde: this.keySerde, valueSerde: this.valueSerde });
    const name = this.builder.newName('KSTREAM-REDUCE-', n);
    return this.build(name, streamReduce<K, V>(r.storeName, reducer), r);
  }

  /** Folds the values of each key into an aggregate, starting from `initializer()`. */
  aggregate<VA>(initializer: () => VA, aggregator: (key: K, value: V, aggregate: VA) => VA, named?: Named | Materialized<K, VA>, materialized?: Materialized<K, VA>): KTable<K, VA> {
    requireFunction(initializer, 'the aggregate initializer');
    requireFunction(aggregator, 'the aggregator');
    const m = named instanceof Materialized ? named : materialized;
    const n = named instanceof Materialized ? undefined : nameOf(named);
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KSTREAM-AGGREGATE-', { keySerde: this.keySerde });
    const name = this.builder.newName('KSTREAM-AGGREGATE-', n);
    return this.build(name, streamAggregate<K, V, VA>(r.storeName, initializer, aggregator), r);
  }

  /** Java's GroupedStreamAggregateBuilder.build: the repartition if needed, then the aggregating processor and its store. */
  private build<VA>(name: string, supplier: AggregateSupplier<K, V, VA>, r: ResolvedMaterialized<K, VA>): KTable<K, VA> {
    const parent = this.aggregationParent(r.storeName);
    this.builder.topology.addProcessor(name, () => supplier.get() as never, parent);
    addMaterializedStore(this.builder, r, name);
    return new KTable<K, VA>(this.builder, name, r.keySerde, r.valueSerde, supplier as never, r.queryableStoreName);
  }

  /**
   * @internal The node an aggregation reads from: this grouping's, or the source of its repartition
   * topic (named after the Grouped name, else after `storeName`), made here if needed.
   */
  aggregationParent(storeName: string): string {
    const b = this.builder;
    if (!this.repartitionRequired) return this.nodeName;
    const nodes = repartitionNames(b, this.groupedName ?? storeName);
    if (this.repartitionSource === undefined || this.groupedName === undefined) {
      addRepartition<K, V>(b, this.nodeName, nodes, { keySerde: this.keySerde, valueSerde: this.valueSerde });
      this.repartitionSource = nodes.sourceName;
    }
    return this.repartitionSource;
  }

  /**
   * Aggregations per window: `TimeWindows` (tumbling or hopping) give a TimeWindowedKStream,
   * `SlidingWindows` too (Java's SlidingWindowedKStream has the same methods), `SessionWindows` a
   * SessionWindowedKStream; count, reduce or aggregate then make a table keyed
   * by `Windowed<K>`.
   */
  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStream<K, V>;
  windowedBy(windows: SessionWindows): SessionWindowedKStream<K, V>;
  windowedBy(windows: TimeWindows | SlidingWindows | SessionWindows): TimeWindowedKStream<K, V> | SessionWindowedKStream<K, V> {
    if (windows instanceof TimeWindows || windows instanceof SlidingWindows) return new TimeWindowedKStream<K, V>(this.builder, this, windows);
    if (windows instanceof SessionWindows) return new SessionWindowedKStream<K, V>(this.builder, this, windows);
    throw topologyError('windowedBy() takes TimeWindows (TimeWindows.ofSizeWithNoGrace(ms), ofSizeAndGrace(ms, graceMs)), SlidingWindows (SlidingWindows.ofTimeDifferenceWithNoGrace(ms), ...) or SessionWindows (SessionWindows.ofInactivityGapWithNoGrace(ms), ...)');
  }
}

/** @internal How KStream makes a grouping (Grouped's serdes where given, else the stream's). */
export function groupedStream<K, V>(builder: BuilderInternals, nodeName: string, grouped: Grouped<K, V>, serdes: { keySerde?: Serde<K>; valueSerde?: Serde<V> }, repartitionRequired: boolean): KGroupedStream<K, V> {
  return new KGroupedStream<K, V>(builder, nodeName, grouped.keySerde ?? serdes.keySerde, grouped.valueSerde ?? serdes.valueSerde, repartitionRequired, grouped.name === undefined ? undefined : nameOf(grouped.name));
}
