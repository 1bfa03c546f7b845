// cleanup.policy=compact,delete does both, and compaction never holds up appends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogManager, MemoryFileSystem, compactLog, type PartitionLog } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';
import { eventually } from '@sluice/test-kit/eventually';
import { InstrumentedFileSystem } from './instrumented-fs.ts';

const DAY = 86_400_000;

/** Keys that appear more than once in the segments before the active one. */
function duplicateKeysBeforeActive(log: PartitionLog, records: { offset: bigint; key: string | null }[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) if (r.offset < log.activeSegment.baseOffset && r.key !== null) counts.set(r.key, (counts.get(r.key) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([k]) => k);
}

test('cleanup.policy=compact,delete compacts by key and still removes segments past retention.ms', async () => {
  let now = 10 * DAY;
  const fs = new MemoryFileSystem();
  const m = await LogManager.open({ fs, dataDir: '/data', maintenanceIntervalMs: 0, now: () => now });
  // One batch per segment, so retention decides segment by segment.
  const common = { 'retention.ms': String(DAY), 'segment.bytes': '150' };
  const policies = { both: 'compact,delete', compact: 'compact', delete: 'delete' } as const;
  for (const [name, policy] of Object.entries(policies)) await m.createTopic(name, 1, { ...common, 'cleanup.policy': policy });
  const newest = new Map<string, string>();
  for (const name of Object.keys(policies)) {
    const log = m.log(name, 0)!;
    for (let i = 0; i < 8; i++) await log.append(batch([`old-${i}`.padEnd(40, '.')], { keys: [`old${i % 2}`], timestamp: BigInt(now - 3 * DAY) }));
    for (let i = 0; i < 12; i++) {
      const value = `new-${i}`.padEnd(40, '.');
      await log.append(batch([value], { keys: [`new${i % 3}`], timestamp: BigInt(now) }));
      newest.set(`new${i % 3}`, value);
    }
    assert.ok(log.segments.length >= 20, `${name}: one batch per segment`);
  }
  const both = m.log('both', 0)!;
  assert.deepEqual(both.logConfig.cleanupPolicy, { delete: true, compact: true });

  await m.runMaintenance();

  const after = async (name: string) => readAll(m.log(name, 0)!);
  // delete only: the old segments are gone, every new record stays.
  const deleted = await after('delete');
  assert.ok(!deleted.some((r) => r.value!.startsWith('old')));
  assert.equal(deleted.filter((r) => r.value!.startsWith('new')).length, 12);
  // compact only: nothing goes by age, and each key keeps only its newest value.
  const compacted = await after('compact');
  assert.equal(m.log('compact', 0)!.logStartOffset, 0n);
  assert.deepEqual(compacted.filter((r) => r.value!.startsWith('old')).map((r) => r.value!.trim().replace(/\.+$/, '')), ['old-6', 'old-7']);
  assert.deepEqual(duplicateKeysBeforeActive(m.log('compact', 0)!, compacted), []);
  // both: the old segments are gone AND the new ones are compacted.
  const bothAfter = await after('both');
  assert.ok(both.logStartOffset >= 8n, `log start ${both.logStartOffset}`);
  assert.ok(!bothAfter.some((r) => r.value!.startsWith('old')), 'retention removed the old segments');
  assert.ok(bothAfter.length < 12, `compaction removed superseded values (${bothAfter.length} records left)`);
  assert.deepEqual(duplicateKeysBeforeActive(both, bothAfter), []);
  for (const [key, value] of newest) assert.equal(bothAfter.filter((r) => r.key === key).at(-1)?.value, value, `newest value of ${key}`);

  // Compaction emptied the segments of superseded values; with nothing expired after them they
  // stay (the log start does not move), and once later segments expire they do not hold them back.
  assert.ok(both.segments.some((s) => s.size === 0 && s !== both.activeSegment), 'compaction left emptied segments');
  const start = both.logStartOffset;
  await m.runMaintenance();
  assert.equal(both.logStartOffset, start);
  assert.deepEqual(await readAll(both), bothAfter);
  // Compacted segments still age out: two days on, retention takes them too.
  now += 2 * DAY;
  await both.append(batch(['fresh'], { keys: ['fresh'], timestamp: BigInt(now) }));
  await m.runMaintenance();
  assert.deepEqual((await readAll(both)).map((r) => r.value), ['fresh']);
  await m.close();
});

test('appends complete while a compaction is held reading its segments, and nothing is lost', async () => {
  const memory = new MemoryFileSystem();
  const fs = new InstrumentedFileSystem(memory);
  const config = { 'cleanup.policy': 'compact', 'segment.bytes': '150' };
  const log = await openLog(fs, config);
  for (let i = 0; i < 20; i++) await log.append(batch([`v${i}`.padEnd(40, '.')], { keys: [`k${i % 4}`] }));
  await log.checkpointed();
  const sealed = new Set(log.segments.slice(0, -1).map((s) => s.files.log));
  assert.ok(sealed.size >= 10);

  // Hold every read of the segments the cleaner works on.
  fs.holdReads((path) => sealed.has(path));
  let compactionDone = false;
  const compaction = compactLog(log, true).finally(() => (compactionDone = true));
  await eventually('the cleaner to read a segment', () => fs.held > 0);

  // Appends meanwhile, concurrent and sequential, enough to roll several new segments.
  let settled = false;
  const concurrent = Promise.all(Array.from({ length: 10 }, (_, i) => log.append(batch([`w${i}`.padEnd(40, '.')], { keys: [`k${i % 4}`] })))).finally(() => (settled = true));
  await eventually('concurrent appends to complete during the compaction', () => settled);
  const appended = await concurrent;
  for (let i = 10; i < 20; i++) appended.push(await log.append(batch([`w${i}`.padEnd(40, '.')], { keys: [`k${i % 4}`] })));
  assert.deepEqual(
    appended.map((r) => r.baseOffset),
    Array.from({ length: 20 }, (_, i) => 20n + BigInt(i)),
  );
  // Readers of the new data are not held either.
  assert.deepEqual((await readAll(log, 20n)).map((r) => r.value!.replace(/\.+$/, '')), Array.from({ length: 20 }, (_, i) => `w${i}`));
  assert.equal(compactionDone, false, 'the compaction was still held all along');
  assert.ok(fs.held > 0);

  fs.release();
  const result = await compaction;
  assert.ok(result !== null && result.recordsRemoved > 0);
  const check = async (l: PartitionLog) => {
    const records = await readAll(l);
    for (let i = 0; i < 20; i++) assert.equal(records.find((r) => r.offset === 20n + BigInt(i))?.value?.replace(/\.+$/, ''), `w${i}`, `append w${i}`);
    for (let i = 1; i < records.length; i++) assert.ok(records[i].offset > records[i - 1].offset);
    assert.ok(records.length < 40, 'superseded values were removed');
    assert.equal(l.logEndOffset, 40n);
  };
  await check(log);
  await log.close();
  await check(await openLog(memory, config));
});

test('a read arriving while compacted segments are swapped in gets whole, valid batches', async () => {
  const memory = new MemoryFileSystem();
  const fs = new InstrumentedFileSystem(memory);
  const config = { 'cleanup.policy': 'compact', 'segment.bytes': '300' };
  const log = await openLog(fs, config);
  for (let i = 0; i < 24; i++) await log.append(batch([`v${i}`.padEnd(40, '.')], { keys: [`k${i % 5}`] }));
  await log.checkpointed();
  const before = await readAll(log);
  const sealed = log.segments.slice(0, -1);
  const activeBase = log.activeSegment.baseOffset;
  const newest = new Map<string, bigint>();
  for (const r of before) if (r.offset < activeBase) newest.set(r.key!, r.offset);
  const expected = before.filter((r) => r.offset >= activeBase || newest.get(r.key!) === r.offset);
  // A consumer reads a sealed segment that compaction shrinks (some records stay, some go) just as
  // the cleaner moves its original aside.
  const inSegment = (s: (typeof sealed)[number], r: { offset: bigint }) => r.offset >= s.baseOffset && r.offset < s.nextOffset;
  const target = sealed.find((s) => {
    const kept = expected.filter((r) => inSegment(s, r)).length;
    return kept > 0 && kept < before.filter((r) => inSegment(s, r)).length;
  })!;
  assert.ok(target !== undefined);
  let during: Promise<unknown> | null = null;
  fs.beforeRename = async (from, to) => {
    if (during !== null || from !== target.files.log || !to.endsWith('.deleted')) return;
    during = readAll(log, target.baseOffset);
    for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));

  };
  const result = await compactLog(log, true);
  assert.ok(result !== null && result.recordsRemoved > 0);
  assert.ok(during !== null, 'the read was issued during the swap');
  const seen = (await during) as Awaited<ReturnType<typeof readAll>>;
  assert.ok(seen.length > 0 && seen.every((r) => before.some((b) => b.offset === r.offset && b.value === r.value)), 'the read during the swap saw records as written');
  assert.deepEqual(await readAll(log), expected, 'reads after the swap see the compacted segments');
});
