// confluent-kafka-python (librdkafka 2.16, a newer librdkafka than kcat's) over the broker's
// SASL_SSL listener with SCRAM-SHA-256, SCRAM-SHA-512 and PLAIN, and over mutual TLS: an
// idempotent producer's records all delivered and read back by a group consumer; a wrong
// password refused with Kafka's message.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Admin } from '@sluice/client';
import { startBroker, type Broker } from '@sluice/broker';
import { CONFLUENT_KAFKA_VERSION, KAFKA_PYTHON_3_VERSION, pythonVenv, run } from '@sluice/test-kit';
import { makeCertificates, type TestCertificates } from './certificates.ts';

const script = join(dirname(fileURLToPath(import.meta.url)), 'python', 'secure_roundtrip.py');
const PASSWORD = 'alice-secret';
let dir: string;
let certs: TestCertificates;
let broker: Broker;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-python-security-'));
  certs = await makeCertificates(dir);
  broker = await startBroker({
    config: {
      listeners: 'PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0,MTLS://127.0.0.1:0',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,MTLS:SSL',
      'ssl.keystore.type': 'PEM',
      'ssl.keystore.location': certs.brokerKeyStore,
      'ssl.truststore.type': 'PEM',
      'ssl.truststore.location': certs.caFile,
      'listener.name.mtls.ssl.client.auth': 'required',
      'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
      'listener.name.sasl_ssl.plain.sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="${PASSWORD}";`,
      'connection.failed.authentication.delay.ms': '0',
    },
  });
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  await admin.alterUserScramCredentials(['SCRAM-SHA-256', 'SCRAM-SHA-512'].map((mechanism) => ({ user: 'alice', mechanism: mechanism as 'SCRAM-SHA-256', password: PASSWORD })));
  await admin.close();
  writeFileSync(join(dir, 'client.key'), certs.client.key);
  writeFileSync(join(dir, 'client.pem'), certs.client.cert);
});
after(async () => {
  await broker?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('confluent-kafka-python over SASL_SSL (SCRAM-SHA-256, SCRAM-SHA-512, PLAIN) and mutual TLS', { timeout: 600_000 }, async () => {
  const python = await pythonVenv('py-confluent-kafka', [`confluent-kafka==${CONFLUENT_KAFKA_VERSION}`]);
  const roundTrip = async (listener: string, topic: string, settings: Record<string, string>) => {
    const out = await run(python, [script, broker.listeners[listener].bootstrap, topic, '200', JSON.stringify(settings)], { timeoutMs: 300_000 });
    return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop()!);
  };
  const sasl = (mechanism: string, password = PASSWORD) => ({ 'security.protocol': 'SASL_SSL', 'sasl.mechanism': mechanism, 'sasl.username': 'alice', 'sasl.password': password, 'ssl.ca.location': certs.caFile });
  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512', 'PLAIN']) {
    assert.deepEqual(await roundTrip('SASL_SSL', `py-${mechanism.toLowerCase()}`, sasl(mechanism)), { undelivered: 0, read: 200, firstError: null }, mechanism);
  }
  const mtls = { 'security.protocol': 'SSL', 'ssl.ca.location': certs.caFile, 'ssl.key.location': join(dir, 'client.key'), 'ssl.certificate.location': join(dir, 'client.pem') };
  assert.deepEqual(await roundTrip('MTLS', 'py-mtls', mtls), { undelivered: 0, read: 200, firstError: null });
  const refused = await roundTrip('SASL_SSL', 'py-refused', { ...sasl('SCRAM-SHA-512', 'wrong'), 'message.timeout.ms': '5000' });
  assert.equal(refused.read, 0);
  assert.match(refused.firstError ?? '', /Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512/);
});

test('kafka-python over SASL_SSL (SCRAM-SHA-256, SCRAM-SHA-512, PLAIN) and mutual TLS; a wrong password refused', { timeout: 600_000 }, async () => {
  const python = await pythonVenv('py-kafka-python-3', [`kafka-python==${KAFKA_PYTHON_3_VERSION}`]);
  const roundTrip = async (listener: string, topic: string, settings: Record<string, string>) => {
    const out = await run(python, [join(dirname(script), 'kafka_python_roundtrip.py'), broker.listeners[listener].bootstrap, topic, '100', JSON.stringify(settings)], { timeoutMs: 300_000 });
    return JSON.parse(out.trim().split('\n').filter((l) => l.startsWith('{')).pop()!);
  };
  const sasl = (mechanism: string, password = PASSWORD) => ({ security_protocol: 'SASL_SSL', sasl_mechanism: mechanism, sasl_plain_username: 'alice', sasl_plain_password: password, ssl_cafile: certs.caFile });
  for (const mechanism of ['SCRAM-SHA-256', 'SCRAM-SHA-512', 'PLAIN']) {
    assert.deepEqual(await roundTrip('SASL_SSL', `kp-${mechanism.toLowerCase()}`, sasl(mechanism)), { read: 100, error: null }, mechanism);
  }
  const mtls = { security_protocol: 'SSL', ssl_cafile: certs.caFile, ssl_certfile: join(dir, 'client.pem'), ssl_keyfile: join(dir, 'client.key') };
  assert.deepEqual(await roundTrip('MTLS', 'kp-mtls', mtls), { read: 100, error: null });
  // kafka-python reports a refused login as a failure to bootstrap (it retries until its timeout).
  const refused = await roundTrip('SASL_SSL', 'kp-refused', sasl('SCRAM-SHA-256', 'wrong'));
  assert.equal(refused.read, 0);
  assert.match(refused.error, /Unable to bootstrap|Authentication failed/);
});
