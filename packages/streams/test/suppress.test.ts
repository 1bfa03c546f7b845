// KTable.suppress through the TopologyTestDriver: Kafka Streams' own SuppressScenarioTest scenarios
// with the outputs it asserts (final results of time and session windows, a time limit, a record
// limit emitting early), a buffer that shuts down when full, and the buffer rebuilt from its
// changelog (Java's v3 format) by a new driver on the same state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BufferConfig, Grouped, KeyValue, Materialized, Serdes, SessionWindows, StreamsBuilder, Suppressed, TimeWindows, TopologyTestDriver, WindowedSerdes, type KTable, type Windowed } from '@sluice/streams';
import { SuppressionBuffer } from '../src/kstream/suppress-buffer.ts';
import { RecordingContext } from './state/support.ts';

const S = Serdes.String();
const L = Serdes.Int64();
const show = (w: Windowed<string>): string => `[${w.key}@${w.window.start}/${w.window.end}]`;

type Row = [string, bigint | null, number];

function drain(d: TopologyTestDriver, topic: string): Row[] {
  return d.createOutputTopic(topic, S, L).readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
}

function windowedOutputs(b: StreamsBuilder, counts: KTable<Windowed<string>, bigint>): void {
  counts.suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())).toStream().map((k, v) => KeyValue.pair(show(k), v)).to('output-suppressed', { keySerde: S, valueSerde: L });
  counts.toStream().map((k, v) => KeyValue.pair(show(k), v)).to('output-raw', { keySerde: S, valueSerde: L });
}

test("final results of time windows: Java's shouldSupportFinalResultsForTimeWindowsWithLargeJump", (t) => {
  t.mock.method(console, 'warn', () => {});
  const b = new StreamsBuilder();
  const counts = b
    .stream('input', { keySerde: S, valueSerde: S })
    .groupBy((k: string) => k, Grouped.with(S, S))
    .windowedBy(TimeWindows.ofSizeAndGrace(2, 2))
    .count(Materialized.as<string, bigint>('counts').withCachingDisabled().withKeySerde(S));
  windowedOutputs(b, counts);
  const d = new TopologyTestDriver(b.build(), {}, 0);
  try {
    const input = d.createInputTopic('input', S, S);
    for (const ts of [0, 1, 2, 0, 3, 0, 4, 0, 30]) input.pipeInput('k1', 'v1', ts);
    assert.deepEqual(drain(d, 'output-raw'), [
      ['[k1@0/2]', 1n, 0], ['[k1@0/2]', 2n, 1], ['[k1@2/4]', 1n, 2], ['[k1@0/2]', 3n, 1], ['[k1@2/4]', 2n, 3], ['[k1@0/2]', 4n, 1], ['[k1@4/6]', 1n, 4], ['[k1@30/32]', 1n, 30],
    ]);
    assert.deepEqual(drain(d, 'output-suppressed'), [['[k1@0/2]', 4n, 1], ['[k1@2/4]', 2n, 3], ['[k1@4/6]', 1n, 4]]);
  } finally {
    d.close();
  }
});

test("final results of session windows: Java's shouldSupportFinalResultsForSessionWindows", (t) => {
  t.mock.method(console, 'warn', () => {});
  const b = new StreamsBuilder();
  const counts = b
    .stream('input', { keySerde: S, valueSerde: S })
    .groupBy((k: string) => k, Grouped.with(S, S))
    .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5))
    .count(Materialized.as<string, bigint>('counts').withCachingDisabled());
  windowedOutputs(b, counts);
  const d = new TopologyTestDriver(b.build(), {}, 0);
  try {
    const input = d.createInputTopic('input', S, S);
    for (const [k, ts] of [['k1', 0], ['k1', 5], ['k1', 1], ['k2', 11], ['k1', 5], ['k1', 30]] as const) input.pipeInput(k, 'v1', ts);
    assert.deepEqual(drain(d, 'output-raw'), [
      ['[k1@0/0]', 1n, 0], ['[k1@0/0]', null, 0], ['[k1@0/5]', 2n, 5], ['[k1@0/5]', null, 5], ['[k1@0/5]', 3n, 5], ['[k2@11/11]', 1n, 11], ['[k1@30/30]', 1n, 30],
    ]);
    assert.deepEqual(drain(d, 'output-suppressed'), [['[k1@0/5]', 3n, 5], ['[k2@11/11]', 1n, 11]]);
  } finally {
    d.close();
  }
});

