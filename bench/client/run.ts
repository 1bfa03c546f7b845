/**
 * bench/client: @sluice/client against KafkaJS 2.2.4 and @platformatic/kafka 2.12.1, each as a
 * TypeScript application would use it, against the same Sluice broker (a separate process) in the
 * same run. Prints records/s and MB/s per client and Sluice's ratio to each peer.
 *
 *   node --conditions=sluice:source bench/client/run.ts [--records-100 200000] [--records-1k 50000] [--latency-samples 2000] [--rounds 2] [--broker sluice|kafka]
 *
 * `--broker kafka` runs the same against Apache Kafka 4.3.1 instead of Sluice's broker. Sluice
 * syncs every acks=all append before answering, so with large records its disk can be what all
 * three clients wait for; Kafka answers from the page cache, which shows the clients' own speed.
 *
 * Produce: acks=all, no compression, 6 partitions, unkeyed records handed over in calls of 1,000
 * records with up to 8 calls in flight (KafkaJS and @platformatic/kafka take arrays; Sluice's
 * `sendBatch` does too). Each client keeps its own defaults otherwise (Sluice: idempotent,
 * linger 5 ms, batch size 16 KiB, as Java's client).
 * Consume: a consumer group reading the topic from the beginning; timed from the first record to
 * the last, so the time to join the group is not counted.
 * Latency: one 100-byte record at a time, send to acknowledgement (Sluice with lingerMs 0).
 * The best of `rounds` runs is kept for each figure.
 */
import { parseArgs } from 'node:util';
import kafkajs from 'kafkajs';
import { Consumer as PlatformaticConsumer, Producer as PlatformaticProducer } from '@platformatic/kafka';
import { Admin, Consumer, Producer } from '@sluice/client';
import { startBenchBroker } from '../lib/bench-broker.ts';

const { values } = parseArgs({
  options: {
    'records-100': { type: 'string', default: '200000' },
    'records-1k': { type: 'string', default: '50000' },
    'latency-samples': { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '2' },
    broker: { type: 'string', default: 'sluice' },
  },
});
const SIZES = [
  { size: 100, records: Number(values['records-100']) },
  { size: 1024, records: Number(values['records-1k']) },
];
const SAMPLES = Number(values['latency-samples']);
const ROUNDS = Number(values.rounds);
const CALL = 1000;
const IN_FLIGHT = 8;
const PARTITIONS = 6;

const { Kafka, logLevel } = kafkajs;

interface ClientUnderTest {
  name: string;
  /** Sends `count` records of `value` to `topic`, `CALL` per call, `IN_FLIGHT` calls at once. */
  produce(bootstrap: string, topic: string, value: Buffer, count: number): Promise<void>;
  /** Reads `count` records of `topic` in a new group; resolves with the seconds from the first to the last. */
  consume(bootstrap: string, topic: string, count: number): Promise<number>;
  /** Milliseconds from send to acknowledgement of `samples` records sent one at a time. */
  latency(bootstrap: string, topic: string, samples: number): Promise<number[]>;
}

/** Runs `calls` calls with at most IN_FLIGHT at once. */
async function pipelined(calls: number, call: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < calls) await call(next++);
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
}

/** Counts records until `count`; `start` hooks the client's delivery to `onRecords`. */
function countUntil(count: number, start: (onRecords: (n: number) => void) => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    let first = 0;
    start((n) => {
      if (seen === 0) first = performance.now();
      seen += n;
      if (seen >= count) resolve((performance.now() - first) / 1000);
    }).catch(reject);
  });
}

/** Milliseconds each of `samples` sends takes, one after the other. */
async function timedSends(samples: number, send: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    await send();
    out.push(performance.now() - t);
  }
  return out;
}

let groupCounter = 0;
const groupName = (client: string) => `bench-${client}-${process.pid}-${groupCounter++}`;

const sluice: ClientUnderTest = {
  name: 'Sluice client',
  async produce(bootstrap, topic, value, count) {
    const producer = new Producer({ bootstrapServers: bootstrap });
    await producer.send({ topic, value });
    const records = Array.from({ length: CALL }, () => ({ topic, value }));
    await pipelined(count / CALL, () => producer.sendBatch(records));
    await producer.close();
  },
  async consume(bootstrap, topic, count) {
    const consumer = new Consumer({ bootstrapServers: bootstrap, groupId: groupName('sluice'), autoOffsetReset: 'earliest' });
    consumer.subscribe(topic);
    const seconds = await countUntil(count, async (onRecords) => {
      // Ends when the consumer is closed, after the count is reached.
      for await (const batch of consumer) onRecords(batch.records.length);
    });
    await consumer.close();
    return seconds;
  },
  async latency(bootstrap, topic, samples) {
    const producer = new Producer({ bootstrapServers: bootstrap, lingerMs: 0 });
    const value = Buffer.alloc(100, 'l');
    await producer.send({ topic, value });
    const out = await timedSends(samples, () => producer.send({ topic, value }));
    await producer.close();
    return out;
  },
};

