// The broker's listeners and authentication (issue 20, first part): one broker with five
// listeners — PLAINTEXT, SSL, mutual TLS, SASL_PLAINTEXT and SASL_SSL with PLAIN — served at once,
// each client given the address of its own listener. Our client and kcat (librdkafka) connect
// over each; the principal of each request is what Kafka would make of it; bad input (wrong
// passwords, missing or untrusted certificates, the wrong protocol on a port, requests before
// authentication, an exchange cut in the middle, 10,000 failed logins) gets a clear refusal and
// leaves the broker serving, without memory growth.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Admin, type AdminOptions, Consumer, KafkaError, plainMechanism, Producer, scramMechanism } from '@sluice/client';
import { BrokerChannels, startBroker, type Broker, type BrokerRequestMessage } from '@sluice/broker';
import { Apis } from '@sluice/protocol';
import { RawConnection, eventually, kcat } from '@sluice/test-kit';
import { makeCertificates, type TestCertificates } from './certificates.ts';
import { alterScram, scramUpsertion } from './scram-requests.ts';

type Security = Pick<AdminOptions, 'tls' | 'sasl'>;

const ALICE = { username: 'alice', password: 'alice-secret' };
const PLAIN_JAAS = `org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="${ALICE.password}" user_bob="bob-secret";`;

