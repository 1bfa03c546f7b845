/**
 * KTable and KGroupedTable: a changelog stream seen as a table, one row per key (update
 * semantics: a record replaces the row of its key, a null value deletes it). Table operators pass
 * `Change`s (new and, where needed, old rows) between them; `toStream()` turns the changes back
 * into records. `groupBy` regroups rows under new keys through a repartition topic, and the
 * grouped table's count/reduce/aggregate subtract a row's old value from its old group before
 * adding the new value to its new group.
 *
 * Names follow Java's: KTABLE-FILTER-, KTABLE-MAPVALUES-, KTABLE-TOSTREAM-, KTABLE-SELECT-,
 * KTABLE-AGGREGATE-/KTABLE-REDUCE- with KTABLE-AGGREGATE-STATE-STORE- stores, and the same index
 * taken at the same point, so describe() reads as Java's does.
 */
import { topologyError } from '../errors.ts';
import type { KeyValue } from '../record.ts';
import { Serdes, type Serde } from '../serdes.ts';
import type { Change } from '../state/api.ts';
import { tableAggregate, tableReduce } from './aggregate-processors.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { changedSerde } from './changed-serde.ts';
import type { Grouped } from './grouped.ts';
import { KStream } from './kstream.ts';
import { Materialized, type ResolvedMaterialized, resolveMaterialized } from './materialized.ts';
import { type Named, nameOf } from './options.ts';
import { addMaterializedStore } from './store-materializer.ts';
import type { Suppressed } from './suppressed.ts';
import { addSuppression } from './table-suppress.ts';
import { KTableFilterSupplier, KTableMapValuesSupplier, type TableProcessorSupplier, repartitionMapSupplier, toStreamSupplier } from './table-processors.ts';

type AnySupplier = TableProcessorSupplier<unknown, unknown, unknown, unknown>;

function requireFunction(f: unknown, what: string): void {
  if (typeof f !== 'function') throw topologyError(`${what} must be a function, got ${f === null ? 'null' : typeof f}`);
}

/** The (Named | Materialized)?, Materialized? argument pair of Java's table operators. */
function namedAndMaterialized<K, V>(a: Named | Materialized<K, V> | undefined, b: Materialized<K, V> | undefined): { named: string | undefined; materialized: Materialized<K, V> | undefined } {
  if (a instanceof Materialized) return { named: undefined, materialized: a };
  return { named: nameOf(a), materialized: b };
}

export class KTable<K, V> {
  private readonly builder: BuilderInternals;
  /** The node whose changes this table is. */
  readonly nodeName: string;
  readonly keySerde: Serde<K> | undefined;
  readonly valueSerde: Serde<V> | undefined;
  /** @internal How this table's rows are made: asked to send old values when an operator downstream needs them. */
  readonly supplier: TableProcessorSupplier<unknown, unknown, K, Change<V>>;
  private readonly queryableName: string | null;

  /** @internal */
  constructor(
    builder: BuilderInternals,
    nodeName: string,
    keySerde: Serde<K> | undefined,
    valueSerde: Serde<V> | undefined,
    supplier: TableProcessorSupplier<unknown, unknown, K, Change<V>>,
    queryableName: string | null,
  ) {
    this.builder = builder;
    this.nodeName = nodeName;
    this.keySerde = keySerde;
    this.valueSerde = valueSerde;
    this.supplier = supplier;
    this.queryableName = queryableName;
  }

  /** The name of the store to query this table by (`KafkaStreams.store(name)`), or null when it has none by name. */
  queryableStoreName(): string | null {
    return this.queryableName;
  }

  /** Rows for which `predicate` holds; others become deletes. Materialize by name to query the result. */
  filter(predicate: (key: K, value: V) => boolean, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    requireFunction(predicate, 'the filter predicate');
    return this.doFilter(predicate, false, named, materialized);
  }

  /** Rows for which `predicate` does not hold. */
  filterNot(predicate: (key: K, value: V) => boolean, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    requireFunction(predicate, 'the filterNot predicate');
    return this.doFilter(predicate, true, named, materialized);
  }

