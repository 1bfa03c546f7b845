// The client's TLS, SASL/PLAIN and SASL/SCRAM against real Apache Kafka 4.3.1 listeners (SSL, SASL_PLAINTEXT,
// SASL_SSL), with a certificate made for the run by Java's keytool. Sluice's broker has no
// TLS or SASL listener yet (the security issue), so these run against Kafka only.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Admin, type AdminOptions, Consumer, KafkaError, plainMechanism, Producer, scramMechanism } from '@sluice/client';

/** The settings under test, shared by admin, producer and consumer. */
type Security = Pick<AdminOptions, 'tls' | 'sasl'>;
import { startApacheKafka, type ApacheKafka } from '@sluice/test-kit';
import { uniqueName } from './targets.ts';

const exec = promisify(execFile);
const STORE_PASSWORD = 'sluice-test-store';
const USERS = { alice: 'alice-secret' };

/** A self-signed certificate for 127.0.0.1 in a PKCS12 key store, and the same certificate as PEM. */
async function selfSignedCertificate(dir: string): Promise<{ keyStore: string; pem: string }> {
  const keyStore = join(dir, 'broker.p12');
  const store = ['-keystore', keyStore, '-storetype', 'PKCS12', '-storepass', STORE_PASSWORD];
  try {
    await exec('keytool', ['-genkeypair', '-alias', 'broker', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '2', '-dname', 'CN=127.0.0.1', '-ext', 'SAN=IP:127.0.0.1', ...store]);
  } catch (e) {
    throw new Error(`keytool (from the JDK) is needed to make the test certificate: apt-get install -y openjdk-17-jdk-headless (${(e as Error).message})`);
  }
  const { stdout } = await exec('keytool', ['-exportcert', '-rfc', '-alias', 'broker', ...store]);
  return { keyStore, pem: stdout };
}

function plainJaas(users: Record<string, string>): string {
  const entries = Object.entries(users).map(([user, password]) => `user_${user}="${password}"`);
  return `org.apache.kafka.common.security.plain.PlainLoginModule required ${entries.join(' ')};`;
}

const SCRAM_ALGORITHMS = ['SHA-256', 'SHA-512'] as const;
const SCRAM_JAAS = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

/** Both SASL listeners enable PLAIN and SCRAM (SCRAM users live in the cluster metadata). */
function saslListenerConfig(listener: string): Record<string, string> {
  return {
    [`listener.name.${listener}.plain.sasl.jaas.config`]: plainJaas(USERS),
    ...Object.fromEntries(SCRAM_ALGORITHMS.map((a) => [`listener.name.${listener}.scram-${a.toLowerCase()}.sasl.jaas.config`, SCRAM_JAAS])),
  };
}

