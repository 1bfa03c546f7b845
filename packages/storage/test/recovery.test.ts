// Opening a log: damaged or missing indexes are rebuilt from the segments, a clean shutdown
// skips the scan, and an unclean stop scans and cuts a torn tail.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readBatchHeader } from '@sluice/protocol';
import { MemoryFileSystem, type PartitionLog } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';
import { InstrumentedFileSystem } from './instrumented-fs.ts';

const DIR = '/data/t-0';
const CONFIG = { 'segment.bytes': '600', 'index.interval.bytes': '100', 'message.timestamp.after.max.ms': '9223372036854775807' };

/** 40 single-record batches over several segments; timestamps mostly rise, with some going back. */
async function fill(log: PartitionLog): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const ts = 10_000n + BigInt(i) * 100n - (i % 5 === 3 ? 250n : 0n);
    await log.append(batch([`value-${i}`.padEnd(30, '.')], { timestamp: ts }));
  }
  await log.checkpointed();
}

/** Answers that only correct indexes give: the batch holding each offset, and offsets for many timestamps. */
async function answers(log: PartitionLog): Promise<{ byOffset: string[]; byTime: string[] }> {
  const byOffset: string[] = [];
  for (let o = log.logStartOffset; o < log.logEndOffset; o++) {
    const [first] = await log.read(o, 1);
    const h = readBatchHeader(first);
    byOffset.push(`${o}:${h.baseOffset}-${h.baseOffset + BigInt(h.lastOffsetDelta)}`);
  }
  const byTime: string[] = [];
  for (let ts = 9_900n; ts <= 14_100n; ts += 25n) {
    const r = await log.offsetForTimestamp(ts);
    byTime.push(`${ts}:${r === null ? 'none' : `${r.offset}@${r.timestamp}`}`);
  }
  return { byOffset, byTime };
}

async function indexFiles(fs: MemoryFileSystem): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const n of await fs.list(DIR)) if (n.endsWith('.index') || n.endsWith('.timeindex')) out.set(n, await fs.readFile(`${DIR}/${n}`));
  return out;
}

async function overwrite(fs: MemoryFileSystem, path: string, data: Buffer): Promise<void> {
  const h = await fs.open(path, false);
  await h.truncate(0);
  await h.write(data, 0);
  await h.datasync();
  await h.close();
}

for (const clean of [true, false]) {
  test(`missing, truncated and corrupt indexes are rebuilt on open (${clean ? 'after a clean shutdown' : 'after a crash'})`, async () => {
    const fs = new MemoryFileSystem();
    const log = await openLog(fs, CONFIG, undefined, DIR);
    await fill(log);
    assert.ok(log.segments.length >= 6, `${log.segments.length} segments`);
    assert.ok(log.segments.every((s) => s.indexEntries >= 1) && log.segments.some((s) => s.indexEntries >= 2), 'sparse indexes with several entries');
    const expected = await answers(log);
    const values = await readAll(log);
    const memoryIndexes = log.segments.map((s) => [s.encodeIndex(), s.encodeTimeIndex()]);
    await log.close();
    const original = await indexFiles(fs);
    assert.equal(original.size, 2 * memoryIndexes.length);

    const names = [...original.keys()].filter((n) => n.endsWith('.index')).map((n) => n.slice(0, 20));
    assert.ok(names.length >= 7);
    const [s0, s1, s2, s3, s4, s5] = names;
    const active = names[names.length - 1];
    await fs.remove(`${DIR}/${s0}.index`); // missing offset index
    await fs.remove(`${DIR}/${s1}.timeindex`); // missing time index
    await overwrite(fs, `${DIR}/${s2}.index`, original.get(`${s2}.index`)!.subarray(0, original.get(`${s2}.index`)!.length - 3)); // torn
    await overwrite(fs, `${DIR}/${s3}.timeindex`, original.get(`${s3}.timeindex`)!.subarray(0, original.get(`${s3}.timeindex`)!.length - 12)); // an entry short
    await overwrite(fs, `${DIR}/${s4}.index`, Buffer.alloc(original.get(`${s4}.index`)!.length, 0xa5)); // garbage
    const shifted = Buffer.from(original.get(`${s5}.index`)!);
    shifted.writeInt32BE(1, 4); // the first batch indexed one byte off: ordered and in bounds, but wrong
    await overwrite(fs, `${DIR}/${s5}.index`, shifted);
    await fs.remove(`${DIR}/${active}.index`);
    await fs.remove(`${DIR}/${active}.timeindex`);
    if (!clean) {
      await fs.remove(`${DIR}/.clean-shutdown`);
      await fs.syncDir(DIR);
    }

    const reopened = await openLog(fs, CONFIG, undefined, DIR);
    assert.deepEqual(await answers(reopened), expected);
    assert.deepEqual(await readAll(reopened), values);
    assert.deepEqual(
      reopened.segments.map((s) => [s.encodeIndex(), s.encodeTimeIndex()]),
      memoryIndexes,
      'the indexes in memory are those the appends built',
    );
    await reopened.close();
    assert.deepEqual(await indexFiles(fs), original, 'the index files are written back whole');

    // And they load as written the next time, giving the same answers.
    const third = await openLog(fs, CONFIG, undefined, DIR);
    assert.deepEqual(await answers(third), expected);
    await third.close();
  });
}

