// A task that starts with a stream time committed by the previous owner (the partition time in the
// offset metadata) punctuates its stream-time punctuators at that time on its first loop, before
// any new record, as Java's StreamThread does (StreamTask.completeRestoration restores the time
// and inits the processors, then TaskManager.punctuate runs maybePunctuateStreamTime each loop).
// Before, the restored time was only used once a new record came, and with the default timestamp
// extractor no partition time was committed at all (-1). One broker, two short runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Producer } from '@sluice/client';
import { KafkaStreams, PunctuationType, Record, Serdes, type StreamsLogger, Topology } from '@sluice/streams';
import { eventually } from '@sluice/test-kit';
import { createTopics, readTopic } from './support.ts';

const S = Serdes.String();
const quiet: StreamsLogger = { info() {}, warn() {}, error() {} };
let broker: Broker;
let stateDir: string;

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  stateDir = mkdtempSync(join(tmpdir(), 'sluice-punctuation-restart-'));
});
after(async () => {
  await broker.close();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Each stream-time punctuation (every 1000 ms of stream time) writes its time to pr-out. */
function topology(): Topology {
  return new Topology()
    .addSource('in', 'pr-in', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor(
      'tick',
      () => ({
        init: (ctx) => void ctx.schedule(1000, PunctuationType.STREAM_TIME, (ts) => ctx.forward(new Record('tick', String(ts), ts))),
        process: () => {},
      }),
      'in',
    )
    .addSink('out', 'pr-out', { keySerializer: S, valueSerializer: S }, 'tick');
}

const run = () => new KafkaStreams(topology(), { applicationId: 'pr-app', bootstrapServers: broker.bootstrap, stateDir, commitIntervalMs: 100, logger: quiet });

test('a restarted task punctuates at its committed stream time before any new record', async () => {
  await createTopics(broker.bootstrap, [{ name: 'pr-in', partitions: 1 }, { name: 'pr-out', partitions: 1 }]);
  const first = run();
  await first.start();
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  try {
    await producer.sendBatch([5_000, 7_500].map((timestamp) => ({ topic: 'pr-in', key: 'k', value: 'v', timestamp })));
  } finally {
    await producer.close();
  }
  const ticks = (records: { value: string | null }[]) => records.map((r) => Number(r.value));
  assert.deepEqual(ticks(await readTopic(broker.bootstrap, 'pr-out', (r) => r.length >= 2, 30_000)), [5_000, 7_500]);
  await eventually('the input to be processed and committed', () => first.state() === 'RUNNING');
  await first.close();
  // The offset is committed with Kafka Streams' metadata holding the partition time (with the
  // default timestamp extractor it was -1, unknown: the time was not noted on that path).
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  try {
    const [committed] = await admin.listGroupOffsets('pr-app');
    const metadata = Buffer.from(committed.metadata ?? '', 'base64');
    assert.deepEqual([committed.offset, metadata.readInt8(0), metadata.readBigInt64BE(1)], [2n, 2, 7_500n], 'version 2, partition time 7500');
  } finally {
    await admin.close();
  }

  const second = run();
  try {
    await second.start();
    // No new input: Java's loop punctuates at the restored stream time, 7500, once.
    assert.deepEqual(ticks(await readTopic(broker.bootstrap, 'pr-out', (r) => r.length >= 3, 20_000)), [5_000, 7_500, 7_500]);
  } finally {
    await second.close();
  }
});
