// Session-windowed aggregations through the TopologyTestDriver. Scenarios and expected outputs are
// Kafka Streams' own (SessionWindowedKStreamImplTest: count, reduce and aggregate over a 500 ms
// inactivity gap, with and without the cache): a record joining a session sends a null for the
// session it replaces, each update carries the session end as its timestamp.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmitStrategy, Grouped, KeyValue, Materialized, Serdes, SessionWindows, StreamsBuilder, TopologyTestDriver, droppedRecordsTotal, type KStream, type KTable, type SessionWindowedKStream, type Windowed } from '@sluice/streams';

const S = Serdes.String();
const show = (w: Windowed<string>): string => `[${w.key}@${w.window.start}/${w.window.end}]`;

function run<V>(cached: boolean, build: (s: SessionWindowedKStream<string, string>) => KTable<Windowed<string>, V>, rows: [string, string, number][] = [['1', '1', 10], ['1', '2', 15], ['1', '3', 600], ['2', '1', 600], ['2', '2', 599]], windows = SessionWindows.ofInactivityGapWithNoGrace(500), appId = 'sessions'): [string, string | null, number][] {
  const b = new StreamsBuilder();
  const stream: KStream<string, string> = b.stream('input', { keySerde: S, valueSerde: S });
  build(stream.groupByKey(Grouped.with(S, S)).windowedBy(windows))
    .toStream()
    .map((k, v) => KeyValue.pair(show(k), v === null ? null : String(v)))
    .to('out', { keySerde: S, valueSerde: S });
  const d = new TopologyTestDriver(b.build(), { applicationId: appId, statestoreCacheMaxBytes: cached ? 10_485_760 : 0 } as never, 0);
  try {
    const input = d.createInputTopic('input', S, S);
    for (const [k, v, ts] of rows) input.pipeInput(k, v, ts);
    return d.createOutputTopic('out', S, S).readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
  } finally {
    d.close();
  }
}

for (const cached of [false, true]) {
  const name = cached ? 'cached' : 'no cache';

  test(`session count (${name}): Java's shouldCountSessionWindowed`, () => {
    assert.deepEqual(run(cached, (s) => s.count()), [
      ['[1@10/10]', '1', 10], ['[1@10/10]', null, 10], ['[1@10/15]', '2', 15], ['[1@600/600]', '1', 600],
      ['[2@600/600]', '1', 600], ['[2@600/600]', null, 600], ['[2@599/600]', '2', 600],
    ]);
  });

  test(`session reduce (${name}): Java's shouldReduceWindowed`, () => {
    assert.deepEqual(run(cached, (s) => s.reduce((a, v) => `${a}+${v}`)), [
      ['[1@10/10]', '1', 10], ['[1@10/10]', null, 10], ['[1@10/15]', '1+2', 15], ['[1@600/600]', '3', 600],
      ['[2@600/600]', '1', 600], ['[2@600/600]', null, 600], ['[2@599/600]', '1+2', 600],
    ]);
  });

  test(`session aggregate with a merger (${name}): Java's shouldAggregateSessionWindowed`, () => {
    const got = run(cached, (s) => s.aggregate(() => '0', (_k, v, agg) => `${agg}+${v}`, (_k, one, two) => `${one}+${two}`, Materialized.with(S, S)));
    assert.deepEqual(got, [
      ['[1@10/10]', '0+1', 10], ['[1@10/10]', null, 10], ['[1@10/15]', '0+0+1+2', 15], ['[1@600/600]', '0+3', 600],
      ['[2@600/600]', '0+1', 600], ['[2@600/600]', null, 600], ['[2@599/600]', '0+0+1+2', 600],
    ]);
  });
}

