// Client quota resolution and measurement, on a manual clock: Kafka's order of entities
// (user+client-id, user+default client-id, user, default user+client-id, default user+default
// client-id, default user, client-id, default client-id), who shares a quota, the sampled rate
// over quota.window.num windows of quota.window.size.seconds with its throttle time, the token
// bucket of controller_mutation_rate (strict and permissive) and Kafka's validation of entities,
// values and describe filters. Expected figures are worked out by hand from Kafka's formulas
// (Rate.windowSize, QuotaUtils.throttleTime, TokenBucket), quoted beside each.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ClientQuotaManager, ControllerMutationQuotaManager, ThrottlingQuotaExceeded, resolveClientQuota } from '../../src/quotas/client-quotas.ts';
import { IpConnectionRateQuota } from '../../src/quotas/connection-rate.ts';
import { InvalidQuotaRequest, UnsupportedQuotaFilter, checkQuotaValue, entityKey, keysForEntity, matchesFilter, parseFilter, type QuotaEntity } from '../../src/quotas/entities.ts';
import { isJavaIpv4Literal, isValidIpEntityName, literalAddress } from '../../src/quotas/ip-entity.ts';
import { HostResolver } from '../../src/quotas/host-resolver.ts';
import { ManualTimer } from '../../src/groups/timer.ts';
import { SampledRate } from '../../src/quotas/rate.ts';

/** An in-memory set of quotas with the store's lookup interface. */
function quotas(entries: [QuotaEntity, Record<string, number>][]) {
  const byKey = new Map(entries.map(([e, q]) => [entityKey(e), q]));
  return {
    generation: 1,
    get: (entity: QuotaEntity, key: string) => byKey.get(entityKey(entity))?.[key],
    hasAny: (key: string) => [...byKey.values()].some((q) => key in q),
    all: () => entries.map(([entity, q]) => ({ entity, quotas: new Map(Object.entries(q)) })),
  };
}

/** Host names as a resolver with both kinds of address answers them (localhost's IPv6 address first), no real DNS. */
function scriptedHosts(): HostResolver {
  const known: Record<string, { address: string; family: number }[]> = {
    localhost: [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }],
  };
  return new HostResolver({
    timer: new ManualTimer(),
    lookup: async (host) => {
      const all = known[host];
      if (all === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return all;
    },
  });
}

const P = 'producer_byte_rate';
const WINDOW = { samples: 11, windowMs: 1000 };

