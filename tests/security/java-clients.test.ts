// Java's kafka-clients 4.3.1 against Sluice's secure listeners, in one JVM: over SASL_SSL with
// SCRAM-SHA-512 (a user added with AlterUserScramCredentials) and over mutual TLS (the client's
// certificate from a PEM key store), each creating a topic, producing, consuming as a group
// member and committing; the broker must see each request as the principal Kafka would make of it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrokerChannels, startBroker, type Broker, type BrokerRequestMessage } from '@sluice/broker';
import { errorName } from '@sluice/protocol';
import { RawConnection, javaTool } from '@sluice/test-kit';
import { makeCertificates, type TestCertificates } from './certificates.ts';
import { alterScram, scramUpsertion } from './scram-requests.ts';

const ALICE = { username: 'alice', password: 'alice-secret' };
const RECORDS = 200;

let dir: string;
let certs: TestCertificates;
let broker: Broker;
const requests: BrokerRequestMessage[] = [];
const record = (m: unknown) => requests.push(m as BrokerRequestMessage);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-java-secure-'));
  certs = await makeCertificates(dir);
  broker = await startBroker({
    port: 0,
    config: {
      listeners: 'PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0,MTLS://127.0.0.1:0',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,MTLS:SSL',
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': certs.brokerKeyStore,
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': certs.caFile,
      'listener.name.mtls.ssl.client.auth': 'required',
      'sasl.enabled.mechanisms': 'SCRAM-SHA-512',
      'group.initial.rebalance.delay.ms': '0',
    },
  });
  const admin = await RawConnection.open(broker.listeners.PLAINTEXT.port);
  try {
    const added = await alterScram(admin, { upsertions: [scramUpsertion(ALICE.username, 'SHA-512', ALICE.password)], deletions: [] });
    assert.deepEqual(added.results.map((r: { errorCode: number }) => r.errorCode), [0]);
  } finally {
    admin.close();
  }
  diagnosticsChannel.subscribe(BrokerChannels.request, record);
}, { timeout: 120_000 });

after(async () => {
  diagnosticsChannel.unsubscribe(BrokerChannels.request, record);
  await broker?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A Java client properties file, as a user writes it for Kafka. */
function clientConfig(name: string, settings: Record<string, string>): string {
  const file = join(dir, `${name}.properties`);
  // Properties.load reads backslashes as escapes: paths and JAAS lines here have none.
  writeFileSync(file, Object.entries(settings).map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  return file;
}

test('kafka-clients 4.3.1 produce, consume in a group and commit over SASL_SSL (SCRAM-SHA-512) and mutual TLS', { timeout: 300_000 }, async () => {
  const keyStore = join(dir, 'java-client-keystore.pem');
  writeFileSync(keyStore, certs.client.key + certs.client.cert);
  const trust = { 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': certs.caFile };
  const scram = clientConfig('scram', {
    'security.protocol': 'SASL_SSL',
    'sasl.mechanism': 'SCRAM-SHA-512',
    'sasl.jaas.config': `org.apache.kafka.common.security.scram.ScramLoginModule required username="${ALICE.username}" password="${ALICE.password}";`,
    ...trust,
  });
  const mtls = clientConfig('mtls', { 'security.protocol': 'SSL', 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': keyStore, ...trust });
  const listeners = [broker.listeners.SASL_SSL.bootstrap, broker.listeners.MTLS.bootstrap];
  const lines = await javaTool(['secure-roundtrip', String(RECORDS), listeners[0], scram, listeners[1], mtls], 240_000);
  assert.deepEqual(
    lines.map((l) => ({ ...l })),
    listeners.map((bootstrap) => ({ bootstrap, clusterId: broker.clusterId, produced: RECORDS, consumed: RECORDS, committed: RECORDS })),
  );
  // The requests after authentication (before it, ApiVersions and the SASL exchange are anonymous).
  const authenticated = (r: BrokerRequestMessage) => !['ApiVersions', 'SaslHandshake', 'SaslAuthenticate'].includes(r.apiName);
  const principals = (listener: string) => new Set(requests.filter((r) => r.listener === listener && authenticated(r)).map((r) => r.principal));
  assert.deepEqual(principals('SASL_SSL'), new Set(['User:alice']));
  assert.deepEqual(principals('MTLS'), new Set(['User:CN=Alice,OU=Eng,O=Sluice']));
  // Every API the Java clients used was answered without a top-level error but the ones a
  // client expects on its way (a group's member id, a coordinator still loading).
  const expected = ['MEMBER_ID_REQUIRED', 'COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR', 'REBALANCE_IN_PROGRESS'];
  const failed = requests.filter((r) => r.errorCode !== undefined && !expected.includes(errorName(r.errorCode)));
  assert.deepEqual(failed.map((r) => `${r.apiName} ${errorName(r.errorCode!)}`), []);
});
