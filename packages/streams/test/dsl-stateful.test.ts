// The stateful DSL through the TopologyTestDriver: grouped streams (count, reduce, aggregate),
// tables (filter, mapValues, toStream, toTable) and grouped tables (count, reduce and aggregate with
// a subtractor), repartition topics, and the table-aggregation repartition format. Expected
// outputs are Java's: the table-aggregation cases are Kafka Streams' own KTableAggregateTest
// scenarios with the outputs that test asserts; the others follow Java's processors (null keys
// and values skipped by stream aggregations, a row's timestamp the largest of its records', the
// old value subtracted before the new one is added).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Grouped,
  KeyValue,
  Materialized,
  Serdes,
  StreamsBuilder,
  TopologyTestDriver,
  Stores,
  type KTable,
  type ProcessorContext,
  type TimestampedKeyValueStore,
  type Serde,
} from '@sluice/streams';

const S = Serdes.String();

function driverFor(b: StreamsBuilder): TopologyTestDriver {
  return new TopologyTestDriver(b.build(), { defaultKeySerde: S, defaultValueSerde: S } as never, 0);
}

/** Pipes [key, value, timestamp] rows into `topic` and reads `out` as [key, value, timestamp] rows. */
function run<V>(b: StreamsBuilder, topic: string, rows: [string | null, string | null, number][], out = 'out', valueSerde: Serde<V> = S as unknown as Serde<V>, check?: (d: TopologyTestDriver) => void): [string, V | null, number][] {
  const d = driverFor(b);
  try {
    const input = d.createInputTopic(topic, S, S);
    for (const [k, v, ts] of rows) input.pipeInput(k as string, v as string, ts);
    const records = d.createOutputTopic(out, S, valueSerde).readRecordsToList();
    check?.(d);
    return records.map((r) => [r.key, r.value, r.timestamp]);
  } finally {
    d.close();
  }
}

test('KGroupedStream.count: one row per key, null keys and null values skipped, the row timestamp the largest seen', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().count(Materialized.as('counts')).toStream().to('out', { valueSerde: Serdes.Int64() });
  const got = run(b, 'in', [['a', 'x', 10], ['b', 'x', 5], [null, 'x', 11], ['a', null, 12], ['a', 'y', 8], ['a', 'z', 20]], 'out', Serdes.Int64(), (d) => {
    assert.equal(d.getKeyValueStore<string, bigint>('counts')!.get('a'), 3n);
    assert.equal(d.getTimestampedKeyValueStore<string, bigint>('counts')!.get('b')!.timestamp, 5);
  });
  assert.deepEqual(got, [['a', 1n, 10], ['b', 1n, 5], ['a', 2n, 10], ['a', 3n, 20]]);
});

test('KGroupedStream.reduce and aggregate: the first value as it is, then the reducer; the initializer once per key', () => {
  const b = new StreamsBuilder();
  const g = b.stream('in', { keySerde: S, valueSerde: S }).groupByKey();
  g.reduce((agg, v) => `${agg}+${v}`).toStream().to('reduced');
  g.aggregate(() => 'init', (k, v, agg) => `${agg}|${k}${v}`, Materialized.with<string, string>(S, S)).toStream().to('out');
  const d = driverFor(b);
  try {
    const input = d.createInputTopic('in', S, S);
    input.pipeInput('k', '1', 1);
    input.pipeInput('k', '2', 2);
    input.pipeInput('j', '3', 3);
    assert.deepEqual(d.createOutputTopic('reduced', S, S).readKeyValuesToList(), [KeyValue.pair('k', '1'), KeyValue.pair('k', '1+2'), KeyValue.pair('j', '3')]);
    assert.deepEqual(d.createOutputTopic('out', S, S).readValuesToList(), ['init|k1', 'init|k1|k2', 'init|j3']);
  } finally {
    d.close();
  }
});

