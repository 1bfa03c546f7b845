// A compacted topic read by clients nobody here wrote: after Sluice's cleaner has run, batches
// that lost records are re-encoded and batches with tombstones carry a delete horizon (KIP-534)
// in their base timestamp. The Java consumer and kcat (librdkafka) must read the newest value of
// every key, the tombstones, and every record's own timestamp.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Admin, Consumer, Producer } from '@sluice/client';
import { startBroker, type Broker } from '@sluice/broker';
import { javaTool, kcat } from '@sluice/test-kit';

let broker: Broker;
before(async () => {
  broker = await startBroker({ port: 0, config: { 'log.retention.check.interval.ms': '200' } });
});
after(() => broker.close());

test('compacted batches with delete horizons read back in the Java consumer and kcat', { timeout: 120_000 }, async () => {
  const topic = 'compacted-reads';
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  await admin.createTopics([{ name: topic, numPartitions: 1, configs: { 'cleanup.policy': 'compact', 'segment.ms': '100', 'min.cleanable.dirty.ratio': '0.01' } }]);
  const producer = new Producer({ bootstrapServers: broker.bootstrap });
  const base = Date.now() - 3_600_000;
  const newest = new Map<string, { value: string | null; timestamp: number }>();
  const send = async (key: string, value: string | null, timestamp: number) => {
    await producer.send({ topic, key, value, timestamp });
    newest.set(key, { value, timestamp });
  };
  for (let i = 0; i < 10; i++) await send(`k${i}`, `v1-${i}`, base + i);
  for (let i = 0; i < 10; i++) await send(`k${i}`, `v2-${i}`, base + 100 + i);
  for (let i = 0; i < 4; i++) await send(`k${i}`, null, base + 200 + i);
  // Later appends roll the segments (segment.ms), so everything above becomes cleanable.
  for (let round = 0; round < 3; round++) {
    await new Promise((r) => setTimeout(r, 150));
    await send('roll', `r${round}`, Date.now());
  }
  await producer.close();

  // Wait for the cleaner: the first values of k0..k9 disappear.
  const reader = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
  reader.assign([{ topic, partition: 0 }]);
  for (const deadline = Date.now() + 60_000; ; ) {
    reader.seekToBeginning();
    const seen = [];
    for (let batch = await reader.poll({ timeoutMs: 1000 }); batch.length > 0; batch = await reader.poll({ timeoutMs: 300 })) seen.push(...batch);
    if (!seen.some((r) => r.value?.toString().startsWith('v1-')) && seen.length > 0) break;
    assert.ok(Date.now() < deadline, 'the cleaner compacted the topic within a minute');
    await new Promise((r) => setTimeout(r, 300));
  }
  await reader.close();
  await admin.close();

  const expected = [...newest].filter(([key]) => key !== 'roll' || newest.get(key)!.value === 'r2');
  const lines = (await kcat(['-b', broker.bootstrap, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-Z', '-f', '%k\t%s\t%T\n'])).split('\n').filter(Boolean);
  const byKey = new Map(lines.map((l) => l.split('\t')).map(([k, v, ts]) => [k, { value: v === 'NULL' ? null : v, timestamp: Number(ts) }]));
  for (const [key, want] of expected) {
    if (key === 'roll') continue;
    assert.deepEqual(byKey.get(key), want, `kcat: newest record of ${key}, timestamp included`);
  }
  assert.ok(!lines.some((l) => l.includes('v1-')), 'kcat sees no superseded value');

  const java = await javaTool(['consume-assign', broker.bootstrap, topic, String(lines.length)]);
  assert.equal(java.length, lines.length);
  const javaByKey = new Map(java.map((r) => [r.key as string, r.value as string | null]));
  for (const [key, want] of expected) if (key !== 'roll') assert.equal(javaByKey.get(key), want.value, `Java: newest value of ${key}`);
});
