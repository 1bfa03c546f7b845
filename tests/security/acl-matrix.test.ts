// The ACL matrix of issue 20, differential: principals x APIs x resources on Sluice and on Apache
// Kafka 4.3.1 with the same ACLs. Each broker has a SASL_PLAINTEXT listener (PLAIN users admin,
// alice, bob, carol, dave), Kafka's StandardAuthorizer and admin as super user; admin writes the
// same ACLs and topics on both, then every case sends the same request at the same version, as
// the same principal, to both brokers, and Sluice's outcome (error codes, the topics Metadata
// shows, the groups and transactions listed) must be Kafka's. Kafka's answers are the expected
// values: nothing here says what any case should answer, only that a few are allowed and a few
// refused, so that two brokers refusing (or allowing) everything alike cannot pass.
// SLUICE_ACL_MATRIX_TRACE=1 prints each broker's outcome of each case as it comes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Apis, ErrorCode, ZERO_UUID, encodeUncompressedRecordBatch, errorName } from '@sluice/protocol';
import { RawConnection, eventually, fetchRequestV12, startApacheKafka, type ApacheKafka } from '@sluice/test-kit';

const USERS = { admin: 'admin-secret', alice: 'alice-secret', bob: 'bob-secret', carol: 'carol-secret', dave: 'dave-secret' } as const;
type User = keyof typeof USERS;
const JAAS = `org.apache.kafka.common.security.plain.PlainLoginModule required ${Object.entries(USERS).map(([u, p]) => `user_${u}="${p}"`).join(' ')};`;
// Kafka's own broker connections (PLAINTEXT, the controller) are User:ANONYMOUS: a super user too.
const AUTHORIZER = { 'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer', 'super.users': 'User:admin;User:ANONYMOUS' };

// Kafka's codes. Resource types, pattern types, operations, permissions:
const TOPIC = 2, GROUP = 3, CLUSTER = 4, TXN_ID = 5;
const LITERAL = 3, PREFIXED = 4;
const ALL = 2, READ = 3, WRITE = 4, CREATE = 5, DELETE = 6, ALTER = 7, DESCRIBE = 8, DESCRIBE_CONFIGS = 10, ALTER_CONFIGS = 11, IDEMPOTENT_WRITE = 12;
const DENY = 2, ALLOW = 3;
const acl = (resourceType: number, resourceName: string, resourcePatternType: number, principal: string, operation: number, permissionType = ALLOW, host = '*') =>
  ({ resourceType, resourceName, resourcePatternType, principal, host, operation, permissionType });
const ACLS = [
  acl(TOPIC, 'orders', LITERAL, 'User:alice', READ),
  acl(TOPIC, 'orders', LITERAL, 'User:alice', WRITE),
  acl(TOPIC, 'pub-', PREFIXED, 'User:*', DESCRIBE),
  acl(TOPIC, 'pub-closed', LITERAL, 'User:*', DESCRIBE, DENY), // a literal DENY within an allowed prefix
  acl(TOPIC, 'secret', LITERAL, 'User:*', READ),
  acl(TOPIC, 'secret', LITERAL, 'User:alice', READ, DENY),
  acl(TOPIC, 'far', LITERAL, 'User:alice', READ, ALLOW, '10.0.0.9'), // another host than the test's
  acl(GROUP, 'billing', LITERAL, 'User:alice', READ),
  acl(TXN_ID, 'tx-a', LITERAL, 'User:alice', WRITE),
  // bob: a prefix of topics to create and write, a prefix of groups, configs of one topic, and deletes.
  acl(TOPIC, 'team-', PREFIXED, 'User:bob', CREATE),
  acl(TOPIC, 'team-', PREFIXED, 'User:bob', WRITE),
  acl(TOPIC, 'team-x', LITERAL, 'User:bob', ALTER_CONFIGS),
  acl(TOPIC, 'orders', LITERAL, 'User:bob', DESCRIBE_CONFIGS),
  acl(TOPIC, 'orders', LITERAL, 'User:bob', DELETE),
  acl(GROUP, 'team-', PREFIXED, 'User:bob', READ),
  acl(GROUP, 'team-a', LITERAL, 'User:bob', DELETE),
  // carol: the cluster (create topics, idempotence, alter, configs) and everything on c-*.
  acl(CLUSTER, 'kafka-cluster', LITERAL, 'User:carol', CREATE),
  acl(CLUSTER, 'kafka-cluster', LITERAL, 'User:carol', IDEMPOTENT_WRITE),
  acl(CLUSTER, 'kafka-cluster', LITERAL, 'User:carol', ALTER),
  acl(CLUSTER, 'kafka-cluster', LITERAL, 'User:carol', DESCRIBE_CONFIGS),
  acl(TOPIC, 'c-', PREFIXED, 'User:carol', ALL),
];
// dave has no ACL at all.
const TOPICS = ['orders', 'pub-news', 'pub-closed', 'secret', 'hidden', 'far', 'team-x', 'c-all', 'doomed'];

