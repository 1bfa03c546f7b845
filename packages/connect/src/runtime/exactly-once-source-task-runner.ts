/**
 * Runs one source task with exactly-once delivery (Kafka's ExactlyOnceWorkerSourceTask, KIP-618):
 * the task's own transactional producer (`transactional.id` = `<group.id>-<connector>-<task>`)
 * sends its records and then, in the same transaction, the source offsets those records reached
 * (to the offsets topic, as the offset store's records), and commits. Records and offsets are
 * visible to read_committed readers together or not at all, so a task that crashes or is fenced
 * resumes from the offsets of its last committed transaction and nothing is written twice.
 *
 * Where a transaction ends is `transaction.boundary`: `poll` after each batch the task returns,
 * `interval` once `transaction.boundary.interval.ms` passed, `connector` where the task asks
 * through its TransactionContext (after a given record, or after the batch; commit or abort).
 * initTransactions() fences an earlier producer with the same id (a zombie of this task) and
 * aborts its open transaction before this one starts. A failed send aborts the transaction and
 * fails the task, as does a failed commit (a fenced zombie ends so).
 */
import { ConnectException, type ConnectorConfig, type OffsetStorageReader, type SourceRecord, type SourceTask, type TransactionBoundary, type TransactionContext } from '@sluice/connect-api';
import type { Producer, RecordMetadata } from '@sluice/client';
import { SKIPPED } from './error-handling.ts';
import { convertSourceRecord, type SourceRecordConversion } from './source-record-conversion.ts';
import type { TaskStatusListener } from './status.ts';
import { TaskLoop } from './task-loop.ts';

export interface ExactlyOnceSourceTaskRunnerInit extends SourceRecordConversion {
  taskId: number;
  task: SourceTask;
  props: ConnectorConfig;
  /** What the task reads its offsets from (committed offsets only). */
  offsetReader: OffsetStorageReader;
  /** A producer with this task's transactional.id. */
  producer: Producer;
  /** Where the offsets go: the connector's offsets.storage.topic, else the worker's offset.storage.topic. */
  offsetsTopic: string;
  boundary: TransactionBoundary;
  /** For `interval`: transaction.boundary.interval.ms, else the worker's offset.flush.interval.ms. */
  boundaryIntervalMs: number;
  listener: TaskStatusListener;
  log: (line: string) => void;
  onTopicUsed: (topic: string) => void;
  /** Kafka's preProducerCheck: the herder's round of zombie fencing for this generation, awaited before the producer starts. */
  beforeProducer?: () => Promise<void>;
  /** Kafka's postProducerCheck: throws when this task's generation or ownership is no longer current. */
  afterProducer?: () => void;
  /** Offsets a transaction committed (the copy of a connector's own offsets topic to the worker's); must not throw. */
  afterCommit?: (offsets: ReadonlyMap<string, string | null>) => void;
}

/** Kafka's WorkerTransactionContext: what the task asked for, per record or for the batch. */
class TaskTransactionContext implements TransactionContext {
  commitBatch = false;
  abortBatch = false;
  readonly commitAfter = new Set<SourceRecord>();
  readonly abortAfter = new Set<SourceRecord>();

  commitTransaction(record?: SourceRecord): void {
    if (record === undefined) this.commitBatch = true;
    else this.commitAfter.add(record);
  }

  abortTransaction(record?: SourceRecord): void {
    if (record === undefined) this.abortBatch = true;
    else this.abortAfter.add(record);
  }

  /** 'commit', 'abort' or null for this record, once (Kafka refuses both for one record). */
  takeForRecord(record: SourceRecord): 'commit' | 'abort' | null {
    const commit = this.commitAfter.delete(record);
    const abort = this.abortAfter.delete(record);
    if (commit && abort) throw new ConnectException(`Connector requested both commit and abort of the same record: ${record.toString()}`);
    return abort ? 'abort' : commit ? 'commit' : null;
  }

  takeForBatch(): 'commit' | 'abort' | null {
    const { commitBatch, abortBatch } = this;
    this.commitBatch = this.abortBatch = false;
    if (commitBatch && abortBatch) throw new ConnectException('Connector requested both commit and abort of the same batch');
    return abortBatch ? 'abort' : commitBatch ? 'commit' : null;
  }
}

export class ExactlyOnceSourceTaskRunner extends TaskLoop {
  #transactionOpen = false;
  /** Offsets the records of the open transaction reached, by offset key. */
  #pendingOffsets = new Map<string, string | null>();
  #sendFailure: unknown = null;
  #lastCommit = Date.now();
  readonly #context: TaskTransactionContext | null;
  readonly done: Promise<void>;

  private readonly init: ExactlyOnceSourceTaskRunnerInit;

  constructor(init: ExactlyOnceSourceTaskRunnerInit) {
    super();
    this.init = init;
    this.#context = init.boundary === 'connector' ? new TaskTransactionContext() : null;
    this.done = this.#run();
  }

