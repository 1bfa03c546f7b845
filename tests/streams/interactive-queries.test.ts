// Interactive queries against the Sluice broker: two instances of a counting application (the
// processor API and a key-value store), each with its application.server. Both answer
// queryMetadataForKey and metadataForAllStreamsClients alike, the instance they name is the one
// whose store holds the key, and the HTTP endpoint of either instance answers every key,
// forwarding to the other when it does not hold it. With a standby of each task on the other
// instance, metadata names it and a stale-store query there reads the standby's copy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { partitionForKey } from '@sluice/client';
import {
  type InteractiveQueryServer,
  KafkaStreams,
  type KeyValueStore,
  QueryableStoreTypes,
  type Record,
  Serdes,
  StoreQueryParameters,
  Stores,
  StreamsErrorCode,
  type StreamsLogger,
  Topology,
} from '@sluice/streams';
import { eventually } from '@sluice/test-kit';
import { createTopics, produce, queryableApp } from './support.ts';

const S = Serdes.String();
const quiet: StreamsLogger = { info() {}, warn() {}, error() {} };
let broker: Broker;
const dirs: string[] = [];

before(async () => {
  broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
});
after(async () => {
  await broker.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function countingTopology(): Topology {
  return new Topology()
    .addSource('in', 'iq-in', { keyDeserializer: S, valueDeserializer: S })
    .addProcessor(
      'count',
      () => {
        let store: KeyValueStore<string, bigint>;
        return {
          init: (ctx) => (store = ctx.getStateStore<KeyValueStore<string, bigint>>('counts')),
          process: (r: Record<string, string>) => store.put(r.key, (store.get(r.key) ?? 0n) + 1n),
        };
      },
      'in',
    )
    .addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('counts'), S, Serdes.Int64()), 'count')
    .addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore('labels'), S, S).withLoggingDisabled(), 'labels-source', 'iq-labels', { keyDeserializer: S, valueDeserializer: S }, 'labels-update', () => {
      let store: KeyValueStore<string, string>;
      return { init: (c) => void (store = c.getStateStore<KeyValueStore<string, string>>('labels')), process: (r: Record<string, string>) => store.put(r.key, r.value) };
    });
}

function instance(endpoint: string): KafkaStreams {
  const stateDir = mkdtempSync(join(tmpdir(), 'sluice-iq-'));
  dirs.push(stateDir);
  return new KafkaStreams(countingTopology(), {
    applicationId: 'iq-app',
    bootstrapServers: broker.bootstrap,
    applicationServer: endpoint,
    stateDir,
    numStandbyReplicas: 1,
    commitIntervalMs: 200,
    logger: quiet,
    consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 300 },
  });
}

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: JSON.parse(await res.text()) };
}

