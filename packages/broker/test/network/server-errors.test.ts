// The listener's own events have no caller to report to: an error emitted by the listening socket
// (Node emits accept failures such as EMFILE there) and a bug in the accept callback are logged,
// cost at most that one connection, and the broker keeps serving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:net';
import { Apis } from '@sluice/protocol';
import type { KafkaServer } from '../../src/network/server.ts';
import { eventually, RawConnection } from '@sluice/test-kit';
import { loopbackServer } from './loopback-server.ts';

/** A listener on the loopback whose dispatcher answers nothing; max.connections is read through `maxConnections`. */
async function listen(errors: string[], maxConnections: () => number) {
  const limits = {
    get maxConnections() {
      return maxConnections();
    },
    maxConnectionsPerIp: Infinity,
    perIpOverrides: new Map(),
  };
  const server = loopbackServer(errors, { limits });
  const { port } = await server.listen();
  return { server, port };
}

/** A new connection is taken on: the listener counts it. */
async function accepted(server: KafkaServer, port: number): Promise<void> {
  const c = await RawConnection.open(port);
  await eventually('one connection', () => server.stats.connections === 1);
  c.close();
  await eventually('no connection', () => server.stats.connections === 0);
}

test('an error emitted by the listening socket is logged and the listener keeps accepting', { timeout: 30_000 }, async () => {
  const errors: string[] = [];
  const { server, port } = await listen(errors, () => 100);
  try {
    const listener = (server as unknown as { server: Server }).server;
    listener.emit('error', Object.assign(new Error('accept EMFILE'), { code: 'EMFILE' }));
    assert.deepEqual(errors, ['the listener reported an error: Error: accept EMFILE']);
    await accepted(server, port);
  } finally {
    await server.stop(1000);
  }
});

test('a bug in the accept callback closes that connection with the error logged, and the next is served', { timeout: 30_000 }, async () => {
  const errors: string[] = [];
  let reads = 0;
  const { server, port } = await listen(errors, () => {
    if (reads++ === 0) throw new TypeError('a bug reading max.connections');
    return 100;
  });
  try {
    const first = await RawConnection.open(port);
    await assert.rejects(first.request(Apis.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' }), /connection closed by the broker/);
    assert.equal(errors.length, 1);
    assert.match(errors[0], /^closing a new connection from 127\.0\.0\.1 after an unexpected error: TypeError: a bug reading max\.connections$/);
    await accepted(server, port);
  } finally {
    await server.stop(1000);
  }
});