test('after a clean close the next open does not scan the segments', async () => {
  const fs = new InstrumentedFileSystem(new MemoryFileSystem());
  const log = await openLog(fs, CONFIG, undefined, DIR);
  await fill(log);
  const values = await readAll(log);
  await log.close();
  assert.ok(await fs.exists(`${DIR}/.clean-shutdown`));

  fs.resetCounts();
  const reopened = await openLog(fs, CONFIG, undefined, DIR);
  assert.equal(fs.readsOf((p) => p.endsWith('.log')), 0, 'no segment was read while opening');
  assert.equal(await fs.exists(`${DIR}/.clean-shutdown`), false, 'the marker is gone once the log is open');
  assert.equal(reopened.logEndOffset, 40n);
  assert.deepEqual(await readAll(reopened), values);
  await reopened.close();
});

test('after an unclean stop the next open scans every segment and cuts a torn tail', async () => {
  const memory = new MemoryFileSystem();
  const fs = new InstrumentedFileSystem(memory);
  const log = await openLog(fs, CONFIG, undefined, DIR);
  await fill(log);
  const values = await readAll(log);
  const segmentCount = log.segments.length;
  const activePath = log.activeSegment.files.log;
  const activeSize = log.activeSegment.size;
  // The process dies without closing; then a torn write at the end: half a batch, made durable.
  const torn = batch(['torn'.padEnd(30, '.')], { timestamp: 99_999n });
  const h = await memory.open(activePath, false);
  await h.write(torn.subarray(0, torn.length >> 1), activeSize);
  await h.datasync();
  await h.close();
  memory.powerLoss();

  fs.resetCounts();
  const reopened = await openLog(fs, CONFIG, undefined, DIR);
  const scanned = [...fs.reads.keys()].filter((p) => p.endsWith('.log'));
  assert.equal(scanned.length, segmentCount, `every segment was read: ${scanned.join(', ')}`);
  assert.equal(reopened.logEndOffset, 40n);
  assert.equal((await memory.readFile(activePath)).length, activeSize, 'the torn tail is cut off the file');
  assert.deepEqual(await readAll(reopened), values);
  assert.equal(reopened.maxTimestamp()?.timestamp, 10_000n + 39n * 100n, 'the torn batch left nothing in the indexes');
  assert.equal((await reopened.append(batch(['after']))).baseOffset, 40n);
  assert.equal((await readAll(reopened)).at(-1)?.value, 'after');
  await reopened.close();
});
