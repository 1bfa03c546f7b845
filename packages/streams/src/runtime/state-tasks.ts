/**
 * The stateful side of a processing loop: the state directory, opening a new task's stores
 * under its folder lock, restoring them from their changelogs while the task's input stays
 * paused, starting the task (processor init) once restored, and deleting the folders of tasks
 * gone for `state.cleanup.delay.ms`. The loop asks `busy` to know whether the instance is still
 * restoring (Java keeps the instance REBALANCING until then) and calls `step()` between polls.
 *
 * A task whose folder another instance still holds (it is closing, or runs on this machine
 * too) is retried on every step, as Java retries a LockException.
 */
import type { Admin, Consumer, TopicPartition } from '@sluice/client';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Topology } from '../topology/topology.ts';
import type { StateRestoreListener, StateStore } from '../state/api.ts';
import type { StreamsLogger } from './handlers.ts';
import { initializeFromCommitted } from './commit-metadata.ts';
import { type StandbyUpdateListener, StandbyTasks } from './standby.ts';
import { CHECKPOINT_FILE_NAME } from './state-checkpoint.ts';
import { StateDirectory } from './state-directory.ts';
import { ChangelogBehindCheckpointError, ChangelogRestorer } from './state-restorer.ts';
import { TaskTimeouts, isTimeout } from './task-timeouts.ts';
import type { TaskStateEnvironment } from './task-stores.ts';
import { threadCacheFor } from './thread-caches.ts';
import type { StreamTask } from './task.ts';

export interface ThreadStateConfig {
  /** `state.dir`. */
  stateDir: string;
  /** `state.cleanup.delay.ms`. */
  cleanupDelayMs: number;
  /** The application's settings as given (StateStoreContext.appConfigs). */
  appConfigs: Readonly<{ [setting: string]: unknown }>;
  /** KafkaStreams.setGlobalStateRestoreListener's listener, read when a restore reports. */
  restoreListener(): StateRestoreListener | null;
  /** The instance's global stores (the global thread's), readable by every processor. */
  globalStore?(name: string): StateStore | undefined;
  /** num.standby.replicas: standby copies of each stateful task on other instances. */
  numStandbyReplicas: number;
  /** KafkaStreams.setStandbyUpdateListener's listener. */
  standbyListener?(): StandbyUpdateListener | null;
}

export interface StateTasksOptions {
  applicationId: string;
  clientId: string;
  bootstrapServers: string | readonly string[];
  consumer: object;
  /** exactly_once_v2: the restore reads read_committed and no checkpoint is kept while tasks run. */
  eos: boolean;
  log: StreamsLogger;
  state: ThreadStateConfig;
  topology: Topology;
  commitIntervalMs: number;
  /** task.timeout.ms: how long a task may keep timing out before it fails. */
  taskTimeoutMs: number;
  /** The application's admin (a restore's end offsets). */
  admin: Admin;
  /** The main consumer, whose partitions of a restoring task stay paused. */
  mainConsumer: Consumer;
  /** The input partitions of a task the loop runs. */
  partitionsOf(taskId: string): TopicPartition[];
  /** Whether the loop keeps an input partition paused for another reason (its source's offset reset pending): not resumed when a restore ends. */
  pausedElsewhere(tp: TopicPartition): boolean;
  /**
   * Aborted when the loop closes: a task's committed-offset read, its changelogs' end offsets and
   * the restore's waits stop with their retries, so a close does not wait out
   * default.api.timeout.ms (Java's StreamThread checks its state and leaves its loop on shutdown).
   */
  signal?: AbortSignal;
}

export class StateTasks {
  readonly directory: StateDirectory;
  readonly environment: TaskStateEnvironment;
  private readonly restorer: ChangelogRestorer;
  /** Standby copies of other instances' tasks (num.standby.replicas). */
  readonly standbys: StandbyTasks;
  /** Tasks not open yet (waiting for their folder's lock, or about to take it). */
  private readonly locked = new Map<string, StreamTask>();
  private readonly waitingForLock = new Set<string>();
  /** Tasks whose stores are being restored. */
  private readonly restoring = new Map<string, StreamTask>();
  /** Restoring tasks whose changelogs' end offsets could not be read (a timeout): asked again each step. */
  private readonly endOffsetsPending = new Set<StreamTask>();
  /** task.timeout.ms: how long a task's committed-offset read or restore may time out again and again before it fails. */
  private readonly timeouts: TaskTimeouts;
  /** Tasks reading what was committed with their offsets, before they open or start. */
  private readonly initializing = new Map<string, StreamTask>();
  /** Initializing tasks whose committed offsets could not be read (a timeout): asked again each step. */
  private readonly committedPending = new Set<StreamTask>();
  /** Tasks running (processor init done). */
  private readonly started = new WeakSet<StreamTask>();
  private lastCleanupAt = Date.now();

  private readonly options: StateTasksOptions;

