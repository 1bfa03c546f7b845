// KafkaJS 2.2.4 and @platformatic/kafka 2.12.1 producing 100,000 records over 6 partitions with
// each codec; kcat (librdkafka) reads every partition back: keys, values, headers and
// per-partition order intact.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import { Producer as PlatformaticProducer } from '@platformatic/kafka';
import { startBroker, type Broker } from '@sluice/broker';
import { kcat } from '@sluice/test-kit';
import '@sluice/test-kit/kafkajs-codecs';

const { CompressionTypes, Kafka, logLevel } = kafkajs;

const RECORDS = Number(process.env.SLUICE_JS_CLIENT_RECORDS ?? 100_000);
const PARTITIONS = 6;

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0 });
});
after(() => broker.close());

interface Row {
  partition: number;
  key: string;
  value: string;
  header: string;
}

async function readBack(topic: string): Promise<Row[]> {
  const out = await kcat(['-b', broker.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%p\t%k\t%s\t%h\n']);
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [partition, key, value, header] = l.split('\t');
      return { partition: Number(partition), key, value, header };
    });
}

function check(rows: Row[]): void {
  assert.equal(rows.length, RECORDS, 'every record once');
  const last = new Map<number, number>();
  const seen = new Set<number>();
  const partitionOfKey = new Map<string, number>();
  for (const r of rows) {
    const i = Number(r.value);
    assert.equal(r.key, `key-${i % 997}`);
    assert.equal(r.header, `seq=${i}`);
    assert.ok(i > (last.get(r.partition) ?? -1), `partition ${r.partition} out of order at ${i}`);
    last.set(r.partition, i);
    seen.add(i);
    const p = partitionOfKey.get(r.key);
    assert.ok(p === undefined || p === r.partition, `key ${r.key} in two partitions`);
    partitionOfKey.set(r.key, r.partition);
  }
  assert.equal(seen.size, RECORDS);
  assert.equal(last.size, PARTITIONS, 'records reached every partition');
}

const kafkajsCodecs = { none: CompressionTypes.None, gzip: CompressionTypes.GZIP, snappy: CompressionTypes.Snappy, lz4: CompressionTypes.LZ4, zstd: CompressionTypes.ZSTD };

for (const [name, codec] of Object.entries(kafkajsCodecs)) {
  test(`KafkaJS 2.2.4, ${name}: ${RECORDS} records over ${PARTITIONS} partitions`, { timeout: 600_000 }, async () => {
    const topic = `kafkajs-${name}`;
    const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
    await admin.disconnect();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    for (let start = 0; start < RECORDS; start += 2000) {
      const messages = [];
      for (let i = start; i < Math.min(RECORDS, start + 2000); i++) messages.push({ key: `key-${i % 997}`, value: String(i), headers: { seq: String(i) } });
      await producer.send({ topic, acks: -1, compression: codec, messages });
    }
    await producer.disconnect();
    check(await readBack(topic));
  });
}

for (const name of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const) {
  test(`@platformatic/kafka 2.12.1, ${name}: ${RECORDS} records over ${PARTITIONS} partitions`, { timeout: 600_000 }, async () => {
    const topic = `platformatic-${name}`;
    const admin = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: PARTITIONS }] });
    await admin.disconnect();
    const producer = new PlatformaticProducer({ clientId: 'sluice-test', bootstrapBrokers: [broker.bootstrap], compression: name, idempotent: true, autocreateTopics: false });
    try {
      for (let start = 0; start < RECORDS; start += 2000) {
        const messages = [];
        for (let i = start; i < Math.min(RECORDS, start + 2000); i++) {
          messages.push({ topic, key: Buffer.from(`key-${i % 997}`), value: Buffer.from(String(i)), headers: new Map([[Buffer.from('seq'), Buffer.from(String(i))]]) });
        }
        await producer.send({ messages, acks: -1 });
      }
    } finally {
      await producer.close();
    }
    check(await readBack(topic));
  });
}
