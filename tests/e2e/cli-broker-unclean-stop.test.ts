// `sluice broker` stopped with SIGTERM when a partition's files cannot be written (here its
// clean-shutdown marker's temporary file is /dev/full, the kernel's always-failing device): the
// other partitions are closed cleanly, the failure is named, the process exits 3 rather than
// dying on an unhandled error, and the next start has every acknowledged record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin, Producer } from '@sluice/client';
import { freePort, startBrokerProcess, type BrokerProcess } from '../support/processes.js';
import { runSluice } from './run-sluice.js';

test('SIGTERM with a partition that cannot be closed: exit code 3 naming it, the rest closed cleanly, nothing acknowledged lost', async () => {
  assert.ok(existsSync('/dev/full'), 'this test needs Linux /dev/full');
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-unclean-'));
  const port = await freePort();
  let broker: BrokerProcess | undefined;
  let again: BrokerProcess | undefined;
  try {
    broker = await startBrokerProcess(port, dataDir);
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
