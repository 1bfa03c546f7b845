/**
 * Sends a task's outputs through the producer and keeps track of them, so a commit can wait
 * until every output written before it is acknowledged (at-least-once: offsets are committed
 * only for inputs whose outputs are safely in Kafka). A send failure goes to the production
 * exception handler; a FAIL is kept and raised on the processing loop.
 */
import type { Producer, ProducerRecord } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { StoreRecordContext } from '../state/api.ts';
import type { OutputRecord, ProductionExceptionHandler, StreamsLogger } from './handlers.ts';
import { TaskMigratedError, isFencing, isTransactionAbortable } from './task-migrated.ts';
import { type RecordCollector, errorContextOf } from './task.ts';

/** Unacknowledged outputs at which the loop stops taking records, and where it resumes. */
const IN_FLIGHT_MAX = 100_000;
const IN_FLIGHT_RESUME = 50_000;

export class ProducerRecordCollector implements RecordCollector {
  /** What throwIfFailed raises: a FAIL of the handler, or (exactly_once_v2) a TaskMigratedError. */
  private fatal: StreamsError | TaskMigratedError | null = null;
  private readonly partitionCounts = new Map<string, number>();
  /** Outputs waiting for a topic's partition count (custom partitioners only), in send order. */
  private readonly waiting = new Map<string, { record: OutputRecord; partitioner: (n: number) => number | undefined; taskId: string; origin: StoreRecordContext | null }[]>();
  private readonly lookups = new Set<Promise<void>>();
  sent = 0;
  /** Outputs handed to the producer and not yet acknowledged or failed. */
  private inFlight = 0;
  private drainWaiters: (() => void)[] = [];
  private readonly acked = new Map<string, bigint>();
  private idleWaiters: (() => void)[] = [];

  private readonly producer: Producer;
  private readonly handler: ProductionExceptionHandler;
  private readonly log: StreamsLogger;
  /** Called before each write (exactly_once_v2: opens the transaction at the first output after a commit). */
  private readonly beforeWrite?: () => void;

  constructor(producer: Producer, handler: ProductionExceptionHandler, log: StreamsLogger, beforeWrite?: () => void) {
    this.producer = producer;
    this.handler = handler;
    this.log = log;
    this.beforeWrite = beforeWrite;
  }

  send(record: OutputRecord, partitioner: ((numPartitions: number) => number | undefined) | undefined, taskId: string, origin: StoreRecordContext | null): void {
    this.throwIfFailed();
    if (!partitioner) {
      this.write(record, taskId, origin);
      return;
    }
    const queued = this.waiting.get(record.topic);
    if (queued) {
      queued.push({ record, partitioner, taskId, origin });
      return;
    }
    const n = this.partitionCounts.get(record.topic);
    if (n !== undefined) {
      record.partition = this.choose(partitioner, n, record.topic);
      this.write(record, taskId, origin);
      return;
    }
    this.waiting.set(record.topic, [{ record, partitioner, taskId, origin }]);
    const lookup = this.producer.partitionsFor(record.topic).then(
      (infos) => {
        this.partitionCounts.set(record.topic, infos.length);
        const list = this.waiting.get(record.topic) ?? [];
        this.waiting.delete(record.topic);
        for (const w of list) {
          try {
            w.record.partition = this.choose(w.partitioner, infos.length, w.record.topic);
            this.write(w.record, w.taskId, w.origin);
          } catch (e) {
            this.fail(e);
          }
        }
      },
      (e) => {
        const list = this.waiting.get(record.topic) ?? [];
        this.waiting.delete(record.topic);
        for (const w of list) this.failed(w.record, w.taskId, w.origin, e);
      },
    );
    this.lookups.add(lookup);
    void lookup.finally(() => this.lookups.delete(lookup));
  }

  private choose(partitioner: (n: number) => number | undefined, n: number, topic: string): number | undefined {
    const p = partitioner(n);
    if (p !== undefined && (!Number.isInteger(p) || p < 0 || p >= n)) {
      throw new StreamsError(StreamsErrorCode.PROCESSING_FAILED, `the stream partitioner chose partition ${p} of topic '${topic}', which has ${n}`);
    }
    return p;
  }

