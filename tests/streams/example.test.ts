// examples/important-filter as a user runs it: `npm run example:important-filter` with
// KAFKA_BOOTSTRAP_SERVERS pointing at a Sluice broker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { startBroker } from '@sluice/broker';
import { eventually, repoRoot } from '@sluice/test-kit';
import { produce, readTopic } from './support.ts';

test('npm run example:important-filter keeps the important records', async () => {
  const broker = await startBroker({ port: 0, config: { 'group.initial.rebalance.delay.ms': '0' } });
  const child = spawn('npm', ['run', '--silent', 'example:important-filter'], { cwd: repoRoot, env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: broker.bootstrap }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // 'close' waits for every process holding the pipes: npm and the example under it.
  const closed = new Promise<void>((r) => child.on('close', () => r()));
  try {
    await eventually('the example to run', () => out.includes('important-filter: RUNNING'), 60_000).catch((e) => {
      throw new Error(`${e.message}\n${out}`);
    });
    assert.match(out, /Sink: KSTREAM-SINK-0000000002 \(topic: destination-topic\)/);
    await produce(broker.bootstrap, 'source-topic', [
      { key: null, value: 'boring' },
      { key: null, value: 'very important' },
      { key: 'k', value: 'important too' },
    ]);
    const got = await readTopic(broker.bootstrap, 'destination-topic', (rs) => rs.length >= 2);
    assert.deepEqual(got.map((r) => r.value), ['very important', 'important too']);
    // Ctrl-C in a terminal signals the whole process group; the example closes gracefully.
    process.kill(-child.pid!, 'SIGINT');
    await closed;
    assert.match(out, /important-filter: PENDING_SHUTDOWN\nimportant-filter: NOT_RUNNING/);
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
    await broker.close();
  }
});