describe('quota resolution', () => {
  test('the most specific entity with the key wins, in Kafka order', () => {
    const all = quotas([
      [{ user: 'alice', 'client-id': 'app' }, { [P]: 1 }],
      [{ user: 'alice', 'client-id': null }, { [P]: 2 }],
      [{ user: 'alice' }, { [P]: 3 }],
      [{ user: null, 'client-id': 'app' }, { [P]: 4 }],
      [{ user: null, 'client-id': null }, { [P]: 5 }],
      [{ user: null }, { [P]: 6 }],
      [{ 'client-id': 'app' }, { [P]: 7 }],
      [{ 'client-id': null }, { [P]: 8 }],
    ]);
    assert.deepEqual(resolveClientQuota(all, P, 'alice', 'app'), { user: 'alice', clientId: 'app', limit: 1 });
    assert.deepEqual(resolveClientQuota(all, P, 'alice', 'other'), { user: 'alice', clientId: 'other', limit: 2 });
    assert.deepEqual(resolveClientQuota(all, P, 'bob', 'app'), { user: 'bob', clientId: 'app', limit: 4 });
    assert.deepEqual(resolveClientQuota(all, P, 'bob', 'other'), { user: 'bob', clientId: 'other', limit: 5 });
  });

  test('each level on its own', () => {
    assert.deepEqual(resolveClientQuota(quotas([[{ user: 'alice' }, { [P]: 3 }]]), P, 'alice', 'app'), { user: 'alice', clientId: '', limit: 3 });
    assert.deepEqual(resolveClientQuota(quotas([[{ user: null }, { [P]: 6 }]]), P, 'bob', 'app'), { user: 'bob', clientId: '', limit: 6 });
    assert.deepEqual(resolveClientQuota(quotas([[{ 'client-id': 'app' }, { [P]: 7 }]]), P, 'bob', 'app'), { user: '', clientId: 'app', limit: 7 });
    assert.deepEqual(resolveClientQuota(quotas([[{ 'client-id': null }, { [P]: 8 }]]), P, 'bob', 'app'), { user: '', clientId: 'app', limit: 8 });
    // A user quota outranks a client-id one: alice's clients share her quota.
    const both = quotas([[{ user: 'alice' }, { [P]: 3 }], [{ 'client-id': 'app' }, { [P]: 7 }]]);
    assert.deepEqual(resolveClientQuota(both, P, 'alice', 'app'), { user: 'alice', clientId: '', limit: 3 });
    assert.deepEqual(resolveClientQuota(both, P, 'bob', 'app'), { user: '', clientId: 'app', limit: 7 });
    // Another key's entities do not count.
    assert.deepEqual(resolveClientQuota(quotas([[{ user: 'alice' }, { consumer_byte_rate: 3 }]]), P, 'alice', 'app'), { user: '', clientId: 'app', limit: undefined });
  });

  test('clients under one user quota share its usage', () => {
    const manager = new ClientQuotaManager(P, quotas([[{ user: 'alice' }, { [P]: 100 }]]), WINDOW);
    // 1000 bytes at t=0 over 10 windows (Kafka counts at least samples-1 full windows): 100/s, at the quota.
    assert.equal(manager.recordAndGetThrottleTimeMs('alice', 'one', 1000, 0), 0);
    // 500 more from another client of alice: 150/s; throttle (150-100)/100 * 10000 ms = 5000 ms.
    assert.equal(manager.recordAndGetThrottleTimeMs('alice', 'two', 500, 0), 5000);
    // bob has no quota.
    assert.equal(manager.recordAndGetThrottleTimeMs('bob', 'one', 1e9, 0), 0);
  });
});

describe('sampled rate', () => {
  test('measured over the retained windows, at least samples-1 of them', () => {
    const rate = new SampledRate(WINDOW);
    rate.record(1000, 0);
    assert.equal(rate.windowSizeMs(0), 10_000);
    assert.equal(rate.measure(0), 100);
    // t=5500: a second window; span 5500 ms + 5 missing full windows = 10500 ms.
    rate.record(1000, 5500);
    assert.equal(rate.windowSizeMs(5500), 10_500);
    assert.equal(rate.measure(5500), 2000 / 10.5);
    // t=12000: the first sample's last event is 11 windows old, so it is dropped; the span runs
    // from the second's start: 6500 ms + 4 missing full windows = 10500 ms, holding 1000 bytes.
    rate.record(0, 12_000);
    assert.equal(rate.windowSizeMs(12_000), 10_500);
    assert.equal(rate.measure(12_000), 1000 / 10.5);
    // 11 windows after its last event a sample counts for nothing.
    assert.equal(rate.measure(16_500), 0);
  });

  test('the throttle time brings the rate back to the quota', () => {
    const manager = new ClientQuotaManager(P, quotas([[{ 'client-id': null }, { [P]: 1000 }]]), WINDOW);
    // 30000 bytes at t=0: 3000/s over 10 s; (3000-1000)/1000 * 10000 = 20000 ms.
    const throttle = manager.recordAndGetThrottleTimeMs('', 'c', 30_000, 0);
    assert.equal(throttle, 20_000);
    // After waiting it out nothing more is owed: 30000 bytes over 30 s... the samples have
    // expired by then (11 s after their last event), so the next small record is free.
    assert.equal(manager.recordAndGetThrottleTimeMs('', 'c', 1, throttle), 0);
    // Kafka caps a consumer's fetch at what the quota's window holds: 1000 * 10 * 1 s.
    assert.equal(manager.maxValueInQuotaWindow('', 'c'), 10_000);
  });

  test('an unrecorded value no longer counts (a throttled fetch returned nothing)', () => {
    const manager = new ClientQuotaManager(P, quotas([[{ 'client-id': null }, { [P]: 1000 }]]), WINDOW);
    assert.ok(manager.recordAndGetThrottleTimeMs('', 'c', 30_000, 0) > 0);
    manager.unrecord('', 'c', 30_000, 0);
    assert.equal(manager.recordAndGetThrottleTimeMs('', 'c', 5000, 0), 0);
  });

  test('request_percentage throttles for one window at most', () => {
    const manager = new ClientQuotaManager('request_percentage', quotas([[{ user: null }, { request_percentage: 1 }]]), WINDOW, WINDOW.windowMs);
    assert.equal(manager.recordAndGetThrottleTimeMs('u', 'c', 100, 0), 1000);
  });
});

