// IBM/sarama v1.61.1 (Go) against a Sluice broker, used as its users do (main.go, its own module):
// sync and async producers with every codec and with idempotence, a ConsumerGroup with each of
// its balance strategies that commits, closes and resumes where it left off, the group and its
// offsets through ClusterAdmin, and a transaction (AddOffsetsToTxn, then an aborted one) read
// back with read_committed and read_uncommitted. One build of main.go, cached in ~/.cache.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker, type Broker } from '@sluice/broker';
import { scenarioSuite } from '../support/results.ts';
import { assertEveryRecordOnce, goDriver } from '../support/go-driver.ts';

const SARAMA_VERSION = 'v1.61.1'; // go.mod
const runId = Date.now().toString(36);
const drive = goDriver(dirname(fileURLToPath(import.meta.url)), 'sluice-compat-sarama');
let broker: Broker;

const results = scenarioSuite('sarama', { suite: 'sarama scenarios (tests/compat/sarama)', version: `github.com/IBM/sarama ${SARAMA_VERSION}`, findings: 'sarama/FINDINGS.md' });
const scenario = results.scenario;

describe(`sarama ${SARAMA_VERSION} against Sluice`, () => {
  before(async () => {
    broker = await startBroker({ config: { 'group.initial.rebalance.delay.ms': '0' } });
  });
  after(async () => {
    results.write();
    await broker?.close();
  });

  scenario('produce with none, gzip, snappy, lz4 and zstd (sync producer), and idempotent async producer', async () => {
    const runs = [
      ...['none', 'gzip', 'snappy', 'lz4', 'zstd'].map((codec) => ({ codec, async: false, idempotent: false })),
      { codec: 'zstd', async: true, idempotent: true },
      { codec: 'lz4', async: true, idempotent: true },
    ];
    for (const r of runs) {
      const topic = `sarama-${r.codec}-${r.async ? 'async' : 'sync'}-${runId}`;
      const { records } = await drive('produce', { bootstrap: broker.bootstrap, topic, ...r });
      assertEveryRecordOnce(records, 300);
      if (r.idempotent) {
        // one producer, no retries: each partition's offsets are exactly 0..n-1
        for (const p of [0, 1, 2]) {
          const offsets = records.filter((x: { partition: number }) => x.partition === p).map((x: { offset: number }) => x.offset).sort((a: number, b: number) => a - b);
          assert.deepEqual(offsets, offsets.map((_: number, i: number) => i), `${topic} partition ${p}`);
        }
      }
    }
  });

  scenario('ConsumerGroup (range, roundrobin, sticky): commit, close, resume; ClusterAdmin sees the group and its offsets', async () => {
    await Promise.all(['range', 'roundrobin', 'sticky'].map(async (strategy) => {
      const topic = `sarama-group-${strategy}-${runId}`;
      const result = await drive('group', { bootstrap: broker.bootstrap, topic, strategy });
      assert.equal(result.first.length, 150);
      assert.equal(result.second.length, 150);
      // the second member starts at the first one's commits: nothing read twice, nothing lost
      assertEveryRecordOnce([...result.first, ...result.second].sort((a, b) => a.offset - b.offset), 300);
      assert.equal(result.listed, 'consumer');
      assert.deepEqual([result.state, result.protocolType, result.members], ['Empty', 'consumer', 0]);
      const committed = Object.values(result.committed as Record<string, number>);
      assert.equal(committed.length, 3);
      assert.equal(committed.reduce((a, b) => a + b, 0), 300, `${strategy}: committed ${JSON.stringify(result.committed)}`);
    }));
  });

  scenario('transactions: a commit with AddOffsetsToTxn, an abort, read_committed', async () => {
    const result = await drive('transactions', { bootstrap: broker.bootstrap, topic: `sarama-txn-${runId}` });
    assert.equal(result.txnGroupOffset, 42, 'the offset added to the committed transaction');
    assertEveryRecordOnce(result.records, 300);
    const aborted = result.uncommitted.filter((r: { value: string }) => r.value.startsWith('aborted-'));
    assert.equal(aborted.length, 30, 'read_uncommitted sees the aborted records');
    assert.equal(result.uncommitted.length, 330);
  });

  scenario('ClusterAdmin: create with configs, describe topic, configs and cluster, delete records, delete the topic', async () => {
    const result = await drive('admin', { bootstrap: broker.bootstrap, topic: `sarama-admin-${runId}` });
    assert.equal(result.partitions, 3);
    assert.deepEqual(result.configs['cleanup.policy'], { value: 'compact', source: 'Topic', default: false, sensitive: false, readOnly: false });
    assert.deepEqual(result.configs['retention.ms'], { value: '3600000', source: 'Topic', default: false, sensitive: false, readOnly: false });
    assert.equal(result.configs['segment.bytes'].source, 'Default');
    // as on Kafka 4.x, whose controller sets the cluster-level value before it enables ELR
    assert.deepEqual(result.configs['min.insync.replicas'], { value: '1', source: 'DynamicDefaultBroker', default: false, sensitive: false, readOnly: false });
    assert.deepEqual([result.brokers, result.controller], [[broker.nodeId], broker.nodeId]);
    assert.deepEqual([result.oldest, result.newest], [5, 10], 'DeleteRecords moved the log start to 5');
    assert.equal(result.deletedStillListed, false);
  });
});
