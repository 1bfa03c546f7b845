/**
 * KStream's joins: with another KStream (windowed, `JoinWindows`), with a KTable, with a
 * GlobalKTable. Declared onto KStream here (a module augmentation plus the prototype), as
 * kstream-stateful.ts does, since the tables they take import kstream.ts. Loaded with the package
 * (index.ts, streams-builder.ts).
 *
 * A stream whose key changed upstream (selectKey, map, ...) goes through a repartition topic
 * first, named as Java names it, so that both sides of the join are partitioned by the join key.
 */
import { topologyError } from '../errors.ts';
import type { BuilderInternals } from './builder-internals.ts';
import { GlobalKTable } from './global-ktable.ts';
import type { JoinWindows } from './join-windows.ts';
import { type Joined, StreamJoined } from './joined.ts';
import { KStream } from './kstream.ts';
import { KTable } from './ktable.ts';
import { type Named, nameOf } from './options.ts';
import { addRepartition, repartitionNames } from './repartition.ts';
import { type ValueJoiner, addStreamStreamJoin, requireJoiner } from './stream-stream-join.ts';
import { streamTableJoinSupplier } from './stream-table-join.ts';
import { storeValueGetter, valueGetterSupplier } from './table-value-getter.ts';

type StreamOrTable<K, VO> = KStream<K, VO> | KTable<K, VO>;

