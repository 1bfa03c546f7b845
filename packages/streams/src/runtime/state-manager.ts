/**
 * A task's state manager (Kafka Streams' `ProcessorStateManager`): the stores of one task, what
 * each store learns from its task (the `StateStoreContext`: register, logChange, the record
 * being processed, the stream thread's record cache), the changelog offset each store holds,
 * what a commit does to the stores, the `.checkpoint`, and closing.
 *
 * Changelog records go through the task's RecordCollector, like the task's outputs, so the
 * commit that waits for outputs waits for them too (and, with exactly-once, they are in the
 * same transaction). The changelog of store `s` is `<application.id>-s-changelog`, partition =
 * the task's partition.
 *
 * A commit, as Java's (StreamTask.prepareCommit / postCommit, AbstractTask.maybeCheckpoint):
 * before it, only the record caches are flushed (`flushCache`: their entries go to the changelog
 * and downstream); after it, the stores themselves are flushed (a disk sync for a persistent
 * one) and the checkpoint written only when the changelog offsets moved more than
 * OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT since the last time, or when asked to (a clean close,
 * the test driver). Flushing the stores first keeps the checkpoint from ever naming an offset the
 * store does not hold durably; a crash between checkpoints restores a longer tail of changelog.
 *
 * The checkpoint holds, per logged persistent store, the offset of the last changelog record
 * the store holds: the larger of what was restored and what was written and acknowledged. Under
 * exactly-once Java keeps no checkpoint while the task runs (a crash would leave stores ahead of
 * the committed transaction, so their state must come from the changelog again): `eos` deletes
 * it when the stores are opened and writes it only on a clean close. The stores are still
 * flushed by the same threshold, so a persistent store's open transaction stays bounded.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { Headers } from '../record.ts';
import type { CachedStateStore, StateRestoreCallback, StateStore, StateStoreContext, StoreRecordContext } from '../state/api.ts';
import type { ThreadCache } from '../state/thread-cache.ts';
import type { OutputRecord, StreamsLogger } from './handlers.ts';
import { CHECKPOINT_FILE_NAME, OffsetCheckpoint, checkpointKey } from './state-checkpoint.ts';

/** What the state manager needs of the task's RecordCollector (task.ts), named here so neither module imports the other. */
export interface ChangelogCollector {
  send(record: OutputRecord, partitioner: ((numPartitions: number) => number | undefined) | undefined, taskId: string, origin: StoreRecordContext | null): void;
  offsets?(): ReadonlyMap<string, bigint>;
}

export interface StateManagerOptions {
  applicationId: string;
  taskId: string;
  partition: number;
  /** The task's folder (`<state.dir>/<application.id>/<taskId>`), where the checkpoint and persistent stores live. */
  taskDir: string;
  appConfigs: Readonly<{ [setting: string]: unknown }>;
  collector: ChangelogCollector;
  log: StreamsLogger;
  /** The physical changelog topic of a store, or null when its logging is disabled. */
  changelogTopic(storeName: string): string | null;
  /** The record being processed, for logChange's error context and the store context. */
  current(): StoreRecordContext | null;
  recordContext(): StoreRecordContext | null;
  /** Runs `fn` with `recordContext` as the task's current record (StateStoreContext.withRecordContext). */
  withRecordContext<T>(recordContext: StoreRecordContext, fn: () => T): T;
  /** The stream thread's record cache, shared by the cached stores of all its tasks. */
  cache: ThreadCache;
  /** exactly_once_v2: no checkpoint while the task runs (see above). */
  eos: boolean;
}

export interface RegisteredStore {
  readonly store: StateStore;
  readonly restore: StateRestoreCallback;
  /** Null when the store has no changelog. */
  readonly changelog: { readonly topic: string; readonly partition: number } | null;
  /** Offset of the last changelog record the store holds; null: none (restore from the beginning). */
  offset: bigint | null;
}

/**
 * Java's OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT: the changelog records (summed over a task's
 * changelogs) after which a commit also flushes the stores and writes the checkpoint.
 */
export const OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT = 10_000n;

