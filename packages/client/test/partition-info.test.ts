// A partition's leader and replicas are one shape (network/partition-info.ts) for the admin's
// describeTopics and the producer's partitionsFor: both give the same facts from Metadata, and
// partitionsFor adds only the topic (the cluster's per-partition error code stays inside).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Producer } from '../src/index.ts';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0 });
});
after(() => broker.close());

test('describeTopics and partitionsFor report the same partitions, partitionsFor with the topic and nothing more', async () => {
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  try {
    await admin.createTopics([{ name: 'shapes', numPartitions: 3 }]);
    const [described] = await admin.describeTopics(['shapes']);
    const leader = described.partitions[0].leader;
    assert.ok(leader >= 0, 'a leader');
    assert.deepEqual(
      described.partitions,
      [0, 1, 2].map((partition) => ({ partition, leader, leaderEpoch: described.partitions[partition].leaderEpoch, replicas: [leader], isr: [leader], offlineReplicas: [] })),
    );
    const infos = await producer.partitionsFor('shapes');
    assert.deepEqual(
      infos,
      described.partitions.map((p) => ({ topic: 'shapes', ...p })),
    );
  } finally {
    await producer.close();
    await admin.close();
  }
});
