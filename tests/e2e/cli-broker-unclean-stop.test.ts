// `sluice broker` when a partition's files cannot be written, with /dev/full (the kernel's device
// whose every write fails with ENOSPC) standing in for a full disk. An append that hits it is
// refused and the broker's log says so, with the partition and what to do; stopped with SIGTERM,
// the other partitions are closed cleanly, the failure is named, the process exits 3 rather than
// dying on an unhandled error, and the next start has every acknowledged record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, Producer } from '@sluice/client';
import { startBrokerProcess, type BrokerProcess } from '@sluice/test-kit';
import { runSluice } from './run-sluice.ts';

test('SIGTERM with a partition that cannot be closed: exit code 3 naming it, the rest closed cleanly, nothing acknowledged lost', async () => {
  assert.ok(existsSync('/dev/full'), 'this test needs Linux /dev/full');
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-unclean-'));
  let broker: BrokerProcess | undefined;
  let again: BrokerProcess | undefined;
  try {
    // Port 0: the broker chooses (one picked beforehand may be taken before it binds it); the restart takes the same.
    broker = await startBrokerProcess(0, dataDir);
    const port = broker.port;
    const bootstrap = `127.0.0.1:${port}`;
    const admin = new Admin({ bootstrapServers: bootstrap });
    await admin.createTopics([{ name: 'stuck', numPartitions: 1 }, { name: 'fine', numPartitions: 1 }]);
    await admin.close();
    const producer = new Producer({ bootstrapServers: bootstrap, acks: 'all' });
    for (let i = 0; i < 10; i++) await Promise.all([producer.send({ topic: 'stuck', value: `s${i}` }), producer.send({ topic: 'fine', value: `f${i}` })]);
    await producer.close();

    symlinkSync('/dev/full', join(dataDir, 'stuck-0', '.clean-shutdown.tmp'));
    broker.child.kill('SIGTERM');
    assert.equal(await broker.exited, 3, broker.output());
    assert.match(broker.output(), /ERROR \[sluice\] closing stuck-0 failed: Closing the log \S+stuck-0 failed/);
    assert.match(broker.output(), /sluice broker: stopped, but not cleanly: 1 of \d+ partitions could not be closed cleanly \(stuck-0\); the others were\./);
    assert.doesNotMatch(broker.output(), /Stopped cleanly|UnhandledPromiseRejection|\n\s+at /);
    assert.equal(existsSync(join(dataDir, 'stuck-0', '.clean-shutdown')), false);
    assert.ok(existsSync(join(dataDir, 'fine-0', '.clean-shutdown')), 'the other partition was closed cleanly');

    rmSync(join(dataDir, 'stuck-0', '.clean-shutdown.tmp'));
    again = await startBrokerProcess(port, dataDir);
    for (const [topic, prefix] of [['stuck', 's'], ['fine', 'f']]) {
      const r = await runSluice(['consume', topic, '--from-beginning', '--exit', '--format', '%v'], { bootstrap });
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(r.stdout.trim().split('\n'), Array.from({ length: 10 }, (_, i) => `${prefix}${i}`));
    }
  } finally {
    broker?.child.kill('SIGKILL');
    again?.child.kill('SIGKILL');
    await Promise.all([broker?.exited, again?.exited]);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('appends that hit a full disk are refused, the broker log names the partition and what to do once, and nothing acknowledged is lost', async () => {
  assert.ok(existsSync('/dev/full'), 'this test needs Linux /dev/full');
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-full-'));
  let broker: BrokerProcess | undefined;
  try {
    // Port 0: the broker chooses (one picked beforehand may be taken before it binds it); the restart takes the same.
    broker = await startBrokerProcess(0, dataDir);
    const port = broker.port;
    const bootstrap = `127.0.0.1:${port}`;
    const admin = new Admin({ bootstrapServers: bootstrap });
    // segment.ms=1: every append rolls a new segment named after its offset, so the next one's
    // file name is known and can be made to point at /dev/full, where it stays while the broker runs.
    await admin.createTopics([{ name: 'full', numPartitions: 1, configs: { 'segment.ms': '1' } }]);
    await admin.close();
    const producer = new Producer({ bootstrapServers: bootstrap, acks: 'all', lingerMs: 0, retries: 0 });
    try {
      for (let i = 0; i < 3; i++) await producer.send({ topic: 'full', value: `v${i}` });
      symlinkSync('/dev/full', join(dataDir, 'full-0', '00000000000000000003.log'));
      await new Promise((r) => setTimeout(r, 5)); // older than segment.ms, so the next append rolls
      for (let i = 0; i < 5; i++) await assert.rejects(producer.send({ topic: 'full', value: `refused${i}` }), (e: any) => e.code === 'KAFKA_STORAGE_ERROR');
    } finally {
      await producer.close();
    }
    const out = broker.output();
    const lines = out.split('\n').filter((l) => l.includes('No space left'));
    assert.equal(lines.length, 1, out);
    assert.match(lines[0], /ERROR \[sluice\] Writing to full-0 failed: No space left on the device holding \S+00000000000000000003\.log.* Producers get KAFKA_STORAGE_ERROR until there is room: free space on that disk/);

    // The disk is "freed" across a crash: every acknowledged record is there, none of the refused.
    broker.child.kill('SIGKILL');
    await broker.exited;
    rmSync(join(dataDir, 'full-0', '00000000000000000003.log'));
    broker = await startBrokerProcess(port, dataDir);
    const after = new Producer({ bootstrapServers: bootstrap, acks: 'all' });
    await after.send({ topic: 'full', value: 'v3' });
    await after.close();
    const r = await runSluice(['consume', 'full', '--from-beginning', '--exit', '--format', '%o %v'], { bootstrap });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['0 v0', '1 v1', '2 v2', '3 v3']);
  } finally {
    broker?.child.kill('SIGKILL');
    await broker?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
});
