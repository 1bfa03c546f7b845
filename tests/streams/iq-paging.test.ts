// The interactive-query server's pages (GET /stores/<store>?limit&cursor) on stores whose keys
// are not strings, and what a client may send wrong: every entry once across pages for Int32 and
// JSON-object keys without a parseKey (String(key) made '[object Object]' of every JSON key, so
// the second page came back empty and the rest of the store was never listed, and '5' of an Int32
// key, which its serde refused: 500), and clear 400s for limits out of range, cursors tampered
// with, keys the user's parseKey refuses and window stores (503 had clients retry for ever). One
// broker, one instance.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { type InteractiveQueryServer, KafkaStreams, type KeyValueStore, type Record, Serdes, Stores, type StreamsLogger, Topology } from '@sluice/streams';
import { eventually } from '@sluice/test-kit';
import { createTopics, produce, queryableApp } from './support.ts';

const S = Serdes.String();
const quiet: StreamsLogger = { info() {}, warn() {}, error() {} };
let broker: Broker;
let stateDir: string;

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  stateDir = mkdtempSync(join(tmpdir(), 'sluice-iq-paging-'));
});
after(async () => {
  await broker.close();
  rmSync(stateDir, { recursive: true, force: true });
});

/** Each input record `n` puts n under the Int32 key n and under the JSON key { id: n }. */
function topology(): Topology {
  return new Topology()
    .addSource('in', 'iqp-in', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor(
      'put',
      () => {
        let byInt: KeyValueStore<number, string>;
        let byObject: KeyValueStore<{ id: number }, string>;
        return {
          init: (ctx) => {
            byInt = ctx.getStateStore('by-int');
            byObject = ctx.getStateStore('by-object');
          },
          process: (r: Record<string, string>) => {
            byInt.put(Number(r.key), r.value);
            byObject.put({ id: Number(r.key) }, r.value);
          },
        };
      },
      'in',
    )
    .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('by-int'), Serdes.Int32(), S), 'put')
    .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('by-object'), Serdes.JSON<{ id: number }>(), S), 'put')
    .addStateStore(Stores.windowStoreBuilder(Stores.inMemoryWindowStore('windows', 60_000, 1_000, false), S, S), 'put');
}

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: JSON.parse(await res.text()) };
}

async function allPages(base: string, limit: number): Promise<unknown[]> {
  const entries: unknown[] = [];
  for (let cursor: string | null = null, pages = 0; ; pages++) {
    assert.ok(pages <= 20, 'the pages end');
    const page = await getJson(`${base}?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.ok(page.body.entries.length <= limit);
    entries.push(...page.body.entries);
    cursor = page.body.next;
    if (cursor === null) return entries;
  }
}

const cursorOf = (c: object) => Buffer.from(JSON.stringify(c)).toString('base64url');

test('pages of Int32 and JSON-keyed stores list every entry once; bad limits, cursors and keys get 400s', async () => {
  await createTopics(broker.bootstrap, [{ name: 'iqp-in', partitions: 2 }]);
  const { app, server } = await queryableApp<unknown, string>(
    (applicationServer) => new KafkaStreams(topology(), { applicationId: 'iqp-app', bootstrapServers: broker.bootstrap, applicationServer, stateDir, commitIntervalMs: 200, logger: quiet }),
    { keySerializer: Serdes.Int32() as never, parseKey: (text) => { if (!/^-?\d+$/.test(text)) throw new Error('keys are integers'); return Number(text); } },
  );
  const ids = Array.from({ length: 9 }, (_, i) => i * 7 - 20); // negatives too: their Int32 bytes sort after the positives
  try {
    await app.start();
    await produce(broker.bootstrap, 'iqp-in', ids.map((n) => ({ key: String(n), value: `v${n}` })));
    await eventually('every key to be stored', () => app.state() === 'RUNNING' && ids.every((n) => app.store<number, string>('by-int').get(n) === `v${n}`));

    const expected = ids.map((n) => `${n}=v${n}`).sort();
    for (const limit of [1, 2, 4]) {
      const ints = (await allPages(`${server.url}/stores/by-int`, limit)) as { key: number; value: string }[];
      assert.deepEqual(ints.map((e) => `${e.key}=${e.value}`).sort(), expected, `Int32 keys, ${limit} a page`);
      const objects = (await allPages(`${server.url}/stores/by-object`, limit)) as { key: { id: number }; value: string }[];
      assert.deepEqual(objects.map((e) => `${e.key.id}=${e.value}`).sort(), expected, `JSON keys, ${limit} a page`);
    }
    assert.equal((await allPages(`${server.url}/stores/by-int`, 10_000)).length, ids.length, 'the largest limit');

    for (const limit of ['0', '-1', '1.5', '', 'ten', '10001', '1e9']) {
      const r = await getJson(`${server.url}/stores/by-int?limit=${limit}`);
      assert.equal(r.status, 400, `limit=${limit}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error, /limit must be an integer from 1 to 10000/);
    }
    const first = await getJson(`${server.url}/stores/by-int?limit=2`);
    const given = JSON.parse(Buffer.from(first.body.next, 'base64url').toString('utf8'));
    const tampered = [
      'nonsense',
      cursorOf({ p: 'x' }),
      cursorOf({ ...given, k: 's:not-a-number' }), // a string where the Int32 serde needs a number
      cursorOf({ ...given, k: 'j:{oops' }),
      cursorOf({ ...given, k: 'q:unknown kind' }),
      cursorOf({ ...given, k: 7 }),
    ];
    for (const cursor of tampered) {
      const r = await getJson(`${server.url}/stores/by-int?limit=2&cursor=${cursor}`);
      assert.equal(r.status, 400, `cursor ${Buffer.from(cursor, 'base64url').toString('utf8')}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error, /cursor/);
    }
    const elsewhere = await getJson(`${server.url}/stores/by-int?cursor=${cursorOf({ ...given, h: '10.0.0.1:1' })}`);
    assert.equal(elsewhere.status, 409, 'an instance that holds no part of the store: start again');
    const beyond = await getJson(`${server.url}/stores/by-int?cursor=${cursorOf({ ...given, p: 99 })}`);
    assert.equal(beyond.status, 409, 'a partition this instance does not hold: start again');

    const bad = await getJson(`${server.url}/stores/by-int/keys/abc`);
    assert.equal(bad.status, 400, JSON.stringify(bad.body));
    assert.match(bad.body.error, /key 'abc' is not a key of store 'by-int': keys are integers/);
    const found = await getJson(`${server.url}/stores/by-int/keys/${ids[3]}`);
    assert.deepEqual([found.status, found.body.value], [200, `v${ids[3]}`]);
    // A window store is not served: a 503 ('try again') would have a client retry for ever.
    for (const path of ['/stores/windows', '/stores/windows/keys/1']) {
      const r = await getJson(`${server.url}${path}`);
      assert.equal(r.status, 400, `${path}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error, /serves key-value stores only/);
    }
    assert.equal(app.state(), 'RUNNING', 'nothing a client sent stopped the application');
  } finally {
    await server.close();
    await app.close();
  }
});

