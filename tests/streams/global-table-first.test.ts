// A GlobalKTable declared before a stateful part of the topology: the global store takes
// sub-topology 0, so the stream sub-topology is number 1 (as in Java's describe()). Starting
// the application creates the changelog of the count's store with as many partitions as
// sub-topology 1 has tasks; sub-topologies were looked up by position instead of by number, so
// start() failed with "Cannot read properties of undefined (reading 'sourceTopics')".
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startBroker } from '@sluice/broker';
import { Admin } from '@sluice/client';
import { KafkaStreams, Materialized, Serdes, StreamsBuilder } from '@sluice/streams';
import { eventually } from '@sluice/test-kit';
import { createTopics, produce, readTopic } from './support.ts';

test('an application whose global table comes first starts and counts, its changelog one partition per task', { timeout: 120_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  const stateDir = mkdtempSync(join(tmpdir(), 'sluice-global-first-'));
  const S = Serdes.String();
  let streams: KafkaStreams | undefined;
  try {
    await createTopics(broker.bootstrap, [{ name: 'gf-ref', partitions: 1 }, { name: 'gf-in', partitions: 2 }, { name: 'gf-out', partitions: 1 }]);
    const builder = new StreamsBuilder();
    const ref = builder.globalTable('gf-ref', { keySerde: S, valueSerde: S });
    builder
      .stream('gf-in', { keySerde: S, valueSerde: S })
      .join(ref, (key) => key, (value, name) => `${name}:${value}`)
      .groupByKey()
      .count(Materialized.as<string, bigint>('gf-counts'))
      .toStream()
      .mapValues((n) => String(n))
      .to('gf-out', { keySerde: S, valueSerde: S });
    const topology = builder.build();
    assert.match(topology.describe().toString(), /Sub-topology: 0 for global store[\s\S]*Sub-topology: 1\n/);
    await produce(broker.bootstrap, 'gf-ref', [{ key: 'a', value: 'alpha' }]);

    streams = new KafkaStreams(topology, { applicationId: 'global-first', bootstrapServers: broker.bootstrap, stateDir, commitIntervalMs: 100 });
    await streams.start();
    await eventually('RUNNING', () => streams!.state() === 'RUNNING', 60_000);
    await produce(broker.bootstrap, 'gf-in', [{ key: 'a', value: '1' }, { key: 'a', value: '2' }, { key: 'b', value: 'no reference' }]);
    const out = await readTopic(broker.bootstrap, 'gf-out', (rs) => rs.some((r) => r.value === '2'));
    assert.equal(out.findLast((r) => r.key === 'a')?.value, '2');

    const admin = new Admin({ bootstrapServers: broker.bootstrap });
    try {
      const [changelog] = await admin.describeTopics(['global-first-gf-counts-changelog']);
      assert.equal(changelog!.partitions.length, 2);
    } finally {
      await admin.close();
    }
  } finally {
    await streams?.close({ timeoutMs: 10_000 });
    await broker.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
});