function regroupedCounts(b: StreamsBuilder): KTable<string, bigint> {
  return b
    .table('input', { keySerde: S, valueSerde: S }, Materialized.with<string, string>(S, S).withCachingDisabled().withLoggingDisabled())
    .groupBy((k, v) => KeyValue.pair(v, k), Grouped.with(S, S))
    .count(Materialized.with<string, bigint>(S, L));
}

test("untilTimeLimit: the latest update of a key once stream time is the limit past it: Java's shouldSuppressIntermediateEventsWithTimeLimit", () => {
  const b = new StreamsBuilder();
  const counts = regroupedCounts(b);
  counts.suppress(Suppressed.untilTimeLimit(2, BufferConfig.unbounded())).toStream().to('output-suppressed', { keySerde: S, valueSerde: L });
  counts.toStream().to('output-raw', { keySerde: S, valueSerde: L });
  const d = new TopologyTestDriver(b.build(), {}, 0);
  try {
    const input = d.createInputTopic('input', S, S);
    input.pipeInput('k1', 'v1', 0);
    input.pipeInput('k1', 'v2', 1);
    input.pipeInput('k2', 'v1', 2);
    assert.deepEqual(drain(d, 'output-raw'), [['v1', 1n, 0], ['v1', 0n, 1], ['v2', 1n, 1], ['v1', 1n, 2]]);
    assert.deepEqual(drain(d, 'output-suppressed'), [['v1', 1n, 2]]);
    input.pipeInput('tick', 'tick', 3);
    assert.deepEqual(drain(d, 'output-raw'), [['tick', 1n, 3]]);
    assert.deepEqual(drain(d, 'output-suppressed'), [['v2', 1n, 1]]);
    input.pipeInput('tick', 'tock', 4);
    assert.deepEqual(drain(d, 'output-raw'), [['tick', 0n, 4], ['tock', 1n, 4]]);
    assert.deepEqual(drain(d, 'output-suppressed'), []); // tick went in at 3; it is only 4
  } finally {
    d.close();
  }
});

test("a record limit emits the oldest entries early: Java's shouldSuppressIntermediateEventsWithRecordLimit", () => {
  const b = new StreamsBuilder();
  const counts = regroupedCounts(b);
  counts.suppress(Suppressed.untilTimeLimit(Number.MAX_SAFE_INTEGER, BufferConfig.maxRecords(1).emitEarlyWhenFull())).toStream().to('output-suppressed', { keySerde: S, valueSerde: L });
  counts.toStream().to('output-raw', { keySerde: S, valueSerde: L });
  const d = new TopologyTestDriver(b.build(), {}, 0);
  try {
    const input = d.createInputTopic('input', S, S);
    input.pipeInput('k1', 'v1', 0);
    input.pipeInput('k1', 'v2', 1);
    input.pipeInput('k2', 'v1', 2);
    assert.deepEqual(drain(d, 'output-raw'), [['v1', 1n, 0], ['v1', 0n, 1], ['v2', 1n, 1], ['v1', 1n, 2]]);
    assert.deepEqual(drain(d, 'output-suppressed'), [['v1', 0n, 1], ['v2', 1n, 1]]);
    input.pipeInput('x', 'x', 3);
    assert.deepEqual(drain(d, 'output-raw'), [['x', 1n, 3]]);
    assert.deepEqual(drain(d, 'output-suppressed'), [['v1', 1n, 2]]);
  } finally {
    d.close();
  }
});

test('a full buffer that must not emit early stops processing with an error saying what to do', () => {
  const b = new StreamsBuilder();
  regroupedCounts(b).suppress(Suppressed.untilTimeLimit(1000, BufferConfig.maxRecords(1).shutDownWhenFull()).withName('limited')).toStream().to('out', { keySerde: S, valueSerde: L });
  const d = new TopologyTestDriver(b.build(), {}, 0);
  try {
    const input = d.createInputTopic('input', S, S);
    input.pipeInput('k1', 'a', 0);
    assert.throws(() => input.pipeInput('k2', 'b', 1), /limited-store buffer exceeded its max capacity. Currently \[2\/1\] records .*Raise BufferConfig.maxRecords/);
  } finally {
    d.close();
  }
});