describe('controller_mutation_rate token bucket', () => {
  test('strict: the mutation that goes over is made, the next is refused until the debt is paid', () => {
    let now = 0;
    const manager = new ControllerMutationQuotaManager(quotas([[{ user: 'alice' }, { controller_mutation_rate: 2 }]]), WINDOW, () => now);
    // Burst: 11 windows * 1 s * 2/s = 22 tokens.
    const quota = manager.quotaFor('alice', 'admin', true);
    quota.record(22);
    quota.record(1); // tokens 0 is not below 0: allowed, now -1
    assert.throws(() => quota.record(1), (e: unknown) => e instanceof ThrottlingQuotaExceeded && e.throttleTimeMs === 500);
    assert.equal(quota.throttleTimeMs(), 500);
    now = 200;
    assert.equal(quota.throttleTimeMs(), 300);
    now = 500;
    const next = manager.quotaFor('alice', 'admin', true);
    next.record(1); // refilled to 0
    assert.equal(next.throttleTimeMs(), 0);
  });

  test('permissive: always made, then throttled', () => {
    const now = 0;
    const manager = new ControllerMutationQuotaManager(quotas([[{ user: 'alice' }, { controller_mutation_rate: 2 }]]), WINDOW, () => now);
    const quota = manager.quotaFor('alice', 'admin', false);
    quota.record(30); // 22 - 30 = -8 tokens: 8 / 2 per s = 4000 ms
    assert.equal(quota.throttleTimeMs(), 4000);
    // Without a quota nothing is counted.
    assert.equal(manager.quotaFor('bob', 'admin', false).throttleTimeMs(), 0);
  });
});

describe('connection_creation_rate', () => {
  test('an address over its rate is held for the throttle time, and that connection does not count', () => {
    const rate = new IpConnectionRateQuota(quotas([[{ ip: '10.0.0.1' }, { connection_creation_rate: 1 }], [{ ip: null }, { connection_creation_rate: 100 }]]), WINDOW, scriptedHosts());
    // 10 connections at t=0 are 1/s over 10 s: at the quota.
    for (let i = 0; i < 10; i++) assert.equal(rate.recordConnection('10.0.0.1', 0), 0);
    // The 11th: 1.1/s, (0.1/1) * 10000 = 1000 ms, capped at one window (1000 ms).
    assert.equal(rate.recordConnection('10.0.0.1', 0), 1000);
    assert.equal(rate.recordConnection('10.0.0.1', 0), 1000);
    // Another address falls under the default ip entity.
    for (let i = 0; i < 50; i++) assert.equal(rate.recordConnection('10.0.0.2', 0), 0);
  });
});