interface Target {
  name: string;
  saslPort: number;
  as: Record<User, RawConnection>;
  /** The broker's node id, the name of its BROKER config resource. */
  nodeId: number;
}

let sluice: Broker;
let kafka: ApacheKafka;
const targets: Target[] = [];

async function connectAs(port: number, user: User): Promise<RawConnection> {
  const c = await RawConnection.open(port);
  assert.equal((await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, ErrorCode.NONE);
  const auth = await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`\u0000${user}\u0000${USERS[user]}`) });
  assert.equal(auth.errorCode, ErrorCode.NONE, `${user} authenticates`);
  return c;
}

const metadata = (c: RawConnection, topics: string[] | null, allowAutoTopicCreation = false) =>
  c.request(Apis.Metadata, 12, { topics: topics?.map((name) => ({ name, topicId: ZERO_UUID })) ?? null, allowAutoTopicCreation, includeTopicAuthorizedOperations: false });

/** Connects every user, writes the ACLs and topics as admin, and waits until the broker applies them (Kafka does so asynchronously). */
async function prepare(name: string, saslPort: number): Promise<Target> {
  const as = {} as Record<User, RawConnection>;
  for (const user of Object.keys(USERS) as User[]) as[user] = await connectAs(saslPort, user);
  // Kafka makes __consumer_offsets and __transaction_state when a coordinator is first looked
  // for, and loads them for seconds: started now, that overlaps the waits below.
  for (const keyType of [0, 1]) await as.admin.request(Apis.FindCoordinator, 4, { keyType, coordinatorKeys: ['warm-up'] });
  const created = await as.admin.request(Apis.CreateAcls, 3, { creations: ACLS });
  assert.deepEqual(created.results.map((r: { errorCode: number }) => r.errorCode), ACLS.map(() => ErrorCode.NONE), `${name}: ACLs created`);
  const topics = TOPICS.map((t) => ({ name: t, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }));
  const made = await as.admin.request(Apis.CreateTopics, 7, { topics, timeoutMs: 30_000, validateOnly: false });
  assert.deepEqual(made.topics.map((t: { errorCode: number }) => t.errorCode), TOPICS.map(() => ErrorCode.NONE), `${name}: topics created`);
  const any = { resourceTypeFilter: 1, resourceNameFilter: null, patternTypeFilter: 1, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 };
  await eventually(`${name} applies the ACLs`, async () => {
    const described = await as.admin.request(Apis.DescribeAcls, 3, any);
    return described.resources.reduce((n: number, r: { acls: unknown[] }) => n + r.acls.length, 0) === ACLS.length;
  }, 60_000);
  let nodeId = -1;
  await eventually(`${name} leads every topic`, async () => {
    const m = await metadata(as.admin, TOPICS);
    nodeId = m.brokers[0].nodeId;
    return m.topics.every((t: { errorCode: number; partitions: { leaderId: number }[] }) => t.errorCode === 0 && t.partitions.every((p) => p.leaderId >= 0));
  }, 60_000);
  return { name, saslPort, as, nodeId };
}

