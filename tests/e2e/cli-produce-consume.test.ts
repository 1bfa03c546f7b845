// `sluice produce` and `sluice consume` against an in-process broker: progress on stderr, where
// consume starts by default (the end), and `npx sluice` from the repository root.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { startBroker, type Broker } from '@sluice/broker';
import { Admin, Producer } from '@sluice/client';
import { repoRoot, sluiceBin } from '@sluice/test-kit';
import { runSluice } from './run-sluice.ts';

let broker: Broker;
let admin: Admin;

before(async () => {
  broker = await startBroker({ port: 0 });
  admin = new Admin({ bootstrapServers: broker.bootstrap });
});
after(async () => {
  await admin.close();
  await broker.close();
});

test('produce and consume report progress on stderr, never on stdout', async () => {
  await admin.createTopics([{ name: 'progress', numPartitions: 1 }]);
  // Interval 0: a report at every record, and the end-of-run summary whatever the run took.
  const env = { SLUICE_PROGRESS_INTERVAL_MS: '0' };
  const produced = await runSluice(['produce', 'progress'], { bootstrap: broker.bootstrap, input: 'a\nb\nc\n', env });
  assert.equal(produced.code, 0, produced.stderr);
  assert.equal(produced.stdout, '');
  const sent = produced.stderr.split('\n').filter((l) => l !== '');
  assert.deepEqual(
    sent.map((l) => l.replace(/\(\d+ acknowledged\)/, '(N acknowledged)')),
    ['sent 1 records (N acknowledged)…', 'sent 2 records (N acknowledged)…', 'sent 3 records (N acknowledged)…', 'sent 3 records to progress, all acknowledged.'],
  );

  const consumed = await runSluice(['consume', 'progress', '--from-beginning', '--exit'], { bootstrap: broker.bootstrap, env });
  assert.equal(consumed.code, 0, consumed.stderr);
  assert.equal(consumed.stdout, 'a\nb\nc\n');
  assert.deepEqual(consumed.stderr.split('\n').filter((l) => l !== ''), ['consumed 1 records…', 'consumed 2 records…', 'consumed 3 records…', 'consumed 3 records from progress.']);

  // A bad interval is a usage error, before anything is sent.
  const bad = await runSluice(['consume', 'progress', '--exit'], { bootstrap: broker.bootstrap, env: { SLUICE_PROGRESS_INTERVAL_MS: 'often' } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /SLUICE_PROGRESS_INTERVAL_MS must be a whole number/);
});

test('consume starts at the end by default: records produced after it starts are printed, earlier ones are not', async () => {
  await admin.createTopics([{ name: 'tail', numPartitions: 1 }]);
  const producer = new Producer({ bootstrapServers: broker.bootstrap, lingerMs: 0 });
  try {
    for (let i = 0; i < 5; i++) await producer.send({ topic: 'tail', value: `old-${i}` });
    const child = spawn(process.execPath, [sluiceBin, 'consume', 'tail', '-n', '2', '-f', '%o %v', '-b', broker.bootstrap], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    let exitCode: number | null | undefined;
    // 'close', not 'exit': Node may emit 'exit' before the last printed records have been read.
    const exited = new Promise<void>((resolve) => child.on('close', (code) => ((exitCode = code), resolve())));
    // The consumer finds the end some time after it starts: keep producing new records until it
    // has printed two of them (those sent before it found the end are rightly skipped).
    let sent = 0;
    const deadline = Date.now() + 120_000;
    while (exitCode === undefined) {
      assert.ok(Date.now() < deadline, `sluice consume printed ${JSON.stringify(out)} after ${sent} new records; stderr: ${err}`);
      await producer.send({ topic: 'tail', value: `new-${sent++}` });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 200))]);
    }
    assert.equal(exitCode, 0, err);
    const lines = out.trim().split('\n');
    assert.equal(lines.length, 2, out);
    const [first, second] = lines.map((l) => /^(\d+) new-(\d+)$/.exec(l));
    assert.ok(first && second, `only new records are printed, got ${JSON.stringify(lines)}`);
    assert.equal(Number(first[1]), 5 + Number(first[2]), 'offsets follow the five old records');
    assert.equal(Number(second[2]), Number(first[2]) + 1, 'and nothing is skipped once it has started');
  } finally {
    await producer.close();
  }
});

test('npx sluice works from the repository root (never installing anything)', async () => {
  const npx = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile('npx', ['--yes=false', 'sluice', ...args], { cwd: repoRoot }, (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr })),
    );
  const help = await npx(['--help']);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^Usage: sluice <command>/);
  assert.match(help.stdout, /broker\s+run a Kafka-compatible broker/);
  const brokerHelp = await npx(['broker', '--help']);
  assert.equal(brokerHelp.code, 0, brokerHelp.stderr);
  assert.match(brokerHelp.stdout, /--config FILE/);
});
