/**
 * Exactly-once source support in distributed mode as a user runs it: a `sluice connect
 * distributed` worker with `exactly.once.source.support=enabled` runs a FileStreamSource connector
 * with `exactly.once.support=required` while lines keep being appended to its file; the worker is
 * killed with SIGKILL mid-stream (its open transaction left behind) and started again. A
 * read_committed consumer must see every line exactly once, in order: what the killed task had
 * sent but not committed is aborted, and the restarted task goes on from the offsets of its last
 * committed transaction. The leader wrote the task-count record before the task started. The
 * connector names an offsets topic of its own: the task's transactions write its offsets there
 * (the worker creates it), the worker's topic gets a copy, and `/offsets` reads them; a reset of
 * the stopped connector's offsets comes after a round of zombie fencing and clears both topics.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Consumer } from '@sluice/client';
import { eventually, sluiceBin } from '@sluice/test-kit';
import { restUrlIn } from './cli-support.ts';

const line = (n: number) => `line-${n}`;

describe('exactly-once source support in a distributed worker', () => {
  let dir: string;
  let broker: Broker;
  let workerFile: string;
  const children: ChildProcess[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sluice-connect-eos-'));
    broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
    workerFile = join(dir, 'worker.properties');
    writeFileSync(
      workerFile,
      [
        `bootstrap.servers=${broker.bootstrap}`,
        'group.id=connect-eos',
        'config.storage.topic=connect-eos-configs',
        'offset.storage.topic=connect-eos-offsets',
        'status.storage.topic=connect-eos-status',
        'config.storage.replication.factor=1',
        'offset.storage.replication.factor=1',
        'status.storage.replication.factor=1',
        'offset.storage.partitions=3',
        'status.storage.partitions=1',
        'exactly.once.source.support=enabled',
        'key.converter=org.apache.kafka.connect.storage.StringConverter',
        'value.converter=org.apache.kafka.connect.storage.StringConverter',
        'offset.flush.interval.ms=200',
        'session.timeout.ms=2000',
        'heartbeat.interval.ms=300',
        'scheduled.rebalance.max.delay.ms=0',
        // Port 0: each start binds a free port and prints it (see url); one picked here could be
        // taken by another process before the worker binds it.
        'listeners=http://127.0.0.1:0',
        '',
      ].join('\n'),
    );
  });

  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await broker?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The worker last started: its REST API is where it said it listens. */
  let current: { child: ChildProcess; out: () => string; url: string | undefined } | undefined;

  function startWorker(): { child: ChildProcess; out: () => string } {
    const child = spawn(process.execPath, [sluiceBin, 'connect', 'distributed', workerFile], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    let url: string | undefined;
    // The first lines are kept whole: they say where the REST API is.
    const keep = (d: Buffer) => {
      out = (out + d).slice(-50_000);
      url ??= restUrlIn(out);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const worker = {
      child,
      out: () => out,
      get url() {
        return url;
      },
    };
    current = worker;
    return worker;
  }

  /** The REST API of the worker last started; throws (eventually tries again) until it said where. */
  const url = () => {
    const known = current?.url;
    if (known === undefined) throw new Error('the worker has not said where its REST API is yet');
    return known;
  };

  /** The topic's lines a read_committed consumer sees, from the beginning to the last stable offset. */
  async function committedLines(topic: string): Promise<string[]> {
    const consumer = new Consumer({ bootstrapServers: [broker.bootstrap], isolationLevel: 'read_committed', autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
    try {
      const tp = { topic, partition: 0 };
      consumer.assign([tp]);
      const [end] = await consumer.endOffsets([tp]);
      const out: string[] = [];
      while ((await consumer.position(tp)) < end!.offset) out.push(...(await consumer.poll({ timeoutMs: 200 })).map((r) => r.value!.toString()));
      return out;
    } finally {
      await consumer.close();
    }
  }

  async function taskRunning(): Promise<boolean> {
    const res = await fetch(`${url()}/connectors/eos-lines/status`).catch(() => null);
    if (res === null || res.status !== 200) return false;
    const s = (await res.json()) as { connector: { state: string }; tasks: { state: string }[] };
    return s.connector.state === 'RUNNING' && s.tasks.length === 1 && s.tasks[0].state === 'RUNNING';
  }

  test('SIGKILLed mid-stream and started again: every line once, in order', { timeout: 120_000 }, async () => {
    const topic = 'eos-lines';
    const admin = new Admin({ bootstrapServers: [broker.bootstrap] });
    await admin.createTopics([{ name: topic, numPartitions: 1, replicationFactor: 1 }]).finally(() => admin.close());
    const input = join(dir, 'input.txt');
    let written = 0;
    const append = (count: number) => {
      appendFileSync(input, Array.from({ length: count }, (_, i) => `${line(written + i)}\n`).join(''));
      written += count;
    };
    append(200);
    let first = startWorker();
    await eventually('the worker answers', async () => (await fetch(`${url()}/`).catch(() => null))?.status === 200, 60_000).catch((e: Error) => assert.fail(`${e.message}\n${first.out()}`));
    const config = { 'connector.class': 'FileStreamSource', file: input, topic, 'tasks.max': '1', 'batch.size': '20', 'exactly.once.support': 'required', 'transaction.boundary': 'poll', 'offsets.storage.topic': 'eos-lines-offsets' };
    await eventually('the connector is created', async () => {
      const res = await fetch(`${url()}/connectors/eos-lines/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(config) });
      return res.status === 201 || res.status === 200;
    }, 60_000).catch((e: Error) => assert.fail(`${e.message}\n${first.out()}`));
    await eventually('the task runs', taskRunning, 60_000).catch((e: Error) => assert.fail(`${e.message}\n${first.out()}`));
    // Lines keep coming while the worker dies.
    const appender = setInterval(() => written < 2000 && append(25), 10);
    try {
      await eventually('some lines committed', async () => (await committedLines(topic)).length >= 300, 60_000);
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      first = startWorker();
      await eventually('the task runs again', taskRunning, 60_000).catch((e: Error) => assert.fail(`${e.message}\n${first.out()}`));
      await eventually('every line appended', () => written >= 2000, 60_000);
    } finally {
      clearInterval(appender);
    }
    await eventually('every line committed', async () => (await committedLines(topic)).length >= written, 60_000).catch(async (e: Error) => assert.fail(`${e.message}: ${(await committedLines(topic)).length} of ${written}\n${first.out()}`));
    assert.deepEqual(await committedLines(topic), Array.from({ length: written }, (_, n) => line(n)));
    // The offsets went to the connector's topic, in the transactions; the worker's topic has a copy; /offsets reads them.
    const size = Buffer.byteLength(Array.from({ length: written }, (_, n) => `${line(n)}\n`).join(''));
    const expected = [{ partition: { filename: input }, offset: { position: size } }];
    await eventually('the last offsets in /offsets', async () => JSON.stringify(((await (await fetch(`${url()}/connectors/eos-lines/offsets`)).json()) as { offsets: unknown }).offsets) === JSON.stringify(expected), 30_000).catch(async (e: Error) => assert.fail(`${e.message}: ${await (await fetch(`${url()}/connectors/eos-lines/offsets`)).text()}`));
    const key = JSON.stringify(['eos-lines', { filename: input }]);
    const lastOffset = async (offsetsTopic: string, isolationLevel: 'read_committed' | 'read_uncommitted') => {
      const consumer = new Consumer({ bootstrapServers: [broker.bootstrap], isolationLevel, autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
      try {
        const admin = new Admin({ bootstrapServers: [broker.bootstrap] });
        const partitions = await admin.describeTopics([offsetsTopic]).finally(() => admin.close());
        const tps = partitions[0].partitions.map((p) => ({ topic: offsetsTopic, partition: p.partition }));
        consumer.assign(tps);
        const ends = await consumer.endOffsets(tps);
        let last: string | null = null;
        for (const end of ends) {
          const tp = { topic: offsetsTopic, partition: end.partition };
          while ((await consumer.position(tp)) < end.offset) for (const r of await consumer.poll({ timeoutMs: 200 })) if (r.key?.toString() === key) last = r.value?.toString() ?? null;
        }
        return last;
      } finally {
        await consumer.close();
      }
    };
    assert.equal(await lastOffset('eos-lines-offsets', 'read_committed'), JSON.stringify({ position: size }));
    // The copy is written after the commit, not waited for.
    await eventually('the copy in the worker\'s topic', async () => (await lastOffset('connect-eos-offsets', 'read_uncommitted')) === JSON.stringify({ position: size }), 30_000);
    // Stopped and reset: the leader first fences the last generation's task producers (a round of
    // zombie fencing, recording the task count 0), then removes the offsets from both topics.
    assert.equal((await fetch(`${url()}/connectors/eos-lines/stop`, { method: 'PUT' })).status, 204);
    await eventually('the offsets are reset', async () => (await fetch(`${url()}/connectors/eos-lines/offsets`, { method: 'DELETE' })).status === 200, 30_000).catch((e: Error) => assert.fail(`${e.message}\n${first.out()}`));
    // Empty: removed from the connector's topic and from the worker's, its fallback.
    assert.deepEqual(((await (await fetch(`${url()}/connectors/eos-lines/offsets`)).json()) as { offsets: unknown[] }).offsets, []);
    first.child.kill('SIGTERM');
    // The leader's rounds of zombie fencing recorded the task count (Kafka's record) before the task first started, and before the reset.
    const configs = new Consumer({ bootstrapServers: [broker.bootstrap], autoOffsetReset: 'earliest', fetchMaxWaitMs: 50 });
    try {
      const tp = { topic: 'connect-eos-configs', partition: 0 };
      configs.assign([tp]);
      const [end] = await configs.endOffsets([tp]);
      const records: { key: string; value: string | null }[] = [];
      while ((await configs.position(tp)) < end!.offset) records.push(...(await configs.poll({ timeoutMs: 200 })).map((r) => ({ key: r.key!.toString(), value: r.value?.toString() ?? null })));
      assert.deepEqual(records.filter((r) => r.key === 'tasks-fencing-eos-lines').map((r) => r.value), ['{"task-count":1}', '{"task-count":0}']);
    } finally {
      await configs.close();
    }
  });
});
