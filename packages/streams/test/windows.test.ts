// Windowed aggregations over time windows through the TopologyTestDriver. The scenarios and the
// outputs they expect are Kafka Streams' own (KStreamWindowAggregateTest: testAggBasic,
// shouldLogAndMeterWhenSkippingExpiredWindow[ByGrace], with and without the cache, emitting on
// update and on window close); the windowed serde's bytes are Java's TimeWindowedSerializer's and
// SessionWindowedSerializer's layout (key, then 8-byte big-endian longs).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import {
  BufferConfig,
  EmitStrategy,
  Grouped,
  KeyValue,
  Materialized,
  Serdes,
  SessionWindows,
  SlidingWindows,
  StreamsBuilder,
  Suppressed,
  TimeWindows,
  TopologyTestDriver,
  WindowedSerdes,
  droppedRecordsTotal,
  type Windowed,
} from '@sluice/streams';

const S = Serdes.String();
const strategies = [
  { name: 'on update, cached', strategy: EmitStrategy.onWindowUpdate(), cached: true },
  { name: 'on update, no cache', strategy: EmitStrategy.onWindowUpdate(), cached: false },
  { name: 'on window close, cached', strategy: EmitStrategy.onWindowClose(), cached: true },
  { name: 'on window close, no cache', strategy: EmitStrategy.onWindowClose(), cached: false },
];

/** Java's Windowed.toString: `[key@start/end]`. */
const show = (w: Windowed<string>): string => `[${w.key}@${w.window.start}/${w.window.end}]`;

/** Java's MockAggregator.toStringInstance(sep): `agg + sep + value`. */
const adder = (sep: string) => (_k: string, v: string, agg: string) => `${agg}${sep}${v}`;

function withCache<K, V>(m: Materialized<K, V>, cached: boolean): Materialized<K, V> {
  return cached ? m.withCachingEnabled() : m.withCachingDisabled();
}

function pipe(d: TopologyTestDriver, topic: string, rows: [string | null, string, number][]): void {
  const input = d.createInputTopic(topic, S, S);
  for (const [k, v, ts] of rows) input.pipeInput(k as string, v, ts);
}

function silenceWarnings(t: TestContext): string[] {
  const lines: string[] = [];
  t.mock.method(console, 'warn', (line: string) => void lines.push(line));
  return lines;
}

