// Client-certificate chains on a mutual-TLS listener, verified by OpenSSL against the trust store
// as Java's trust manager verifies them for Kafka: a chain through an intermediate CA is accepted
// with the leaf's subject as the principal; refused are a chain whose intermediate is not a CA
// (CA:FALSE, even with keyCertSign), one through a CA whose pathlen:0 forbids a further CA, an
// expired leaf, and a leaf whose extended key usage is serverAuth only. ssl.client.auth=requested
// takes a client without a certificate as User:ANONYMOUS and still refuses a bad chain.
// Certificates are made at test time with openssl (EC keys for the chains: quick to make; own
// serial numbers, since several are signed at once).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as tlsConnect } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Admin } from '@sluice/client';
import { BrokerChannels, startBroker, type Broker, type BrokerRequestMessage } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { makeCertificates, type TestCertificates } from './certificates.ts';

const exec = promisify(execFile);
const CLIENT = 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n';

describe('mutual TLS: client certificate chains', { timeout: 300_000 }, () => {
  let dir: string;
  let certs: TestCertificates;
  let broker: Broker;
  const logged: string[] = [];
  const requests: BrokerRequestMessage[] = [];
  const record = (m: unknown) => requests.push(m as BrokerRequestMessage);
  const pem: Record<string, string> = {};

  /** An EC key and certificate for `subject`, signed by `issuer` (a name made here, or 'ca'), with the extensions `ext`. */
  async function issue(name: string, subject: string, issuer: string, ext: string, days = '2'): Promise<void> {
    const f = (n: string) => join(dir, n);
    writeFileSync(f(`${name}.ext`), ext);
    await exec('openssl', ['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', subject]);
    await exec('openssl', ['x509', '-req', '-in', f(`${name}.csr`), '-CA', f(`${issuer}.pem`), '-CAkey', f(`${issuer}.key`), '-set_serial', String(randomInt(1, 2 ** 47)), '-out', f(`${name}.pem`), '-days', days, '-extfile', f(`${name}.ext`)]);
    pem[name] = readFileSync(f(`${name}.pem`), 'utf8');
    pem[`${name}.key`] = readFileSync(f(`${name}.key`), 'utf8');
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-cert-chain-'));
    certs = await makeCertificates(dir);
    const ca = 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n';
    // The trusted CA → an intermediate CA → carol: a good three-level chain.
    await issue('intermediate', '/CN=Sluice Intermediate CA', 'ca', ca);
    await Promise.all([
      issue('carol', '/CN=carol', 'intermediate', CLIENT),
      // The trusted CA → bob, an ordinary client (CA:FALSE, though with keyCertSign) → CN=admin signed with bob's key.
      issue('bob', '/CN=bob', 'ca', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyCertSign\nextendedKeyUsage=clientAuth\n'),
      // The trusted CA → a CA that may sign no further CA (pathlen:0) → a CA it signed anyway → frank.
      issue('leaf-only', '/CN=Leaf-only CA', 'ca', 'basicConstraints=critical,CA:TRUE,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\n'),
      // An expired leaf (valid until yesterday) and a leaf for servers only, both of the trusted CA.
      issue('dave', '/CN=dave', 'ca', CLIENT, '-1'),
      issue('erin', '/CN=erin', 'ca', 'basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n'),
    ]);
    await Promise.all([issue('admin', '/CN=admin', 'bob', CLIENT), issue('sub', '/CN=Sub CA', 'leaf-only', ca)]);
    await issue('frank', '/CN=frank', 'sub', CLIENT);
    broker = await startBroker({
      log: { info: () => {}, warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) } as never,
      config: {
        listeners: 'MTLS://127.0.0.1:0,REQUESTED://127.0.0.1:0',
        'listener.security.protocol.map': 'MTLS:SSL,REQUESTED:SSL',
        'listener.name.requested.ssl.client.auth': 'requested',
        'ssl.keystore.type': 'PEM',
        'ssl.keystore.location': certs.brokerKeyStore,
        'ssl.truststore.type': 'PEM',
        'ssl.truststore.location': certs.caFile,
        'ssl.client.auth': 'required',
        'connections.authentication.timeout.ms': '10000',
      },
    });
    diagnosticsChannel.subscribe(BrokerChannels.request, record);
  });
  after(async () => {
    diagnosticsChannel.unsubscribe(BrokerChannels.request, record);
    await broker?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The principals of the Metadata requests a short-lived admin with this certificate (or none) was served under. */
  async function servedAs(listener: string, certificate?: { key: string; chain: string }): Promise<Set<string>> {
    const from = requests.length;
    const tls = certificate === undefined ? { ca: certs.ca } : { ca: certs.ca, key: certificate.key, cert: certificate.chain };
    const admin = new Admin({ bootstrapServers: broker.listeners[listener].bootstrap, requestTimeoutMs: 10_000, tls });
    try {
      await admin.listTopics({ timeoutMs: 30_000 });
    } finally {
      await admin.close();
    }
    return new Set(requests.slice(from).filter((r) => r.apiName === 'Metadata').map((r) => r.principal));
  }

  /**
   * Completes the TLS handshake with this chain (so the broker's own certificate and TLS itself are
   * fine), sends an ApiVersions request, and resolves when the broker closes the connection: it
   * must close without an answer.
   */
  function refused(listener: string, key: string, chain: string): Promise<void> {
    const { port } = broker.listeners[listener];
    return new Promise((resolve, reject) => {
      let handshaken = false;
      let answered = false;
      const socket = tlsConnect({ host: '127.0.0.1', port, ca: certs.ca, key, cert: chain }, () => {
        handshaken = true;
        // ApiVersions v0, correlation id 1, client id "t".
        socket.write(Buffer.from([0, 0, 0, 11, 0, 18, 0, 0, 0, 0, 0, 1, 0, 1, 0x74]));
      });
      socket.on('data', () => {
        answered = true;
        socket.destroy();
      });
      socket.on('error', () => {});
      socket.on('close', () => {
        if (!handshaken) reject(new Error('the TLS handshake itself failed, so the certificate check was never reached'));
        else if (answered) reject(new Error('the broker answered a client whose certificate it should refuse'));
        else resolve();
      });
    });
  }

  test("a chain through an intermediate CA is accepted, with the leaf's subject as the principal", async () => {
    assert.deepEqual(await servedAs('MTLS', { key: pem['carol.key'], chain: pem.carol + pem.intermediate }), new Set(['User:CN=carol']));
  });

  test('refused: a leaf for servers only, an intermediate that is no CA, a CA beyond a path length, an expired leaf', async () => {
    const from = requests.length;
    await refused('MTLS', pem['erin.key'], pem.erin);
    // Warnings about clients are rate limited per kind: the first refusal is the one written.
    await eventually('the refusal logged with OpenSSL\'s reason', () => logged.some((l) => /its client certificate is not trusted: unsuitable certificate purpose \(INVALID_PURPOSE\); the client needs a certificate/.test(l)), 30_000).catch((e) => assert.fail(`${(e as Error).message}: ${logged.join('\n')}`));
    await refused('MTLS', pem['admin.key'], pem.admin + pem.bob);
    await refused('MTLS', pem['frank.key'], pem.frank + pem.sub + pem['leaf-only']);
    await refused('MTLS', pem['dave.key'], pem.dave);
    assert.deepEqual(requests.slice(from), [], 'no request was served to any of them');
  });

  test('ssl.client.auth=requested: no certificate is User:ANONYMOUS, a trusted chain is its subject, a bad chain is refused', async () => {
    assert.deepEqual(await servedAs('REQUESTED'), new Set(['User:ANONYMOUS']));
    assert.deepEqual(await servedAs('REQUESTED', { key: pem['carol.key'], chain: pem.carol + pem.intermediate }), new Set(['User:CN=carol']));
    const from = requests.length;
    await refused('REQUESTED', pem['admin.key'], pem.admin + pem.bob);
    await refused('REQUESTED', pem['erin.key'], pem.erin);
    assert.deepEqual(requests.slice(from), []);
  });
});