export class ProcessorStateManager {
  readonly context: StateStoreContext;
  private readonly registered = new Map<string, RegisteredStore>();
  private readonly checkpointFile: OffsetCheckpoint;
  private checkpointed: Map<string, bigint> | null = null;
  /** The changelog offsets when the stores were last flushed; empty at first, as in Java, so the first commit after a restore of more than the threshold checkpoints. */
  private offsetsAtLastFlush = new Map<string, bigint>();
  private closed = false;

  private readonly options: StateManagerOptions;

  constructor(options: StateManagerOptions) {
    this.options = options;
    this.checkpointFile = new OffsetCheckpoint(join(options.taskDir, CHECKPOINT_FILE_NAME));
    const manager = this;
    this.context = {
      applicationId: options.applicationId,
      taskId: options.taskId,
      stateDir: options.taskDir,
      appConfigs: options.appConfigs,
      register: (store, restore) => manager.register(store, restore),
      logChange: (storeName, key, value, timestamp, headers) => manager.logChange(storeName, key, value, timestamp, headers),
      recordContext: () => options.recordContext(),
      withRecordContext: (recordContext, fn) => options.withRecordContext(recordContext, fn),
      cache: options.cache,
    };
  }

  get taskId(): string {
    return this.options.taskId;
  }

  /** Called by a store's init: records it with its changelog and the offset the checkpoint says it holds. */
  register(store: StateStore, restore: StateRestoreCallback): void {
    if (this.closed) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `task ${this.options.taskId} is closed; store '${store.name}' cannot register`);
    if (this.registered.has(store.name)) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `store '${store.name}' is registered twice in task ${this.options.taskId}; a store registers once, in init()`);
    if (typeof restore !== 'function') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `store '${store.name}' registered without a restore callback`);
    const topic = this.options.changelogTopic(store.name);
    const changelog = topic === null ? null : { topic, partition: this.options.partition };
    let offset: bigint | null = null;
    // Only a persistent store still holds what its checkpoint says after a restart.
    if (changelog && store.persistent()) offset = this.readCheckpoint().get(checkpointKey(changelog.topic, changelog.partition)) ?? null;
    this.registered.set(store.name, { store, restore, changelog, offset });
  }

  private readCheckpoint(): Map<string, bigint> {
    if (this.checkpointed === null) {
      this.checkpointed = this.checkpointFile.read();
      // Kafka Streams (Java) ran this task here before: its checkpoint describes RocksDB stores,
      // which are not the stores Sluice opens (the default state.dir is the same path for both).
      if (this.checkpointed.size > 0 && existsSync(join(this.options.taskDir, 'rocksdb'))) {
        this.options.log.warn(`task ${this.options.taskId}: ${this.options.taskDir} holds Kafka Streams (Java) RocksDB stores; their checkpoint does not describe this application's stores, which are restored from their changelogs from the beginning (delete the folder to silence this)`);
        this.checkpointed = new Map();
      }
      // Under exactly-once the stores may run ahead of what is committed from here on.
      if (this.options.eos) this.checkpointFile.delete();
    }
    return this.checkpointed;
  }

  private logChange(storeName: string, key: Buffer, value: Buffer | null, timestamp: number, headers: Headers = []): void {
    const r = this.registered.get(storeName);
    if (!r) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `store '${storeName}' logged a change before registering in task ${this.options.taskId}`);
    if (!r.changelog) throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `store '${storeName}' has logging disabled but logged a change`);
    const partition = r.changelog.partition;
    this.options.collector.send({ topic: r.changelog.topic, key, value, timestamp, headers }, () => partition, this.options.taskId, this.options.current());
  }

  store(name: string): StateStore | undefined {
    return this.registered.get(name)?.store;
  }

  stores(): RegisteredStore[] {
    return [...this.registered.values()];
  }

  /** The stores with a changelog: what a restore reads. */
  changelogStores(): RegisteredStore[] {
    return this.stores().filter((r) => r.changelog !== null);
  }

  /** A restore applied changelog records up to `lastOffset`. */
  restored(storeName: string, lastOffset: bigint): void {
    const r = this.registered.get(storeName);
    if (r && (r.offset === null || lastOffset > r.offset)) r.offset = lastOffset;
  }

  /** Makes every store's writes durable in its layers (cache → changelog → disk). */
  flush(): void {
    for (const r of this.registered.values()) this.guard(r, 'flushing', () => r.store.flush());
  }

  /**
   * Before a commit: empties the record caches (their entries go to the changelogs and
   * downstream) without flushing the stores below (Java's flushCache). A store without a cache
   * has nothing to do here.
   */
  flushCache(): void {
    for (const r of this.registered.values()) this.guard(r, "flushing the cache of", () => (r.store as Partial<CachedStateStore<unknown, unknown>>).flushCache?.());
  }

  private guard(r: RegisteredStore, what: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `task ${this.options.taskId}: ${what} store '${r.store.name}' failed: ${messageOf(e)}`, { cause: e, taskId: this.options.taskId });
    }
  }

  /**
   * After a successful commit (Java's AbstractTask.maybeCheckpoint): notes the changelog offsets
   * the collector has acknowledged; when they moved more than the threshold since the stores were
   * last flushed, or when `enforce`d, flushes the stores and then, unless exactly-once, writes the
   * checkpoint. True when it flushed.
   */
  maybeCheckpoint(enforce: boolean): boolean {
    this.updateOffsets();
    const offsets = this.changelogOffsets();
    if (!enforce && !this.movedPastThreshold(offsets)) return false;
    this.flush();
    if (!this.options.eos) this.writeCheckpoint();
    this.offsetsAtLastFlush = offsets;
    return true;
  }

  /** Each changelog's offset the stores hold, by `topic:partition`. */
  private changelogOffsets(): Map<string, bigint> {
    const out = new Map<string, bigint>();
    for (const r of this.registered.values()) {
      if (r.changelog && r.offset !== null) out.set(checkpointKey(r.changelog.topic, r.changelog.partition), r.offset);
    }
    return out;
  }

  private movedPastThreshold(offsets: ReadonlyMap<string, bigint>): boolean {
    let delta = 0n;
    for (const [key, offset] of offsets) delta += offset - (this.offsetsAtLastFlush.get(key) ?? 0n);
    return delta > OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT;
  }

  private updateOffsets(): void {
    const acked = this.options.collector.offsets?.();
    if (!acked) return;
    for (const r of this.registered.values()) {
      if (!r.changelog) continue;
      const written = acked.get(checkpointKey(r.changelog.topic, r.changelog.partition));
      if (written !== undefined && (r.offset === null || written > r.offset)) r.offset = written;
    }
  }

  private writeCheckpoint(): void {
    const offsets = new Map<string, bigint>();
    for (const r of this.registered.values()) {
      if (r.changelog && r.store.persistent() && r.offset !== null) offsets.set(checkpointKey(r.changelog.topic, r.changelog.partition), r.offset);
    }
    try {
      this.checkpointFile.write(offsets);
    } catch (e) {
      // A lost checkpoint costs a longer restore, never data: warn and carry on, as Java does.
      this.options.log.warn(`task ${this.options.taskId}: writing ${this.checkpointFile.path} failed: ${messageOf(e)}`);
    }
  }

  /**
   * Closes every store. `clean`: the task was committed just before, so the stores are flushed
   * and the checkpoint written (also under exactly-once). Otherwise nothing is flushed: what the
   * record caches hold was never committed and is dropped (a cached store would flush it on
   * close), and under exactly-once no checkpoint is left, so the next owner restores from the
   * changelog.
   */
  close(clean: boolean): void {
    if (this.closed) return;
    this.closed = true;
    if (clean) {
      try {
        this.flush();
        this.updateOffsets();
        this.writeCheckpoint();
      } catch (e) {
        this.options.log.warn(`task ${this.options.taskId}: ${messageOf(e)}`);
      }
    }
    for (const r of this.registered.values()) {
      try {
        if (!clean) (r.store as Partial<CachedStateStore<unknown, unknown>>).clearCache?.();
        if (r.store.isOpen()) r.store.close();
      } catch (e) {
        this.options.log.warn(`task ${this.options.taskId}: closing store '${r.store.name}' failed: ${messageOf(e)}`);
      }
    }
  }
}
