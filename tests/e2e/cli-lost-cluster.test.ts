// sluice consume and produce when their broker goes away (produce: the last test). Waiting for new records, it says on stderr that the
// cluster cannot be reached and that it keeps trying, says when it is back, and goes on printing
// records; Ctrl-C (SIGINT) then ends it with exit 0. With --exit it gives up, exit 1. In process
// (main()), with the connection checked every 200 ms instead of 10 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection, createServer, type Socket } from 'node:net';
import { PassThrough, Readable } from 'node:stream';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Producer } from '@sluice/client';
import { main } from '@sluice/cli';

test('consume without --exit reports a lost cluster, keeps trying, and goes on once it is back', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-lost-'));
  let broker: Broker = await startBroker({ port: 0, dataDir });
  const port = broker.port;
  let stdout = '';
  let stderr = '';
  const until = async (what: string, done: () => boolean) => {
    const deadline = Date.now() + 120_000;
    while (!done()) {
      assert.ok(Date.now() < deadline, `waited for ${what}; stdout: ${JSON.stringify(stdout)}, stderr: ${JSON.stringify(stderr)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const send = async (value: string) => {
    const producer = new Producer({ bootstrapServers: `127.0.0.1:${port}`, lingerMs: 0 });
    try {
      await producer.send({ topic: 'tail', partition: 0, value });
    } finally {
      await producer.close();
    }
  };
  try {
    await send('before');
    const exited = main(['consume', 'tail', '--from-beginning', '-b', `127.0.0.1:${port}`, '--connect-timeout', '500'], {
      out: (t) => void (stdout += t),
      err: (t) => void (stderr += t),
      stdin: Readable.from([]),
      env: { SLUICE_CONNECTION_CHECK_MS: '200' },
    });
    await until('the first record', () => stdout === 'before\n');

    await broker.close();
    await until('the report of the lost cluster', () => stderr.includes('still trying'));
    assert.equal(stderr, `sluice consume: cannot connect to 127.0.0.1:${port} (connection refused); is a broker running? start one with \`npx sluice broker\`; still trying (Ctrl-C to stop).\n`);

    broker = await startBroker({ port, dataDir });
    await until('the report of its return', () => stderr.includes('reached again'));
    assert.match(stderr, /\nsluice consume: the cluster can be reached again; consuming\.\n$/);
    await send('after');
    await until('the record sent after the return', () => stdout === 'before\nafter\n');

    process.emit('SIGINT', 'SIGINT');
    assert.equal(await exited, 0);
  } finally {
    await broker.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('consume --exit gives up on a cluster that went away before it read to the end, exit 1 with the reason', async () => {
  // A proxy in front of the broker, which the broker advertises: at the consumer's first Fetch
  // it cuts every connection and stops listening, as a broker that died would.
  const sockets = new Set<Socket>();
  let brokerPort = 0;
  let cut = false;
  const proxy = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: brokerPort });
    sockets.add(client).add(upstream);
    client.on('error', () => {});
    upstream.on('error', () => {});
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      // Each request: a 4-byte size, then the 2-byte API key (1 is Fetch).
      while (pending.length >= 6 && !cut) {
        if (pending.readInt16BE(4) === 1) {
          cut = true;
          proxy.close();
          for (const s of sockets) s.destroy();
          return;
        }
        const size = pending.readInt32BE(0);
        if (pending.length < 4 + size) break;
        pending = pending.subarray(4 + size);
      }
      if (!cut) upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const proxyPort = (proxy.address() as { port: number }).port;
  const broker = await startBroker({ port: 0, config: { 'advertised.listeners': `PLAINTEXT://127.0.0.1:${proxyPort}` } });
  brokerPort = broker.port;
  try {
    const producer = new Producer({ bootstrapServers: `127.0.0.1:${broker.port}`, lingerMs: 0 });
    try {
      await producer.send({ topic: 'gone', partition: 0, value: 'unread' });
    } finally {
      await producer.close();
    }
    let stdout = '';
    let stderr = '';
    const code = await main(['consume', 'gone', '--from-beginning', '--exit', '-b', `127.0.0.1:${proxyPort}`, '--connect-timeout', '500'], {
      out: (t) => void (stdout += t),
      err: (t) => void (stderr += t),
      stdin: Readable.from([]),
      env: { SLUICE_CONNECTION_CHECK_MS: '200' },
    });
    assert.ok(cut, 'the consumer fetched through the proxy');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, `sluice consume: cannot connect to 127.0.0.1:${proxyPort} (connection refused); is a broker running? start one with \`npx sluice broker\` (after 0 records)\n`);
  } finally {
    for (const s of sockets) s.destroy();
    proxy.close();
    await broker.close();
  }
});

test('produce reports a lost cluster, keeps trying, and delivers once it is back', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-lost-'));
  let broker: Broker = await startBroker({ port: 0, dataDir });
  const port = broker.port;
  const bootstrap = `127.0.0.1:${port}`;
  let stderr = '';
  const until = async (what: string, done: () => boolean | Promise<boolean>) => {
    const deadline = Date.now() + 120_000;
    while (!(await done())) {
      assert.ok(Date.now() < deadline, `waited for ${what}; stderr: ${JSON.stringify(stderr)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const endOffset = async () => {
    const admin = new Admin({ bootstrapServers: bootstrap });
    try {
      return (await admin.listOffsets([{ topic: 'lines', partition: 0, spec: 'latest' }]))[0].offset;
    } finally {
      await admin.close();
    }
  };
  const stdin = new PassThrough();
  try {
    const exited = main(['produce', 'lines', '-p', '0', '-b', bootstrap, '--connect-timeout', '500'], {
      out: () => {},
      err: (t) => void (stderr += t),
      stdin,
      env: { SLUICE_CONNECTION_CHECK_MS: '200' },
    });
    stdin.write('first\n');
    await until('the first record', async () => (await endOffset()) === 1n);

    await broker.close();
    await until('the report of the lost cluster', () => stderr.includes('still trying'));
    assert.equal(stderr, `sluice produce: cannot connect to ${bootstrap} (connection refused); is a broker running? start one with \`npx sluice broker\`; still trying (a record is given up after delivery.timeout.ms, 120 s).\n`);
    stdin.write('second\n'); // sent while the cluster is away

    broker = await startBroker({ port, dataDir });
    await until('the report of its return', () => stderr.includes('reached again'));
    stdin.end('third\n');
    assert.equal(await exited, 0, stderr);
    assert.equal(await endOffset(), 3n, 'every line delivered');
  } finally {
    await broker.close().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
});
