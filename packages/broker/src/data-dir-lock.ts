/**
 * One broker per data folder. Two processes appending to one log corrupt it without a sound, so
 * the second broker is refused, naming the folder and the process that holds it.
 *
 * Kafka takes an OS file lock on `<log.dir>/.lock`. Node has no flock(), so:
 * - On Linux the lock itself is a listening Unix socket in the abstract namespace, named after the
 *   folder's device and inode. Binding it is atomic and exclusive, and the kernel releases it when
 *   the process ends in any way, kill -9 included: there is no stale lock to detect or break, and
 *   no race between two brokers starting at once. (The namespace is per network namespace: two
 *   containers sharing one volume do not see each other's lock.)
 * - Elsewhere, `.lock` is created exclusively (O_EXCL); one left by a process that no longer
 *   exists (checked with signal 0) is taken over. A pid reused by an unrelated process after a
 *   crash makes the start fail with that pid named, which is safe: remove `.lock` by hand. Two
 *   brokers taking over the same stale file at the same moment could both succeed; that narrow
 *   race is why Linux uses the socket.
 * Either way `.lock` holds the pid, host, start time and address of the holder, for the message.
 */
import { open, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { BrokerErrorCode } from './errors.ts';

export const LOCK_FILE = '.lock';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  readonly code = BrokerErrorCode.DATA_DIR_LOCKED;
}

export interface DataDirLock {
  /** Records where the holder listens, once it does, for the message a second broker gets. */
  setListening(address: string): Promise<void>;
  release(): Promise<void>;
}

type Holder = Record<string, string>;

function describeHolder(holder: Holder | null): string {
  if (holder === null || holder.pid === undefined) return 'another process (its .lock file names none)';
  const parts = [`process ${holder.pid}`];
  if (holder.host !== undefined && holder.host !== hostname()) parts.push(`on host ${holder.host}`);
  if (Number(holder.pid) === process.pid) parts.push('(this process: a broker started earlier and not closed)');
  if (holder.listening !== undefined) parts.push(`listening on ${holder.listening}`);
  if (holder.started !== undefined) parts.push(`since ${holder.started}`);
  return `another broker, ${parts.join(' ')}`;
}

function lockedError(dataDir: string, holder: Holder | null): DataDirLockedError {
  return new DataDirLockedError(
    `The data folder ${dataDir} is in use by ${describeHolder(holder)}. Two brokers must not share a data folder: stop that one, or give this broker its own folder with --data-dir DIR (log.dirs).`,
  );
}

async function readHolder(path: string): Promise<Holder | null> {
  try {
    const text = await readFile(path, 'utf8');
    return Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  } catch {
    return null;
  }
}

function holderText(extra: Holder = {}): string {
  const holder: Holder = { pid: String(process.pid), host: hostname(), started: new Date().toISOString(), ...extra };
  return Object.entries(holder).map(([k, v]) => `${k}=${v}\n`).join('');
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function lockWithAbstractSocket(dataDir: string, path: string): Promise<DataDirLock> {
  const { dev, ino } = await stat(dataDir);
  // Nobody is meant to connect; anyone who does is hung up on.
  const server = createServer((socket) => socket.destroy());
  try {
    await listen(server, `\0sluice-data-dir-${dev}-${ino}`);
  } catch (e) {
    if ((e as { code?: string }).code === 'EADDRINUSE') throw lockedError(dataDir, await readHolder(path));
    throw e;
  }
  server.unref();
  let text = holderText();
  await writeFile(path, text);
  return {
    async setListening(address) {
      text = holderText({ listening: address });
      await writeFile(path, text);
    },
    // The file stays, as Kafka's does: only the socket is the lock, and the next holder rewrites it.
    release: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The lock on platforms without abstract sockets; exported for its tests, which run on Linux too. */
export async function lockWithPidFile(dataDir: string, path: string = join(dataDir, LOCK_FILE)): Promise<DataDirLock> {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(holderText());
      await handle.close();
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== 'EEXIST') throw e;
      const holder = await readHolder(path);
      if (attempt > 0) throw lockedError(dataDir, holder); // someone else took it over first
      const pid = Number(holder?.pid);
      if (!Number.isInteger(pid) || pid <= 0 || holder?.host !== hostname() || isAlive(pid)) throw lockedError(dataDir, holder);
      await unlink(path); // left by a process that has ended
    }
  }
  return {
    setListening: (address) => writeFile(path, holderText({ listening: address })),
    release: () => unlink(path).catch(() => {}),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM'; // exists, owned by someone else
  }
}

/** Takes the data folder (which must exist) for this process, or throws DataDirLockedError. */
export function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  return process.platform === 'linux' ? lockWithAbstractSocket(dataDir, path) : lockWithPidFile(dataDir, path);
}
