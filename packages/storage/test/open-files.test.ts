// Many partitions, few file descriptors, on the real filesystem: partitions are written, read
// back, closed and reopened through a LogManager whose file cache may keep 16 files open, with
// more partitions busy at once than that, and the process never holds more descriptors than that.
// 250 partitions by default (every file operation costs about a millisecond on the test machines'
// disks); SLUICE_OPEN_FILES_PARTITIONS=2000 runs the full-size version (about a minute).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { open as openFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileCache, LogManager, MemoryFileSystem, NodeFileSystem, writeFileAtomic } from '../src/index.ts';
import { batch, readAll } from './helpers.ts';
import { eventually } from '@sluice/test-kit/eventually';
import { InstrumentedFileSystem } from './instrumented-fs.ts';

const PARTITIONS = Number(process.env.SLUICE_OPEN_FILES_PARTITIONS ?? 250);
const MAX_OPEN = 16;
// More partitions busy at once than files may be open: the cache makes the extra ones wait.
const CONCURRENCY = 64;
// In the repository's ignored .cache/ (not /tmp, which may be a memory filesystem), unless told
// otherwise.
const SCRATCH = process.env.SLUICE_SCRATCH_DIR ?? fileURLToPath(new URL('../../../.cache/scratch-storage', import.meta.url));

/** Runs `fn` over 0..count-1, at most `limit` at a time. */
async function inParallel(count: number, limit: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await fn(next++);
    }),
  );
}

test(`${PARTITIONS} partitions on the real filesystem with at most ${MAX_OPEN} files open`, async () => {
  mkdirSync(SCRATCH, { recursive: true });
  const root = mkdtempSync(join(SCRATCH, 'open-files-'));
  const fds = () => readdirSync('/proc/self/fd').length;
  // Asynchronous file calls first, so that whatever libuv sets up for them on first use (an
  // io_uring instance, say) is in the baseline.
  await (await openFile(join(root, 'warm-up'), 'w')).close();
  await readdir(root);
  const baseline = fds();
  let maxFds = baseline;
  const fs = new InstrumentedFileSystem(new NodeFileSystem(), true);
  // Sample the process's descriptors whenever a file is opened, and after every step below.
  const open = fs.open.bind(fs);
  fs.open = async (path, create) => {
    const h = await open(path, create);
    maxFds = Math.max(maxFds, fds());
    return h;
  };
  const sample = () => (maxFds = Math.max(maxFds, fds()));
  try {
    const options = { fs, dataDir: `${root}/data`, maxOpenFiles: MAX_OPEN, maintenanceIntervalMs: 0 };
    const m = await LogManager.open(options);
    await m.createTopic('wide', PARTITIONS);
    await inParallel(PARTITIONS, CONCURRENCY, async (p) => {
      const log = m.log('wide', p)!;
      await log.append(batch([`a${p}`]));
      await log.append(batch([`b${p}`]));
      sample();
    });
    await inParallel(PARTITIONS, CONCURRENCY, async (p) => {
      assert.deepEqual((await readAll(m.log('wide', p)!)).map((r) => r.value), [`a${p}`, `b${p}`]);
      sample();
    });
    await m.close();
    sample();

    const again = await LogManager.open(options);
    await inParallel(PARTITIONS, CONCURRENCY, async (p) => {
      const log = again.log('wide', p)!;
      assert.equal((await log.append(batch([`c${p}`]))).baseOffset, 2n);
      assert.deepEqual((await readAll(log)).map((r) => r.value), [`a${p}`, `b${p}`, `c${p}`]);
      sample();
    });
    await again.close();

    assert.ok(fs.maxOpen <= MAX_OPEN, `${fs.maxOpen} files were open at once through the storage's file system: ${fs.openAtMax.map((p) => p.slice(root.length)).join(' ')}`);
    assert.equal(fs.openHandles, 0, 'every file is closed after close()');
    assert.ok(maxFds - baseline <= MAX_OPEN, `${maxFds - baseline} descriptors above the ${baseline} the process started with`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the file cache never holds more than its limit, even with every file busy', async () => {
  const memory = new MemoryFileSystem();
  await memory.mkdir('/d');
  for (let i = 0; i < 10; i++) {
    const h = await memory.open(`/d/${i}`, true);
    await h.write(Buffer.from(`file ${i}`), 0);
    await h.close();
  }
  const fs = new InstrumentedFileSystem(memory);
  const cache = new FileCache(fs, 3);
  // Ten readers of ten files, all held mid-read: three get a file, the others wait for one.
  fs.holdReads(() => true);
  let done = 0;
  const readers = Array.from({ length: 10 }, (_, i) =>
    cache
      .use(`/d/${i}`, async (h) => {
        const b = Buffer.alloc(20);
        return b.subarray(0, await h.read(b, 0, 20, 0)).toString();
      })
      .finally(() => done++),
  );
  await eventually('three reads to be held', () => fs.held === 3);
  // A write of another file through the cache's file system waits for a descriptor too.
  let written = false;
  const write = writeFileAtomic(cache.fs, '/d/meta', Buffer.from('x')).then(() => (written = true));
  for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r)); // let everything runnable run
  assert.equal(fs.openHandles, 3);
  assert.equal(cache.descriptors, 3);
  assert.equal(done, 0);
  assert.equal(written, false);
  fs.release();
  assert.deepEqual(await Promise.all(readers), Array.from({ length: 10 }, (_, i) => `file ${i}`));
  await write;
  assert.equal((await memory.readFile('/d/meta')).toString(), 'x');
  assert.ok(fs.maxOpen <= 3, `${fs.maxOpen} open at once`);
  assert.ok(cache.descriptors <= 3 && cache.openCount <= 3);
  // Idle files make room for new ones: the least recently used goes.
  for (let i = 0; i < 10; i++) await cache.use(`/d/${i}`, async () => {});
  assert.ok(fs.maxOpen <= 3);
});