test('a key-changing operation before groupByKey goes through the repartition topic <application.id>-<store>-repartition', () => {
  const b = new StreamsBuilder();
  b.stream('in', { keySerde: S, valueSerde: S }).selectKey((_k, v) => v.split(':')[0]).groupByKey().count().toStream().to('out', { valueSerde: Serdes.Int64() });
  const d = driverFor(b);
  try {
    const input = d.createInputTopic('in', S, S);
    input.pipeInput('x', 'red:1', 1);
    input.pipeInput('y', 'red:2', 2);
    input.pipeInput('z', 'blue:3', 3);
    assert.deepEqual(d.createOutputTopic('out', S, Serdes.Int64()).readKeyValuesToList(), [KeyValue.pair('red', 1n), KeyValue.pair('red', 2n), KeyValue.pair('blue', 1n)]);
    assert.ok(d.producedTopicNames().includes('test-driver-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition'), d.producedTopicNames().join(', '));
    assert.ok(d.producedTopicNames().includes('test-driver-KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog'));
  } finally {
    d.close();
  }
});

test('KStream.groupBy with a Grouped name: topic <name>-repartition; toTable after selectKey repartitions too', () => {
  const b = new StreamsBuilder();
  const s = b.stream('in', { keySerde: S, valueSerde: S });
  s.groupBy((_k, v) => v, Grouped.as('by-value')).count().toStream().to('out', { valueSerde: Serdes.Int64() });
  s.selectKey((k) => k.toUpperCase()).toTable(Materialized.as('upper')).toStream().to('upper-out');
  const d = driverFor(b);
  try {
    const input = d.createInputTopic('in', S, S);
    input.pipeInput('a', 'v', 1);
    input.pipeInput('b', 'v', 2);
    input.pipeInput('a', null as unknown as string, 3);
    assert.deepEqual(d.createOutputTopic('out', S, Serdes.Int64()).readKeyValuesToList(), [KeyValue.pair('v', 1n), KeyValue.pair('v', 2n)]);
    assert.deepEqual(d.createOutputTopic('upper-out', S, S).readKeyValuesToList(), [KeyValue.pair('A', 'v'), KeyValue.pair('B', 'v'), KeyValue.pair('A', null)]);
    assert.equal(d.getKeyValueStore('upper')!.get('A'), null);
    assert.ok(d.producedTopicNames().includes('test-driver-by-value-repartition'));
  } finally {
    d.close();
  }
});

test('KTable filter and mapValues: an unmaterialized source sends a tombstone for a row the filter drops; a materialized one only real changes', () => {
  const plain = new StreamsBuilder();
  plain.table<string, string>('t', { keySerde: S, valueSerde: S }).filter((_k, v) => v.length > 1).mapValues((v) => v.toUpperCase()).toStream().to('out');
  assert.deepEqual(run(plain, 't', [['a', 'xx', 1], ['b', 'y', 2], ['a', 'z', 3], ['c', null, 4]]), [['a', 'XX', 1], ['b', null, 2], ['a', null, 3], ['c', null, 4]]);

  // With a store the source sends old values, and the filter drops changes that change nothing it shows.
  const stored = new StreamsBuilder();
  stored.table<string, string>('t', { keySerde: S, valueSerde: S }, Materialized.as('t-store')).filter((_k, v) => v.length > 1).toStream().to('out');
  assert.deepEqual(run(stored, 't', [['a', 'xx', 1], ['b', 'y', 2], ['a', 'z', 3], ['c', null, 4]]), [['a', 'xx', 1], ['a', null, 3]]);
});

// Kafka Streams' KTableAggregateTest.testAggBasic: a noop groupBy, then aggregate with adder and subtractor.
test('KGroupedTable.aggregate: the old value is subtracted before the new one is added (Java testAggBasic)', () => {
  const b = new StreamsBuilder();
  b.table<string, string>('topic1', { keySerde: S, valueSerde: S })
    .groupBy((k, v) => KeyValue.pair(k, v), Grouped.with(S, S))
    .aggregate(() => '0', (_k, v, agg) => `${agg}+${v}`, (_k, v, agg) => `${agg}-${v}`, Materialized.as<string, string>('topic1-Canonized').withValueSerde(S))
    .toStream()
    .to('out');
  const rows: [string, string, number][] = [['A', '1', 10], ['B', '2', 15], ['A', '3', 20], ['B', '4', 18], ['C', '5', 5], ['D', '6', 25], ['B', '7', 15], ['C', '8', 10]];
  assert.deepEqual(run(b, 'topic1', rows), [
    ['A', '0+1', 10],
    ['B', '0+2', 15],
    ['A', '0+1-1+3', 20],
    ['B', '0+2-2+4', 18],
    ['C', '0+5', 5],
    ['D', '0+6', 25],
    ['B', '0+2-2+4-4+7', 18],
    ['C', '0+5-5+8', 10],
  ]);
});

