/**
 * bench/diagnostics: what the broker's diagnostics_channel events cost. An in-process broker
 * answers pipelined Fetch requests (maxWaitMs 0, one small partition: each request passes the
 * request and fetch channels) on one connection, in alternating rounds without and with a
 * subscriber on every sluice:broker channel. Without a subscriber the events must cost nothing;
 * run it on the commit before the events were added too, to compare the rounds without.
 *
 *   node --conditions=sluice:source bench/diagnostics/run.ts [--requests 20000] [--rounds 3]
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import { createConnection, type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { Apis, FrameDecoder, encodeRequest, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { startBroker } from '@sluice/broker';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '3' } } });
const REQUESTS = Number(values.requests);
const ROUNDS = Number(values.rounds);
const WINDOW = 64; // requests in flight at once
const CHANNELS = ['sluice:broker:request', 'sluice:broker:produce', 'sluice:broker:fetch', 'sluice:broker:group-state'];

/** Sends `count` copies of a request, `WINDOW` at a time, and resolves with requests per second. */
function pipeline(socket: Socket, frame: (id: number) => Buffer[], count: number): Promise<number> {
  return new Promise((resolve) => {
    const decoder = new FrameDecoder(1 << 26);
    let sent = 0;
    let answered = 0;
    const start = performance.now();
    const send = () => {
      while (sent < count && sent - answered < WINDOW) for (const c of frame(++sent)) socket.write(c);
    };
    const onData = (chunk: Buffer) => {
      answered += decoder.push(chunk).length;
      if (answered === count) {
        socket.off('data', onData);
        resolve(count / ((performance.now() - start) / 1000));
      } else send();
    };
    socket.on('data', onData);
    send();
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const broker = await startBroker({ port: 0 });
try {
  const socket = await new Promise<Socket>((resolve, reject) => {
    const s = createConnection({ port: broker.port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
  socket.setNoDelay(true);
  const once = (frame: Buffer[]) => pipeline(socket, () => frame, 1);
  await once(encodeRequest(Apis.CreateTopics, 7, 1, 'bench', { topics: [{ name: 'b', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 5000 }));
  const records = encodeUncompressedRecordBatch({ records: Array.from({ length: 10 }, (_, i) => ({ value: `record ${i}` })) });
  await once(encodeRequest(Apis.Produce, 9, 2, 'bench', { acks: -1, timeoutMs: 5000, topicData: [{ name: 'b', partitionData: [{ index: 0, records }] }] }));
  const fetch = (id: number) =>
    encodeRequest(Apis.Fetch, 12, id, 'bench', { maxWaitMs: 0, minBytes: 1, topics: [{ topic: 'b', partitions: [{ partition: 0, fetchOffset: 0n, partitionMaxBytes: 1 << 20 }] }] });

  await pipeline(socket, fetch, REQUESTS); // warm-up
  const without: number[] = [];
  const withSubscribers: number[] = [];
  let events = 0;
  const count = () => void events++;
  for (let round = 0; round < ROUNDS; round++) {
    without.push(await pipeline(socket, fetch, REQUESTS));
    for (const name of CHANNELS) diagnosticsChannel.subscribe(name, count);
    withSubscribers.push(await pipeline(socket, fetch, REQUESTS));
    for (const name of CHANNELS) diagnosticsChannel.unsubscribe(name, count);
  }
  socket.destroy();
  console.log(`Fetch requests answered per second, ${REQUESTS} a round, median of ${ROUNDS} rounds:`);
  console.log(`  without subscribers  ${median(without).toFixed(0).padStart(8)}  (rounds: ${without.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`  with subscribers     ${median(withSubscribers).toFixed(0).padStart(8)}  (rounds: ${withSubscribers.map((x) => x.toFixed(0)).join(', ')}; ${events} events)`);
  console.log(`  with ÷ without       ${(median(withSubscribers) / median(without)).toFixed(2)}×`);
} finally {
  await broker.close();
}