declare module './kstream.ts' {
  interface KStream<K, V> {
    /**
     * Inner join. With a KStream: each pair of records with the same key at most the JoinWindows
     * apart. With a KTable: each record with the table's row for its key, if there is one.
     */
    join<VO, VR>(other: KStream<K, VO>, joiner: ValueJoiner<K, V, VO, VR>, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
    join<VO, VR>(table: KTable<K, VO>, joiner: ValueJoiner<K, V, VO, VR>, joined?: Joined<K, V, VO>): KStream<K, VR>;
    /** Each record with the global table's row for the key `keySelector` picks, if there is one. */
    join<KG, VG, VR>(globalTable: GlobalKTable<KG, VG>, keySelector: (key: K, value: V) => KG, joiner: ValueJoiner<K, V, VG, VR>, named?: Named): KStream<K, VR>;
    /** As join, and a record without a partner (once its window closed, for two streams) joined with null. */
    leftJoin<VO, VR>(other: KStream<K, VO>, joiner: ValueJoiner<K, V, VO | null, VR>, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
    leftJoin<VO, VR>(table: KTable<K, VO>, joiner: ValueJoiner<K, V, VO | null, VR>, joined?: Joined<K, V, VO>): KStream<K, VR>;
    leftJoin<KG, VG, VR>(globalTable: GlobalKTable<KG, VG>, keySelector: (key: K, value: V) => KG, joiner: ValueJoiner<K, V, VG | null, VR>, named?: Named): KStream<K, VR>;
    /** As leftJoin, and records of the other stream without a partner too (the left value null). */
    outerJoin<VO, VR>(other: KStream<K, VO>, joiner: ValueJoiner<K, V | null, VO | null, VR>, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
  }
}

function streamStreamJoin<K, V, VO, VR>(self: KStream<K, V>, other: KStream<K, VO>, joiner: unknown, windows: JoinWindows, streamJoined: StreamJoined<K, V, VO> | undefined, leftOuter: boolean, rightOuter: boolean): KStream<K, VR> {
  requireJoiner(joiner);
  if (!windows || typeof (windows as JoinWindows).size !== 'function') throw topologyError('a stream-stream join needs JoinWindows (JoinWindows.ofTimeDifferenceWithNoGrace(ms) or ofTimeDifferenceAndGrace(ms, graceMs))');
  if (other.builder !== self.builder) throw topologyError('join() needs a stream of the same StreamsBuilder');
  const b = self.builder;
  const j = (streamJoined ?? StreamJoined.with<K, V, VO>()).fields;
  // Serdes the options do not give come from the streams, as Java's StreamJoinedInternal takes them.
  const sj = StreamJoinedWithDefaults(streamJoined, self, other);
  let thisNode = self.nodeName;
  let otherNode = other.nodeName;
  if (self.repartitionRequired) thisNode = repartitionForJoin(b, thisNode, j.name === undefined ? self.nodeName : `${j.name}-left`, sj.fields.keySerde, sj.fields.valueSerde);
  if (other.repartitionRequired) otherNode = repartitionForJoin(b, otherNode, j.name === undefined ? other.nodeName : `${j.name}-right`, sj.fields.keySerde, sj.fields.otherValueSerde);
  const merge = addStreamStreamJoin<K, V, VO, VR>(b, { thisNode, otherNode, joiner: joiner as ValueJoiner<K, V, VO, VR>, windows, streamJoined: sj, leftOuter, rightOuter });
  b.topology.copartition([thisNode, otherNode]);
  return new KStream<K, VR>(b, merge, sj.fields.keySerde, undefined, false);
}

function StreamJoinedWithDefaults<K, V, VO>(given: StreamJoined<K, V, VO> | undefined, self: KStream<K, V>, other: KStream<K, VO>): StreamJoined<K, V, VO> {
  let sj = given ?? StreamJoined.with<K, V, VO>();
  if (sj.fields.keySerde === undefined && self.keySerde !== undefined) sj = sj.withKeySerde(self.keySerde);
  if (sj.fields.valueSerde === undefined && self.valueSerde !== undefined) sj = sj.withValueSerde(self.valueSerde);
  if (sj.fields.otherValueSerde === undefined && other.valueSerde !== undefined) sj = sj.withOtherValueSerde(other.valueSerde);
  return sj;
}

/** Java's repartitionForJoin: `<name>-repartition`, with the generated sink, filter and source names when the name is generated. */
function repartitionForJoin(b: BuilderInternals, parent: string, name: string, keySerde: unknown, valueSerde: unknown): string {
  const nodes = repartitionNames(b, name);
  addRepartition(b, parent, nodes, { keySerde: keySerde as never, valueSerde: valueSerde as never });
  return nodes.sourceName;
}

function streamTableJoin<K, V, VO, VR>(self: KStream<K, V>, table: KTable<K, VO>, joiner: unknown, joined: Joined<K, V, VO> = {}, leftJoin: boolean): KStream<K, VR> {
  requireJoiner(joiner);
  const b = self.builder;
  let parent = self.nodeName;
  if (self.repartitionRequired) parent = repartitionForJoin(b, parent, joined.name ?? self.nodeName, joined.keySerde ?? self.keySerde, joined.valueSerde ?? self.valueSerde);
  const getter = valueGetterSupplier<K, VO>(table.supplier as never);
  const name = b.newName(leftJoin ? 'KSTREAM-LEFTJOIN-' : 'KSTREAM-JOIN-', joined.name);
  const j = joiner as ValueJoiner<K, V, VO | null, VR>;
  b.topology.addProcessor(name, streamTableJoinSupplier<K, V, K, VO, VR>(getter, (k) => k, j, leftJoin) as never, parent);
  b.topology.connectProcessorAndStateStores(name, ...getter.storeNames);
  b.topology.copartition([parent, table.nodeName]);
  return new KStream<K, VR>(b, name, joined.keySerde ?? self.keySerde, undefined, false);
}

function globalTableJoin<K, V, KG, VG, VR>(self: KStream<K, V>, table: GlobalKTable<KG, VG>, keySelector: unknown, joiner: unknown, named: Named | undefined, leftJoin: boolean): KStream<K, VR> {
  if (typeof keySelector !== 'function') throw topologyError('a GlobalKTable join needs a KeyValueMapper (key, value) => table key as its second argument');
  requireJoiner(joiner);
  const b = self.builder;
  // Java takes the KSTREAM-LEFTJOIN- prefix for inner global table joins too.
  const name = b.newName('KSTREAM-LEFTJOIN-', nameOf(named));
  const getter = storeValueGetter<KG, VG>(table.storeName);
  b.topology.addProcessor(name, streamTableJoinSupplier<K, V, KG, VG, VR>(getter, keySelector as (k: K, v: V) => KG, joiner as ValueJoiner<K, V, VG | null, VR>, leftJoin) as never, self.nodeName);
  return new KStream<K, VR>(b, name, self.keySerde, undefined, self.repartitionRequired);
}

function dispatch<K, V>(self: KStream<K, V>, args: unknown[], leftOuter: boolean, what: string): KStream<K, unknown> {
  const [other, a, c, d] = args;
  if (other instanceof KStream) return streamStreamJoin(self, other as KStream<K, unknown>, a, c as JoinWindows, d as StreamJoined<K, V, unknown> | undefined, leftOuter, false);
  if (other instanceof KTable) return streamTableJoin(self, other as KTable<K, unknown>, a, c as Joined<K, V, unknown> | undefined, leftOuter);
  if (other instanceof GlobalKTable) return globalTableJoin(self, other, a, c, d as Named | undefined, leftOuter);
  throw topologyError(`${what}() needs a KStream, a KTable or a GlobalKTable to join with`);
}

KStream.prototype.join = function join<K, V>(this: KStream<K, V>, ...args: unknown[]) {
  return dispatch(this, args, false, 'join');
} as never;

KStream.prototype.leftJoin = function leftJoin<K, V>(this: KStream<K, V>, ...args: unknown[]) {
  return dispatch(this, args, true, 'leftJoin');
} as never;

KStream.prototype.outerJoin = function outerJoin<K, V, VO, VR>(this: KStream<K, V>, other: StreamOrTable<K, VO>, joiner: unknown, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR> {
  if (!(other instanceof KStream)) throw topologyError('outerJoin() joins two KStreams (a KTable outer join is KTable.outerJoin)');
  return streamStreamJoin<K, V, VO, VR>(this, other, joiner, windows, streamJoined, true, true);
};
