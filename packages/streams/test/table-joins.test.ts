// KTable–KTable joins in the TopologyTestDriver. The input sequence and the expected outputs are
// Kafka Streams' own KTableKTableLeftJoinTest.testJoin and KTableKTableOuterJoinTest.testJoin
// (same input; the two differ in the last step, where left rows are deleted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Consumed, Materialized, Serdes, StreamsBuilder, TopologyTestDriver, type KTable } from '@sluice/streams';

type Out = [number, string | null, number];
const joiner = (a: unknown, b: unknown): string => `${a}+${b}`;

function runJoin(kind: 'leftJoin' | 'outerJoin', materialized: boolean): Out[][] {
  const b = new StreamsBuilder();
  const consumed = Consumed.with(Serdes.Int32(), Serdes.String());
  const t1 = b.table('topic1', consumed);
  const t2 = b.table('topic2', consumed);
  const m = materialized ? Materialized.as<number, string>('joined-store').withValueSerde(Serdes.String()).withCachingDisabled() : undefined;
  const joined: KTable<number, string> = kind === 'leftJoin' ? t1.leftJoin(t2, joiner, m) : t1.outerJoin(t2, joiner, m);
  joined.toStream().to('output', { keySerde: Serdes.Int32(), valueSerde: Serdes.String() });
  const driver = new TopologyTestDriver(b.build());
  try {
    const in1 = driver.createInputTopic('topic1', Serdes.Int32(), Serdes.String());
    const in2 = driver.createInputTopic('topic2', Serdes.Int32(), Serdes.String());
    const out = driver.createOutputTopic('output', Serdes.Int32(), Serdes.String());
    const read = (): Out[] => out.readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
    const keys = [0, 1, 2, 3];
    const steps: Out[][] = [];
    for (let i = 0; i < 2; i++) in1.pipeInput(keys[i], `X${keys[i]}`, 5 + i);
    in1.pipeInput(null as unknown as number, 'SomeVal', 42);
    steps.push(read());
    for (let i = 0; i < 2; i++) in2.pipeInput(keys[i], `Y${keys[i]}`, 10 * i);
    in2.pipeInput(null as unknown as number, 'AnotherVal', 73);
    steps.push(read());
    for (const k of keys) in1.pipeInput(k, `XX${k}`, 7);
    steps.push(read());
    for (const k of keys) in2.pipeInput(k, `YY${k}`, k * 5);
    steps.push(read());
    for (const k of keys) in1.pipeInput(k, `XXX${k}`, 6);
    steps.push(read());
    in2.pipeInput(keys[0], null as unknown as string, 5);
    in2.pipeInput(keys[1], null as unknown as string, 7);
    steps.push(read());
    for (const k of keys) in1.pipeInput(k, `XXXX${k}`, 13);
    steps.push(read());
    in1.pipeInput(keys[0], null as unknown as string, 0);
    in1.pipeInput(keys[1], null as unknown as string, 42);
    in1.pipeInput(keys[2], null as unknown as string, 5);
    in1.pipeInput(keys[3], null as unknown as string, 20);
    steps.push(read());
    if (materialized) {
      const store = driver.getTimestampedKeyValueStore<number, string>('joined-store')!;
      assert.equal(store.get(2)?.value ?? null, kind === 'outerJoin' ? 'null+YY2' : null);
    }
    return steps;
  } finally {
    driver.close();
  }
}

const common: Out[][] = [
  [[0, 'X0+null', 5], [1, 'X1+null', 6]],
  [[0, 'X0+Y0', 5], [1, 'X1+Y1', 10]],
  [[0, 'XX0+Y0', 7], [1, 'XX1+Y1', 10], [2, 'XX2+null', 7], [3, 'XX3+null', 7]],
  [[0, 'XX0+YY0', 7], [1, 'XX1+YY1', 7], [2, 'XX2+YY2', 10], [3, 'XX3+YY3', 15]],
  [[0, 'XXX0+YY0', 6], [1, 'XXX1+YY1', 6], [2, 'XXX2+YY2', 10], [3, 'XXX3+YY3', 15]],
  [[0, 'XXX0+null', 6], [1, 'XXX1+null', 7]],
  [[0, 'XXXX0+null', 13], [1, 'XXXX1+null', 13], [2, 'XXXX2+YY2', 13], [3, 'XXXX3+YY3', 15]],
];

for (const materialized of [false, true]) {
  test(`KTable leftJoin${materialized ? ', materialized' : ''}: Java's KTableKTableLeftJoinTest.testJoin`, () => {
    assert.deepEqual(runJoin('leftJoin', materialized), [...common, [[0, null, 0], [1, null, 42], [2, null, 10], [3, null, 20]]]);
  });

  test(`KTable outerJoin${materialized ? ', materialized' : ''}: Java's KTableKTableOuterJoinTest.testJoin`, () => {
    assert.deepEqual(runJoin('outerJoin', materialized), [...common, [[0, null, 0], [1, null, 42], [2, 'null+YY2', 10], [3, 'null+YY3', 20]]]);
  });
}

// The foreign-key join in the driver: subscriptions and answers go through the two internal topics
// within each pipe. Expected results follow Kafka Streams 4.3.1's instructions: an inner join sends
// nothing for a row whose foreign row is missing, and a tombstone when the row moves to a missing
// one; a left join joins with null; a right row's change answers its subscribers.
for (const leftJoin of [false, true]) {
  test(`foreign-key ${leftJoin ? 'leftJoin' : 'join'}: results follow both tables' changes`, () => {
    const b = new StreamsBuilder();
    const consumed = Consumed.with(Serdes.String(), Serdes.String());
    const orders = b.table('orders', consumed);
    const customers = b.table('customers', consumed);
    const fk = (v: string) => v.slice(0, v.indexOf(':'));
    (leftJoin ? orders.leftJoin(customers, fk, joiner) : orders.join(customers, fk, joiner)).toStream().to('out', { keySerde: Serdes.String(), valueSerde: Serdes.String() });
    const driver = new TopologyTestDriver(b.build());
    try {
      const o = driver.createInputTopic('orders', Serdes.String(), Serdes.String());
      const c = driver.createInputTopic('customers', Serdes.String(), Serdes.String());
      const out = driver.createOutputTopic('out', Serdes.String(), Serdes.String());
      const read = () => out.readKeyValuesToList().map((r) => r.value);
      o.pipeInput('k1', 'f1:a', 1);
      assert.deepEqual(read(), leftJoin ? ['f1:a+null'] : []);
      c.pipeInput('f1', 'R1', 2);
      assert.deepEqual(read(), ['f1:a+R1']);
      o.pipeInput('k1', 'f2:b', 3);
      assert.deepEqual(read(), [leftJoin ? 'f2:b+null' : null]);
      c.pipeInput('f2', 'R2', 4);
      assert.deepEqual(read(), ['f2:b+R2']);
      c.pipeInput('f1', null as unknown as string, 5);
      assert.deepEqual(read(), []);
      o.pipeInput('k1', null as unknown as string, 6);
      assert.deepEqual(read(), [null]);
    } finally {
      driver.close();
    }
  });
}
