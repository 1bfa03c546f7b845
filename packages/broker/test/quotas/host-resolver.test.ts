// The host-name lookups of the client quotas (ip entities named by a host name), with a scripted
// resolver and a manual timer, no real DNS: Java's cache (answers kept 30 s, failures 10 s, the
// defaults of networkaddress.cache.ttl and networkaddress.cache.negative.ttl), Java's choice of
// address (IPv4 first), one lookup at a time, and a DNS that never answers: callers are answered
// "does not resolve" at the timeout, and names asked while it hangs at once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualTimer } from '../../src/groups/timer.ts';
import { HostResolver, LOOKUP_TIMEOUT_MS, MAX_CACHED_NAMES, NEGATIVE_TTL_MS, POSITIVE_TTL_MS, type LookupAddress } from '../../src/quotas/host-resolver.ts';
import { InvalidQuotaRequest, keysForEntity } from '../../src/quotas/entities.ts';

/** A resolver whose answers the test gives: each lookup waits until answered, or answers at once from `known`. */
function scripted(known: Record<string, LookupAddress[]> = {}, options: { hold?: boolean } = {}) {
  const asked: string[] = [];
  const held = new Map<string, { answer: (a: LookupAddress[]) => void; fail: (e: Error) => void }>();
  const lookup = (host: string): Promise<LookupAddress[]> => {
    asked.push(host);
    return new Promise((resolve, reject) => {
      const fail = (e: Error) => reject(e);
      if (!options.hold) {
        const addresses = known[host];
        if (addresses === undefined) fail(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }));
        else resolve(addresses);
        return;
      }
      held.set(host, { answer: resolve, fail });
    });
  };
  return { lookup, asked, held };
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

