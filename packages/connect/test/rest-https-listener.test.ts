// The REST API's https listener (rest-https.ts) against clients that never finish: one that
// connects and sends nothing, one that starts a TLS handshake and stalls. Each holds a socket (a
// file descriptor) of the worker, so each must be dropped after the handshake timeout, as Node's
// TLS server drops a stalled handshake; the listener goes on serving others. Certificates are made
// by the test kit; no broker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificates, type TestCertificates } from '@sluice/test-kit';
import { listenHttps } from '../src/runtime/rest-https.ts';

let dir: string;
let certs: TestCertificates;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-rest-https-'));
  certs = await makeCertificates(dir);
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves true when the server closes the socket, false if it is still open after `waitMs` (far longer than the timeout under test). */
function closedByServer(socket: Socket, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), waitMs);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path: '/', ca: certs.ca, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a client that sends nothing, or stalls in its TLS handshake, is dropped after the handshake timeout', async () => {
  const pem = readFileSync(certs.brokerKeyStore, 'utf8');
  const listener = await listenHttps('127.0.0.1', 0, { options: { key: pem, cert: pem }, clientAuth: 'none', handshakeTimeoutMs: 300 }, (_req, res) => res.writeHead(200).end());
  const sockets: Socket[] = [];
  try {
    const silent = connect(listener.port, '127.0.0.1');
    const stalled = connect(listener.port, '127.0.0.1', () => stalled.write(Buffer.from([0x16, 0x03, 0x01])));
    sockets.push(silent, stalled);
    // 300 ms asked; 15 s to see it on a loaded machine.
    const [silentClosed, stalledClosed] = await Promise.all([closedByServer(silent, 15_000), closedByServer(stalled, 15_000)]);
    assert.equal(silentClosed, true, 'a client that never sends a byte is dropped');
    assert.equal(stalledClosed, true, 'a client that never finishes its TLS handshake is dropped');
    // A well-behaved client is served, also when it takes its time between requests: the timeout ends with the handshake.
    assert.equal(await get(listener.port), 200);
  } finally {
    for (const s of sockets) s.destroy();
    await listener.close();
  }
});
