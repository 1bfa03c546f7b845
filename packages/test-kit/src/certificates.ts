// Certificates made at run time with openssl (never committed), for tests and benchmarks: a CA,
// the broker's certificate for 127.0.0.1 signed by it, a client certificate signed by it, and a
// self-signed client certificate nobody trusts.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface TestCertificates {
  /** The CA's certificate (PEM), trusted by the broker for client certificates and by clients for the broker's. */
  ca: string;
  caFile: string;
  /** The broker's key and certificate chain in one PEM file, as Kafka's PEM key store. */
  brokerKeyStore: string;
  brokerKey: string;
  brokerCert: string;
  /** A client certificate for CN=Alice,OU=Eng,O=Sluice signed by the CA. */
  client: { key: string; cert: string };
  /** A self-signed client certificate (not signed by the CA). */
  untrusted: { key: string; cert: string };
}

async function openssl(args: string[]): Promise<void> {
  try {
    await exec('openssl', args);
  } catch (e) {
    throw new Error(`openssl ${args[0]} failed (install it with apt-get install -y openssl): ${(e as Error).message}`);
  }
}

export async function makeCertificates(dir: string): Promise<TestCertificates> {
  const f = (name: string) => join(dir, name);
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.pem'), '-days', '2', '-subj', '/CN=Sluice Test CA']);
  writeFileSync(f('broker.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  writeFileSync(f('client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, subject, ext] of [
    ['broker', '/CN=127.0.0.1', 'broker.ext'],
    ['client', '/O=Sluice/OU=Eng/CN=Alice', 'client.ext'],
  ] as const) {
    await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', subject]);
    await openssl(['x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-CAcreateserial', '-out', f(`${name}.pem`), '-days', '2', '-extfile', f(ext)]);
  }
  await openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('untrusted.key'), '-out', f('untrusted.pem'), '-days', '2', '-subj', '/CN=Mallory']);
  const read = (name: string) => readFileSync(f(name), 'utf8');
  writeFileSync(f('broker-keystore.pem'), read('broker.key') + read('broker.pem'));
  return {
    ca: read('ca.pem'),
    caFile: f('ca.pem'),
    brokerKeyStore: f('broker-keystore.pem'),
    brokerKey: read('broker.key'),
    brokerCert: read('broker.pem'),
    client: { key: read('client.key'), cert: read('client.pem') },
    untrusted: { key: read('untrusted.key'), cert: read('untrusted.pem') },
  };
}
