/**
 * Open file handles, shared and bounded. Segments open their files through this cache; the least
 * recently used idle handles are closed once more than `maxOpen` are open, so that thousands of
 * partitions do not exhaust the process's file descriptors.
 */
import type { FileHandle, FileSystem } from './fs/types.js';

interface Entry {
  handle: Promise<FileHandle>;
  refs: number;
  lastUse: number;
}

export class FileCache {
  private readonly entries = new Map<string, Entry>();
  private clock = 0;

  constructor(
    readonly fs: FileSystem,
    readonly maxOpen = 1000,
  ) {}

  get openCount(): number {
    return this.entries.size;
  }

  /** Runs `fn` with the file open; the handle stays cached afterwards. */
  async use<T>(path: string, fn: (h: FileHandle) => Promise<T>, create = false): Promise<T> {
    let e = this.entries.get(path);
    const fresh = e === undefined;
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
    if (fresh) this.evict();
    try {
      return await fn(await e.handle);
    } finally {
      e.refs--;
    }
  }

  private evict(): void {
    if (this.entries.size <= this.maxOpen) return;
    const idle = [...this.entries].filter(([, e]) => e.refs === 0).sort((a, b) => a[1].lastUse - b[1].lastUse);
    for (const [path] of idle.slice(0, this.entries.size - this.maxOpen)) void this.close(path);
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
