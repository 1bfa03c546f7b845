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
 * aborted transactions never enter a store, and the end offset is the last stable offset.
 */
import { Consumer, type TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.js';
import type { ChangelogRecord, StateRestoreListener } from '../state/api.js';
import type { StreamsLogger } from './handlers.js';
import type { ProcessorStateManager, RegisteredStore } from './state-manager.js';

export interface RestorerOptions {
  bootstrapServers: string | readonly string[];
  clientId: string;
  /** Options given to the restore consumer (the application's `consumer` settings). */
  consumer: object;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  log: StreamsLogger;
  listener(): StateRestoreListener | null;
}

interface Restoring {
  manager: ProcessorStateManager;
  registered: RegisteredStore;
  tp: TopicPartition;
  start: bigint;
  end: bigint;
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
  private readonly restoring = new Map<string, Restoring>();
  /** Tasks waiting for their restore: task id → changelog partitions still being read. */
  private readonly waiting = new Map<string, Set<string>>();
  /** Records restored in total (for tests and logs). */
  totalRestored = 0;

  constructor(private readonly options: RestorerOptions) {}

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
   * task may process at once), false when `step()` must run until `restoredTasks` names it.
   */
  async add(manager: ProcessorStateManager): Promise<boolean> {
    const stores = manager.changelogStores();
    if (stores.length === 0) return true;
    const consumer = this.restoreConsumer();
    const tps = stores.map((r) => ({ topic: r.changelog!.topic, partition: r.changelog!.partition }));
    const ends = new Map((await consumer.endOffsets(tps)).map((o) => [key(o), o.offset]));
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
      this.listenerCall('onRestoreStart', (l) => l.onRestoreStart?.(tp.topic, tp.partition, r.store.name, start, end));
      this.restoring.set(key(tp), { manager, registered: r, tp, start, end, restored: 0, startedAt: Date.now() });
      pending.add(key(tp));
    }
    if (pending.size === 0) return true;
    this.waiting.set(manager.taskId, pending);
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

  /** Reads one batch (waiting up to `timeoutMs`) and applies it; returns the tasks whose restore finished. */
  async step(timeoutMs: number, signal?: AbortSignal): Promise<string[]> {
    if (this.restoring.size === 0) return [];
    const consumer = this.restoreConsumer();
    const batch = await consumer.nextBatch({ timeoutMs, signal });
    const finished: string[] = [];
    if (batch) {
      const r = this.restoring.get(key(batch)) ;
      if (r) {
        const records: ChangelogRecord[] = [];
        let last = -1n;
        for (const rec of batch.records) {
          if (rec.offset >= r.end) break;
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
          r.manager.restored(r.registered.store.name, last);
          this.listenerCall('onBatchRestored', (l) => l.onBatchRestored?.(r.tp.topic, r.tp.partition, r.registered.store.name, last, records.length));
        }
        if (batch.nextOffset >= r.end) finished.push(...this.done(r));
      }
    }
    // Partitions whose end is past their last record (a transaction marker, compacted records) end by position.
    if (!batch) {
      for (const r of [...this.restoring.values()]) {
        if ((await consumer.position(r.tp)) >= r.end) finished.push(...this.done(r));
      }
    }
    return finished;
  }

  private done(r: Restoring): string[] {
    this.restoring.delete(key(r.tp));
    const seconds = Math.max(1, Date.now() - r.startedAt) / 1000;
    this.options.log.info(
      `task ${r.manager.taskId}: restored store '${r.registered.store.name}' from ${r.tp.topic}-${r.tp.partition} (offsets ${r.start} to ${r.end}): ${r.restored} records in ${seconds.toFixed(1)} s, ${Math.round(r.restored / seconds)} records/s`,
    );
    this.listenerCall('onRestoreEnd', (l) => l.onRestoreEnd?.(r.tp.topic, r.tp.partition, r.registered.store.name, r.restored));
    if (this.restoring.size > 0) this.reassign();
    const pending = this.waiting.get(r.manager.taskId);
    if (!pending) return [];
    pending.delete(key(r.tp));
    if (pending.size > 0) return [];
    this.waiting.delete(r.manager.taskId);
    return [r.manager.taskId];
  }

  /** A task left before its restore finished (revoked, closing): its partitions are dropped. */
  remove(taskId: string): void {
    const pending = this.waiting.get(taskId);
    if (!pending) return;
    this.waiting.delete(taskId);
    for (const k of pending) {
      const r = this.restoring.get(k);
      if (!r) continue;
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
