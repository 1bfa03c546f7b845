// Retention by time and size, segment rolling by age, and compaction, as Kafka documents them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeRecordBatches, deleteHorizonOf, readBatchHeader } from '@sluice/protocol';
import { MemoryFileSystem, compactLog } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';

const DAY = 86_400_000;

test('retention.ms removes whole segments whose newest record is older than it', async () => {
  let now = 10 * DAY;
  const log = await openLog(new MemoryFileSystem(), { 'segment.bytes': '150', 'retention.ms': String(DAY) }, () => now);
  for (let i = 0; i < 6; i++) await log.append(batch([`old-${i}`.padEnd(40)], { timestamp: BigInt(now - 3 * DAY) }));
  for (let i = 0; i < 3; i++) await log.append(batch([`new-${i}`.padEnd(40)], { timestamp: BigInt(now) }));
  const deleted = await log.applyRetention();
  assert.ok(deleted > 0);
  const left = await readAll(log);
  assert.ok(left.every((r) => r.value!.startsWith('new') || r.offset >= log.logStartOffset));
  assert.ok(left.some((r) => r.value!.startsWith('new-2')));
  assert.ok(!left.some((r) => r.value === 'old-0'.padEnd(40)));
  assert.equal(log.logStartOffset, left[0].offset);
  void now;
});

test('retention.bytes keeps the partition under the limit, never touching the active segment', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'segment.bytes': '150', 'retention.bytes': '300', 'retention.ms': '-1' });
  for (let i = 0; i < 12; i++) await log.append(batch([`v${i}`.padEnd(40)]));
  await log.applyRetention();
  assert.ok(log.size <= 300 + log.activeSegment.size, `size ${log.size}`);
  const left = await readAll(log);
  assert.equal(left[left.length - 1].value, 'v11'.padEnd(40));
});

test('segment.ms rolls a segment by age', async () => {
  let now = 0;
  const log = await openLog(new MemoryFileSystem(), { 'segment.ms': '1000' }, () => now);
  await log.append(batch(['a']));
  now = 500;
  await log.append(batch(['b']));
  assert.equal(log.segments.length, 1);
  now = 1500;
  await log.append(batch(['c']));
  assert.equal(log.segments.length, 2);
});

