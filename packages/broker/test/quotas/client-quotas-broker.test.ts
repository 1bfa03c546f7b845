// Client quotas on a running broker, driven at exact API versions over SASL PLAIN connections
// (admin is a super user; alice has no ACL on the cluster, so she may neither describe nor
// alter quotas): AlterClientQuotas's checks entity by entity, DescribeClientQuotas's strict and
// non-strict filters, then enforcement with two 1-second windows (quota.window.num=2) so that
// small amounts go over: a producer over producer_byte_rate and a consumer over
// consumer_byte_rate get throttle_time_ms and their connection is muted that long (the next
// request on it is answered no sooner; the broker's throttle diagnostics event says which quota),
// CreateTopics over controller_mutation_rate is refused per topic at v7 and throttled at v5,
// and connections over connection_creation_rate are closed. Finally the quotas survive a restart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, fetchRequestV12 } from '@sluice/test-kit';
import { type Broker, BrokerChannels, startBroker } from '../../src/index.ts';

const USERS = { admin: 'admin-secret', alice: 'alice-secret' } as const;
type User = keyof typeof USERS;
const JAAS = `org.apache.kafka.common.security.plain.PlainLoginModule required ${Object.entries(USERS).map(([u, p]) => `user_${u}="${p}"`).join(' ')};`;
const CONFIG = {
  listeners: 'SASL_PLAINTEXT://127.0.0.1:0',
  'sasl.enabled.mechanisms': 'PLAIN',
  'listener.name.sasl_plaintext.plain.sasl.jaas.config': JAAS,
  'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  'super.users': 'User:admin',
  // Resources without ACLs are open; the cluster has one (below), which closes it to alice.
  'allow.everyone.if.no.acl.found': 'true',
  'quota.window.num': '2',
  'quota.window.size.seconds': '1',
  'controller.quota.window.num': '2',
  'controller.quota.window.size.seconds': '1',
};

interface ThrottleEvent {
  quotaType: string;
  throttleTimeMs: number;
  apiKey: number;
  principal: string;
}

async function connectAs(port: number, user: User): Promise<RawConnection> {
  const c = await RawConnection.open(port);
  assert.equal((await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })).errorCode, ErrorCode.NONE);
  const auth = await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`\u0000${user}\u0000${USERS[user]}`) });
  assert.equal(auth.errorCode, ErrorCode.NONE, `${user} authenticates`);
  return c;
}

type Entity = { entityType: string; entityName: string | null }[];
const set = (entity: Entity, values: Record<string, number>) => ({ entity, ops: Object.entries(values).map(([key, value]) => ({ key, value, remove: false })) });

