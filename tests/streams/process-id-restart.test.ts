// An instance of an exactly_once_v2 application killed with kill -9 inside a transaction, then
// started again on the same state.dir: it keeps its process id (kafka-streams-process-metadata),
// so its transactional id is the killed one's, and its producer's InitProducerId aborts the open
// transaction at once. The transaction timeout is 10 minutes: had the restart come up with a new
// id, the open transaction would hold the last stable offset of the output and the changelog
// (and with it the changelog restore, which reads to the log end) far past this test's timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { Admin, Consumer } from '@sluice/client';
import { eventually, onJsonLines, repoRoot } from '@sluice/test-kit';
import { createTopics, produce } from './support.ts';

const APP = 'pid-app';
const INPUT = 'pid-input';
const OUTPUT = 'pid-output';
const CHANGELOG = `${APP}-pid-counts-changelog`;

interface Instance {
  child: ChildProcess;
  processId: string | null;
  state: string;
  output: () => string;
  exited: Promise<void>;
}

function startInstance(bootstrap: string, stateDir: string, delayMs: number, commitIntervalMs: number): Instance {
  const child = spawn(process.execPath, ['--conditions=sluice:source', join(repoRoot, 'tests/streams/fixtures/process-id-instance.ts'), bootstrap, APP, INPUT, OUTPUT, stateDir, String(delayMs), String(commitIntervalMs)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const instance: Instance = { child, processId: null, state: 'CREATED', output: () => out, exited: new Promise((r) => child.on('exit', () => r())) };
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  onJsonLines(child.stdout!, (msg: { processId?: string; state?: string }) => {
    if (msg.processId) instance.processId = msg.processId;
    if (msg.state) instance.state = msg.state;
  });
  return instance;
}

/** Per partition of the topics: [last stable offset, high watermark]. */
async function stableAndEnd(admin: Admin): Promise<Map<string, [bigint, bigint]>> {
  const query = [OUTPUT, CHANGELOG].map((topic) => ({ topic, partition: 0, spec: 'latest' as const }));
  const stable = await admin.listOffsets(query, { isolationLevel: 'read_committed' });
  const end = await admin.listOffsets(query);
  return new Map(stable.map((s, i) => [s.topic, [s.offset, end[i].offset]]));
}

test('restarted on its state.dir, an exactly_once_v2 instance keeps its process id and aborts its killed predecessor\'s open transaction at once', { timeout: 60_000 }, async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  const stateDir = mkdtempSync(join(tmpdir(), 'process-id-restart-'));
  const admin = new Admin({ bootstrapServers: broker.bootstrap });
  const instances: Instance[] = [];
  try {
    await createTopics(broker.bootstrap, [
      { name: INPUT, partitions: 1 },
      { name: OUTPUT, partitions: 1 },
    ]);
    const keys = ['a', 'b', 'c'];
    const inputs = Array.from({ length: 60 }, (_, i) => ({ key: keys[i % keys.length], value: String(i) }));
    await produce(broker.bootstrap, INPUT, inputs);

    // 1. The first instance counts slowly (50 ms a record) and commits only every 10 minutes; it is
    //    killed once records of its open transaction are in the output and the changelog.
    const first = startInstance(broker.bootstrap, stateDir, 50, 600_000);
    instances.push(first);
    await eventually('the first instance to print its process id', () => first.processId !== null, 30_000);
    const persisted = JSON.parse(readFileSync(join(stateDir, APP, 'kafka-streams-process-metadata'), 'utf8')) as { processId: string };
    assert.equal(persisted.processId, first.processId, 'the process id is in the state directory');
    await eventually(
      'a transaction of the first instance open on the output and the changelog',
      async () => {
        if (first.state === 'ERROR') throw new Error(first.output());
        const offsets = await stableAndEnd(admin).catch(() => null);
        return offsets !== null && [...offsets.values()].every(([stable, end]) => end - stable >= 3n);
      },
      40_000,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${first.output()}`);
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const left = await stableAndEnd(admin);
    assert.ok([...left.values()].every(([stable, end]) => stable < end), `the killed instance left its transaction open: ${JSON.stringify([...left], (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);

    // 2. Restarted on the same state.dir: same process id (so the same transactional id), and the
    //    open transaction is aborted when its producer starts, not after the 10-minute timeout.
    const second = startInstance(broker.bootstrap, stateDir, 0, 100);
    instances.push(second);
    await eventually('the restarted instance to print its process id', () => second.processId !== null, 30_000);
    assert.equal(second.processId, first.processId, 'a restart on the same state.dir keeps the process id');
    await eventually(
      'the last stable offsets to pass the killed instance\'s records',
      async () => {
        if (second.state === 'ERROR') throw new Error(second.output());
        const offsets = await stableAndEnd(admin).catch(() => null);
        return offsets !== null && [...offsets].every(([topic, [stable]]) => stable > left.get(topic)![1]);
      },
      40_000,
    ).catch((e) => {
      throw new Error(`${(e as Error).message}\n${second.output()}`);
    });

    // 3. Exactly once: read_committed, each key's counts are 1..20, once each, in order (the aborted records are skipped).
    const consumer = new Consumer({ bootstrapServers: broker.bootstrap, autoOffsetReset: 'earliest', isolationLevel: 'read_committed' });
    const counts = new Map<string, string[]>(keys.map((k) => [k, []]));
    try {
      consumer.assign([{ topic: OUTPUT, partition: 0 }]);
      await eventually('every count committed', async () => {
        for (const r of await consumer.poll({ timeoutMs: 200 })) counts.get(r.key!.toString())!.push(r.value!.toString());
        return keys.every((k) => counts.get(k)!.length >= 20);
      }, 30_000).catch(() => {});
    } finally {
      await consumer.close();
    }
    for (const k of keys) assert.deepEqual(counts.get(k), Array.from({ length: 20 }, (_, i) => String(i + 1)), `key ${k}: each count once, in order`);
  } finally {
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    await admin.close();
    await broker.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
});
