// A full disk is said in the operator's log, not only to producers: the first failed write at
// once with the partition and what to do, later ones at most once a minute as a count, and the
// recovery once. Closing with the disk full closes every partition anyway, names those that could
// not be closed cleanly, and the next open recovers every acknowledged record.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogManager, MemoryFileSystem, StorageError } from '../src/index.ts';
import { batch, readAll } from './helpers.ts';

interface Line {
  level: 'warn' | 'error';
  message: string;
}

function recordingLog() {
  const lines: Line[] = [];
  return { lines, log: { warn: (message: string) => lines.push({ level: 'warn', message }), error: (message: string) => lines.push({ level: 'error', message }) } };
}

const open = (fs: MemoryFileSystem, log: ReturnType<typeof recordingLog>['log'], now: () => number) =>
  LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0, log, now });

test('failed appends on a full disk are logged once with the partition and advice, then at most once a minute, and the recovery once', async () => {
  const fs = new MemoryFileSystem();
  const { lines, log } = recordingLog();
  let clock = 1_000_000;
  const logs = await open(fs, log, () => clock);
  await logs.createTopic('orders', 2);
  const p0 = logs.log('orders', 0)!;
  const p1 = logs.log('orders', 1)!;
  await p0.append(batch(['before']));
  assert.equal(lines.length, 0);

  fs.setCapacity(fs.usedBytes());
  for (let i = 0; i < 50; i++) await assert.rejects((i % 2 === 0 ? p0 : p1).append(batch([`x${i}`])), StorageError);
  assert.equal(lines.length, 1, lines.map((l) => l.message).join('\n'));
  assert.equal(lines[0].level, 'error');
  assert.match(lines[0].message, /^Writing to orders-0 failed: No space left on the device holding \/data\/orders-0\/\S+\.log/);
  assert.match(lines[0].message, /Producers get KAFKA_STORAGE_ERROR until there is room: free space on that disk, or lower retention/);

  clock += 59_999;
  await assert.rejects(p1.append(batch(['still full'])), StorageError);
  assert.equal(lines.length, 1, 'still within the minute');
  clock += 1;
  await assert.rejects(p1.append(batch(['a minute later'])), StorageError);
  assert.equal(lines.length, 2);
  assert.match(lines[1].message, /^Writing to orders-1 failed: .*\(and 50 more failed writes since the last report; 2 partitions failing now\)/);

  fs.setCapacity(Infinity);
  await p0.append(batch(['after']));
  assert.equal(lines.length, 2, 'one partition writes again, the other has not tried yet');
  await p1.append(batch(['after']));
  assert.deepEqual(lines.slice(2), [{ level: 'warn', message: 'Writes succeed again on every partition.' }]);
  assert.deepEqual((await readAll(p0)).map((r) => r.value), ['before', 'after']);
  await logs.close();
});

test('an I/O error that is not a full disk gets its own advice', async () => {
  const fs = new MemoryFileSystem();
  const { lines, log } = recordingLog();
  const logs = await open(fs, log, () => 0);
  await logs.createTopic('t', 1);
  fs.failNextSync();
  await assert.rejects(logs.log('t', 0)!.append(batch(['lost'])), StorageError);
  assert.equal(lines.length, 1);
  assert.match(lines[0].message, /^Writing to t-0 failed: .*EIO.* Check the disk and the system log/);
  await logs.close();
});

test('closing on a full disk closes every partition, names the ones that failed, and the next open has every acknowledged record', async () => {
  const fs = new MemoryFileSystem();
  const { lines, log } = recordingLog();
  const logs = await open(fs, log, () => 0);
  await logs.createTopic('a', 3);
  await logs.createTopic('b', 2);
  for (const [topic, n] of [['a', 3], ['b', 2]] as const) for (let p = 0; p < n; p++) await logs.log(topic, p)!.append(batch([`${topic}${p}`]));
  const all = [0, 1, 2].map((p) => logs.log('a', p)!).concat([0, 1].map((p) => logs.log('b', p)!));

  fs.setCapacity(fs.usedBytes()); // nothing more fits: no index, producer state or marker can be written
  await assert.rejects(logs.close(), (e: unknown) => {
    assert.ok(e instanceof StorageError);
    assert.equal(e.code, 'STORAGE_CLOSE_INCOMPLETE');
    assert.match(e.message, /^5 of 5 partitions could not be closed cleanly \(a-0, a-1, a-2, b-0, b-1\)\. The next start scans/);
    return true;
  });
  assert.ok(all.every((l) => l.isClosed), 'every log is closed');
  const closing = lines.filter((l) => l.message.startsWith('closing '));
  assert.equal(closing.length, 5);
  assert.match(closing[0].message, /^closing a-0 failed: Closing the log \/data\/a-0 failed: no space left on the device\. Appends acknowledged under flush\.messages=1/);
  for (const dir of ['a-0', 'b-1']) assert.equal(await fs.exists(`/data/${dir}/.clean-shutdown`), false, `no marker in ${dir}`);

  fs.setCapacity(Infinity);
  const reopened = await open(fs, log, () => 0);
  for (const [topic, n] of [['a', 3], ['b', 2]] as const) {
    for (let p = 0; p < n; p++) assert.deepEqual((await readAll(reopened.log(topic, p)!)).map((r) => r.value), [`${topic}${p}`]);
  }
  await reopened.close();
});

test('a partial failure: the partitions that could be closed are clean', async () => {
  const fs = new MemoryFileSystem();
  const { log } = recordingLog();
  const logs = await open(fs, log, () => 0);
  await logs.createTopic('c', 2);
  await logs.log('c', 0)!.append(batch(['zero']));
  await logs.log('c', 1)!.append(batch(['one']));
  fs.failNextWrite(); // the first partition's first write at close fails; the second closes normally
  await assert.rejects(logs.close(), /1 of 2 partitions could not be closed cleanly \(c-0\); the others were\./);
  assert.equal(await fs.exists('/data/c-0/.clean-shutdown'), false);
  assert.equal(await fs.exists('/data/c-1/.clean-shutdown'), true);
});