describe('listeners: PLAINTEXT, SSL, mutual TLS, SASL_PLAINTEXT and SASL_SSL at once', { timeout: 600_000 }, () => {
  let dir: string;
  let certs: TestCertificates;
  let broker: Broker;
  const logged: string[] = [];
  const requests: BrokerRequestMessage[] = [];
  const record = (m: unknown) => requests.push(m as BrokerRequestMessage);

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-listeners-'));
    certs = await makeCertificates(dir);
    broker = await startBroker({
      log: { info: () => {}, warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) } as never,
      config: {
        listeners: 'PLAINTEXT://127.0.0.1:0,SSL://127.0.0.1:0,MTLS://127.0.0.1:0,SASL_PLAINTEXT://127.0.0.1:0,SASL_SSL://127.0.0.1:0',
        'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,SSL:SSL,MTLS:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeyStore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'listener.name.mtls.ssl.client.auth': 'required',
        // Kafka's syntax: the CN alone, in lower case, for subjects with an OU; the whole subject otherwise.
        'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+),OU=.*$/$1/L,DEFAULT',
        'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config': PLAIN_JAAS,
        'listener.name.sasl_ssl.plain.sasl.jaas.config': PLAIN_JAAS,
        'connection.failed.authentication.delay.ms': '0',
        'connections.authentication.timeout.ms': '3000',
      },
    });
    diagnosticsChannel.subscribe(BrokerChannels.request, record);
  });
  after(async () => {
    diagnosticsChannel.unsubscribe(BrokerChannels.request, record);
    await broker?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const bootstrap = (name: string) => broker.listeners[name].bootstrap;
  const port = (name: string) => broker.listeners[name].port;

  /** Creates a topic, sends 30 keyed records, reads them back, all with `security`; returns the topic. */
  async function roundTrip(listener: string, security: Security): Promise<string> {
    const options = { bootstrapServers: bootstrap(listener), ...security };
    const topic = `secure-${listener.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
    const admin = new Admin(options);
    const producer = new Producer(options);
    const consumer = new Consumer({ ...options, autoOffsetReset: 'earliest', fetchMaxWaitMs: 100 });
    try {
      await admin.createTopics([{ name: topic, numPartitions: 2 }]);
      await producer.sendBatch(Array.from({ length: 30 }, (_, i) => ({ topic, key: `k${i}`, value: `v${i}` })));
      consumer.assign([0, 1].map((partition) => ({ topic, partition })));
      const seen = new Map<string, string>();
      for (const deadline = Date.now() + 60_000; seen.size < 30 && Date.now() < deadline; ) {
        for (const r of await consumer.poll({ timeoutMs: 500 })) seen.set(r.key!.toString(), r.value!.toString());
      }
      assert.deepEqual(seen, new Map(Array.from({ length: 30 }, (_, i) => [`k${i}`, `v${i}`])));
    } finally {
      await consumer.close();
      await producer.close();
      await admin.close();
    }
    return topic;
  }

  /** The principals of the requests that came in on `listener` since `from`. */
  function principalsOn(listener: string, from: number): Set<string> {
    return new Set(requests.slice(from).filter((r) => r.listener === listener && r.apiName === 'Metadata').map((r) => r.principal));
  }

  /** The error a short-lived admin call fails with. */
  async function failure(listener: string, security: Security): Promise<KafkaError> {
    const admin = new Admin({ bootstrapServers: bootstrap(listener), requestTimeoutMs: 5000, ...security });
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

  test('each listener serves our client, which is given that listener\'s address, with Kafka\'s principal', async () => {
    const ports = new Set(Object.values(broker.listeners).map((l) => l.port));
    assert.equal(ports.size, 5, 'five listening ports');
    for (const [listener, security, principal] of [
      ['PLAINTEXT', {}, 'User:ANONYMOUS'],
      ['SSL', { tls: { ca: certs.ca } }, 'User:ANONYMOUS'],
      ['MTLS', { tls: { ca: certs.ca, ...certs.client } }, 'User:alice'],
      ['SASL_PLAINTEXT', { sasl: plainMechanism(ALICE) }, 'User:alice'],
      ['SASL_SSL', { tls: { ca: certs.ca }, sasl: plainMechanism({ username: 'bob', password: 'bob-secret' }) }, 'User:bob'],
    ] as const) {
      const from = requests.length;
      // A client given another listener's address would speak the wrong protocol to it and fail.
      await roundTrip(listener, security);
      assert.deepEqual(principalsOn(listener, from), new Set([principal]), listener);
    }
  });

  test('kcat (librdkafka) over SASL_SSL with PLAIN and over mutual TLS', async () => {
    const saslSsl = ['-X', 'security.protocol=SASL_SSL', '-X', 'sasl.mechanisms=PLAIN', '-X', `sasl.username=${ALICE.username}`, '-X', `sasl.password=${ALICE.password}`, '-X', `ssl.ca.location=${certs.caFile}`];
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'kcat-client.key'), certs.client.key);
    writeFileSync(join(dir, 'kcat-client.pem'), certs.client.cert);
    const mtls = ['-X', 'security.protocol=SSL', '-X', `ssl.ca.location=${certs.caFile}`, '-X', `ssl.key.location=${join(dir, 'kcat-client.key')}`, '-X', `ssl.certificate.location=${join(dir, 'kcat-client.pem')}`];
    for (const [listener, settings] of [
      ['SASL_SSL', saslSsl],
      ['MTLS', mtls],
    ] as const) {
      const topic = `kcat-${listener.toLowerCase()}`;
      const from = requests.length;
      await kcat(['-b', bootstrap(listener), ...settings, '-P', '-t', topic, '-K', ':'], 'a:1\nb:2\nc:3\n');
      const out = await kcat(['-b', bootstrap(listener), ...settings, '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k=%s\n']);
      assert.deepEqual(out.trim().split('\n'), ['a=1', 'b=2', 'c=3'], listener);
      assert.deepEqual(principalsOn(listener, from), new Set(['User:alice']), listener);
    }
  });

  test('a wrong password or unknown user fails with SASL_AUTHENTICATION_FAILED and Kafka\'s message; the log has no password', async () => {
    for (const credentials of [{ username: 'alice', password: 'not-her-password' }, { username: 'nobody', password: 'whatever-secret' }]) {
      for (const [listener, tls] of [
        ['SASL_PLAINTEXT', undefined],
        ['SASL_SSL', { ca: certs.ca }],
      ] as const) {
        const e = await failure(listener, { tls, sasl: plainMechanism(credentials) });
        assert.equal(e.code, 'SASL_AUTHENTICATION_FAILED', listener);
        assert.equal(e.retriable, false);
        assert.match(e.message, /Authentication failed: Invalid username or password/);
      }
      assert.ok(!logged.some((l) => l.includes(credentials.password)), 'no password in the log');
    }
    // The first failure is logged (the rest of the 10 s are counted, under the log's rate limit).
    assert.ok(logged.some((l) => /failed authentication of 127\.0\.0\.1:\d+ on the listener SASL_PLAINTEXT with SASL mechanism PLAIN as "alice": Authentication failed: Invalid username or password/.test(l)), logged.join('\n'));
  });

  test('a mechanism the listener does not enable gets UNSUPPORTED_SASL_MECHANISM naming PLAIN', async () => {
    const e = await failure('SASL_PLAINTEXT', { sasl: { mechanism: 'OAUTHBEARER', authenticate: async () => undefined } });
    assert.equal(e.code, 'UNSUPPORTED_SASL_MECHANISM');
    assert.match(e.message, /enables PLAIN, SCRAM-SHA-256, SCRAM-SHA-512/);
  });

  test('TLS refusals: no client certificate where one is required, an untrusted one, a broker certificate the client does not trust', async () => {
    for (const tls of [{ ca: certs.ca }, { ca: certs.ca, ...certs.untrusted }]) {
      const e = await failure('MTLS', { tls });
      assert.ok(['TLS_HANDSHAKE_FAILED', 'NETWORK_EXCEPTION', 'REQUEST_TIMED_OUT', 'BROKER_NOT_AVAILABLE', 'TIMEOUT'].includes(e.code) || /closed|timed out|handshake|certificate/i.test(e.message), `${e.code}: ${e.message}`);
    }
    await eventually('the first refusal logged', () => logged.some((l) => /closing 127\.0\.0\.1:\d+ on the listener MTLS: no client certificate was presented, and ssl\.client\.auth=required/.test(l)), 30_000);
    const e = await failure('SSL', { tls: true });
    assert.equal(e.code, 'TLS_HANDSHAKE_FAILED');
  });

  test('before authentication only ApiVersions and SaslHandshake are served; anything else closes the connection', async () => {
    const c = await RawConnection.open(port('SASL_PLAINTEXT'));
    const versions = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    assert.equal(versions.errorCode, 0);
    for (const [key, name] of [
      [17, 'SaslHandshake'],
      [36, 'SaslAuthenticate'],
    ] as const) {
      assert.ok(versions.apiKeys.some((k: { apiKey: number }) => k.apiKey === key), `${name} is advertised`);
    }
    await assert.rejects(c.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }), /connection closed by the broker/);
    await eventually('logged', () => logged.some((l) => /Metadata request before SASL authentication on the listener SASL_PLAINTEXT/.test(l)));
    // SaslAuthenticate without a handshake first closes the connection, as Kafka's "during SASL handshake".
    const d = await RawConnection.open(port('SASL_PLAINTEXT'));
    await assert.rejects(d.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`\0alice\0${ALICE.password}`) }), /connection closed by the broker/);
    // On a listener without SASL: ILLEGAL_SASL_STATE, and the connection serves on, as Kafka's.
    const e = await RawConnection.open(port('PLAINTEXT'));
    assert.deepEqual({ ...(await e.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' })) }, { errorCode: 34, mechanisms: [] });
    const r = await e.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from('x') });
    assert.equal(r.errorCode, 34);
    assert.match(r.errorMessage, /the listener PLAINTEXT does not use SASL/);
    assert.equal((await e.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false })).brokers[0].port, port('PLAINTEXT'));
    e.close();
  });

  test('SaslHandshake v0 with bare tokens (before KIP-152) authenticates too', async () => {
    const c = await RawConnection.open(port('SASL_PLAINTEXT'));
    const hs = await c.request(Apis.SaslHandshake, 0, { mechanism: 'PLAIN' });
    assert.deepEqual({ ...hs }, { errorCode: 0, mechanisms: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] });
    const token = Buffer.from(`\0alice\0${ALICE.password}`);
    const size = Buffer.alloc(4);
    size.writeInt32BE(token.length);
    const answer = await c.send([size, token]);
    assert.equal(answer.length, 0, 'PLAIN answers an empty token');
    const metadata = await c.request(Apis.Metadata, 12, { topics: null, allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.deepEqual(metadata.brokers.map((b: { port: number }) => b.port), [port('SASL_PLAINTEXT')]);
    c.close();
  });

  test('the wrong protocol on a port, an exchange cut in the middle and a silent client are closed, and the broker carries on', async () => {
    // A plaintext Kafka request to a TLS port.
    const plain = await RawConnection.open(port('SSL'));
    await assert.rejects(plain.request(Apis.ApiVersions, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' }), /closed/);
    // A TLS client on the plaintext port.
    await new Promise<void>((resolve) => {
      const s = tlsConnect({ host: '127.0.0.1', port: port('PLAINTEXT'), ca: certs.ca, servername: 'localhost' });
      s.on('error', () => resolve());
      s.on('close', () => resolve());
    });
    // A handshake, then the client goes away in the middle of the exchange.
    const cut = await RawConnection.open(port('SASL_PLAINTEXT'));
    await cut.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' });
    cut.close();
    // A client that connects and never authenticates is closed after connections.authentication.timeout.ms.
    const silent = netConnect({ host: '127.0.0.1', port: port('SASL_SSL') });
    silent.on('error', () => {});
    await eventually('the silent client closed', () => silent.destroyed || silent.readableEnded, 60_000);
    await roundTrip('SASL_PLAINTEXT', { sasl: plainMechanism(ALICE) });
  });

  test('SCRAM-SHA-256 and SCRAM-SHA-512: users added with AlterUserScramCredentials, described, and authenticated by our client', async () => {
    const admin = await RawConnection.open(port('PLAINTEXT'));
    const refused = await alterScram(admin, {
      upsertions: [scramUpsertion('weak', 'SHA-256', 'pw', 100), scramUpsertion('', 'SHA-256', 'pw')],
      deletions: [{ name: 'ghost', mechanism: 1 }, { name: 'odd', mechanism: 0 }],
    });
    assert.deepEqual(
      refused.results.map((r: { user: string; errorCode: number; errorMessage: string }) => [r.user, r.errorCode, r.errorMessage]),
      [
        ['ghost', 91, 'Attempt to delete a user credential that does not exist: ghost SCRAM-SHA-256'],
        ['odd', 33, 'Unknown SCRAM mechanism 0: use 1 (SCRAM-SHA-256) or 2 (SCRAM-SHA-512)'],
        ['weak', 93, 'Too few iterations: 100, at least 4096 for SCRAM-SHA-256'],
        ['', 93, 'Username must not be empty'],
      ],
    );
    // One change per user and request, as Kafka: one request per mechanism.
    for (const [algorithm, iterations] of [['SHA-256', 4096], ['SHA-512', 8192]] as const) {
      const added = await alterScram(admin, { upsertions: [scramUpsertion('alice', algorithm, ALICE.password, iterations)], deletions: [] });
      assert.deepEqual(added.results.map((r: { user: string; errorCode: number }) => [r.user, r.errorCode]), [['alice', 0]]);
    }
    const described = await admin.request(Apis.DescribeUserScramCredentials, 0, { users: null });
    assert.deepEqual(
      described.results.map((r: { user: string; credentialInfos: { mechanism: number; iterations: number }[] }) => [r.user, r.credentialInfos.map((c) => ({ ...c }))]),
      [['alice', [{ mechanism: 1, iterations: 4096 }, { mechanism: 2, iterations: 8192 }]]],
    );
    const unknown = await admin.request(Apis.DescribeUserScramCredentials, 0, { users: [{ name: 'nobody' }] });
    assert.equal(unknown.results[0].errorCode, 91);
    admin.close();

    for (const algorithm of ['SHA-256', 'SHA-512'] as const) {
      const sasl = scramMechanism({ ...ALICE, algorithm });
      const from = requests.length;
      await roundTrip('SASL_PLAINTEXT', { sasl });
      await roundTrip('SASL_SSL', { tls: { ca: certs.ca }, sasl });
      assert.deepEqual(principalsOn('SASL_SSL', from), new Set(['User:alice']));
      const e = await failure('SASL_PLAINTEXT', { sasl: scramMechanism({ username: 'alice', password: 'wrong', algorithm }) });
      assert.equal(e.code, 'SASL_AUTHENTICATION_FAILED');
      assert.match(e.message, new RegExp(`Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-${algorithm}`));
    }
    // kcat here is librdkafka 2.0.2, whose SCRAM client-final repeats the client nonce: Apache
    // Kafka 4.3.1 refuses it as Sluice does (checked by hand), so it is not part of this test.
  });

  test('10,000 failed logins: each refused, the broker serves on, and its heap does not grow', async (t) => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // Twice, with a turn of the event loop between, so that closed sockets' last callbacks have run.
    const gc = async () => {
      collect();
      await new Promise((resolve) => setImmediate(resolve));
      collect();
    };
    const failedLogins = async (n: number) => {
      const workers = Array.from({ length: 16 }, async (_, w) => {
        for (let i = w; i < n; i += 16) {
          const c = await RawConnection.open(port('SASL_PLAINTEXT'));
          await c.request(Apis.SaslHandshake, 1, { mechanism: 'PLAIN' });
          const r = await c.request(Apis.SaslAuthenticate, 2, { authBytes: Buffer.from(`\0alice\0guess-${i}`) });
          assert.equal(r.errorCode, 58);
          await eventually('closed', () => c.closed, 30_000);
        }
      });
      await Promise.all(workers);
    };
    // The test's own record of requests would grow by 20,000 messages: it stops while measuring.
    diagnosticsChannel.unsubscribe(BrokerChannels.request, record);
    await failedLogins(1000); // warm up: code compiled, pools filled
    await gc();
    const before = process.memoryUsage().heapUsed;
    await failedLogins(10_000);
    await eventually('every connection gone', () => broker.network.connections === 0, 60_000);
    await gc();
    const growth = process.memoryUsage().heapUsed - before;
    t.diagnostic(`heap after 10,000 failed logins: ${(growth / 1024 / 1024).toFixed(1)} MiB from before`);
    assert.ok(growth < 4 * 1024 * 1024, `heap grew by ${(growth / 1024 / 1024).toFixed(1)} MiB`);
    diagnosticsChannel.subscribe(BrokerChannels.request, record);
    await roundTrip('SASL_PLAINTEXT', { sasl: plainMechanism(ALICE) });
  });
});