  constructor(options: StateTasksOptions) {
    this.options = options;
    this.directory = new StateDirectory(options.state.stateDir, options.applicationId, options.log);
    this.environment = {
      stateDirectory: this.directory,
      appConfigs: options.state.appConfigs,
      eos: options.eos,
      // One cache per loop, shared by its tasks' (and standbys') stores; a replaced loop starts a new one.
      cache: threadCacheFor(options.topology, options.state.appConfigs),
      globalStore: (name) => options.state.globalStore?.(name),
    };
    this.timeouts = new TaskTimeouts(options.taskTimeoutMs, options.log);
    this.restorer = new ChangelogRestorer({
      timeouts: this.timeouts,
      bootstrapServers: options.bootstrapServers,
      clientId: options.clientId,
      consumer: options.consumer,
      isolationLevel: options.eos ? 'read_committed' : 'read_uncommitted',
      admin: options.admin,
      log: options.log,
      listener: () => options.state.restoreListener(),
      signal: options.signal,
    });
    this.standbys = new StandbyTasks({
      applicationId: options.applicationId,
      clientId: options.clientId,
      bootstrapServers: options.bootstrapServers,
      consumer: options.consumer,
      isolationLevel: options.eos ? 'read_committed' : 'read_uncommitted',
      commitIntervalMs: options.commitIntervalMs,
      log: options.log,
      topology: options.topology,
      environment: this.environment,
      listener: () => options.state.standbyListener?.() ?? null,
    });
  }

  /** Tasks whose state is on disk here (a folder with a checkpoint): the assignor gives them back here first. */
  statefulTaskIds(): string[] {
    try {
      return this.directory.taskDirs().filter((id) => existsSync(join(this.directory.appDir, id, CHECKPOINT_FILE_NAME)));
    } catch {
      return [];
    }
  }

  /** Opens and closes standbys as the assignment says, then applies what their changelogs have. */
  async updateStandbys(isActive: (taskId: string) => boolean): Promise<void> {
    this.standbys.reconcile(isActive);
    await this.standbys.update();
  }

  /** Whether some task is not running yet (waiting for its lock or its restore). */
  get busy(): boolean {
    return this.initializing.size > 0 || this.locked.size > 0 || this.restoring.size > 0;
  }

  /** Whether a task is still restoring (its records must wait). */
  pending(taskId: string): boolean {
    return this.initializing.has(taskId) || this.locked.has(taskId) || this.restoring.has(taskId);
  }

  /** Whether a task's input is paused by its restore (waiting for its folder's lock, or restoring). */
  pausesInput(taskId: string): boolean {
    return this.locked.has(taskId) || this.restoring.has(taskId);
  }

  /** Records restored so far by this loop. */
  get restoredRecords(): number {
    return this.restorer.totalRestored;
  }

  /**
   * Starts new tasks: a stateless one at once (processor init); a stateful one opens its stores
   * and restores them first, its input paused meanwhile. Throws what opening or init throws.
   */
  async start(tasks: readonly StreamTask[]): Promise<void> {
    const fresh = tasks.filter((t) => !this.started.has(t) && !this.pending(t.id));
    if (fresh.length === 0) return;
    // First what was committed with their offsets (Java's initializeMetadata); pending meanwhile, so no record reaches them.
    for (const t of fresh) this.initializing.set(t.id, t);
    await this.initialize(fresh);
  }

  /**
   * Reads what was committed with the tasks' offsets, then starts or opens them. A timeout (the
   * group coordinator restarting) leaves them initializing and asks again at the next step, as
   * Java's TaskManager retries a task's initialization, until task.timeout.ms.
   */
  private async initialize(tasks: readonly StreamTask[]): Promise<void> {
    try {
      await initializeFromCommitted(this.options.mainConsumer, tasks, (t) => this.options.partitionsOf(t.id), this.options.signal);
    } catch (e) {
      if (!isTimeout(e)) {
        for (const t of tasks) this.stopInitializing(t);
        throw e;
      }
      for (const t of tasks) {
        if (this.initializing.get(t.id) !== t) continue;
        this.committedPending.add(t);
        this.timeouts.timedOut(t.id, 'reading its committed offsets', e);
      }
      return;
    }
    // Those removed (revoked, lost, closing) meanwhile are no longer initializing.
    const fresh = tasks.filter((t) => this.initializing.get(t.id) === t);
    for (const t of fresh) {
      this.stopInitializing(t);
      this.timeouts.clear(t.id);
    }
    const stateful: StreamTask[] = [];
    for (const t of fresh) {
      if (t.stores === null) {
        this.started.add(t);
        t.init();
        continue;
      }
      // Pending before the first await: the loop may run meanwhile and must not give it records.
      this.locked.set(t.id, t);
      this.pause(t);
      stateful.push(t);
    }
    for (const t of stateful) if (this.locked.get(t.id) === t) await this.open(t);
  }

  private stopInitializing(t: StreamTask): void {
    this.committedPending.delete(t);
    if (this.initializing.get(t.id) === t) this.initializing.delete(t.id);
  }

