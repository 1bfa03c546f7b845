// connection_creation_rate after a change of quotas, as Kafka's broker applies one
// (ClientQuotaMetadataManager.handleIpQuota resolves the entity's name with InetAddress.getByName
// and calls ConnectionQuotas.updateIpConnectionRateQuota with the value's toInt): the address's
// usage is kept (Kafka only changes its sensor's bound), each change sets or removes the limit of
// the address its entity stands for, in the order made (so of two names for one address the last
// changed decides, and removing either removes the limit), a host name's address is looked up when
// its quota changes, the other names keep theirs meanwhile, and values are Java ints. The real
// store on an in-memory file system, a scripted resolver and a manual clock; expected figures from
// Kafka's Rate over quota.window.num=11 windows of 1 s (at least 10 s measured).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFileSystem } from '@sluice/storage';
import { ManualTimer } from '../../src/groups/timer.ts';
import { BrokerQuotas } from '../../src/quotas/index.ts';
import { HostResolver, LOOKUP_TIMEOUT_MS, type LookupAddress } from '../../src/quotas/host-resolver.ts';
import { NO_CONNECTION_RATE_QUOTA, javaInt } from '../../src/quotas/connection-rate.ts';
import type { QuotaEntity } from '../../src/quotas/entities.ts';

const WINDOW = { samples: 11, windowMs: 1000 };
const RATE = 'connection_creation_rate';

