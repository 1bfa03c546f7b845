// Stream–stream and stream–table joins in the TopologyTestDriver. The scenarios and their expected
// outputs are those of Kafka Streams' own tests (KStreamKStreamLeftJoinTest,
// KStreamKStreamOuterJoinTest, KStreamKTableJoinTest), which run Java's TopologyTestDriver; like
// Java's, Sluice's driver sets the outer join emit throttle to 0, so closed windows are looked for
// at every record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Consumed,
  JoinWindows,
  Joined,
  Materialized,
  Serdes,
  StreamJoined,
  Stores,
  StreamsBuilder,
  TopologyTestDriver,
  droppedRecordsTotal,
  type KStream,
} from '@sluice/streams';

const ints = Consumed.with(Serdes.Int32(), Serdes.String());
/** Java's MockValueJoiner.TOSTRING_JOINER. */
const toStringJoiner = (a: unknown, b: unknown): string => `${a}+${b}`;

function run(build: (b: StreamsBuilder) => KStream<number, string>, steps: (io: { left: (k: number, v: string, ts: number) => void; right: (k: number, v: unknown, ts: number) => void; out: () => [number, string, number][] }) => void, rightSerde: 'string' | 'long' = 'string'): void {
  const b = new StreamsBuilder();
  build(b).to('out', { keySerde: Serdes.Int32(), valueSerde: Serdes.String() });
  const driver = new TopologyTestDriver(b.build());
  try {
    const left = driver.createInputTopic('topic1', Serdes.Int32(), Serdes.String());
    const right = rightSerde === 'long' ? driver.createInputTopic('topic2', Serdes.Int32(), Serdes.Int64()) : driver.createInputTopic('topic2', Serdes.Int32(), Serdes.String());
    const out = driver.createOutputTopic('out', Serdes.Int32(), Serdes.String());
    steps({
      left: (k, v, ts) => left.pipeInput(k, v, ts),
      right: (k, v, ts) => (right.pipeInput as (k: number, v: unknown, ts: number) => void)(k, v, ts),
      out: () => out.readRecordsToList().map((r) => [r.key, r.value, r.timestamp]),
    });
  } finally {
    driver.close();
  }
}

test('leftJoin with after(0): a left record is emitted with null once its window closes, late right records do not join (KStreamKStreamLeftJoinTest.testLeftJoinedRecordsWithZeroAfterAreEmitted)', () => {
  run(
    (b) => b.stream('topic1', ints).leftJoin(b.stream('topic2', ints), toStringJoiner, JoinWindows.ofTimeDifferenceWithNoGrace(100).after(0), StreamJoined.with(Serdes.Int32(), Serdes.String(), Serdes.String())),
    ({ left, right, out }) => {
      const keys = [0, 1, 2, 3];
      keys.forEach((k, i) => left(k, `A${k}`, 1000 + i));
      assert.deepEqual(out(), [[0, 'A0+null', 1000], [1, 'A1+null', 1001], [2, 'A2+null', 1002]]);
      for (const k of keys) right(k, `a${k}`, 999);
      assert.deepEqual(out(), [[0, 'A0+a0', 1000], [1, 'A1+a1', 1001], [2, 'A2+a2', 1002], [3, 'A3+a3', 1003]]);
      for (const k of keys) right(k, `b${k}`, 1000);
      assert.deepEqual(out(), [[0, 'A0+b0', 1000], [1, 'A1+b1', 1001], [2, 'A2+b2', 1002], [3, 'A3+b3', 1003]]);
      for (const k of keys) right(k, `c${k}`, 1001);
      assert.deepEqual(out(), [[1, 'A1+c1', 1001], [2, 'A2+c2', 1002], [3, 'A3+c3', 1003]]);
      for (const k of keys) right(k, `d${k}`, 1002);
      assert.deepEqual(out(), [[2, 'A2+d2', 1002], [3, 'A3+d3', 1003]]);
      for (const k of keys) right(k, `e${k}`, 1003);
      assert.deepEqual(out(), [[3, 'A3+e3', 1003]]);
      for (const k of keys) right(k, `f${k}`, 1100);
      assert.deepEqual(out(), []);
    },
  );
});

