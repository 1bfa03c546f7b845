// A paused process (a loaded machine, a long garbage collection) wakes with its timers overdue and
// what the network brought meanwhile not yet read; Node runs the overdue timers first. As Java's
// NetworkClient handles completed connections and receives before it times anything out, a
// connection that opened, or a response that came, during the pause wins over a connect or request
// timeout that merely fell due meanwhile. (Before, both failed: 'no connection within 100 ms', and
// REQUEST_TIMEOUT with the answer waiting in the socket.) Linux only: the wait for the broker's answer
// reads /proc/net/tcp.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis, ZERO_UUID } from '@sluice/protocol';
import { startBrokerProcess, type BrokerProcess } from '@sluice/test-kit';
import { ClientErrorCode } from '../src/errors.ts';
import { Connection, type ConnectionConfig } from '../src/network/connection.ts';

/** Holds this process's event loop, as a pause of the process does. */
function pause(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end);
}

/**
 * Holds this process's event loop for at least `ms`, and on until the kernel holds bytes the
 * broker at `port` sent to this process (Linux's /proc/net/tcp, rx_queue of a connection whose
 * remote port is `port`), at most 60 s: on a loaded machine the broker's process may take longer
 * than any fixed pause to answer.
 */
function pauseUntilAnswered(port: number, ms: number): void {
  const start = Date.now();
  const remote = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const answered = () =>
    readFileSync('/proc/net/tcp', 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      .some((f) => f[2]?.endsWith(remote) && f[3] === '01' && parseInt(f[4]?.split(':')[1] ?? '0', 16) > 0);
  while (Date.now() - start < ms || (!answered() && Date.now() - start < 60_000));
}

// The broker runs in a process of its own, so that it answers while this one is paused.
let dir = '';
let broker: BrokerProcess | undefined;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sluice-client-pause-'));
  broker = await startBrokerProcess(0, join(dir, 'data'));
});
after(async () => {
  broker?.child.kill('SIGTERM');
  await broker?.exited;
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const config = (connectTimeoutMs: number): ConnectionConfig => ({ host: '127.0.0.1', port: broker!.port, nodeId: -1, clientId: 'pause-test', connectTimeoutMs, requestTimeoutMs: 30_000 });

test('a connection that opened while the process was paused is used, not failed by the connect timeout that fell due meanwhile', async () => {
  const opening = Connection.open(config(100));
  // After the connect is issued (Node issues it on the next tick), before its completion is read.
  process.nextTick(() => pause(1000));
  const connection = await opening;
  try {
    const metadata = await connection.request(Apis.Metadata, { topics: [], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false });
    assert.equal(metadata.brokers.length, 1);
  } finally {
    connection.close();
  }
});

test('a response that came while the process was paused is taken, not failed by the request timeout that fell due meanwhile', async () => {
  const connection = await Connection.open(config(10_000));
  try {
    const answer = connection.request(Apis.Metadata, { topics: [], allowAutoTopicCreation: false, includeTopicAuthorizedOperations: false }, { timeoutMs: 100 });
    // After the request is written (on the next tick, once uncorked), before the response is read.
    process.nextTick(() => pauseUntilAnswered(broker!.port, 500));
    const metadata = await answer;
    assert.equal(metadata.brokers.length, 1);
  } finally {
    connection.close();
  }
});

test('a request that got no response is still failed by its timeout, after a pause as without one', async () => {
  const connection = await Connection.open(config(10_000));
  try {
    // An empty partition: the broker holds a Fetch of it for maxWaitMs, so no answer within 100 ms.
    const topic = 'pause-empty';
    for (let leader = false; !leader; ) {
      const m = await connection.request(Apis.Metadata, { topics: [{ topicId: ZERO_UUID, name: topic }], allowAutoTopicCreation: true, includeTopicAuthorizedOperations: false });
      leader = m.topics[0]?.errorCode === 0 && m.topics[0].partitions[0]?.leaderId === 0;
    }
    const partitions = [{ partition: 0, currentLeaderEpoch: -1, fetchOffset: 0n, lastFetchedEpoch: -1, logStartOffset: -1n, partitionMaxBytes: 1024 }];
    const fetch = connection.request(Apis.Fetch, { replicaId: -1, maxWaitMs: 5_000, minBytes: 1, maxBytes: 1024, isolationLevel: 0, sessionId: 0, sessionEpoch: -1, topics: [{ topic, partitions }], forgottenTopicsData: [], rackId: '' }, { version: 12, timeoutMs: 100 });
    process.nextTick(() => pause(300));
    await assert.rejects(fetch, { code: ClientErrorCode.REQUEST_TIMEOUT });
  } finally {
    connection.close();
  }
});
