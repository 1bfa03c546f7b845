/**
 * KTable's joins with another KTable on the primary key: join, leftJoin, outerJoin (Java's
 * KTableImpl.doJoin). Declared onto KTable here (a module augmentation plus the prototype) to keep
 * ktable.ts about single-table operations; loaded with the package (streams-builder.ts).
 *
 * Names as Java's: KTABLE-JOINTHIS-/-JOINOTHER- processors (`<name>-join-this`/`-join-other`
 * when named) feeding KTABLE-MERGE-; a Materialized keeps the result in a store
 * (KTABLE-MERGE-STATE-STORE-… when unnamed). Each side reads the other's store, so source tables
 * get one.
 */
import { topologyError } from '../errors.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { KTable } from './ktable.ts';
import { Materialized, resolveMaterialized } from './materialized.ts';
import { type Named, nameOf } from './options.ts';
import { addMaterializedStore } from './store-materializer.ts';
import { addForeignKeyJoin } from './foreign-key-join.ts';
import { sourceTable } from './kstream-stateful.ts';
import { KTableKTableJoinMergerSupplier, KTableKTableJoinSupplier, type TableJoinKind } from './table-table-join.ts';
import { valueGetterSupplier } from './table-value-getter.ts';

declare module './ktable.ts' {
  interface KTable<K, V> {
    /** Rows whose key is in both tables, joined; updated as either side changes. */
    join<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
    /**
     * Foreign-key join: each row with the other table's row whose key `foreignKeyExtractor` picks
     * from the row (rows without a match are left out). Both tables need their serdes known.
     */
    join<KO, VO, VR>(other: KTable<KO, VO>, foreignKeyExtractor: (value: V, key: K) => KO, joiner: (value: V, otherValue: VO) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
    /** Every row of this table, joined with the other's row or null. */
    leftJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO | null) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
    /** Foreign-key left join: every row, with the other table's row its foreign key picks, or null. */
    leftJoin<KO, VO, VR>(other: KTable<KO, VO>, foreignKeyExtractor: (value: V, key: K) => KO, joiner: (value: V, otherValue: VO | null) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
    /** Every row of either table, joined with the other's row or null. */
    outerJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V | null, otherValue: VO | null) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR>;
  }
}

/** The table's builder: private to KTable, whose file holds single-table operations only; the joins here add to the same builder. */
function builderOf(table: KTable<unknown, unknown>): BuilderInternals {
  return (table as unknown as { builder: BuilderInternals }).builder;
}

function tableJoin<K, V, VO, VR>(self: KTable<K, V>, other: KTable<K, VO>, joiner: unknown, a: Named | Materialized<K, VR> | undefined, m: Materialized<K, VR> | undefined, leftOuter: boolean, rightOuter: boolean): KTable<K, VR> {
  if (!(other instanceof KTable)) throw topologyError('a KTable joins another KTable (a stream joins a table with KStream.join)');
  if (builderOf(other as never) !== builderOf(self as never)) throw topologyError('join() needs a table of the same StreamsBuilder');
  if (typeof joiner !== 'function') throw topologyError(`the ValueJoiner must be a function (value, otherValue) => joined, got ${joiner === null ? 'null' : typeof joiner}`);
  const b = builderOf(self as never);
  const named = a instanceof Materialized ? undefined : nameOf(a);
  const materialized = a instanceof Materialized ? a : m;
  // Java names the store (taking an index) before the processors.
  const r = materialized === undefined ? undefined : resolveMaterialized<K, VR>(materialized, b.newStoreName, 'KTABLE-MERGE-', { keySerde: self.keySerde });
  const mergeName = b.newName('KTABLE-MERGE-', named);
  if (leftOuter) self.enableSendingOldValues(true);
  if (rightOuter) other.enableSendingOldValues(true);
  const thisKind: TableJoinKind = !leftOuter ? 'inner' : !rightOuter ? 'left' : 'outer';
  const otherKind: TableJoinKind = !leftOuter ? 'inner' : !rightOuter ? 'right' : 'outer';
  const j = joiner as (v: V | null, vo: VO | null) => VR;
  const thisGetter = valueGetterSupplier<K, V>(self.supplier as never);
  const otherGetter = valueGetterSupplier<K, VO>(other.supplier as never);
  const joinThis = new KTableKTableJoinSupplier<K, V, VO, VR>(thisKind, self, other, otherGetter, j);
  const joinOther = new KTableKTableJoinSupplier<K, VO, V, VR>(otherKind, other, self, thisGetter, (vo, v) => j(v, vo));
  const joinThisName = b.newName('KTABLE-JOINTHIS-', named === undefined ? undefined : `${named}-join-this`);
  const joinOtherName = b.newName('KTABLE-JOINOTHER-', named === undefined ? undefined : `${named}-join-other`);
  const merger = new KTableKTableJoinMergerSupplier<K, VR>([joinThis, joinOther], r === undefined ? null : r.storeName);
  const t = b.topology;
  t.addProcessor(joinThisName, () => joinThis.get() as never, self.nodeName);
  t.addProcessor(joinOtherName, () => joinOther.get() as never, other.nodeName);
  t.addProcessor(mergeName, () => merger.get() as never, joinThisName, joinOtherName);
  t.connectProcessorAndStateStores(joinThisName, ...otherGetter.storeNames);
  t.connectProcessorAndStateStores(joinOtherName, ...thisGetter.storeNames);
  t.copartition([self.nodeName, other.nodeName]);
  if (r !== undefined) addMaterializedStore(b, r, mergeName);
  return new KTable<K, VR>(b, mergeName, r?.keySerde ?? self.keySerde, r?.valueSerde, merger as unknown as KTable<K, VR>['supplier'], r?.queryableStoreName ?? null);
}

