// aiokafka (the asyncio Python client, 0.14.0 from PyPI) against a Sluice broker, used as its
// users do (aiokafka_driver.py): every codec, a group that commits, resumes after a restart and
// rebalances over two members, seeks and offsets_for_times, a transaction read with
// read_committed and a consume-transform-produce step, and SASL_SSL with both SCRAM mechanisms.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Admin } from '@sluice/client';
import { startBroker, type Broker } from '@sluice/broker';
import { AIOKAFKA_PACKAGES, AIOKAFKA_VERSION, makeCertificates, pythonVenv, run, type TestCertificates } from '@sluice/test-kit';
import { scenarioSuite } from '../support/results.ts';

const driver = join(dirname(fileURLToPath(import.meta.url)), 'aiokafka_driver.py');
const PASSWORD = 'alice-secret';
const runId = Date.now().toString(36);
let dir: string;
let certs: TestCertificates;
let broker: Broker;
let python: Promise<string>;

async function drive(command: string, settings: Record<string, string>): Promise<{ result: any; output: string }> {
  const output = await run(await python, [driver, command, JSON.stringify({ topic: `aiokafka-${command}-${runId}`, ...settings })], { timeoutMs: 120_000 });
  const line = output.trim().split('\n').filter((l) => l.startsWith('{')).pop();
  assert.ok(line, `no result from aiokafka_driver.py ${command}:\n${output}`);
  return { result: JSON.parse(line), output };
}

const results = scenarioSuite('aiokafka', { suite: 'aiokafka scenarios (tests/compat/aiokafka)', version: `aiokafka ${AIOKAFKA_VERSION} (PyPI)`, findings: 'aiokafka/FINDINGS.md' });
const scenario = results.scenario;

describe(`aiokafka ${AIOKAFKA_VERSION} against Sluice`, () => {
  before(async () => {
    python = pythonVenv('py-aiokafka', AIOKAFKA_PACKAGES);
    python.catch(() => {}); // reported by the first test that needs it
    dir = mkdtempSync(join(tmpdir(), 'sluice-aiokafka-'));
    certs = await makeCertificates(dir);
    broker = await startBroker({
      config: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0',
        'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeyStore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'sasl.enabled.mechanisms': 'SCRAM-SHA-256,SCRAM-SHA-512',
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

  scenario('produce+consume with gzip, snappy, lz4 and zstd', async () => {
    const { result } = await drive('codecs', { bootstrap: broker.bootstrap });
    const intact = { acked: true, read: true, intact: true };
    assert.deepEqual(result, { gzip: intact, snappy: intact, lz4: intact, zstd: intact });
  });

  scenario('consumer group: commit, resume after a restart, rebalance, seek and offsets_for_times', async () => {
    const { result } = await drive('group', { bootstrap: broker.bootstrap });
    assert.ok(result.first >= 100, `first member read ${result.first}`);
    assert.equal(result.first + result.resumed, 200, 'the restarted member resumes from the commits: nothing again, nothing lost');
    assert.equal(result.values, true);
    assert.equal(result.committed, 200);
    assert.deepEqual(result.split, [[0, 2], [1, 3]]);
    assert.deepEqual(result.ends, [50, 50, 50, 50]);
    assert.deepEqual(result.starts, [0, 0, 0, 0]);
    assert.deepEqual(result.byTime, [0, 0, 0, 0]);
    assert.deepEqual(result.inFuture, [null, null, null, null]);
  });

  scenario('transactions: commit, abort, read_committed and send_offsets_to_transaction', async () => {
    const { result } = await drive('transactions', { bootstrap: broker.bootstrap });
    assert.deepEqual(result, { read: 100, committedOnly: true, offsetsCommitted: true, transformed: true });
  });

  scenario('SASL_SSL with SCRAM-SHA-256 and SCRAM-SHA-512; a wrong password refused', async () => {
    const { result, output } = await drive('secure', { bootstrap: broker.listeners.SASL_SSL.bootstrap, ca: certs.caFile, user: 'alice', password: PASSWORD });
    assert.deepEqual(result, {
      'SCRAM-SHA-256': { read: 50, committed: 50 },
      'SCRAM-SHA-512': { read: 50, committed: 50 },
      wrongPassword: 'KafkaConnectionError',
    });
    assert.match(output, /Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512/);
  });
});