  private doFilter(predicate: (key: K, value: V) => boolean, filterNot: boolean, a: Named | Materialized<K, V> | undefined, b: Materialized<K, V> | undefined): KTable<K, V> {
    const { named, materialized } = namedAndMaterialized(a, b);
    // Java takes a store name's index before the processor's even when it will not materialize.
    if (materialized && materialized.storeName === undefined) this.builder.newStoreName('KTABLE-FILTER-');
    const queryable = materialized?.storeName ?? null;
    const name = this.builder.newName('KTABLE-FILTER-', named);
    const supplier = new KTableFilterSupplier<K, V>(this.supplier, predicate, filterNot, queryable);
    this.builder.topology.addProcessor(name, () => supplier.get() as never, this.nodeName);
    const keySerde = materialized?.keySerde ?? this.keySerde;
    const valueSerde = materialized?.valueSerde ?? this.valueSerde;
    if (queryable !== null) addMaterializedStore(this.builder, resolved(materialized!, queryable, keySerde, valueSerde), name);
    return new KTable<K, V>(this.builder, name, keySerde, valueSerde, supplier as never, queryable);
  }

  /** A new value per row (the key is the optional second argument); deletes stay deletes. */
  mapValues<VR>(mapper: (value: V, key: K) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR> {
    requireFunction(mapper, 'the mapValues mapper');
    const { named: n, materialized: m } = namedAndMaterialized(named, materialized);
    if (m && m.storeName === undefined) this.builder.newStoreName('KTABLE-MAPVALUES-');
    const queryable = m?.storeName ?? null;
    const name = this.builder.newName('KTABLE-MAPVALUES-', n);
    const supplier = new KTableMapValuesSupplier<K, V, VR>(this.supplier, mapper, queryable);
    this.builder.topology.addProcessor(name, () => supplier.get() as never, this.nodeName);
    const keySerde = m?.keySerde ?? this.keySerde;
    const valueSerde = m?.valueSerde;
    if (queryable !== null) addMaterializedStore(this.builder, resolved(m!, queryable, keySerde, valueSerde), name);
    return new KTable<K, VR>(this.builder, name, keySerde, valueSerde, supplier as never, queryable);
  }

  /**
   * Holds updates back: `Suppressed.untilWindowCloses(BufferConfig.unbounded())` emits one final
   * result per window of a windowed table; `Suppressed.untilTimeLimit(ms, bufferConfig)` the latest
   * update of a key once stream time is `ms` past it.
   */
  suppress(suppressed: Suppressed): KTable<K, V> {
    const { name, supplier } = addSuppression<K, V>(this.builder, this.nodeName, this.supplier as never, suppressed, { keySerde: this.keySerde, valueSerde: this.valueSerde });
    return new KTable<K, V>(this.builder, name, this.keySerde, this.valueSerde, supplier as never, null);
  }

  /**
   * The table's changes as a stream: a record per update, with a null value for a delete; with a
   * key mapper, re-keyed as `toStream().selectKey(mapper)` (Java's overload).
   */
  toStream<KR>(keyMapper: (key: K, value: V) => KR, named?: Named): KStream<KR, V>;
  toStream(named?: Named): KStream<K, V>;
  toStream<KR>(mapperOrNamed?: Named | ((key: K, value: V) => KR), named?: Named): KStream<K, V> | KStream<KR, V> {
    if (typeof mapperOrNamed === 'function') return this.toStream(named).selectKey(mapperOrNamed as (key: K, value: V) => KR);
    const name = this.builder.newName('KTABLE-TOSTREAM-', nameOf(mapperOrNamed));
    this.builder.topology.addProcessor(name, toStreamSupplier<K, V>() as never, this.nodeName);
    return new KStream<K, V>(this.builder, name, this.keySerde, this.valueSerde, false);
  }

  /**
   * Regroups the rows by a new key (and value) for count, reduce or aggregate; the rows travel
   * through `<application.id>-<name>-repartition`. This table must send old values for it, so a
   * source table gets a store.
   */
  groupBy<KR, VR>(selector: (key: K, value: V) => KeyValue<KR, VR>, grouped: Grouped<KR, VR> = {}): KGroupedTable<KR, VR> {
    requireFunction(selector, 'the groupBy selector');
    const selectName = this.builder.newName('KTABLE-SELECT-', nameOf(grouped.name));
    this.builder.topology.addProcessor(selectName, repartitionMapSupplier(selector) as never, this.nodeName);
    this.enableSendingOldValues(true);
    return new KGroupedTable<KR, VR>(this.builder, selectName, grouped);
  }

  /** @internal */
  enableSendingOldValues(forceMaterialization: boolean): boolean {
    return this.supplier.enableSendingOldValues(forceMaterialization);
  }
}

function resolved<K, V>(m: Materialized<K, V>, storeName: string, keySerde: Serde<K> | undefined, valueSerde: Serde<V> | undefined): ResolvedMaterialized<K, V> {
  return { materialized: m, storeName, queryableStoreName: m.storeName ?? null, keySerde, valueSerde };
}

export class KGroupedTable<K, V> {
  private repartition: { sourceName: string } | undefined;