test('the buffer is logged at each commit in the v3 format and rebuilt from it by the next task', () => {
  const build = (): StreamsBuilder => {
    const b = new StreamsBuilder();
    b.stream('input', { keySerde: S, valueSerde: S })
      .groupByKey(Grouped.with(S, S))
      .windowedBy(TimeWindows.ofSizeWithNoGrace(10))
      .count(Materialized.as<string, bigint>('counts').withCachingDisabled())
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('final'))
      .toStream()
      .map((k, v) => KeyValue.pair(show(k), v))
      .to('out', { keySerde: S, valueSerde: L });
    return b;
  };
  const first = new TopologyTestDriver(build().build(), { applicationId: 'durable' }, 0);
  let changelog: { key: Buffer | null; value: Buffer | null; headers: unknown }[];
  try {
    const input = first.createInputTopic('input', S, S);
    input.pipeInput('a', 'x', 1);
    input.pipeInput('a', 'x', 2);
    input.pipeInput('b', 'x', 5);
    assert.deepEqual(drain(first, 'out'), []);
    const raw = first.createOutputTopic('durable-final-store-changelog', Serdes.Buffer(), Serdes.Buffer()).readRecordsToList();
    changelog = raw.map((r) => ({ key: r.key, value: r.value, headers: r.headers }));
  } finally {
    first.close();
  }
  // a (twice, the second replacing the first) and b: the last entry per key is what a restore keeps.
  assert.equal(changelog.length, 3);
  const last = changelog[1]!;
  assert.deepEqual(last.headers, [{ key: 'v', value: Buffer.from([3]) }]);
  // Key: "a" then the window start (Java's TimeWindowedSerializer); value ends with the buffer time (the window end, 10).
  assert.equal(last.key!.toString('hex'), Buffer.from('a').toString('hex') + '0000000000000000');
  assert.equal(last.value!.readBigInt64BE(last.value!.length - 8), 10n);
  assert.equal(last.value!.readBigInt64BE(0), 2n); // the record context's timestamp (the count's)

  // A new buffer (a task starting elsewhere) restores from that changelog and holds the same entries:
  // a's latest count (2, at window end 10) and b's (1), evicted in buffer-time order.
  const restored = new SuppressionBuffer<Windowed<string>, bigint>('final-store', WindowedSerdes.timeWindowedSerdeFrom(S, 10), L, true);
  const context = new RecordingContext('/nonexistent');
  restored.init(context, restored);
  context.restore('final-store', changelog.map((r) => ({ key: r.key!, value: r.value, timestamp: 0, headers: r.headers as never })));
  assert.equal(restored.numRecords(), 2);
  assert.equal(restored.minTimestamp(), 10);
  const evicted: [string, bigint | null, bigint | null, number][] = [];
  restored.evictWhile(() => true, (e) => evicted.push([show(e.key), e.value.newValue, e.value.oldValue, e.context.timestamp]));
  // The prior value is the old value of a key's first buffered change; a new window's old value is the
  // initializer's (0), as Java's KStreamWindowAggregate sends it.
  assert.deepEqual(evicted, [['[a@0/10]', 2n, 0n, 2], ['[b@0/10]', 1n, 0n, 5]]);
  // A tombstone in the changelog (an entry emitted) removes the key on restore.
  const again = new SuppressionBuffer<Windowed<string>, bigint>('final-store', WindowedSerdes.timeWindowedSerdeFrom(S, 10), L, true);
  const context2 = new RecordingContext('/nonexistent');
  again.init(context2, again);
  context2.restore('final-store', [...changelog, { key: changelog[0]!.key, value: null, headers: [] }].map((r) => ({ key: r.key!, value: r.value, timestamp: 0, headers: r.headers as never })));
  assert.equal(again.numRecords(), 1);
});
