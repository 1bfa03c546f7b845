/**
 * ssl.client.auth of the REST API's https listener against Kafka Connect 4.3.1's: the Jetty
 * SslContextFactory Kafka's own SSLUtils makes from the same listeners.https.* settings, on a
 * ServerConnector as its RestServer makes one (java/RestTls, in one ConnectPeer JVM), and a
 * standalone worker of ours on an in-process broker. For each of none, requested and required,
 * three callers: one without a certificate, one with a certificate of the trusted CA, and one with
 * a self-signed certificate; each either gets an HTTP answer or is refused during TLS, and ours
 * must do what Kafka's does. With `requested`, Kafka's handshake fails for a certificate it does
 * not trust (Java's SSLEngine checks a certificate it is given, asked for or not), where ours used
 * to let the handshake through and answer 401.
 * Java reads PKCS12 stores only here, so the key store is a PKCS12 file both read; the trust store
 * is the CA in PKCS12 for Java and in PEM for ours (which reads PEM trust stores).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startBroker, type Broker } from '@sluice/broker';
import { startConnectStandalone } from '@sluice/connect';
import { makeCertificates, type TestCertificates } from '@sluice/test-kit';
import { ConnectPeer } from './support.ts';

const PASSWORD = 'rest-secret';

interface Caller {
  name: string;
  cert?: string;
  key?: string;
}

describe('ssl.client.auth of the REST https listener against Kafka Connect 4.3.1', { timeout: 120_000 }, () => {
  let dir: string;
  let certs: TestCertificates;
  let broker: Broker;
  let peer: ConnectPeer;
  let keyStore: string;
  let javaTrustStore: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-rest-client-auth-'));
    // The JVM starts while the certificates are made and the broker starts.
    const peerStarted = ConnectPeer.start();
    certs = await makeCertificates(dir);
    keyStore = join(dir, 'broker.p12');
    await promisify(execFile)('openssl', ['pkcs12', '-export', '-in', join(dir, 'broker.pem'), '-inkey', join(dir, 'broker.key'), '-out', keyStore, '-passout', `pass:${PASSWORD}`]);
    broker = await startBroker({ port: 0, dataDir: join(dir, 'data') });
    peer = await peerStarted;
    javaTrustStore = join(dir, 'ca.p12');
    const stored = await peer.ask({ op: 'pkcs12TrustStore', pem: certs.caFile, path: javaTrustStore, password: PASSWORD });
    assert.equal(stored.error, undefined, stored.error);
  });

  after(async () => {
    await peer?.ask({ op: 'restTlsStopAll' }).catch(() => undefined);
    await peer?.close();
    await broker?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  /** 'HTTP <status>' when the caller got an answer, 'refused during TLS' when its connection failed (the error kept for messages). */
  function outcome(url: string, caller: Caller): Promise<string> {
    return new Promise((resolve) => {
      const req = httpsRequest(new URL('/', url), { ca: certs.ca, cert: caller.cert, key: caller.key, agent: false, timeout: 60_000 }, (res) => {
        res.resume();
        res.on('end', () => resolve(`HTTP ${res.statusCode}`));
        res.on('error', (e) => resolve(`refused during TLS (${(e as NodeJS.ErrnoException).code ?? e.message})`));
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 60 s')));
      req.on('error', (e) => resolve(`refused during TLS (${(e as NodeJS.ErrnoException).code ?? e.message})`));
      req.end();
    });
  }

  /** The outcome without the error's detail: Java's alert and our closed connection differ there only. */
  const kind = (o: string) => o.replace(/ \(.*\)$/, '');

  test('each caller is let in or refused during TLS as by Kafka\'s REST server, for none, requested and required', async () => {
    const callers: Caller[] = [
      { name: 'no certificate' },
      { name: 'a certificate of the trusted CA', ...certs.client },
      { name: 'a self-signed certificate', ...certs.untrusted },
    ];
    const javaOutcomes: Record<string, string> = {};
    const ourOutcomes: Record<string, string> = {};
    for (const clientAuth of ['none', 'requested', 'required']) {
      const tls = { 'listeners.https.ssl.keystore.type': 'PKCS12', 'listeners.https.ssl.keystore.location': keyStore, 'listeners.https.ssl.keystore.password': PASSWORD, 'listeners.https.ssl.client.auth': clientAuth };
      const javaPort = await peer.ask({ op: 'restTlsListen', settings: { ...tls, 'listeners.https.ssl.truststore.type': 'PKCS12', 'listeners.https.ssl.truststore.location': javaTrustStore, 'listeners.https.ssl.truststore.password': PASSWORD } });
      assert.equal(javaPort.error, undefined, javaPort.error);
      const worker = await startConnectStandalone({
        worker: { 'bootstrap.servers': broker.bootstrap, listeners: 'https://127.0.0.1:0', ...tls, 'listeners.https.ssl.truststore.type': 'PEM', 'listeners.https.ssl.truststore.location': certs.caFile },
        log: () => undefined,
      });
      try {
        for (const caller of callers) {
          const what = `ssl.client.auth=${clientAuth}, ${caller.name}`;
          javaOutcomes[what] = await outcome(`https://127.0.0.1:${javaPort.result}`, caller);
          ourOutcomes[what] = await outcome(worker.url, caller);
        }
        // The worker goes on serving after refusing a caller.
        assert.equal(await outcome(worker.url, callers[1]!), 'HTTP 200');
      } finally {
        await worker.stop();
      }
    }
    const kinds = (outcomes: Record<string, string>) => Object.fromEntries(Object.entries(outcomes).map(([k, v]) => [k, kind(v)]));
    assert.deepEqual(kinds(ourOutcomes), kinds(javaOutcomes), `Kafka's: ${JSON.stringify(javaOutcomes, null, 1)}\nours: ${JSON.stringify(ourOutcomes, null, 1)}`);
    // What Kafka's outcomes were, so that a change on either side is seen for what it is.
    assert.equal(kind(javaOutcomes['ssl.client.auth=requested, a self-signed certificate']!), 'refused during TLS');
    assert.equal(kind(javaOutcomes['ssl.client.auth=requested, no certificate']!), 'HTTP 200');
  });
});
