// Requests the REST server cannot even parse a path from (`//`, `///`, `//[`) get a 400 with
// Connect's error body and the worker carries on; one such request used to end the process
// (an unhandled rejection). Sent over a raw socket, since fetch normalises such paths away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { startConnectStandalone, type ConnectStandalone } from '@sluice/connect';

let broker: Broker;
let worker: ConnectStandalone;
let dir: string;

before(async () => {
  broker = await startBroker({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'sluice-connect-rest-'));
  worker = await startConnectStandalone({
    worker: { 'bootstrap.servers': broker.bootstrap, listeners: 'http://127.0.0.1:0', 'offset.storage.file.filename': join(dir, 'connect.offsets') },
    log: () => {},
  });
});

after(async () => {
  await worker?.stop();
  await broker?.close();
  rmSync(dir, { recursive: true, force: true });
});

function rawGet(path: string): Promise<string> {
  const { hostname, port } = new URL(worker.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (d) => (text += d));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

test('a path that is no URI gets 400 with an error body, and the worker goes on answering', async () => {
  for (const path of ['//', '///', '//[']) {
    const answer = await rawGet(path);
    assert.match(answer, /^HTTP\/1\.1 400 /, `${path}: ${answer}`);
    assert.match(answer, /"error_code":400/);
  }
  const root = await fetch(`${worker.url}/`);
  assert.equal(root.status, 200);
});

test('a path parameter with a bad %-escape gets 400 naming it, and the worker goes on answering', async () => {
  for (const path of ['/connectors/%E0%A4%A/status', '/connectors/%ZZ', '/connectors/a%/tasks/0/status']) {
    const answer = await rawGet(path);
    assert.match(answer, /^HTTP\/1\.1 400 /, `${path}: ${answer}`);
    assert.match(answer, /percent-encoded/);
  }
  const root = await fetch(`${worker.url}/`);
  assert.equal(root.status, 200);
});
