// Client quotas against what a client or an operator can send that the happy path does not:
// client ids chosen afresh for every request (the usage kept per client must stay bounded),
// quotas so small that the throttle time overflows throttle_time_ms (an INT32) and Node's
// timers, and a double quota of Infinity, which Kafka takes and JSON cannot hold.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ErrorCode, encodeUncompressedRecordBatch } from '@sluice/protocol';
import { RawConnection, eventually } from '@sluice/test-kit';
import { type Broker, startBroker } from '../../src/index.ts';
import { ClientQuotaManager, ControllerMutationQuotaManager, MAX_TRACKED_USAGES, type QuotaValues } from '../../src/quotas/client-quotas.ts';
import { IpConnectionRateQuota, MAX_TRACKED_ADDRESSES } from '../../src/quotas/connection-rate.ts';
import { HostResolver } from '../../src/quotas/host-resolver.ts';
import { ManualTimer } from '../../src/groups/timer.ts';

const WINDOW = { samples: 11, windowMs: 1000 };
const SPAN = WINDOW.samples * WINDOW.windowMs;

/** Quota values of one key on the given entities (JSON of the entity as the key). */
function values(key: string, quotas: [Record<string, string | null>, number][]): QuotaValues {
  const byEntity = new Map(quotas.map(([e, v]) => [JSON.stringify(Object.entries(e).sort()), v]));
  return {
    generation: 1,
    hasAny: (k) => k === key && byEntity.size > 0,
    get: (entity, k) => (k === key ? byEntity.get(JSON.stringify(Object.entries(entity).sort())) : undefined),
    all: () => quotas.map(([entity, v]) => ({ entity, quotas: new Map([[key, v]]) })),
  };
}

describe('usage kept per client id stays bounded', () => {
  test('a default client-id quota: each new client id is forgotten once idle for the measured span', () => {
    const manager = new ClientQuotaManager('producer_byte_rate', values('producer_byte_rate', [[{ 'client-id': null }, 1000]]), WINDOW);
    let now = 1_000_000;
    for (let i = 0; i < 5000; i++) manager.recordAndGetThrottleTimeMs('ANONYMOUS', `attacker-${i}`, 10, now++);
    assert.equal(manager.trackedUsages, 5000);
    now += SPAN;
    // Still throttled as before: forgetting an idle usage changes no measure.
    manager.recordAndGetThrottleTimeMs('ANONYMOUS', 'steady', 100_000, now);
    assert.equal(manager.trackedUsages, 1);
    assert.ok(manager.recordAndGetThrottleTimeMs('ANONYMOUS', 'steady', 1, now) > 0, 'the client over its quota is still throttled');
  });

  test('never more than MAX_TRACKED_USAGES, however fast new client ids come', () => {
    const manager = new ClientQuotaManager('consumer_byte_rate', values('consumer_byte_rate', [[{ 'client-id': null }, 1000]]), WINDOW);
    const now = 1_000_000;
    for (let i = 0; i < MAX_TRACKED_USAGES + 1000; i++) manager.recordAndGetThrottleTimeMs('ANONYMOUS', `c${i}`, 1, now);
    assert.equal(manager.trackedUsages, MAX_TRACKED_USAGES);
  });

  test('no usage is kept for clients no quota applies to', () => {
    const manager = new ClientQuotaManager('request_percentage', values('request_percentage', [[{ user: 'alice' }, 50]]), WINDOW);
    for (let i = 0; i < 1000; i++) assert.equal(manager.recordAndGetThrottleTimeMs('mallory', `m${i}`, 1, 1_000_000), 0);
    assert.equal(manager.trackedUsages, 0);
  });

  test('connection_creation_rate keeps at most MAX_TRACKED_ADDRESSES addresses, the most recently seen', () => {
    const quota = new IpConnectionRateQuota(values('connection_creation_rate', [[{ ip: null }, 1]]), { samples: 2, windowMs: 1000 }, new HostResolver({ timer: new ManualTimer() }));
    const now = 1_000_000;
    assert.equal(quota.recordConnection('10.0.0.1', now), 0);
    for (let i = 0; i < MAX_TRACKED_ADDRESSES + 100; i++) quota.recordConnection(`fd00::${i.toString(16)}`, now);
    assert.equal(quota.trackedAddresses, MAX_TRACKED_ADDRESSES);
    // A steady address seen again stays counted: its second connection in the window is over the rate.
    assert.equal(quota.recordConnection(`fd00::${(MAX_TRACKED_ADDRESSES + 99).toString(16)}`, now) > 0, true);
  });

  test('controller_mutation_rate forgets a full bucket, never a debt', () => {
    let now = 1_000_000;
    const manager = new ControllerMutationQuotaManager(values('controller_mutation_rate', [[{ 'client-id': null }, 1]]), WINDOW, () => now);
    manager.quotaFor('ANONYMOUS', 'debtor', false).record(100);
    for (let i = 0; i < 100; i++) manager.quotaFor('ANONYMOUS', `once-${i}`, false).record(1);
    now += SPAN + 1;
    const strict = manager.quotaFor('ANONYMOUS', 'another', true);
    strict.record(1);
    // The 100 paid back within the span are gone; the debtor (89 tokens short, 78 after the span) is kept.
    assert.equal(manager.trackedUsages, 2);
    assert.throws(() => manager.quotaFor('ANONYMOUS', 'debtor', true).record(1), /throttling quota/);
  });
});

// Idle connections close after 2 s: a muted connection whose client went away is among them.
const CONFIG = { 'connections.max.idle.ms': '2000' };