describe('client quotas on the broker', { timeout: 120_000 }, () => {
  let dataDir: string;
  let broker: Broker;
  let port: number;
  let admin: RawConnection;
  const throttles: ThrottleEvent[] = [];
  const onThrottle = (m: unknown) => throttles.push(m as ThrottleEvent);
  const connections: RawConnection[] = [];
  const connect = async (user: User) => {
    const c = await connectAs(port, user);
    connections.push(c);
    return c;
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sluice-quotas-'));
    broker = await startBroker({ port: 0, dataDir, config: CONFIG });
    port = broker.listeners.SASL_PLAINTEXT.port;
    admin = await connect('admin');
    diagnosticsChannel.subscribe(BrokerChannels.throttle, onThrottle);
    // CLUSTER 4, LITERAL 3, ALTER_CONFIGS 11, ALLOW 3: an ACL on the cluster, for admin only.
    const acl = { resourceType: 4, resourceName: 'kafka-cluster', resourcePatternType: 3, principal: 'User:admin', host: '*', operation: 11, permissionType: 3 };
    assert.equal((await admin.request(Apis.CreateAcls, 3, { creations: [acl] })).results[0].errorCode, ErrorCode.NONE);
  });
  after(async () => {
    diagnosticsChannel.unsubscribe(BrokerChannels.throttle, onThrottle);
    for (const c of connections) c.close();
    await broker?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('AlterClientQuotas and DescribeClientQuotas need ALTER_CONFIGS and DESCRIBE_CONFIGS on the cluster', async () => {
    const alice = await connect('alice');
    const described = await alice.request(Apis.DescribeClientQuotas, 1, { components: [], strict: false });
    assert.equal(described.errorCode, ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    assert.equal(described.entries, null);
    const altered = await alice.request(Apis.AlterClientQuotas, 1, { entries: [set([{ entityType: 'user', entityName: 'alice' }], { producer_byte_rate: 1e9 })], validateOnly: false });
    assert.deepEqual(altered.entries.map((e: { errorCode: number }) => e.errorCode), [ErrorCode.CLUSTER_AUTHORIZATION_FAILED]);
  });

  test('each entity is checked and applied on its own; validate_only changes nothing', async () => {
    const entries = [
      set([{ entityType: 'user', entityName: 'bob' }], { producer_byte_rate: 1000, consumer_byte_rate: 2000 }),
      set([{ entityType: 'user', entityName: null }, { entityType: 'client-id', entityName: null }], { request_percentage: 200 }),
      set([{ entityType: 'client-id', entityName: 'app' }], { producer_byte_rate: -1 }),
      set([{ entityType: 'ip', entityName: '10.1.2.3' }], { producer_byte_rate: 5 }),
      set([{ entityType: 'ip', entityName: '10.1.2.3' }, { entityType: 'user', entityName: 'x' }], { connection_creation_rate: 5 }),
      set([{ entityType: 'user', entityName: '' }], { producer_byte_rate: 5 }),
      set([{ entityType: 'group', entityName: 'g' }], { producer_byte_rate: 5 }),
      set([{ entityType: 'ip', entityName: null }], { connection_creation_rate: 1000 }),
    ];
    // Kafka answers in its HashMap's order of entities: compared in the request's order here.
    type Answered = { errorCode: number; errorMessage: string | null; entity: { entityType: string; entityName: string | null }[] };
    const nameOf = (entity: readonly { entityType: string; entityName: string | null }[]) => JSON.stringify([...entity].sort((a, b) => a.entityType.localeCompare(b.entityType)));
    const inRequestOrder = (answered: Answered[]) => entries.map((e) => answered.find((a) => nameOf(a.entity) === nameOf(e.entity))!).map((a) => [a.errorCode, a.errorMessage]);
    const dry = await admin.request(Apis.AlterClientQuotas, 1, { entries, validateOnly: true });
    assert.equal(dry.entries.length, entries.length);
    const outcome = inRequestOrder(dry.entries);
    assert.deepEqual(outcome, [
      [ErrorCode.NONE, null],
      [ErrorCode.NONE, null],
      [ErrorCode.INVALID_REQUEST, 'Quota producer_byte_rate must be greater than 0'],
      [ErrorCode.INVALID_REQUEST, 'Invalid configuration key producer_byte_rate'],
      [ErrorCode.INVALID_REQUEST, 'Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId'],
      [ErrorCode.INVALID_REQUEST, 'Empty user not supported'],
      [ErrorCode.INVALID_REQUEST, 'Unhandled client quota entity type: group'],
      [ErrorCode.NONE, null],
    ]);
    assert.deepEqual((await admin.request(Apis.DescribeClientQuotas, 1, { components: [], strict: false })).entries, []);
    const real = await admin.request(Apis.AlterClientQuotas, 0, { entries, validateOnly: false });
    assert.deepEqual(inRequestOrder(real.entries), outcome);
  });

  test('a key named twice refuses its entity, and an entry after it for the same entity is a repeat: nothing of it is made', async () => {
    // As Apache Kafka 4.3.1 answers (tests/compat/kafka/admin-tools compares the two).
    const entity = [{ entityType: 'user', entityName: 'twice' }];
    const op = (key: string, value: number) => ({ key, value, remove: false });
    const entries = [
      { entity, ops: [op('producer_byte_rate', 100), op('producer_byte_rate', 200)] },
      { entity, ops: [op('consumer_byte_rate', 300)] },
    ];
    for (const validateOnly of [true, false]) {
      const altered = await admin.request(Apis.AlterClientQuotas, 1, { entries, validateOnly });
      assert.deepEqual(altered.entries, [{ errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'Ignoring duplicate entity ClientQuotaEntity(entries={user=twice})', entity }]);
    }
    const described = await admin.request(Apis.DescribeClientQuotas, 1, { components: [{ entityType: 'user', matchType: 0, match: 'twice' }], strict: false });
    assert.deepEqual(described.entries, []);
  });

  test("of two values refused, the answer names the first in Kafka's order of the entity's keys, not the request's", async () => {
    // Kafka checks them in its HashMap's order (as Apache Kafka 4.3.1 answers; admin-tools compares).
    const entity = [{ entityType: 'user', entityName: 'two-bad' }];
    const altered = await admin.request(Apis.AlterClientQuotas, 1, { entries: [set(entity, { producer_byte_rate: -1, consumer_byte_rate: 1.5 })], validateOnly: false });
    assert.deepEqual(altered.entries, [{ errorCode: ErrorCode.INVALID_REQUEST, errorMessage: 'consumer_byte_rate cannot be a fractional value.', entity }]);
  });

  test('DescribeClientQuotas matches as Kafka: exact, default, specified; strict or not', async () => {
    const describe = async (components: { entityType: string; matchType: number; match: string | null }[], strict: boolean) => {
      const r = await admin.request(Apis.DescribeClientQuotas, 1, { components, strict });
      assert.equal(r.errorCode, ErrorCode.NONE, r.errorMessage);
      return r.entries
        .map((e: { entity: Entity; values: { key: string; value: number }[] }) => ({ entity: Object.fromEntries(e.entity.map((c) => [c.entityType, c.entityName])), values: Object.fromEntries(e.values.map((v) => [v.key, v.value])) }))
        .sort((a: object, b: object) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    };
    assert.deepEqual(await describe([{ entityType: 'user', matchType: 0, match: 'bob' }], true), [{ entity: { user: 'bob' }, values: { producer_byte_rate: 1000, consumer_byte_rate: 2000 } }]);
    assert.deepEqual(await describe([{ entityType: 'user', matchType: 1, match: null }], false), [{ entity: { user: null, 'client-id': null }, values: { request_percentage: 200 } }]);
    assert.deepEqual(await describe([{ entityType: 'user', matchType: 1, match: null }], true), []);
    assert.deepEqual(await describe([{ entityType: 'ip', matchType: 2, match: null }], false), [{ entity: { ip: null }, values: { connection_creation_rate: 1000 } }]);
    const bad = await admin.request(Apis.DescribeClientQuotas, 1, { components: [{ entityType: 'user', matchType: 0, match: null }], strict: false });
    assert.deepEqual([bad.errorCode, bad.errorMessage, bad.entries], [ErrorCode.INVALID_REQUEST, 'Request specified MATCH_TYPE_EXACT, but set match string to null.', null]);
    const unknown = await admin.request(Apis.DescribeClientQuotas, 1, { components: [{ entityType: 'group', matchType: 2, match: null }], strict: false });
    assert.equal(unknown.errorCode, ErrorCode.UNSUPPORTED_VERSION);
  });

  test('a producer over producer_byte_rate is throttled and its connection muted', async () => {
    // 10 kB/s; each produce below carries ~8 kB, so the second one in a window goes over.
    await admin.request(Apis.AlterClientQuotas, 1, { entries: [set([{ entityType: 'user', entityName: 'alice' }], { producer_byte_rate: 10_000, consumer_byte_rate: 10_000 })], validateOnly: false });
    const made = await admin.request(Apis.CreateTopics, 7, { topics: [{ name: 'metered', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 30_000, validateOnly: false });
    assert.equal(made.topics[0].errorCode, ErrorCode.NONE);
    const alice = await connect('alice');
    const records = encodeUncompressedRecordBatch({ records: [{ key: 'k', value: Buffer.alloc(8000, 1) }] });
    const produce = () => alice.request(Apis.Produce, 9, { transactionalId: null, acks: -1, timeoutMs: 30_000, topicData: [{ name: 'metered', partitionData: [{ index: 0, records }] }] });
    let throttled;
    for (let i = 0; i < 5 && throttled === undefined; i++) {
      const r = await produce();
      assert.equal(r.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE, 'throttled, not refused: the records are written');
      if (r.throttleTimeMs > 0) throttled = r;
    }
    assert.ok(throttled, 'a produce answered with throttle_time_ms > 0');
    const event = throttles.find((t) => t.quotaType === 'producer_byte_rate');
    assert.ok(event, 'the throttle diagnostics event names the quota');
    assert.deepEqual([event.apiKey, event.principal, event.throttleTimeMs], [Apis.Produce.apiKey, 'User:alice', throttled.throttleTimeMs]);
    // Muted: the next request on this connection is read only once the throttle time has passed.
    const sent = Date.now();
    await alice.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    assert.ok(Date.now() - sent >= throttled.throttleTimeMs - 20, `answered after ${Date.now() - sent} ms of a ${throttled.throttleTimeMs} ms throttle`);
  });

  test('a consumer over consumer_byte_rate gets no records and a throttle time', async () => {
    const alice = await connect('alice');
    let offset = 0n;
    let throttled;
    for (let i = 0; i < 5 && throttled === undefined; i++) {
      // At most what one window holds comes back at once: 10 kB/s * (2-1) windows * 1 s.
      const r = await alice.request(Apis.Fetch, 12, fetchRequestV12('metered', [{ fetchOffset: offset }], { maxWaitMs: 0 }));
      if (r.throttleTimeMs > 0) {
        throttled = r;
        break;
      }
      const records: Buffer = r.responses[0].partitions[0].records;
      assert.ok(records.length > 0 && records.length <= 10_000 + 8100, `one window's worth at most: ${records.length} bytes`);
      offset += 1n;
    }
    assert.ok(throttled, 'a fetch answered with throttle_time_ms > 0');
    assert.deepEqual(throttled.responses, [], 'a throttled fetch carries no records');
    assert.ok(throttles.some((t) => t.quotaType === 'consumer_byte_rate' && t.apiKey === Apis.Fetch.apiKey));
  });

  test('controller_mutation_rate: strict (CreateTopics v7) refuses the topic over it, permissive (v5) throttles', async () => {
    // 1 partition/s; the bucket holds 2 windows: 2 tokens.
    await admin.request(Apis.AlterClientQuotas, 1, { entries: [set([{ entityType: 'user', entityName: 'alice' }], { controller_mutation_rate: 1 })], validateOnly: false });
    const topic = (name: string) => ({ name, numPartitions: 2, replicationFactor: 1, assignments: [], configs: [] });
    const strict = await (await connect('alice')).request(Apis.CreateTopics, 7, { topics: [topic('m1'), topic('m2'), topic('m3')], timeoutMs: 30_000, validateOnly: false });
    // m1 takes the 2 tokens, m2 goes into debt (checked before recording, as Kafka), m3 is refused.
    assert.deepEqual(strict.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]), [['m1', 0], ['m2', 0], ['m3', ErrorCode.THROTTLING_QUOTA_EXCEEDED]]);
    assert.equal(strict.topics[2].errorMessage, 'The throttling quota has been exceeded.');
    assert.ok(strict.throttleTimeMs > 0);
    const permissive = await (await connect('alice')).request(Apis.CreateTopics, 5, { topics: [topic('m4')], timeoutMs: 30_000, validateOnly: false });
    assert.equal(permissive.topics[0].errorCode, ErrorCode.NONE);
    assert.ok(permissive.throttleTimeMs > 0);
    assert.ok(throttles.some((t) => t.quotaType === 'controller_mutation_rate' && t.apiKey === Apis.CreateTopics.apiKey));
  });

  test('connections over connection_creation_rate are closed', async () => {
    // 1 connection/s from 127.0.0.1 (over the default ip entity's 1000): within one window the second is over.
    await admin.request(Apis.AlterClientQuotas, 1, { entries: [set([{ entityType: 'ip', entityName: '127.0.0.1' }], { connection_creation_rate: 1 })], validateOnly: false });
    const outcomes = [];
    for (let i = 0; i < 4; i++) {
      const c = await RawConnection.open(port);
      connections.push(c);
      outcomes.push(await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' }).then(() => 'served', () => 'closed'));
    }
    assert.ok(outcomes.includes('closed'), `closed over the rate: ${outcomes.join(', ')}`);
    await admin.request(Apis.AlterClientQuotas, 1, { entries: [{ entity: [{ entityType: 'ip', entityName: '127.0.0.1' }], ops: [{ key: 'connection_creation_rate', value: 0, remove: true }] }], validateOnly: false });
  });

  test('the quotas survive a restart', async () => {
    const before = (await admin.request(Apis.DescribeClientQuotas, 1, { components: [], strict: false })).entries;
    for (const c of connections.splice(0)) c.close();
    await broker.close();
    broker = await startBroker({ port: 0, dataDir, config: CONFIG });
    port = broker.listeners.SASL_PLAINTEXT.port;
    admin = await connect('admin');
    const after = (await admin.request(Apis.DescribeClientQuotas, 1, { components: [], strict: false })).entries;
    const key = (e: object) => JSON.stringify(e);
    assert.deepEqual(after.map(key).sort(), before.map(key).sort());
    assert.ok(after.some((e: { entity: Entity }) => e.entity[0].entityName === 'alice'));
  });
});
