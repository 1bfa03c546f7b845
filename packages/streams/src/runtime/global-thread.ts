/**
 * The global thread (Kafka Streams' `GlobalStreamThread`): a consumer in no group assigned every
 * partition of the global stores' topics. At start it reads each to the end offset taken then
 * (from the checkpoint of a persistent store, else from the beginning), before the instance
 * starts its processing loop, so global stores are complete when the application is RUNNING;
 * then it keeps reading, flushing the stores and writing the checkpoint after a commit interval
 * once the topics moved more than 10,000 records since the last time (and at close), as Java's.
 * Catching up at start is reported as a restore (StateRestoreListener, and a log line with the
 * records per second).
 *
 * As Java's GlobalStateManagerImpl, a call of that restore that times out (the partitions, end
 * offsets or positions asked while a broker restarts) is made again, and polls may bring nothing,
 * until task.timeout.ms has passed without progress; then the start fails with TASK_TIMEOUT.
 * A close aborts the calls and their retries.
 */
import { type Admin, Consumer, KafkaError, type TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import { isTimeout } from './task-timeouts.ts';
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
  /** task.timeout.ms: how long the restore at start may make no progress (its calls timing out, its polls empty). */
  taskTimeoutMs: number;
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
      const [d] = await this.untilTaskTimeout(`asking for the partitions of ${topic}`, async (signal) => {
        try {
          return await admin.describeTopics([topic], { signal });
        } catch (e) {
          // Retriable for the client, but Java's partitionsFor answers it with no partitions, which fails the start.
          if (e instanceof KafkaError && e.code === 'UNKNOWN_TOPIC_OR_PARTITION') {
            throw new StreamsError(StreamsErrorCode.MISSING_SOURCE_TOPIC, `the topic '${topic}' of global store '${this.task.storeNameOf(topic)}' does not exist; create it before starting the application`);
          }
          throw e;
        }
      });
      for (const p of d.partitions) partitions.push({ topic, partition: p.partition });
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
    const listed = await this.untilTaskTimeout('asking for the end offsets of its topics', (signal) => this.consumer.endOffsets(partitions, { signal }));
    const ends = new Map(listed.map((o) => [`${o.topic}:${o.partition}`, o.offset]));
    const listener = this.options.restoreListener();
    const remaining = new Map<string, { tp: TopicPartition; end: bigint; start: bigint; restored: number; startedAt: number }>();
    for (const tp of partitions) {
      const key = `${tp.topic}:${tp.partition}`;
      const end = ends.get(key) ?? 0n;
      const start = await this.position(tp);
      if (start >= end) continue;
      remaining.set(key, { tp, end, start, restored: 0, startedAt: Date.now() });
      this.report(() => listener?.onRestoreStart?.(tp.topic, tp.partition, this.task.storeNameOf(tp.topic), start, end));
    }
    // When the polls started bringing nothing (Java's deadline for a restore's empty polls).
    let idleSince: number | null = null;
    while (remaining.size > 0 && !this.stopping) {
      const batch = await this.consumer.nextBatch({ timeoutMs: this.options.pollMs, signal: this.abort.signal });
      if (batch === null) {
        if (idleSince === null) idleSince = Date.now();
        else if (Date.now() - idleSince >= this.options.taskTimeoutMs) throw this.noProgress('reading its topics (the polls brought nothing)', null);
      } else idleSince = null;
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
        if ((await this.position(entry.tp)) < entry.end) continue;
        remaining.delete(key);
        const seconds = Math.max(1, Date.now() - entry.startedAt) / 1000;
        const store = this.task.storeNameOf(entry.tp.topic);
        this.options.log.info(`restored global store '${store}' from ${entry.tp.topic}-${entry.tp.partition} (offsets ${entry.start} to ${entry.end}): ${entry.restored} records in ${seconds.toFixed(1)} s, ${Math.round(entry.restored / seconds)} records/s`);
        this.report(() => listener?.onRestoreEnd?.(entry.tp.topic, entry.tp.partition, store, entry.restored));
      }
    }
  }

  private position(tp: TopicPartition): Promise<bigint> {
    return this.untilTaskTimeout(`reading the position of ${tp.topic}-${tp.partition}`, (signal) => this.consumer.position(tp, { signal }));
  }

  /**
   * Java's retryUntilSuccessOrThrowOnTaskTimeout: a call that times out is made again (each try
   * waits up to default.api.timeout.ms) until task.timeout.ms has passed since the first timeout;
   * task.timeout.ms 0 disables the retry. Other failures, and a close, end it at once.
   */
  private async untilTaskTimeout<T>(what: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let firstTimeoutAt: number | null = null;
    for (;;) {
      try {
        return await call(this.abort.signal);
      } catch (e) {
        if (this.stopping || !isTimeout(e)) throw e;
        if (firstTimeoutAt === null) {
          firstTimeoutAt = Date.now();
          this.options.log.warn(`global thread: ${what} timed out (${messageOf(e)}); trying again, for up to task.timeout.ms (${this.options.taskTimeoutMs} ms)`);
        }
        if (Date.now() - firstTimeoutAt >= this.options.taskTimeoutMs) throw this.noProgress(what, e);
      }
    }
  }

  private noProgress(what: string, cause: unknown): StreamsError {
    const detail = cause === null ? '' : `: ${messageOf(cause)}`;
    return new StreamsError(StreamsErrorCode.TASK_TIMEOUT, `the global thread did not make progress restoring its stores within task.timeout.ms (${this.options.taskTimeoutMs} ms) (${what}${detail}); increase task.timeout.ms if a broker may take that long to come back`, { cause: cause ?? undefined });
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