  private async open(t: StreamTask): Promise<void> {
    // A standby of it becomes this active task: its open stores are taken over, so only the tail is restored.
    const standby = this.standbys.release(t.id);
    if (standby) t.adoptStores(standby);
    if (!t.openStores()) {
      if (!this.waitingForLock.has(t.id)) this.options.log.info(`task ${t.id}: its state folder is locked by another instance; trying again`);
      this.waitingForLock.add(t.id);
      return;
    }
    this.waitingForLock.delete(t.id);
    this.locked.delete(t.id);
    // Restoring from here on: pending() stays true across the await.
    this.restoring.set(t.id, t);
    await this.beginRestore(t);
  }

  /**
   * Asks for the changelogs' end offsets and starts the restore. A timeout (a broker restarting)
   * leaves the task restoring and asks again at the next step, as Java's StoreChangelogReader
   * does, until task.timeout.ms.
   */
  private async beginRestore(t: StreamTask): Promise<void> {
    let nothingToRestore: boolean;
    try {
      nothingToRestore = await this.addToRestorer(t);
    } catch (e) {
      if (!isTimeout(e)) throw e;
      if (this.restoring.get(t.id) !== t) return;
      this.timeouts.timedOut(t.id, "asking for its changelogs' end offsets", e);
      this.endOffsetsPending.add(t);
      return;
    }
    this.endOffsetsPending.delete(t);
    this.timeouts.clear(t.id);
    if (this.restoring.get(t.id) !== t) {
      // Removed (revoked, closing) while the end offsets were asked for.
      this.restorer.remove(t.stores!.manager);
      return;
    }
    if (nothingToRestore) this.run(t);
  }

  private async addToRestorer(t: StreamTask): Promise<boolean> {
    try {
      return await this.restorer.add(t.stores!.manager);
    } catch (e) {
      if (!(e instanceof ChangelogBehindCheckpointError)) throw e;
      // Removed meanwhile: the folder may be another incarnation's now, whose files must stay.
      if (this.restoring.get(t.id) !== t) return false;
      this.options.log.warn(`${e.message}; deleting the task's local state and restoring it from the changelog`);
      t.stores!.wipeAndReopen();
      return await this.restorer.add(t.stores!.manager);
    }
  }

  private pause(t: StreamTask): void {
    const tps = this.options.partitionsOf(t.id);
    if (tps.length > 0) this.options.mainConsumer.pause(tps);
  }

  private run(t: StreamTask): void {
    this.restoring.delete(t.id);
    this.started.add(t);
    t.init();
    const tps = this.options.partitionsOf(t.id).filter((tp) => !this.options.pausedElsewhere(tp));
    if (tps.length > 0) this.options.mainConsumer.resume(tps);
  }

  /** Retries locked folders, restores one batch (waiting up to `timeoutMs`), starts the tasks restored. */
  async step(timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.committedPending.size > 0) {
      const retry = [...this.committedPending];
      this.committedPending.clear();
      await this.initialize(retry);
    }
    for (const t of [...this.locked.values()]) await this.open(t);
    for (const t of [...this.endOffsetsPending]) {
      if (this.restoring.get(t.id) === t) await this.beginRestore(t);
      else this.endOffsetsPending.delete(t);
    }
    const done = await this.restorer.step(timeoutMs, signal);
    for (const manager of done) {
      const t = this.restoring.get(manager.taskId);
      // The task restored is this incarnation of it: an earlier one's stores are not its own.
      if (t && t.stores?.manager === manager) this.run(t);
    }
  }

  /** A task leaves (revoked, lost, closing): whatever restore it had stops. */
  remove(taskId: string): void {
    const initializing = this.initializing.get(taskId);
    if (initializing) this.stopInitializing(initializing);
    this.locked.delete(taskId);
    this.waitingForLock.delete(taskId);
    this.timeouts.clear(taskId);
    const restoring = this.restoring.get(taskId);
    if (!restoring) return;
    this.endOffsetsPending.delete(restoring);
    this.restoring.delete(taskId);
    if (restoring.stores) this.restorer.remove(restoring.stores.manager);
  }

  /** Every state.cleanup.delay.ms: deletes the folders of tasks unused that long. */
  maybeCleanUp(now = Date.now()): void {
    if (now - this.lastCleanupAt < this.options.state.cleanupDelayMs) return;
    this.lastCleanupAt = now;
    try {
      this.directory.cleanRemovedTasks(this.options.state.cleanupDelayMs, now);
    } catch (e) {
      this.options.log.warn(`cleaning the state directory failed: ${(e as Error).message}`);
    }
  }

  async close(): Promise<void> {
    this.initializing.clear();
    this.committedPending.clear();
    this.locked.clear();
    this.restoring.clear();
    this.endOffsetsPending.clear();
    await this.restorer.close();
    await this.standbys.closeAll();
    this.directory.close();
  }
}
