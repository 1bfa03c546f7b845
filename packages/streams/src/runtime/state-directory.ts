/**
 * The state directory (Kafka Streams' `StateDirectory`): `<state.dir>/<application.id>/<taskId>/`
 * holds a task's persistent stores and its `.checkpoint`. A task folder is used by one instance
 * at a time: whoever uses it holds its lock, a `.lock` file with the owner's process id. A
 * second instance (in this process or another on the machine) finds the lock and leaves the
 * folder alone; a lock whose process is gone (a crash, `kill -9`) is stale and taken over.
 * Within one process a registry of held locks also keeps two instances apart, since they share
 * a process id.
 *
 * The application's folder has a lock of its own, held with `kafka-streams-process-metadata`
 * (the instance's process id, see process-id.ts) from construction to close.
 *
 * Folders of tasks this instance no longer runs are deleted `state.cleanup.delay.ms` after they
 * were last used, and `KafkaStreams.cleanUp()` deletes the application's whole folder.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { StreamsLogger } from './handlers.ts';

export const LOCK_FILE_NAME = '.lock';
/** Holds the instance's process id across restarts (Java's name and JSON format). */
export const PROCESS_FILE_NAME = 'kafka-streams-process-metadata';
const TASK_DIR = /^\d+_\d+$/;
/** The folder of global stores, as Java names it. */
export const GLOBAL_STATE_DIR = 'global';

