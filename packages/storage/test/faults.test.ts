// Damage and failures: flipped bits, full disks, failing writes and syncs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CorruptLogError, DiskFullError, MemoryFileSystem, StorageError } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';

async function flipBit(fs: MemoryFileSystem, path: string, position: number): Promise<void> {
  const h = await fs.open(path, false);
  const b = Buffer.alloc(1);
  await h.read(b, 0, 1, position);
  b[0] ^= 0x10;
  await h.write(b, position);
  await h.datasync();
}

test('a flipped bit in the last batch of the active segment is cut off on recovery', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  for (let i = 0; i < 5; i++) await log.append(batch([`v${i}`]));
  const size = log.activeSegment.size;
  fs.powerLoss(); // no clean shutdown
  await flipBit(fs, '/data/t-0/00000000000000000000.log', size - 3);
  const recovered = await openLog(fs);
  assert.deepEqual((await readAll(recovered)).map((r) => r.value), ['v0', 'v1', 'v2', 'v3']);
  assert.equal((await recovered.append(batch(['next']))).baseOffset, 4n);
});

test('a flipped bit with valid batches after it is reported with file and position', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs, { 'segment.bytes': '200' });
  for (let i = 0; i < 12; i++) await log.append(batch([`value-${i}`.padEnd(50, '.')]));
  assert.ok(log.segments.length >= 3);
  const older = log.segments[0];
  await log.checkpointed();
  fs.powerLoss();
  await flipBit(fs, older.files.log, 40); // inside the first batch of an older segment
  await assert.rejects(openLog(fs, { 'segment.bytes': '200' }), (e: unknown) => {
    assert.ok(e instanceof CorruptLogError);
    assert.equal(e.file, older.files.log);
    assert.equal(e.position, 0);
    assert.match(e.message, /00000000000000000000\.log at byte 0/);
    return true;
  });
});

test('a full disk rejects the append, leaves nothing of it readable, and recovers when space is back', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  await log.append(batch(['before']));
  fs.setCapacity(fs.usedBytes() + 10);
  const failing = [log.append(batch(['x'.repeat(200)])), log.append(batch(['y']))];
  const results = await Promise.allSettled(failing);
  assert.ok(results[0].status === 'rejected' && results[0].reason instanceof DiskFullError, 'the first append fails with DiskFullError');
  assert.match((results[0] as PromiseRejectedResult).reason.message, /No space left/);
  assert.equal(log.highWatermark, 1n);
  assert.deepEqual((await readAll(log)).map((r) => r.value), ['before']);
  fs.setCapacity(Infinity);
  const r = await log.append(batch(['after']));
  assert.equal(r.baseOffset, 1n);
  assert.deepEqual((await readAll(log)).map((x) => x.value), ['before', 'after']);
  fs.powerLoss();
  const recovered = await openLog(fs);
  assert.deepEqual((await readAll(recovered)).map((x) => x.value), ['before', 'after']);
});

test('a failed sync fails the appends it covered and the log carries on', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  await log.append(batch(['a']));
  fs.failNextSync();
  await assert.rejects(log.append(batch(['lost'])), StorageError);
  const r = await log.append(batch(['b']));
  assert.equal(r.baseOffset, 1n);
  fs.powerLoss();
  const recovered = await openLog(fs);
  assert.deepEqual((await readAll(recovered)).map((x) => x.value), ['a', 'b']);
});

test('a failed write fails its append and every later one in flight', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs);
  await log.append(batch(['a']));
  fs.failNextWrite();
  const results = await Promise.allSettled([log.append(batch(['x'])), log.append(batch(['y']))]);
  assert.ok(results.every((r) => r.status === 'rejected'));
  assert.equal((await log.append(batch(['b']))).baseOffset, 1n);
  assert.deepEqual((await readAll(log)).map((x) => x.value), ['a', 'b']);
});