test('two instances: metadata agrees, names the instance whose store holds each key, and the HTTP endpoint forwards', async () => {
  await createTopics(broker.bootstrap, [
    { name: 'iq-in', partitions: 4 },
    { name: 'iq-labels', partitions: 2 },
  ]);
  const apps: KafkaStreams[] = [];
  const servers: InteractiveQueryServer[] = [];
  try {
    // Each with its query server listening on its application.server from the start (queryableApp says why).
    for (let i = 0; i < 2; i++) {
      const { app, server } = await queryableApp<string, bigint>(instance);
      apps.push(app);
      servers.push(server);
    }
    const ports = servers.map((s) => s.port);
    const endpoints = ports.map((p) => `127.0.0.1:${p}`);
    assert.throws(() => apps[0].store('counts'), { code: StreamsErrorCode.STREAMS_NOT_STARTED, message: 'KafkaStreams has not been started, you can retry after calling start()' });
    for (const app of apps) await app.start();
    await eventually('both instances to run two tasks each', () => apps.every((a) => a.state() === 'RUNNING' && a.localTasks().length === 2));

    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    await produce(broker.bootstrap, 'iq-labels', keys.map((key) => ({ key, value: `label-${key}` })));
    await produce(broker.bootstrap, 'iq-in', keys.flatMap((key) => Array.from({ length: 10 }, (_, n) => ({ key, value: String(n) }))));
    // Every key is counted to 10 on exactly one of the instances.
    await eventually('every key to be counted to 10', () =>
      keys.every((k) => apps.map((a) => a.store<string, bigint>('counts').get(k)).filter((v) => v !== null).join() === '10'),
    );

    // Both instances know both, with the same tasks' partitions, the store on each.
    const [metaA, metaB] = apps.map((a) => a.metadataForAllStreamsClients().sort((x, y) => x.hostInfo.port - y.hostInfo.port));
    assert.deepEqual(metaA, metaB);
    assert.deepEqual(
      metaA.map((m) => `${m.hostInfo.host}:${m.hostInfo.port}`),
      [...endpoints].sort((x, y) => Number(x.split(':')[1]) - Number(y.split(':')[1])),
    );
    for (const m of metaA) {
      assert.deepEqual(m.stateStoreNames, ['counts', 'labels'], 'the global store is on every instance');
      assert.equal(m.topicPartitions.length, 2);
      assert.deepEqual(m.standbyStateStoreNames, ['counts']);
      assert.equal(m.standbyTopicPartitions.length, 2);
    }
    assert.deepEqual(metaA.flatMap((m) => m.topicPartitions.map((tp) => `${tp.topic}-${tp.partition}`)).sort(), ['iq-in-0', 'iq-in-1', 'iq-in-2', 'iq-in-3']);

    for (const key of keys) {
      const [fromA, fromB] = apps.map((a) => a.queryMetadataForKey('counts', key, S));
      assert.deepEqual(fromA, fromB, key);
      assert.equal(fromA.partition, partitionForKey(Buffer.from(key), 4), `${key}: the partition the producer chose`);
      const byPartitioner = apps[1].queryMetadataForKey('counts', key, (_topic: string, k: string, _v: unknown, n: number) => partitionForKey(Buffer.from(k), n));
      assert.deepEqual(byPartitioner, fromA, `${key}: a StreamPartitioner placing keys as the producer does gives the same`);
      const owner = apps[endpoints.indexOf(`${fromA.activeHost.host}:${fromA.activeHost.port}`)];
      const other = apps.find((a) => a !== owner)!;
      assert.equal(owner.store<string, bigint>('counts').get(key), 10n, `${key} on the instance named`);
      assert.equal(other.store<string, bigint>('counts').get(key), null, `${key} not on the other`);
      const onePartition = owner.store(StoreQueryParameters.fromNameAndType('counts', QueryableStoreTypes.keyValueStore<string, bigint>()).withPartition(fromA.partition));
      assert.equal(onePartition.get(key), 10n);
      assert.deepEqual(fromA.standbyHosts.map((h) => `${h.host}:${h.port}`), [other.applicationServer], `${key}: the other instance keeps its standby`);
    }
    // The standbys follow the changelogs: a stale-store query on the other instance reads each key too.
    const stale = StoreQueryParameters.fromNameAndType('counts', QueryableStoreTypes.keyValueStore<string, bigint>()).enableStaleStores();
    await eventually('every key in the standby of the other instance', () =>
      keys.every((k) => {
        const meta = apps[0].queryMetadataForKey('counts', k, S);
        const other = apps.find((a) => a.applicationServer !== `${meta.activeHost.host}:${meta.activeHost.port}`)!;
        return other.store(stale.withPartition(meta.partition)).get(k) === 10n;
      }),
    );
    // The global store is whole on each instance: each answers every key itself.
    for (const [i, app] of apps.entries()) {
      await eventually('the global store to hold every label', () => keys.every((k) => app.store<string, string>('labels').get(k) === `label-${k}`));
      assert.deepEqual(app.queryMetadataForKey('labels', 'k3', S), { activeHost: { host: '127.0.0.1', port: ports[i] }, standbyHosts: [], partition: -1 });
    }
    assert.throws(() => apps[0].store('no-such-store'), { code: StreamsErrorCode.UNKNOWN_STATE_STORE, message: 'Cannot get state store no-such-store because no such store is registered in the topology.' });
    assert.throws(() => apps[0].queryMetadataForKey('no-such-store', 'k0', S), { code: StreamsErrorCode.UNKNOWN_STATE_STORE });

    // HTTP: each instance answers every key, forwarding what the other holds.
    for (const server of servers) {
      for (const key of keys) {
        const meta = apps[0].queryMetadataForKey('counts', key, S);
        const answer = await getJson(`${server.url}/stores/counts/keys/${key}`);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.deepEqual(answer.body, { store: 'counts', key, value: 10, host: `${meta.activeHost.host}:${meta.activeHost.port}` });
      }
      const missing = await getJson(`${server.url}/stores/counts/keys/absent`);
      assert.equal(missing.status, 404);
      const all = await getJson(`${server.url}/stores/counts`);
      assert.equal(all.status, 200);
      assert.deepEqual(
        (all.body.entries as { key: string; value: number }[]).map((e) => `${e.key}=${e.value}`).sort(),
        keys.map((k) => `${k}=10`).sort(),
      );
      assert.equal(all.body.next, null, 'one page holds a small store');
      // Paged: a store larger than one page comes in pages of at most `limit` entries, across both
      // instances, each entry once, `next` leading from one page to the following.
      const paged: string[] = [];
      let pages = 0;
      for (let cursor: string | null = null; ; ) {
        const page = await getJson(`${server.url}/stores/counts?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(page.status, 200, JSON.stringify(page.body));
        assert.ok(page.body.entries.length <= 3, `a page holds at most 3 entries, got ${page.body.entries.length}`);
        paged.push(...(page.body.entries as { key: string; value: number }[]).map((e) => `${e.key}=${e.value}`));
        pages++;
        cursor = page.body.next;
        if (cursor === null) break;
        assert.ok(pages <= keys.length, 'the pages end');
      }
      assert.deepEqual(paged.sort(), keys.map((k) => `${k}=10`).sort(), 'every entry once');
      assert.ok(pages >= Math.ceil(keys.length / 3), `${pages} pages`);
      assert.equal((await getJson(`${server.url}/stores/counts?limit=0`)).status, 400, 'a limit out of range is refused');
      assert.equal((await getJson(`${server.url}/stores/counts?cursor=nonsense`)).status, 400, 'a cursor the server never gave is refused');
      const label = await getJson(`${server.url}/stores/labels/keys/k7`);
      assert.deepEqual(label.body, { store: 'labels', key: 'k7', value: 'label-k7', host: `127.0.0.1:${server.port}` }, 'a global store is answered where asked');
      const labels = await getJson(`${server.url}/stores/labels`);
      assert.equal(labels.body.entries.length, 20, 'a global store: each key once');
      const labelPage = await getJson(`${server.url}/stores/labels?limit=15`);
      assert.equal(labelPage.body.entries.length, 15);
      const labelRest = await getJson(`${server.url}/stores/labels?limit=15&cursor=${labelPage.body.next}`);
      assert.deepEqual([...labelPage.body.entries, ...labelRest.body.entries].map((e: { key: string }) => e.key).sort(), keys.slice().sort(), 'a global store in pages: each key once');
      assert.equal(labelRest.body.next, null);
      assert.equal((await getJson(`${server.url}/stores/counts/keys/%E0%A4%A`)).status, 400, 'a malformed path is refused, not a crash');
      const unknown = await getJson(`${server.url}/stores/nope/keys/k1`);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.code, StreamsErrorCode.UNKNOWN_STATE_STORE);
    }

    // An instance that does not answer: the one asked says so (503, try again), never a wrong answer.
    await servers[1].close();
    const heldByOther = keys.find((k) => { const m = apps[0].queryMetadataForKey('counts', k, S); return m.activeHost.port === ports[1]; })!;
    const unanswered = await getJson(`${servers[0].url}/stores/counts/keys/${heldByOther}`);
    assert.equal(unanswered.status, 503);
    assert.match(unanswered.body.error, /did not answer/);
    servers.pop();

    await apps[1].close();
    assert.throws(() => apps[1].store('counts'), { code: StreamsErrorCode.ILLEGAL_STATE, message: 'KafkaStreams is not running. State is NOT_RUNNING.' });
    // The remaining instance takes every task (restoring the moved ones from the changelog) and every key.
    await eventually('the remaining instance to hold every key', () => {
      if (apps[0].state() !== 'RUNNING') return false;
      try {
        return keys.every((k) => apps[0].store<string, bigint>('counts').get(k) === 10n);
      } catch {
        return false;
      }
    });
    assert.equal(apps[0].metadataForAllStreamsClients().length, 1);
  } finally {
    for (const s of servers) await s.close();
    for (const app of apps) await app.close();
  }
});