test('a record between two sessions merges them; one past gap and grace is dropped and counted', (t) => {
  t.mock.method(console, 'warn', () => {});
  // gap 10, grace 5: stream time 100 closes sessions ending before 100 - 10 - 5 = 85.
  const got = run(
    false,
    // Kept 1 s, longer than gap + grace, so the session [50, 50] is still there when c arrives at stream time 70.
    (s) => s.reduce((a, v) => `${a}+${v}`, Materialized.as<string, string>('merged').withRetention(1000)),
    [['k', 'a', 50], ['k', 'b', 70], ['k', 'c', 60], ['k', 'd', 100], ['k', 'late', 40], ['k', 'e', 86]],
    SessionWindows.ofInactivityGapAndGrace(10, 5),
    'session-merge',
  );
  assert.deepEqual(got, [
    ['[k@50/50]', 'a', 50], ['[k@70/70]', 'b', 70],
    // c at 60 is within the gap of both: they merge into [50, 70] (a, then b's aggregate, then c)
    ['[k@50/50]', null, 50], ['[k@70/70]', null, 70], ['[k@50/70]', 'a+b+c', 70],
    ['[k@100/100]', 'd', 100],
    // late (40) would join [50, 70] into [40, 70], which ends before 85: dropped. e (86) is on time and alone.
    ['[k@86/86]', 'e', 86],
  ]);
  assert.equal(droppedRecordsTotal('session-merge'), 1);
});

for (const cached of [false, true]) {
  // Java's SessionWindowedKStreamImplTest with EmitStrategy ON_WINDOW_CLOSE: stream time 600 closes
  // only the session [10, 15] of key 1 (gap 500, no grace); nothing else is emitted, and the
  // updates and merges before it are not either.
  const onClose = <V>(build: (s: SessionWindowedKStream<string, string>) => KTable<Windowed<string>, V>) => run(cached, (s) => build(s.emitStrategy(EmitStrategy.onWindowClose())));
  test(`session count, reduce and aggregate with emitStrategy(onWindowClose) (${cached ? 'cached' : 'no cache'}): each closed session once, Java's expected outputs`, () => {
    assert.deepEqual(onClose((s) => s.count()), [['[1@10/15]', '2', 15]]);
    assert.deepEqual(onClose((s) => s.reduce((a, v) => `${a}+${v}`)), [['[1@10/15]', '1+2', 15]]);
    assert.deepEqual(onClose((s) => s.aggregate(() => '0', (_k, v, agg) => `${agg}+${v}`, (_k, one, two) => `${one}+${two}`, Materialized.with(S, S))), [['[1@10/15]', '0+0+1+2', 15]]);
  });
}

test('emitStrategy(onWindowClose) on session windows: sessions come out by end time once stream time passes end + gap + grace; a late record past them is dropped', (t) => {
  t.mock.method(console, 'warn', () => {});
  // gap 10, grace 5: a session ending at e closes once stream time reaches e + 16.
  const got = run(
    false,
    (s) => s.emitStrategy(EmitStrategy.onWindowClose()).reduce((a, v) => `${a}+${v}`),
    [['b', 'b1', 20], ['a', 'a1', 22], ['b', 'b2', 29], ['a', 'a2', 30], ['c', 'c1', 40], ['a', 'late', 5], ['c', 'c2', 47], ['x', 'x1', 100]],
    SessionWindows.ofInactivityGapAndGrace(10, 5),
    'session-on-close',
  );
  assert.deepEqual(got, [
    // Stream time 47 closes the sessions ending before 32, by end time (b's before a's).
    ['[b@20/29]', 'b1+b2', 29], ['[a@22/30]', 'a1+a2', 30],
    // Stream time 100 closes c [40, 47].
    ['[c@40/47]', 'c1+c2', 47],
  ]);
  assert.equal(droppedRecordsTotal('session-on-close'), 1);
  assert.throws(() => new StreamsBuilder().stream('i').groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10)).emitStrategy({ type: 'SOMETIMES' } as never), /takes EmitStrategy.onWindowUpdate\(\) or EmitStrategy.onWindowClose\(\)/);
});
