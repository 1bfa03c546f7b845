// CreateTopics and CreatePartitions with counts a broker must refuse: 2^31-1 partitions once
// created folders without end. max.partitions bounds the partitions the broker holds, checked
// before anything is created; -1, 0 and negative counts and replication factors get Kafka's
// answers. Driven with raw requests (exact versions and field values) and with KafkaJS's admin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import kafkajs from 'kafkajs';
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import { RawConnection } from '@sluice/test-kit';

const { Kafka, logLevel } = kafkajs;
const INT32_MAX = 2 ** 31 - 1;

async function withBroker(config: Record<string, string>, body: (broker: Broker, c: RawConnection) => Promise<void>): Promise<void> {
  const broker = await startBroker({ port: 0, config });
  const c = await RawConnection.open(broker.port);
  try {
    await body(broker, c);
  } finally {
    c.close();
    await broker.close();
  }
}

const topic = (name: string, numPartitions: number, replicationFactor = -1, extra: object = {}) => ({ name, numPartitions, replicationFactor, assignments: [], configs: [], ...extra });

async function createTopics(c: RawConnection, topics: object[], validateOnly = false): Promise<{ name: string; errorCode: number; errorMessage: string | null; numPartitions: number }[]> {
  return (await c.request(Apis.CreateTopics, 7, { topics, timeoutMs: 5000, validateOnly })).topics;
}

/** Partition folders in the data directory. */
const partitionFolders = (broker: Broker) => readdirSync(broker.dataDir).filter((n) => /-\d+$/.test(n));

