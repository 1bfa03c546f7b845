// ACLs enforced, a matrix of principals x APIs x resources: one broker with a SASL_PLAINTEXT
// listener (PLAIN users admin, alice, bob) and Kafka's StandardAuthorizer; admin (super.users)
// writes the ACLs with CreateAcls, then each principal sends each API at an exact version over its
// own authenticated connection and must be allowed where an ACL allows and refused with Kafka's
// code where none does (or a DENY does). Metadata hides what may not be described.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Apis, ErrorCode, ZERO_UUID, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, fetchRequestV12 } from '@sluice/test-kit';
import { type Broker, startBroker } from '../../src/index.ts';

const USERS = { admin: 'admin-secret', alice: 'alice-secret', bob: 'bob-secret' } as const;
type User = keyof typeof USERS;
const JAAS = `org.apache.kafka.common.security.plain.PlainLoginModule required ${Object.entries(USERS).map(([u, p]) => `user_${u}="${p}"`).join(' ')};`;
// Kafka's codes: resource TOPIC 2, GROUP 3, TRANSACTIONAL_ID 5; LITERAL 3, PREFIXED 4; READ 3,
// WRITE 4, DESCRIBE 8; DENY 2, ALLOW 3.
const ACLS = [
  { resourceType: 2, resourceName: 'orders', resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 4, permissionType: 3 },
  { resourceType: 2, resourceName: 'orders', resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 3, permissionType: 3 },
  { resourceType: 2, resourceName: 'pub-', resourcePatternType: 4, principal: 'User:*', host: '*', operation: 8, permissionType: 3 },
  { resourceType: 2, resourceName: 'secret', resourcePatternType: 3, principal: 'User:*', host: '*', operation: 3, permissionType: 3 },
  { resourceType: 2, resourceName: 'secret', resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 3, permissionType: 2 },
  { resourceType: 3, resourceName: 'billing', resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 3, permissionType: 3 },
  { resourceType: 5, resourceName: 'tx-a', resourcePatternType: 3, principal: 'User:alice', host: '*', operation: 4, permissionType: 3 },
];

async function connectAs(port: number, user: User): Promise<RawConnection> {
  const c = await RawConnection.open(port);
  assert.equal((await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, ErrorCode.NONE);
  const auth = await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`\u0000${user}\u0000${USERS[user]}`) });
  assert.equal(auth.errorCode, ErrorCode.NONE, `${user} authenticates`);
  return c;
}