test('leftJoin with grace: non-joined left records wait until window and grace have passed (KStreamKStreamLeftJoinTest.testGracePeriod)', () => {
  run(
    (b) => b.stream('topic1', ints).leftJoin(b.stream('topic2', ints), toStringJoiner, JoinWindows.ofTimeDifferenceAndGrace(100, 10), StreamJoined.with(Serdes.Int32(), Serdes.String(), Serdes.String())),
    ({ left, right, out }) => {
      left(0, 'A0', 0);
      left(1, 'A1', 0);
      assert.deepEqual(out(), []);
      for (const k of [0, 1, 2, 3]) right(k, `a${k}`, 101);
      assert.deepEqual(out(), []);
      right(0, 'dummy', 1201);
      assert.deepEqual(out(), [[0, 'A0+null', 0], [1, 'A1+null', 0]]);
    },
  );
});

test('outerJoin with duplicates: both sides wait for their windows, duplicates each join (KStreamKStreamOuterJoinTest.testOuterJoinDuplicates)', () => {
  run(
    (b) =>
      b
        .stream('topic1', ints)
        .outerJoin(b.stream('topic2', Consumed.with(Serdes.Int32(), Serdes.Int64())), toStringJoiner, JoinWindows.ofTimeDifferenceAndGrace(100, 10), StreamJoined.with(Serdes.Int32(), Serdes.String(), Serdes.Int64())),
    ({ left, right, out }) => {
      left(0, 'A0', 0);
      left(0, 'A0-0', 0);
      right(1, 11n, 0);
      right(1, 12n, 0);
      right(1, 10n, 111);
      right(3, 100n, 211);
      assert.deepEqual(out(), [[1, 'null+11', 0], [1, 'null+12', 0], [0, 'A0+null', 0], [0, 'A0-0+null', 0]]);
      left(2, 'A2', 200);
      left(2, 'A2-0', 200);
      right(2, 13n, 201);
      right(2, 14n, 201);
      assert.deepEqual(out(), [[2, 'A2+13', 201], [2, 'A2-0+13', 201], [2, 'A2+14', 201], [2, 'A2-0+14', 201]]);
      right(3, 100n, 1500);
      assert.deepEqual(out(), [[1, 'null+10', 111], [3, 'null+100', 211]]);
    },
    'long',
  );
});

test('inner join: records of either side join each record of the other within the window, at the later timestamp', () => {
  for (const inMemory of [false, true]) {
    run(
      (b) => {
        const joined = inMemory
          ? StreamJoined.withStoreSuppliers<number, string, string>(Stores.inMemoryWindowStore('left', 200, 200, true), Stores.inMemoryWindowStore('right', 200, 200, true))
          : StreamJoined.with(Serdes.Int32(), Serdes.String(), Serdes.String());
        return b.stream('topic1', ints).join(b.stream('topic2', ints), toStringJoiner, JoinWindows.ofTimeDifferenceWithNoGrace(100), joined);
      },
      ({ left, right, out }) => {
        left(0, 'A0', 1000);
        left(1, 'A1', 1000);
        assert.deepEqual(out(), []);
        right(0, 'a0', 1050);
        right(1, 'a1', 1101); // 101 ms apart: no join
        assert.deepEqual(out(), [[0, 'A0+a0', 1050]]);
        left(0, 'B0', 950); // out of order, within 100 ms of a0
        assert.deepEqual(out(), [[0, 'B0+a0', 1050]]);
        left(1, 'B1', 1200);
        assert.deepEqual(out(), [[1, 'B1+a1', 1200]]);
      },
    );
  }
});

test('StreamJoined store names and suppliers are checked as Java checks them', () => {
  const b = new StreamsBuilder();
  const l = b.stream('topic1', ints);
  const r = b.stream('topic2', ints);
  assert.throws(() => l.join(r, toStringJoiner, JoinWindows.ofTimeDifferenceWithNoGrace(100), StreamJoined.withStoreSuppliers(Stores.inMemoryWindowStore('s', 200, 200, true), Stores.inMemoryWindowStore('s', 200, 200, true))), /same name/);
  assert.throws(() => l.join(r, toStringJoiner, JoinWindows.ofTimeDifferenceWithNoGrace(100), StreamJoined.withStoreSuppliers(Stores.inMemoryWindowStore('a', 200, 200, false), Stores.inMemoryWindowStore('b', 200, 200, true))), /retainDuplicates=true/);
  assert.throws(() => l.join(r, toStringJoiner, JoinWindows.ofTimeDifferenceWithNoGrace(100), StreamJoined.withStoreSuppliers(Stores.inMemoryWindowStore('a', 300, 200, true), Stores.inMemoryWindowStore('b', 200, 200, true))), /Window settings mismatch/);
  assert.throws(() => JoinWindows.ofTimeDifferenceWithNoGrace(10).before(-20), /must not be negative/);
});

