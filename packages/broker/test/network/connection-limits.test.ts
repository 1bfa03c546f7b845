// max.connections, max.connections.per.ip (with overrides) and connections.max.idle.ms on the
// loopback: a connection over max.connections waits unanswered for a place (as Kafka's acceptor
// holds it), one over a per-address limit is closed at once while the others keep working, a freed
// place can be taken again, and an idle connection is closed, but not while it waits for an answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, type Socket } from 'node:net';
import { Apis } from '@sluice/protocol';
import { startBroker } from '../../src/index.ts';
import { eventually, fetchRequestV12, RawConnection } from '@sluice/test-kit';

/** A bare TCP connection from `localAddress` (any 127.x.y.z is the loopback on Linux). */
function connect(port: number, localAddress = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createConnection({ port, host: '127.0.0.1', localAddress }, () => resolve(s));
    s.once('error', reject);
  });
}

const closed = (s: Socket) => new Promise<void>((resolve) => (s.destroyed ? resolve() : s.once('close', () => resolve())));

async function answers(c: RawConnection): Promise<void> {
  const r = await c.request(Apis.ApiVersions, 3, { clientSoftwareName: 't', clientSoftwareVersion: '1' });
  assert.equal(r.errorCode, 0);
}

test('max.connections: a connection over the limit waits unanswered until a place frees, as Kafka\'s acceptor holds it; the others keep working', async () => {
  const warnings: string[] = [];
  const broker = await startBroker({ port: 0, config: { 'max.connections': '3' }, log: { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) } });
  try {
    const kept = await Promise.all([0, 1, 2].map(() => RawConnection.open(broker.port)));
    await eventually('three open connections', () => broker.network.connections === 3);
    const extra = await RawConnection.open(broker.port);
    let answered = false;
    const pending = answers(extra).then(() => (answered = true));
    await eventually('the fourth connection waits', () => broker.network.connectionsWaitingForSlot === 1);
    assert.match(warnings[0], /^holding a connection from 127\.0\.0\.1 unanswered: the broker has 3 connections \(max\.connections=3\); it is served once one closes$/);
    for (const c of kept) await answers(c);
    assert.equal(answered, false, 'not served while the broker is full');
    assert.equal(broker.network.connections, 3);
    // A place given up goes to the waiting connection, which is then answered.
    kept.pop()!.close();
    await pending;
    assert.equal(broker.network.connectionsWaitingForSlot, 0);
    assert.equal(broker.network.refusedConnections, 0);
    for (const c of [...kept, extra]) c.close();
  } finally {
    await broker.close();
  }
});

test('max.connections: a waiting connection that goes away gives up its turn', async () => {
  const broker = await startBroker({ port: 0, config: { 'max.connections': '1' } });
  try {
    const kept = await RawConnection.open(broker.port);
    const gone = await connect(broker.port);
    await eventually('one waits', () => broker.network.connectionsWaitingForSlot === 1);
    gone.destroy();
    await eventually('and is gone', () => broker.network.connectionsWaitingForSlot === 0);
    kept.close();
    await eventually('the place is free', () => broker.network.connections === 0);
    const next = await RawConnection.open(broker.port);
    await answers(next);
    next.close();
  } finally {
    await broker.close();
  }
});

test('max.connections: stopping the broker closes the waiting connections and serves none of them', async () => {
  const broker = await startBroker({ port: 0, config: { 'max.connections': '1' } });
  try {
    const kept = await RawConnection.open(broker.port);
    await answers(kept);
    const waiting = await connect(broker.port);
    await eventually('one waits', () => broker.network.connectionsWaitingForSlot === 1);
    await broker.close();
    await closed(waiting);
    assert.equal(broker.network.connections, 0);
    assert.ok(kept.closed);
  } finally {
    await broker.close(); // once more if a step failed first: a broker left listening keeps the file's process alive
  }
});

test('max.connections.per.ip and its overrides count each address apart', async () => {
  const broker = await startBroker({ port: 0, config: { 'max.connections.per.ip': '2', 'max.connections.per.ip.overrides': '127.0.0.2:3, localhost:2' } });
  try {
    const open: Socket[] = [];
    for (const [address, allowed] of [
      ['127.0.0.1', 2],
      ['127.0.0.2', 3],
      ['127.0.0.3', 2],
    ] as const) {
      for (let i = 0; i < allowed; i++) open.push(await connect(broker.port, address));
      await eventually('every accepted connection open', () => broker.network.connections === open.length);
      const refused = broker.network.refusedConnections;
      await closed(await connect(broker.port, address));
      assert.equal(broker.network.refusedConnections, refused + 1, address);
    }
    assert.ok(open.every((s) => !s.destroyed));
    for (const s of open) s.destroy();
  } finally {
    await broker.close();
  }
});

