/**
 * Open file handles, shared and bounded. Segments open their files through this cache; other
 * storage code opens files (atomic writes of small files, the cleaner's output) and directories
 * (syncs, listings) through `cache.fs`. Every one of those holds a descriptor, and together they
 * never hold more than `maxOpen`: when all are taken, the least recently used idle cached handle
 * is closed first, and if none is idle the caller waits for one, so that thousands of partitions
 * do not exhaust the process's file descriptors however many are busy at once.
 */
import type { FileHandle, FileSystem } from './fs/types.ts';

interface Entry {
  handle: Promise<FileHandle>;
  refs: number;
  lastUse: number;
}

export class FileCache {
  private readonly entries = new Map<string, Entry>();
  private clock = 0;
  /** Descriptors held or being opened: cached handles, other open handles, calls in progress. */
  private held = 0;
  private readonly waiting: (() => void)[] = [];
  /** The file system, with every call that holds a descriptor counted against `maxOpen`. */
  readonly fs: FileSystem;
  readonly maxOpen: number;

  readonly rawFs: FileSystem;

  constructor(rawFs: FileSystem, maxOpen = 1000) {
    this.rawFs = rawFs;
    this.maxOpen = Math.max(1, Math.floor(maxOpen));
    this.fs = boundedFileSystem(rawFs, this);
  }

  /** Files held open by the cache. */
  get openCount(): number {
    return this.entries.size;
  }

  /** Descriptors held right now through the cache and `fs` (never more than `maxOpen`). */
  get descriptors(): number {
    return this.held;
  }

  /** Runs `fn` with the file open; the handle stays cached afterwards. */
  async use<T>(path: string, fn: (h: FileHandle) => Promise<T>, create = false): Promise<T> {
    let e = this.entries.get(path);
    if (e === undefined) {
      e = { handle: this.fs.open(path, create), refs: 0, lastUse: 0 };
      this.entries.set(path, e);
      const entry = e;
      e.handle.catch(() => {
        if (this.entries.get(path) === entry) this.entries.delete(path);
      });
    }
    e.refs++;
    e.lastUse = ++this.clock;
    try {
      return await fn(await e.handle);
    } finally {
      // Someone waiting for a descriptor may now close this one.
      if (--e.refs === 0 && this.waiting.length > 0) this.waiting.shift()!();
    }
  }

  /** Takes a descriptor, closing idle cached files or waiting for one to free when all are taken. */
  async acquire(): Promise<void> {
    while (this.held >= this.maxOpen) {
      // Looked for and queued in the same turn, so that no release can slip in between.
      const idle = this.leastRecentlyUsedIdle();
      if (idle !== undefined) await this.close(idle);
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.held++;
  }

  release(): void {
    this.held--;
    if (this.waiting.length > 0) this.waiting.shift()!();
  }

  /** The least recently used cached file no one is using, if any. */
  private leastRecentlyUsedIdle(): string | undefined {
    let oldest: [string, Entry] | undefined;
    for (const item of this.entries) if (item[1].refs === 0 && (oldest === undefined || item[1].lastUse < oldest[1].lastUse)) oldest = item;
    return oldest?.[0];
  }

  /** Closes a file (before it is renamed or removed). Waits for nothing in flight: callers ensure that. */
  async close(path: string): Promise<void> {
    const e = this.entries.get(path);
    if (e === undefined) return;
    this.entries.delete(path);
    try {
      await (await e.handle).close();
    } catch {
      // already gone
    }
  }

  /** Closes every file under `dir`. */
  async closeUnder(dir: string): Promise<void> {
    await Promise.all([...this.entries.keys()].filter((p) => p.startsWith(`${dir}/`)).map((p) => this.close(p)));
  }
}

/** `fs` with a descriptor taken from `cache` for each open handle and for each call that opens one. */
function boundedFileSystem(fs: FileSystem, cache: FileCache): FileSystem {
  const holding = async <T>(call: () => Promise<T>): Promise<T> => {
    await cache.acquire();
    try {
      return await call();
    } finally {
      cache.release();
    }
  };
  return {
    async open(path, create) {
      await cache.acquire();
      let h: FileHandle;
      try {
        h = await fs.open(path, create);
      } catch (e) {
        cache.release();
        throw e;
      }
      let closed = false;
      return {
        read: (buffer, offset, length, position) => h.read(buffer, offset, length, position),
        write: (data, position) => h.write(data, position),
        datasync: () => h.datasync(),
        truncate: (length) => h.truncate(length),
        size: () => h.size(),
        async close() {
          if (closed) return;
          closed = true;
          try {
            await h.close();
          } finally {
            cache.release();
          }
        },
      };
    },
    readFile: (path) => holding(() => fs.readFile(path)),
    exists: (path) => fs.exists(path),
    list: (dir) => holding(() => fs.list(dir)),
    mkdir: (dir) => fs.mkdir(dir),
    rename: (from, to) => fs.rename(from, to),
    remove: (path) => fs.remove(path),
    removeDir: (dir) => holding(() => fs.removeDir(dir)),
    syncDir: (dir) => holding(() => fs.syncDir(dir)),
  };
}