before(async () => {
  // Each broker is kept as soon as it is up, so that `after` stops it even when the other failed
  // to start (a Sluice broker left listening kept this file's process, and CI, waiting for ever).
  const started = await Promise.allSettled([
    startBroker({
      port: 0,
      config: { listeners: 'SASL_PLAINTEXT://127.0.0.1:0', 'sasl.enabled.mechanisms': 'PLAIN', 'listener.name.sasl_plaintext.plain.sasl.jaas.config': JAAS, ...AUTHORIZER },
    }).then((b) => (sluice = b)),
    startApacheKafka({
      extraListeners: { SASL: 'SASL_PLAINTEXT' },
      config: { 'sasl.enabled.mechanisms': 'PLAIN', 'listener.name.sasl.plain.sasl.jaas.config': JAAS, ...AUTHORIZER },
    }).then((k) => (kafka = k)),
  ]);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  const kafkaPort = Number(kafka.listeners.SASL!.split(':')[1]);
  targets.push(...(await Promise.all([prepare('Apache Kafka', kafkaPort), prepare('Sluice', sluice.listeners.SASL_PLAINTEXT.port)])));
}, { timeout: 300_000 });

after(async () => {
  for (const t of targets) for (const c of Object.values(t.as)) c.close();
  await Promise.allSettled([sluice?.close(), kafka?.stop()]);
});

/** An outcome: error codes by name, and whatever else the case compares. */
type Outcome = unknown;
interface Case {
  label: string;
  run: (t: Target) => Promise<Outcome>;
}
const codes = (list: { errorCode: number }[]) => list.map((x) => errorName(x.errorCode));
const err = (code: number) => errorName(code);

