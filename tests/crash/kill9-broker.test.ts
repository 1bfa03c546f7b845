// kill -9 of the broker while a Java producer (acks=all, idempotence on) sends 1,000,000 records:
// after a restart, every acknowledged record is there exactly once and in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnJavaTool } from '../support/java.js';
import { freePort, kcat, startBrokerProcess } from '../support/processes.js';

const COUNT = Number(process.env.SLUICE_KILL9_RECORDS ?? 1_000_000);

test(`kill -9 during ${COUNT} idempotent acks=all sends loses and duplicates nothing`, { timeout: 900_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-kill9-'));
  const port = await freePort();
  let broker = await startBrokerProcess(port, dataDir);
  try {
    const producer = await spawnJavaTool(['produce-seq', `127.0.0.1:${port}`, 'kill9', String(COUNT)]);
    let stdout = '';
    let progress = 0;
    producer.stdout!.on('data', (d) => (stdout += d));
    producer.stderr!.on('data', (d) => {
      const m = /progress (\d+)/.exec(String(d));
      if (m) progress = Number(m[1]);
    });
    const producerExit = new Promise<number | null>((resolve) => producer.on('exit', resolve));
    while (progress < COUNT * 0.3) await new Promise((r) => setTimeout(r, 100));
    broker.child.kill('SIGKILL');
    await broker.exited;
    broker = await startBrokerProcess(port, dataDir);
    assert.equal(await producerExit, 0, `producer failed: ${stdout}`);
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    assert.equal(result.failures, 0, `send failures: ${result.firstFailures}`);
    assert.equal(result.acked, COUNT);
    const values = (await kcat(['-b', `127.0.0.1:${port}`, '-C', '-t', 'kill9', '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%s\n'])).split('\n').filter((l) => l !== '');
    assert.equal(values.length, COUNT, 'each record exactly once');
    for (let i = 0; i < COUNT; i++) if (values[i] !== String(i)) assert.fail(`record ${i} is ${values[i]}: out of order or duplicated`);
  } finally {
    broker.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
