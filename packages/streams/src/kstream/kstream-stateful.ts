/**
 * KStream's stateful operators: groupByKey, groupBy and toTable. They return groupings and tables,
 * and tables return streams (toStream), so defining these in kstream.ts would make kstream.ts and
 * ktable.ts import each other; they are declared onto KStream here instead (a module augmentation
 * plus the prototype), and this module is loaded with the package (index.ts, streams-builder.ts).
 */
import { topologyError } from '../errors.ts';
import type { Serde } from '../serdes.ts';
import type { BuilderInternals } from './builder-internals.ts';
import type { Grouped } from './grouped.ts';
import { type KGroupedStream, groupedStream } from './kgrouped-stream.ts';
import { KStream } from './kstream.ts';
import { KTable } from './ktable.ts';
import { Materialized, type ResolvedMaterialized, resolveMaterialized } from './materialized.ts';
import { type Named, nameOf } from './options.ts';
import { addRepartition, repartitionNames } from './repartition.ts';
import { addMaterializedStore } from './store-materializer.ts';
import { KTableSourceSupplier } from './table-processors.ts';
import { operators } from './operators.ts';

declare module './kstream.ts' {
  interface KStream<K, V> {
    /**
     * Groups the records by their key for count, reduce or aggregate. If the key changed upstream
     * (selectKey, map, flatMap, process), the records first go through a repartition topic.
     */
    groupByKey(grouped?: Grouped<K, V>): KGroupedStream<K, V>;
    /** Groups the records by a new key computed from key and value (always through a repartition topic). */
    groupBy<KR>(keySelector: (key: K, value: V) => KR, grouped?: Grouped<KR, V>): KGroupedStream<KR, V>;
    /**
     * The stream read as a table: each record replaces the row of its key, a null value deletes
     * it. Repartitions first if the key changed upstream.
     */
    toTable(named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V>;
  }
}

KStream.prototype.groupByKey = function groupByKey<K, V>(this: KStream<K, V>, grouped: Grouped<K, V> = {}): KGroupedStream<K, V> {
  return groupedStream<K, V>(this.builder, this.nodeName, grouped, { keySerde: this.keySerde, valueSerde: this.valueSerde }, this.repartitionRequired);
};

KStream.prototype.groupBy = function groupBy<K, V, KR>(this: KStream<K, V>, keySelector: (key: K, value: V) => KR, grouped: Grouped<KR, V> = {}): KGroupedStream<KR, V> {
  if (typeof keySelector !== 'function') throw topologyError(`the groupBy key selector must be a function, got ${keySelector === null ? 'null' : typeof keySelector}`);
  const b = this.builder;
  // Java names the key-selecting processor after the Grouped name, when there is one.
  const selectName = b.newName('KSTREAM-KEY-SELECT-', grouped.name === undefined ? undefined : nameOf(grouped.name));
  b.topology.addProcessor(selectName, operators.selectKey(keySelector as (k: unknown, v: unknown) => unknown) as never, this.nodeName);
  return groupedStream<KR, V>(b, selectName, grouped, { valueSerde: this.valueSerde }, true);
};

KStream.prototype.toTable = function toTable<K, V>(this: KStream<K, V>, named?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
  const b = this.builder;
  const m = named instanceof Materialized ? named : materialized;
  const n = named instanceof Materialized ? undefined : nameOf(named);
  const name = b.newName('KSTREAM-TOTABLE-', n);
  const r = resolveMaterialized(m, b.newStoreName, 'KSTREAM-TOTABLE-', { keySerde: this.keySerde as Serde<K> | undefined, valueSerde: this.valueSerde as Serde<V> | undefined });
  let parent = this.nodeName;
  if (this.repartitionRequired) {
    const nodes = repartitionNames(b, name);
    addRepartition<K, V>(b, this.nodeName, nodes, { keySerde: r.keySerde, valueSerde: r.valueSerde });
    parent = nodes.sourceName;
  }
  return sourceTable(b, parent, name, r);
};

/** @internal A source table (StreamsBuilder.table(), toTable()) below `sourceName`, its store connected when it is materialized. */
export function sourceTable<K, V>(b: BuilderInternals, sourceName: string, tableName: string, r: ResolvedMaterialized<K, V>): KTable<K, V> {
  const supplier = new KTableSourceSupplier<K, V>(r.storeName, r.queryableStoreName, () => addMaterializedStore(b, r, tableName));
  b.topology.addProcessor(tableName, () => supplier.get() as never, sourceName);
  if (supplier.materialized()) addMaterializedStore(b, r, tableName);
  return new KTable<K, V>(b, tableName, r.keySerde, r.valueSerde, supplier as never, r.queryableStoreName);
}

