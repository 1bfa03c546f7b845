/**
 * Distributed workers facing what others write: records no worker would write in the config,
 * status and offset topics (not JSON, wrong shapes, records for connectors that do not
 * exist, task configs never committed, bytes that are not UTF-8), read both by a running worker and
 * by one starting from the beginning of the topics. Both must log and carry on: answer REST,
 * create a connector through either worker (the 201 meaning its config is in the config topic),
 * run it; a connector whose start or stop never returns holds up nothing else; and both workers
 * stop within a bound once the broker is gone. One in-process broker, two in-process workers.
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

const TOPIC_PREFIX = 'hostile';
const CONFIG_TOPIC = `${TOPIC_PREFIX}-configs`;
const OFFSET_TOPIC = `${TOPIC_PREFIX}-offsets`;
const STATUS_TOPIC = `${TOPIC_PREFIX}-status`;

describe('distributed workers and hostile storage records', () => {
  let dir: string;
  let broker: Broker | null = null;
  const workers: ConnectDistributed[] = [];
  const logs: string[] = [];

  const settings = (): Record<string, string> =>
    distributedWorkerSettings({ bootstrap: broker!.bootstrap, groupId: 'connect-hostile', topicPrefix: TOPIC_PREFIX }, {
      // A task still waiting on a gone broker when asked to stop is abandoned after this long.
      'task.shutdown.graceful.timeout.ms': '1000',
      'plugin.path': join(import.meta.dirname, 'fixtures', 'hanging-plugin.ts'),
    });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-hostile-'));
    broker = await startBroker({ port: 0, dataDir: join(dir, 'data'), config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  });

  after(async () => {
    for (const w of workers) await w.stop().catch(() => undefined);
    await broker?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  async function rest(w: ConnectDistributed, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(new URL(path, w.url), { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
  }

  test('garbage in the three storage topics is logged and passed over by a running and a starting worker', { timeout: 120_000 }, async () => {
    const log = (line: string) => void logs.push(line);
    workers.push(await startConnectDistributed({ worker: settings(), log }));
    const [a] = workers;
    const input = join(dir, 'input.txt');
    writeFileSync(input, 'one\ntwo\nthree\n');
    const producer = new Producer({ bootstrapServers: broker!.bootstrap, acks: 'all' } as never);
    try {
      const text = (s: string) => Buffer.from(s, 'utf8');
      const configGarbage: [string | null, string | null][] = [
        ['connector-not-json', 'not json {'],
        ['connector-bad-properties', '{"properties": 5}'],
        ['connector-array-properties', '{"properties": ["a"]}'],
        ['connector-no-class', '{"properties": {"tasks.max": "1"}}'],
        ['task-ghost-0', '{"properties": {"x": "y"}}'],
        ['commit-ghost', '{"tasks": 1}'],
        ['commit-no-class', '{"tasks": 1000000000000}'],
        ['commit-no-class', '{"tasks": -1}'],
        ['commit-no-class', 'null'],
        ['task-no-class-99999999999999999999', '{"properties": {"a": "b"}}'],
        ['target-state-ghost', '{"state": "STOPPED"}'],
        ['target-state-no-class', '{"state": "SIDEWAYS"}'],
        ['restart-connector-ghost', '{"include-tasks": true, "only-failed": false}'],
        ['restart-connector-no-class', '"yes"'],
        ['tasks-fencing-ghost', 'garbage'],
        ['tasks-fencing-no-class', '{"task-count": 1e400}'],
        ['session-key', '{"key": 7}'],
        ['connector-tombstone-of-nothing', null],
        ['task-', '{}'],
        ['commit-', '[]'],
      ];
      for (const [key, value] of configGarbage) await producer.send({ topic: CONFIG_TOPIC, key: key === null ? null : text(key), value: value === null ? null : text(value) });
      await producer.send({ topic: CONFIG_TOPIC, key: Buffer.from([0xff, 0xfe, 0x00]), value: Buffer.from([0xc3, 0x28]) });
      const statusGarbage: [string | null, string | null][] = [
        ['status-connector-ghost', '[1]'],
        ['status-connector-x', '{"state": "RUNNING", "worker_id": 5, "generation": 1}'],
        ['status-task-ghost-0', '{"state": "DANCING", "worker_id": "w", "generation": 1}'],
        ['status-task-ghost-1', '{"state": "RUNNING", "worker_id": "w", "generation": 1, "trace": 7}'],
        ['status-topic-no-separator', '{}'],
        ['status-task-', 'not json'],
      ];
      for (const [key, value] of statusGarbage) await producer.send({ topic: STATUS_TOPIC, key: key === null ? null : text(key), value: value === null ? null : text(value) });
      for (const partition of [0, 1]) {
        await producer.send({ topic: OFFSET_TOPIC, partition, key: text('not json'), value: text('{"position": "abc"}') });
        await producer.send({ topic: OFFSET_TOPIC, partition, key: text('["hostile-source",{"filename":"elsewhere"}]'), value: text('not json') });
        await producer.send({ topic: OFFSET_TOPIC, partition, key: text('[]'), value: text('{}') });
        await producer.send({ topic: OFFSET_TOPIC, partition, key: text('["source-b", 5]'), value: text('{"position": 1}') });
      }
      // An offset for the very partition source-b's task will read, that no converter can read:
      // as Kafka's OffsetStorageReaderImpl, it is logged and passed over (the task starts from the beginning).
      await producer.send({ topic: OFFSET_TOPIC, partition: 0, key: text(JSON.stringify(['source-b', { filename: input }])), value: text('not json') });
      await producer.send({ topic: OFFSET_TOPIC, partition: 1, key: text(JSON.stringify(['source-a', { filename: input }])), value: text('[1, 2]') });
    } finally {
      await producer.close();
    }

    // A second worker reads all of it from the beginning while it starts.
    workers.push(await startConnectDistributed({ worker: settings(), log }));
    const [, b] = workers;
    await eventually('both workers list the connectors read from the config topic', async () => {
      const [ra, rb] = [await rest(a, 'GET', '/connectors'), await rest(b, 'GET', '/connectors')];
      assert.equal(ra.status, 200);
      assert.deepEqual(rb.body, ra.body);
      assert.ok(ra.body.includes('no-class'), JSON.stringify(ra.body));
      return true;
    });
    // The connector without a class is FAILED where it is assigned, and says why.
    await eventually('the connector without a class is FAILED', async () => {
      const status = await rest(a, 'GET', '/connectors/no-class/status');
      assert.equal(status.body?.connector?.state, 'FAILED', JSON.stringify(status.body));
      return true;
    });

    // A connector created through each worker: the 201 means its config is in the config topic.
    for (const [w, name] of [[a, 'source-a'], [b, 'source-b']] as const) {
      // 409 while the group rebalances (no leader known), as Kafka answers: a client tries again.
      await eventually(`${name} created`, async () => {
        const created = await rest(w, 'POST', '/connectors', { name, config: { 'connector.class': 'FileStreamSource', file: input, topic: `out-${name}`, 'tasks.max': '1' } });
        if (created.status === 409 && String(created.body?.message).includes('rebalance')) return false;
        assert.equal(created.status, 201, JSON.stringify(created.body));
        return true;
      });
    }
    const seen = await readConfigTopicKeys(broker!.bootstrap);
    for (const name of ['source-a', 'source-b']) assert.ok(seen.includes(`connector-${name}`), `connector-${name} is in the config topic: ${seen.join(', ')}`);
    await eventually('both connectors and their tasks RUNNING, as each worker sees them', async () => {
      for (const w of workers) {
        for (const name of ['source-a', 'source-b']) {
          const status = await rest(w, 'GET', `/connectors/${name}/status`);
          assert.equal(status.body?.connector?.state, 'RUNNING', JSON.stringify(status.body));
          assert.equal(status.body?.tasks?.[0]?.state, 'RUNNING', JSON.stringify(status.body));
        }
      }
      return true;
    });
    // Each task read its whole file (the unreadable stored offsets were passed over), and /offsets lists what it committed since.
    for (const name of ['source-a', 'source-b']) assert.deepEqual(await readValues(broker!.bootstrap, `out-${name}`, 3), ['one', 'two', 'three'], name);
    await eventually('each source lists the offset its task committed', async () => {
      for (const name of ['source-a', 'source-b']) {
        const offsets = await rest(a, 'GET', `/connectors/${name}/offsets`);
        assert.equal(offsets.status, 200, JSON.stringify(offsets.body));
        assert.deepEqual(offsets.body.offsets, [{ partition: { filename: input }, offset: { position: 14 } }], name);
      }
      return true;
    });
    assert.ok(logs.some((l) => l.includes('CRITICAL') && l.includes('"source-b"')), 'the unreadable offset of source-b is logged');
    // A DELETE answered is in the config topic too.
    assert.equal((await rest(b, 'DELETE', '/connectors/source-a')).status, 204);
    const after = await readConfigTopicRecords(broker!.bootstrap);
    assert.equal(after.filter(([k]) => k === 'connector-source-a').at(-1)?.[1], null, 'the deletion is the last record of connector-source-a');
  });

  test('a connector whose start or stop never returns leaves the workers serving every other request', { timeout: 120_000 }, async () => {
    const [a, b] = workers;
    const create = (w: ConnectDistributed, name: string, config: Record<string, string>) =>
      eventually(`${name} created`, async () => {
        const created = await rest(w, 'POST', '/connectors', { name, config: { 'tasks.max': '1', ...config } });
        if (created.status === 409 && String(created.body?.message).includes('rebalance')) return false;
        assert.equal(created.status, 201, JSON.stringify(created.body));
        return true;
      });
    const running = (names: string[]) =>
      eventually(`${names.join(', ')} RUNNING`, async () => {
        for (const w of workers) {
          for (const name of names) {
            const status = await rest(w, 'GET', `/connectors/${name}/status`);
            assert.equal(status.body?.connector?.state, 'RUNNING', `${name}: ${JSON.stringify(status.body)}`);
            assert.equal(status.body?.tasks?.[0]?.state, 'RUNNING', `${name}: ${JSON.stringify(status.body)}`);
          }
        }
        return true;
      });
    await create(a, 'hang-on-stop', { 'connector.class': 'test.HangingSource', hang: 'stop' });
    await running(['hang-on-stop']);
    await create(b, 'hang-on-start', { 'connector.class': 'test.HangingSource', hang: 'start' });
    assert.equal((await rest(b, 'DELETE', '/connectors/hang-on-stop')).status, 204);
    // Whichever worker was handed them, both go on creating, running, pausing and deleting the others.
    const names = ['after-1', 'after-2'];
    for (const name of names) await create(name === 'after-2' ? a : b, name, { 'connector.class': 'test.HangingSource', hang: 'none' });
    await running(names);
    assert.equal((await rest(a, 'PUT', '/connectors/after-1/pause')).status, 202);
    await eventually('after-1 PAUSED', async () => (await rest(b, 'GET', '/connectors/after-1/status')).body?.connector?.state === 'PAUSED');
    for (const name of names) assert.equal((await rest(b, 'DELETE', `/connectors/${name}`)).status, 204);
    assert.ok(logs.some((l) => l.includes('hang-on-stop') && l.includes('did not stop')), 'the connector that did not stop is logged');
  });

  test('workers stop within a bound once the broker is gone', { timeout: 120_000 }, async () => {
    assert.equal(workers.length, 2);
    // A source writing as fast as it can while the broker goes: its task has records in flight and offsets to commit when asked to stop.
    const [a] = workers;
    await eventually('busy-source created', async () => {
      const created = await rest(a, 'POST', '/connectors', { name: 'busy-source', config: { 'connector.class': 'dev.sluice.connect.DataGeneratorSourceConnector', kind: 'orders', topic: 'busy', rate: '0', 'tasks.max': '2' } });
      if (created.status === 409 && String(created.body?.message).includes('rebalance')) return false;
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return true;
    });
    await eventually('busy-source tasks RUNNING', async () => {
      const status = await rest(a, 'GET', '/connectors/busy-source/status');
      assert.ok(status.body?.tasks?.length > 0 && status.body.tasks.every((t: { state: string }) => t.state === 'RUNNING'), JSON.stringify(status.body));
      return true;
    });
    await broker!.close();
    broker = null;
    const started = Date.now();
    const bound = 60_000;
    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      Promise.all(workers.splice(0).map((w) => w.stop())).then(() => 'stopped'),
      new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still stopping'), bound))),
    ]);
    clearTimeout(timer);
    assert.equal(outcome, 'stopped', `both workers stop within ${bound} ms of being asked with no broker (took ${Date.now() - started} ms)`);
  });
});

async function readConfigTopicRecords(bootstrap: string): Promise<[string, string | null][]> {
  const consumer = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest', enableAutoCommit: false } as never);
  try {
    consumer.assign([{ topic: CONFIG_TOPIC, partition: 0 }]);
    consumer.seekToBeginning();
    const [{ offset: end }] = await consumer.endOffsets([{ topic: CONFIG_TOPIC, partition: 0 }]);
    const out: [string, string | null][] = [];
    while ((await consumer.position({ topic: CONFIG_TOPIC, partition: 0 })) < end) {
      for (const r of await consumer.poll({ timeoutMs: 500 })) out.push([r.key?.toString('utf8') ?? '', r.value?.toString('utf8') ?? null]);
    }
    return out;
  } finally {
    await consumer.close();
  }
}

async function readConfigTopicKeys(bootstrap: string): Promise<string[]> {
  return (await readConfigTopicRecords(bootstrap)).map(([k]) => k);
}

async function readValues(bootstrap: string, topic: string, count: number): Promise<string[]> {
  const consumer = new Consumer({ bootstrapServers: bootstrap, autoOffsetReset: 'earliest', enableAutoCommit: false } as never);
  try {
    consumer.assign([{ topic, partition: 0 }]);
    consumer.seekToBeginning();
    const out: string[] = [];
    await eventually(`${count} records in ${topic}`, async () => {
      for (const r of await consumer.poll({ timeoutMs: 500 })) out.push(r.value?.toString('utf8') ?? '');
      return out.length >= count;
    });
    return out;
  } finally {
    await consumer.close();
  }
}
