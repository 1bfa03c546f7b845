/**
 * The global thread (Kafka Streams' `GlobalStreamThread`): a consumer in no group assigned every
 * partition of the global stores' topics. At start it reads each to the end offset taken then
 * (from the checkpoint of a persistent store, else from the beginning), before the instance
 * starts its processing loop, so global stores are complete when the application is RUNNING;
 * then it keeps reading, flushing the stores and writing the checkpoint after a commit interval
 * once the topics moved more than 10,000 records since the last time (and at close), as Java's.
 * Catching up at start is reported as a restore (StateRestoreListener, and a log line with the
 * records per second).
 */
import { type Admin, Consumer, KafkaError, type TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { StateRestoreListener, StateStore } from '../state/api.ts';
import type { Topology } from '../topology/topology.ts';
import { GlobalStateTask, type GlobalTaskEnvironment } from './global-task.ts';
import type { StreamsLogger } from './handlers.ts';

export interface GlobalThreadOptions {
  bootstrapServers: string | readonly string[];
  clientId: string;
  consumer: object;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  commitIntervalMs: number;
  pollMs: number;
  log: StreamsLogger;
  restoreListener(): StateRestoreListener | null;
  /** The thread failed after start: the instance must stop in ERROR. */
  onError(error: Error): void;
}

export class GlobalStreamThread {
  readonly task: GlobalStateTask;
  private readonly consumer: Consumer;
  private readonly abort = new AbortController();
  private stopping = false;
  private loop: Promise<void> | null = null;
  /** Records read while catching up at start. */
  restoredRecords = 0;

  private readonly options: GlobalThreadOptions;

  constructor(topology: Topology, env: GlobalTaskEnvironment, options: GlobalThreadOptions) {
    this.options = options;
    this.task = new GlobalStateTask(topology, env);
    this.consumer = new Consumer({
      ...options.consumer,
      bootstrapServers: options.bootstrapServers,
      clientId: `${options.clientId}-global-consumer`,
      groupId: undefined,
      enableAutoCommit: false,
      autoOffsetReset: 'earliest',
      isolationLevel: options.isolationLevel,
    });
  }

  store(name: string): StateStore | undefined {
    return this.task.store(name);
  }

  /** Opens the stores and reads every partition of their topics to its current end; then keeps reading in the background. */
  async start(admin: Admin): Promise<void> {
    const partitions: TopicPartition[] = [];
    for (const topic of this.task.topics()) {
      try {
        const [d] = await admin.describeTopics([topic]);
        for (const p of d.partitions) partitions.push({ topic, partition: p.partition });
      } catch (e) {
        if (e instanceof KafkaError && e.code === 'UNKNOWN_TOPIC_OR_PARTITION') {
          throw new StreamsError(StreamsErrorCode.MISSING_SOURCE_TOPIC, `the topic '${topic}' of global store '${this.task.storeNameOf(topic)}' does not exist; create it before starting the application`);
        }
        throw e;
      }
    }
    this.task.open();
    this.consumer.assign(partitions);
    for (const tp of partitions) {
      const start = this.task.startOffset(tp.topic, tp.partition);
      if (start === undefined) this.consumer.seekToBeginning([tp]);
      else this.consumer.seek(tp, start);
    }
    await this.catchUp(partitions);
    this.task.flush();
    this.loop = this.run().catch((e) => {
      if (this.stopping) return;
      this.options.onError(e instanceof Error ? e : new Error(String(e)));
    });
  }

  private async catchUp(partitions: TopicPartition[]): Promise<void> {
    const ends = new Map((await this.consumer.endOffsets(partitions)).map((o) => [`${o.topic}:${o.partition}`, o.offset]));
    const listener = this.options.restoreListener();
    const remaining = new Map<string, { tp: TopicPartition; end: bigint; start: bigint; restored: number; startedAt: number }>();
    for (const tp of partitions) {
      const key = `${tp.topic}:${tp.partition}`;
      const end = ends.get(key) ?? 0n;
      const start = await this.consumer.position(tp);
      if (start >= end) continue;
      remaining.set(key, { tp, end, start, restored: 0, startedAt: Date.now() });
      this.report(() => listener?.onRestoreStart?.(tp.topic, tp.partition, this.task.storeNameOf(tp.topic), start, end));
    }
    while (remaining.size > 0 && !this.stopping) {
      const batch = await this.consumer.nextBatch({ timeoutMs: this.options.pollMs, signal: this.abort.signal });
      if (batch) {
        const key = `${batch.topic}:${batch.partition}`;
        for (const r of batch.records) this.task.process(r);
        this.restoredRecords += batch.records.length;
        const entry = remaining.get(key);
        if (entry) {
          entry.restored += batch.records.length;
          const last = batch.records.at(-1)?.offset ?? batch.nextOffset - 1n;
          this.report(() => listener?.onBatchRestored?.(batch.topic, batch.partition, this.task.storeNameOf(batch.topic), last, batch.records.length));
        }
      }
      for (const [key, entry] of remaining) {
        if ((await this.consumer.position(entry.tp)) < entry.end) continue;
        remaining.delete(key);
        const seconds = Math.max(1, Date.now() - entry.startedAt) / 1000;
        const store = this.task.storeNameOf(entry.tp.topic);
        this.options.log.info(`restored global store '${store}' from ${entry.tp.topic}-${entry.tp.partition} (offsets ${entry.start} to ${entry.end}): ${entry.restored} records in ${seconds.toFixed(1)} s, ${Math.round(entry.restored / seconds)} records/s`);
        this.report(() => listener?.onRestoreEnd?.(entry.tp.topic, entry.tp.partition, store, entry.restored));
      }
    }
  }

  private report(call: () => void): void {
    try {
      call();
    } catch (e) {
      this.options.log.warn(`the state restore listener threw: ${messageOf(e)}`);
    }
  }

  private async run(): Promise<void> {
    let lastFlush = Date.now();
    while (!this.stopping) {
      let batch;
      try {
        batch = await this.consumer.nextBatch({ timeoutMs: this.options.pollMs, signal: this.abort.signal });
      } catch (e) {
        if (this.stopping) return;
        throw e;
      }
      if (batch) for (const r of batch.records) this.task.process(r);
      if (Date.now() - lastFlush >= this.options.commitIntervalMs) {
        lastFlush = Date.now();
        this.task.maybeCheckpoint();
      }
    }
  }

  /** Stops reading; `clean` flushes and checkpoints the stores first. */
  async close(clean: boolean): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    await this.loop;
    this.task.close(clean);
    await this.consumer.close();
  }
}
