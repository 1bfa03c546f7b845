// The writer's rollback of failed writes and the retention part's truncation, where they meet
// rolled segments and idempotent producer state: a failed append leaves no segment, offset or
// producer sequence behind it, and a truncation across segments is followed by appends that
// survive a clean restart and a power cut.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type FileHandle, type FileSystem, MemoryFileSystem, StorageError } from '../src/index.ts';
import { batch, openLog, readAll } from './helpers.ts';

const CONFIG = { 'segment.bytes': '300' };
const DIR = '/data/t-0';
const produce = (seq: number, value = `p${seq}`) => batch([value.padEnd(60, '.')], { producerId: 9n, epoch: 0, seq });
const values = async (log: Awaited<ReturnType<typeof openLog>>) => (await readAll(log)).map((r) => r.value?.replace(/\.+$/, ''));

/** `fs` with the first write to a file named `name` failing with EIO (and the rest as they are). */
function failFirstWriteTo(fs: MemoryFileSystem, name: string): FileSystem {
  let armed = true;
  const passThrough = <T extends object>(target: T, override: (prop: string | symbol) => unknown) =>
    new Proxy(target, {
      get(t, prop) {
        const replaced = override(prop);
        if (replaced !== undefined) return replaced;
        const value = Reflect.get(t, prop);
        return typeof value === 'function' ? value.bind(t) : value;
      },
    });
  return passThrough(fs, (prop) => {
    if (prop !== 'open') return undefined;
    return async (path: string, create: boolean): Promise<FileHandle> => {
      const handle = await fs.open(path, create);
      if (!path.endsWith(`/${name}`)) return handle;
      return passThrough(handle, (p) => {
        if (p !== 'write' || !armed) return undefined;
        return async () => {
          armed = false;
          throw Object.assign(new Error(`EIO: injected into the first write to ${name}`), { code: 'EIO' });
        };
      });
    };
  });
}

const segmentFiles = async (fs: MemoryFileSystem) => (await fs.list(DIR)).filter((n) => n.endsWith('.log')).sort();

test('a failed write of an append that rolled a segment leaves that segment empty and undoes its producer sequence', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(failFirstWriteTo(fs, '00000000000000000002.log'), CONFIG);
  for (let seq = 0; seq < 2; seq++) await log.append(produce(seq)); // two batches fill a segment: the next one rolls
  assert.deepEqual(await segmentFiles(fs), ['00000000000000000000.log']);
  await assert.rejects(log.append(produce(2, 'lost')), StorageError);
  assert.equal(log.logEndOffset, 2n);
  assert.equal(log.highWatermark, 2n);
  // The rolled segment starts where the failed append began, so it stays as the active segment, empty.
  assert.deepEqual(await segmentFiles(fs), ['00000000000000000000.log', '00000000000000000002.log']);
  assert.equal((await fs.readFile(`${DIR}/00000000000000000002.log`)).length, 0, 'nothing of the failed append is left');
  // The producer's retry of the failed sequence is taken as new, at the offset the failed one had.
  assert.equal((await log.append(produce(2))).baseOffset, 2n);
  assert.equal((await log.append(produce(3))).baseOffset, 3n);
  assert.deepEqual(await values(log), ['p0', 'p1', 'p2', 'p3']);
  fs.powerLoss();
  const recovered = await openLog(fs, CONFIG);
  assert.deepEqual(await values(recovered), ['p0', 'p1', 'p2', 'p3']);
  assert.equal((await recovered.append(produce(3))).baseOffset, 3n, 'the acknowledged last batch is a duplicate after the crash');
});

test('a failed sync fails every append it covered and undoes their producer sequences in order', async () => {
  const fs = new MemoryFileSystem();
  const log = await openLog(fs, CONFIG);
  await log.append(produce(0));
  fs.failNextSync();
  const results = await Promise.allSettled([1, 2, 3, 4].map((seq) => log.append(produce(seq, 'lost'))));
  assert.ok(results.every((r) => r.status === 'rejected'), JSON.stringify(results.map((r) => r.status)));
  assert.equal(log.logEndOffset, 1n);
  // Sequence 1 follows 0 again: none of the failed ones is remembered.
  const again = await Promise.all([1, 2, 3, 4].map((seq) => log.append(produce(seq))));
  assert.deepEqual(again.map((r) => r.baseOffset), [1n, 2n, 3n, 4n]);
  await log.close();
  const reopened = await openLog(fs, CONFIG);
  assert.deepEqual(await values(reopened), ['p0', 'p1', 'p2', 'p3', 'p4']);
});

for (const restart of ['a clean restart', 'a power cut'] as const) {
  test(`truncation across segments, then appends, survive ${restart}`, async () => {
    const fs = new MemoryFileSystem();
    const log = await openLog(fs, CONFIG);
    for (let seq = 0; seq < 10; seq++) await log.append(produce(seq));
    await log.checkpointed();
    assert.ok(log.segments.length >= 3, `${log.segments.length} segments`);
    await log.truncateTo(4n);
    assert.equal(log.logEndOffset, 4n);
    assert.equal(log.highWatermark, 4n);
    assert.equal(log.activeSegment.baseOffset <= 4n, true);
    // The truncated batches are forgotten by the producer state: sequence 4 is new again.
    assert.equal((await log.append(produce(4, 'again4'))).baseOffset, 4n);
    assert.equal((await log.append(produce(5, 'again5'))).baseOffset, 5n);
    const expected = ['p0', 'p1', 'p2', 'p3', 'again4', 'again5'];
    assert.deepEqual(await values(log), expected);
    if (restart === 'a clean restart') await log.close();
    else fs.powerLoss();
    const reopened = await openLog(fs, CONFIG);
    assert.deepEqual(await values(reopened), expected);
    assert.equal(reopened.logEndOffset, 6n);
    assert.equal((await reopened.append(produce(5, 'dup'))).baseOffset, 5n, 'a retry of the last batch is a duplicate');
    assert.equal((await reopened.append(produce(6))).baseOffset, 6n);
  });
}

test('truncation inside a batch is refused and changes nothing', async () => {
  const log = await openLog(new MemoryFileSystem());
  await log.append(batch(['a', 'b', 'c']));
  await log.append(batch(['d']));
  await assert.rejects(log.truncateTo(1n), (e: unknown) => e instanceof StorageError && e.code === 'STORAGE_INVALID_TRUNCATION' && /inside the batch 0-2/.test(e.message));
  assert.equal(log.logEndOffset, 4n);
  assert.deepEqual((await readAll(log)).map((r) => r.value), ['a', 'b', 'c', 'd']);
});