test('max.connections.per.ip.overrides that cannot be read or resolved refuse the start', async () => {
  await assert.rejects(startBroker({ port: 0, config: { 'max.connections.per.ip.overrides': '127.0.0.1' } }), /Invalid value "127\.0\.0\.1" for configuration max\.connections\.per\.ip\.overrides: entry "127\.0\.0\.1" is not host:count, e\.g\. 127\.0\.0\.1:200/);
  await assert.rejects(startBroker({ port: 0, config: { 'max.connections.per.ip.overrides': 'no-such-host.invalid:3' } }), /cannot resolve host no-such-host\.invalid/);
});

test('max.connections.per.ip.overrides changed while the broker runs applies to the next connection; a malformed one is refused', async () => {
  const broker = await startBroker({ port: 0, config: { 'max.connections.per.ip': '1' } });
  try {
    const admin = await RawConnection.open(broker.port);
    const alter = async (value: string) => {
      const r = await admin.request(Apis.IncrementalAlterConfigs, 1, {
        resources: [{ resourceType: 4, resourceName: String(broker.nodeId), configs: [{ name: 'max.connections.per.ip.overrides', configOperation: 0, value }] }],
        validateOnly: false,
      });
      return r.responses[0];
    };
    // 127.0.0.2 may have two, and localhost (resolved, as Kafka does) too.
    assert.equal((await alter('127.0.0.2:2,localhost:2')).errorCode, 0);
    const open = [await connect(broker.port, '127.0.0.2'), await connect(broker.port, '127.0.0.2')];
    await eventually('both accepted', () => broker.network.connections === 3);
    const refused = broker.network.refusedConnections;
    await closed(await connect(broker.port, '127.0.0.2'));
    assert.equal(broker.network.refusedConnections, refused + 1);
    const bad = await alter('127.0.0.3');
    // Kafka's broker refuses a broker config it cannot apply with INVALID_REQUEST (ConfigAdminManager, KAFKA-13609).
    assert.equal(bad.errorCode, 42, 'INVALID_REQUEST');
    assert.match(bad.errorMessage, /entry "127\.0\.0\.3" is not host:count/);
    for (const s of open) s.destroy();
    admin.close();
  } finally {
    await broker.close();
  }
});

test('connections.max.idle.ms closes an idle connection, but not one waiting for its answer', { timeout: 120_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'connections.max.idle.ms': '200' } });
  try {
    const idle = await RawConnection.open(broker.port);
    await answers(idle);
    await eventually('the idle connection is closed', () => idle.closed);
    assert.equal(broker.network.idleClosedConnections, 1);

    // A fetch that waits longer than the idle time for data is answered, then the connection idles out.
    const waiting = await RawConnection.open(broker.port);
    await waiting.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    const fetched = await waiting.request(Apis.Fetch, 12, fetchRequestV12('t', [{}], { maxWaitMs: 1000, minBytes: 1 }));
    assert.equal(fetched.responses[0].partitions[0].errorCode, 0);
    await eventually('the connection is closed once idle', () => waiting.closed);
    assert.equal(broker.network.idleClosedConnections, 2);
  } finally {
    await broker.close();
  }
});

test('max.connections changed while the broker runs applies to the next connection', async () => {
  const broker = await startBroker({ port: 0 });
  try {
    const admin = await RawConnection.open(broker.port);
    const alter = async (value: string | null) => {
      const r = await admin.request(Apis.IncrementalAlterConfigs, 1, {
        resources: [{ resourceType: 4, resourceName: String(broker.nodeId), configs: [{ name: 'max.connections', configOperation: value === null ? 1 : 0, value }] }],
        validateOnly: false,
      });
      assert.equal(r.responses[0].errorCode, 0, r.responses[0].errorMessage);
    };
    const other = await RawConnection.open(broker.port);
    await alter('2');
    const third = await RawConnection.open(broker.port);
    await eventually('the third connection waits', () => broker.network.connectionsWaitingForSlot === 1);
    await answers(other);
    // Raised while it waits: it is served without any connection closing.
    await alter(null);
    await answers(third);
    for (const c of [admin, other, third]) c.close();
  } finally {
    await broker.close();
  }
});