/** Broker quotas on a fresh in-memory data folder; lookups answered by `answer` (held ones wait for `release`). */
async function setUp(known: Record<string, string> = {}, held: Set<string> = new Set()) {
  const fs = new MemoryFileSystem();
  await fs.mkdir('/data');
  const asked: string[] = [];
  const waiting = new Map<string, () => void>();
  const lookup = (host: string): Promise<LookupAddress[]> => {
    asked.push(host);
    const answer = (): LookupAddress[] => {
      const address = known[host];
      if (address === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return [{ address, family: address.includes(':') ? 6 : 4 }];
    };
    if (!held.has(host)) return Promise.resolve().then(answer);
    return new Promise((resolve, reject) => waiting.set(host, () => {
      try {
        resolve(answer());
      } catch (e) {
        reject(e);
      }
    }));
  };
  const timer = new ManualTimer();
  const hosts = new HostResolver({ lookup, timer });
  const warnings: string[] = [];
  const quotas = new BrokerQuotas({ client: WINDOW, controller: WINDOW }, () => 0, hosts, (m) => warnings.push(m));
  await quotas.store.open(fs, '/data/client-quotas');
  const set = (entity: QuotaEntity, value: number | null, key = RATE) => quotas.store.apply([{ entity, ops: new Map([[key, value]]) }]);
  /** Connections from `address` at t=`at` until one is held; how many were served. */
  const servedUntilHeld = (address: string, at: number, max = 200) => {
    for (let i = 0; i < max; i++) if (quotas.connections.recordConnection(address, at) > 0) return i;
    return max;
  };
  const release = (host: string) => waiting.get(host)!();
  return { quotas, hosts, timer, set, servedUntilHeld, asked, release, warnings };
}

describe('connection_creation_rate after a change of quotas', () => {
  test("an address's usage is kept across a change, as Kafka keeps its sensor and changes its bound", async () => {
    const { quotas, set } = await setUp();
    await set({ ip: null }, 100);
    // 10 connections at t=0 under the default quota: 1/s over the 10 s measured, far below 100.
    for (let i = 0; i < 10; i++) assert.equal(quotas.connections.recordConnection('10.0.0.1', 0), 0);
    // Lowered to 1 for that address: the 11th connection is 1.1/s, over it: held (0.1/1 * 10 s,
    // capped at one window: 1000 ms). Sluice forgot the 10 and served it.
    await set({ ip: '10.0.0.1' }, 1);
    assert.equal(quotas.connections.recordConnection('10.0.0.1', 0), 1000);
    // A change elsewhere (another kind of quota, another address) gives it no fresh start either.
    await set({ user: 'alice' }, 1000, 'producer_byte_rate');
    await set({ ip: '10.0.0.2' }, 3);
    assert.equal(quotas.connections.recordConnection('10.0.0.1', 0), 1000);
    // Raised: the same usage is under the new bound.
    await set({ ip: '10.0.0.1' }, 2);
    assert.equal(quotas.connections.recordConnection('10.0.0.1', 0), 0);
  });

  test('of two names for one address the last changed decides, and removing either removes the limit, as in Kafka', async () => {
    const { set, servedUntilHeld, hosts } = await setUp({ 'db.test': '10.0.0.5' });
    // Looked up as AlterClientQuotas validates the name: the change then applies at once.
    assert.equal(await hosts.resolve('db.test'), '10.0.0.5');
    await set({ ip: '10.0.0.5' }, 5);
    assert.equal(servedUntilHeld('10.0.0.5', 0), 50);
    await set({ ip: 'db.test' }, 6);
    assert.equal(servedUntilHeld('10.0.0.5', 20_000), 60, 'the last change decides');
    await set({ ip: '10.0.0.5' }, 7);
    assert.equal(servedUntilHeld('10.0.0.5', 40_000), 70);
    // Kafka's connectionRatePerIp has one entry per address: removing db.test's quota removes it,
    // though the entity 10.0.0.5 still has one (DescribeClientQuotas lists it).
    await set({ ip: 'db.test' }, null);
    assert.equal(servedUntilHeld('10.0.0.5', 60_000), 200, 'no limit left');
  });

  test('while a changed host name is looked up, the limits already applied stay in force, and changes apply in order', async () => {
    const { quotas, set, servedUntilHeld, hosts, release, timer } = await setUp({ 'a.test': '10.0.0.5', 'b.test': '10.0.0.6', 'c.test': '10.0.0.7' }, new Set(['b.test', 'c.test']));
    await hosts.resolve('a.test');
    await set({ ip: 'a.test' }, 1);
    assert.equal(servedUntilHeld('10.0.0.5', 0), 10);
    // b.test's lookup does not answer yet; a literal change after it waits behind it.
    await set({ ip: 'b.test' }, 2);
    await set({ ip: '10.0.0.6' }, 4);
    // Sluice forgot every host name's address at each change, until looked up again.
    assert.equal(servedUntilHeld('10.0.0.5', 20_000), 10, 'a.test still limits its address');
    assert.equal(servedUntilHeld('10.0.0.6', 0), 200, 'neither change applied yet');
    release('b.test');
    await quotas.connections.addressesMapped;
    assert.equal(servedUntilHeld('10.0.0.6', 40_000), 40, 'the literal, changed last, decides');
    // A name whose lookup times out is not applied (Kafka: "Unable to resolve address"), and the
    // changes after it go on.
    await set({ ip: 'c.test' }, 1);
    await set({ ip: '10.0.0.8' }, 1);
    timer.advance(LOOKUP_TIMEOUT_MS);
    await quotas.connections.addressesMapped;
    assert.equal(servedUntilHeld('10.0.0.7', 60_000), 200);
    assert.equal(servedUntilHeld('10.0.0.8', 60_000), 10);
  });

  test('a change is applied when made, not at the next connection', async () => {
    const { quotas, set, servedUntilHeld, asked, warnings } = await setUp({ 'db.test': '10.0.0.5' });
    await set({ ip: 'db.test' }, 1);
    assert.deepEqual(asked, ['db.test'], 'looked up when the quota changed');
    await quotas.connections.addressesMapped;
    assert.equal(servedUntilHeld('10.0.0.5', 0), 10);
    await set({ ip: 'nowhere.test' }, 1);
    await quotas.connections.addressesMapped;
    assert.deepEqual(warnings, ['connection_creation_rate of ip nowhere.test not applied: unable to resolve address nowhere.test']);
  });

  test("values are taken as Java ints, as Kafka's broker takes them (toInt)", async () => {
    assert.equal(javaInt(1.9), 1);
    assert.equal(javaInt(NaN), 0);
    assert.equal(javaInt(Infinity), NO_CONNECTION_RATE_QUOTA);
    assert.equal(javaInt(1e300), NO_CONNECTION_RATE_QUOTA);
    const { quotas, set, servedUntilHeld } = await setUp();
    await set({ ip: '10.0.0.1' }, 1.9);
    assert.equal(servedUntilHeld('10.0.0.1', 0), 10, 'a quota of 1.9 is 1');
    // NaN is 0: no connection is served, each held for one window.
    await set({ ip: '10.0.0.2' }, NaN);
    assert.equal(quotas.connections.recordConnection('10.0.0.2', 0), 1000);
    // Infinity is Integer.MAX_VALUE, Kafka's "no quota": the address is not limited by the default either.
    await set({ ip: null }, 1);
    await set({ ip: '10.0.0.3' }, Infinity);
    assert.equal(servedUntilHeld('10.0.0.3', 0), 200);
    assert.equal(servedUntilHeld('10.0.0.4', 0), 10);
    // The default removed: addresses without a quota of their own are not limited (nor counted).
    await set({ ip: null }, null);
    assert.equal(servedUntilHeld('10.0.0.4', 0), 200);
  });
});
