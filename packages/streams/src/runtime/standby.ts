/**
 * Standby tasks (Kafka Streams' `StandbyTask`, `num.standby.replicas`): copies of other
 * instances' stateful tasks, kept up to date from their changelogs so that, when one of them
 * becomes active here, its stores need only the changelog records since the standby last read
 * (its checkpoint), not a full restore. A standby runs no processor: it opens the task's stores
 * under the task folder's lock, reads their changelog partitions with a consumer in no group,
 * and every commit interval checkpoints once the changelogs moved enough (as an active task does,
 * and Java's StandbyTask: state-manager.ts).
 *
 * The assignment says which standbys an instance keeps; `reconcile` opens those it lacks and
 * closes the rest. A task this instance still runs as active (giving it up in a cooperative
 * rebalance) becomes a standby only once it is closed; a standby that becomes active is closed
 * (flushed and checkpointed) first, and the active task restores from its checkpoint.
 */
import { Consumer, type TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { ChangelogRecord, StateStore } from '../state/api.ts';
import type { Topology } from '../topology/topology.ts';
import type { StreamsLogger } from './handlers.ts';
import type { ChangelogCollector, RegisteredStore } from './state-manager.ts';
import { type TaskRecordAccess, type TaskStateEnvironment, TaskStores } from './task-stores.ts';

/**
 * Told how standby stores follow their changelogs (Java's StandbyUpdateListener, KIP-988;
 * KafkaStreams.setStandbyUpdateListener). Offsets are changelog offsets.
 */
export interface StandbyUpdateListener {
  onUpdateStart?(topicPartition: TopicPartition, storeName: string, startingOffset: bigint): void;
  /** A batch applied: `batchEndOffset` is its last record's offset; `currentEndOffset` the changelog's end as last fetched. */
  onBatchLoaded?(topicPartition: TopicPartition, storeName: string, taskId: string, batchEndOffset: bigint, batchSize: number, currentEndOffset: bigint): void;
  /** The standby stopped: the task moved away (MIGRATED) or became active here (PROMOTED). */
  onUpdateSuspended?(topicPartition: TopicPartition, storeName: string, storeOffset: bigint, currentEndOffset: bigint, reason: 'MIGRATED' | 'PROMOTED'): void;
}

export interface StandbyOptions {
  applicationId: string;
  clientId: string;
  bootstrapServers: string | readonly string[];
  consumer: object;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  commitIntervalMs: number;
  log: StreamsLogger;
  topology: Topology;
  environment: TaskStateEnvironment;
  listener(): StandbyUpdateListener | null;
}

/** A standby processes no record: its stores see none. */
const NO_RECORD: TaskRecordAccess = {
  current: () => null,
  withRecordContext: (_recordContext, fn) => fn(),
};

/** A standby writes nothing: its stores change only through their restore callbacks. */
const NO_WRITES: ChangelogCollector = {
  send(record) {
    throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `a standby task tried to write to '${record.topic}'`);
  },
};

interface Standby {
  id: string;
  stores: TaskStores;
  partitions: { tp: TopicPartition; registered: RegisteredStore }[];
}

function key(tp: TopicPartition): string {
  return `${tp.topic}:${tp.partition}`;
}

export class StandbyTasks {
  private consumer: Consumer | null = null;
  private readonly running = new Map<string, Standby>();
  private readonly byPartition = new Map<string, { standby: Standby; registered: RegisteredStore }>();
  private wanted = new Set<string>();
  private lastCheckpointAt = Date.now();
  /** Changelog records applied to standbys (for tests and logs). */
  updatedRecords = 0;

  private readonly options: StandbyOptions;

  constructor(options: StandbyOptions) {
    this.options = options;
  }

  /** The standby stores named `storeName`, by task: what interactive queries with enableStaleStores() read too. */
  storesNamed(storeName: string): { taskId: string; store: StateStore }[] {
    return [...this.running.values()].flatMap((s) => {
      const store = s.stores.manager.store(storeName);
      return store ? [{ taskId: s.id, store }] : [];
    });
  }

  /** The standbys the last assignment gave this instance. */
  assign(taskIds: readonly string[]): void {
    this.wanted = new Set(taskIds);
  }

  /** The standbys open now. */
  ids(): string[] {
    return [...this.running.keys()].sort();
  }

  has(taskId: string): boolean {
    return this.running.has(taskId);
  }

  /** Opens wanted standbys (but those this instance runs as active), closes unwanted ones. */
  reconcile(isActive: (taskId: string) => boolean): void {
    for (const id of [...this.running.keys()]) if (!this.wanted.has(id) || isActive(id)) this.close(id);
    for (const id of this.wanted) {
      if (this.running.has(id) || isActive(id)) continue;
      this.open(id);
    }
  }