describe('connection_creation_rate by the address an ip entity names', () => {
  test("another form of an address, or a host name, limits that address, as Kafka's broker resolves it", async () => {
    const entries: [QuotaEntity, Record<string, number>][] = [
      [{ ip: '127.2' }, { connection_creation_rate: 1 }],
      [{ ip: '::ffff:10.0.0.9' }, { connection_creation_rate: 1 }],
      [{ ip: 'localhost' }, { connection_creation_rate: 1 }],
      [{ ip: null }, { connection_creation_rate: 100 }],
    ];
    const rate = new IpConnectionRateQuota(quotas(entries), WINDOW, scriptedHosts());
    // The first connection maps the names; the host name's lookup answers a moment later.
    assert.equal(rate.recordConnection('10.1.1.1', 0), 0);
    await rate.addressesMapped;
    // localhost is 127.0.0.1 to Java's getByName (IPv4 first), whatever order the resolver has.
    for (const address of ['127.0.0.2', '10.0.0.9', '127.0.0.1']) {
      // 10 connections at t=0 are 1/s over 10 s: at the quota; the 11th is over it.
      for (let i = 0; i < 10; i++) rate.recordConnection(address, 0);
      assert.equal(rate.recordConnection(address, 0), 1000, address);
    }
    // Others fall under the default ip entity.
    for (let i = 0; i < 50; i++) assert.equal(rate.recordConnection('10.0.0.10', 0), 0);
    assert.equal(literalAddress('[::ffff:1.2.3.4]'), '1.2.3.4');
    assert.equal(literalAddress('0:0:0:0:0:0:0:1'), '::1');
    assert.equal(literalAddress('1.16777215'), '1.255.255.255');
    assert.equal(literalAddress('localhost'), undefined);
  });

  test('a name with a NUL character is refused, as Java refuses it, and lookups after it still answer', async () => {
    // Node's lookup throws at once for such a name; that failed every lookup queued after it, and
    // the connection quota's unawaited mapping with it, which ended the broker process.
    const hosts = scriptedHosts();
    assert.equal(await isValidIpEntityName('local\u0000host', hosts), false);
    assert.equal(await isValidIpEntityName('localhost', hosts), true);
    const entries: [QuotaEntity, Record<string, number>][] = [
      [{ ip: 'local\u0000host' }, { connection_creation_rate: 1 }],
      [{ ip: 'localhost' }, { connection_creation_rate: 1 }],
    ];
    const rate = new IpConnectionRateQuota(quotas(entries), WINDOW, hosts);
    assert.equal(rate.recordConnection('10.1.1.1', 0), 0);
    await rate.addressesMapped;
    for (let i = 0; i < 10; i++) rate.recordConnection('127.0.0.1', 0);
    assert.equal(rate.recordConnection('127.0.0.1', 0), 1000, 'localhost is limited');
  });
});

