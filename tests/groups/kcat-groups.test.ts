// kcat (librdkafka) balanced consumer groups: three members over six partitions read every record
// once, and committed offsets hold across a restart of the consumers and of the broker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Apis } from '@sluice/protocol';
import { startBroker, type Broker } from '@sluice/broker';
import { eventually, kcat, RawConnection } from '@sluice/test-kit';

/** kcat's -o would override committed offsets; auto.offset.reset only applies where there are none. */
class KcatMember {
  readonly values: string[] = [];
  readonly exited: Promise<number | null>;
  readonly child: ChildProcess;
  constructor(bootstrap: string, group: string, topic: string) {
    this.child = spawn('kcat', ['-b', bootstrap, '-G', group, topic, '-X', 'auto.offset.reset=earliest', '-q', '-u', '-f', '%s\n', '-X', 'session.timeout.ms=6000', '-X', 'heartbeat.interval.ms=500'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    this.child.stdout!.on('data', (d) => {
      buffer += d;
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      this.values.push(...lines.filter((l) => l !== ''));
    });
    // 'close', not 'exit': Node may emit 'exit' before the last records kcat printed have been read.
    this.exited = new Promise((resolve) => this.child.on('close', resolve));
  }
  /** SIGTERM: kcat closes the consumer, which commits and leaves the group. */
  stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

async function stableMembers(port: number, group: string): Promise<number> {
  const c = await RawConnection.open(port);
  try {
    const r = await c.request(Apis.DescribeGroups, 5, { groups: [group], includeAuthorizedOperations: false });
    const g = r.groups[0];
    return g.groupState === 'Stable' ? g.members.length : -1;
  } finally {
    c.close();
  }
}

async function produce(bootstrap: string, topic: string, from: number, count: number): Promise<void> {
  const lines = Array.from({ length: count }, (_, i) => `r${from + i}`).join('\n') + '\n';
  await kcat(['-b', bootstrap, '-P', '-t', topic, '-p', '-1'], lines);
}

async function round(broker: Broker, topic: string, from: number, count: number): Promise<string[]> {
  const members = [0, 1, 2].map(() => new KcatMember(broker.bootstrap, 'kcat-group', topic));
  let members3 = -1;
  const deadline = Date.now() + 60_000;
  while (members3 !== 3 && Date.now() < deadline) {
    members3 = await stableMembers(broker.port, 'kcat-group');
    if (members3 !== 3) await new Promise((r) => setTimeout(r, 200));
  }
  assert.equal(members3, 3, 'three kcat members form a stable group');
  await produce(broker.bootstrap, topic, from, count);
  await eventually(`${count} records consumed`, () => members.reduce((n, m) => n + m.values.length, 0) >= count);
  await new Promise((r) => setTimeout(r, 500)); // let any duplicate show up before stopping
  await Promise.all(members.map((m) => m.stop()));
  return members.flatMap((m) => m.values);
}

test('kcat balanced consumer groups: every record once, and commits survive restarts', { timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-kcat-groups-'));
  // Port 0 for the first start: the broker binds a free port (one picked beforehand could be taken
  // by another process first); the restart below takes the same one again.
  let broker = await startBroker({ port: 0, dataDir, config: { 'num.partitions': '6', 'group.initial.rebalance.delay.ms': '0' } });
  const port = broker.port;
  try {
    const topic = 'kcat-grouped';
    await kcat(['-b', broker.bootstrap, '-L', '-t', topic]); // auto-created with 6 partitions
    const first = await round(broker, topic, 0, 600);
    assert.equal(first.length, 600, 'each record once');
    assert.equal(new Set(first).size, 600);
    // The consumers restart: they resume after what they committed.
    const second = await round(broker, topic, 600, 60);
    assert.deepEqual(second.sort(), Array.from({ length: 60 }, (_, i) => `r${600 + i}`).sort());
    // The broker restarts: the commits were durable.
    await broker.close();
    broker = await startBroker({ port, dataDir, config: { 'num.partitions': '6', 'group.initial.rebalance.delay.ms': '0' } });
    const third = await round(broker, topic, 660, 60);
    assert.deepEqual(third.sort(), Array.from({ length: 60 }, (_, i) => `r${660 + i}`).sort());
  } finally {
    await broker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