test('compaction keeps the newest value per key; tombstones go a delete.retention.ms after the first clean', async () => {
  let now = 100 * DAY;
  const fs = new MemoryFileSystem();
  const overrides = { 'cleanup.policy': 'compact', 'segment.bytes': '200', 'delete.retention.ms': String(DAY) };
  const log = await openLog(fs, overrides, () => now);
  const t = (days: number) => BigInt(now - days * DAY);
  await log.append(batch(['k1-v1', 'k2-v1'], { keys: ['k1', 'k2'], timestamp: t(10) }));
  await log.append(batch(['k1-v2'], { keys: ['k1'], timestamp: t(9) }));
  await log.append(batch(['<null>'], { keys: ['k2'], timestamp: t(8) })); // a tombstone written long ago
  await log.append(batch(['k3-v1'], { keys: ['k3'], timestamp: t(7) }));
  await log.append(batch(['<null>'], { keys: ['k3'], timestamp: BigInt(now) })); // a fresh tombstone
  await log.append(batch(['k4-v1'], { keys: ['k4'], timestamp: BigInt(now) }));
  await log.append(batch(['k4-v2'], { keys: ['k4'], timestamp: BigInt(now) })); // active segment, untouched
  const before = await readAll(log);
  const latestByKey = new Map<string, { offset: bigint; value: string | null }>();
  for (const r of before) latestByKey.set(r.key!, r);
  const newestKept = async (dropped: string[]) => {
    const after = await readAll(log);
    for (const [key, r] of latestByKey) {
      const found = after.find((a) => a.offset === r.offset);
      if (dropped.includes(key)) assert.equal(found, undefined, `the tombstone of ${key} is gone`);
      else assert.deepEqual(found && { key: found.key, value: found.value }, { key, value: r.value }, `the newest record of ${key} stays`);
    }
    for (let i = 1; i < after.length; i++) assert.ok(after[i].offset > after[i - 1].offset);
    return after;
  };

  // The first clean keeps both tombstones, however old, and stamps their batches with a horizon.
  const first = await compactLog(log, true);
  assert.ok(first && first.recordsRemoved > 0);
  let after = await newestKept([]);
  assert.ok(!after.some((r) => r.value === 'k1-v1'));
  const horizons: bigint[] = [];
  for (const chunk of await log.read(0n, 1 << 20)) {
    for (let p = 0; p < chunk.length; p += readBatchHeader(chunk, p).batchLength + 12) {
      const h = deleteHorizonOf(readBatchHeader(chunk, p));
      if (h !== null) horizons.push(h);
    }
  }
  assert.deepEqual(horizons, [BigInt(now + DAY), BigInt(now + DAY)]);
  // The horizon lives in the base timestamp field; the records keep their own timestamps.
  const tombstones = (await decodeRecordBatches(Buffer.concat(await log.read(0n, 1 << 20)))).flatMap((b) => b.records).filter((r) => r.value === null);
  assert.deepEqual(
    tombstones.map((r) => r.timestamp),
    [t(8), BigInt(now)],
  );

  // Before the horizon, another clean keeps them; after it, they go.
  now += DAY / 2;
  await compactLog(log, true);
  await newestKept([]);
  now += DAY;
  await compactLog(log, true);
  after = await newestKept(['k2', 'k3']);

  // The log still works, and a restart sees the same.
  assert.equal((await log.append(batch(['k5'], { keys: ['k5'] }))).baseOffset, before[before.length - 1].offset + 1n);
  await log.close();
  const reopened = await openLog(fs, overrides, () => now);
  assert.deepEqual((await readAll(reopened)).map((r) => r.offset), [...after.map((r) => r.offset), before[before.length - 1].offset + 1n]);
});

test('a crash at any point of a compaction never loses the newest value of a key', async () => {
  let crashedDuring = 0;
  for (let cutAt = 0; cutAt < 60; cutAt++) {
    const fs = new MemoryFileSystem();
    const overrides = { 'cleanup.policy': 'compact', 'segment.bytes': '180' };
    const log = await openLog(fs, overrides);
    for (let i = 0; i < 30; i++) await log.append(batch([`key${i % 4}-v${i}`], { keys: [`key${i % 4}`] }));
    const before = await readAll(log);
    await log.checkpointed();
    const newest = new Map<string, string>();
    for (const r of before) newest.set(r.key!, r.value!);
    // Cut the power before the cleaner's `cutAt`-th file operation (writes, syncs, renames, removals).
    fs.scheduleCrash(cutAt);
    const finished = await compactLog(log, true).then(
      () => true,
      () => false,
    );
    if (!finished) crashedDuring++;
    if (fs.crashed) fs.restart();
    else fs.powerLoss();
    const recovered = await openLog(fs, overrides);
    const after = await readAll(recovered);
    const seen = new Map<string, string>();
    for (const r of after) seen.set(r.key!, r.value!);
    assert.deepEqual(seen, newest, `cut after ${cutAt} operations`);
  }
  assert.ok(crashedDuring > 20, `the power went during only ${crashedDuring} compactions`);
});

test('min.cleanable.dirty.ratio decides when compaction runs', async () => {
  const log = await openLog(new MemoryFileSystem(), { 'cleanup.policy': 'compact', 'segment.bytes': '150', 'min.cleanable.dirty.ratio': '0.9' });
  for (let i = 0; i < 10; i++) await log.append(batch([`v${i}`], { keys: ['same'] }));
  assert.ok(await compactLog(log), 'all dirty: compacts');
  assert.equal(await compactLog(log), null, 'nothing new: no compaction');
});
