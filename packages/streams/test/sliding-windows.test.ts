// Sliding-window aggregations through the TopologyTestDriver: Kafka Streams' own
// KStreamSlidingWindowAggregateTest.testAggregateSmallInput (time difference 10, grace 5), whose
// outputs are compared as Java's test compares them: per window start, the set of (value,
// timestamp) updates; with every update emitted, and with one result per window on window close.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmitStrategy, Grouped, Materialized, Serdes, SlidingWindows, StreamsBuilder, TopologyTestDriver, type Windowed } from '@sluice/streams';

const S = Serdes.String();

function gather(strategy: EmitStrategy, cached: boolean): Map<number, Set<string>> {
  const b = new StreamsBuilder();
  const out: [Windowed<string>, string, number][] = [];
  b.stream('topic', { keySerde: S, valueSerde: S })
    .groupByKey(Grouped.with(S, S))
    .windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(10, 5))
    .emitStrategy(strategy)
    .aggregate(() => '0', (_k, v, agg) => `${agg}+${v}`, cached ? Materialized.as<string, string>('store-name').withValueSerde(S).withCachingEnabled() : Materialized.as<string, string>('store-name').withValueSerde(S).withCachingDisabled())
    .toStream()
    .process(() => ({ process: (r) => void out.push([r.key, r.value, r.timestamp]) }));
  const d = new TopologyTestDriver(b.build(), { applicationId: 'sliding' } as never, 0);
  try {
    const input = d.createInputTopic('topic', S, S);
    for (const [v, ts] of [['1', 10], ['2', 10], ['3', 14], ['4', 15], ['5', 20], ['6', 22], ['7', 30]] as const) input.pipeInput('A', v, ts);
  } finally {
    d.close();
  }
  const byStart = new Map<number, Set<string>>();
  for (const [k, v, ts] of out) {
    assert.equal(k.window.end - k.window.start, 10);
    if (!byStart.has(k.window.start)) byStart.set(k.window.start, new Set());
    byStart.get(k.window.start)!.add(`${v}@${ts}`);
  }
  return byStart;
}

const expect = (entries: [number, string[]][]): Map<number, Set<string>> => new Map(entries.map(([start, vs]) => [start, new Set(vs)]));

for (const cached of [false, true]) {
  test(`sliding aggregate, every update (${cached ? 'cached' : 'no cache'}): Java's testAggregateSmallInput`, () => {
    assert.deepEqual(
      gather(EmitStrategy.onWindowUpdate(), cached),
      expect([
        [0, ['0+1@10', '0+1+2@10']],
        [4, ['0+1+2+3@14']],
        [5, ['0+1+2+3+4@15']],
        [10, ['0+1+2+3+4+5@20']],
        [11, ['0+3@14', '0+3+4@15', '0+3+4+5@20']],
        [12, ['0+3+4+5+6@22']],
        [15, ['0+4@15', '0+4+5@20', '0+4+5+6@22']],
        [16, ['0+5@20', '0+5+6@22']],
        [20, ['0+5+6+7@30']],
        [21, ['0+6@22', '0+6+7@30']],
        [23, ['0+7@30']],
      ]),
    );
  });
}

for (const cached of [false, true]) test(`sliding aggregate on window close (${cached ? 'cache asked for' : 'no cache'}): Java's testAggregateSmallInput, one result per closed window`, () => {
  assert.deepEqual(
    gather(EmitStrategy.onWindowClose(), cached),
    expect([
      [0, ['0+1+2@10']],
      [4, ['0+1+2+3@14']],
      [5, ['0+1+2+3+4@15']],
      [10, ['0+1+2+3+4+5@20']],
      [11, ['0+3+4+5@20']],
      [12, ['0+3+4+5+6@22']],
    ]),
  );
});
