/**
 * The Connect leader's transactional writes to the config topic (KIP-618's fencable writer), with
 * the worker's `exactly.once.source.support=preparing`, on a Sluice broker with one in-process
 * worker. Preparing, as Kafka's: the leader writes through a producer with `transactional.id`
 * `connect-cluster-<group.id>` while source tasks still run at least once (no round of zombie
 * fencing, no task-count record). Another producer with that id (a leader elected elsewhere, as
 * far as this worker can tell) fences it: its next write fails with Kafka's retriable error, and it
 * rejoins the group; still the leader, it claims the topic again, which fences the other in turn,
 * and the write goes through when retried.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Consumer, Producer } from '@sluice/client';
import { startConnectDistributed, type ConnectDistributed } from '@sluice/connect';
import { eventually } from '@sluice/test-kit';
import { distributedWorkerSettings } from './support.ts';

const TOPIC_PREFIX = 'fencing';
const CONFIG_TOPIC = `${TOPIC_PREFIX}-configs`;

describe('the Connect leader\'s transactional config writes (exactly.once.source.support=preparing)', () => {
  let dir: string;
  let broker: Broker;
  let worker: ConnectDistributed | null = null;
  const logs: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-leader-fencing-'));
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  });

  after(async () => {
    await worker?.stop().catch(() => undefined);
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function put(name: string, config: Record<string, string>): Promise<{ status: number; body: { message?: string } }> {
    const res = await fetch(new URL(`/connectors/${name}/config`, worker!.url), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
    return { status: res.status, body: (await res.json()) as { message?: string } };
  }

  /** The config topic's records as a read_committed consumer sees them. */
  async function committedConfigRecords(): Promise<{ key: string; value: string | null }[]> {
    const consumer = new Consumer({ bootstrapServers: [broker.bootstrap], isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
    try {
      const tp = { topic: CONFIG_TOPIC, partition: 0 };
      consumer.assign([tp]);
      const [end] = await consumer.endOffsets([tp]);
      const out: { key: string; value: string | null }[] = [];
      while ((await consumer.position(tp)) < end!.offset) out.push(...(await consumer.poll({ timeoutMs: 200 })).map((r) => ({ key: r.key!.toString(), value: r.value?.toString() ?? null })));
      return out;
    } finally {
      await consumer.close();
    }
  }

  test('a fenced leader stops writing, rejoins, claims the topic again (fencing the other) and writes', { timeout: 120_000 }, async () => {
    worker = await startConnectDistributed({
      worker: distributedWorkerSettings(
        { bootstrap: broker.bootstrap, groupId: 'connect-fencing', topicPrefix: TOPIC_PREFIX },
        { 'offset.storage.partitions': '1', 'exactly.once.source.support': 'preparing' },
      ),
      log: (line) => void logs.push(line),
    });
    const input = join(dir, 'input.txt');
    writeFileSync(input, 'one\ntwo\nthree\n');
    const source = { 'connector.class': 'FileStreamSource', file: input, topic: 'fencing-lines', 'tasks.max': '1' };
    await eventually('the worker leads and creates the connector', async () => (await put('lines', source)).status === 201, 60_000).catch((e: Error) => assert.fail(`${e.message}\n${logs.join('\n')}`));
    // Preparing: the task runs at least once, so there is no round of zombie fencing before it starts.
    await eventually('the task has committed its offset', async () => {
      const res = await fetch(new URL('/connectors/lines/offsets', worker!.url));
      return res.status === 200 && ((await res.json()) as { offsets: unknown[] }).offsets.length === 1;
    }, 60_000).catch((e: Error) => assert.fail(`${e.message}\n${logs.join('\n')}`));

    // Another producer with the leader's transactional id fences this worker's.
    const other = new Producer({ bootstrapServers: [broker.bootstrap], transactionalId: 'connect-cluster-connect-fencing', retryBackoffMs: 10, retryBackoffMaxMs: 50 });
    try {
      await other.initTransactions();
      const fenced = await put('second', { ...source, topic: 'fencing-second' });
      assert.equal(fenced.status, 500, JSON.stringify(fenced.body));
      assert.match(fenced.body.message ?? '', /Failed to write to config topic; this may be due to a transient error and the request can be safely retried/);
      // It rejoins the group and, still the leader, claims the topic again: the request goes through when retried.
      await eventually('the write goes through again', async () => (await put('second', { ...source, topic: 'fencing-second' })).status === 201, 60_000).catch((e: Error) => assert.fail(`${e.message}\n${logs.join('\n')}`));
      assert.ok(logs.some((l) => /rejoining the group/.test(l)), logs.join('\n'));
      // The claim fenced the other producer in turn: it can commit nothing more.
      await assert.rejects(async () => {
        other.beginTransaction();
        await other.send({ topic: CONFIG_TOPIC, key: 'connector-ghost', value: '{"properties":{}}' });
        await other.commitTransaction();
      });
    } finally {
      await other.close().catch(() => undefined);
    }
    const records = await committedConfigRecords();
    assert.deepEqual(records.filter((r) => r.key.startsWith('connector-')).map((r) => r.key), ['connector-lines', 'connector-second']);
    assert.deepEqual(records.filter((r) => r.key.startsWith('tasks-fencing-')), []);
  });
});
