/**
 * The state stores of one task: built from the topology's store builders, opened under the
 * task's locked folder, handed to processors through `getStateStore`, their caches flushed
 * before a commit, flushed and checkpointed after one now and then (state-manager.ts says when)
 * and closed with the task. The task keeps this apart so that a
 * stateless task carries none of it.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { StateStore, StoreRecordContext } from '../state/api.ts';
import type { ThreadCache } from '../state/thread-cache.ts';
import type { Subtopology, Topology } from '../topology/topology.ts';
import type { StreamsLogger } from './handlers.ts';
import { CHECKPOINT_FILE_NAME } from './state-checkpoint.ts';
import { LOCK_FILE_NAME, type StateDirectory } from './state-directory.ts';
import { type ChangelogCollector, ProcessorStateManager } from './state-manager.ts';

/** The task's record being processed, as its stores see it (task.ts gives these). */
export interface TaskRecordAccess {
  /** The record being processed; null inside a punctuation. */
  current(): StoreRecordContext | null;
  /** Runs `fn` with `recordContext` as the record being processed (a cache flushing an entry). */
  withRecordContext<T>(recordContext: StoreRecordContext, fn: () => T): T;
}

/** What a task with stores needs from whoever runs it (the stream thread or the test driver). */
export interface TaskStateEnvironment {
  stateDirectory: StateDirectory;
  /** The application's settings as given, for StateStoreContext.appConfigs. */
  appConfigs: Readonly<{ [setting: string]: unknown }>;
  /** exactly_once_v2: no checkpoint while the task runs. */
  eos: boolean;
  /** The record cache of the stream thread (or test driver) running the task, shared by its tasks' cached stores. */
  cache: ThreadCache;
  /** Global stores, readable by every processor without connecting them. */
  globalStore?(name: string): StateStore | undefined;
}

export class TaskStores {
  private stateManager: ProcessorStateManager;
  private readonly makeManager: () => ProcessorStateManager;
  private readonly names: string[];
  private opened = false;

  private readonly taskId: string;
  private readonly topology: Topology;
  private readonly env: TaskStateEnvironment;
  private collector: ChangelogCollector;
  private readonly log: StreamsLogger;
  private record: TaskRecordAccess;

  constructor(
    taskId: string,
    partition: number,
    subtopology: Subtopology,
    topology: Topology,
    applicationId: string,
    env: TaskStateEnvironment,
    collector: ChangelogCollector,
    log: StreamsLogger,
    record: TaskRecordAccess,
  ) {
    this.taskId = taskId;
    this.topology = topology;
    this.env = env;
    this.collector = collector;
    this.log = log;
    this.record = record;
    this.names = topology.storesOf(subtopology);
    const logged = new Set(this.names.filter((n) => topology.storeBuilder(n).loggingEnabled()));
    this.makeManager = () => new ProcessorStateManager({
      applicationId,
      taskId,
      partition,
      taskDir: env.stateDirectory.taskDir(taskId),
      appConfigs: env.appConfigs,
      // Through this object, so a standby's stores can be handed to an active task (retarget).
      collector: { send: (...args) => this.collector.send(...args), offsets: () => this.collector.offsets?.() ?? new Map() },
      log,
      eos: env.eos,
      changelogTopic: (store) => (logged.has(store) ? topology.changelogTopic(applicationId, store) : null),
      current: () => this.record.current(),
      recordContext: (): StoreRecordContext | null => {
        const c = this.record.current();
        return c ? { timestamp: c.timestamp, headers: c.headers, topic: c.topic, partition: c.partition, offset: c.offset } : null;
      },
      withRecordContext: (recordContext, fn) => this.record.withRecordContext(recordContext, fn),
      cache: env.cache,
    });
    this.stateManager = this.makeManager();
  }

  get manager(): ProcessorStateManager {
    return this.stateManager;
  }