/** The cases, in order: some change state (produce, commit, add to a transaction) that later ones see. */
function cases(): Case[] {
  const list: Case[] = [];
  const add = (label: string, run: (t: Target) => Promise<Outcome>) => list.push({ label, run });

  const produce = (user: User, topic: string) => async (t: Target) => {
    const records = encodeUncompressedRecordBatch({ records: [{ key: 'k', value: 'v' }] });
    const r = await t.as[user].request(Apis.Produce, 9, { transactionalId: null, acks: -1, timeoutMs: 30_000, topicData: [{ name: topic, partitionData: [{ index: 0, records }] }] });
    return err(r.responses[0].partitionResponses[0].errorCode);
  };
  for (const [user, topic] of [['alice', 'orders'], ['bob', 'orders'], ['alice', 'pub-news'], ['bob', 'no-such-topic'], ['bob', 'team-x'], ['carol', 'c-all'], ['dave', 'secret'], ['admin', 'hidden']] as const) {
    add(`Produce ${user} ${topic}`, produce(user, topic));
  }
  for (const [user, topic] of [['alice', 'orders'], ['bob', 'orders'], ['bob', 'secret'], ['alice', 'secret'], ['alice', 'far'], ['carol', 'c-all'], ['bob', 'team-x']] as const) {
    add(`Fetch ${user} ${topic}`, async (t) => err((await t.as[user].request(Apis.Fetch, 12, fetchRequestV12(topic, [{}], { maxWaitMs: 0 }))).responses[0].partitions[0].errorCode));
  }
  for (const [user, topic] of [['alice', 'orders'], ['bob', 'pub-news'], ['bob', 'hidden'], ['alice', 'secret'], ['bob', 'orders'], ['bob', 'team-x'], ['dave', 'pub-news']] as const) {
    add(`ListOffsets ${user} ${topic}`, async (t) => {
      const r = await t.as[user].request(Apis.ListOffsets, 7, { replicaId: -1, isolationLevel: 0, topics: [{ name: topic, partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: -1n }] }] });
      return err(r.topics[0].partitions[0].errorCode);
    });
  }

  // Metadata: the topics each principal is shown (internal topics aside), and named topics.
  for (const user of Object.keys(USERS) as User[]) {
    add(`Metadata (all topics) ${user}`, async (t) => (await metadata(t.as[user], null)).topics.map((x: { name: string }) => x.name).filter((n: string) => !n.startsWith('__')).sort());
  }
  const named = (user: User, topics: string[], auto = false) => async (t: Target) =>
    (await metadata(t.as[user], topics, auto)).topics.map((x: { name: string; errorCode: number }) => [x.name, err(x.errorCode)]);
  add('Metadata alice [hidden, orders]', named('alice', ['hidden', 'orders']));
  add('Metadata bob [pub-auto] with auto-creation (DESCRIBE, no CREATE)', named('bob', ['pub-auto'], true));
  add('Metadata dave [pub-nothing]', named('dave', ['pub-nothing']));
  add('Metadata admin [pub-auto] (was it created?)', named('admin', ['pub-auto']));

  // CreateTopics: CREATE on the cluster or on the topic.
  for (const [user, topic] of [['alice', 'alice-new'], ['carol', 'anything-new'], ['bob', 'team-new'], ['bob', 'other-new'], ['admin', 'admin-new'], ['carol', 'orders']] as const) {
    add(`CreateTopics (validate only) ${user} ${topic}`, async (t) => {
      const r = await t.as[user].request(Apis.CreateTopics, 7, { topics: [{ name: topic, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000, validateOnly: true });
      return err(r.topics[0].errorCode);
    });
  }

  // Configs: DESCRIBE_CONFIGS and ALTER_CONFIGS (which implies it) on topics, groups and the broker.
  const broker = (t: Target) => String(t.nodeId);
  for (const [user, type, name] of [
    ['alice', TOPIC, 'orders'], ['bob', TOPIC, 'orders'], ['bob', TOPIC, 'no-such-topic'], ['bob', TOPIC, 'team-x'], ['admin', TOPIC, 'no-such-topic'],
    ['alice', CLUSTER, null], ['carol', CLUSTER, null], ['admin', CLUSTER, null], ['alice', 32, 'billing'],
  ] as const) {
    add(`DescribeConfigs ${user} ${type === TOPIC ? 'topic' : type === CLUSTER ? 'broker' : 'group'} ${name ?? ''}`, async (t) => {
      const r = await t.as[user].request(Apis.DescribeConfigs, 4, { resources: [{ resourceType: type, resourceName: name ?? broker(t), configurationKeys: null }], includeSynonyms: false, includeDocumentation: false });
      return err(r.results[0].errorCode);
    });
  }
  for (const [user, type, name] of [['bob', TOPIC, 'team-x'], ['alice', TOPIC, 'orders'], ['bob', TOPIC, 'orders'], ['alice', CLUSTER, null], ['carol', CLUSTER, null], ['alice', 32, 'billing']] as const) {
    add(`IncrementalAlterConfigs (validate only) ${user} ${type === TOPIC ? 'topic' : type === CLUSTER ? 'broker' : 'group'} ${name ?? ''}`, async (t) => {
      const config = type === TOPIC ? { name: 'retention.ms', configOperation: 0, value: '3600000' } : type === CLUSTER ? { name: 'log.cleaner.threads', configOperation: 0, value: '1' } : { name: 'consumer.session.timeout.ms', configOperation: 0, value: '45000' };
      const r = await t.as[user].request(Apis.IncrementalAlterConfigs, 1, { resources: [{ resourceType: type, resourceName: name ?? broker(t), configs: [config] }], validateOnly: true });
      return err(r.responses[0].errorCode);
    });
  }

  // Groups: DESCRIBE to find, READ to join and commit (with READ on the topics), DELETE to delete.
  for (const [user, keys] of [['alice', ['billing', 'other']], ['bob', ['team-a', 'billing']], ['dave', ['billing']]] as const) {
    add(`FindCoordinator (group) ${user} ${keys.join(',')}`, async (t) => codes((await t.as[user].request(Apis.FindCoordinator, 4, { keyType: 0, coordinatorKeys: keys })).coordinators));
  }
  for (const [user, group] of [['bob', 'billing'], ['alice', 'billing'], ['bob', 'team-a'], ['dave', 'team-a']] as const) {
    add(`JoinGroup ${user} ${group}`, async (t) => {
      const r = await t.as[user].request(Apis.JoinGroup, 5, { groupId: group, sessionTimeoutMs: 30_000, rebalanceTimeoutMs: 30_000, memberId: '', groupInstanceId: null, protocolType: 'consumer', protocols: [{ name: 'range', metadata: Buffer.alloc(0) }] });
      return err(r.errorCode);
    });
  }
  for (const user of ['alice', 'bob'] as const) {
    add(`Heartbeat ${user} billing`, async (t) => err((await t.as[user].request(Apis.Heartbeat, 4, { groupId: 'billing', generationId: 1, memberId: 'm', groupInstanceId: null })).errorCode));
    add(`SyncGroup ${user} billing`, async (t) => err((await t.as[user].request(Apis.SyncGroup, 5, { groupId: 'billing', generationId: 1, memberId: 'm', groupInstanceId: null, protocolType: 'consumer', protocolName: 'range', assignments: [] })).errorCode));
    add(`LeaveGroup ${user} billing`, async (t) => err((await t.as[user].request(Apis.LeaveGroup, 5, { groupId: 'billing', members: [{ memberId: 'm', groupInstanceId: null, reason: null }] })).errorCode));
  }
  for (const [user, group, topic] of [['alice', 'billing', 'orders'], ['alice', 'billing', 'hidden'], ['bob', 'billing', 'secret'], ['bob', 'team-a', 'team-x'], ['bob', 'team-a', 'secret'], ['admin', 'billing', 'hidden']] as const) {
    add(`OffsetCommit ${user} ${group} ${topic}`, async (t) => {
      const r = await t.as[user].request(Apis.OffsetCommit, 8, { groupId: group, generationIdOrMemberEpoch: -1, memberId: '', groupInstanceId: null, topics: [{ name: topic, partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
      return err(r.topics[0].partitions[0].errorCode);
    });
  }
  const offsetFetch = (user: User, group: string, topics: string[] | null) => async (t: Target) => {
    const r = await t.as[user].request(Apis.OffsetFetch, 8, { groups: [{ groupId: group, memberId: null, memberEpoch: -1, topics: topics?.map((name) => ({ name, partitionIndexes: [0] })) ?? null }], requireStable: false });
    const g = r.groups[0];
    type Fetched = { name: string; partitions: { errorCode: number; committedOffset: bigint }[] };
    return { group: err(g.errorCode), topics: g.topics.map((x: Fetched) => [x.name, err(x.partitions[0].errorCode), String(x.partitions[0].committedOffset)]).sort() };
  };
  add('OffsetFetch bob billing (all)', offsetFetch('bob', 'billing', null));
  add('OffsetFetch alice billing (all)', offsetFetch('alice', 'billing', null));
  add('OffsetFetch alice billing [hidden, orders]', offsetFetch('alice', 'billing', ['hidden', 'orders']));
  add('OffsetFetch bob team-a (all)', offsetFetch('bob', 'team-a', null));
  for (const user of ['alice', 'bob', 'dave'] as const) {
    // By group: Kafka answers the refused groups first, an order no client relies on.
    add(`DescribeGroups ${user} billing, team-a`, async (t) => {
      const r = await t.as[user].request(Apis.DescribeGroups, 5, { groups: ['billing', 'team-a'], includeAuthorizedOperations: false });
      return r.groups.map((g: { groupId: string; errorCode: number }) => [g.groupId, err(g.errorCode)]).sort();
    });
  }
  for (const user of Object.keys(USERS) as User[]) {
    add(`ListGroups ${user}`, async (t) => (await t.as[user].request(Apis.ListGroups, 4, { statesFilter: [], typesFilter: [] })).groups.map((g: { groupId: string }) => g.groupId).sort());
  }
  add('OffsetDelete bob billing orders', async (t) => err((await t.as.bob.request(Apis.OffsetDelete, 0, { groupId: 'billing', topics: [{ name: 'orders', partitions: [{ partitionIndex: 0 }] }] })).errorCode));
  add('OffsetDelete bob team-a secret', async (t) => {
    const r = await t.as.bob.request(Apis.OffsetDelete, 0, { groupId: 'team-a', topics: [{ name: 'secret', partitions: [{ partitionIndex: 0 }] }] });
    return [err(r.errorCode), ...r.topics.map((x: { partitions: { errorCode: number }[] }) => err(x.partitions[0].errorCode))];
  });
  for (const [user, group] of [['alice', 'billing'], ['bob', 'team-a']] as const) {
    add(`DeleteGroups ${user} ${group}`, async (t) => codes((await t.as[user].request(Apis.DeleteGroups, 2, { groupsNames: [group] })).results));
  }

  // Transactions: WRITE on the transactional id (and the topics added); idempotence needs
  // IDEMPOTENT_WRITE on the cluster or WRITE on some topic.
  for (const user of ['bob', 'alice'] as const) {
    add(`FindCoordinator (transaction) ${user} tx-a`, async (t) => codes((await t.as[user].request(Apis.FindCoordinator, 4, { keyType: 1, coordinatorKeys: ['tx-a'] })).coordinators));
  }
  const producers = new Map<string, { producerId: bigint; producerEpoch: number }>();
  for (const [user, txnId] of [['bob', 'tx-a'], ['dave', null], ['bob', null], ['carol', null], ['alice', 'tx-a']] as const) {
    add(`InitProducerId ${user} ${txnId ?? '(idempotent)'}`, async (t) => {
      const r = await t.as[user].request(Apis.InitProducerId, 5, { transactionalId: txnId, transactionTimeoutMs: 60_000, producerId: -1n, producerEpoch: -1 });
      if (txnId && r.errorCode === ErrorCode.NONE) producers.set(t.name, r);
      return err(r.errorCode);
    });
  }
  const txn = (t: Target) => producers.get(t.name) ?? { producerId: -1n, producerEpoch: -1 };
  for (const [user, topics] of [['bob', ['orders']], ['alice', ['orders', 'hidden']], ['alice', ['orders']]] as const) {
    add(`AddPartitionsToTxn ${user} tx-a ${topics.join(',')}`, async (t) => {
      const { producerId, producerEpoch } = txn(t);
      const r = await t.as[user].request(Apis.AddPartitionsToTxn, 3, { v3AndBelowTransactionalId: 'tx-a', v3AndBelowProducerId: producerId, v3AndBelowProducerEpoch: producerEpoch, v3AndBelowTopics: topics.map((name) => ({ name, partitions: [0] })) });
      // By topic: Kafka builds this answer from a hash map, so its order says nothing.
      type Result = { name: string; resultsByPartition: { partitionErrorCode: number }[] };
      return r.resultsByTopicV3AndBelow.map((x: Result) => [x.name, err(x.resultsByPartition[0].partitionErrorCode)]).sort();
    });
  }
  for (const [user, group] of [['alice', 'not-billing'], ['bob', 'billing'], ['alice', 'billing']] as const) {
    add(`AddOffsetsToTxn ${user} tx-a ${group}`, async (t) => err((await t.as[user].request(Apis.AddOffsetsToTxn, 3, { transactionalId: 'tx-a', ...txn(t), groupId: group })).errorCode));
  }
  for (const [user, group] of [['bob', 'billing'], ['alice', 'not-billing']] as const) {
    add(`TxnOffsetCommit ${user} tx-a ${group}`, async (t) => {
      const r = await t.as[user].request(Apis.TxnOffsetCommit, 3, { transactionalId: 'tx-a', groupId: group, ...txn(t), generationId: -1, memberId: '', groupInstanceId: null, topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, committedOffset: 1n, committedLeaderEpoch: -1, committedMetadata: null }] }] });
      return err(r.topics[0].partitions[0].errorCode);
    });
  }
  for (const user of ['bob', 'alice'] as const) {
    add(`DescribeTransactions ${user} tx-a`, async (t) => codes((await t.as[user].request(Apis.DescribeTransactions, 0, { transactionalIds: ['tx-a'] })).transactionStates));
    add(`ListTransactions ${user}`, async (t) => (await t.as[user].request(Apis.ListTransactions, 0, { stateFilters: [], producerIdFilters: [] })).transactionStates.map((x: { transactionalId: string }) => x.transactionalId));
  }
  for (const user of ['bob', 'alice'] as const) {
    add(`EndTxn (abort) ${user} tx-a`, async (t) => err((await t.as[user].request(Apis.EndTxn, 4, { transactionalId: 'tx-a', ...txn(t), committed: false })).errorCode));
  }

  // Topic administration: DELETE, ALTER.
  for (const user of ['alice', 'bob', 'admin'] as const) {
    add(`DeleteRecords ${user} orders`, async (t) => {
      const r = await t.as[user].request(Apis.DeleteRecords, 2, { topics: [{ name: 'orders', partitions: [{ partitionIndex: 0, offset: 1n }] }], timeoutMs: 30_000 });
      return err(r.topics[0].partitions[0].errorCode);
    });
  }
  for (const [user, topic] of [['alice', 'orders'], ['carol', 'c-all'], ['admin', 'orders']] as const) {
    add(`CreatePartitions (validate only) ${user} ${topic}`, async (t) => err((await t.as[user].request(Apis.CreatePartitions, 3, { topics: [{ name: topic, count: 2, assignments: null }], timeoutMs: 30_000, validateOnly: true })).results[0].errorCode));
  }
  for (const [user, topic] of [['alice', 'orders'], ['bob', 'no-such-topic'], ['admin', 'doomed']] as const) {
    add(`DeleteTopics ${user} ${topic}`, async (t) => codes((await t.as[user].request(Apis.DeleteTopics, 6, { topics: [{ name: topic, topicId: ZERO_UUID }], timeoutMs: 30_000 })).responses));
  }
  for (const [user, topic] of [['bob', 'hidden'], ['alice', 'orders']] as const) {
    add(`OffsetForLeaderEpoch ${user} ${topic}`, async (t) => err((await t.as[user].request(Apis.OffsetForLeaderEpoch, 4, { replicaId: -1, topics: [{ topic, partitions: [{ partition: 0, currentLeaderEpoch: -1, leaderEpoch: 0 }] }] })).topics[0].partitions[0].errorCode));
    add(`DescribeProducers ${user} ${topic}`, async (t) => err((await t.as[user].request(Apis.DescribeProducers, 0, { topics: [{ name: topic, partitionIndexes: [0] }] })).topics[0].partitions[0].errorCode));
  }

  // The cluster: DESCRIBE (implied by ALTER) to describe it and its ACLs, ALTER to change ACLs.
  for (const user of ['alice', 'carol', 'admin'] as const) {
    add(`DescribeCluster ${user}`, async (t) => err((await t.as[user].request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: false, endpointType: 1 })).errorCode));
    add(`DescribeAcls (topic orders) ${user}`, async (t) => {
      const r = await t.as[user].request(Apis.DescribeAcls, 3, { resourceTypeFilter: TOPIC, resourceNameFilter: 'orders', patternTypeFilter: LITERAL, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 });
      return [err(r.errorCode), r.resources.reduce((n: number, x: { acls: unknown[] }) => n + x.acls.length, 0)];
    });
  }
  for (const user of ['alice', 'carol'] as const) {
    // A filter that matches no ACL: allowed or refused, nothing is deleted.
    add(`DeleteAcls (matching nothing) ${user}`, async (t) => {
      const r = await t.as[user].request(Apis.DeleteAcls, 3, { filters: [{ resourceTypeFilter: TOPIC, resourceNameFilter: 'no-acl-here', patternTypeFilter: LITERAL, principalFilter: null, hostFilter: null, operation: 1, permissionType: 1 }] });
      return r.filterResults.map((f: { errorCode: number; matchingAcls: unknown[] }) => [err(f.errorCode), f.matchingAcls.length]);
    });
  }
  add('CreateAcls alice', async (t) => codes((await t.as.alice.request(Apis.CreateAcls, 3, { creations: [acl(TOPIC, 'hidden', LITERAL, 'User:alice', READ)] })).results));
  // Named users: Apache Kafka 4.3.1 refusing users=null (all) throws a NullPointerException
  // making its error answer, and never answers (nor anything after it on that connection).
  add('DescribeUserScramCredentials alice [alice]', async (t) => {
    const r = await t.as.alice.request(Apis.DescribeUserScramCredentials, 0, { users: [{ name: 'alice' }] });
    type Result = { user: string; errorCode: number; errorMessage: string | null };
    return [err(r.errorCode), r.errorMessage, ...r.results.map((x: Result) => [x.user, err(x.errorCode), x.errorMessage])];
  });
  add('WriteTxnMarkers alice', async (t) => {
    const r = await t.as.alice.request(Apis.WriteTxnMarkers, 1, { markers: [{ producerId: 0n, producerEpoch: 0, transactionResult: false, topics: [{ name: 'orders', partitionIndexes: [0] }], coordinatorEpoch: 0 }] });
    return err(r.markers[0].topics[0].partitions[0].errorCode);
  });

  // Authorized operations, asked for: each principal's bit field per topic, group and the cluster.
  for (const user of ['alice', 'bob', 'carol', 'dave'] as const) {
    add(`Metadata v10 authorized operations ${user}`, async (t) => {
      const r = await t.as[user].request(Apis.Metadata, 10, {
        topics: ['orders', 'secret', 'team-x', 'c-all', 'pub-news', 'hidden'].map((name) => ({ name, topicId: ZERO_UUID })),
        allowAutoTopicCreation: false, includeClusterAuthorizedOperations: true, includeTopicAuthorizedOperations: true,
      });
      // By name: Kafka's order of named topics is its hash set's, which no client relies on.
      return [r.clusterAuthorizedOperations, ...r.topics.map((x: { name: string; errorCode: number; topicAuthorizedOperations: number }) => [x.name, err(x.errorCode), x.topicAuthorizedOperations]).sort()];
    });
    add(`DescribeCluster authorized operations ${user}`, async (t) => (await t.as[user].request(Apis.DescribeCluster, 1, { includeClusterAuthorizedOperations: true, endpointType: 1 })).clusterAuthorizedOperations);
    add(`DescribeGroups authorized operations ${user} billing, team-b`, async (t) => {
      const r = await t.as[user].request(Apis.DescribeGroups, 5, { groups: ['billing', 'team-b'], includeAuthorizedOperations: true });
      return r.groups.map((g: { groupId: string; errorCode: number; authorizedOperations: number }) => [g.groupId, err(g.errorCode), g.authorizedOperations]).sort();
    });
    add(`DescribeTopicPartitions authorized operations ${user}`, async (t) => {
      const r = await t.as[user].request(Apis.DescribeTopicPartitions, 0, { topics: ['orders', 'team-x', 'c-all', 'pub-news', 'hidden'].map((name) => ({ name })), responsePartitionLimit: 100, cursor: null });
      return r.topics.map((x: { name: string; errorCode: number; topicAuthorizedOperations: number }) => [x.name, err(x.errorCode), x.topicAuthorizedOperations]).sort();
    });
  }
  return list;
}

