// KafkaJS 2.2.4 and @platformatic/kafka 2.12.1 consumer groups against Sluice: three members
// share six partitions and read every record once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import kafkajs from 'kafkajs';
import { Consumer as PlatformaticConsumer } from '@platformatic/kafka';
import { Apis } from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import { eventually, RawConnection } from '@sluice/test-kit';

const { Kafka, logLevel } = kafkajs;
let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
});
after(() => broker.close());

async function groupMembers(group: string): Promise<number> {
  const c = await RawConnection.open(broker.port);
  try {
    const g = (await c.request(Apis.DescribeGroups, 5, { groups: [group], includeAuthorizedOperations: false })).groups[0];
    return g.groupState === 'Stable' ? g.members.length : -1;
  } finally {
    c.close();
  }
}

async function setupTopic(topic: string): Promise<InstanceType<typeof Kafka>> {
  const kafka = new Kafka({ brokers: [broker.bootstrap], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }] });
  await admin.disconnect();
  return kafka;
}

async function produce(kafka: InstanceType<typeof Kafka>, topic: string, count: number): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, messages: Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: `v${i}` })) });
  await producer.disconnect();
}

test('KafkaJS 2.2.4: three group members, every record once', { timeout: 120_000 }, async () => {
  const kafka = await setupTopic('kafkajs-grouped');
  const seen: string[] = [];
  const consumers = [];
  for (let i = 0; i < 3; i++) {
    const c = kafka.consumer({ groupId: 'kafkajs-group', sessionTimeout: 10_000, heartbeatInterval: 500 });
    await c.connect();
    await c.subscribe({ topic: 'kafkajs-grouped', fromBeginning: true });
    await c.run({ eachMessage: async ({ message }) => void seen.push(message.value!.toString()) });
    consumers.push(c);
  }
  let members = -1;
  for (const deadline = Date.now() + 60_000; members !== 3 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) members = await groupMembers('kafkajs-group');
  assert.equal(members, 3);
  await produce(kafka, 'kafkajs-grouped', 600);
  await eventually('600 records', () => seen.length >= 600);
  await new Promise((r) => setTimeout(r, 500));
  for (const c of consumers) await c.disconnect();
  assert.equal(seen.length, 600);
  assert.equal(new Set(seen).size, 600);
});

test('@platformatic/kafka 2.12.1: three group members, every record once', { timeout: 120_000 }, async () => {
  const kafka = await setupTopic('platformatic-grouped');
  const seen: string[] = [];
  const streams: { close(): Promise<void> }[] = [];
  const consumers: PlatformaticConsumer[] = [];
  for (let i = 0; i < 3; i++) {
    const consumer = new PlatformaticConsumer({ groupId: 'platformatic-group', clientId: `p${i}`, bootstrapBrokers: [broker.bootstrap], sessionTimeout: 10_000, heartbeatInterval: 500 });
    const stream = await consumer.consume({ topics: ['platformatic-grouped'], mode: 'earliest', autocommit: true, maxWaitTime: 200 });
    stream.on('data', (m: { value: Buffer }) => seen.push(m.value.toString()));
    streams.push(stream);
    consumers.push(consumer);
  }
  let members = -1;
  for (const deadline = Date.now() + 60_000; members !== 3 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) members = await groupMembers('platformatic-group');
  assert.equal(members, 3);
  await produce(kafka, 'platformatic-grouped', 600);
  await eventually('600 records', () => seen.length >= 600);
  await new Promise((r) => setTimeout(r, 500));
  for (const s of streams) await s.close();
  for (const c of consumers) await c.close();
  assert.equal(seen.length, 600);
  assert.equal(new Set(seen).size, 600);
});
