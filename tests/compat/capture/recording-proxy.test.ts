// The recording proxy against a fake upstream: frames split and coalesced arbitrarily by TCP are
// recorded whole, in wire order, with responses matched to requests by correlation id, and a
// request the upstream never answers (an acks=0 produce) is recorded alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, Socket } from 'node:net';
import { FrameSplitter, RecordingProxy, toJsonLine } from './recording-proxy.ts';

function frame(payload: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(payload.length);
  return Buffer.concat([size, payload]);
}

function request(apiKey: number, apiVersion: number, correlationId: number, body: string): Buffer {
  const h = Buffer.alloc(10);
  h.writeInt16BE(apiKey, 0);
  h.writeInt16BE(apiVersion, 2);
  h.writeInt32BE(correlationId, 4);
  h.writeInt16BE(-1, 8); // null client id
  return frame(Buffer.concat([h, Buffer.from(body)]));
}

test('FrameSplitter reassembles frames across any chunking', () => {
  const wire = Buffer.concat([frame(Buffer.from('abc')), frame(Buffer.alloc(0)), frame(Buffer.from('hello world'))]);
  for (let step = 1; step <= wire.length; step++) {
    const s = new FrameSplitter();
    const out: string[] = [];
    for (let i = 0; i < wire.length; i += step) out.push(...s.push(wire.subarray(i, i + step)).map((f) => f.toString()));
    assert.deepEqual(out, ['abc', '', 'hello world']);
  }
  const bad = new FrameSplitter(100);
  bad.push(Buffer.from([0, 0, 1, 0]));
  assert.match(bad.broken!, /out of range/);
});

test('RecordingProxy records both directions and matches responses by correlation id', async () => {
  // Fake broker: answers every request with its correlation id and "ok", except api key 0 with
  // body "noack" (like acks=0), and answers in reverse order when two arrive together.
  const upstream = createServer((sock) => {
    const splitter = new FrameSplitter();
    sock.on('data', (chunk) => {
      const frames = splitter.push(chunk);
      for (const f of frames.reverse()) {
        if (f.readInt16BE(0) === 0 && f.subarray(10).toString() === 'noack') continue;
        const r = Buffer.alloc(4);
        r.writeInt32BE(f.readInt32BE(4));
        sock.write(frame(Buffer.concat([r, Buffer.from('ok')])));
      }
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', () => r()));
  const upstreamPort = (upstream.address() as { port: number }).port;

  const proxy = await RecordingProxy.start();
  proxy.setUpstream('127.0.0.1', upstreamPort);
  try {
    const client = new Socket();
    await new Promise<void>((r) => client.connect(proxy.port, '127.0.0.1', () => r()));
    const received: Buffer[] = [];
    const splitter = new FrameSplitter();
    client.on('data', (c) => received.push(...splitter.push(c)));
    const wire = Buffer.concat([request(18, 3, 7, ''), request(0, 9, 8, 'noack')]);
    // byte by byte first half, then the rest at once
    for (let i = 0; i < 9; i++) client.write(wire.subarray(i, i + 1));
    client.write(wire.subarray(9));
    client.write(request(3, 12, 9, 'meta'));
    while (received.length < 2) await new Promise((r) => setTimeout(r, 10));
    client.end();
    assert.ok(await proxy.waitIdle(100, 5000));
    const frames = proxy.take();
    const summary = frames.map((f) => `${f.connection} ${f.dir} ${f.apiKey}v${f.apiVersion} #${f.correlationId}`);
    assert.deepEqual(summary.filter((s) => s.includes('request')), ['1 request 18v3 #7', '1 request 0v9 #8', '1 request 3v12 #9']);
    assert.deepEqual(summary.filter((s) => s.includes('response')).sort(), ['1 response 18v3 #7', '1 response 3v12 #9']);
    const line = JSON.parse(toJsonLine(frames[0]!)) as { frame: string };
    assert.equal(line.frame, request(18, 3, 7, '').subarray(4).toString('hex'));
    assert.deepEqual(proxy.take(), []);
  } finally {
    await proxy.close();
    upstream.close();
  }
});