// KTableAggregateTest.testAggRepartition: a selector returning a null key, or null, skips the row; a tombstone subtracts.
test('KGroupedTable.aggregate: tombstones subtract, null keys and null selections are skipped (Java testAggRepartition)', () => {
  const b = new StreamsBuilder();
  b.table<string, string>('topic1', { keySerde: S, valueSerde: S })
    .groupBy((k, v) => (k === 'null' ? KeyValue.pair(null as unknown as string, v) : k === 'NULL' ? (null as unknown as KeyValue<string, string>) : KeyValue.pair(v, v)), Grouped.with(S, S))
    .aggregate(() => '0', (_k, v, agg) => `${agg}+${v}`, (_k, v, agg) => `${agg}-${v}`, Materialized.as<string, string>('topic1-Canonized').withValueSerde(S))
    .toStream()
    .to('out');
  const rows: [string, string | null, number][] = [['A', '1', 10], ['A', null, 15], ['A', '1', 12], ['B', '2', 20], ['null', '3', 25], ['B', '4', 23], ['NULL', '5', 24], ['B', '7', 22]];
  assert.deepEqual(run(b, 'topic1', rows), [
    ['1', '0+1', 10],
    ['1', '0+1-1', 15],
    ['1', '0+1-1+1', 15],
    ['2', '0+2', 20],
    ['2', '0+2-2', 23],
    ['4', '0+4', 23],
    ['4', '0+4-4', 23],
    ['7', '0+7', 22],
  ]);
});

// KTableAggregateTest.testCount and testRemoveOldBeforeAddNew.
test('KGroupedTable.count moves a row between groups; a change within one group is one update (Java testCount, testRemoveOldBeforeAddNew)', () => {
  const counted = new StreamsBuilder();
  counted.table<string, string>('input', { keySerde: S, valueSerde: S }).groupBy((_k, v) => KeyValue.pair(v, v), Grouped.with(S, S)).count(Materialized.as('count')).toStream().to('out', { valueSerde: Serdes.Int64() });
  const rows: [string, string | null, number][] = [['A', 'green', 10], ['B', 'green', 9], ['A', 'blue', 12], ['C', 'yellow', 15], ['D', 'green', 11]];
  assert.deepEqual(run(counted, 'input', rows, 'out', Serdes.Int64()), [
    ['green', 1n, 10],
    ['green', 2n, 10],
    ['green', 1n, 12],
    ['blue', 1n, 12],
    ['yellow', 1n, 15],
    ['green', 2n, 12],
  ]);

  const b = new StreamsBuilder();
  b.table<string, string>('input', { keySerde: S, valueSerde: S })
    .groupBy((k) => KeyValue.pair(k.charAt(0), k.charAt(1)), Grouped.with(S, S))
    .aggregate(() => '', (_k, v, agg) => agg + v, (_k, v, agg) => agg.replaceAll(v, ''), Materialized.as<string, string>('someStore').withValueSerde(S))
    .toStream()
    .to('out');
  assert.deepEqual(run(b, 'input', [['11', 'A', 10], ['12', 'B', 8], ['11', null, 12], ['12', 'C', 6]]), [
    ['1', '1', 10],
    ['1', '12', 10],
    ['1', '2', 12],
    ['1', '2', 12],
  ]);

  // testShouldNotSendTransientStateIfNotUpgrading: the same group key before and after is one change, no transient 0.
  const same = new StreamsBuilder();
  same.table<string, string>('input', { keySerde: S, valueSerde: S }).groupBy((k, v) => KeyValue.pair(k, v), Grouped.with(S, S)).count().toStream().to('out', { valueSerde: Serdes.Int64() });
  assert.deepEqual(run(same, 'input', [['1', '', 8], ['1', '', 9]], 'out', Serdes.Int64()), [['1', 1n, 8], ['1', 1n, 9]]);
});

test('KGroupedTable: a tombstone for an absent row changes nothing; for a present one the count goes to 0 (a row, not a delete)', () => {
  const b = new StreamsBuilder();
  b.table<string, string>('input', { keySerde: S, valueSerde: S }).groupBy((_k, v) => KeyValue.pair(v, v), Grouped.with(S, S)).count(Materialized.as('c')).toStream().to('out', { valueSerde: Serdes.Int64() });
  const got = run(b, 'input', [['x', null, 1], ['a', 'g', 2], ['a', null, 3]], 'out', Serdes.Int64(), (d) => assert.equal(d.getKeyValueStore('c')!.get('g'), 0n));
  assert.deepEqual(got, [['g', 1n, 2], ['g', 0n, 3]]);
});