describe('TLS and SASL against Apache Kafka 4.3.1', { timeout: 600_000 }, () => {
  let dir: string;
  let kafka: ApacheKafka;
  let ca: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-security-'));
    const cert = await selfSignedCertificate(dir);
    ca = cert.pem;
    kafka = await startApacheKafka({
      extraListeners: { TLS: 'SSL', SASLPLAIN: 'SASL_PLAINTEXT', SASLTLS: 'SASL_SSL' },
      config: {
        'ssl.keystore.location': cert.keyStore,
        'ssl.keystore.type': 'PKCS12',
        'ssl.keystore.password': STORE_PASSWORD,
        'ssl.key.password': STORE_PASSWORD,
        'sasl.enabled.mechanisms': ['PLAIN', ...SCRAM_ALGORITHMS.map((a) => `SCRAM-${a}`)].join(','),
        ...saslListenerConfig('saslplain'),
        ...saslListenerConfig('sasltls'),
      },
      formatArgs: Object.entries(USERS).flatMap(([name, password]) => SCRAM_ALGORITHMS.flatMap((a) => ['--add-scram', `SCRAM-${a}=[name=${name},password=${password}]`])),
    });
  });
  after(async () => {
    await kafka?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Creates a topic, sends 50 keyed records, reads them back and lists the topic, all with `security`. */
  async function roundTrip(bootstrap: string, security: Security): Promise<void> {
    const options = { bootstrapServers: bootstrap, ...security };
    const topic = uniqueName('secure');
    const admin = new Admin(options);
    const producer = new Producer(options);
    const consumer = new Consumer({ ...options, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
    try {
      await admin.createTopics([{ name: topic, numPartitions: 2 }]);
      assert.ok((await admin.listTopics()).includes(topic));
      await producer.sendBatch(Array.from({ length: 50 }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}` })));
      consumer.assign([0, 1].map((partition) => ({ topic, partition })));
      const seen = new Map<string, string>();
      for (const deadline = Date.now() + 60_000; seen.size < 50 && Date.now() < deadline; ) {
        for (const r of await consumer.poll({ timeoutMs: 500 })) seen.set(r.key!.toString(), r.value!.toString());
      }
      assert.deepEqual(seen, new Map(Array.from({ length: 50 }, (_, i) => [`k${i}`, `v${i}`])));
    } finally {
      await consumer.close();
      await producer.close();
      await admin.close();
    }
  }

  /** The error a short-lived admin call fails with. */
  async function failure(bootstrap: string, security: Security): Promise<KafkaError> {
    const admin = new Admin({ bootstrapServers: bootstrap, requestTimeoutMs: 5000, ...security });
    try {
      await admin.listTopics({ timeoutMs: 10_000 });
    } catch (e) {
      assert.ok(e instanceof KafkaError, `a KafkaError, not ${String(e)}`);
      return e;
    } finally {
      await admin.close();
    }
    assert.fail('the call succeeded');
  }

  test('TLS (SSL listener): produce, consume and admin, trusting the broker certificate', async () => {
    await roundTrip(kafka.listeners.TLS!, { tls: { ca } });
  });

  test('TLS with a certificate the client does not trust fails with TLS_HANDSHAKE_FAILED, not retried', async () => {
    const e = await failure(kafka.listeners.TLS!, { tls: true });
    assert.equal(e.code, 'TLS_HANDSHAKE_FAILED');
    assert.equal(e.retriable, false);
    assert.match(e.message, /self[- ]signed certificate/i);
  });

  test('SASL/PLAIN over plaintext (SASL_PLAINTEXT listener)', async () => {
    await roundTrip(kafka.listeners.SASLPLAIN!, { sasl: plainMechanism({ username: 'alice', password: USERS.alice }) });
  });

  test('SASL/PLAIN over TLS (SASL_SSL listener)', async () => {
    await roundTrip(kafka.listeners.SASLTLS!, { tls: { ca }, sasl: plainMechanism({ username: 'alice', password: USERS.alice }) });
  });

  for (const algorithm of SCRAM_ALGORITHMS) {
    test(`SASL/SCRAM-${algorithm} over plaintext and over TLS`, async () => {
      const sasl = scramMechanism({ username: 'alice', password: USERS.alice, algorithm });
      await roundTrip(kafka.listeners.SASLPLAIN!, { sasl });
      await roundTrip(kafka.listeners.SASLTLS!, { tls: { ca }, sasl });
    });
  }

  test('a wrong password fails with SASL_AUTHENTICATION_FAILED, not retried (PLAIN and SCRAM)', async () => {
    for (const sasl of [plainMechanism({ username: 'alice', password: 'wrong' }), scramMechanism({ username: 'alice', password: 'wrong', algorithm: 'SHA-256' })]) {
      const e = await failure(kafka.listeners.SASLPLAIN!, { sasl });
      assert.equal(e.code, 'SASL_AUTHENTICATION_FAILED', sasl.mechanism);
      assert.equal(e.retriable, false);
    }
  });

  test('a mechanism the listener does not enable is named in the error', async () => {
    const gssapi = { mechanism: 'GSSAPI', authenticate: async () => undefined };
    const e = await failure(kafka.listeners.SASLPLAIN!, { sasl: gssapi });
    assert.equal(e.code, 'UNSUPPORTED_SASL_MECHANISM');
    for (const enabled of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']) assert.match(e.message, new RegExp(`enables .*\\b${enabled}\\b`));
  });
});
