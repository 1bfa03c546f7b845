// Certificates are replaced without a restart: the broker watches its key store file, and once it
// changes new connections are served with the new certificate (open ones keep theirs). A file
// that cannot be used keeps the old certificate, and the listener serves on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { startBroker } from '@sluice/broker';
import { eventually } from '@sluice/test-kit';
import { makeCertificates } from './certificates.ts';

/** Whether a TLS handshake with the port succeeds trusting only `ca`. */
function handshakeTrusting(port: number, ca: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port, ca, servername: 'localhost' }, () => {
      s.destroy();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

test('a key store file replaced while running is used for new connections; a broken one is not', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-reload-'));
  const warnings: string[] = [];
  try {
    mkdirSync(join(dir, 'old'));
    mkdirSync(join(dir, 'new'));
    const [before, after] = [await makeCertificates(join(dir, 'old')), await makeCertificates(join(dir, 'new'))];
    const keyStore = join(dir, 'broker.pem');
    copyFileSync(before.brokerKeyStore, keyStore);
    const broker = await startBroker({
      log: { info: () => {}, warn: (m: string) => warnings.push(m), error: (m: string) => warnings.push(m) } as never,
      config: { listeners: 'SSL://127.0.0.1:0', 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': keyStore },
    });
    try {
      const port = broker.port;
      assert.equal(await handshakeTrusting(port, before.ca), true);
      assert.equal(await handshakeTrusting(port, after.ca), false);
      // A half-written file: logged, the old certificate stays.
      writeFileSync(keyStore, '-----BEGIN PRIVATE KEY-----\ntruncated');
      await eventually('the unusable file logged', () => warnings.some((w) => /listener SSL: .*broker\.pem changed but cannot be used, keeping the certificates in use/.test(w)), 60_000);
      assert.equal(await handshakeTrusting(port, before.ca), true);
      copyFileSync(after.brokerKeyStore, keyStore);
      await eventually('the new certificate served', () => handshakeTrusting(port, after.ca), 60_000);
      assert.equal(await handshakeTrusting(port, before.ca), false);
    } finally {
      await broker.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
