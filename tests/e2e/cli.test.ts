// The `sluice` command as a user runs it: a broker process, topics, produce from stdin, consume
// in every mode, groups, and a graceful stop on SIGTERM.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sluiceBin, startBrokerProcess, type BrokerProcess } from '@sluice/test-kit';

let broker: BrokerProcess;
let dataDir: string;
let bootstrap: string;

function sluice(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [sluiceBin, ...args], { env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: bootstrap } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(input ?? '');
  });
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sluice-cli-'));
  // Port 0: the broker chooses (one picked beforehand may be taken before it binds it).
  broker = await startBrokerProcess(0, dataDir, ['--set', 'group.initial.rebalance.delay.ms=0']);
  bootstrap = `127.0.0.1:${broker.port}`;
});
after(() => {
  broker.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test('topics: create, list, describe, alter, delete', async () => {
  assert.match((await sluice(['topic', 'create', 'orders', '--partitions', '3', '--config', 'retention.ms=3600000'])).stdout, /Created topic orders with 3 partition\(s\), id [A-Za-z0-9_-]{22}/);
  assert.match((await sluice(['topic', 'list'])).stdout, /^orders$/m);
  const described = (await sluice(['topic', 'describe', 'orders'])).stdout;
  assert.match(described, /PartitionCount: 3\tConfigs: retention.ms=3600000/);
  assert.equal((await sluice(['topic', 'alter', 'orders', '--config', 'retention.ms=60000', '--partitions', '4'])).code, 0);
  assert.match((await sluice(['topic', 'describe', 'orders'])).stdout, /PartitionCount: 4\tConfigs: retention.ms=60000/);
  const bad = await sluice(['topic', 'create', 'bad', '--config', 'retention.ms=soon']);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /retention\.ms/);
  assert.equal((await sluice(['topic', 'delete', 'orders'])).code, 0);
  assert.doesNotMatch((await sluice(['topic', 'list'])).stdout, /orders/);
});

test('produce lines with keys and headers; consume from the beginning, an offset, a time, a partition', async () => {
  await sluice(['topic', 'create', 'lines', '--partitions', '1']);
  const before = Date.now();
  const produced = await sluice(['produce', 'lines', '-k', ':', '-H', 'source=cli'], 'a:one\nb:two\nc:three\n');
  assert.equal(produced.code, 0, produced.stderr);
  const all = await sluice(['consume', 'lines', '--from-beginning', '-e', '-f', '%o %k=%v %h']);
  assert.deepEqual(all.stdout.trim().split('\n'), ['0 a=one source=cli', '1 b=two source=cli', '2 c=three source=cli']);
  const fromOffset = await sluice(['consume', 'lines', '-p', '0', '--offset', '1', '-e']);
  assert.deepEqual(fromOffset.stdout.trim().split('\n'), ['two', 'three']);
  const fromTime = await sluice(['consume', 'lines', '--from-time', new Date(before - 60_000).toISOString(), '-e', '-f', 'json']);
  assert.equal(JSON.parse(fromTime.stdout.trim().split('\n')[0]).value, 'one');
  const limited = await sluice(['consume', 'lines', '--from-beginning', '-n', '2']);
  assert.deepEqual(limited.stdout.trim().split('\n'), ['one', 'two']);
  assert.equal((await sluice(['consume', 'lines', '--offset', '1'])).code, 2, '--offset without --partition is a usage error');
});

test('groups: consume as a group, describe with lag, reset offsets, delete', async () => {
  await sluice(['topic', 'create', 'grouped', '--partitions', '2']);
  await sluice(['produce', 'grouped'], Array.from({ length: 10 }, (_, i) => `m${i}`).join('\n') + '\n');
  const consumed = await sluice(['consume', 'grouped', '-g', 'cli-group', '--from-beginning', '-n', '10']);
  assert.equal(consumed.stdout.trim().split('\n').length, 10);
  const described = (await sluice(['group', 'describe', 'cli-group'])).stdout;
  assert.match(described, /Group cli-group: Empty, 0 member\(s\)/);
  assert.match(described, /grouped\s+\d+\s+\d+\s+\d+\s+0\s+-/);
  assert.match((await sluice(['group', 'list'])).stdout, /cli-group\s+Empty\s+consumer/);
  const dryRun = await sluice(['group', 'reset-offsets', 'cli-group', '--topic', 'grouped', '--to-earliest']);
  assert.match(dryRun.stdout, /Nothing changed/);
  await sluice(['group', 'reset-offsets', 'cli-group', '--topic', 'grouped', '--to-earliest', '--execute']);
  const again = await sluice(['consume', 'grouped', '-g', 'cli-group', '-n', '10']);
  assert.equal(again.stdout.trim().split('\n').length, 10, 'the reset group reads everything again');
  assert.equal((await sluice(['group', 'delete', 'cli-group'])).code, 0);
  assert.doesNotMatch((await sluice(['group', 'list'])).stdout, /cli-group/);
});

test('sluice broker stops cleanly on SIGTERM and starts again on its data', async () => {
  broker.child.kill('SIGTERM');
  assert.equal(await broker.exited, 0);
  assert.match(broker.output(), /Stopped cleanly/);
  assert.ok(existsSync(join(dataDir, 'lines-0', '.clean-shutdown')));
  const port = Number(bootstrap.split(':')[1]);
  broker = await startBrokerProcess(port, dataDir);
  const all = await sluice(['consume', 'lines', '--from-beginning', '-e']);
  assert.deepEqual(all.stdout.trim().split('\n'), ['one', 'two', 'three']);
});

test('help and usage errors', async () => {
  assert.match((await sluice(['help'])).stdout, /Commands:/);
  const unknown = await sluice(['frobnicate']);
  assert.equal(unknown.code, 2, 'a usage error');
  assert.match(unknown.stderr, /unknown command 'frobnicate'/);
  assert.match((await sluice(['broker', '--help'])).stdout, /--data-dir DIR/);
  const badPort = await sluice(['broker', '--port', 'x']);
  assert.equal(badPort.code, 2);
  assert.match(badPort.stderr, /--port must be a number/);
});
