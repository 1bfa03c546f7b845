/**
 * An in-memory FileSystem for crash tests. It keeps, for every file, the bytes as programs see
 * them and the bytes as they would be found after a power cut (what the last datasync covered),
 * and for every directory the entries as seen and as made durable by the last syncDir. It can fail
 * the next write or sync, run out of space, and lose power: powerLoss() throws away everything
 * not made durable (optionally keeping a random part of unsynced file tails, as a real disk may),
 * and invalidates every open handle.
 */
import type { FileHandle, FileSystem } from './types.ts';

interface FileNode {
  kind: 'file';
  data: Buffer;
  durable: Buffer;
}

interface DirNode {
  kind: 'dir';
  entries: Map<string, Node>;
  durable: Map<string, Node>;
}

type Node = FileNode | DirNode;

export class InjectedFault extends Error {
  readonly code: string;

  constructor(message: string, code: string) {
    super(message);
    this.code = code;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

export class MemoryFileSystem implements FileSystem {
  private root: DirNode = { kind: 'dir', entries: new Map(), durable: new Map() };
  private generation = 0;
  private failWrites = 0;
  private failSyncs = 0;
  private capacity = Infinity;
  /** Number of write calls made, for tests that cut power after the N-th write. */
  writes = 0;
  /** Mutating operations left before a scheduled crash, or -1. */
  private crashIn = -1;
  private crashRandom: (() => number) | undefined;
  /** After a scheduled crash every call fails, as for a process whose machine lost power, until restart(). */
  crashed = false;

  /**
   * Cuts the power just before the `ops`-th next mutating operation (write, sync, truncate,
   * create, rename, remove). From then on every call fails until restart().
   */
  scheduleCrash(ops: number, random?: () => number): void {
    this.crashIn = ops;
    this.crashRandom = random;
  }

  /** The machine is back: calls work again, on what survived the crash. */
  restart(): void {
    this.crashed = false;
    this.crashIn = -1;
  }

  private step(what: string): void {
    if (this.crashed) throw new InjectedFault(`EIO: the power is off (${what})`, 'EIO');
    if (this.crashIn < 0) return;
    if (this.crashIn === 0) {
      this.powerLoss(this.crashRandom);
      this.crashed = true;
      this.crashIn = -1;
      throw new InjectedFault(`EIO: power lost during ${what}`, 'EIO');
    }
    this.crashIn--;
  }

  /** The next `count` writes fail with EIO and change nothing. */
  failNextWrite(count = 1): void {
    this.failWrites = count;
  }

  /** The next `count` datasync or syncDir calls fail with EIO and make nothing durable. */
  failNextSync(count = 1): void {
    this.failSyncs = count;
  }

  /** Total bytes all files may hold; a write beyond it fails with ENOSPC. Infinity to lift it. */
  setCapacity(bytes: number): void {
    this.capacity = bytes;
  }

  usedBytes(): number {
    let total = 0;
    const walk = (d: DirNode) => {
      for (const n of d.entries.values()) {
        if (n.kind === 'file') total += n.data.length;
        else walk(n);
      }
    };
    walk(this.root);
    return total;
  }

  /**
   * A power cut: files fall back to their durable bytes and directories to their durable entries.
   * With `random`, each file keeps a random prefix of its unsynced tail, as a disk that wrote back
   * some pages before the cut would.
   */
  powerLoss(random?: () => number): void {
    this.generation++;
    const seen = new Set<Node>();
    const restore = (d: DirNode) => {
      if (seen.has(d)) return;
      seen.add(d);
      d.entries = new Map(d.durable);
      for (const n of d.entries.values()) {
        if (seen.has(n)) continue;
        if (n.kind === 'dir') restore(n);
        else {
          seen.add(n);
          let keep = n.durable;
          if (random !== undefined && n.data.length > n.durable.length) {
            const extra = Math.floor(random() * (n.data.length - n.durable.length + 1));
            keep = Buffer.concat([n.durable, n.data.subarray(n.durable.length, n.durable.length + extra)]);
          }
          n.data = Buffer.from(keep);
          n.durable = Buffer.from(keep);
        }
      }
    };
    restore(this.root);
    this.failWrites = 0;
    this.failSyncs = 0;
  }

  private lookup(path: string): Node | undefined {
    let node: Node = this.root;
    for (const part of split(path)) {
      if (node.kind !== 'dir') return undefined;
      const next = node.entries.get(part);
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  }

  private parentOf(path: string): { dir: DirNode; name: string } {
    const parts = split(path);
    const name = parts.pop();
    if (name === undefined) throw new InjectedFault(`invalid path ${path}`, 'EINVAL');
    const dir = this.lookup(parts.join('/'));
    if (dir === undefined || dir.kind !== 'dir') throw new InjectedFault(`ENOENT: no such directory for ${path}`, 'ENOENT');
    return { dir, name };
  }

  private fileAt(path: string): FileNode {
    const n = this.lookup(path);
    if (n === undefined) throw new InjectedFault(`ENOENT: no such file ${path}`, 'ENOENT');
    if (n.kind !== 'file') throw new InjectedFault(`EISDIR: ${path} is a directory`, 'EISDIR');
    return n;
  }

  private checkSync(what: string): void {
    if (this.failSyncs > 0) {
      this.failSyncs--;
      throw new InjectedFault(`EIO: injected failure of ${what}`, 'EIO');
    }
  }

  async open(path: string, create: boolean): Promise<FileHandle> {
    if (this.crashed) throw new InjectedFault(`EIO: the power is off (open ${path})`, 'EIO');
    let node = this.lookup(path);
    if (node === undefined) {
      if (!create) throw new InjectedFault(`ENOENT: no such file ${path}`, 'ENOENT');
      this.step(`create ${path}`);
      const { dir, name } = this.parentOf(path);
      node = { kind: 'file', data: Buffer.alloc(0), durable: Buffer.alloc(0) };
      dir.entries.set(name, node);
    }
    if (node.kind !== 'file') throw new InjectedFault(`EISDIR: ${path} is a directory`, 'EISDIR');
    const file = node;
    const generation = this.generation;
    const fs = this;
    let closed = false;
    const alive = () => {
      if (closed) throw new InjectedFault(`EBADF: ${path} is closed`, 'EBADF');
      if (generation !== fs.generation) throw new InjectedFault(`EBADF: ${path} was open when the power went`, 'EBADF');
    };
    return {
      async read(buffer, offset, length, position) {
        alive();
        if (fs.crashed) throw new InjectedFault('EIO: the power is off', 'EIO');
        if (position >= file.data.length) return 0;
        return file.data.copy(buffer, offset, position, Math.min(file.data.length, position + length));
      },
      async write(data, position) {
        alive();
        fs.step(`write ${path}`);
        fs.writes++;
        if (fs.failWrites > 0) {
          fs.failWrites--;
          throw new InjectedFault(`EIO: injected write failure on ${path}`, 'EIO');
        }
        const end = position + data.length;
        const growth = Math.max(0, end - file.data.length);
        if (growth > 0 && fs.usedBytes() + growth > fs.capacity) throw new InjectedFault(`ENOSPC: no space left on device writing ${path}`, 'ENOSPC');
        if (end > file.data.length) {
          const grown = Buffer.alloc(end);
          file.data.copy(grown);
          file.data = grown;
        }
        data.copy(file.data, position);
      },
      async datasync() {
        alive();
        fs.step(`datasync ${path}`);
        fs.checkSync(`datasync of ${path}`);
        file.durable = Buffer.from(file.data);
      },
      async truncate(length) {
        alive();
        fs.step(`truncate ${path}`);
        if (length < file.data.length) file.data = Buffer.from(file.data.subarray(0, length));
        else if (length > file.data.length) file.data = Buffer.concat([file.data, Buffer.alloc(length - file.data.length)]);
      },
      async size() {
        alive();
        return file.data.length;
      },
      async close() {
        closed = true;
      },
    };
  }

  async readFile(path: string): Promise<Buffer> {
    if (this.crashed) throw new InjectedFault('EIO: the power is off', 'EIO');
    return Buffer.from(this.fileAt(path).data);
  }

  async exists(path: string): Promise<boolean> {
    return this.lookup(path) !== undefined;
  }

  async list(dir: string): Promise<string[]> {
    const n = this.lookup(dir);
    if (n === undefined) throw new InjectedFault(`ENOENT: no such directory ${dir}`, 'ENOENT');
    if (n.kind !== 'dir') throw new InjectedFault(`ENOTDIR: ${dir}`, 'ENOTDIR');
    return [...n.entries.keys()].sort();
  }

  async mkdir(dir: string): Promise<void> {
    this.step(`mkdir ${dir}`);
    let node: DirNode = this.root;
    for (const part of split(dir)) {
      let next = node.entries.get(part);
      if (next === undefined) {
        next = { kind: 'dir', entries: new Map(), durable: new Map() };
        node.entries.set(part, next);
      }
      if (next.kind !== 'dir') throw new InjectedFault(`ENOTDIR: ${dir}`, 'ENOTDIR');
      node = next;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    this.step(`rename ${from}`);
    const src = this.parentOf(from);
    const node = src.dir.entries.get(src.name);
    if (node === undefined) throw new InjectedFault(`ENOENT: no such file ${from}`, 'ENOENT');
    const dst = this.parentOf(to);
    src.dir.entries.delete(src.name);
    dst.dir.entries.set(dst.name, node);
  }

  async remove(path: string): Promise<void> {
    this.step(`remove ${path}`);
    const { dir, name } = this.parentOf(path);
    const n = dir.entries.get(name);
    if (n !== undefined && n.kind === 'dir') throw new InjectedFault(`EISDIR: ${path}`, 'EISDIR');
    dir.entries.delete(name);
  }

  async removeDir(path: string): Promise<void> {
    this.step(`remove ${path}`);
    const parts = split(path);
    if (parts.length === 0) throw new InjectedFault('refusing to remove the root', 'EINVAL');
    const { dir, name } = this.parentOf(path);
    dir.entries.delete(name);
  }

  async syncDir(path: string): Promise<void> {
    const n = this.lookup(path);
    if (n === undefined || n.kind !== 'dir') throw new InjectedFault(`ENOENT: no such directory ${path}`, 'ENOENT');
    this.step(`sync ${path}`);
    this.checkSync(`sync of directory ${path}`);
    n.durable = new Map(n.entries);
  }
}