/** Lets promise callbacks run (a lookup's answer reaching its callers). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('host lookups for ip entities', () => {
  test('a lookup that started late, behind another name, is not taken for a hanging resolver at its callers\' timeout', async () => {
    const timer = new ManualTimer();
    const dns = scripted({}, { hold: true });
    const hosts = new HostResolver({ lookup: dns.lookup, timer });
    const a = hosts.resolve('a.test');
    const b = hosts.resolve('b.test');
    timer.advance(LOOKUP_TIMEOUT_MS - 100);
    dns.held.get('a.test')!.answer([v4('10.0.0.1')]);
    assert.equal(await a, '10.0.0.1');
    await settle();
    assert.deepEqual(dns.asked, ['a.test', 'b.test'], "b's lookup starts once a's is answered");
    timer.advance(100);
    // b's callers have waited their time; b's lookup has run 0.1 s, which says nothing of the resolver.
    assert.equal(await b, undefined);
    assert.equal(hosts.peek('b.test'), undefined, 'b is not cached as failing');
    const c = hosts.resolve('c.test');
    dns.held.get('b.test')!.answer([v4('10.0.0.2')]);
    await settle();
    assert.equal(hosts.peek('b.test'), '10.0.0.2', "b's own answer is cached when it comes");
    await settle();
    assert.deepEqual(dns.asked, ['a.test', 'b.test', 'c.test'], 'a name asked meanwhile is looked up, not refused');
    dns.held.get('c.test')!.answer([v4('10.0.0.3')]);
    assert.equal(await c, '10.0.0.3');
  });

  test("answers are cached as Java caches them: 30 s when resolved, 10 s when not", async () => {
    const timer = new ManualTimer();
    const dns = scripted({ 'db.test': [v4('10.0.0.5')] });
    const hosts = new HostResolver({ lookup: dns.lookup, timer });
    assert.equal(await hosts.resolve('db.test'), '10.0.0.5');
    assert.equal(await hosts.resolve('gone.test'), undefined);
    assert.deepEqual(dns.asked, ['db.test', 'gone.test']);
    assert.equal(hosts.peek('db.test'), '10.0.0.5');
    assert.equal(hosts.peek('gone.test'), null);
    assert.equal(hosts.peek('never.test'), undefined);

    timer.advance(NEGATIVE_TTL_MS - 1);
    assert.equal(await hosts.resolve('gone.test'), undefined);
    assert.equal(await hosts.resolve('db.test'), '10.0.0.5');
    assert.deepEqual(dns.asked, ['db.test', 'gone.test'], 'both answered from the cache');
    timer.advance(1);
    assert.equal(hosts.peek('gone.test'), undefined, 'a failure is forgotten after 10 s');
    assert.equal(await hosts.resolve('gone.test'), undefined);
    assert.deepEqual(dns.asked, ['db.test', 'gone.test', 'gone.test']);

    timer.advance(POSITIVE_TTL_MS - NEGATIVE_TTL_MS - 1);
    assert.equal(hosts.peek('db.test'), '10.0.0.5');
    timer.advance(1);
    assert.equal(hosts.peek('db.test'), undefined, 'an address is forgotten after 30 s');
    assert.equal(await hosts.resolve('db.test'), '10.0.0.5');
    assert.equal(dns.asked.filter((h) => h === 'db.test').length, 2);
  });

  test("a name's address is Java's: its first IPv4 one, an IPv6 one only when it has none; NUL names refused unasked", async () => {
    const dns = scripted({
      'dual.test': [v6('::1'), v6('fd00::7'), v4('127.0.0.5'), v4('127.0.0.6')],
      'six.test': [v6('fd00::8'), v6('fd00::9')],
      'empty.test': [],
    });
    const hosts = new HostResolver({ lookup: dns.lookup, timer: new ManualTimer() });
    assert.equal(await hosts.resolve('dual.test'), '127.0.0.5');
    assert.equal(await hosts.resolve('six.test'), 'fd00::8');
    assert.equal(await hosts.resolve('empty.test'), undefined);
    assert.equal(await hosts.resolve('local\u0000host'), undefined);
    assert.ok(!dns.asked.includes('local\u0000host'));
    // A lookup that throws at once (Node's does for some names) fails that name only.
    const throwing = new HostResolver({
      lookup: (host) => {
        if (host === 'bad.test') throw new TypeError('bad name');
        return dns.lookup(host);
      },
      timer: new ManualTimer(),
    });
    assert.equal(await throwing.resolve('bad.test'), undefined);
    assert.equal(await throwing.resolve('dual.test'), '127.0.0.5');
  });

  test('one lookup at a time for the whole broker; callers of one name share its lookup', async () => {
    const dns = scripted({}, { hold: true });
    const hosts = new HostResolver({ lookup: dns.lookup, timer: new ManualTimer() });
    const a1 = hosts.resolve('a.test');
    const a2 = hosts.resolve('a.test');
    const b = hosts.resolve('b.test');
    assert.deepEqual(dns.asked, ['a.test'], 'b waits for a');
    dns.held.get('a.test')!.answer([v4('10.0.0.1')]);
    assert.deepEqual(await Promise.all([a1, a2]), ['10.0.0.1', '10.0.0.1']);
    assert.deepEqual(dns.asked, ['a.test', 'b.test']);
    dns.held.get('b.test')!.fail(new Error('getaddrinfo EAI_AGAIN b.test'));
    assert.equal(await b, undefined);
  });

  test('a DNS that never answers: callers get "does not resolve" at the timeout, later names at once, cached names still answer', async () => {
    const timer = new ManualTimer();
    const dns = scripted({}, { hold: true });
    const hosts = new HostResolver({ lookup: dns.lookup, timer });
    // Cached before the DNS hangs.
    const cached = hosts.resolve('db.test');
    dns.held.get('db.test')!.answer([v4('10.0.0.5')]);
    assert.equal(await cached, '10.0.0.5');

    const answers: (string | undefined)[] = [];
    const hung = hosts.resolve('hung.test').then((a) => answers.push(a));
    const behind = hosts.resolve('behind.test').then((a) => answers.push(a));
    await settle();
    assert.deepEqual(answers, [], 'nothing answered before the timeout');
    timer.advance(LOOKUP_TIMEOUT_MS - 1);
    await settle();
    assert.deepEqual(answers, []);
    timer.advance(1);
    await Promise.all([hung, behind]);
    // The hung name and the one queued behind it are both answered at the timeout.
    assert.deepEqual(answers, [undefined, undefined]);
    assert.ok(!dns.asked.includes('behind.test'), 'not looked up: the one lookup allowed is still busy');
    // While the lookup still hangs, another name is answered at once, without a lookup and
    // without a timeout of its own; the hung name is cached as failed; a cached name answers.
    assert.equal(await hosts.resolve('other.test'), undefined);
    assert.equal(hosts.peek('hung.test'), null);
    assert.equal(await hosts.resolve('db.test'), '10.0.0.5');
    assert.deepEqual(dns.asked, ['db.test', 'hung.test']);
    assert.deepEqual(timer.keys(), [], 'no timer left behind');

    // When the hung lookup comes back at last, its answer is kept and lookups run again.
    dns.held.get('hung.test')!.answer([v4('10.0.0.9')]);
    await settle();
    assert.equal(hosts.peek('hung.test'), '10.0.0.9');
    const next = hosts.resolve('other.test');
    assert.deepEqual(dns.asked, ['db.test', 'hung.test', 'other.test']);
    dns.held.get('other.test')!.answer([v4('10.0.0.10')]);
    assert.equal(await next, '10.0.0.10');
  });

  test('an ip entity whose name hangs in DNS is refused at the timeout with Kafka\'s message', async () => {
    const timer = new ManualTimer();
    const dns = scripted({}, { hold: true });
    const hosts = new HostResolver({ lookup: dns.lookup, timer });
    const checked = keysForEntity([{ entityType: 'ip', entityName: 'hung.test' }], hosts);
    const refused = assert.rejects(checked, (e: unknown) => e instanceof InvalidQuotaRequest && e.message === 'hung.test is not a valid IP or resolvable host.');
    timer.advance(LOOKUP_TIMEOUT_MS);
    await refused;
    // Literals never wait for DNS, hung or not.
    assert.ok(await keysForEntity([{ entityType: 'ip', entityName: '10.1.2.3' }], hosts));
  });

  test(`at most ${MAX_CACHED_NAMES} names are remembered, the oldest answer dropped first`, async () => {
    const hosts = new HostResolver({ lookup: async (host) => [v4(host === 'first.test' ? '10.0.0.1' : '10.0.0.2')], timer: new ManualTimer() });
    await hosts.resolve('first.test');
    for (let i = 0; i < MAX_CACHED_NAMES + 10; i++) await hosts.resolve(`n${i}.test`);
    assert.equal(hosts.cachedNames, MAX_CACHED_NAMES);
    assert.equal(hosts.peek('first.test'), undefined);
    assert.equal(hosts.peek(`n${MAX_CACHED_NAMES + 9}.test`), '10.0.0.2');
  });
});