describe('validation, as Kafka', () => {
  const invalid = (f: () => unknown, message: string) => assert.throws(f, (e: unknown) => e instanceof InvalidQuotaRequest && e.message === message);

  test('entities and values', async () => {
    const refused = async (components: { entityType: string; entityName: string | null }[], message: string) =>
      assert.rejects(keysForEntity(components, scriptedHosts()), (e: unknown) => e instanceof InvalidQuotaRequest && e.message === message);
    await refused([], 'Invalid empty client quota entity');
    await refused([{ entityType: 'group', entityName: 'g' }], 'Unhandled client quota entity type: group');
    await refused([{ entityType: 'user', entityName: '' }], 'Empty user not supported');
    await refused([{ entityType: 'ip', entityName: '1.2.3.4' }, { entityType: 'user', entityName: 'a' }], 'Invalid quota entity combination, IP entity shouldnot be combined with User or ClientId');
    await refused([{ entityType: 'ip', entityName: 'not an address' }], 'not an address is not a valid IP or resolvable host.');
    const userKeys = await keysForEntity([{ entityType: 'user', entityName: 'a' }, { entityType: 'client-id', entityName: null }], scriptedHosts());
    const ipKeys = await keysForEntity([{ entityType: 'ip', entityName: null }], scriptedHosts());
    invalid(() => checkQuotaValue(userKeys, 'connection_creation_rate', 1), 'Invalid configuration key connection_creation_rate');
    invalid(() => checkQuotaValue(ipKeys, 'producer_byte_rate', 1), 'Invalid configuration key producer_byte_rate');
    invalid(() => checkQuotaValue(userKeys, 'producer_byte_rate', -5), 'Quota producer_byte_rate must be greater than 0');
    invalid(() => checkQuotaValue(userKeys, 'producer_byte_rate', 0), 'Quota producer_byte_rate must be greater than 0');
    invalid(() => checkQuotaValue(userKeys, 'consumer_byte_rate', 1.5), 'consumer_byte_rate cannot be a fractional value.');
    invalid(() => checkQuotaValue(ipKeys, 'connection_creation_rate', 3e9), 'Proposed value for connection_creation_rate is too large for an INT.');
    checkQuotaValue(userKeys, 'request_percentage', 12.5);
    checkQuotaValue(userKeys, 'controller_mutation_rate', 0.5);
  });

  test("ip entity names: Java's address literals, no lookup for ambiguous ones", async () => {
    // A resolver that fails every name: literals are taken or refused without it.
    const hosts = new HostResolver({ timer: new ManualTimer(), lookup: async () => assert.fail('no lookup for a literal') });
    // Taken without a lookup: Java's IPv4 forms (one to four decimal parts), IPv6, numeric zones.
    for (const name of [null, '10.1.2.3', '127.1', '1.2.3', '01.02.03.04', '4294967295', '::1', '[::1]', '::ffff:1.2.3.4', 'fe80::1%1']) {
      assert.equal(await isValidIpEntityName(name, hosts), true, String(name));
    }
    // Refused without a lookup: hex or octal forms, bad IPv6, brackets around anything else.
    for (const name of ['', '0x7f.1', '1.2.3.4/24', '[10.0.0.1]', '[::1', '[]', '::g', 'fe80::1%no-such-interface-here']) {
      assert.equal(await isValidIpEntityName(name, hosts), false, name);
    }
    assert.equal(isJavaIpv4Literal('256.1.1.1'), false);
    assert.equal(isJavaIpv4Literal('1.16777215'), true);
    assert.equal(isJavaIpv4Literal('1.16777216'), false);
  });

  test('describe filters: strict and non-strict matches', () => {
    const entities: QuotaEntity[] = [{ user: 'alice' }, { user: 'alice', 'client-id': 'app' }, { user: null }, { 'client-id': 'app' }, { ip: '1.2.3.4' }];
    const match = (components: { entityType: string; matchType: number; match: string | null }[], strict: boolean) => entities.filter((e) => matchesFilter(e, parseFilter(components, strict)));
    assert.deepEqual(match([{ entityType: 'user', matchType: 0, match: 'alice' }], false), [{ user: 'alice' }, { user: 'alice', 'client-id': 'app' }]);
    assert.deepEqual(match([{ entityType: 'user', matchType: 0, match: 'alice' }], true), [{ user: 'alice' }]);
    assert.deepEqual(match([{ entityType: 'user', matchType: 1, match: null }], false), [{ user: null }]);
    assert.deepEqual(match([{ entityType: 'user', matchType: 2, match: null }], false), [{ user: 'alice' }, { user: 'alice', 'client-id': 'app' }, { user: null }]);
    assert.deepEqual(match([{ entityType: 'client-id', matchType: 2, match: null }], true), [{ 'client-id': 'app' }]);
    assert.deepEqual(match([], false), entities);
    assert.deepEqual(match([], true), []);
    invalid(() => parseFilter([{ entityType: 'user', matchType: 0, match: null }], false), 'Request specified MATCH_TYPE_EXACT, but set match string to null.');
    invalid(() => parseFilter([{ entityType: 'user', matchType: 1, match: 'a' }], false), 'Request specified MATCH_TYPE_DEFAULT, but also specified a match string.');
    invalid(() => parseFilter([{ entityType: 'user', matchType: 2, match: null }, { entityType: 'user', matchType: 2, match: null }], false), 'Entity type user cannot appear more than once in the filter.');
    invalid(() => parseFilter([{ entityType: 'ip', matchType: 2, match: null }, { entityType: 'user', matchType: 2, match: null }], false), 'Invalid entity filter component combination. IP filter component should not be used with user or clientId filter component.');
    assert.throws(() => parseFilter([{ entityType: 'group', matchType: 2, match: null }], false), UnsupportedQuotaFilter);
  });
});