test('KGroupedTable.reduce: adder and subtractor (Java KTableReduce)', () => {
  const I = Serdes.Int32();
  const b = new StreamsBuilder();
  const totals: KTable<string, number> = b
    .table<string, string>('input', { keySerde: S, valueSerde: S })
    .groupBy((_k, v) => KeyValue.pair(v.split(':')[0], Number(v.split(':')[1])), Grouped.with(S, I))
    .reduce((agg, v) => agg + v, (agg, v) => agg - v, Materialized.as<string, number>('totals').withValueSerde(I));
  totals.toStream().to('out', { valueSerde: I });
  assert.deepEqual(run(b, 'input', [['a', 'x:5', 1], ['b', 'x:7', 2], ['a', 'y:5', 3], ['b', null, 4]], 'out', I), [
    ['x', 5, 1],
    ['x', 12, 2],
    ['x', 7, 3],
    ['y', 5, 3],
    ['x', 0, 4],
  ]);
});

test("a table grouping without serdes writes its repartition topic with the application's default value serde (Java's setIfUnset)", () => {
  const b = new StreamsBuilder();
  b.table<string, string>('input').groupBy((k, v) => KeyValue.pair(v, k)).count().toStream().to('out', { valueSerde: Serdes.Int64() });
  assert.deepEqual(run(b, 'input', [['a', 'g', 1], ['b', 'g', 2], ['a', 'h', 3]], 'out', Serdes.Int64()), [
    ['g', 1n, 1],
    ['g', 2n, 2],
    ['g', 1n, 3],
    ['h', 1n, 3],
  ]);
});

test('Materialized: a name makes the store queryable and names its changelog; store type, supplier and logging as asked', () => {
  const b = new StreamsBuilder();
  const grouped = b.stream('in', { keySerde: S, valueSerde: S }).groupByKey();
  const persistent = grouped.count(Materialized.as('persistent-counts'));
  const memory = grouped.count(Materialized.as<string, bigint>('memory-counts').withStoreType('in_memory').withLoggingDisabled().withCachingDisabled());
  const supplied = grouped.reduce((a, v) => a + v, Materialized.as<string, string>(Stores.inMemoryKeyValueStore('supplied')));
  assert.equal(persistent.queryableStoreName(), 'persistent-counts');
  assert.equal(grouped.count().queryableStoreName(), null);
  memory.toStream().to('out', { valueSerde: Serdes.Int64() });
  const d = driverFor(b);
  try {
    d.createInputTopic('in', S, S).pipeInput('k', 'v', 1);
    assert.equal(d.getStateStore('persistent-counts')!.persistent(), true);
    assert.equal(d.getStateStore('memory-counts')!.persistent(), false);
    assert.equal(d.getKeyValueStore('supplied')!.get('k'), 'v');
    assert.equal(d.getKeyValueStore('memory-counts')!.get('k'), 1n);
    const topics = d.producedTopicNames();
    assert.ok(topics.includes('test-driver-persistent-counts-changelog'), topics.join(', '));
    assert.ok(topics.includes('test-driver-supplied-changelog'), topics.join(', '));
    assert.ok(!topics.some((t) => t.includes('memory-counts')), topics.join(', '));
  } finally {
    d.close();
  }
});

test('bad arguments to the stateful DSL are refused with what to do', () => {
  const b = new StreamsBuilder();
  assert.throws(() => Materialized.as('no spaces'), (e: Error & { code?: string }) => e.code === 'INVALID_TOPOLOGY' && /store name "no spaces" is not valid/.test(e.message));
  assert.throws(() => Materialized.as<string, string>('x').withStoreType('rocksdb' as never), /'rocks_db' or 'in_memory'/);
  const s = b.stream<string, string>('in');
  assert.throws(() => s.groupByKey().aggregate(null as never, () => ''), /the aggregate initializer must be a function/);
  assert.throws(() => b.table<string, string>('t').groupBy(null as never), /the groupBy selector must be a function/);
  assert.throws(() => s.groupByKey().count(Materialized.as('dup')) && s.groupByKey().count(Materialized.as('dup')), /store named 'dup' is already added/);
});

