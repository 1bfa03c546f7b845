/** The FileSystem interface over Node's fs/promises. */
import { open as openFile, readFile, readdir, mkdir, rename, rm, access, constants } from 'node:fs/promises';
import type { FileHandle as NodeHandle } from 'node:fs/promises';
import type { FileHandle, FileSystem } from './types.js';

class NodeFileHandle implements FileHandle {
  constructor(private readonly h: NodeHandle) {}

  async read(buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
    let total = 0;
    while (total < length) {
      const { bytesRead } = await this.h.read(buffer, offset + total, length - total, position + total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return total;
  }

  async write(data: Buffer, position: number): Promise<void> {
    let done = 0;
    while (done < data.length) {
      const { bytesWritten } = await this.h.write(data, done, data.length - done, position + done);
      done += bytesWritten;
    }
  }

  datasync(): Promise<void> {
    return this.h.datasync();
  }

  truncate(length: number): Promise<void> {
    return this.h.truncate(length);
  }

  async size(): Promise<number> {
    return (await this.h.stat()).size;
  }

  close(): Promise<void> {
    return this.h.close();
  }
}

export class NodeFileSystem implements FileSystem {
  async open(path: string, create: boolean): Promise<FileHandle> {
    // 'r+' never creates; 'a+' would force appends; so create first when asked to.
    if (create) await (await openFile(path, 'a')).close();
    return new NodeFileHandle(await openFile(path, 'r+'));
  }

  readFile(path: string): Promise<Buffer> {
    return readFile(path);
  }

  async exists(path: string): Promise<boolean> {
    try {
      await access(path, constants.F_OK);
      return true;
    } catch {
      return false;
    }
  }

  list(dir: string): Promise<string[]> {
    return readdir(dir);
  }

  async mkdir(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
  }

  rename(from: string, to: string): Promise<void> {
    return rename(from, to);
  }

  remove(path: string): Promise<void> {
    return rm(path, { force: true });
  }

  removeDir(dir: string): Promise<void> {
    return rm(dir, { recursive: true, force: true });
  }

  async syncDir(dir: string): Promise<void> {
    const h = await openFile(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  }
}