for (const { name, strategy, cached } of strategies) {
  const emitFinal = strategy.type === 'ON_WINDOW_CLOSE';

  test(`hopping windows, aggregate (${name}): Java's testAggBasic`, () => {
    const b = new StreamsBuilder();
    b.stream('topic1', { keySerde: S, valueSerde: S })
      .groupByKey(Grouped.with(S, S))
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 100).advanceBy(5))
      .emitStrategy(strategy)
      .aggregate(() => '0', adder('+'), withCache(Materialized.as<string, string>('topic1-Canonized').withValueSerde(S), cached))
      .toStream()
      .map((k, v) => KeyValue.pair(show(k), v))
      .to('out', { keySerde: S, valueSerde: S });
    const d = new TopologyTestDriver(b.build(), { applicationId: 'agg-basic' } as never, 0);
    let out: [string, string, number][];
    try {
      pipe(d, 'topic1', [
        ['A', '1', 0], ['B', '2', 1], ['C', '3', 2], ['D', '4', 3], ['A', '1', 4],
        ['A', '1', 5], ['B', '2', 6], ['D', '4', 7], ['B', '2', 8], ['C', '3', 9],
        ['A', '1', 10], ['B', '2', 11], ['D', '4', 12], ['B', '2', 13], ['C', '3', 14],
        ['B', '1', 3], ['B', '2', 2], ['B', '3', 9],
      ]);
      out = d.createOutputTopic('out', S, S).readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
    } finally {
      d.close();
    }
    if (emitFinal) {
      assert.deepEqual(out, []); // grace 100: no window closes
      return;
    }
    // With the cache, the driver's commit after every record flushes each update, so both give every update.
    assert.deepEqual(out, [
      ['[A@0/10]', '0+1', 0], ['[B@0/10]', '0+2', 1], ['[C@0/10]', '0+3', 2], ['[D@0/10]', '0+4', 3], ['[A@0/10]', '0+1+1', 4],
      ['[A@0/10]', '0+1+1+1', 5], ['[A@5/15]', '0+1', 5], ['[B@0/10]', '0+2+2', 6], ['[B@5/15]', '0+2', 6], ['[D@0/10]', '0+4+4', 7], ['[D@5/15]', '0+4', 7],
      ['[B@0/10]', '0+2+2+2', 8], ['[B@5/15]', '0+2+2', 8], ['[C@0/10]', '0+3+3', 9], ['[C@5/15]', '0+3', 9],
      ['[A@5/15]', '0+1+1', 10], ['[A@10/20]', '0+1', 10], ['[B@5/15]', '0+2+2+2', 11], ['[B@10/20]', '0+2', 11], ['[D@5/15]', '0+4+4', 12], ['[D@10/20]', '0+4', 12],
      ['[B@5/15]', '0+2+2+2+2', 13], ['[B@10/20]', '0+2+2', 13], ['[C@5/15]', '0+3+3', 14], ['[C@10/20]', '0+3', 14],
      ['[B@0/10]', '0+2+2+2+1', 8], ['[B@0/10]', '0+2+2+2+1+2', 8], ['[B@0/10]', '0+2+2+2+1+2+3', 9], ['[B@5/15]', '0+2+2+2+2+3', 13],
    ]);
  });

  test(`records for windows past retention and grace are dropped, logged and counted (${name}): Java's shouldLogAndMeterWhenSkippingExpiredWindow`, (t) => {
    const warnings = silenceWarnings(t);
    const b = new StreamsBuilder();
    b.stream('topic', { keySerde: S, valueSerde: S })
      .groupByKey(Grouped.with(S, S))
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 90).advanceBy(5))
      .emitStrategy(strategy)
      .aggregate(() => '', adder('+'), withCache(Materialized.as<string, string>('topic1-Canonicalized').withValueSerde(S).withLoggingDisabled().withRetention(100), cached))
      .toStream()
      .map((k, v) => KeyValue.pair(show(k), v))
      .to('output', { keySerde: S, valueSerde: S });
    const appId = `expired-${name.replace(/\W+/g, '-')}`;
    const d = new TopologyTestDriver(b.build(), { applicationId: appId } as never, 0);
    try {
      pipe(d, 'topic', [['k', '100', 100], ['k', '0', 0], ['k', '1', 1], ['k', '2', 2], ['k', '3', 3], ['k', '4', 4], ['k', '5', 5], ['k', '6', 6], ['k', '105', 105], ['k', '106', 106]]);
      assert.equal(droppedRecordsTotal(appId), 7);
      for (let i = 0; i <= 6; i++) {
        const line = `Skipping record for expired window. topic=[topic] partition=[0] offset=[${i + 1}] timestamp=[${i}] window=[0,10) expiration=[10] streamTime=[100]`;
        assert.ok(warnings.some((w) => w.endsWith(line)), `expected a warning ending ${line}; got ${warnings.join('\n')}`);
      }
      const got = d.createOutputTopic('output', S, S).readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
      if (emitFinal) {
        assert.deepEqual(got, [['[k@5/15]', '+5+6', 6]]); // window close time is 15 once 105 arrives
      } else {
        assert.deepEqual(got, [
          ['[k@95/105]', '+100', 100], ['[k@100/110]', '+100', 100], ['[k@5/15]', '+5', 5], ['[k@5/15]', '+5+6', 6],
          ['[k@100/110]', '+100+105', 105], ['[k@105/115]', '+105', 105], ['[k@100/110]', '+100+105+106', 106], ['[k@105/115]', '+105+106', 106],
        ]);
      }
    } finally {
      d.close();
    }
  });

  test(`late records beyond the grace period are dropped (${name}): Java's shouldLogAndMeterWhenSkippingExpiredWindowByGrace`, (t) => {
    const warnings = silenceWarnings(t);
    const b = new StreamsBuilder();
    b.stream('topic', { keySerde: S, valueSerde: S })
      .groupByKey(Grouped.with(S, S))
      .windowedBy(TimeWindows.ofSizeAndGrace(10, 90).advanceBy(10))
      .emitStrategy(strategy)
      .aggregate(() => '', adder('+'), withCache(Materialized.as<string, string>('topic1-Canonicalized').withValueSerde(S).withLoggingDisabled(), cached))
      .toStream()
      .map((k, v) => KeyValue.pair(show(k), v))
      .to('output', { keySerde: S, valueSerde: S });
    const appId = `grace-${name.replace(/\W+/g, '-')}`;
    const d = new TopologyTestDriver(b.build(), { applicationId: appId } as never, 0);
    try {
      pipe(d, 'topic', [['k', '100', 200], ['k', '0', 100], ['k', '1', 101], ['k', '2', 102], ['k', '3', 103], ['k', '4', 104], ['k', '5', 105], ['k', '6', 6]]);
      assert.equal(droppedRecordsTotal(appId), 7);
      assert.ok(warnings.some((w) => w.endsWith('Skipping record for expired window. topic=[topic] partition=[0] offset=[7] timestamp=[6] window=[0,10) expiration=[110] streamTime=[200]')));
      const got = d.createOutputTopic('output', S, S).readRecordsToList().map((r) => [r.key, r.value, r.timestamp]);
      assert.deepEqual(got, emitFinal ? [] : [['[k@200/210]', '+100', 200]]);
    } finally {
      d.close();
    }
  });
}

