// A FileSystem that passes every call through to another one (the in-memory twin or Node's) and
// lets a test watch and hold file operations: it counts handle reads and completed datasyncs per
// path, tracks how many handles are open at once, and can hold reads of chosen paths until
// released. It also records every call, with its path, in `calls` (for tests that pin how many file
// operations something costs, such as a clean start).
import type { FileHandle, FileSystem } from '../src/index.ts';

export class InstrumentedFileSystem implements FileSystem {
  /** Handle reads per path. */
  readonly reads = new Map<string, number>();
  /** Completed datasync calls per path. */
  readonly syncs = new Map<string, number>();
  /** Handles open right now through this file system, and the most ever open at once. */
  openHandles = 0;
  maxOpen = 0;
  /** Paths open right now (one entry per handle), and the paths open when the most were. */
  readonly openPaths: string[] = [];
  openAtMax: string[] = [];
  /** Every call made through this file system or a handle it opened, as `<call> <path>`, in order. */
  readonly calls: string[] = [];
  /** Reads held by the gate, waiting for release(). */
  held = 0;
  private gate: { matches: (path: string) => boolean; opened: Promise<void>; open: () => void } | null = null;

  readonly inner: FileSystem;
  readonly skipSyncs: boolean;

  /**
   * With `skipSyncs`, datasync and syncDir do nothing (and are still counted): for tests on real
   * files whose point is not durability, where thousands of fsyncs would only cost time.
   */
  constructor(inner: FileSystem, skipSyncs = false) {
    this.inner = inner;
    this.skipSyncs = skipSyncs;
  }

  readsOf(match: (path: string) => boolean): number {
    let n = 0;
    for (const [p, c] of this.reads) if (match(p)) n += c;
    return n;
  }

  resetCounts(): void {
    this.reads.clear();
    this.syncs.clear();
    this.calls.length = 0;
  }

  private record(call: string, path: string): void {
    this.calls.push(`${call} ${path}`);
  }

  /** From now on, reads of paths that `matches` accepts wait until release(). */
  holdReads(matches: (path: string) => boolean): void {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { matches, opened, open };
  }

  release(): void {
    const g = this.gate;
    this.gate = null;
    g?.open();
  }

  async open(path: string, create: boolean): Promise<FileHandle> {
    this.record(create ? 'create' : 'open', path);
    const h = await this.inner.open(path, create);
    this.openHandles++;
    this.openPaths.push(path);
    if (this.openHandles > this.maxOpen) {
      this.maxOpen = this.openHandles;
      this.openAtMax = [...this.openPaths];
    }
    let closed = false;
    const fs = this;
    return {
      async read(buffer, offset, length, position) {
        fs.record('read', path);
        fs.reads.set(path, (fs.reads.get(path) ?? 0) + 1);
        const g = fs.gate;
        if (g !== null && g.matches(path)) {
          fs.held++;
          try {
            await g.opened;
          } finally {
            fs.held--;
          }
        }
        return h.read(buffer, offset, length, position);
      },
      write: (data, position) => {
        fs.record('write', path);
        return h.write(data, position);
      },
      async datasync() {
        fs.record('datasync', path);
        if (!fs.skipSyncs) await h.datasync();
        fs.syncs.set(path, (fs.syncs.get(path) ?? 0) + 1);
      },
      truncate: (length) => {
        fs.record('truncate', path);
        return h.truncate(length);
      },
      size: () => {
        fs.record('size', path);
        return h.size();
      },
      async close() {
        fs.record('close', path);
        if (!closed) {
          closed = true;
          fs.openHandles--;
          fs.openPaths.splice(fs.openPaths.indexOf(path), 1);
        }
        await h.close();
      },
    };
  }

  readFile(path: string): Promise<Buffer> {
    this.record('readFile', path);
    return this.inner.readFile(path);
  }
  exists(path: string): Promise<boolean> {
    this.record('exists', path);
    return this.inner.exists(path);
  }
  list(dir: string): Promise<string[]> {
    this.record('list', dir);
    return this.inner.list(dir);
  }
  mkdir(dir: string): Promise<void> {
    this.record('mkdir', dir);
    return this.inner.mkdir(dir);
  }
  /** Called (and awaited) before each rename. */
  beforeRename: ((from: string, to: string) => Promise<void>) | null = null;

  async rename(from: string, to: string): Promise<void> {
    this.record('rename', from);
    if (this.beforeRename !== null) await this.beforeRename(from, to);
    return this.inner.rename(from, to);
  }
  remove(path: string): Promise<void> {
    this.record('remove', path);
    return this.inner.remove(path);
  }
  removeDir(dir: string): Promise<void> {
    this.record('removeDir', dir);
    return this.inner.removeDir(dir);
  }
  async syncDir(dir: string): Promise<void> {
    this.record('syncDir', dir);
    if (!this.skipSyncs) await this.inner.syncDir(dir);
  }
}
