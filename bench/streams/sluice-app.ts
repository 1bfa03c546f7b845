/**
 * The filter pipeline of bench/streams in Sluice streams, the twin of
 * java/src/main/java/dev/sluice/bench/FilterApp.java (same topology, same measurement):
 *   node --conditions=sluice:source --import tsx bench/streams/sluice-app.ts <bootstrap> <applicationId> <source> <destination> <expectedRecords>
 * Prints one JSON line: time from the first to the last input record processed, and from start
 * to the first record, and the time to close (flush outputs and commit).
 */
import { KafkaStreams, Serdes, StreamsBuilder } from '@sluice/streams';

const [bootstrap, applicationId, source, destination, expectedArg] = process.argv.slice(2);
const expected = Number(expectedArg);
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
  .filter((_k, v) => v.includes('important'))
  .to(destination, { keySerde: S, valueSerde: S });

const streams = new KafkaStreams(builder.build(), { applicationId, bootstrapServers: bootstrap });
const started = performance.now();
await streams.start();
const timeout = setTimeout(() => {
  console.log(JSON.stringify({ error: 'timed out', seen }));
  process.exit(1);
}, 600_000);
await finished;
clearTimeout(timeout);
await streams.close();
const closed = performance.now();
console.log(JSON.stringify({ records: expected, processMs: lastAt - firstAt, untilFirstMs: firstAt - started, closeMs: closed - lastAt }));
process.exit(0);
