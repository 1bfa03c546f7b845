/**
 * Restores stores from their changelogs before their task processes a record (Kafka Streams'
 * `StoreChangelogReader`). A restore consumer, in no group, is assigned the changelog partitions
 * of the tasks being restored and reads each from one past the checkpointed offset (or from the
 * beginning) to the end offset taken when the restore started; batches are applied through the
 * store's restore callback. The processing loop calls `step()` between its polls, so a long
 * restore does not hold up the group (heartbeats, rebalances) and tasks restore side by side.
 *
 * Progress goes to the StateRestoreListener (Java's callbacks, same arguments) and to the log:
 * a line per store when it is done, with the records restored and the rate.
 *
 * Under exactly_once_v2 the restore consumer reads read_committed (S3 passes it): records of
 * aborted transactions never enter a store. The end offset is still the log end (the high
 * watermark, asked read_uncommitted through the application's admin, as Kafka Streams asks since
 * KAFKA-10167), not the last stable offset: that one stops before every committed record that
 * follows a transaction still open (a killed instance's, until it times out; or one whose
 * markers are not written yet, as Kafka writes them after EndTxn has answered), and a restore
 * ending there leaves them out of the store for good. The read_committed consumer cannot pass
 * an open transaction, so such a restore waits for it to end.
 *
 * A restore belongs to one state manager (one incarnation of a task), not to the task id: a task
 * revoked and assigned again while its first restore was still asking for end offsets has two
 * managers with the same id and changelog partitions, and the first one's late answer must
 * neither restore into its closed stores nor finish, or cancel, the second one's restore.
 */