  /**
   * Takes the task folder's lock and opens every store (each registers with the state manager).
   * False when another instance holds the lock: try again later (Java retries the same way).
   */
  open(): boolean {
    if (this.opened) return true;
    if (!this.env.stateDirectory.lock(this.taskId)) return false;
    try {
      // Looked at before the stores open, since opening creates their files: a task that never
      // ran here has nothing to distrust (Java checks for an empty folder the same way).
      const hadStoreFiles = this.folderHoldsStoreFiles();
      this.initStores();
      if (hadStoreFiles && this.mustWipe()) {
        // Java's TaskCorruptedException: under exactly_once_v2 a persistent store without a
        // checkpoint may hold writes of a transaction that was never committed (the last run
        // crashed or closed dirty), so its files go and it is rebuilt from the changelog.
        this.log.warn(`task ${this.taskId}: its persistent stores have no checkpoint under exactly_once_v2 (the last run did not close cleanly); deleting them to rebuild them from their changelogs`);
        this.wipeAndReopen();
      }
    } catch (e) {
      this.manager.close(false);
      this.env.stateDirectory.unlock(this.taskId);
      if (e instanceof StreamsError) throw e;
      throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.taskId}: opening its state stores failed: ${messageOf(e)}`, { cause: e, taskId: this.taskId });
    }
    this.opened = true;
    return true;
  }

  /** Writes through another collector and reads another task's record: a standby's stores become an active task's. */
  retarget(collector: ChangelogCollector, record: TaskRecordAccess): void {
    this.collector = collector;
    this.record = record;
  }

  /**
   * Closes the stores without flushing, deletes the folder's contents (checkpoint included) and
   * opens them again empty: for a task whose state cannot be trusted (Java's TaskCorruptedException).
   */
  wipeAndReopen(): void {
    this.stateManager.close(false);
    this.wipeFolder();
    this.stateManager = this.makeManager();
    this.initStores();
  }

  private initStores(): void {
    for (const name of this.names) {
      const store = this.topology.storeBuilder(name).build();
      if (!store || store.name !== name) throw new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `the builder of store '${name}' built ${store ? `a store named '${store.name}'` : 'nothing'}`);
      store.init(this.stateManager.context, store);
      if (!this.stateManager.store(name)) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `store '${name}' did not register itself in init() (it must call context.register)`);
    }
  }

  /** Under exactly-once: a logged persistent store has no checkpointed offset (the folder held store files before they opened). */
  private mustWipe(): boolean {
    if (!this.env.eos) return false;
    return this.stateManager.changelogStores().some((r) => r.store.persistent() && r.offset === null);
  }

  private folderHoldsStoreFiles(): boolean {
    return readdirSync(this.folder()).some((f) => f !== LOCK_FILE_NAME && f !== CHECKPOINT_FILE_NAME);
  }

  private folder(): string {
    return this.env.stateDirectory.taskDir(this.taskId);
  }

  /** Deletes everything in the task folder but its lock. */
  private wipeFolder(): void {
    const dir = this.folder();
    for (const f of readdirSync(dir)) if (f !== LOCK_FILE_NAME) rmSync(join(dir, f), { recursive: true, force: true });
  }

  get isOpen(): boolean {
    return this.opened;
  }

  /**
   * The store a processor asks for: a store connected to it, or a global store. Anything else is
   * refused, saying how to connect it (Java's message says the same).
   */
  storeFor(processorName: string, connected: readonly string[], name: string): StateStore {
    if (connected.includes(name)) {
      const store = this.manager.store(name);
      if (store) return store;
    }
    const global = this.env.globalStore?.(name);
    if (global) return global;
    const known = this.names.includes(name) || this.topologyHas(name);
    throw new StreamsError(
      StreamsErrorCode.PROCESSING_FAILED,
      known
        ? `processor '${processorName}' has no access to state store '${name}': the store is not connected to it. Connect it with Topology.addStateStore(builder, '${processorName}') or connectProcessorAndStateStores('${processorName}', '${name}'), or give the supplier a stores list`
        : `processor '${processorName}' asked for state store '${name}', which the topology does not have`,
    );
  }

  private topologyHas(name: string): boolean {
    try {
      this.topology.storeBuilder(name);
      return true;
    } catch {
      return false;
    }
  }

  /** Every store flushed (a disk sync for a persistent one), caches included. */
  flush(): void {
    this.manager.flush();
  }

  /** Before a commit: the record caches only. */
  flushCache(): void {
    this.manager.flushCache();
  }

  /** After a commit: flushes the stores and writes the checkpoint if due (or `enforce`d); true when it did. */
  maybeCheckpoint(enforce: boolean): boolean {
    return this.manager.maybeCheckpoint(enforce);
  }

  /**
   * Closes the stores and gives the folder's lock back. Stores that never opened (another
   * instance held the folder's lock) leave the folder alone: a clean close would write this
   * task's (empty) checkpoint over the holder's, which deletes it.
   */
  close(clean: boolean): void {
    if (!this.opened) return;
    this.opened = false;
    this.manager.close(clean);
    this.env.stateDirectory.unlock(this.taskId);
  }
}
