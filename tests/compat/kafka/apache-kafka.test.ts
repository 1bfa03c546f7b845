// A real Apache Kafka 4.3.1 broker starts, serves a KafkaJS round trip, and stops.
// Needs Java 17+ and Maven (the jars are downloaded once into ~/.cache/sluice); without them
// the test fails with a message saying what to install.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { createTopicsAndWait, startApacheKafka } from '@sluice/test-kit';

test('Apache Kafka 4.3.1 starts, round-trips records with KafkaJS, and stops', { timeout: 600_000 }, async () => {
  const kafka = await startApacheKafka();
  try {
    assert.match(kafka.bootstrap, /^127\.0\.0\.1:\d+$/);
    const client = new Kafka({ clientId: 'sluice-compat', brokers: [kafka.bootstrap], logLevel: logLevel.NOTHING });
    const admin = client.admin();
    await admin.connect();
    await createTopicsAndWait(kafka.bootstrap, [{ name: 'roundtrip', partitions: 1 }]);
    assert.ok((await admin.listTopics()).includes('roundtrip'));
    await admin.disconnect();

    const producer = client.producer();
    await producer.connect();
    await producer.send({
      topic: 'roundtrip',
      messages: [
        { key: 'k1', value: 'hello', headers: { h: 'v' } },
        { key: null, value: 'world' },
      ],
    });
    await producer.disconnect();

    const consumer = client.consumer({ groupId: 'roundtrip-group' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'roundtrip', fromBeginning: true });
    const seen: Array<{ key: string | null; value: string; h?: string }> = [];
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            seen.push({
              key: message.key ? message.key.toString() : null,
              value: message.value!.toString(),
              ...(message.headers?.h ? { h: message.headers.h.toString() } : {}),
            });
            if (seen.length === 2) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    assert.deepEqual(seen, [
      { key: 'k1', value: 'hello', h: 'v' },
      { key: null, value: 'world' },
    ]);
    assert.ok(existsSync(kafka.logDir));
  } finally {
    await kafka.stop();
  }
  assert.equal(existsSync(kafka.logDir), false, 'the temporary log dir is removed on stop');
});