// A coordinator being created or loaded (Kafka makes __consumer_offsets and __transaction_state
// on first use) or a transaction still completing: asked again, as a client would.
const NOT_YET = /COORDINATOR_NOT_AVAILABLE|COORDINATOR_LOAD_IN_PROGRESS|NOT_COORDINATOR|CONCURRENT_TRANSACTIONS|NOT_LEADER_OR_FOLLOWER|LEADER_NOT_AVAILABLE/;

/** A case whose request is not answered within 20 s is an outcome too, not a hang of the whole test. */
async function answered(outcome: Promise<Outcome>): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve('no answer within 20 s'), 20_000)));
  try {
    return await Promise.race([outcome, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function outcomes(t: Target): Promise<string[]> {
  const out: string[] = [];
  for (const c of cases()) {
    let outcome = '';
    for (const deadline = Date.now() + 60_000; ; ) {
      outcome = JSON.stringify(await answered(c.run(t)));
      if (process.env.SLUICE_ACL_MATRIX_TRACE) process.stderr.write(`${t.name} ${c.label}: ${outcome}\n`);
      if (!NOT_YET.test(outcome) || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    out.push(`${c.label}: ${outcome}`);
  }
  return out;
}

test('the same ACLs allow and refuse the same requests, with the same codes, on Sluice as on Apache Kafka 4.3.1', { timeout: 300_000 }, async (t) => {
  const [onKafka, onSluice] = await Promise.all(targets.map(outcomes));
  const differences = onKafka.flatMap((expected, i) => (onSluice[i] === expected ? [] : [`Kafka   ${expected}\nSluice  ${onSluice[i]}`]));
  t.diagnostic(`${onKafka.length} cases, ${differences.length} differences`);
  assert.deepEqual(differences, [], `Sluice differs from Apache Kafka 4.3.1 in ${differences.length} of ${onKafka.length} cases:\n${differences.join('\n')}`);
  // Not vacuous: Kafka itself allowed some and refused some, with each kind of refusal.
  const all = onKafka.join('\n');
  for (const code of ['"NONE"', 'TOPIC_AUTHORIZATION_FAILED', 'GROUP_AUTHORIZATION_FAILED', 'CLUSTER_AUTHORIZATION_FAILED', 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED']) {
    assert.ok(all.includes(code), `some case answered ${code} on Kafka`);
  }
});
