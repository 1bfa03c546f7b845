// kill -9 of the `sluice broker` process, again and again, while a Java producer (acks=all,
// idempotence on, retrying forever) sends the values 0..COUNT-1, padded to 100 bytes, to one
// partition of 1 MiB segments, so kills land during segment rolls too. After the last restart a
// consumer (kcat) reads the partition from the beginning over the wire: every acknowledged record
// is there exactly once, in order, at contiguous offsets. Files on disk alone would not show a
// record that is stored but never served.
import type { ChildProcess } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kcat, spawnJavaTool, startBrokerProcess } from '@sluice/test-kit';

const COUNT = Number(process.env.SLUICE_KILL9_RECORDS ?? 400_000);
const KILLS = Number(process.env.SLUICE_KILL9_CYCLES ?? 20);
const SEGMENT_BYTES = 1_048_576;
const VALUE_BYTES = 100;

test(`${KILLS} kill -9 cycles during ${COUNT} idempotent acks=all sends lose, duplicate and skip nothing`, { timeout: 300_000 }, async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sluice-kill9-'));
  const brokerArgs = ['--set', `log.segment.bytes=${SEGMENT_BYTES}`];
  // The broker chooses its port at the first start (one picked beforehand may be taken before it
  // binds it); the restarts take the same one, which the producer reconnects to.
  let broker = await startBrokerProcess(0, dataDir, brokerArgs);
  const port = broker.port;
  let producerProcess: ChildProcess | undefined;
  try {
    const producer = (producerProcess = await spawnJavaTool(['produce-seq', `127.0.0.1:${port}`, 'kill9', String(COUNT), String(VALUE_BYTES)]));
    let stdout = '';
    let progress = 0;
    let onProgress = () => {};
    producer.stdout!.on('data', (d) => (stdout += d));
    producer.stderr!.on('data', (d) => {
      for (const m of String(d).matchAll(/progress (\d+)/g)) progress = Math.max(progress, Number(m[1]));
      onProgress();
    });
    // 'close', not 'exit': Node may emit 'exit' before the result line has been read.
    const producerExit = new Promise<number | null>((resolve) => producer.on('close', resolve));
    const ackedAtLeast = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (progress >= n) resolve();
        };
        onProgress = check;
        void producerExit.then((code) => reject(new Error(`the producer exited (${code}) at ${progress} acks, before ${n}: ${stdout}`)));
        check();
      });

    // Kill k comes once the producer has had k/(KILLS+1) of its records acknowledged, and at least
    // one more since the restart before: every cycle kills the broker under load.
    for (let kill = 1, last = 0; kill <= KILLS; kill++) {
      await ackedAtLeast(Math.max(Math.floor((COUNT * kill) / (KILLS + 1)), last + 1));
      last = progress;
      broker.child.kill('SIGKILL');
      await broker.exited;
      broker = await startBrokerProcess(port, dataDir, brokerArgs);
    }
    assert.equal(await producerExit, 0, `producer failed: ${stdout}`);
    const result = JSON.parse(stdout.trim().split('\n').pop()!);
    assert.equal(result.failures, 0, `send failures: ${result.firstFailures}`);
    assert.equal(result.acked, COUNT, 'every record was acknowledged');

    const segments = readdirSync(join(dataDir, 'kill9-0')).filter((f) => f.endsWith('.log')).length;
    const lines = (await kcat(['-b', `127.0.0.1:${port}`, '-C', '-t', 'kill9', '-p', '0', '-o', 'beginning', '-e', '-q', '-f', '%o %s\n'])).split('\n').filter((l) => l !== '');
    const timesSeen = new Uint32Array(COUNT);
    let gaps = 0;
    let outOfOrder = 0;
    let expectedOffset = 0;
    let previousValue = -1;
    for (const line of lines) {
      const [offset, value] = line.split(' ').map((field) => parseInt(field, 10)); // the value's number, before its padding
      if (offset !== expectedOffset) gaps++;
      expectedOffset = offset + 1;
      if (value <= previousValue) outOfOrder++;
      previousValue = value;
      if (Number.isInteger(value) && value >= 0 && value < COUNT) timesSeen[value]++;
    }
    const lost = timesSeen.filter((n) => n === 0).length;
    const duplicated = timesSeen.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    t.diagnostic(`${KILLS} kills, ${result.acked} acknowledged, ${lines.length} read back from ${segments} segments: ${lost} lost, ${duplicated} duplicated, ${gaps} gaps, ${outOfOrder} out of order`);
    assert.deepEqual({ lost, duplicated, gaps, outOfOrder }, { lost: 0, duplicated: 0, gaps: 0, outOfOrder: 0 });
    assert.equal(lines.length, COUNT, 'each record exactly once');
  } finally {
    // The producer retries for minutes: a failed test must not wait for it.
    producerProcess?.kill('SIGKILL');
    broker.child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