/** Lock files held by instances in this process: path → owner. */
const heldInProcess = new Map<string, object>();

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StateDirectory {
  readonly appDir: string;
  private readonly owner = {};
  private readonly locked = new Set<string>();
  private appLocked = false;

  readonly applicationId: string;
  private readonly log: StreamsLogger;

  constructor(stateDir: string, applicationId: string, log: StreamsLogger) {
    this.applicationId = applicationId;
    this.log = log;
    this.appDir = join(stateDir, applicationId);
  }

  /** The task's folder, created if missing. */
  taskDir(taskId: string): string {
    const dir = join(this.appDir, taskId);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /**
   * Takes the task folder's lock; false when another instance holds it (in this process, or a
   * live process on this machine). Taking a lock this instance holds already is a no-op.
   */
  lock(taskId: string): boolean {
    if (this.locked.has(taskId)) return true;
    if (!this.takeLockFile(join(this.taskDir(taskId), LOCK_FILE_NAME), `task ${taskId}`)) return false;
    this.locked.add(taskId);
    return true;
  }

  /**
   * Takes the lock of the application's folder itself (`<state.dir>/<application.id>/.lock`,
   * Java's state directory lock), which goes with the process id file: false when another live
   * instance holds it. Given back by `close()`.
   */
  lockApplicationDir(): boolean {
    if (this.appLocked) return true;
    mkdirSync(this.appDir, { recursive: true });
    this.appLocked = this.takeLockFile(join(this.appDir, LOCK_FILE_NAME), 'the application folder');
    return this.appLocked;
  }

  /** Creates the lock file `path` for this instance, taking over a stale one (its process is gone). */
  private takeLockFile(path: string, what: string): boolean {
    const holder = heldInProcess.get(path);
    if (holder !== undefined && holder !== this.owner) return false;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        try {
          writeSync(fd, `${process.pid}\n`);
        } finally {
          closeSync(fd);
        }
        heldInProcess.set(path, this.owner);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const pid = this.lockHolder(path);
      // Our own pid without an entry in the registry: left by an instance of this process that did not close.
      if (pid !== null && pid !== process.pid && processAlive(pid)) return false;
      if (pid === process.pid && heldInProcess.has(path)) return false;
      this.log.info(`taking over the stale lock of ${what} (${pid === null ? 'unreadable' : `process ${pid} is gone`})`);
      rmSync(path, { force: true });
    }
    return false;
  }

  /** The process id written in a lock file, or null if it cannot be read. */
  private lockHolder(path: string): number | null {
    try {
      const pid = Number(readFileSync(path, 'utf8').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }

  /** Gives the lock back; the folder's time is touched, so the clean-up delay counts from now. */
  unlock(taskId: string): void {
    if (!this.locked.delete(taskId)) return;
    const dir = join(this.appDir, taskId);
    const path = join(dir, LOCK_FILE_NAME);
    heldInProcess.delete(path);
    rmSync(path, { force: true });
    try {
      const now = new Date();
      utimesSync(dir, now, now);
    } catch {
      // The folder was deleted meanwhile: nothing to touch.
    }
  }

  holdsLock(taskId: string): boolean {
    return this.locked.has(taskId);
  }

  /** Task ids that have a folder (whatever instance used it). */
  taskDirs(): string[] {
    if (!existsSync(this.appDir)) return [];
    return readdirSync(this.appDir).filter((n) => TASK_DIR.test(n) && statSync(join(this.appDir, n)).isDirectory());
  }

  /**
   * Deletes the folders of tasks no instance holds that were last used more than `delayMs` ago
   * (Java's cleanRemovedTasks, run every state.cleanup.delay.ms). Returns the task ids removed.
   */
  cleanRemovedTasks(delayMs: number, now = Date.now()): string[] {
    const removed: string[] = [];
    for (const taskId of this.taskDirs()) {
      if (this.locked.has(taskId)) continue;
      const dir = join(this.appDir, taskId);
      if (statSync(dir).mtimeMs + delayMs > now) continue;
      if (!this.lock(taskId)) continue;
      try {
        this.log.info(`deleting the state of task ${taskId}, unused for more than ${delayMs} ms (${dir})`);
        this.locked.delete(taskId);
        heldInProcess.delete(join(dir, LOCK_FILE_NAME));
        rmSync(dir, { recursive: true, force: true });
        removed.push(taskId);
      } catch (e) {
        this.log.warn(`could not delete ${dir}: ${(e as Error).message}`);
      }
    }
    return removed;
  }

  /**
   * Deletes the application's local state (KafkaStreams.cleanUp()). Refuses, naming the task,
   * when another instance holds one of its folders.
   */
  clean(): void {
    if (!existsSync(this.appDir)) return;
    const global = existsSync(join(this.appDir, GLOBAL_STATE_DIR)) ? [GLOBAL_STATE_DIR] : [];
    for (const taskId of [...this.taskDirs(), ...global]) {
      if (!this.lock(taskId)) {
        throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `cannot clean up ${this.appDir}: task ${taskId}'s state is in use by another instance (stop it first)`);
      }
    }
    for (const taskId of [...this.locked]) {
      heldInProcess.delete(join(this.appDir, taskId, LOCK_FILE_NAME));
      this.locked.delete(taskId);
    }
    // As Java's clean(): the process id file (and the folder's lock while an instance holds it)
    // stay, so the instance keeps its identity; the folder goes only when nothing else is left.
    const appLock = join(this.appDir, LOCK_FILE_NAME);
    const appLockHolder = this.lockHolder(appLock);
    const appLockHeld = heldInProcess.has(appLock) || (appLockHolder !== null && appLockHolder !== process.pid && processAlive(appLockHolder));
    for (const name of readdirSync(this.appDir)) {
      if (name === PROCESS_FILE_NAME || (name === LOCK_FILE_NAME && appLockHeld)) continue;
      rmSync(join(this.appDir, name), { recursive: true, force: true });
    }
    if (readdirSync(this.appDir).length === 0) rmSync(this.appDir, { recursive: true, force: true });
  }

  /** Gives back every lock this instance holds, the application folder's too. */
  close(): void {
    for (const taskId of [...this.locked]) this.unlock(taskId);
    if (this.appLocked) {
      const path = join(this.appDir, LOCK_FILE_NAME);
      heldInProcess.delete(path);
      rmSync(path, { force: true });
      this.appLocked = false;
    }
  }
}