test('a rebalance between pages: a cursor in a partition that moved away is a 409, asked of either instance, not a silent skip', async () => {
  const apps: KafkaStreams[] = [];
  const servers: InteractiveQueryServer[] = [];
  try {
    // Each with its query server listening from the start (queryableApp says why).
    for (let i = 0; i < 2; i++) {
      const { app, server } = await queryableApp(
        (applicationServer) => new KafkaStreams(topology(), { applicationId: 'iqp-rebalance', bootstrapServers: broker.bootstrap, applicationServer, stateDir: mkdtempSync(join(stateDir, 'r-')), commitIntervalMs: 200, logger: quiet, consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 300 } }),
        { keySerializer: Serdes.Int32() as never },
      );
      apps.push(app);
      servers.push(server);
    }
    await apps[0].start();
    // The first test's input: 9 keys over the topic's two partitions.
    await eventually('the first instance to hold every key', () => apps[0].state() === 'RUNNING' && apps[0].localStorePartitions('by-int').partitions.length === 2 && apps[0].store('by-int').approximateNumEntries() === 9);
    // Every cursor the first instance gives, one entry a page: some end in each partition.
    const cursors: string[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await getJson(`${servers[0].url}/stores/by-int?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(page.status, 200, JSON.stringify(page.body));
      cursor = page.body.next;
      if (cursor === null) break;
      cursors.push(cursor);
    }
    await apps[1].start();
    await eventually('one partition on each instance', () => apps.every((a) => a.state() === 'RUNNING' && a.localStorePartitions('by-int').partitions.length === 1));
    const moved = apps[1].localStorePartitions('by-int').partitions[0];
    const stale = cursors.find((c) => JSON.parse(Buffer.from(c, 'base64url').toString('utf8')).p === moved)!;
    assert.ok(stale, `a cursor in partition ${moved}`);
    for (const server of servers) {
      const r = await getJson(`${server.url}/stores/by-int?limit=1&cursor=${stale}`);
      assert.equal(r.status, 409, `asked of ${server.url}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error, new RegExp(`partition ${moved} of store 'by-int' is no longer on this instance`));
    }
    // From the first page again: every entry once, across both instances.
    const entries = (await allPages(`${servers[1].url}/stores/by-int`, 2)) as { key: number }[];
    assert.equal(new Set(entries.map((e) => e.key)).size, 9);
    assert.equal(entries.length, 9);
  } finally {
    for (const server of servers) await server.close();
    for (const app of apps) await app.close();
  }
});