test('GlobalKTable: every row of its topic in a global store, looked up from a stream by any processor', () => {
  const b = new StreamsBuilder();
  const catalogue = b.globalTable<string, string>('catalogue', { keySerde: S, valueSerde: S }, Materialized.as('catalogue-store'));
  assert.equal(catalogue.queryableStoreName(), 'catalogue-store');
  assert.equal(b.globalTable('unnamed').queryableStoreName(), null);
  b.stream<string, string>('clicks', { keySerde: S, valueSerde: S })
    .process(() => {
      let context!: ProcessorContext<string, string>;
      let store!: TimestampedKeyValueStore<string, string>;
      return {
        init(c) {
          context = c;
          store = c.getStateStore(catalogue.storeName);
        },
        process(record) {
          context.forward(record.withValue(`${record.value}:${store.get(record.value)?.value ?? 'unknown'}`));
        },
      };
    })
    .to('out');
  const d = driverFor(b);
  try {
    const rows = d.createInputTopic('catalogue', S, S);
    rows.pipeInput('sku-1', 'lamp', 1);
    rows.pipeInput('sku-2', 'desk', 2);
    rows.pipeInput('sku-2', null as unknown as string, 3);
    const clicks = d.createInputTopic('clicks', S, S);
    clicks.pipeInput('u', 'sku-1', 4);
    clicks.pipeInput('u', 'sku-2', 5);
    assert.deepEqual(d.createOutputTopic('out', S, S).readValuesToList(), ['sku-1:lamp', 'sku-2:unknown']);
    assert.equal(d.getKeyValueStore('catalogue-store')!.get('sku-1'), 'lamp');
    assert.ok(!d.producedTopicNames().some((t) => t.includes('catalogue-store-changelog')), 'a global store has no changelog');
  } finally {
    d.close();
  }
});

test('old values travel through filter and mapValues to a table groupBy (sendOldValues), so a changed row leaves its old group', () => {
  const b = new StreamsBuilder();
  b.table<string, string>('t', { keySerde: S, valueSerde: S })
    .filter((_k, v) => !v.startsWith('-'))
    .mapValues((v) => v.length)
    .groupBy((k, n) => KeyValue.pair(n % 2 === 0 ? 'even' : 'odd', k), Grouped.with(S, S))
    .count()
    .toStream()
    .to('out', { valueSerde: Serdes.Int64() });
  // a: 'xx' (even) → 'xxx' (odd) → '-x' (filtered out: a delete downstream) → b: 'yy' (even).
  assert.deepEqual(run(b, 't', [['a', 'xx', 1], ['a', 'xxx', 2], ['a', '-x', 3], ['b', 'yy', 4]], 'out', Serdes.Int64()), [
    ['even', 1n, 1],
    ['even', 0n, 2],
    ['odd', 1n, 2],
    ['odd', 0n, 3],
    ['even', 1n, 4],
  ]);
});

test('KTable.toStream(keyMapper) re-keys the changes, as toStream().selectKey(keyMapper)', () => {
  const b = new StreamsBuilder();
  b.table<string, string>('t', { keySerde: S, valueSerde: S }).toStream((k, v) => `${k}/${v ?? '-'}`).to('out');
  assert.deepEqual(run(b, 't', [['a', 'x', 1], ['a', null, 2]]), [['a/x', 'x', 1], ['a/-', null, 2]]);
  assert.match(b.build().describe().toString(), /KTABLE-TOSTREAM-0000000003[\s\S]*KSTREAM-KEY-SELECT-0000000004/);
});

test('an aggregation result regrouped: a stream count sends old values to a table groupBy (counts of counts)', () => {
  const b = new StreamsBuilder();
  b.stream('words', { keySerde: S, valueSerde: S })
    .groupByKey()
    .count()
    .groupBy((word, n) => KeyValue.pair(n % 2n === 0n ? 'even' : 'odd', word), Grouped.with(S, S))
    .count()
    .toStream()
    .to('out', { valueSerde: Serdes.Int64() });
  assert.deepEqual(run(b, 'words', [['a', 'x', 1], ['b', 'x', 2], ['a', 'x', 3]], 'out', Serdes.Int64()), [
    ['odd', 1n, 1],
    ['odd', 2n, 2],
    ['odd', 1n, 3],
    ['even', 1n, 3],
  ]);
});
