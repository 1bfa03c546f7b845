// A task reading two topics (one processor fed by both sources) sees their records in timestamp
// order on a real broker, not topic by topic as they were fetched: the runtime's partition group
// with the consumer's lag deciding when the other partition must be waited for.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Producer } from '@sluice/client';
import { KafkaStreams, type Record, Serdes, type StreamsLogger, Topology } from '@sluice/streams';
import { eventually } from '@sluice/test-kit';
import { createTopics } from './support.ts';

const S = Serdes.String();
const quiet: StreamsLogger = { info() {}, warn() {}, error() {} };
let broker: Broker;

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
});
after(async () => {
  await broker.close();
});

test("one task's two input topics are processed in timestamp order", async () => {
  await createTopics(broker.bootstrap, [
    { name: 'ts-left', partitions: 1 },
    { name: 'ts-right', partitions: 1 },
  ]);
  // Each topic holds every other timestamp; the whole of one is written before the other.
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  const base = Date.now() - 3_600_000;
  await producer.sendBatch(Array.from({ length: 200 }, (_, i) => ({ topic: 'ts-left', key: 'k', value: `L${2 * i}`, timestamp: base + 2 * i })));
  await producer.sendBatch(Array.from({ length: 200 }, (_, i) => ({ topic: 'ts-right', key: 'k', value: `R${2 * i + 1}`, timestamp: base + 2 * i + 1 })));
  await producer.close();

  const seen: { value: string; timestamp: number }[] = [];
  const topology = new Topology()
    .addSource('left', 'ts-left', { keyDeserializer: S, valueDeserializer: S })
    .addSource('right', 'ts-right', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor('merge', () => ({ process: (r: Record<string, string>) => void seen.push({ value: r.value, timestamp: r.timestamp }) }), 'left', 'right');
  const app = new KafkaStreams(topology, { applicationId: 'ts-order', bootstrapServers: broker.bootstrap, logger: quiet, commitIntervalMs: 200 });
  try {
    await app.start();
    await eventually('all 400 records to be processed', () => seen.length >= 400);
    assert.deepEqual(app.localTasks(), ['0_0'], 'both topics are one task');
    const expected = Array.from({ length: 400 }, (_, i) => `${i % 2 === 0 ? 'L' : 'R'}${i}`);
    assert.deepEqual(
      seen.map((r) => r.value),
      expected,
    );
  } finally {
    await app.close();
  }
});
