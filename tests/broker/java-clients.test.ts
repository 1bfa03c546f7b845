// The Java client 4.3 (kafka-clients from Maven Central) against Sluice: KafkaProducer with
// default settings (idempotence on) and each codec, KafkaConsumer with assign(), and AdminClient
// createTopics, describeTopics, describeConfigs, describeCluster, deleteTopics.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { javaTool } from '@sluice/test-kit';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0 });
});
after(() => broker.close());

for (const codec of ['none', 'gzip', 'snappy', 'lz4', 'zstd']) {
  test(`default KafkaProducer with ${codec}, read back by KafkaConsumer.assign()`, async () => {
    const topic = `java-${codec}`;
    const count = 2000;
    const produced = await javaTool(['produce', broker.bootstrap, topic, String(count), codec]);
    assert.equal(produced[produced.length - 1].acked, count);
    const consumed = await javaTool(['consume-assign', broker.bootstrap, topic, String(count)]);
    assert.equal(consumed.length, count);
    const byKey = new Map(consumed.map((r) => [r.key as string, r]));
    for (let i = 0; i < count; i++) {
      const r = byKey.get(`k${i}`);
      assert.ok(r, `k${i} missing`);
      assert.equal(r.value, `v${i}`);
      assert.equal(r.headers, `n=${i}`);
    }
  });
}

test('AdminClient: create, describe topics and configs, describe cluster, delete', async () => {
  const out = await javaTool(['admin', broker.bootstrap, 'java-admin']);
  const described = out.find((o) => 'described' in o)!;
  assert.equal(described.partitions, 3);
  assert.equal(described.leader, 0);
  assert.match(described.topicId as string, /^[A-Za-z0-9_-]{22}$/);
  const configs = out.find((o) => 'cleanup.policy' in o)!;
  assert.equal(configs['cleanup.policy'], 'compact');
  assert.equal(configs['retention.ms'], '3600000');
  assert.equal(configs['segment.bytes'], '1073741824', 'defaults are reported too');
  const cluster = out.find((o) => 'clusterId' in o)!;
  assert.equal(cluster.clusterId, broker.clusterId);
  assert.deepEqual(out.find((o) => 'deleted' in o), { deleted: 'java-admin', remaining: false });
});