KTable.prototype.join = function join<K, V>(this: KTable<K, V>, other: KTable<unknown, unknown>, a: unknown, b?: unknown, c?: unknown, d?: unknown) {
  if (typeof b === 'function') return foreignKeyJoin(this, other, a, b, c as never, d as never, false);
  return tableJoin(this, other as KTable<K, unknown>, a, b as never, c as never, false, false);
} as never;

KTable.prototype.leftJoin = function leftJoin<K, V>(this: KTable<K, V>, other: KTable<unknown, unknown>, a: unknown, b?: unknown, c?: unknown, d?: unknown) {
  if (typeof b === 'function') return foreignKeyJoin(this, other, a, b, c as never, d as never, true);
  return tableJoin(this, other as KTable<K, unknown>, a, b as never, c as never, true, false);
} as never;

function foreignKeyJoin<K, V, KO, VO, VR>(self: KTable<K, V>, other: KTable<KO, VO>, extractor: unknown, joiner: unknown, a: Named | Materialized<K, VR> | undefined, m: Materialized<K, VR> | undefined, leftJoin: boolean): KTable<K, VR> {
  if (!(other instanceof KTable)) throw topologyError('a foreign-key join joins another KTable');
  if (builderOf(other as never) !== builderOf(self as never)) throw topologyError('join() needs a table of the same StreamsBuilder');
  if (typeof extractor !== 'function') throw topologyError('the foreign key extractor must be a function (value, key) => foreign key');
  const b = builderOf(self as never);
  const named = a instanceof Materialized ? undefined : nameOf(a);
  const materialized = a instanceof Materialized ? a : m;
  // Old values of both tables: a row whose foreign key changed unsubscribes from the old one, and
  // an unchanged right row sends nothing (Java asks for them first, as here).
  other.enableSendingOldValues(true);
  self.enableSendingOldValues(true);
  const resolver = addForeignKeyJoin<K, V, KO, VO, VR>(b, {
    thisNode: self.nodeName,
    otherNode: other.nodeName,
    thisGetter: valueGetterSupplier<K, V>(self.supplier as never),
    otherGetter: valueGetterSupplier<KO, VO>(other.supplier as never),
    extractor: extractor as (value: V, key: K) => KO,
    joiner: joiner as (value: V | null, otherValue: VO | null) => VR,
    leftJoin,
    name: named,
    keySerde: self.keySerde,
    valueSerde: self.valueSerde,
    foreignKeySerde: other.keySerde,
    foreignValueSerde: other.valueSerde,
  });
  const resultName = b.newName('KTABLE-FK-JOIN-OUTPUT-', named === undefined ? undefined : `${named}-result`);
  const r = resolveMaterialized<K, VR>(materialized, b.newStoreName, 'KTABLE-FK-JOIN-OUTPUT-', { keySerde: self.keySerde });
  return sourceTable<K, VR>(b, resolver, resultName, r);
}

KTable.prototype.outerJoin = function outerJoin<K, V, VO, VR>(this: KTable<K, V>, other: KTable<K, VO>, joiner: (v: V | null, vo: VO | null) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR> {
  return tableJoin(this, other, joiner, named, materialized, true, true);
};

