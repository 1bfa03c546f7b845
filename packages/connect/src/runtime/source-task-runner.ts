/**
 * Runs one source task (Kafka's WorkerSourceTask, at-least-once): poll → transforms → converters
 * → producer. Offsets reach the offset store only for records the producer acknowledged: every
 * `offset.flush.interval.ms` the offsets of the records sent so far are noted, the task's producer
 * is flushed, and only then are the offsets written and the task's commit() called. A record a
 * transform drops still moves its offset on. A send that fails fails the task (its offsets are
 * not written), so records are never lost, only perhaps written twice after a restart.
 */
import { type SourceRecord, type SourceTask, type SourceTaskContext, type Converter, type HeaderConverter, ConnectException } from '@sluice/connect-api';
import type { Producer, RecordMetadata } from '@sluice/client';
import type { TransformationChain } from '../chain.ts';
import type { OffsetBackingStore } from './offset-store.ts';
import { type RetryWithToleranceOperator, SKIPPED } from './error-handling.ts';
import { convertSourceRecord } from './source-record-conversion.ts';
import type { TaskStatusListener } from './status.ts';
import { TaskLoop } from './task-loop.ts';

export interface SourceTaskRunnerInit {
  connector: string;
  taskId: number;
  task: SourceTask;
  context: SourceTaskContext;
  props: Record<string, string>;
  keyConverter: Converter;
  valueConverter: Converter;
  headerConverter: HeaderConverter;
  chain: TransformationChain;
  producer: Producer;
  offsetStore: OffsetBackingStore;
  errors: RetryWithToleranceOperator;
  listener: TaskStatusListener;
  flushIntervalMs: number;
  flushTimeoutMs: number;
  log: (line: string) => void;
  /** Topics this task wrote to (for `/connectors/{name}/topics`). */
  onTopicUsed: (topic: string) => void;
}

export class SourceTaskRunner extends TaskLoop {
  /** Offsets of records handed to the producer and not yet committed, by offset key. */
  #pendingOffsets = new Map<string, string | null>();
  #sentSinceCommit = 0;
  #sendFailure: unknown = null;
  #lastCommit = Date.now();
  readonly done: Promise<void>;

  private readonly init: SourceTaskRunnerInit;

  constructor(init: SourceTaskRunnerInit) {
    super();
    this.init = init;
    this.done = this.#run();
  }

  async #run(): Promise<void> {
    const { task, listener } = this.init;
    try {
      task.initialize(this.init.context);
      await task.start(this.init.props);
      listener.onRunning();
      while (!this.stopping) {
        if (!this.started) {
          listener.onPaused();
          await this.#commitOffsets();
          // The target is checked again after the commit: a resume may have come while it ran.
          await this.waitWhilePaused();
          if (!this.stopping && this.started) listener.onRunning();
          continue;
        }
        if (this.#sendFailure !== null) throw new ConnectException('Unrecoverable exception from producer send callback', { cause: this.#sendFailure });
        const records = await this.init.errors.execute('TASK_POLL', task.constructor.name, () => task.poll());
        if (records !== SKIPPED && records !== null) for (const record of records) await this.#send(record);
        if (Date.now() - this.#lastCommit >= this.init.flushIntervalMs) await this.#commitOffsets();
        // A task that returns nothing at once must not spin the event loop.
        if (records === null || records === SKIPPED || records.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      }
      await this.#commitOffsets();
      await task.stop();
      listener.onStopped();
    } catch (e) {
      this.stop();
      try {
        await task.stop();
      } catch {
        // The first failure is the one to report.
      }
      listener.onFailed(e);
    }
  }

  async #send(record: SourceRecord): Promise<void> {
    const { offset, send, filtered } = await convertSourceRecord(this.init, record);
    if (send === null) {
      if (offset) this.#pendingOffsets.set(offset[0], offset[1]);
      if (filtered) await this.init.task.commitRecord(record, null);
      return;
    }
    this.init.onTopicUsed(send.topic);
    const sent = this.init.producer.send(send);
    // The offset is noted after the send was handed over, so a commit that awaits the sends before it covers this record.
    if (offset) this.#pendingOffsets.set(offset[0], offset[1]);
    this.#sentSinceCommit++;
    sent.then(
      (m: RecordMetadata) => this.init.task.commitRecord(record, { topic: m.topic, partition: m.partition, offset: m.offset, timestamp: Number(m.timestamp) }),
      (e: unknown) => {
        this.#sendFailure ??= e;
      },
    ).catch((e: unknown) => {
      this.#sendFailure ??= e;
    });
  }

  /** Puts offsets of a commit that did not happen back in line for the next one; newer ones noted since win. */
  #restorePending(offsets: ReadonlyMap<string, string | null>): void {
    for (const [k, v] of offsets) if (!this.#pendingOffsets.has(k)) this.#pendingOffsets.set(k, v);
    this.#sentSinceCommit++;
  }

  /** Waits for what was sent, then writes the offsets of those records (Kafka's commitOffsets). */
  async #commitOffsets(): Promise<void> {
    this.#lastCommit = Date.now();
    const offsets = this.#pendingOffsets;
    if (offsets.size === 0 && this.#sentSinceCommit === 0) return;
    this.#pendingOffsets = new Map();
    this.#sentSinceCommit = 0;
    // The task has its own producer: once flush() resolves, every record sent before it was acknowledged or failed.
    let timer: NodeJS.Timeout | undefined;
    const flushed = await Promise.race([
      this.init.producer.flush().then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), this.init.flushTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (!flushed && !this.stopping) {
      // Kafka gives up on this commit and tries again at the next one; newer offsets noted since win.
      this.#restorePending(offsets);
      this.init.log(`${this.init.connector}-${this.init.taskId}: timed out after ${this.init.flushTimeoutMs} ms (offset.flush.timeout.ms) waiting for the producer to acknowledge outstanding records; the offsets are committed at the next try`);
      return;
    }
    // While stopping, the last commit waits for every record rather than leave acknowledged ones uncommitted.
    if (!flushed) await this.init.producer.flush();
    if (this.#sendFailure !== null) throw new ConnectException('Unrecoverable exception from producer send callback', { cause: this.#sendFailure });
    try {
      await this.init.offsetStore.set(offsets);
    } catch (e) {
      // As Kafka's OffsetStorageWriter.cancelFlush: the task goes on and these offsets are written
      // at the next commit, unless newer ones for the same partitions came meanwhile.
      this.#restorePending(offsets);
      this.init.log(`${this.init.connector}-${this.init.taskId}: failed to flush offsets to storage (${e instanceof Error ? e.message : String(e)}); they are written at the next commit`);
      return;
    }
    await this.init.task.commit();
  }
}