test('tumbling count: Java defaults (KSTREAM-AGGREGATE- names, Long counts), the windowed key serde written as Java writes it', () => {
  const b = new StreamsBuilder();
  b.stream('payments', { keySerde: S, valueSerde: S }).groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(60_000)).count().toStream().to('counts');
  const d = new TopologyTestDriver(b.build(), { applicationId: 'fraud', defaultKeySerde: S, defaultValueSerde: S } as never, 0);
  try {
    pipe(d, 'payments', [['card-1', 'a', 1_000], ['card-1', 'b', 59_999], ['card-2', 'c', 30_000], ['card-1', 'd', 60_000], ['card-1', 'late', 10]]);
    const serde = WindowedSerdes.timeWindowedSerdeFrom(S, 60_000);
    const got = d.createOutputTopic('counts', serde, Serdes.Int64()).readRecordsToList().map((r) => [show(r.key), r.value, r.timestamp]);
    assert.deepEqual(got, [['[card-1@0/60000]', 1n, 1_000], ['[card-1@0/60000]', 2n, 59_999], ['[card-2@0/60000]', 1n, 30_000], ['[card-1@60000/120000]', 1n, 60_000]]);
    assert.match(b.build().describe().toString(), /KSTREAM-AGGREGATE-0000000002 \(stores: \[KSTREAM-AGGREGATE-STATE-STORE-0000000001\]\)/);
  } finally {
    d.close();
  }
});

test('WindowedSerdes: Java layout (key bytes, window start; a session: key, end, start) and back', () => {
  const time = WindowedSerdes.timeWindowedSerdeFrom(S, 10);
  const tb = time.serialize('t', { key: 'ab', window: { start: 256, end: 266 } })!;
  assert.equal(tb.toString('hex'), '6162' + '0000000000000100');
  assert.deepEqual(time.deserialize('t', tb), { key: 'ab', window: { start: 256, end: 266 } });
  const session = WindowedSerdes.sessionWindowedSerdeFrom(S);
  const sb = session.serialize('t', { key: 'ab', window: { start: 1, end: 2 } })!;
  assert.equal(sb.toString('hex'), '6162' + '0000000000000002' + '0000000000000001');
  assert.deepEqual(session.deserialize('t', sb), { key: 'ab', window: { start: 1, end: 2 } });
  assert.throws(() => time.deserialize('t', Buffer.from('abc')), /at least 8 bytes/);
});

test('bad windows and retention are refused with what to do', () => {
  assert.throws(() => TimeWindows.ofSizeWithNoGrace(0), /window size must be larger than zero/);
  assert.throws(() => TimeWindows.ofSizeWithNoGrace(10).advanceBy(11), /advance must be more than zero and at most the window size/);
  assert.throws(() => TimeWindows.ofSizeAndGrace(10, -1), /grace period must not be negative/);
  const b = new StreamsBuilder();
  const w = b.stream('in', { keySerde: S, valueSerde: S }).groupByKey().windowedBy(TimeWindows.ofSizeAndGrace(10, 5));
  assert.throws(() => w.count(Materialized.as<string, bigint>('c').withRetention(12)), /must be no smaller than its window size plus the grace period. Got size=\[10\], grace=\[5\], retention=\[12\]/);
});

test("windowed changelogs are compacted and deleted, kept a day longer than the store (Java's WindowedChangelogTopicConfig); the suppression buffer's is compacted", () => {
  const b = new StreamsBuilder();
  const g = b.stream('in', { keySerde: S, valueSerde: S }).groupByKey();
  g.windowedBy(TimeWindows.ofSizeAndGrace(60_000, 10_000)).count(Materialized.as<string, bigint>('per-minute')).suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()).withName('final'));
  g.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(5_000)).count(Materialized.as<string, bigint>('sessions').withRetention(3_600_000));
  g.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(1_000, 500)).count(Materialized.as<string, bigint>('sliding').withLoggingEnabled({ 'min.insync.replicas': '1' }));
  const configs = Object.fromEntries(b.build().changelogTopics().map((t) => [t.name, t.config]));
  assert.deepEqual(configs, {
    'per-minute-changelog': { 'cleanup.policy': 'compact,delete', 'retention.ms': String(70_000 + 86_400_000) },
    'final-store-changelog': {},
    'sessions-changelog': { 'cleanup.policy': 'compact,delete', 'retention.ms': String(3_600_000 + 86_400_000) },
    'sliding-changelog': { 'cleanup.policy': 'compact,delete', 'retention.ms': String(2_500 + 86_400_000), 'min.insync.replicas': '1' },
  });
});