describe('quotas at the edges of their range on a broker', { timeout: 60_000 }, () => {
  let dataDir: string;
  let broker: Broker;
  const open: RawConnection[] = [];
  const connect = async () => {
    const c = await RawConnection.open(broker.port);
    open.push(c);
    return c;
  };
  const topic = (name: string) => ({ name, numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] });
  const set = (entity: { entityType: string; entityName: string | null }[], quotas: Record<string, number>) => ({ entity, ops: Object.entries(quotas).map(([key, value]) => ({ key, value, remove: false })) });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sluice-quota-edges-'));
    broker = await startBroker({ port: 0, dataDir, config: CONFIG });
  });

  after(async () => {
    for (const c of open) c.close();
    await broker?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a throttle time beyond INT32 is answered as the largest one, not a closed connection', async () => {
    const admin = await connect();
    const altered = await admin.request(Apis.AlterClientQuotas, 1, { entries: [set([{ entityType: 'client-id', entityName: 'sluice-test' }], { controller_mutation_rate: 1e-9 })], validateOnly: false });
    assert.equal(altered.entries[0].errorCode, ErrorCode.NONE);
    const tiny = await connect();
    const answer = await tiny.request(Apis.CreateTopics, 7, { topics: [topic('edge-1'), topic('edge-2')], timeoutMs: 30_000, validateOnly: false });
    assert.deepEqual(
      answer.topics.map((t: { name: string; errorCode: number }) => [t.name, t.errorCode]),
      [
        ['edge-1', ErrorCode.NONE],
        ['edge-2', ErrorCode.THROTTLING_QUOTA_EXCEEDED],
      ],
    );
    // The largest INT32, less the few ms between the refusal and the answer.
    assert.ok(answer.throttleTimeMs <= 2_147_483_647 && answer.throttleTimeMs > 2_147_483_647 - 60_000, String(answer.throttleTimeMs));
    // That connection is muted for the throttle time: its client's close must still free it (at
    // the latest as idle, as Kafka's connections.max.idle.ms does).
    assert.equal(broker.network.connections, 2);
    tiny.close();
    admin.close();
    await eventually('the muted connection closed as idle', () => broker.network.connections === 0);
  });

  test('an ip entity named with a NUL character is refused, and neither ends the broker nor fails later host names', async () => {
    const ip = (name: string) => [{ entityType: 'ip', entityName: name }];
    const admin = await connect();
    const alter = async (entity: { entityType: string; entityName: string | null }[], quotas: Record<string, number>, validateOnly = false) =>
      (await admin.request(Apis.AlterClientQuotas, 1, { entries: [set(entity, quotas)], validateOnly })).entries[0];
    // A host name's quota (looked up by the broker's resolver, as the NUL name would be).
    assert.equal((await alter(ip('localhost'), { connection_creation_rate: 1000 })).errorCode, ErrorCode.NONE);
    assert.deepEqual(await alter(ip('local\u0000host'), { connection_creation_rate: 5 }, true), {
      errorCode: ErrorCode.INVALID_REQUEST,
      errorMessage: 'local\u0000host is not a valid IP or resolvable host.',
      entity: ip('local\u0000host'),
    });
    assert.equal((await alter([{ entityType: 'user', entityName: 'nul-test' }], { producer_byte_rate: 1000 })).errorCode, ErrorCode.NONE);
    // The broker answers on, and host names are still looked up after the NUL name.
    const after = await connect();
    assert.equal((await alter(ip('localhost'), { connection_creation_rate: 5 }, true)).errorCode, ErrorCode.NONE);
    const metadata = await after.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.equal(metadata.brokers.length, 1);
  });

  test('quotas of Infinity and NaN (Kafka takes both) are kept across a restart and limit nothing', async () => {
    const admin = await connect();
    // On a PLAINTEXT listener every client is User:ANONYMOUS.
    const entity = [{ entityType: 'user', entityName: 'ANONYMOUS' }];
    const altered = await admin.request(Apis.AlterClientQuotas, 1, { entries: [set(entity, { request_percentage: Infinity, producer_byte_rate: NaN })], validateOnly: false });
    assert.equal(altered.entries[0].errorCode, ErrorCode.NONE);
    await broker.close();
    broker = await startBroker({ port: 0, dataDir, config: CONFIG });
    const described = await (await connect()).request(Apis.DescribeClientQuotas, 1, { components: [{ entityType: 'user', matchType: 0, match: 'ANONYMOUS' }], strict: false });
    assert.equal(described.errorCode, ErrorCode.NONE);
    assert.deepEqual(
      Object.fromEntries(described.entries[0].values.map((v: { key: string; value: number }) => [v.key, v.value])),
      { request_percentage: Infinity, producer_byte_rate: NaN },
    );
    // And it throttles nobody: requests it covers are answered with no throttle time.
    const client = await connect();
    for (let i = 0; i < 3; i++) {
      const metadata = await client.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
      assert.equal(metadata.throttleTimeMs, 0);
    }
    const records = encodeUncompressedRecordBatch({ records: [{ key: 'k', value: Buffer.alloc(100_000) }] });
    for (let i = 0; i < 3; i++) {
      const produced = await client.request(Apis.Produce, 9, { transactionalId: null, acks: 1, timeoutMs: 30_000, topicData: [{ name: 'edge-1', partitionData: [{ index: 0, records }] }] });
      assert.equal(produced.responses[0].partitionResponses[0].errorCode, ErrorCode.NONE);
      assert.equal(produced.throttleTimeMs, 0);
    }
  });
});
