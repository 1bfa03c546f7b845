/**
 * The windowed count of bench/streams in Sluice streams, the twin of
 * java/src/main/java/dev/sluice/bench/WindowedCountApp.java (same topology, same measurement):
 * source → groupByKey → windowedBy(1-minute tumbling TimeWindows, no grace) → count (persistent
 * window store "windowed-counts" with its changelog) → toStream → sink (Java's windowed key bytes).
 *   node --conditions=sluice:source bench/streams/sluice-windowed-count-app.ts <bootstrap> <applicationId> <source> <destination> <expected> <guarantee> <stateDir>
 * Prints the time from the first to the last input record processed (expected: the source's
 * record count), from start to the first record, and to close (flush outputs, commit).
 */
import { KafkaStreams, Materialized, Serdes, StreamsBuilder, TimeWindows, WindowedSerdes } from '@sluice/streams';
import { BenchRun, statefulConfig } from './bench-app.ts';

const [bootstrap, applicationId, source, destination, expectedArg, guarantee, stateDir] = process.argv.slice(2);
const run = new BenchRun(Number(expectedArg));
const WINDOW_MS = 60_000;
const S = Serdes.String();

const builder = new StreamsBuilder();
builder
  .stream(source, { keySerde: S, valueSerde: S })
  .peek(run.countSeen)
  .groupByKey()
  .windowedBy(TimeWindows.ofSizeWithNoGrace(WINDOW_MS))
  .count(Materialized.as<string, bigint>('windowed-counts'))
  .toStream()
  .to(destination, { keySerde: WindowedSerdes.timeWindowedSerdeFrom(S, WINDOW_MS), valueSerde: Serdes.Int64() });

const streams = new KafkaStreams(builder.build(), statefulConfig(applicationId, bootstrap, guarantee, stateDir));
run.guard();
await run.start(streams);
await run.awaitProcessedAndReport(streams);
