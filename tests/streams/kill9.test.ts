// Two instances of one application as separate OS processes sharing a 6-partition input; one is
// killed with kill -9 mid-stream. The other takes over its tasks, and every input record
// reaches the output at least once: none is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { startBroker } from '@sluice/broker';
import { Producer } from '@sluice/client';
import { eventually, onJsonLines, repoRoot } from '@sluice/test-kit';
import { createTopics, readTopic } from './support.ts';

interface Instance {
  child: ChildProcess;
  state: string;
  tasks: string[];
  output: () => string;
  exited: Promise<void>;
}

function startInstance(bootstrap: string, app: string): Instance {
  const child = spawn(process.execPath, ['--conditions=sluice:source', join(repoRoot, 'tests/streams/fixtures/instance.ts'), bootstrap, app, 'k9-input', 'k9-output'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const instance: Instance = { child, state: 'CREATED', tasks: [], output: () => out, exited: new Promise((r) => child.on('exit', () => r())) };
  child.stdout!.on('data', (d) => (out += d));
  onJsonLines(child.stdout!, (msg: { state?: string; tasks?: string[] }) => {
    if (msg.state) instance.state = msg.state;
    if (msg.tasks) instance.tasks = msg.tasks;
  });
  child.stderr!.on('data', (d) => (out += d));
  return instance;
}

test('kill -9 of one of two instances: the other takes over and no input record is lost', async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0', 'group.min.session.timeout.ms': '1000' } });
  const instances: Instance[] = [];
  const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 5 });
  try {
    await createTopics(broker.bootstrap, [
      { name: 'k9-input', partitions: 6 },
      { name: 'k9-output', partitions: 6 },
    ]);
    instances.push(startInstance(broker.bootstrap, 'k9-app'), startInstance(broker.bootstrap, 'k9-app'));
    const [a, b] = instances;
    await eventually(
      'both instances to run three tasks each',
      () => a.state === 'RUNNING' && b.state === 'RUNNING' && a.tasks.length === 3 && b.tasks.length === 3,
      60_000,
    ).catch((e) => {
      throw new Error(`${e.message}\nA: ${a.state} ${a.tasks}\n${a.output()}\nB: ${b.state} ${b.tasks}\n${b.output()}`);
    });

    // Produce in steady chunks; kill A a third of the way in, while records keep coming.
    const total = 3000;
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < total; i += 100) {
      if (i === 1000) {
        // A must have written output before it dies, or the test would not show a take-over: on a
        // loaded machine the first thousand records can all still be on their way when A is killed.
        const byA = await readTopic(broker.bootstrap, 'k9-output', (rs) => rs.some((r) => r.value!.endsWith(` via ${a.child.pid}`)), 60_000);
        assert.ok(byA.some((r) => r.value!.endsWith(` via ${a.child.pid}`)), `A wrote no output within 60 s\nA: ${a.state} ${a.tasks}\n${a.output()}`);
        a.child.kill('SIGKILL');
        await a.exited;
      }
      for (let j = i; j < i + 100; j++) sends.push(producer.send({ topic: 'k9-input', key: `key-${j % 50}`, value: `record-${j}` }));
      await new Promise((r) => setTimeout(r, 30));
    }
    await Promise.all(sends);

    await eventually('the surviving instance to own all six tasks', () => b.tasks.length === 6, 60_000).catch((e) => {
      throw new Error(`${e.message}\nB: ${b.state} ${b.tasks}\n${b.output()}`);
    });
    const expected = new Set(Array.from({ length: total }, (_, i) => `record-${i}`));
    const seen = new Set<string>();
    const out = await readTopic(
      broker.bootstrap,
      'k9-output',
      (rs) => {
        for (const r of rs) seen.add(r.value!.split(' via ')[0]);
        return [...expected].every((v) => seen.has(v));
      },
      60_000,
    );
    const missing = [...expected].filter((v) => !seen.has(v));
    assert.deepEqual(missing.slice(0, 20), [], `${missing.length} input records never reached the output\nB: ${b.state} ${b.tasks}\n${b.output()}\nA:\n${a.output()}`);
    // Both instances wrote output; duplicates (records A processed but had not committed) are allowed.
    const writers = new Set(out.map((r) => r.value!.split(' via ')[1]));
    assert.ok(writers.has(String(a.child.pid)) && writers.has(String(b.child.pid)), `outputs came from ${[...writers].join(', ')}`);
    assert.ok(out.length >= total);
  } finally {
    for (const i of instances) if (i.child.exitCode === null && i.child.signalCode === null) i.child.kill('SIGKILL');
    await Promise.all(instances.map((i) => i.exited));
    await producer.close();
    await broker.close();
  }
});
