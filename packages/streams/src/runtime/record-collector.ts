/**
 * Sends a task's outputs through the producer and keeps track of them, so a commit can wait
 * until every output written before it is acknowledged (at-least-once: offsets are committed
 * only for inputs whose outputs are safely in Kafka). A send failure goes to the production
 * exception handler; a FAIL is kept and raised on the processing loop.
 */
import type { Producer } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.js';
import type { ErrorHandlerContext, OutputRecord, ProductionExceptionHandler, StreamsLogger } from './handlers.js';
import type { RecordCollector } from './task.js';

export class ProducerRecordCollector implements RecordCollector {
  private fatal: StreamsError | null = null;
  private readonly partitionCounts = new Map<string, number>();
  /** Outputs waiting for a topic's partition count (custom partitioners only), in send order. */
  private readonly waiting = new Map<string, { record: OutputRecord; partitioner: (n: number) => number | undefined; context: ErrorHandlerContext }[]>();
  private readonly lookups = new Set<Promise<void>>();
  sent = 0;

  constructor(
    private readonly producer: Producer,
    private readonly handler: ProductionExceptionHandler,
    private readonly log: StreamsLogger,
  ) {}

  send(record: OutputRecord, partitioner: ((numPartitions: number) => number | undefined) | undefined, context: ErrorHandlerContext): void {
    this.throwIfFailed();
    if (!partitioner) {
      this.write(record, context);
      return;
    }
    const queued = this.waiting.get(record.topic);
    if (queued) {
      queued.push({ record, partitioner, context });
      return;
    }
    const n = this.partitionCounts.get(record.topic);
    if (n !== undefined) {
      this.write({ ...record, partition: this.choose(partitioner, n, record.topic) }, context);
      return;
    }
    this.waiting.set(record.topic, [{ record, partitioner, context }]);
    const lookup = this.producer.partitionsFor(record.topic).then(
      (infos) => {
        this.partitionCounts.set(record.topic, infos.length);
        const list = this.waiting.get(record.topic) ?? [];
        this.waiting.delete(record.topic);
        for (const w of list) {
          try {
            this.write({ ...w.record, partition: this.choose(w.partitioner, infos.length, w.record.topic) }, w.context);
          } catch (e) {
            this.fail(e);
          }
        }
      },
      (e) => {
        const list = this.waiting.get(record.topic) ?? [];
        this.waiting.delete(record.topic);
        for (const w of list) this.failed(w.record, w.context, e);
      },
    );
    this.lookups.add(lookup);
    void lookup.finally(() => this.lookups.delete(lookup));
  }

  private choose(partitioner: (n: number) => number | undefined, n: number, topic: string): number | undefined {
    const p = partitioner(n);
    if (p !== undefined && (!Number.isInteger(p) || p < 0 || p >= n)) {
      throw new StreamsError(StreamsErrorCode.PROCESSING, `the stream partitioner chose partition ${p} of topic '${topic}', which has ${n}`);
    }
    return p;
  }

  private write(record: OutputRecord, context: ErrorHandlerContext): void {
    this.sent++;
    this.producer
      .send({ topic: record.topic, partition: record.partition, key: record.key, value: record.value, timestamp: record.timestamp, headers: record.headers as { key: string; value: Buffer | null }[] })
      .catch((e) => this.failed(record, context, e));
  }

  private failed(record: OutputRecord, context: ErrorHandlerContext, e: unknown): void {
    const error = e instanceof Error ? e : new Error(String(e));
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
    this.fail(new StreamsError(StreamsErrorCode.PRODUCTION, `task ${context.taskId}: an output to '${record.topic}' could not be written: ${error.message}`, { cause: error, taskId: context.taskId }));
  }

  private fail(e: unknown): void {
    this.fatal ??= e instanceof StreamsError ? e : new StreamsError(StreamsErrorCode.PRODUCTION, messageOf(e), { cause: e });
  }

  throwIfFailed(): void {
    if (this.fatal) throw this.fatal;
  }

  /** Resolves once everything sent so far is acknowledged (or failed); raises a FAIL. */
  async flush(): Promise<void> {
    while (this.lookups.size > 0) await Promise.allSettled([...this.lookups]);
    await this.producer.flush();
    // Failure callbacks run after flush's own resolution in the same tick; let them land.
    await new Promise<void>((r) => setImmediate(r));
    this.throwIfFailed();
  }
}
