// describe() of stateful topologies against Kafka Streams 4.3.1 itself: the Java class
// tests/streams/java/.../DescribeTopologies.java builds the same topologies with the same DSL calls
// and prints TopologyDescription.toString() of each; node names, store names, repartition topic
// names, sub-topology numbers (global stores included) and the order of nodes and arrows must
// match character for character. The text comes from the real library, run by this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { mavenProjectClasspath } from '@sluice/test-kit';
import {
  Consumed,
  Grouped,
  KeyValue,
  Materialized,
  Named,
  Repartitioned,
  Serdes,
  StreamsBuilder,
  Stores,
  Topology,
  type KGroupedStream,
  type KeyValueStore,
  type Processor,
  type ProcessorContext,
  type ValueAndTimestamp,
} from '@sluice/streams';

const exec = promisify(execFile);
const javaProject = fileURLToPath(new URL('./java', import.meta.url));

async function javaDescriptions(): Promise<string[]> {
  const cp = await mavenProjectClasspath(javaProject);
  const { stdout } = await exec('java', ['-cp', cp, 'dev.sluice.streams.DescribeTopologies'], { maxBuffer: 1 << 24, timeout: 300_000 });
  return stdout.split('----\n').filter((s) => s.length > 0);
}

/** Looks each record's value up in a global store (the stream side of a global table lookup). */
function lookup(store: string): () => Processor<string, string, string, string | null> {
  return () => {
    let context!: ProcessorContext<string, string | null>;
    let table!: KeyValueStore<string, ValueAndTimestamp<string>>;
    return {
      init(c) {
        context = c;
        table = c.getStateStore(store);
      },
      process(record) {
        context.forward(record.withValue(table.get(record.value)?.value ?? null));
      },
    };
  };
}