import { type Admin, Consumer, type TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { ChangelogRecord, StateRestoreListener } from '../state/api.ts';
import type { StreamsLogger } from './handlers.ts';
import type { ProcessorStateManager, RegisteredStore } from './state-manager.ts';
import { DEFAULT_TASK_TIMEOUT_MS, TaskTimeouts } from './task-timeouts.ts';

export interface RestorerOptions {
  bootstrapServers: string | readonly string[];
  clientId: string;
  /** Options given to the restore consumer (the application's `consumer` settings). */
  consumer: object;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  /** The application's admin: it asks for the changelogs' log end offsets (read_uncommitted). */
  admin: Pick<Admin, 'listOffsets'>;
  log: StreamsLogger;
  listener(): StateRestoreListener | null;
  /** task.timeout.ms's clocks: a position that times out is asked again at the next step (default: Java's 300 s). */
  timeouts?: TaskTimeouts;
  /**
   * Aborted when the loop closes: the end offsets' and positions' requests and their retries stop
   * (Java's StreamThread leaves its loop on shutdown rather than wait out default.api.timeout.ms).
   */
  signal?: AbortSignal;
}

interface Restoring {
  manager: ProcessorStateManager;
  registered: RegisteredStore;
  tp: TopicPartition;
  start: bigint;
  end: bigint;
  /** The offset the next record applied must be at or past (records before it were applied, or precede the start). */
  next: bigint;
  restored: number;
  startedAt: number;
}

function key(tp: TopicPartition): string {
  return `${tp.topic}:${tp.partition}`;
}

/**
 * A store is checkpointed past the end of its changelog: the topic was deleted and created again,
 * or truncated. Its state cannot be trusted (Java's TaskCorruptedException): wipe and restore.
 */
export class ChangelogBehindCheckpointError extends StreamsError {
  constructor(taskId: string, storeName: string, offset: bigint, tp: TopicPartition, end: bigint) {
    super(
      StreamsErrorCode.ILLEGAL_STATE,
      `task ${taskId}: store '${storeName}' is checkpointed at offset ${offset} of ${tp.topic}-${tp.partition}, whose end is ${end}: the changelog was deleted or truncated`,
      { taskId },
    );
  }
}

export class ChangelogRestorer {
  private consumer: Consumer | null = null;
  /** Changelog partition → the restore reading it. */
  private readonly restoring = new Map<string, Restoring>();
  /** State managers waiting for their restore → changelog partitions still being read. */
  private readonly waiting = new Map<ProcessorStateManager, Set<string>>();
  /** State managers removed: an add() still waiting for end offsets must not start them. */
  private readonly removed = new WeakSet<ProcessorStateManager>();
  /** Records restored in total (for tests and logs). */
  totalRestored = 0;

  private readonly timeouts: TaskTimeouts;

  private readonly options: RestorerOptions;

  constructor(options: RestorerOptions) {
    this.options = options;
    this.timeouts = options.timeouts ?? new TaskTimeouts(DEFAULT_TASK_TIMEOUT_MS, options.log);
  }

  private restoreConsumer(): Consumer {
    this.consumer ??= new Consumer({
      ...this.options.consumer,
      bootstrapServers: this.options.bootstrapServers,
      clientId: `${this.options.clientId}-restore-consumer`,
      groupId: undefined,
      enableAutoCommit: false,
      autoOffsetReset: 'earliest',
      isolationLevel: this.options.isolationLevel,
      maxPollRecords: 2000,
    });
    return this.consumer;
  }

  /**
   * Starts restoring a task's stores; resolves with true when there is nothing to restore (the
   * task may process at once), false when `step()` must run until it returns this manager (or
   * when the manager was removed meanwhile: then nothing starts).
   */
  async add(manager: ProcessorStateManager): Promise<boolean> {
    const stores = manager.changelogStores();
    if (stores.length === 0) return true;
    const consumer = this.restoreConsumer();
    const tps = stores.map((r) => ({ topic: r.changelog!.topic, partition: r.changelog!.partition }));
    const listed = await this.options.admin.listOffsets(tps.map((tp) => ({ ...tp, spec: 'latest' as const })), { isolationLevel: 'read_uncommitted', signal: this.options.signal });
    const ends = new Map(listed.map((o) => [key(o), o.offset]));
    if (this.removed.has(manager)) return false;
    // Checked for every store before any restore starts, so the caller can wipe and add again.
    for (const r of stores) {
      const tp = { topic: r.changelog!.topic, partition: r.changelog!.partition };
      const end = ends.get(key(tp)) ?? 0n;
      if (r.offset !== null && r.offset + 1n > end) throw new ChangelogBehindCheckpointError(manager.taskId, r.store.name, r.offset, tp, end);
    }
    const pending = new Set<string>();
    for (const r of stores) {
      const tp = { topic: r.changelog!.topic, partition: r.changelog!.partition };
      const end = ends.get(key(tp)) ?? 0n;
      const start = r.offset === null ? 0n : r.offset + 1n;
      if (start >= end) continue;
      const earlier = this.restoring.get(key(tp));
      if (earlier) {
        // Only an incarnation that was never removed can still hold the partition: it is stale.
        this.options.log.warn(`task ${manager.taskId}: ${tp.topic}-${tp.partition} was still being restored for an earlier instance of the task; that restore stops`);
        this.remove(earlier.manager);
      }
      this.listenerCall('onRestoreStart', (l) => l.onRestoreStart?.(tp.topic, tp.partition, r.store.name, start, end));
      this.restoring.set(key(tp), { manager, registered: r, tp, start, end, next: start, restored: 0, startedAt: Date.now() });
      pending.add(key(tp));
    }
    if (pending.size === 0) return true;
    this.waiting.set(manager, pending);
    this.reassign();
    for (const k of pending) {
      const r = this.restoring.get(k)!;
      if (r.registered.offset === null) consumer.seekToBeginning([r.tp]);
      else consumer.seek(r.tp, r.start);
    }
    return false;
  }

  private reassign(): void {
    this.restoreConsumer().assign([...this.restoring.values()].map((r) => r.tp));
  }

  get active(): boolean {
    return this.restoring.size > 0;
  }

  /** Reads one batch (waiting up to `timeoutMs`) and applies it; returns the state managers whose restore finished. */
  async step(timeoutMs: number, signal?: AbortSignal): Promise<ProcessorStateManager[]> {
    if (this.restoring.size === 0) return [];
    const consumer = this.restoreConsumer();
    const batch = await consumer.nextBatch({ timeoutMs, signal });
    const finished: ProcessorStateManager[] = [];
    if (batch) {
      const r = this.restoring.get(key(batch));
      if (r) {
        const records: ChangelogRecord[] = [];
        let last = -1n;
        for (const rec of batch.records) {
          if (rec.offset >= r.end) break;
          // Fetched for a position this restore did not ask for (an earlier one's): never applied twice or out of order.
          if (rec.offset < r.next) continue;
          last = rec.offset;
          if (rec.key === null) continue;
          records.push({ key: rec.key, value: rec.value, timestamp: rec.timestamp, headers: rec.headers });
        }
        if (records.length > 0) {
          try {
            r.registered.restore(records);
          } catch (e) {
            throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `task ${r.manager.taskId}: restoring store '${r.registered.store.name}' from ${r.tp.topic}-${r.tp.partition} failed: ${messageOf(e)}`, { cause: e, taskId: r.manager.taskId });
          }
          r.restored += records.length;
          this.totalRestored += records.length;
        }
        if (last >= 0n) {
          this.timeouts.clear(r.manager.taskId);
          r.next = last + 1n;
          r.manager.restored(r.registered.store.name, last);
          this.listenerCall('onBatchRestored', (l) => l.onBatchRestored?.(r.tp.topic, r.tp.partition, r.registered.store.name, last, records.length));
        }
        if (batch.nextOffset >= r.end) finished.push(...this.done(r));
      }
    }
    // Partitions whose end is past their last record (a transaction marker, compacted records) end by position.
    if (!batch) {
      for (const r of [...this.restoring.values()]) {
        let position: bigint;
        try {
          position = await consumer.position(r.tp, { signal: this.options.signal });
        } catch (e) {
          if (this.options.signal?.aborted) throw e;
          // A broker restarting: asked again at the next step, until task.timeout.ms.
          if (this.restoring.get(key(r.tp)) === r) this.timeouts.timedOut(r.manager.taskId, `reading the restore consumer's position of ${r.tp.topic}-${r.tp.partition}`, e);
          continue;
        }
        // Still this restore's (the await lets a task be removed and its partition restored anew)?
        if (this.restoring.get(key(r.tp)) !== r) continue;
        this.timeouts.clear(r.manager.taskId);
        if (position >= r.end) finished.push(...this.done(r));
      }
    }
    return finished;
  }

  private done(r: Restoring): ProcessorStateManager[] {
    this.restoring.delete(key(r.tp));
    const seconds = Math.max(1, Date.now() - r.startedAt) / 1000;
    this.options.log.info(
      `task ${r.manager.taskId}: restored store '${r.registered.store.name}' from ${r.tp.topic}-${r.tp.partition} (offsets ${r.start} to ${r.end}): ${r.restored} records in ${seconds.toFixed(1)} s, ${Math.round(r.restored / seconds)} records/s`,
    );
    this.listenerCall('onRestoreEnd', (l) => l.onRestoreEnd?.(r.tp.topic, r.tp.partition, r.registered.store.name, r.restored));
    if (this.restoring.size > 0) this.reassign();
    const pending = this.waiting.get(r.manager);
    if (!pending) return [];
    pending.delete(key(r.tp));
    if (pending.size > 0) return [];
    this.waiting.delete(r.manager);
    return [r.manager];
  }

  /** A task left (revoked, closing), its restore started, done or still asking for end offsets: its partitions are dropped. */
  remove(manager: ProcessorStateManager): void {
    this.removed.add(manager);
    const pending = this.waiting.get(manager);
    if (!pending) return;
    this.waiting.delete(manager);
    for (const k of pending) {
      const r = this.restoring.get(k);
      if (r?.manager !== manager) continue;
      this.restoring.delete(k);
      this.listenerCall('onRestoreSuspended', (l) => l.onRestoreSuspended?.(r.tp.topic, r.tp.partition, r.registered.store.name, r.restored));
    }
    if (this.consumer) this.reassign();
  }

  private listenerCall(what: string, call: (l: StateRestoreListener) => void): void {
    const l = this.options.listener();
    if (!l) return;
    try {
      call(l);
    } catch (e) {
      this.options.log.warn(`the state restore listener's ${what} threw: ${messageOf(e)}`);
    }
  }

  async close(): Promise<void> {
    const c = this.consumer;
    this.consumer = null;
    this.restoring.clear();
    this.waiting.clear();
    await c?.close();
  }
}
