/**
 * The only way storage touches files. Two implementations: Node's fs (node-fs.ts) and an
 * in-memory twin that can fail writes and syncs, fill up, and lose power (memory-fs.ts).
 * The interface is the small set of calls a log needs, with the durability promises of POSIX:
 * written bytes survive a crash only after datasync(); a created, renamed or removed directory
 * entry only after syncDir() of its directory.
 */

export interface FileHandle {
  /** Reads up to `length` bytes at `position` into `buffer` at `offset`; resolves to bytes read. */
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  /** Writes all of `data` at `position`. */
  write(data: Buffer, position: number): Promise<void>;
  /** Makes the file's written bytes durable (fdatasync). */
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  size(): Promise<number>;
  close(): Promise<void>;
}

export interface FileSystem {
  /** Opens a file for reading and writing, creating it when `create` is true. */
  open(path: string, create: boolean): Promise<FileHandle>;
  readFile(path: string): Promise<Buffer>;
  exists(path: string): Promise<boolean>;
  /** Names of the entries of a directory. */
  list(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Removes a directory and everything in it. */
  removeDir(dir: string): Promise<void>;
  /** Makes the directory's entries (creates, renames, removals) durable. */
  syncDir(dir: string): Promise<void>;
}

/** Writes a whole file so that after a crash it is either the old content or the new one. */
export async function writeFileAtomic(fs: FileSystem, path: string, data: Buffer): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf('/')) || '.';
  const temp = `${path}.tmp`;
  const h = await fs.open(temp, true);
  try {
    await h.truncate(0);
    await h.write(data, 0);
    await h.datasync();
  } finally {
    await h.close();
  }
  await fs.rename(temp, path);
  await fs.syncDir(dir);
}

/** Creates a directory (and its parents) so that the new entries survive a crash. */
export async function mkdirDurable(fs: FileSystem, dir: string): Promise<void> {
  if (await fs.exists(dir)) return;
  await fs.mkdir(dir);
  const parts = dir.split('/');
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join('/') || '/';
    await fs.syncDir(parent);
  }
}