describe('ACL enforcement: principals x APIs x resources', { timeout: 120_000 }, () => {
  let broker: Broker;
  const as = {} as Record<User, RawConnection>;
  before(async () => {
    broker = await startBroker({
      port: 0,
      config: {
        listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
        'sasl.enabled.mechanisms': 'PLAIN',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': JAAS,
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'super.users': 'User:admin',
      },
    });
    const port = broker.listeners.SASL_PLAINTEXT.port;
    for (const user of Object.keys(USERS) as User[]) as[user] = await connectAs(port, user);
    const created = await as.admin.request(Apis.CreateAcls, 3, { creations: ACLS });
    assert.deepEqual(created.results.map((r: { errorCode: number }) => r.errorCode), ACLS.map(() => ErrorCode.NONE));
    const topics = ['orders', 'pub-news', 'secret', 'hidden'].map((name) => ({ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }));
    const made = await as.admin.request(Apis.CreateTopics, 7, { topics, timeoutMs: 30_000, validateOnly: false });
    assert.deepEqual(made.topics.map((t: { errorCode: number }) => t.errorCode), [0, 0, 0, 0]);
  });
  after(async () => {
    for (const c of Object.values(as)) c.close();
    await broker?.close();
  });

  const produce = async (user: User, topic: string, transactionalId: string | null = null) => {
    const records = encodeUncompressedRecordBatch({ records: [{ key: 'k', value: 'v' }] });
    const r = await as[user].request(Apis.Produce, 9, { transactionalId, acks: -1, timeoutMs: 30_000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] });
    return r.responses[0].partitionResponses[0].errorCode as number;
  };
  const fetch = async (user: User, topic: string) => (await as[user].request(Apis.Fetch, 12, fetchRequestV12(topic, [{}], { maxWaitMs: 0 }))).responses[0].partitions[0].errorCode as number;
  const listOffsets = async (user: User, topic: string) => {
    const r = await as[user].request(Apis.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: topic, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1n }] }] });
    return r.topics[0].partitions[0].errorCode as number;
  };
  const metadata = async (user: User, topics: string[] | null, allowAutoTopicCreation = false) =>
    as[user].request(Apis.Metadata, 12, { topics: topics?.map((name) => ({ name, topicId: ZERO_UUID })) ?? null, allowAutoTopicCreation, includeTopicAuthorizedOperations: false });

  test('Produce: WRITE on the topic; a transactional id needs WRITE on it', async () => {
    assert.equal(await produce('alice', 'orders'), ErrorCode.NONE);
    assert.equal(await produce('bob', 'orders'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await produce('alice', 'pub-news'), ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'DESCRIBE does not imply WRITE');
    assert.equal(await produce('bob', 'no-such-topic'), ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'refused before existence is told');
    assert.equal(await produce('admin', 'hidden'), ErrorCode.NONE);
    // Apache Kafka 4.3.1 checks the transactional id only for transactional records (seen on it).
    assert.equal(await produce('alice', 'orders', 'tx-b'), ErrorCode.NONE);
  });

  test('Fetch and ListOffsets: READ and DESCRIBE on the topic; a DENY wins over User:* READ', async () => {
    assert.equal(await fetch('alice', 'orders'), ErrorCode.NONE);
    assert.equal(await fetch('bob', 'orders'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await fetch('bob', 'secret'), ErrorCode.NONE);
    assert.equal(await fetch('alice', 'secret'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await listOffsets('alice', 'orders'), ErrorCode.NONE, 'READ implies DESCRIBE');
    assert.equal(await listOffsets('bob', 'pub-news'), ErrorCode.NONE);
    assert.equal(await listOffsets('bob', 'orders'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await listOffsets('alice', 'secret'), ErrorCode.NONE, 'a DENY of READ leaves the DESCRIBE that User:* READ implies');
  });

  test('Metadata: topics without DESCRIBE are hidden from the list, refused by name; auto-creation needs CREATE', async () => {
    const names = async (user: User) => (await metadata(user, null)).topics.map((t: { name: string }) => t.name).sort();
    assert.deepEqual(await names('admin'), ['hidden', 'orders', 'pub-news', 'secret']);
    assert.deepEqual(await names('alice'), ['orders', 'pub-news', 'secret']);
    assert.deepEqual(await names('bob'), ['pub-news', 'secret']);
    const hidden = await metadata('alice', ['hidden', 'orders']);
    // Refused topics come last, as Apache Kafka 4.3.1 answers.
    assert.deepEqual(hidden.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), [['orders', ErrorCode.NONE], ['hidden', ErrorCode.TOPIC_AUTHORIZATION_FAILED]]);
    const auto = await metadata('bob', ['pub-auto'], true);
    assert.equal(auto.topics[0].errorCode, ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'DESCRIBE but no CREATE: not created');
    assert.equal((await metadata('admin', ['pub-auto'])).topics[0].errorCode, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    assert.equal((await metadata('admin', ['admin-auto'], true)).topics[0].errorCode, ErrorCode.NONE);
  });

  test('CreateTopics and DeleteTopics: CREATE and DELETE', async () => {
    const create = async (user: User, name: string) =>
      (await as[user].request(Apis.CreateTopics, 7, { topics: [{ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000, validateOnly: true })).topics[0].errorCode;
    assert.equal(await create('alice', 'alice-new'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await create('admin', 'alice-new'), ErrorCode.NONE);
    const del = async (user: User, name: string) => (await as[user].request(Apis.DeleteTopics, 6, { topics: [{ name, topicId: ZERO_UUID }], timeoutMs: 30_000 })).responses[0].errorCode;
    assert.equal(await del('alice', 'orders'), ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'READ and WRITE do not imply DELETE');
    assert.equal(await del('bob', 'no-such-topic'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await del('admin', 'admin-auto'), ErrorCode.NONE);
  });

  test('groups: READ on the group (and READ on the topics committed), DESCRIBE to fetch offsets', async () => {
    const join = async (user: User) =>
      (await as[user].request(Apis.JoinGroup, 5, { groupId: 'billing', sessionTimeoutMs: 30_000, rebalanceTimeoutMs: 30_000, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] })).errorCode;
    assert.equal(await join('bob'), ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal(await join('alice'), ErrorCode.MEMBER_ID_REQUIRED, 'allowed: the coordinator answers');
    assert.equal((await as.bob.request(Apis.Heartbeat, 4, { groupId: 'billing', generationId: 1, memberId: 'm', groupInstanceId: null })).errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal((await as.bob.request(Apis.SyncGroup, 5, { groupId: 'billing', generationId: 1, memberId: 'm', groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [] })).errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal((await as.bob.request(Apis.LeaveGroup, 5, { groupId: 'billing', members: [{ memberId: 'm', groupInstanceId: null, reason: null }] })).errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);

    const commit = async (user: User, topic: string) => {
      const r = await as[user].request(Apis.OffsetCommit, 8, { groupId: 'billing', generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: topic, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
      return r.topics[0].partitions[0].errorCode as number;
    };
    assert.equal(await commit('alice', 'orders'), ErrorCode.NONE);
    assert.equal(await commit('alice', 'hidden'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await commit('bob', 'secret'), ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal(await commit('admin', 'hidden'), ErrorCode.NONE);

    const fetchOffsets = (user: User, topics: { name: string; partitionIndexes: number[] }[] | null) =>
      as[user].request(Apis.OffsetFetch, 8, { groups: [{ groupId: 'billing', memberId: null, memberEpoch: -1, topics }], requireStable: false });
    assert.equal((await fetchOffsets('bob', null)).groups[0].errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    const all = (await fetchOffsets('alice', null)).groups[0];
    assert.deepEqual(all.topics.map((t: { name: string }) => t.name), ['orders'], 'hidden is left out');
    const named = (await fetchOffsets('alice', [{ name: 'hidden', partitionIndexes: [0] }, { name: 'orders', partitionIndexes: [0] }])).groups[0];
    assert.deepEqual(named.topics.map((t: { name: string; partitions: { errorCode: number; committedOffset: bigint }[] }) => [t.name, t.partitions[0].errorCode, t.partitions[0].committedOffset]), [
      ['hidden', ErrorCode.TOPIC_AUTHORIZATION_FAILED, -1n],
      ['orders', ErrorCode.NONE, 1n],
    ]);
  });
  test('transactions: WRITE on the transactional id (and the topics added); idempotence needs WRITE on some topic', async () => {
    const init = (user: User, transactionalId: string | null) => as[user].request(Apis.InitProducerId, 5, { transactionalId, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 });
    assert.equal((await init('bob', 'tx-a')).errorCode, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    assert.equal((await init('bob', null)).errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED, 'bob may write no topic');
    assert.equal((await init('alice', null)).errorCode, ErrorCode.NONE, 'alice may write orders');
    const txn = await init('alice', 'tx-a');
    assert.equal(txn.errorCode, ErrorCode.NONE);
    const addPartitions = async (user: User, topics: string[]) => {
      const r = await as[user].request(Apis.AddPartitionsToTxn, 3, { v3AndBelowTransactionalId: 'tx-a', v3AndBelowProducerId: txn.producerId, v3AndBelowProducerEpoch: txn.producerEpoch, v3AndBelowTopics: topics.map((name) => ({ name, partitions: [0] })) });
      // By topic: Kafka builds this answer from a hash map, so its order says nothing.
      const byTopic = new Map(r.resultsByTopicV3AndBelow.map((t: { name: string; resultsByPartition: { partitionErrorCode: number }[] }) => [t.name, t.resultsByPartition[0].partitionErrorCode]));
      return topics.map((name) => byTopic.get(name));
    };
    assert.deepEqual(await addPartitions('bob', ['orders']), [ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED]);
    assert.deepEqual(await addPartitions('alice', ['orders', 'hidden']), [ErrorCode.OPERATION_NOT_ATTEMPTED, ErrorCode.TOPIC_AUTHORIZATION_FAILED]);
    assert.deepEqual(await addPartitions('alice', ['orders']), [ErrorCode.NONE]);
    const addOffsets = async (user: User, groupId: string) => (await as[user].request(Apis.AddOffsetsToTxn, 3, { transactionalId: 'tx-a', producerId: txn.producerId, producerEpoch: txn.producerEpoch, groupId })).errorCode;
    assert.equal(await addOffsets('alice', 'not-billing'), ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal(await addOffsets('bob', 'billing'), ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    const end = async (user: User) => (await as[user].request(Apis.EndTxn, 4, { transactionalId: 'tx-a', producerId: txn.producerId, producerEpoch: txn.producerEpoch, committed: false })).errorCode;
    assert.equal(await end('bob'), ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    assert.equal(await end('alice'), ErrorCode.NONE);
  });

  test('DeleteRecords, CreatePartitions, DeleteGroups, OffsetDelete: DELETE, ALTER, group DELETE', async () => {
    const deleteRecords = async (user: User) => (await as[user].request(Apis.DeleteRecords, 2, { topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, offset: 0n }] }], timeoutMs: 30_000 })).topics[0].partitions[0].errorCode;
    assert.equal(await deleteRecords('alice'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await deleteRecords('admin'), ErrorCode.NONE);
    const createPartitions = async (user: User) => (await as[user].request(Apis.CreatePartitions, 3, { topics: [{ name: 'orders', count: 2, assignments: null }], timeoutMs: 30_000, validateOnly: true })).results[0].errorCode;
    assert.equal(await createPartitions('alice'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await createPartitions('admin'), ErrorCode.NONE);
    assert.equal((await as.bob.request(Apis.OffsetDelete, 0, { groupId: 'billing', topics: [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }] })).errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal((await as.alice.request(Apis.DeleteGroups, 2, { groupsNames: ['billing'] })).results[0].errorCode, ErrorCode.GROUP_AUTHORIZATION_FAILED, 'READ does not imply DELETE');
  });
  test('FindCoordinator, DescribeGroups, ListGroups, TxnOffsetCommit: DESCRIBE to find and see, READ and WRITE to commit', async () => {
    const find = async (user: User, keyType: number, keys: string[]) =>
      (await as[user].request(Apis.FindCoordinator, 4, { keyType, coordinatorKeys: keys })).coordinators.map((c: { errorCode: number }) => c.errorCode);
    assert.deepEqual(await find('alice', 0, ['billing', 'other']), [ErrorCode.NONE, ErrorCode.GROUP_AUTHORIZATION_FAILED]);
    assert.deepEqual(await find('alice', 1, ['tx-a']), [ErrorCode.NONE], 'WRITE implies DESCRIBE');
    assert.deepEqual(await find('bob', 1, ['tx-a']), [ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED]);
    const describeGroup = async (user: User) => (await as[user].request(Apis.DescribeGroups, 5, { groups: ['billing'], includeAuthorizedOperations: false })).groups[0].errorCode;
    assert.equal(await describeGroup('bob'), ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal(await describeGroup('alice'), ErrorCode.NONE);
    const listed = async (user: User) => (await as[user].request(Apis.ListGroups, 4, { statesFilter: [], typesFilter: [] })).groups.map((g: { groupId: string }) => g.groupId);
    assert.deepEqual(await listed('bob'), []);
    assert.ok((await listed('alice')).includes('billing'));
    assert.ok((await listed('admin')).includes('billing'));
    const txnCommit = async (user: User, groupId: string) => {
      const r = await as[user].request(Apis.TxnOffsetCommit, 3, { transactionalId: 'tx-a', groupId, producerId: 0n, producerEpoch: 0, generationId: -1, memberId: '', groupInstanceId: null, topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
      return r.topics[0].partitions[0].errorCode as number;
    };
    assert.equal(await txnCommit('bob', 'billing'), ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    assert.equal(await txnCommit('alice', 'not-billing'), ErrorCode.GROUP_AUTHORIZATION_FAILED);
  });
  test('cluster and listing APIs: SCRAM credentials and WriteTxnMarkers need the cluster, DescribeCluster does not; OffsetForLeaderEpoch, DescribeProducers, the transaction listings the resource', async () => {
    assert.equal((await as.alice.request(Apis.DescribeUserScramCredentials, 0, { users: null })).errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    const alter = await as.alice.request(Apis.AlterUserScramCredentials, 0, { deletions: [{ name: 'admin', mechanism: 1 }], upsertions: [] });
    assert.deepEqual(alter.results.map((r: { user: string; errorCode: number }) => [r.user, r.errorCode]), [['admin', ErrorCode.CLUSTER_AUTHORIZATION_FAILED]]);
    const markers = await as.alice.request(Apis.WriteTxnMarkers, 1, { markers: [{ producerId: 0n, producerEpoch: 0, transactionResult: false, topics: [{ name: 'orders', partitionIndexes: [0] }], coordinatorEpoch: 0 }] });
    assert.equal(markers.markers[0].topics[0].partitions[0].errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    // Apache Kafka 4.3.1 describes the cluster to anyone (tests/security/acl-matrix).
    assert.equal((await as.alice.request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })).errorCode, ErrorCode.NONE);
    assert.equal((await as.admin.request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })).errorCode, ErrorCode.NONE);
    const epochs = async (user: User) => (await as[user].request(Apis.OffsetForLeaderEpoch, 4, { replicaId: -1, topics: [{ topic: 'orders', partitions: [{ partition: 0, currentLeaderEpoch: -1, leaderEpoch: 0 }] }] })).topics[0].partitions[0].errorCode;
    assert.equal(await epochs('bob'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await epochs('alice'), ErrorCode.NONE);
    const producers = async (user: User) => (await as[user].request(Apis.DescribeProducers, 0, { topics: [{ name: 'orders', partitionIndexes: [0] }] })).topics[0].partitions[0].errorCode;
    assert.equal(await producers('bob'), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
    assert.equal(await producers('alice'), ErrorCode.NONE);
    assert.equal((await as.bob.request(Apis.DescribeTransactions, 0, { transactionalIds: ['tx-a'] })).transactionStates[0].errorCode, ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    assert.equal((await as.alice.request(Apis.DescribeTransactions, 0, { transactionalIds: ['tx-a'] })).transactionStates[0].errorCode, ErrorCode.NONE);
    const listTxns = async (user: User) => (await as[user].request(Apis.ListTransactions, 0, { stateFilters: [], producerIdFilters: [] })).transactionStates.map((t: { transactionalId: string }) => t.transactionalId);
    assert.deepEqual(await listTxns('bob'), []);
    assert.deepEqual(await listTxns('alice'), ['tx-a']);
  });
  test('AlterConfigs and IncrementalAlterConfigs: ALTER_CONFIGS on the topic, the group or the cluster', async () => {
    const alter = async (user: User, resourceType: number, resourceName: string) =>
      (await as[user].request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType, resourceName, configs: [{ name: 'retention.ms', configOperation: 0, value: '3600000' }] }], validateOnly: true })).responses[0].errorCode;
    assert.equal(await alter('alice', 2, 'orders'), ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'READ and WRITE do not imply ALTER_CONFIGS');
    assert.equal(await alter('alice', 4, '0'), ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal(await alter('alice', 32, 'billing'), ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal(await alter('admin', 2, 'orders'), ErrorCode.NONE);
    const legacy = await as.bob.request(Apis.AlterConfigs, 2, { resources: [{ resourceType: 2, resourceName: 'orders', configs: [{ name: 'retention.ms', value: '3600000' }] }], validateOnly: true });
    assert.equal(legacy.responses[0].errorCode, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
  });
  test('DescribeConfigs: DESCRIBE_CONFIGS on the topic, the group or the cluster, checked before the topic is looked up', async () => {
    const describe = async (user: User, resourceType: number, resourceName: string) =>
      (await as[user].request(Apis.DescribeConfigs, 4, { resources: [{ resourceType, resourceName, configurationKeys: null }], includeSynonyms: false, includeDocumentation: false })).results[0].errorCode;
    assert.equal(await describe('alice', 2, 'orders'), ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'READ and WRITE do not imply DESCRIBE_CONFIGS');
    assert.equal(await describe('bob', 2, 'no-such-topic'), ErrorCode.TOPIC_AUTHORIZATION_FAILED, 'refused before existence is told');
    assert.equal(await describe('alice', 4, '0'), ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal(await describe('alice', 32, 'billing'), ErrorCode.GROUP_AUTHORIZATION_FAILED);
    assert.equal(await describe('admin', 2, 'orders'), ErrorCode.NONE);
    assert.equal(await describe('admin', 2, 'no-such-topic'), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
  });
});
