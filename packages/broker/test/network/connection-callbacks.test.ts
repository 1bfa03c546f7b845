// Work a connection does outside the request that started it — writing a deferred answer, the loop
// that runs its requests — has no caller to report to. If it throws (a bug in a response path), the
// connection is closed with the error logged, and the broker process carries on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Server } from 'node:net';
import { Apis } from '@sluice/protocol';
import { ManualTimer } from '../../src/groups/timer.ts';
import { Connection, type Dispatcher, type Reply } from '../../src/network/connection.ts';
import { defer } from '../../src/handlers/deferred.ts';
import { RateLimitedLog } from '../../src/network/rate-limited-log.ts';
import { RequestMemory } from '../../src/network/request-memory.ts';
import { RawConnection } from '@sluice/test-kit';

/** Listens on the loopback and serves every connection with `dispatcher`. */
async function serve(dispatcher: Dispatcher, errors: string[], memory = new RequestMemory(Infinity)): Promise<{ server: Server; port: number }> {
  const context = {
    maxFrameBytes: 1 << 20,
    memory,
    warnings: new RateLimitedLog({ warn: (m) => errors.push(m), error: (m, e) => errors.push(`${m}: ${e}`) }, new ManualTimer()),
    idleMs: -1,
    idleClosed: { count: 0 },
  };
  let id = 0;
  const server = createServer((socket) => new Connection(++id, socket, dispatcher, context, () => {}));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { server, port: address.port };
}

// Not a Buffer: writing it to the socket throws, as a bug in building an answer would.
const broken = [42 as unknown as Buffer];

for (const [what, reply] of [
  ['an answer ready at once', (): Reply => broken],
  ['a deferred answer', (): Reply => defer(Promise.resolve(broken))],
] as const) {
  test(`${what} that cannot be written closes its connection with the error logged`, async () => {
    const errors: string[] = [];
    const { server, port } = await serve({ dispatch: reply }, errors);
    try {
      const c = await RawConnection.open(port);
      await assert.rejects(c.request(Apis.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' }), /connection closed by the broker/);
      assert.equal(errors.length, 1);
      assert.match(errors[0], /after an unexpected error: TypeError/);
      // The listener serves the next connection as before.
      const next = await RawConnection.open(port);
      await assert.rejects(next.request(Apis.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' }), /connection closed by the broker/);
      next.close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
}

/** Sends raw bytes on a new connection and resolves once the broker has closed it. */
async function sendAndWaitForClose(port: number, bytes: Buffer): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  socket.on('data', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.on('close', () => resolve());
    socket.on('error', reject);
    socket.write(bytes);
  });
}

const sizePrefix = (size: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(size);
  return b;
};

test("a bug while reading frames is logged as an unexpected error, not hidden among clients' malformed requests", async () => {
  const BUGGY_SIZE = 7777;
  // Reserving memory for a frame of this size throws: a bug on the read path, not the client's fault.
  const memory = new (class extends RequestMemory {
    override tryReserve(bytes: number): boolean {
      if (bytes === BUGGY_SIZE) throw new TypeError('a bug while admitting a frame');
      return super.tryReserve(bytes);
    }
  })(Infinity);
  const errors: string[] = [];
  const { server, port } = await serve({ dispatch: () => null }, errors, memory);
  try {
    // Two malformed requests (a negative size): the first is warned about, the second held back.
    for (let i = 0; i < 2; i++) await sendAndWaitForClose(port, sizePrefix(-1));
    assert.deepEqual(errors.length, 1);
    assert.match(errors[0], /negative frame size/);
    await sendAndWaitForClose(port, Buffer.concat([sizePrefix(BUGGY_SIZE), Buffer.alloc(16)]));
    assert.equal(errors.length, 2, `the bug is logged though malformed requests are held back: ${errors.join(' | ')}`);
    assert.match(errors[1], /after an unexpected error: TypeError: a bug while admitting a frame/);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