  private readonly builder: BuilderInternals;
  private readonly selectName: string;
  private readonly grouped: Grouped<K, V>;

  /** @internal */
  constructor(builder: BuilderInternals, selectName: string, grouped: Grouped<K, V>) {
    this.builder = builder;
    this.selectName = selectName;
    this.grouped = grouped;
  }

  /** Rows per group key; a row that leaves a group is subtracted from it. */
  count(named?: Named | Materialized<K, bigint>, materialized?: Materialized<K, bigint>): KTable<K, bigint> {
    const { named: n, materialized: m } = namedAndMaterialized(named, materialized);
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KTABLE-AGGREGATE-', { keySerde: this.grouped.keySerde, valueSerde: Serdes.Int64() });
    const supplier = tableAggregate<K, V, bigint>(r.storeName, () => 0n, (_k, _v, agg) => agg + 1n, (_k, _v, agg) => agg - 1n);
    return this.doAggregate(supplier as never, n, 'KTABLE-AGGREGATE-', r);
  }

  /** Combines the values of a group with `adder`; `subtractor` takes a row's old value out of its old group. */
  reduce(adder: (aggregate: V, value: V) => V, subtractor: (aggregate: V, value: V) => V, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    requireFunction(adder, 'the reduce adder');
    requireFunction(subtractor, 'the reduce subtractor');
    const { named: n, materialized: m } = namedAndMaterialized(named, materialized);
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KTABLE-AGGREGATE-', { keySerde: this.grouped.keySerde, valueSerde: this.grouped.valueSerde });
    return this.doAggregate(tableReduce<K, V>(r.storeName, adder, subtractor) as never, n, 'KTABLE-REDUCE-', r);
  }

  /** Folds the values of a group, starting from `initializer()`; `subtractor` takes a row's old value out. */
  aggregate<VA>(
    initializer: () => VA,
    adder: (key: K, value: V, aggregate: VA) => VA,
    subtractor: (key: K, value: V, aggregate: VA) => VA,
    named?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    requireFunction(initializer, 'the aggregate initializer');
    requireFunction(adder, 'the aggregate adder');
    requireFunction(subtractor, 'the aggregate subtractor');
    const { named: n, materialized: m } = namedAndMaterialized(named, materialized);
    const r = resolveMaterialized(m, this.builder.newStoreName, 'KTABLE-AGGREGATE-', { keySerde: this.grouped.keySerde });
    return this.doAggregate(tableAggregate<K, V, VA>(r.storeName, initializer, adder, subtractor) as never, n, 'KTABLE-AGGREGATE-', r);
  }

  private doAggregate<VA>(supplier: AnySupplier & { get(): unknown }, named: string | undefined, prefix: string, r: ResolvedMaterialized<K, VA>): KTable<K, VA> {
    const b = this.builder;
    const sinkName = b.newName('KSTREAM-SINK-', named === undefined ? undefined : `${named}-sink`);
    const sourceName = b.newName('KSTREAM-SOURCE-', named === undefined ? undefined : `${named}-source`);
    const name = b.newName(prefix, named);
    // A grouping named by the user keeps one repartition topic for all its aggregations.
    if (!this.repartition || this.grouped.name === undefined) {
      const topic = `${this.grouped.name ?? r.storeName}-repartition`;
      const valueSerde = changedSerde<V>(this.grouped.valueSerde, topic);
      b.topology.addInternalTopic(topic);
      b.topology.addSink(sinkName, topic, { keySerializer: this.grouped.keySerde, valueSerializer: valueSerde }, this.selectName);
      b.topology.addSource(sourceName, topic, { keyDeserializer: this.grouped.keySerde, valueDeserializer: valueSerde });
      this.repartition = { sourceName };
    }
    b.topology.addProcessor(name, () => supplier.get() as never, this.repartition.sourceName);
    addMaterializedStore(b, r, name);
    return new KTable<K, VA>(b, name, r.keySerde, r.valueSerde, supplier as never, r.queryableStoreName);
  }
}
