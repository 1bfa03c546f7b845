/**
 * The leader's writes to the config topic through its one transactional producer (exactly-once
 * source support): writes that come at once (a REST create, a task-count record, task configs)
 * take their turns. Found on Apache Kafka, where transactions take long enough to overlap: the
 * second write's beginTransaction() met the first's open transaction, failed, and dropped the
 * producer under it, so zombie fencing failed and the source task never ran.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Producer } from '@sluice/client';
import { KafkaConfigBackingStore, leaderTransactionalId } from '../src/distributed/config-store.ts';
import { KafkaBasedLog } from '../src/distributed/kafka-based-log.ts';

let broker: Broker;
let admin: Admin;

before(async () => {
  broker = await startBroker({ port: 0 });
  admin = new Admin({ bootstrapServers: [broker.bootstrap] });
});

after(async () => {
  await admin?.close();
  await broker?.close();
});

test('writes made at once through the fencable writer take turns, and all of them land', { timeout: 60_000 }, async () => {
  const failures: unknown[] = [];
  const configs = new KafkaConfigBackingStore(() => {});
  const log = new KafkaBasedLog({
    topic: 'turns-configs',
    partitions: 1,
    replicationFactor: 1,
    topicSetting: 'config.storage.topic',
    admin,
    producer: { bootstrapServers: [broker.bootstrap], acks: 'all' },
    consumer: { bootstrapServers: [broker.bootstrap], isolationLevel: 'read_committed' },
    onRecord: (r) => configs.apply(r.key?.toString('utf8') ?? null, r.value, r.offset, () => {}),
    log: () => {},
  });
  configs.attach(log);
  configs.useFencableWriter({
    producer: () => new Producer({ bootstrapServers: [broker.bootstrap], transactionalId: leaderTransactionalId('turns'), idempotent: true, acks: 'all' }),
    onFailed: (e) => void failures.push(e),
  });
  await log.start();
  try {
    await configs.claimWritePrivileges();
    const connectors = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all([
      ...connectors.map((c) => configs.putConnectorConfig(c, { 'connector.class': 'FileStreamSource', topic: c }, 'STARTED')),
      ...connectors.map((c) => configs.putTaskCountRecord(c, 1)),
    ]);
    assert.deepEqual(failures, []);
    const snapshot = configs.snapshot();
    for (const c of connectors) assert.ok(snapshot.connectors().includes(c), `${c} in ${snapshot.connectors()}`);
  } finally {
    await configs.relinquishWritePrivileges();
    await log.stop();
  }
});
