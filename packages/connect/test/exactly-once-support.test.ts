// The distributed herder's side of exactly-once source support, on a Sluice broker, with the
// config topic's view held here: a task's settings (Kafka's transactional id, the offsets topic),
// the leader's round of zombie fencing (the previous generation's producers fenced, then the task
// count recorded; nothing to fence the first time or from one task to one), concurrent requests
// sharing one round, and a worker that is not the leader asking the leader over REST.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, KafkaError, Producer } from '@sluice/client';
import type { ConnectorConfig } from '@sluice/connect-api';
import { ExactlyOnceSupport, type ExactlyOnceHost } from '../src/distributed/exactly-once-support.ts';
import { RestClient } from '../src/runtime/rest-client.ts';
import type { FencingState } from '../src/distributed/zombie-fencing.ts';

let broker: Broker;
let admin: Admin;
before(async () => {
  broker = await startBroker({ port: 0 });
  admin = new Admin({ bootstrapServers: [broker.bootstrap] });
  await admin.createTopics([{ name: 'eos-support', numPartitions: 1, replicationFactor: 1 }]);
});
after(async () => {
  await admin.close();
  await broker.close();
});

function host(state: FencingState, leader: { isLeader: boolean; url: string | null } = { isLeader: true, url: null }) {
  const recorded: [string, number][] = [];
  const h: ExactlyOnceHost & { log?: (line: string) => void } = {
    groupId: 'cluster',
    workerOffsetsTopic: 'connect-offsets',
    admin: () => admin,
    connectorConfig: (c): ConnectorConfig | undefined => (c === 'src' ? { name: 'src', 'connector.class': 'X' } : c === 'own' ? { name: 'own', 'offsets.storage.topic': 'own-offsets' } : undefined),
    fencingState: () => state,
    refresh: async () => undefined,
    isLeader: () => leader.isLeader,
    leaderUrl: () => leader.url,
    signedRequest: (url, method, body, timeoutMs) => new RestClient().request(url, { method, body, timeoutMs }),
    putTaskCountRecord: async (c, n) => {
      recorded.push([c, n]);
      state = { pendingFencing: false, taskCountRecord: n, taskCount: state.taskCount };
    },
  };
  return { h, recorded };
}

/** A transactional producer of a task with a transaction open, as a zombie would have. */
async function openTransaction(transactionalId: string): Promise<Producer> {
  const p = new Producer({ bootstrapServers: [broker.bootstrap], transactionalId, retryBackoffMs: 10, retryBackoffMaxMs: 50 });
  await p.initTransactions();
  p.beginTransaction();
  await p.send({ topic: 'eos-support', value: 'zombie' });
  return p;
}

test('task settings: Kafka\'s transactional id, the connector\'s own offsets topic (made ready after fencing) else the worker\'s; none when not enabled', async () => {
  const { h } = host({ pendingFencing: false, taskCountRecord: null, taskCount: 1 });
  const readied: string[] = [];
  const copied: ReadonlyMap<string, string | null>[] = [];
  h.connectorOffsetsTopic = (c) => (c === 'own' ? { topic: 'own-offsets', ready: async () => void readied.push(c), copyToWorkerStore: (o) => void copied.push(o) } : null);
  const eos = new ExactlyOnceSupport('enabled', h);
  assert.equal(eos.taskSettings({ connector: 'src', task: 2 })!.transactionalId, 'cluster-src-2');
  assert.equal(eos.taskSettings({ connector: 'src', task: 0 })!.offsetsTopic, 'connect-offsets');
  assert.equal(eos.taskSettings({ connector: 'src', task: 0 })!.afterCommit, undefined);
  const own = eos.taskSettings({ connector: 'own', task: 0 })!;
  assert.equal(own.offsetsTopic, 'own-offsets');
  await own.beforeProducer!();
  assert.deepEqual(readied, ['own']);
  // What a transaction committed to the connector's topic is copied to the worker's.
  own.afterCommit!(new Map([['k', 'v']]));
  assert.deepEqual(copied, [new Map([['k', 'v']])]);
  assert.equal(new ExactlyOnceSupport('preparing', h).taskSettings({ connector: 'src', task: 0 }), undefined);
  assert.equal(new ExactlyOnceSupport('disabled', h).taskSettings({ connector: 'src', task: 0 }), undefined);
});

test('the leader fences the previous generation\'s task producers, then records the task count; concurrent requests share the round', async () => {
  const zombies = await Promise.all([openTransaction('cluster-src-0'), openTransaction('cluster-src-1')]);
  try {
    const { h, recorded } = host({ pendingFencing: true, taskCountRecord: 2, taskCount: 1 });
    const eos = new ExactlyOnceSupport('enabled', h);
    await Promise.all([eos.fenceZombies('src'), eos.fenceZombies('src')]);
    assert.deepEqual(recorded, [['src', 1]]);
    for (const z of zombies) await assert.rejects(z.commitTransaction(), (e: unknown) => e instanceof KafkaError);
    // Nothing pending now: no second round.
    await eos.fenceZombies('src');
    assert.deepEqual(recorded, [['src', 1]]);
    await assert.rejects(eos.fenceZombies('gone'), /Connector gone not found/);
  } finally {
    for (const z of zombies) await z.close();
  }
});

test('first generation, or one task to one: nothing fenced, the count recorded', async () => {
  const zombie = await openTransaction('cluster-src-0');
  try {
    for (const state of [{ pendingFencing: true, taskCountRecord: null, taskCount: 3 }, { pendingFencing: true, taskCountRecord: 1, taskCount: 1 }]) {
      const { h, recorded } = host(state);
      await new ExactlyOnceSupport('enabled', h).fenceZombies('src');
      assert.deepEqual(recorded, [['src', state.taskCount]]);
    }
    await zombie.commitTransaction(); // not fenced
  } finally {
    await zombie.close();
  }
});

test('a worker that is not the leader asks the leader; without a leader it is a conflict', async () => {
  const leaderSide = host({ pendingFencing: true, taskCountRecord: null, taskCount: 2 });
  const leader = new ExactlyOnceSupport('enabled', leaderSide.h);
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(`${req.method} ${req.url}`);
    leader.fenceAsLeader(decodeURIComponent(req.url!.split('/')[2])).then(
      () => res.writeHead(204).end(),
      (e: Error) => res.writeHead(500).end(e.message),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const follower = new ExactlyOnceSupport('enabled', host({ pendingFencing: true, taskCountRecord: null, taskCount: 2 }, { isLeader: false, url }).h);
    await follower.fenceZombies('src');
    assert.deepEqual(asked, ['PUT /connectors/src/fence?forward=true']);
    assert.deepEqual(leaderSide.recorded, [['src', 2]]);
    const orphan = new ExactlyOnceSupport('enabled', host({ pendingFencing: true, taskCountRecord: null, taskCount: 2 }, { isLeader: false, url: null }).h);
    await assert.rejects(orphan.fenceZombies('src'), (e: unknown) => (e as { status?: number }).status === 409);
  } finally {
    server.close();
  }
});
