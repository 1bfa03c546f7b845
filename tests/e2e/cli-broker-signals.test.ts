// `sluice broker` stopped by SIGTERM after it has begun to start. The command listens for the signal
// before the start (the broker answers requests a moment before its start-up returns, and loading
// many partitions takes a while), so it must stop cleanly (exit 0, "Stopped cleanly."), never die
// by the signal's default action, which leaves the logs unclosed and the next start scanning them.
// Found by bench/broker, whose start-up probe stops the broker right after its first answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Admin } from '@sluice/client';
import { sluiceBin, startBrokerProcess } from '@sluice/test-kit';

function spawnBroker(port: number, dataDir: string) {
  const child = spawn(process.execPath, [sluiceBin, 'broker', '--port', String(port), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // 'close', not 'exit': Node may emit 'exit' before the last of the output has been read.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => out };
}

test('SIGTERM while the partitions load: the start finishes, then the broker stops cleanly', { timeout: 120_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-sigterm-loading-'));
  try {
    // Port 0: the broker chooses (one picked beforehand may be taken before it binds it); the second start takes the same.
    const first = await startBrokerProcess(0, dataDir);
    const port = first.port;
    const admin = new Admin({ bootstrapServers: `127.0.0.1:${port}` });
    await admin.createTopics([{ name: 'many', numPartitions: 300 }]);
    await admin.close();
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0, first.output());

    const broker = spawnBroker(port, dataDir);
    // Progress is logged every 100 partitions, from inside the start: the signal lands mid-load.
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (/opened 100 of 300 partitions/.test(broker.output())) resolve();
      };
      broker.child.stdout!.on('data', check);
      broker.child.stderr!.on('data', check);
      void broker.exited.then(() => reject(new Error(`the broker exited before loading:\n${broker.output()}`)));
    });
    broker.child.kill('SIGTERM');
    const { code, signal } = await broker.exited;
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, broker.output());
    assert.match(broker.output(), /SIGTERM: stopping[\s\S]*Stopped cleanly\./);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
