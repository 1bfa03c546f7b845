// A consumer subscribed to a topic that does not exist yet, or whose partitions have no leader
// yet (just created), asks for metadata again after its retry backoff, as Java's client does
// for every InvalidMetadataException in a Metadata answer, instead of waiting out
// metadata.max.age.ms (5 minutes): a Connect sink started before its source's first record
// read nothing for minutes (seen on Apache Kafka, where the source's producer creates the topic).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { type Broker, startBroker } from '@sluice/broker';
import { Admin, Consumer, Producer } from '../src/index.ts';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0, config: { 'auto.create.topics.enable': 'false' } });
});
after(() => broker.close());

test('a group consumer subscribed before its topic exists reads it soon after it is created, not after metadata.max.age.ms', { timeout: 60_000 }, async () => {
  const topic = 'created-later';
  const consumer = new Consumer({ bootstrapServers: broker.bootstrap, groupId: 'early-subscriber', autoOffsetReset: 'earliest' });
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  try {
    consumer.subscribe([topic]);
    // The group forms with nothing to assign (the topic is not there) before the topic is made.
    for (;;) {
      assert.deepEqual(await consumer.poll({ timeoutMs: 200 }), []);
      const [group] = await admin.describeGroups(['early-subscriber']);
      if (group?.state === 'Stable' && group.members.length === 1) break;
    }
    await admin.createTopics([{ name: topic, numPartitions: 2, replicationFactor: 1 }]);
    await producer.sendBatch([0, 1].map((partition) => ({ topic, partition, key: `k${partition}`, value: 'v' })));
    const keys = new Set<string>();
    // Within 30 s, far below metadata.max.age.ms's five minutes (a loaded machine needs seconds).
    const deadline = Date.now() + 30_000;
    while (keys.size < 2) {
      assert.ok(Date.now() < deadline, `read ${keys.size} of 2 records within 30 s of the topic's creation`);
      for (const r of await consumer.poll({ timeoutMs: 500 })) keys.add(String(r.key));
    }
    assert.deepEqual([...keys].sort(), ['k0', 'k1']);
  } finally {
    await consumer.close();
    await producer.close();
    await admin.close();
  }
});
