// Host names in max.connections.per.ip.overrides, looked up through the broker's HostResolver (a
// scripted resolver and a manual clock, no real DNS) on a listener on the loopback: a name stands
// for the one address Java's InetAddress.getByName gives it (its first IPv4 one), as Kafka's
// ConnectionQuotas maps it; after a change, a name whose cached address has expired keeps limiting
// that address until its lookup answers (it was dropped meanwhile); a DNS that never answers
// fails the start with a clear error instead of hanging it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, type Socket } from 'node:net';
import { ManualTimer } from '../../src/groups/timer.ts';
import type { KafkaServer } from '../../src/network/server.ts';
import { HostResolver, LOOKUP_TIMEOUT_MS, POSITIVE_TTL_MS, type LookupAddress } from '../../src/quotas/host-resolver.ts';
import { eventually } from '@sluice/test-kit';
import { loopbackServer } from './loopback-server.ts';

/** A resolver answering from `answers`; names in `held` wait until `release(name)`. */
function scriptedHosts(answers: Record<string, LookupAddress[]>, held: Set<string>) {
  const timer = new ManualTimer();
  const waiting = new Map<string, () => void>();
  const hosts = new HostResolver({
    timer,
    lookup: (host) =>
      new Promise((resolve, reject) => {
        const answer = () => (answers[host] ? resolve(answers[host]!) : reject(new Error(`getaddrinfo ENOTFOUND ${host}`)));
        if (held.has(host)) waiting.set(host, answer);
        else answer();
      }),
  });
  return { hosts, timer, release: (host: string) => waiting.get(host)!() };
}

function server(hosts: HostResolver, overrides: () => ReadonlyMap<string, number>, warnings: string[]) {
  const limits = {
    maxConnections: 1000,
    maxConnectionsPerIp: 3,
    get perIpOverrides() {
      return overrides();
    },
  };
  return loopbackServer(warnings, { limits, hosts });
}

/** A bare TCP connection from `localAddress` (any 127.x.y.z is the loopback on Linux). */
function connect(port: number, localAddress: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ port, host: '127.0.0.1', localAddress }, () => resolve(s));
    s.once('error', reject);
  });
}

/** How many connections from `address` are kept before one is refused (all closed afterwards; at most 10 tried). */
async function allowed(s: KafkaServer, port: number, address: string): Promise<number> {
  const open: Socket[] = [];
  try {
    for (let kept = 0; kept < 10; kept++) {
      const refused = s.stats.refusedConnections;
      open.push(await connect(port, address));
      // Either taken (counted among the connections) or refused (closed at once).
      await eventually(`connection ${kept + 1} from ${address} taken or refused`, () => s.stats.refusedConnections > refused || s.stats.connections === kept + 1);
      if (s.stats.refusedConnections > refused) return kept;
    }
    return 10;
  } finally {
    for (const c of open) c.destroy();
    await eventually('connections closed', () => s.stats.connections === 0);
  }
}

const v4 = (address: string): LookupAddress => ({ address, family: 4 });
const v6 = (address: string): LookupAddress => ({ address, family: 6 });

test("max.connections.per.ip.overrides: a host name limits Java's one address for it, and keeps it while looked up again", { timeout: 60_000 }, async () => {
  const answers = { 'db.test': [v6('fd00::3'), v4('127.0.0.3'), v4('127.0.0.4')] };
  const held = new Set<string>();
  const { hosts, timer, release } = scriptedHosts(answers, held);
  let overrides: ReadonlyMap<string, number> = new Map([['db.test', 1]]);
  const warnings: string[] = [];
  const s = server(hosts, () => overrides, warnings);
  const { port } = await s.listen();
  try {
    assert.equal(await allowed(s, port, '127.0.0.3'), 1, "db.test's first IPv4 address");
    assert.equal(await allowed(s, port, '127.0.0.4'), 3, 'its other addresses are not limited by it, as in Kafka');
    // The cached answer expires; the change's lookup does not answer yet.
    timer.advance(POSITIVE_TTL_MS);
    held.add('db.test');
    overrides = new Map([['db.test', 2], ['127.0.0.5', 1]]);
    assert.equal(await allowed(s, port, '127.0.0.5'), 1, 'an address applies at once');
    assert.equal(await allowed(s, port, '127.0.0.3'), 2, 'db.test still limits its address, with its new count');
    // Once looked up, db.test stands for its new address.
    answers['db.test'] = [v4('127.0.0.6')];
    release('db.test');
    await eventually('db.test looked up', () => hosts.peek('db.test') === '127.0.0.6');
    assert.equal(await allowed(s, port, '127.0.0.6'), 2);
    assert.equal(await allowed(s, port, '127.0.0.3'), 3);
    assert.deepEqual(warnings.filter((w) => w.includes('overrides:')), [], 'every name resolved');
  } finally {
    await s.stop(1000);
  }
});

test('max.connections.per.ip.overrides naming a host the DNS never answers for refuses the start after the lookup timeout', { timeout: 60_000 }, async () => {
  const { hosts, timer } = scriptedHosts({}, new Set(['hung.test']));
  const s = server(hosts, () => new Map([['hung.test', 1]]), []);
  const listening = s.listen();
  const refused = assert.rejects(listening, /Invalid max\.connections\.per\.ip\.overrides: cannot resolve host hung\.test/);
  timer.advance(LOOKUP_TIMEOUT_MS);
  await refused;
});