/** The TypeScript twins of DescribeTopologies.java, in the same order. */
function ours(): string[] {
  const out: string[] = [];
  const print = (b: StreamsBuilder) => out.push(b.build().describe().toString());

  // 1. count by key
  let b = new StreamsBuilder();
  b.stream('words', Consumed.with(Serdes.String(), Serdes.String())).groupByKey().count().toStream().to('counts');
  print(b);

  // 2. reduce and aggregate of one grouped stream
  b = new StreamsBuilder();
  const g: KGroupedStream<string, string> = b.stream<string, string>('in').groupByKey(Grouped.with(Serdes.String(), Serdes.String()));
  g.reduce((a, c) => a + c).toStream().to('reduced');
  g.aggregate(() => 0, (_k, v, agg) => agg + v.length, Materialized.as('lengths')).toStream().to('lengths-out');
  print(b);

  // 3. table filter / filterNot / mapValues, materialized or not
  b = new StreamsBuilder();
  b.table<string, string>('prices').filter((_k, v) => v.length > 1).mapValues((v) => v.length).toStream().to('price-lengths');
  b.table<string, string>('t2', Materialized.as('t2-store'))
    .filterNot(() => false, Materialized.as('t2-filtered'))
    .mapValues((v) => `${v}!`, Named.as('t2-map'), Materialized.with(Serdes.String(), Serdes.String()))
    .filter(() => true, Materialized.with(Serdes.String(), Serdes.String()))
    .toStream(Named.as('t2-stream'))
    .to('t2-out');
  print(b);

  // 4. table groupBy with count, reduce(adder, subtractor) and aggregate(initializer, adder, subtractor)
  b = new StreamsBuilder();
  b.table<string, string>('users').groupBy((k, v) => KeyValue.pair(v, k)).count().toStream().to('users-per-region');
  b.table<string, string>('items')
    .groupBy((_k, v) => KeyValue.pair(v, v), Grouped.as<string, string>('by-value'))
    .reduce((a, c) => a + c, (a) => a, Named.as('reduce-items'), Materialized.as('items-store'))
    .toStream()
    .to('items-out');
  b.table<string, string>('stock')
    .filter(() => true)
    .groupBy((k, v) => KeyValue.pair(v, k))
    .aggregate(() => 0, (_k, _v, a) => a + 1, (_k, _v, a) => a - 1)
    .toStream()
    .to('stock-out');
  print(b);

  // 5. key-changing operations followed by a stateful one: repartition topics
  b = new StreamsBuilder();
  const s = b.stream<string, string>('orders');
  s.selectKey((_k, v) => v).groupByKey().count().toStream().to('o1');
  s.groupBy((_k, v) => v, Grouped.as('by-sku')).aggregate(() => 0, (_k, _v, a) => a + 1, Named.as('stock'), Materialized.as('stock-store')).toStream().to('o2');
  s.map((k, v) => KeyValue.pair(v, k)).groupByKey().reduce((_a, c) => c, Materialized.as('latest')).toStream().to('o3');
  s.flatMap((k, v) => [KeyValue.pair(v, k)]).groupByKey().count(Materialized.with(Serdes.String(), Serdes.Int64())).toStream().to('o4');
  s.groupBy((_k, v) => v).count(Named.as('cnt')).toStream().to('o5');
  print(b);

  // 6. global table looked up from a stream through the processor API
  b = new StreamsBuilder();
  b.globalTable('catalogue', Materialized.as('catalogue-store'));
  b.stream<string, string>('clicks').process(lookup('catalogue-store')).to('enriched');
  b.globalTable('regions');
  print(b);

  // 7. repartition() and toTable()
  b = new StreamsBuilder();
  const r = b.stream<string, string>('events');
  r.repartition().groupByKey().count().toStream().to('r1');
  r.repartition({ ...Repartitioned.as<string, string>('by-three'), numberOfPartitions: 3 }).toTable().toStream().to('r2');
  r.selectKey((_k, v) => v).toTable(Named.as('latest-by-value'), Materialized.as('latest-store')).toStream().to('r3');
  r.toTable(Materialized.as('events-table')).groupBy((_k, v) => KeyValue.pair(v, v)).count().toStream().to('r4');
  print(b);

  // 8. a stream aggregation beside a global table declared first
  b = new StreamsBuilder();
  b.globalTable('settings', Consumed.as('settings-source'));
  b.stream<string, string>('payments').groupBy((_k, v) => v).aggregate(() => '', (_k, v, a) => a + v).toStream().to('per-card');
  print(b);

  // 9. a store added to the builder, used by a processor and a fixed-key processor
  b = new StreamsBuilder();
  b.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('seen'), Serdes.String(), Serdes.String()));
  b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore('totals'), Serdes.String(), Serdes.Int64()));
  b.stream<string, string>('visits')
    .process(lookup('seen'), undefined, 'seen', 'totals')
    .processValues(() => ({ process() {} }), Named.as('touch'), 'totals')
    .groupByKey()
    .count()
    .toStream()
    .to('visit-counts');
  print(b);

  // 10. the processor API: a store added to the topology, and a global store added second
  const t = new Topology();
  t.addSource('src', 'input');
  t.addProcessor('proc', lookup('kv'), 'src');
  t.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('kv'), Serdes.String(), Serdes.String()), 'proc');
  t.addSink('sink', 'output', {}, 'proc');
  t.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('g'), Serdes.String(), Serdes.String()), 'gsrc', 'gtopic', {}, 'gproc', () => ({ process() {} }));
  out.push(t.describe().toString());

  // 11. one named grouping aggregated twice (one repartition topic), a named table source,
  //     an unnamed toTable after selectKey, and count(Named, Materialized without a name)
  b = new StreamsBuilder();
  const byColour = b.stream<string, string>('paint').groupBy((_k, v) => v, Grouped.as<string, string>('by-colour'));
  byColour.count().toStream().to('colour-counts');
  byColour.reduce((_a, c) => c, Materialized.as('last-colour')).toStream().to('colour-last');
  const byOwner = b.table<string, string>('cars', Consumed.as('cars-table')).groupBy((k, v) => KeyValue.pair(v, k), Grouped.as<string, string>('by-owner'));
  byOwner.count().toStream().to('cars-per-owner');
  byOwner.reduce((a, c) => a + c, (a) => a).toStream().to('cars-joined');
  b.stream<string, string>('moves').selectKey((_k, v) => v).toTable().toStream().to('moved');
  b.stream<string, string>('hits').groupByKey().count(Named.as('hit-count'), Materialized.with(Serdes.String(), Serdes.Int64())).toStream().to('hits-out');
  print(b);
  return out;
}

test('describe() of stateful topologies (DSL and processor API) prints what Kafka Streams 4.3.1 prints for the same calls', { timeout: 600_000 }, async () => {
  const mine = ours();
  const java = await javaDescriptions();
  assert.equal(mine.length, java.length, `${java.length} topologies from Java, ${mine.length} from TypeScript`);
  for (let i = 0; i < java.length; i++) assert.equal(mine[i], java[i], `topology ${i + 1}`);
});