  private open(id: string): void {
    const m = /^(\d+)_(\d+)$/.exec(id);
    const sub = m ? this.options.topology.subtopologies().find((s) => s.id === Number(m[1])) : undefined;
    if (!m || !sub) {
      this.options.log.warn(`standby task ${id} is not a task of this topology; ignoring it`);
      this.wanted.delete(id);
      return;
    }
    const stores = new TaskStores(id, Number(m[2]), sub, this.options.topology, this.options.applicationId, this.options.environment, NO_WRITES, this.options.log, NO_RECORD);
    // Another instance on this machine holds the folder: try at the next reconcile.
    if (!stores.open()) return;
    const standby: Standby = { id, stores, partitions: [] };
    for (const r of stores.manager.changelogStores()) {
      const tp = { topic: r.changelog!.topic, partition: r.changelog!.partition };
      standby.partitions.push({ tp, registered: r });
      this.byPartition.set(key(tp), { standby, registered: r });
    }
    this.running.set(id, standby);
    const consumer = this.reassign();
    for (const { tp, registered } of standby.partitions) {
      if (registered.offset === null) consumer.seekToBeginning([tp]);
      else consumer.seek(tp, registered.offset + 1n);
    }
    this.options.log.info(`standby task ${id} opened; its stores follow ${standby.partitions.map((p) => `${p.tp.topic}-${p.tp.partition}`).join(', ')}`);
    for (const { tp, registered } of standby.partitions) this.report((l) => l.onUpdateStart?.(tp, registered.store.name, registered.offset === null ? 0n : registered.offset + 1n));
  }

  private reassign(): Consumer {
    this.consumer ??= new Consumer({
      ...this.options.consumer,
      bootstrapServers: this.options.bootstrapServers,
      clientId: `${this.options.clientId}-standby-consumer`,
      groupId: undefined,
      enableAutoCommit: false,
      autoOffsetReset: 'earliest',
      isolationLevel: this.options.isolationLevel,
    });
    this.consumer.assign([...this.byPartition.values()].map((e) => ({ topic: e.registered.changelog!.topic, partition: e.registered.changelog!.partition })));
    return this.consumer;
  }

  private report(call: (l: StandbyUpdateListener) => void): void {
    const l = this.options.listener();
    if (!l) return;
    try {
      call(l);
    } catch (e) {
      this.options.log.warn(`the standby update listener threw: ${messageOf(e)}`);
    }
  }

  private endOf(tp: TopicPartition, position: bigint): bigint {
    return position + (this.consumer?.currentLag(tp) ?? 0n);
  }

  private detach(standby: Standby, reason: 'MIGRATED' | 'PROMOTED'): void {
    this.running.delete(standby.id);
    for (const p of standby.partitions) {
      this.byPartition.delete(key(p.tp));
      const offset = p.registered.offset ?? -1n;
      this.report((l) => l.onUpdateSuspended?.(p.tp, p.registered.store.name, offset, this.endOf(p.tp, offset + 1n), reason));
    }
    if (this.consumer) this.reassign();
  }

  /**
   * Hands a standby's open stores over to the task becoming active here (Java recycles the
   * standby task): they keep what they hold, so the active task restores only the rest.
   */
  release(id: string): TaskStores | undefined {
    const standby = this.running.get(id);
    if (!standby) return undefined;
    this.detach(standby, 'PROMOTED');
    this.options.log.info(`standby task ${id} becomes active here; its stores are kept`);
    return standby.stores;
  }

  /** Closes a standby: stores flushed and checkpointed, its folder unlocked. */
  close(id: string): void {
    const standby = this.running.get(id);
    if (!standby) return;
    this.detach(standby, 'MIGRATED');
    try {
      standby.stores.close(true);
    } catch (e) {
      this.options.log.warn(`closing standby task ${id} failed: ${messageOf(e)}`);
    }
  }

  /** Applies what the changelogs have (without waiting); every commit interval, checkpoints if due. */
  async update(): Promise<void> {
    if (this.running.size === 0 || !this.consumer) return;
    for (let i = 0; i < 10; i++) {
      const batch = await this.consumer.nextBatch({ timeoutMs: 0 });
      if (!batch) break;
      const entry = this.byPartition.get(key(batch));
      if (!entry || batch.records.length === 0) continue;
      const records: ChangelogRecord[] = [];
      for (const r of batch.records) if (r.key !== null) records.push({ key: r.key, value: r.value, timestamp: r.timestamp, headers: r.headers });
      try {
        entry.registered.restore(records);
      } catch (e) {
        throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `standby task ${entry.standby.id}: updating store '${entry.registered.store.name}' failed: ${messageOf(e)}`, { cause: e, taskId: entry.standby.id });
      }
      const last = batch.records.at(-1)!.offset;
      entry.standby.stores.manager.restored(entry.registered.store.name, last);
      this.updatedRecords += records.length;
      this.report((l) => l.onBatchLoaded?.({ topic: batch.topic, partition: batch.partition }, entry.registered.store.name, entry.standby.id, last, records.length, this.endOf(batch, batch.nextOffset)));
    }
    if (Date.now() - this.lastCheckpointAt >= this.options.commitIntervalMs) {
      this.lastCheckpointAt = Date.now();
      for (const s of this.running.values()) s.stores.maybeCheckpoint(false);
    }
  }

  /** Each standby with the changelog partitions it reads (KafkaStreams.metadataForLocalThreads). */
  metadata(): { taskId: string; topicPartitions: TopicPartition[] }[] {
    return [...this.running.values()].map((s) => ({ taskId: s.id, topicPartitions: s.partitions.map((p) => p.tp) })).sort((a, b) => (a.taskId < b.taskId ? -1 : 1));
  }

  async closeAll(): Promise<void> {
    for (const id of [...this.running.keys()]) this.close(id);
    const c = this.consumer;
    this.consumer = null;
    await c?.close();
  }
}
