// A producer's batch (small) is decompressed without libuv's thread pool: in a broker the pool's
// threads are taken by file writes and syncs, and a batch waiting there for its records to be
// checked halved gzip and zstd produce (bench/README, record validation). The test takes every
// pool thread with an open() of a FIFO nobody writes to yet, so that work sent to the pool cannot
// finish, and decompresses: small data must come back all the same, large data only once the pool
// is free again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants as fsConstants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, zstdCompressSync } from 'node:zlib';
import { CompressionType, decompress } from '../src/index.ts';

/** Generous: it only bounds how long a broken build makes the test wait before it fails. */
const GIVE_UP_MS = 20_000;

/** Takes every thread of the pool until the returned function is called (once; later calls do nothing). */
function blockThreadPool(dir: string): () => Promise<void> {
  const threads = Number(process.env.UV_THREADPOOL_SIZE ?? 4);
  const fifo = join(dir, 'fifo');
  execFileSync('mkfifo', [fifo]);
  // Each open for reading blocks its pool thread until a writer opens the FIFO.
  const readers = Array.from({ length: threads }, () => open(fifo, 'r'));
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // Opening for writing without blocking succeeds once a reader waits, and releases them all.
    let writer: number | undefined;
    for (let tries = 0; writer === undefined; tries++) {
      try {
        writer = openSync(fifo, fsConstants.O_WRONLY | fsConstants.O_NONBLOCK);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENXIO' || tries > 1000) throw e;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    for (const handle of await Promise.all(readers)) await handle.close();
    closeSync(writer);
  };
}

function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} waited for the blocked thread pool`)), GIVE_UP_MS);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

test('a batch-sized gzip or zstd payload decompresses while every thread of the pool is busy', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-pool-'));
  const release = blockThreadPool(dir);
  try {
    const records = Buffer.alloc(64 * 1024, 'record ');
    assert.deepEqual(await within(decompress(CompressionType.Gzip, gzipSync(records)), 'gzip'), records);
    assert.deepEqual(await within(decompress(CompressionType.Zstd, zstdCompressSync(records)), 'zstd'), records);
    // Above the limit the pool is used: the answer comes once the pool is free.
    const large = Buffer.alloc(3 * 1024 * 1024, 'large ');
    let done = false;
    const inflating = decompress(CompressionType.Gzip, gzipSync(large)).then((out) => ((done = true), out));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(done, false, 'large data is not inflated on the calling thread');
    await release();
    assert.deepEqual(await within(inflating, 'gzip of 3 MiB'), large);
  } finally {
    await release();
    rmSync(dir, { recursive: true, force: true });
  }
});