test('socket.request.max.bytes: a larger request closes its connection before it is read, one of that size is read; others are served', async () => {
  const warnings: string[] = [];
  const broker = await startBroker({ port: 0, config: { 'socket.request.max.bytes': '2048' }, log: { info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) } });
  const sizePrefix = (n: number) => Buffer.from([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
  try {
    const other = await RawConnection.open(broker.port);
    const over = await connect(broker.port);
    over.write(sizePrefix(2049));
    await closed(over);
    assert.ok(warnings.some((w) => /request of 2049 bytes exceeds socket\.request\.max\.bytes \(2048\)$/.test(w)), warnings.join('\n'));
    // Exactly the limit is read (and then refused as the garbage it is, not for its size).
    const at = await connect(broker.port);
    at.write(Buffer.concat([sizePrefix(2048), Buffer.alloc(2048, 0xff)]));
    await closed(at);
    assert.ok(!warnings.some((w) => /request of 2048 bytes exceeds/.test(w)), warnings.join('\n'));
    await answers(other);
    other.close();
  } finally {
    await broker.close();
  }
});

test("listener.name.<listener>.max.connections: that listener's connections wait for a place, the others' are served", async () => {
  const broker = await startBroker({
    port: 0,
    config: { listeners: 'PLAINTEXT://127.0.0.1:0,INTERNAL://127.0.0.1:0', 'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT', 'listener.name.internal.max.connections': '1' },
  });
  try {
    const internal = broker.listeners.INTERNAL.port;
    const first = await RawConnection.open(internal);
    await answers(first);
    const second = await RawConnection.open(internal);
    const served = answers(second);
    await eventually('the second INTERNAL connection waits', () => broker.network.connectionsWaitingForSlot === 1);
    const plain = await Promise.all([0, 1].map(() => RawConnection.open(broker.listeners.PLAINTEXT.port)));
    for (const c of plain) await answers(c);
    first.close();
    await served;
    for (const c of [...plain, second]) c.close();
  } finally {
    await broker.close();
  }
});

test('max.connections: each listener has its own backlog of 50 waiting connections, so a flood on one does not turn away the others\' clients', async () => {
  const broker = await startBroker({
    port: 0,
    config: { listeners: 'PLAINTEXT://127.0.0.1:0,INTERNAL://127.0.0.1:0', 'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,INTERNAL:PLAINTEXT', 'max.connections': '2', 'listener.name.plaintext.max.connections': '1' },
  });
  const flood: Socket[] = [];
  try {
    const internal = await RawConnection.open(broker.listeners.INTERNAL.port);
    const plain = await RawConnection.open(broker.listeners.PLAINTEXT.port);
    await eventually('the broker is full', () => broker.network.connections === 2);
    for (let i = 0; i < 55; i++) flood.push(await connect(broker.listeners.PLAINTEXT.port));
    await eventually("PLAINTEXT's backlog is full", () => broker.network.connectionsWaitingForSlot === 50 && broker.network.refusedConnections === 5);
    // An INTERNAL client now waits in its listener's own backlog, as in Kafka (one acceptor and
    // listen backlog per listener), and is served once an INTERNAL place frees.
    const next = await RawConnection.open(broker.listeners.INTERNAL.port);
    const served = answers(next);
    await eventually('it waits', () => broker.network.connectionsWaitingForSlot === 51);
    assert.equal(broker.network.refusedConnections, 5);
    internal.close();
    await served;
    for (const c of [plain, next]) c.close();
  } finally {
    for (const s of flood) s.destroy();
    await broker.close();
  }
});

test('max.connections: a connection that waited connections.max.idle.ms without a place is closed (one that sent a request and went away would hold its turn for good)', async () => {
  const broker = await startBroker({ port: 0, config: { 'max.connections': '1', 'connections.max.idle.ms': '300' } });
  try {
    const kept = await RawConnection.open(broker.port);
    await kept.request(Apis.CreateTopics, 7, { topics: [{ name: 't', numPartitions: 1, replicationFactor: 1, assignments: [], configs: [] }], timeoutMs: 1000 });
    // A fetch waiting for data keeps the served connection from idling out meanwhile.
    const fetching = kept.request(Apis.Fetch, 12, fetchRequestV12('t', [{}], { maxWaitMs: 60_000, minBytes: 1 })).catch(() => undefined);
    const gone = await connect(broker.port);
    await eventually('one waits', () => broker.network.connectionsWaitingForSlot === 1);
    // It sends a request and closes; unread, its close is not seen while it waits.
    gone.end(Buffer.from([0, 0, 0, 10, 0, 18, 0, 3, 0, 0, 0, 1, 0, 0]));
    await eventually('the waiting connection is closed', () => broker.network.connectionsWaitingForSlot === 0);
    assert.equal(broker.network.connections, 1, 'the served one keeps its place');
    assert.equal(kept.closed, false);
    kept.close();
    await fetching;
  } finally {
    await broker.close();
  }
});