  private write(record: OutputRecord, taskId: string, origin: StoreRecordContext | null): void {
    this.beforeWrite?.();
    this.sent++;
    this.inFlight++;
    // An OutputRecord is a ProducerRecord (topic, partition, key, value, timestamp, headers).
    this.producer.send(record as ProducerRecord).then((metadata) => {
      this.noteAcked(metadata.topic, metadata.partition, metadata.offset);
      this.settled();
    }, (e) => {
      this.settled();
      this.failed(record, taskId, origin, e);
    });
  }

  private noteAcked(topic: string, partition: number, offset: bigint): void {
    const key = `${topic}:${partition}`;
    if (offset > (this.acked.get(key) ?? -1n)) this.acked.set(key, offset);
  }

  /** The offset of the last acknowledged record per `topic:partition`: what a checkpoint records of the changelogs. */
  offsets(): ReadonlyMap<string, bigint> {
    return this.acked;
  }

  private readonly settled = (): void => {
    this.inFlight--;
    if (this.inFlight === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
    if (this.drainWaiters.length > 0 && this.inFlight <= IN_FLIGHT_RESUME) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  };

  /**
   * Backpressure: Java's send() blocks when the producer's buffer is full; ours never blocks,
   * so the loop asks here before taking more records, and waits while too many outputs are
   * unacknowledged. Without it a backlog would be read faster than it can be written, and the
   * outputs would pile up in memory.
   */
  get saturated(): boolean {
    return this.inFlight >= IN_FLIGHT_MAX;
  }

  whenDrained(): Promise<void> {
    if (this.inFlight <= IN_FLIGHT_RESUME) return Promise.resolve();
    return new Promise((r) => this.drainWaiters.push(r));
  }

  private failed(record: OutputRecord, taskId: string, origin: StoreRecordContext | null, e: unknown): void {
    const context = errorContextOf(taskId, origin);
    const error = e instanceof Error ? e : new Error(String(e));
    // exactly_once_v2: a send refused because the producer was fenced or its transaction can only
    // be aborted is no fault of the record, so the handler is not asked (Java's RecordCollector
    // raises a TaskMigratedException): the loop aborts, closes the tasks dirty and rejoins.
    if (this.beforeWrite && (isFencing(error) || isTransactionAbortable(error))) {
      this.fatal ??= new TaskMigratedError(`task ${context.taskId}: an output to '${record.topic}' was refused because the transaction cannot commit: ${error.message}`, error);
      return;
    }
    let response: 'CONTINUE' | 'FAIL';
    try {
      response = this.handler(context, { phase: 'send', record }, error);
    } catch (handlerError) {
      response = 'FAIL';
      this.log.error(`the production exception handler threw: ${messageOf(handlerError)}`);
    }
    if (response === 'CONTINUE') {
      this.log.warn(`task ${context.taskId}: dropping an output to '${record.topic}' that could not be written: ${error.message}`);
      return;
    }
    this.fail(new StreamsError(StreamsErrorCode.PRODUCTION_FAILED, `task ${context.taskId}: an output to '${record.topic}' could not be written: ${error.message}`, { cause: error, taskId: context.taskId }));
  }

  private fail(e: unknown): void {
    this.fatal ??= e instanceof StreamsError ? e : new StreamsError(StreamsErrorCode.PRODUCTION_FAILED, messageOf(e), { cause: e });
  }

  throwIfFailed(): void {
    if (this.fatal) throw this.fatal;
  }

  /**
   * Resolves once every output sent so far is acknowledged (or failed); raises a FAIL. Waits on
   * the sends themselves, not only on producer.flush(): a send still waiting for topic metadata
   * or buffer memory is in no batch yet, and flush() does not wait for it.
   */
  async flush(): Promise<void> {
    while (this.lookups.size > 0) await Promise.allSettled([...this.lookups]);
    await this.producer.flush();
    while (this.inFlight > 0) {
      await Promise.race([new Promise<void>((r) => this.idleWaiters.push(r)), new Promise<void>((r) => setTimeout(r, 50))]);
      if (this.inFlight > 0) await this.producer.flush();
    }
    // Failure callbacks run after the settle callbacks; let them land.
    await new Promise<void>((r) => setImmediate(r));
    this.throwIfFailed();
  }
}
