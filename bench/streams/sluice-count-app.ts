/**
 * The count-by-key aggregation of bench/streams in Sluice streams, the twin of
 * java/src/main/java/dev/sluice/bench/CountApp.java (same topology, same measurement):
 * source → groupByKey → count (persistent store "counts" with its changelog) → toStream → sink.
 *   node --conditions=sluice:source bench/streams/sluice-count-app.ts <bootstrap> <applicationId> <source> <destination> <expected> <guarantee> <stateDir> <process|restore>
 * process: prints the time from the first to the last input record processed (expected: the
 * source's record count), from start to the first record, and to close (flush outputs, commit).
 * restore: run after a process run with the same applicationId and an empty stateDir, so the
 * store is rebuilt from its changelog (expected: its partition count); prints the records
 * restored and the time from the first restore start to the last restore end.
 */
import { KafkaStreams, Materialized, Serdes, StreamsBuilder } from '@sluice/streams';
import { BenchRun, statefulConfig } from './bench-app.ts';

const [bootstrap, applicationId, source, destination, expectedArg, guarantee, stateDir, mode] = process.argv.slice(2);
const expected = Number(expectedArg);
const run = new BenchRun(expected);
const S = Serdes.String();

const builder = new StreamsBuilder();
builder
  .stream(source, { keySerde: S, valueSerde: S })
  .peek(run.countSeen)
  .groupByKey()
  .count(Materialized.as<string, bigint>('counts'))
  .toStream()
  .to(destination, { keySerde: S, valueSerde: Serdes.Int64() });

const streams = new KafkaStreams(builder.build(), statefulConfig(applicationId, bootstrap, guarantee, stateDir));
let restored = 0;
let restoreStart = 0;
let restoreEnd = 0;
let restoresLeft = mode === 'restore' ? expected : 0;
const restoresEnded = new Promise<void>((resolve) => {
  streams.setGlobalStateRestoreListener({
    onRestoreStart: () => {
      if (restoreStart === 0) restoreStart = performance.now();
    },
    onRestoreEnd: (_topic, _partition, _store, total) => {
      restored += total;
      restoreEnd = performance.now();
      if (--restoresLeft === 0) resolve();
    },
  });
});
run.guard(() => ({ seen: run.seen, restored }));
await run.start(streams);
if (mode === 'restore') {
  await restoresEnded;
  await run.closeAndPrint(streams, () => ({ restored, restoreMs: restoreEnd - restoreStart, untilRestoredMs: restoreEnd - run.started }));
}
await run.awaitProcessedAndReport(streams);
