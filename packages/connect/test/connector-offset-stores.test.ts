// A connector's own offsets topic next to the worker's (Kafka's ConnectorOffsetBackingStore), on a
// Sluice broker: reads combine both with the connector's topic winning and the worker's as the
// fallback for offsets written before; a write goes to the connector's topic (created compacted
// when first used) with a copy to the worker's; a removal leaves neither; other connectors' keys
// stay in the worker's topic; `/offsets` (entries) sees the combination.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin } from '@sluice/client';
import type { ConnectorConfig } from '@sluice/connect-api';
import { ConnectorOffsetStores } from '../src/distributed/connector-offset-stores.ts';
import { KafkaBasedLog } from '../src/distributed/kafka-based-log.ts';
import { KafkaOffsetBackingStore } from '../src/distributed/offset-store.ts';
import { connectorOffsets, offsetKey } from '../src/runtime/offset-store.ts';
import { eventually } from '@sluice/test-kit';

let broker: Broker;
let admin: Admin;
const logs: KafkaBasedLog[] = [];
before(async () => {
  broker = await startBroker({ port: 0 });
  admin = new Admin({ bootstrapServers: [broker.bootstrap] });
});
after(async () => {
  for (const l of logs) await l.stop();
  await admin.close();
  await broker.close();
});

function newLog(topic: string, onRecord: (key: Buffer | null, value: Buffer | null) => void): KafkaBasedLog {
  const client = { bootstrapServers: [broker.bootstrap] };
  const log = new KafkaBasedLog({ topic, topicSetting: 'offsets.storage.topic', partitions: 2, replicationFactor: 1, admin, producer: client, consumer: { ...client, isolationLevel: 'read_committed' }, onRecord: (r) => onRecord(r.key, r.value), log: () => undefined });
  logs.push(log);
  return log;
}

/** A worker's view: its own store over `connect-offsets`, and the connectors' configs. */
async function workerStores(configs: Record<string, ConnectorConfig>) {
  const worker = new KafkaOffsetBackingStore();
  worker.attach(newLog('connect-offsets', (k, v) => worker.apply(k, v)));
  await worker.log.start();
  const lines: string[] = [];
  const stores = new ConnectorOffsetStores(worker, 'connect-offsets', { connectorConfig: (c) => configs[c], connectors: () => Object.keys(configs), newLog, log: (l) => lines.push(l) });
  return { worker, stores, lines };
}

const key = (connector: string, file: string) => offsetKey(connector, { filename: file });

test('a connector\'s own offsets topic: created compacted, read over the worker\'s, written with a copy to the worker\'s', async () => {
  const configs: Record<string, ConnectorConfig> = { own: { name: 'own', 'offsets.storage.topic': 'own-offsets' }, plain: { name: 'plain' }, same: { name: 'same', 'offsets.storage.topic': 'connect-offsets' } };
  const first = await workerStores(configs);
  // Offsets written before the connector had its own topic, in the worker's.
  await first.worker.set(new Map([[key('own', 'a'), '{"position":10}'], [key('own', 'b'), '{"position":20}']]));
  assert.equal(first.stores.connectorTopic('plain'), null);
  assert.equal(first.stores.connectorTopic('same'), null);
  assert.equal(first.stores.connectorTopic('own'), 'own-offsets');
  // The worker's topic is the fallback; the connector's topic is created on first use, compacted.
  assert.deepEqual(await first.stores.get([key('own', 'a'), key('own', 'c')]), new Map([[key('own', 'a'), '{"position":10}'], [key('own', 'c'), null]]));
  const [described] = await admin.describeConfigs([{ type: 'topic', name: 'own-offsets', configNames: ['cleanup.policy'] }]);
  assert.equal(described.configs.find((c) => c.name === 'cleanup.policy')?.value, 'compact');
  // A write goes to the connector's topic and is copied to the worker's (not waited for); other connectors' keys stay in the worker's.
  await first.stores.set(new Map([[key('own', 'a'), '{"position":11}'], [key('plain', 'a'), '{"position":1}']]));
  await eventually('the copy in the worker\'s topic', async () => (await first.worker.get([key('own', 'a')])).get(key('own', 'a')) === '{"position":11}', 30_000);
  // A removal removes from both (the worker's first, so the fallback cannot bring it back).
  await first.stores.set(new Map([[key('own', 'b'), null]]));

  // Another worker reads what the first wrote, from the topics.
  const second = await workerStores(configs);
  const own = new KafkaOffsetBackingStore();
  own.attach(newLog('own-offsets', (k, v) => own.apply(k, v)));
  await own.log.start();
  assert.deepEqual(new Map(await own.entries()), new Map([[key('own', 'a'), '{"position":11}']]));
  assert.deepEqual(new Map(await second.worker.entries()), new Map([[key('own', 'a'), '{"position":11}'], [key('plain', 'a'), '{"position":1}']]));
  assert.deepEqual(await second.stores.get([key('own', 'a'), key('own', 'b'), key('plain', 'a')]), new Map([[key('own', 'a'), '{"position":11}'], [key('own', 'b'), null], [key('plain', 'a'), '{"position":1}']]));
  // The connector's topic wins over the worker's copy (written there by a task's transaction, say, whose copy failed).
  await own.set(new Map([[key('own', 'a'), '{"position":12}']]));
  assert.deepEqual(await connectorOffsets('own', second.stores), [{ partition: { filename: 'a' }, offset: { position: 12 } }]);
  assert.deepEqual(await connectorOffsets('plain', second.stores), [{ partition: { filename: 'a' }, offset: { position: 1 } }]);
  assert.deepEqual([...first.lines, ...second.lines], []);
  await first.stores.stop();
  await second.stores.stop();
});
