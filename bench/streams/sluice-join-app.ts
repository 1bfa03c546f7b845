/**
 * The stream–stream join of bench/streams in Sluice streams, the twin of
 * java/src/main/java/dev/sluice/bench/JoinApp.java (same topology, same measurement): two source
 * topics with the same keys, inner-joined within JoinWindows of 1 minute (no grace; each side in
 * a persistent window store with its changelog) → sink (left value | right value).
 *   node --conditions=sluice:source --import tsx bench/streams/sluice-join-app.ts <bootstrap> <applicationId> <leftSource> <rightSource> <destination> <expected> <guarantee> <stateDir>
 * expected: the records of both sources together. Prints the time from the first to the last
 * input record processed (either side), from start to the first record, and to close.
 */
import { JoinWindows, KafkaStreams, Serdes, StreamJoined, StreamsBuilder } from '@sluice/streams';

const [bootstrap, applicationId, leftSource, rightSource, destination, expectedArg, guarantee, stateDir] = process.argv.slice(2);
const expected = Number(expectedArg);
const S = Serdes.String();

let seen = 0;
let firstAt = 0;
let lastAt = 0;
let done!: () => void;
const finished = new Promise<void>((r) => (done = r));
// Both sides count towards one total: the join has processed its input when both are read.
const countSeen = () => {
  seen++;
  if (seen === 1) firstAt = performance.now();
  if (seen === expected) {
    lastAt = performance.now();
    done();
  }
};

const builder = new StreamsBuilder();
const left = builder.stream(leftSource, { keySerde: S, valueSerde: S }).peek(countSeen);
const right = builder.stream(rightSource, { keySerde: S, valueSerde: S }).peek(countSeen);
left
  .join(right, (l: string, r: string) => `${l}|${r}`, JoinWindows.ofTimeDifferenceWithNoGrace(60_000), StreamJoined.with(S, S, S))
  .to(destination, { keySerde: S, valueSerde: S });

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
