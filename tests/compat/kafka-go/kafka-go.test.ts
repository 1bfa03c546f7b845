// segmentio/kafka-go v0.4.51 (Go) against a Sluice broker, used as its users do (main.go, its own
// module): a Writer (sync and async) with every codec, partition Readers reading it back, a Reader
// with a GroupID that commits each message, closes and resumes where it left off, the group
// through ListGroups, DescribeGroups and OffsetFetch, the admin calls of kafka.Client, and SASL_SSL
// with PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. One build of the program, cached in ~/.cache.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin } from '@sluice/client';
import { makeCertificates, type TestCertificates } from '@sluice/test-kit';
import { scenarioSuite } from '../support/results.ts';
import { assertEveryRecordOnce, goDriver } from '../support/go-driver.ts';

const KAFKA_GO_VERSION = 'v0.4.51'; // go.mod
const runId = Date.now().toString(36);
const drive = goDriver(dirname(fileURLToPath(import.meta.url)), 'sluice-compat-kafka-go');
const PASSWORD = 'alice-secret';
let dir: string;
let certs: TestCertificates;
let broker: Broker;

const results = scenarioSuite('kafka-go', { suite: 'kafka-go scenarios (tests/compat/kafka-go)', version: `github.com/segmentio/kafka-go ${KAFKA_GO_VERSION}`, findings: 'kafka-go/FINDINGS.md' });
const scenario = results.scenario;

describe(`kafka-go ${KAFKA_GO_VERSION} against Sluice`, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-kafka-go-'));
    certs = await makeCertificates(dir);
    broker = await startBroker({
      config: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0',
        'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeyStore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
        'listener.name.sasl_ssl.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="${PASSWORD}";`,
        'connection.failed.authentication.delay.ms': '0',
        'group.initial.rebalance.delay.ms': '0',
      },
    });
    const admin = new Admin({ bootstrapServers: broker.bootstrap });
    await admin.alterUserScramCredentials((['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const).map((mechanism) => ({ user: 'alice', mechanism, password: PASSWORD })));
    await admin.close();
  });
  after(async () => {
    results.write();
    await broker?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  scenario('Writer with none, gzip, snappy, lz4 and zstd (sync, and async for two), read back by partition Readers', async () => {
    const runs = [
      ...['none', 'gzip', 'snappy', 'lz4', 'zstd'].map((codec) => ({ codec, async: false })),
      { codec: 'snappy', async: true },
      { codec: 'zstd', async: true },
    ];
    for (const r of runs) {
      const topic = `kafka-go-${r.codec}-${r.async ? 'async' : 'sync'}-${runId}`;
      const { records } = await drive('produce', { bootstrap: broker.bootstrap, topic, ...r });
      assertEveryRecordOnce(records, 300);
    }
  });

  scenario('Reader with a GroupID: commit, close, resume; the group through ListGroups, DescribeGroups, OffsetFetch', async () => {
    const result = await drive('group', { bootstrap: broker.bootstrap, topic: `kafka-go-group-${runId}` });
    assert.equal(result.first.length, 150);
    assert.equal(result.second.length, 150);
    // the second reader starts at the first one's commits: nothing read twice, nothing lost
    assertEveryRecordOnce([...result.first, ...result.second].sort((a, b) => a.offset - b.offset), 300);
    assert.deepEqual([result.listedProtocolType, result.state, result.members], ['consumer', 'Empty', 0]);
    const committed = Object.values(result.committed as Record<string, number>);
    assert.equal(committed.length, 3);
    assert.equal(committed.reduce((a, b) => a + b, 0), 300, `committed ${JSON.stringify(result.committed)}`);
  });

  scenario('Client: CreateTopics with configs, Metadata, DescribeConfigs, DeleteTopics', async () => {
    const result = await drive('admin', { bootstrap: broker.bootstrap, topic: `kafka-go-admin-${runId}` });
    assert.equal(result.partitions, 3);
    assert.equal(result.clusterId, broker.clusterId);
    assert.equal(result.configs['cleanup.policy'], 'compact');
    assert.equal(result.configs['retention.ms'], '3600000');
  });

  scenario('SASL_SSL with PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 (Writer, group Reader); a wrong password refused', async () => {
    const result = await drive('secure', { bootstrap: broker.listeners.SASL_SSL.bootstrap, topic: `kafka-go-secure-${runId}`, ca: certs.caFile, user: 'alice', password: PASSWORD });
    assert.deepEqual(result, {
      PLAIN: 2,
      'SCRAM-SHA-256': 2,
      'SCRAM-SHA-512': 2,
      wrongPassword: 'kafka.(*Client).Metadata: [58] SASL Authentication Failed: SASL Authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512',
    });
  });
});
