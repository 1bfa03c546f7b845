/**
 * The windowed count of bench/streams in Sluice streams, the twin of
 * java/src/main/java/dev/sluice/bench/WindowedCountApp.java (same topology, same measurement):
 * source → groupByKey → windowedBy(1-minute tumbling TimeWindows, no grace) → count (persistent
 * window store "windowed-counts" with its changelog) → toStream → sink (Java's windowed key bytes).
 *   node --conditions=sluice:source --import tsx bench/streams/sluice-windowed-count-app.ts <bootstrap> <applicationId> <source> <destination> <expected> <guarantee> <stateDir>
 * Prints the time from the first to the last input record processed (expected: the source's
 * record count), from start to the first record, and to close (flush outputs, commit).
 */
import { KafkaStreams, Materialized, Serdes, StreamsBuilder, TimeWindows, WindowedSerdes } from '@sluice/streams';

const [bootstrap, applicationId, source, destination, expectedArg, guarantee, stateDir] = process.argv.slice(2);
const expected = Number(expectedArg);
const WINDOW_MS = 60_000;
const S = Serdes.String();

let seen = 0;
let firstAt = 0;
let lastAt = 0;
let done!: () => void;
const finished = new Promise<void>((r) => (done = r));

const builder = new StreamsBuilder();
builder
  .stream(source, { keySerde: S, valueSerde: S })
  .peek(() => {
    seen++;
    if (seen === 1) firstAt = performance.now();
    if (seen === expected) {
      lastAt = performance.now();
      done();
    }
  })
  .groupByKey()
  .windowedBy(TimeWindows.ofSizeWithNoGrace(WINDOW_MS))
  .count(Materialized.as<string, bigint>('windowed-counts'))
  .toStream()
  .to(destination, { keySerde: WindowedSerdes.timeWindowedSerdeFrom(S, WINDOW_MS), valueSerde: Serdes.Int64() });

const streams = new KafkaStreams(builder.build(), {
  applicationId,
  bootstrapServers: bootstrap,
  processingGuarantee: guarantee as 'at_least_once' | 'exactly_once_v2',
  stateDir,
});
const timeout = setTimeout(() => {
  console.log(JSON.stringify({ error: 'timed out', seen }));
  process.exit(1);
}, 600_000);
const started = performance.now();
await streams.start();
await finished;
clearTimeout(timeout);
await streams.close();
const closed = performance.now();
console.log(JSON.stringify({ records: expected, processMs: lastAt - firstAt, untilFirstMs: firstAt - started, closeMs: closed - lastAt }));
process.exit(0);