test('stream-table join and leftJoin: each stream record meets the table as it is then; table updates emit nothing (KStreamKTableJoinTest)', () => {
  for (const leftJoin of [false, true]) {
    const b = new StreamsBuilder();
    const table = b.table('table', ints);
    const stream = b.stream('stream', ints);
    (leftJoin ? stream.leftJoin(table, toStringJoiner) : stream.join(table, toStringJoiner, Joined.with(Serdes.Int32(), Serdes.String(), Serdes.String()))).to('out', { keySerde: Serdes.Int32(), valueSerde: Serdes.String() });
    const driver = new TopologyTestDriver(b.build());
    try {
      const s = driver.createInputTopic('stream', Serdes.Int32(), Serdes.String());
      const t = driver.createInputTopic('table', Serdes.Int32(), Serdes.String());
      const out = driver.createOutputTopic('out', Serdes.Int32(), Serdes.String());
      const read = () => out.readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
      s.pipeInput(0, 'X0', 0);
      s.pipeInput(1, 'X1', 1);
      assert.deepEqual(read(), leftJoin ? [[0, 'X0+null', 0], [1, 'X1+null', 1]] : []);
      t.pipeInput(0, 'Y0', 5);
      t.pipeInput(1, 'Y1', 6);
      assert.deepEqual(read(), []);
      s.pipeInput(0, 'X0', 10);
      s.pipeInput(1, 'X1', 2); // older than the table row: joined anyway (the table is not versioned)
      assert.deepEqual(read(), [[0, 'X0+Y0', 10], [1, 'X1+Y1', 2]]);
      t.pipeInput(0, null as unknown as string, 20);
      s.pipeInput(0, 'X0', 21);
      const dropped = droppedRecordsTotal('test-driver');
      s.pipeInput(1, null as unknown as string, 22); // a null value is skipped, and counted
      assert.deepEqual(read(), leftJoin ? [[0, 'X0+null', 21]] : []);
      assert.equal(droppedRecordsTotal('test-driver'), dropped + 1);
    } finally {
      driver.close();
    }
  }
});

test('stream-table join reads a filtered or mapped table without a store of its own through its parent', () => {
  const b = new StreamsBuilder();
  const table = b.table('table', ints).filter((_k, v) => v.startsWith('keep')).mapValues((v) => v.toUpperCase());
  b.stream('stream', ints).leftJoin(table, toStringJoiner).to('out', { keySerde: Serdes.Int32(), valueSerde: Serdes.String() });
  const driver = new TopologyTestDriver(b.build());
  try {
    const t = driver.createInputTopic('table', Serdes.Int32(), Serdes.String());
    const s = driver.createInputTopic('stream', Serdes.Int32(), Serdes.String());
    const out = driver.createOutputTopic('out', Serdes.Int32(), Serdes.String());
    t.pipeInput(1, 'keep-1', 0);
    t.pipeInput(2, 'drop-2', 0);
    s.pipeInput(1, 'x', 1);
    s.pipeInput(2, 'y', 1);
    assert.deepEqual(out.readValuesToList(), ['x+KEEP-1', 'y+null']);
  } finally {
    driver.close();
  }
});

test('global table join: the KeyValueMapper picks the table key; inner joins drop records without a row', () => {
  const b = new StreamsBuilder();
  const products = b.globalTable('products', Consumed.with(Serdes.String(), Serdes.String()), Materialized.as('products-store'));
  const orders = b.stream('orders', Consumed.with(Serdes.Int32(), Serdes.String()));
  orders.join(products, (_k, productId) => productId, (productId, name) => `${productId}:${name}`).to('joined', { keySerde: Serdes.Int32(), valueSerde: Serdes.String() });
  orders.leftJoin(products, (_k, productId) => productId, (productId, name) => `${productId}:${name}`).to('left', { keySerde: Serdes.Int32(), valueSerde: Serdes.String() });
  const driver = new TopologyTestDriver(b.build());
  try {
    driver.createInputTopic('products', Serdes.String(), Serdes.String()).pipeInput('p1', 'pen', 0);
    const o = driver.createInputTopic('orders', Serdes.Int32(), Serdes.String());
    o.pipeInput(1, 'p1', 1);
    o.pipeInput(2, 'p2', 2);
    assert.deepEqual(driver.createOutputTopic('joined', Serdes.Int32(), Serdes.String()).readKeyValuesToList(), [{ key: 1, value: 'p1:pen' }]);
    assert.deepEqual(driver.createOutputTopic('left', Serdes.Int32(), Serdes.String()).readKeyValuesToList(), [{ key: 1, value: 'p1:pen' }, { key: 2, value: 'p2:null' }]);
  } finally {
    driver.close();
  }
});
