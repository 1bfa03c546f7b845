/**
 * The Sluice twins of tests/streams/java/.../WindowTopologies.java, operator for operator: the
 * windowed topologies of the differential test (differential-windows.test.ts) and of the describe()
 * comparison (describe-windows.test.ts). All read one input of card keys and integer amounts;
 * windowed keys are written as "key@start/end" text (but the windowed-serde one), values as text.
 */
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
  WindowedSerdes,
  type KGroupedStream,
  type KTable,
  type Topology,
  type Windowed,
} from '@sluice/streams';

export const WINDOW_INPUT = 'window-differential-input';
/** The fraud-detection pipeline's payments per card per minute, written with the windowed serde. */
export const SERDE_TOPOLOGY = 'window-fraud-count-serde';
const S = Serdes.String();
const strings = { keySerde: S, valueSerde: S };

const add = (a: string, b: string): string => String(BigInt(a) + BigInt(b));

function toText<V>(table: KTable<Windowed<string>, V>, output: string): void {
  table
    .toStream()
    .map((k, v) => KeyValue.pair(`${k.key}@${k.window.start}/${k.window.end}`, v === null ? null : String(v)))
    .to(output, strings);
}

/** The Sluice twins of WindowTopologies.java, operator for operator. */
const twins: Record<string, (g: KGroupedStream<string, string>, output: string) => void> = {
  'window-tumbling-count': (g, out) => toText(g.windowedBy(TimeWindows.ofSizeAndGrace(1000, 200)).count(), out),
  'window-hopping-sum': (g, out) => toText(g.windowedBy(TimeWindows.ofSizeAndGrace(1000, 300).advanceBy(250)).aggregate(() => '0', (_k, v, agg) => add(agg, v), Materialized.with<string, string>(S, S)), out),
  'window-tumbling-reduce-max': (g, out) => toText(g.windowedBy(TimeWindows.ofSizeWithNoGrace(500)).reduce((a, b) => (BigInt(b) > BigInt(a) ? b : a)), out),
  'window-session-sum': (g, out) =>
    toText(g.windowedBy(SessionWindows.ofInactivityGapAndGrace(300, 100)).aggregate(() => '0', (_k, v, agg) => add(agg, v), (_k, a, b) => add(a, b), Materialized.with<string, string>(S, S)), out),
  'window-session-count': (g, out) => toText(g.windowedBy(SessionWindows.ofInactivityGapWithNoGrace(200)).count(), out),
  'window-suppress-final': (g, out) => toText(g.windowedBy(TimeWindows.ofSizeAndGrace(1000, 200)).count().suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())), out),
  'window-suppress-session-final': (g, out) => toText(g.windowedBy(SessionWindows.ofInactivityGapAndGrace(300, 100)).count().suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded())), out),
  'window-suppress-time-limit': (g, out) =>
    g
      .count(Materialized.with<string, bigint>(S, Serdes.Int64()))
      .suppress(Suppressed.untilTimeLimit(700, BufferConfig.maxRecords(3).emitEarlyWhenFull()))
      .toStream()
      .mapValues((v) => (v === null ? null : String(v)))
      .to(out, strings),
  'window-emit-on-close': (g, out) => toText(g.windowedBy(TimeWindows.ofSizeAndGrace(1000, 200)).emitStrategy(EmitStrategy.onWindowClose()).count(), out),
  'window-session-emit-on-close': (g, out) =>
    toText(
      g
        .windowedBy(SessionWindows.ofInactivityGapAndGrace(300, 100))
        .emitStrategy(EmitStrategy.onWindowClose())
        .aggregate(() => '0', (_k, v, agg) => add(agg, v), (_k, a, b) => add(a, b), Materialized.with<string, string>(S, S)),
      out,
    ),
  'window-sliding-sum': (g, out) =>
    toText(g.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(500, 200)).aggregate(() => '0', (_k, v, agg) => add(agg, v), Materialized.with<string, string>(S, S)), out),
  'window-sliding-count': (g, out) => toText(g.windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(300)).count(), out),
  [SERDE_TOPOLOGY]: (g, out) =>
    g
      .windowedBy(TimeWindows.ofSizeAndGrace(60_000, 10_000))
      .count(Materialized.as<string, bigint>('payments-per-card-per-minute'))
      .toStream()
      .to(out, { keySerde: WindowedSerdes.timeWindowedSerdeFrom(S, 60_000), valueSerde: Serdes.Int64() }),
};

export function sluiceTopology(name: string, output: string, input = WINDOW_INPUT): Topology {
  const b = new StreamsBuilder();
  twins[name]!(b.stream(input, strings).groupByKey(Grouped.with(S, S)), output);
  return b.build();
}

/** The topologies, in WindowTopologies.java's order. */
export const windowTopologyNames = (): string[] => Object.keys(twins);