const kafkaJs: ClientUnderTest = {
  name: 'KafkaJS 2.2.4',
  async produce(bootstrap, topic, value, count) {
    const producer = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ value }] });
    const messages = Array.from({ length: CALL }, () => ({ value }));
    await pipelined(count / CALL, () => producer.send({ topic, acks: -1, messages }));
    await producer.disconnect();
  },
  async consume(bootstrap, topic, count) {
    const consumer = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).consumer({ groupId: groupName('kafkajs') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const seconds = await countUntil(count, (onRecords) => consumer.run({ eachBatch: async ({ batch }) => onRecords(batch.messages.length) }));
    await consumer.disconnect();
    return seconds;
  },
  async latency(bootstrap, topic, samples) {
    const producer = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    const value = Buffer.alloc(100, 'l');
    await producer.send({ topic, acks: -1, messages: [{ value }] });
    const out = await timedSends(samples, () => producer.send({ topic, acks: -1, messages: [{ value }] }));
    await producer.disconnect();
    return out;
  },
};

const platformatic: ClientUnderTest = {
  name: '@platformatic/kafka 2.12.1',
  async produce(bootstrap, topic, value, count) {
    const producer = new PlatformaticProducer({ clientId: 'bench', bootstrapBrokers: [bootstrap], autocreateTopics: false });
    await producer.send({ messages: [{ topic, value }], acks: -1 });
    const messages = Array.from({ length: CALL }, () => ({ topic, value }));
    await pipelined(count / CALL, () => producer.send({ messages, acks: -1 }));
    await producer.close();
  },
  async consume(bootstrap, topic, count) {
    const consumer = new PlatformaticConsumer({ groupId: groupName('platformatic'), clientId: 'bench', bootstrapBrokers: [bootstrap] });
    let stream: Awaited<ReturnType<typeof consumer.consume>> | undefined;
    const seconds = await countUntil(count, async (onRecords) => {
      stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: true });
      stream.on('data', () => onRecords(1));
    });
    await stream?.close();
    await consumer.close();
    return seconds;
  },
  async latency(bootstrap, topic, samples) {
    const producer = new PlatformaticProducer({ clientId: 'bench', bootstrapBrokers: [bootstrap], autocreateTopics: false });
    const value = Buffer.alloc(100, 'l');
    await producer.send({ messages: [{ topic, value }], acks: -1 });
    const out = await timedSends(samples, () => producer.send({ messages: [{ topic, value }], acks: -1 }));
    await producer.close();
    return out;
  },
};

const CLIENTS = [sluice, kafkaJs, platformatic];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function main(): Promise<void> {
  const broker = await startBenchBroker(values.broker, ['--set', 'group.initial.rebalance.delay.ms=0']);
  const bootstrap = broker.bootstrap;
  const admin = new Admin({ bootstrapServers: bootstrap });
  let topicCounter = 0;
  const newTopic = async (partitions: number) => {
    const name = `bench-client-${topicCounter++}`;
    await admin.createTopics([{ name, numPartitions: partitions }]);
    return name;
  };
  try {
    console.log(`${broker.name} on ${bootstrap}; ${ROUNDS} round(s), best kept`);
    const best = new Map<string, number>();
    const keep = (key: string, v: number, higherIsBetter: boolean) => {
      const old = best.get(key);
      if (old === undefined || (higherIsBetter ? v > old : v < old)) best.set(key, v);
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const { size, records } of SIZES) {
        const value = Buffer.alloc(size, 'v');
        for (const client of CLIENTS) {
          const topic = await newTopic(PARTITIONS);
          const t = performance.now();
          await client.produce(bootstrap, topic, value, records);
          const produceRate = records / ((performance.now() - t) / 1000);
          keep(`${client.name}|produce|${size}`, produceRate, true);
          // Consume what this client's producer wrote (plus its warm-up record).
          const consumeRate = (records + 1) / (await client.consume(bootstrap, topic, records + 1));
          keep(`${client.name}|consume|${size}`, consumeRate, true);
          console.log(`  round ${round + 1}, ${size} B, ${client.name}: produce ${produceRate.toFixed(0)}/s, consume ${consumeRate.toFixed(0)}/s`);
        }
      }
      for (const client of CLIENTS) {
        const samples = (await client.latency(bootstrap, await newTopic(1), SAMPLES)).sort((a, b) => a - b);
        keep(`${client.name}|p50`, percentile(samples, 0.5), false);
        keep(`${client.name}|p99`, percentile(samples, 0.99), false);
      }
    }

    console.log('\nThroughput (records/s, MB/s of values); ratios are Sluice client ÷ peer');
    for (const kind of ['produce', 'consume'] as const) {
      for (const { size } of SIZES) {
        const ours = best.get(`${sluice.name}|${kind}|${size}`)!;
        const cells = CLIENTS.map((c) => {
          const rate = best.get(`${c.name}|${kind}|${size}`)!;
          return `${c.name} ${rate.toFixed(0)}/s ${((rate * size) / 1e6).toFixed(1)} MB/s`;
        });
        const ratios = [kafkaJs, platformatic].map((c) => `${(ours / best.get(`${c.name}|${kind}|${size}`)!).toFixed(2)}× ${c.name}`);
        console.log(`  ${kind} ${String(size).padStart(4)} B: ${cells.join(' | ')}\n    Sluice client: ${ratios.join(', ')}`);
      }
    }
    console.log('\nProduce latency, one 100 B record at a time, acks=all (ms)');
    for (const c of CLIENTS) console.log(`  ${c.name.padEnd(28)} p50 ${best.get(`${c.name}|p50`)!.toFixed(2)}  p99 ${best.get(`${c.name}|p99`)!.toFixed(2)}`);
  } finally {
    await admin.close();
    await broker.stop();
  }
}

await main();