test('CreateTopics with 2^31-1 partitions is refused with POLICY_VIOLATION before any folder is made', async () => {
  await withBroker({}, async (broker, c) => {
    for (const validateOnly of [true, false]) {
      const [r] = await createTopics(c, [topic('huge', INT32_MAX)], validateOnly);
      assert.equal(r.errorCode, ErrorCode.POLICY_VIOLATION, JSON.stringify(r));
      assert.match(r.errorMessage!, /Adding 2147483647 partitions to topic 'huge' would bring the broker to 2147483647 partitions, above max\.partitions=10000/);
    }
    assert.deepEqual(partitionFolders(broker), []);
    const meta = await c.request(Apis.Metadata, 12, { topics: [{ topicId: ZERO_UUID, name: 'huge' }], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.equal(meta.topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });
});

test('max.partitions counts what the broker holds, for CreateTopics, CreatePartitions and automatic creation', async () => {
  await withBroker({ 'max.partitions': '10', 'num.partitions': '3', 'offsets.topic.num.partitions': '1' }, async (broker, c) => {
    assert.equal((await createTopics(c, [topic('six', 6)]))[0].errorCode, ErrorCode.NONE);
    const [refused] = await createTopics(c, [topic('five', 5)]);
    assert.equal(refused.errorCode, ErrorCode.POLICY_VIOLATION);
    assert.match(refused.errorMessage!, /to 11 partitions, above max\.partitions=10\. Ask for fewer, delete topics, or raise max\.partitions/);
    assert.equal((await createTopics(c, [topic('three', -1)]))[0].numPartitions, 3, '-1 is num.partitions');

    const grown = await c.request(Apis.CreatePartitions, 3, { topics: [{ name: 'three', count: INT32_MAX, assignments: null }], timeoutMs: 5000, validateOnly: false });
    assert.equal(grown.results[0].errorCode, ErrorCode.POLICY_VIOLATION);
    assert.match(grown.results[0].errorMessage, /Adding 2147483644 partitions to topic 'three'/);
    const byOne = await c.request(Apis.CreatePartitions, 3, { topics: [{ name: 'three', count: 4, assignments: null }], timeoutMs: 5000, validateOnly: false });
    assert.equal(byOne.results[0].errorCode, ErrorCode.NONE);

    // At the limit, a Metadata request that would auto-create is answered with the refusal.
    const meta = await c.request(Apis.Metadata, 12, { topics: [{ topicId: ZERO_UUID, name: 'auto' }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false });
    assert.equal(meta.topics[0].errorCode, ErrorCode.POLICY_VIOLATION);
    assert.equal(partitionFolders(broker).length, 10);

    // The internal offsets topic is never refused, so groups keep working at the limit.
    const commit = await c.request(Apis.OffsetCommit, 8, { groupId: 'g', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: 'six', partitions: [{ partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
    assert.equal(commit.topics[0].partitions[0].errorCode, ErrorCode.NONE);
  });
});

test('creations running at the same time cannot pass max.partitions together', async () => {
  await withBroker({ 'max.partitions': '10' }, async (broker, c) => {
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => createTopics(c, [topic(`t${i}`, 3)])));
    const created = answers.filter(([r]) => r.errorCode === ErrorCode.NONE).length;
    assert.equal(created, 3, JSON.stringify(answers));
    assert.equal(partitionFolders(broker).length, 9);
  });
});

test("CreateTopics' special values get Kafka's answers, and nothing is created for them", async () => {
  await withBroker({}, async (broker, c) => {
    const answers = await createTopics(c, [
      topic('zero-partitions', 0),
      topic('minus-two-partitions', -2),
      topic('zero-rf', 1, 0),
      topic('minus-two-rf', 1, -2),
      topic('rf-three', 1, 3),
      topic('null-config', 1, -1, { configs: [{ name: 'retention.ms', value: null }] }),
      topic('twice', 1),
      topic('twice', 2),
      topic('gap', -1, -1, { assignments: [{ partitionIndex: 0, brokerIds: [0] }, { partitionIndex: 2, brokerIds: [0] }] }),
      topic('defaults', -1, -1),
    ]);
    const byName = Object.fromEntries(answers.map((a) => [a.name, a]));
    assert.equal(answers.length, 9, 'a duplicated name is answered once');
    assert.equal(byName['zero-partitions'].errorCode, ErrorCode.INVALID_PARTITIONS);
    assert.equal(byName['minus-two-partitions'].errorCode, ErrorCode.INVALID_PARTITIONS);
    assert.match(byName['minus-two-partitions'].errorMessage!, /invalid non-positive value \(-2\); give at least 1, or -1 for the broker default/);
    assert.equal(byName['zero-rf'].errorCode, ErrorCode.INVALID_REPLICATION_FACTOR);
    assert.equal(byName['minus-two-rf'].errorCode, ErrorCode.INVALID_REPLICATION_FACTOR);
    assert.match(byName['minus-two-rf'].errorMessage!, /larger than 0, or -1 to use the default value/);
    assert.equal(byName['rf-three'].errorCode, ErrorCode.INVALID_REPLICATION_FACTOR);
    assert.match(byName['rf-three'].errorMessage!, /only 1 broker/);
    assert.equal(byName['null-config'].errorCode, ErrorCode.INVALID_CONFIG);
    assert.match(byName['null-config'].errorMessage!, /Null value not supported for topic configs: retention\.ms/);
    assert.equal(byName.twice.errorCode, ErrorCode.INVALID_REQUEST);
    assert.equal(byName.gap.errorCode, ErrorCode.INVALID_REPLICA_ASSIGNMENT);
    assert.equal(byName.defaults.errorCode, ErrorCode.NONE);
    assert.deepEqual(partitionFolders(broker), ['defaults-0']);
  });
});

test("KafkaJS's admin gets the refusal as an error it names", async () => {
  await withBroker({ 'max.partitions': '100' }, async (broker) => {
    const admin = new Kafka({ clientId: 'limits', brokers: [broker.bootstrap], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
    await admin.connect();
    try {
      // KafkaJS reads CreateTopics v1-, which carries the code but not the message.
      await assert.rejects(admin.createTopics({ topics: [{ topic: 'huge', numPartitions: INT32_MAX }] }), (e: any) => e.errors?.[0]?.type === 'POLICY_VIOLATION' && e.errors[0].topic === 'huge');
      assert.equal(await admin.createTopics({ topics: [{ topic: 'ok', numPartitions: 2 }] }), true);
      await assert.rejects(admin.createPartitions({ topicPartitions: [{ topic: 'ok', count: 1000 }] }), (e: any) => (e.errors?.[0] ?? e).type === 'POLICY_VIOLATION', 'createPartitions refused');
      assert.deepEqual(partitionFolders(broker).sort(), ['ok-0', 'ok-1']);
    } finally {
      await admin.disconnect();
    }
  });
});
