// Client-certificate chains on a mutual-TLS listener (ssl.client.auth=required): a certificate
// signed by an intermediate authority the client sends along is accepted with its own subject as
// the principal; a certificate signed by an ordinary leaf (CA:FALSE) of the trusted CA is refused,
// whatever subject it names. With ssl.client.auth=requested a client without a certificate is
// User:ANONYMOUS and the forged chain is still refused. Certificates are made at test time with openssl.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import diagnosticsChannel from 'node:diagnostics_channel';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Admin, KafkaError } from '@sluice/client';
import { BrokerChannels, startBroker, type Broker, type BrokerRequestMessage } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { makeCertificates, type TestCertificates } from './certificates.js';

const exec = promisify(execFile);

describe('mutual TLS: client certificate chains', { timeout: 300_000 }, () => {
  let dir: string;
  let certs: TestCertificates;
  let broker: Broker;
  const logged: string[] = [];
  const requests: BrokerRequestMessage[] = [];
  const record = (m: unknown) => requests.push(m as BrokerRequestMessage);
  const pem: Record<string, string> = {};

  /** A key and certificate for `subject`, signed by `issuer` (a name made here, or 'ca'), with the extensions `ext`. */
  async function issue(name: string, subject: string, issuer: string, ext: string): Promise<void> {
    const f = (n: string) => join(dir, n);
    writeFileSync(f(`${name}.ext`), ext);
    await exec('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', subject]);
    await exec('openssl', ['x509', '-req', '-in', f(`${name}.csr`), '-CA', f(`${issuer}.pem`), '-CAkey', f(`${issuer}.key`), '-CAcreateserial', '-out', f(`${name}.pem`), '-days', '2', '-extfile', f(`${name}.ext`)]);
    pem[name] = readFileSync(f(`${name}.pem`), 'utf8');
    pem[`${name}.key`] = readFileSync(f(`${name}.key`), 'utf8');
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-cert-chain-'));
    certs = await makeCertificates(dir);
    // A legitimate chain: the trusted CA → an intermediate CA → carol.
    await issue('intermediate', '/CN=Sluice Intermediate CA', 'ca', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    await issue('carol', '/CN=carol', 'intermediate', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
    // A forged chain: the trusted CA → bob, an ordinary client (CA:FALSE) → a certificate for CN=admin signed with bob's key.
    await issue('bob', '/CN=bob', 'ca', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyCertSign\nextendedKeyUsage=clientAuth\n');
    await issue('admin', '/CN=admin', 'bob', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
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

  const adminWith = (key: string, chain: string, listener = 'MTLS') => new Admin({ bootstrapServers: broker.listeners[listener].bootstrap, requestTimeoutMs: 5000, tls: { ca: certs.ca, key, cert: chain } });

  /** The error a short-lived admin call fails with, or undefined when it succeeds. */
  async function failure(admin: Admin): Promise<unknown> {
    try {
      await admin.listTopics({ timeoutMs: 10_000 });
      return undefined;
    } catch (e) {
      return e;
    } finally {
      await admin.close();
    }
  }

  test('a chain through an intermediate CA is accepted, with the leaf\'s subject as the principal', async () => {
    const from = requests.length;
    const admin = adminWith(pem['carol.key'], pem.carol + pem.intermediate);
    try {
      await admin.listTopics({ timeoutMs: 30_000 });
    } finally {
      await admin.close();
    }
    const principals = new Set(requests.slice(from).filter((r) => r.apiName === 'Metadata').map((r) => r.principal));
    assert.deepEqual(principals, new Set(['User:CN=carol']));
  });

  test('CN=admin signed by a CA:FALSE client certificate of the trusted CA is refused', async () => {
    const from = requests.length;
    const admin = adminWith(pem['admin.key'], pem.admin + pem.bob);
    let failure: unknown;
    try {
      await admin.listTopics({ timeoutMs: 10_000 });
    } catch (e) {
      failure = e;
    } finally {
      await admin.close();
    }
    assert.ok(failure instanceof KafkaError, `refused with a KafkaError, not ${String(failure)}`);
    assert.deepEqual(requests.slice(from).filter((r) => r.principal === 'User:CN=admin'), []);
    await eventually('the refusal logged', () => logged.some((l) => /its client certificate is not trusted: no trusted authority issued CN=admin/.test(l)), 30_000);
  });

  test('ssl.client.auth=requested: no certificate is User:ANONYMOUS, a trusted chain is its subject, the forged chain is refused', async () => {
    const from = requests.length;
    assert.equal(await failure(new Admin({ bootstrapServers: broker.listeners.REQUESTED.bootstrap, requestTimeoutMs: 5000, tls: { ca: certs.ca } })), undefined);
    assert.equal(await failure(adminWith(pem['carol.key'], pem.carol + pem.intermediate, 'REQUESTED')), undefined);
    const forged = await failure(adminWith(pem['admin.key'], pem.admin + pem.bob, 'REQUESTED'));
    assert.ok(forged instanceof KafkaError, `refused with a KafkaError, not ${String(forged)}`);
    const principals = new Set(requests.slice(from).filter((r) => r.apiName === 'Metadata').map((r) => r.principal));
    assert.deepEqual(principals, new Set(['User:ANONYMOUS', 'User:CN=carol']));
  });
});
