// franz-go's own integration tests again, over Sluice's secure listeners: the allow-list of
// franz-go.test.ts (but one, below) with KGO_TEST_TLS set, so that every client they make dials
// mutual TLS, and franz-go's SCRAM and OAUTHBEARER tests with KGO_TEST_SCRAM,
// KGO_TEST_SCRAM_SEEDS and KGO_TEST_OAUTH_SEEDS. franz-go v1.22.3's helpers use the TLS setting
// for every client and the SASL ones only in their own tests, which dial without TLS: so their
// seeds are a SASL_PLAINTEXT listener (SCRAM over TLS is covered by our client's and Java's
// tests). With 2,000 records for the ETL tests and 4 tests at a time this takes just under a
// minute on the loaded 2-core VM; FINDINGS.md has the details.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrokerChannels, startBroker, type Broker, type BrokerRequestMessage } from '@sluice/broker';
import { RawConnection, goModuleSource, goTestBinary, type GoTestRun, makeCertificates, outputOf, runGoTests } from '@sluice/test-kit';
import { alterScram, scramUpsertion } from '../../security/scram-requests.ts';
import { ALLOW, FRANZ_GO_VERSION } from './allow-list.ts';

const SECURE_ALLOW = [
  // TestIssue769 sets its own (slow) Dialer, which franz-go refuses beside KGO_TEST_TLS's TLS
  // config: its client is nil and the test binary panics, whatever the broker.
  ...ALLOW.filter((name) => name !== 'TestIssue769'),
  // client_test.go: SCRAM-SHA-256 with KGO_TEST_SCRAM's user, and a wrong one refused;
  // OAUTHBEARER with an unsecured token (Kafka's default validator), and an expired one refused.
  'TestSCRAMAuth',
  'TestSCRAMAuthBadCredentials',
  'TestOAuthAuth',
] as const;

const SCRAM_USER = { name: 'kgo', password: 'kgo-secret' };

let dir: string;
let broker: Broker;
let run: GoTestRun;
const principals = new Map<string, Set<string>>();
const record = (m: unknown) => {
  const r = m as BrokerRequestMessage;
  if (['ApiVersions', 'SaslHandshake', 'SaslAuthenticate'].includes(r.apiName)) return; // before authentication
  if (!principals.has(r.listener)) principals.set(r.listener, new Set());
  principals.get(r.listener)!.add(r.principal);
};

before(async () => {
  const src = await goModuleSource('github.com/twmb/franz-go', FRANZ_GO_VERSION);
  const pkg = join(src, 'pkg', 'kgo');
  const binary = await goTestBinary(pkg, `franz-go-kgo-${FRANZ_GO_VERSION}.test`);
  dir = mkdtempSync(join(tmpdir(), 'sluice-franz-go-secure-'));
  const certs = await makeCertificates(dir);
  writeFileSync(join(dir, 'client.key'), certs.client.key);
  writeFileSync(join(dir, 'client.pem'), certs.client.cert);
  broker = await startBroker({
    port: 0,
    config: {
      listeners: 'PLAINTEXT://127.0.0.1:0,MTLS://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,MTLS:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT',
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': certs.brokerKeyStore,
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': certs.caFile,
      'listener.name.mtls.ssl.client.auth': 'required',
      'sasl.enabled.mechanisms': 'SCRAM-SHA-256,OAUTHBEARER',
      'group.initial.rebalance.delay.ms': '0',
    },
  });
  const admin = await RawConnection.open(broker.listeners.PLAINTEXT.port);
  try {
    const added = await alterScram(admin, { upsertions: [scramUpsertion(SCRAM_USER.name, 'SHA-256', SCRAM_USER.password)], deletions: [] });
    assert.deepEqual(added.results.map((r: { errorCode: number }) => r.errorCode), [0]);
  } finally {
    admin.close();
  }
  diagnosticsChannel.subscribe(BrokerChannels.request, record);
  run = await runGoTests(binary, {
    cwd: pkg,
    names: SECURE_ALLOW,
    timeoutMs: 300_000,
    // Go runs only GOMAXPROCS (2 here) parallel tests at once; most of these wait on the broker
    // or on timers, so 4 at once keep the run short without starving anything.
    parallel: 4,
    env: {
      KGO_SEEDS: broker.listeners.MTLS.bootstrap,
      KGO_TEST_TLS: `ca:${certs.caFile},cert:${join(dir, 'client.pem')},key:${join(dir, 'client.key')}`,
      KGO_TEST_SCRAM_SEEDS: broker.listeners.SASL_PLAINTEXT.bootstrap,
      KGO_TEST_SCRAM: `${SCRAM_USER.name}:${SCRAM_USER.password}:256`,
      KGO_TEST_OAUTH_SEEDS: broker.listeners.SASL_PLAINTEXT.bootstrap,
      KGO_TEST_RF: '1',
      // The ETL tests chain the records through groups (and transactions): 2,000 keep them short
      // and still rebalance; the plaintext run moves 20,000.
      KGO_TEST_RECORDS: process.env.KGO_TEST_RECORDS ?? '2000',
      KGO_LOG_LEVEL: 'none',
    },
  });
}, { timeout: 900_000 });

after(async () => {
  diagnosticsChannel.unsubscribe(BrokerChannels.request, record);
  await broker?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

for (const name of SECURE_ALLOW) {
  test(`franz-go ${FRANZ_GO_VERSION} ${name} over mutual TLS and SCRAM`, (t) => {
    const verdict = run.verdicts.get(name);
    const took = new RegExp(`^--- \\w+: ${name} \\(([\\d.]+s)\\)`, 'm').exec(run.output)?.[1];
    if (took) t.diagnostic(`took ${took} in the Go run`);
    assert.equal(verdict, 'PASS', `${name}: ${verdict}\n${outputOf(run, name)}${verdict === 'NOT RUN' ? `\n(exit ${run.exitCode})\n${run.output.slice(-4000)}` : ''}`);
  });
}

test('every request came in on the secure listeners as their principals: none on PLAINTEXT after set-up', () => {
  assert.deepEqual(principals.get('MTLS'), new Set(['User:CN=Alice,OU=Eng,O=Sluice']));
  // The OAUTHBEARER token's subject is admin.
  assert.deepEqual(principals.get('SASL_PLAINTEXT'), new Set([`User:${SCRAM_USER.name}`, 'User:admin']));
  assert.equal(principals.get('PLAINTEXT'), undefined);
});
