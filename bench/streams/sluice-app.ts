/**
 * The filter pipeline of bench/streams in Sluice streams, the twin of
 * java/src/main/java/dev/sluice/bench/FilterApp.java (same topology, same measurement):
 *   node --conditions=sluice:source bench/streams/sluice-app.ts <bootstrap> <applicationId> <source> <destination> <expectedRecords>
 * Prints one JSON line: time from the first to the last input record processed, and from start
 * to the first record, and the time to close (flush outputs and commit).
 */
import { KafkaStreams, Serdes, StreamsBuilder } from '@sluice/streams';
import { BenchRun } from './bench-app.ts';

const [bootstrap, applicationId, source, destination, expectedArg] = process.argv.slice(2);
const run = new BenchRun(Number(expectedArg));
const S = Serdes.String();

const builder = new StreamsBuilder();
builder
  .stream(source, { keySerde: S, valueSerde: S })
  .peek(run.countSeen)
  .filter((_k, v) => v.includes('important'))
  .to(destination, { keySerde: S, valueSerde: S });

const streams = new KafkaStreams(builder.build(), { applicationId, bootstrapServers: bootstrap });
run.guard();
await run.start(streams);
await run.awaitProcessedAndReport(streams);