  async #run(): Promise<void> {
    const { task, listener, producer } = this.init;
    try {
      await this.init.beforeProducer?.();
      // Fences this task's zombie (the same transactional id on another worker) before anything is read or written.
      await producer.initTransactions();
      this.init.afterProducer?.();
      const context = this.#context;
      task.initialize({ configs: () => ({ ...this.init.props }), offsetStorageReader: () => this.init.offsetReader, transactionContext: () => context });
      await task.start(this.init.props);
      listener.onRunning();
      while (!this.stopping) {
        if (!this.started) {
          await this.#commit();
          listener.onPaused();
          await this.waitWhilePaused();
          if (!this.stopping) listener.onRunning();
          continue;
        }
        this.#throwIfSendFailed();
        const records = await this.init.errors.execute('TASK_POLL', task.constructor.name, () => task.poll());
        const batch = records === SKIPPED || records === null ? [] : records;
        for (const record of batch) {
          await this.#send(record);
          const asked = this.#context?.takeForRecord(record) ?? null;
          if (asked === 'abort') await this.#abort();
          else if (asked === 'commit') await this.#commit();
        }
        await this.#batchDone(batch.length);
        if (batch.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await this.#commit();
      await task.stop();
      listener.onStopped();
    } catch (e) {
      this.stop();
      // Nothing of a failed task's open transaction may become visible.
      if (this.#transactionOpen) await producer.abortTransaction().catch(() => undefined);
      this.#transactionOpen = false;
      try {
        await task.stop();
      } catch {
        // The first failure is the one to report.
      }
      listener.onFailed(e);
    }
  }

  async #batchDone(size: number): Promise<void> {
    switch (this.init.boundary) {
      case 'poll':
        if (size > 0) await this.#commit();
        return;
      case 'interval':
        if (Date.now() - this.#lastCommit >= this.init.boundaryIntervalMs) await this.#commit();
        return;
      case 'connector': {
        const asked = this.#context!.takeForBatch();
        if (asked === 'abort') await this.#abort();
        else if (asked === 'commit') await this.#commit();
      }
    }
  }

  #begin(): void {
    if (this.#transactionOpen) return;
    this.init.producer.beginTransaction();
    this.#transactionOpen = true;
  }

  #throwIfSendFailed(): void {
    if (this.#sendFailure !== null) throw new ConnectException('Unrecoverable exception from producer send callback', { cause: this.#sendFailure });
  }

  async #send(record: SourceRecord): Promise<void> {
    const { offset, send, filtered } = await convertSourceRecord(this.init, record);
    // A dropped record's offset moves on too, inside the transaction.
    if (offset) {
      this.#begin();
      this.#pendingOffsets.set(offset[0], offset[1]);
    }
    if (send === null) {
      if (filtered) await this.init.task.commitRecord(record, null);
      return;
    }
    this.#begin();
    this.init.onTopicUsed(send.topic);
    this.init.producer.send(send).then(
      (m: RecordMetadata) => this.init.task.commitRecord(record, { topic: m.topic, partition: m.partition, offset: m.offset, timestamp: Number(m.timestamp) }),
      (e: unknown) => {
        this.#sendFailure ??= e;
      },
    ).catch((e: unknown) => {
      this.#sendFailure ??= e;
    });
  }

  /** Writes the offsets into the open transaction and commits it (Kafka's commitTransaction). */
  async #commit(): Promise<void> {
    this.#lastCommit = Date.now();
    if (!this.#transactionOpen) return;
    const { producer, offsetsTopic } = this.init;
    const offsets = this.#pendingOffsets;
    this.#pendingOffsets = new Map();
    for (const [k, v] of offsets) {
      producer.send({ topic: offsetsTopic, key: Buffer.from(k, 'utf8'), value: v === null ? null : Buffer.from(v, 'utf8') }).catch((e: unknown) => {
        this.#sendFailure ??= e;
      });
    }
    // commitTransaction flushes first: a record or offset that failed to send fails the commit (and the task, which then aborts).
    try {
      await producer.flush();
      this.#throwIfSendFailed();
      await producer.commitTransaction();
    } catch (e) {
      if (e instanceof ConnectException) throw e;
      throw new ConnectException(`${this.init.connector}-${this.init.taskId}: the transaction could not be committed`, { cause: e });
    }
    this.#transactionOpen = false;
    if (offsets.size > 0) this.init.afterCommit?.(offsets);
    await this.init.task.commit();
  }

  /** Discards the open transaction's records and offsets (the task asked for it). */
  async #abort(): Promise<void> {
    this.#pendingOffsets = new Map();
    if (!this.#transactionOpen) return;
    await this.init.producer.flush().catch(() => undefined);
    this.#throwIfSendFailed();
    await this.init.producer.abortTransaction();
    this.#transactionOpen = false;
  }
}
