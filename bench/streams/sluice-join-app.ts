/**
 * The stream–stream join of bench/streams in Sluice streams, the twin of
 * java/src/main/java/dev/sluice/bench/JoinApp.java (same topology, same measurement): two source
 * topics with the same keys, inner-joined within JoinWindows of 1 minute (no grace; each side in
 * a persistent window store with its changelog) → sink (left value | right value).
 *   node --conditions=sluice:source bench/streams/sluice-join-app.ts <bootstrap> <applicationId> <leftSource> <rightSource> <destination> <expected> <guarantee> <stateDir>
 * expected: the records of both sources together. Prints the time from the first to the last
 * input record processed (either side), from start to the first record, and to close.
 */
import { JoinWindows, KafkaStreams, Serdes, StreamJoined, StreamsBuilder } from '@sluice/streams';
import { BenchRun, statefulConfig } from './bench-app.ts';

const [bootstrap, applicationId, leftSource, rightSource, destination, expectedArg, guarantee, stateDir] = process.argv.slice(2);
const run = new BenchRun(Number(expectedArg));
const S = Serdes.String();

const builder = new StreamsBuilder();
// Both sides count towards one total: the join has processed its input when both are read.
const left = builder.stream(leftSource, { keySerde: S, valueSerde: S }).peek(run.countSeen);
const right = builder.stream(rightSource, { keySerde: S, valueSerde: S }).peek(run.countSeen);
left
  .join(right, (l: string, r: string) => `${l}|${r}`, JoinWindows.ofTimeDifferenceWithNoGrace(60_000), StreamJoined.with(S, S, S))
  .to(destination, { keySerde: S, valueSerde: S });

const streams = new KafkaStreams(builder.build(), statefulConfig(applicationId, bootstrap, guarantee, stateDir));
run.guard();
await run.start(streams);
await run.awaitProcessedAndReport(streams);
