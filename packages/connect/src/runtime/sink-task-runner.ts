/**
 * Runs one sink task (Kafka's WorkerSinkTask): the consumer of group `connect-<name>` polls,
 * each record goes through the converters and then the transforms, the batch is put to the task,
 * and every `offset.flush.interval.ms` the task's preCommit (by default flush) says which offsets
 * are safe, which the consumer then commits. Offsets are committed only after the task had the
 * records, so a crash repeats records rather than losing them. A RetriableException from put
 * redelivers the same batch after the task's `context.timeout()` (or at once).
 */
import { ConnectHeaders, RetriableException, SinkRecord, type SinkTask, type SinkTaskContext, type Converter, type HeaderConverter, type TopicPartition, type TopicPartitionOffset, type ErrantRecordReporter } from '@sluice/connect-api';
import type { Consumer, ConsumerRecord } from '@sluice/client';
import type { TransformationChain } from '../chain.ts';
import { applyTransforms, type RetryWithToleranceOperator, SKIPPED } from './error-handling.ts';
import { pluginClassName } from '../plugins.ts';
import { consumedRecordOf, InternalSinkRecord } from './internal-sink-record.ts';
import type { TaskStatusListener, TargetState } from './status.ts';

export interface SinkTaskRunnerInit {
  connector: string;
  taskId: number;
  task: SinkTask;
  props: Record<string, string>;
  topics: string[] | RegExp;
  keyConverter: Converter;
  valueConverter: Converter;
  headerConverter: HeaderConverter;
  chain: TransformationChain;
  consumer: Consumer;
  errors: RetryWithToleranceOperator;
  /** Whether the task gets an errant record reporter (Kafka: with a dead letter queue or errors.log.enable). */
  errantRecordReporting: boolean;
  listener: TaskStatusListener;
  flushIntervalMs: number;
}

const key = (tp: TopicPartition) => `${tp.topic}\u0000${tp.partition}`;

/** The class Kafka names as executing when a task reports an errant record (`SinkTask.class`). */
const SINK_TASK_CLASS = 'org.apache.kafka.connect.sink.SinkTask';

export class SinkTaskRunner {
  #target: TargetState = 'STARTED';
  #stopping = false;
  /** The next offset to commit per partition: one past the last record put. */
  #current = new Map<string, TopicPartitionOffset>();
  #lastCommitted = new Map<string, bigint>();
  #commitRequested = false;
  #retryTimeoutMs = -1;
  #lastCommit = Date.now();
  #paused = false;
  /** Positions the task asked for through `context.offset(...)`, applied before the next poll (Kafka's rewind). */
  #rewinds = new Map<string, TopicPartitionOffset>();
  /**
   * Reports of errant records still in flight, and the first that failed. A task may report
   * without awaiting (Kafka's report returns a Future the task may ignore): a failed report still
   * fails the task once put returns (Kafka's report throws inside put), and a commit waits for
   * every report first, as Kafka's awaitFutures, so no offset passes a record not yet reported.
   */
  #reports = new Set<Promise<void>>();
  #reportFailure: Error | null = null;
  readonly done: Promise<void>;

  private readonly init: SinkTaskRunnerInit;

  constructor(init: SinkTaskRunnerInit) {
    this.init = init;
    this.done = this.#run();
  }

  setTarget(target: TargetState): void {
    this.#target = target;
  }

  stop(): void {
    this.#stopping = true;
  }

  #context(): SinkTaskContext {
    const { consumer } = this.init;
    // Kafka's WorkerErrantRecordReporter: the record as it was consumed goes to the dead letter
    // queue (also for a copy the task made with newRecord; a record the task built is converted
    // back), and without errors.tolerance=all the report fails the task. As in Kafka there is a
    // reporter only with a dead letter queue or the error log to report to.
    const errant: ErrantRecordReporter = {
      report: (record: SinkRecord, error: Error) => {
        const consumed = consumedRecordOf(record, this.init);
        const report = this.init.errors.executeFailed('TASK_PUT', SINK_TASK_CLASS, error, { consumed, describe: () => record.toString() });
        this.#reports.add(report);
        report.then(
          () => this.#reports.delete(report),
          (e: unknown) => {
            this.#reports.delete(report);
            this.#reportFailure ??= e instanceof Error ? e : new Error(String(e));
          },
        );
        return report;
      },
    };
    return {
      configs: () => ({ ...this.init.props }),
      offset: (offsets) => {
        for (const o of offsets) this.#rewinds.set(key(o), o);
      },
      timeout: (ms) => {
        this.#retryTimeoutMs = ms;
      },
      assignment: () => consumer.assignment(),
      pause: (...partitions) => consumer.pause(partitions),
      resume: (...partitions) => consumer.resume(partitions),
      requestCommit: () => {
        this.#commitRequested = true;
      },
      errantRecordReporter: () => (this.init.errantRecordReporting ? errant : null),
    };
  }

  async #run(): Promise<void> {
    const { task, consumer, listener } = this.init;
    try {
      task.initialize(this.#context());
      await task.start(this.init.props);
      consumer.subscribe(this.init.topics as string[], {
        onPartitionsAssigned: async (partitions) => {
          for (const tp of partitions) this.#current.delete(key(tp));
          await task.open(partitions);
          // A task may set its positions in open (from its own store): they apply before the first fetch.
          this.#rewind();
          if (this.#paused) consumer.pause(partitions);
        },
        onPartitionsRevoked: async (partitions) => {
          await this.#commit(partitions);
          await task.close(partitions);
          for (const tp of partitions) this.#current.delete(key(tp));
        },
        onPartitionsLost: async (partitions) => {
          await task.close(partitions);
          for (const tp of partitions) this.#current.delete(key(tp));
        },
      });
      listener.onRunning();
      while (!this.#stopping) {
        this.#applyTarget();
        this.#rewind();
        const records = await consumer.poll({ timeoutMs: 500 });
        if (this.#stopping) break;
        if (records.length > 0) await this.#deliver(records);
        else await this.#putBatch([]);
        // A rewind asked for in put applies before any commit (Kafka applies it at the next poll,
        // which lets a commit due in between commit the positions the task moved away from).
        this.#rewind();
        if (this.#commitRequested || Date.now() - this.#lastCommit >= this.init.flushIntervalMs) await this.#commit();
      }
      await this.#commit();
      const assigned = consumer.assignment();
      await task.close(assigned);
      await task.stop();
      await consumer.close();
      listener.onStopped();
    } catch (e) {
      this.#stopping = true;
      try {
        await task.stop();
      } catch {
        // The first failure is the one to report.
      }
      await consumer.close().catch(() => undefined);
      listener.onFailed(e);
    }
  }

  /**
   * Seeks to the positions the task asked for, and makes them both what is current and what counts
   * as committed, as Kafka's WorkerSinkTask does: a commit before the records come again must not
   * commit the positions the task moved away from (that would skip a rewound range after a crash).
   */
  #rewind(): void {
    if (this.#rewinds.size === 0) return;
    const assigned = new Set(this.init.consumer.assignment().map(key));
    for (const [k, o] of this.#rewinds) {
      // A partition not (or no longer) assigned keeps its request for when it is.
      if (!assigned.has(k)) continue;
      this.init.consumer.seek({ topic: o.topic, partition: o.partition }, o.offset);
      const at = { topic: o.topic, partition: o.partition, offset: o.offset };
      this.#current.set(k, at);
      this.#lastCommitted.set(k, o.offset);
      this.#rewinds.delete(k);
    }
  }

  #applyTarget(): void {
    const pause = this.#target !== 'STARTED';
    if (pause === this.#paused) return;
    this.#paused = pause;
    const { consumer, listener } = this.init;
    if (pause) {
      consumer.pause(consumer.assignment());
      listener.onPaused();
    } else {
      consumer.resume(consumer.assignment());
      listener.onRunning();
    }
  }

  async #deliver(consumed: ConsumerRecord[]): Promise<void> {
    const batch: SinkRecord[] = [];
    const { errors, keyConverter, valueConverter, headerConverter, chain } = this.init;
    for (const r of consumed) {
      const ctx = { consumed: r };
      const k = await errors.execute('KEY_CONVERTER', pluginClassName(keyConverter), () => keyConverter.toConnectData(r.topic, r.key), ctx);
      const v = k === SKIPPED ? SKIPPED : await errors.execute('VALUE_CONVERTER', pluginClassName(valueConverter), () => valueConverter.toConnectData(r.topic, r.value), ctx);
      const h = v === SKIPPED ? SKIPPED : await errors.execute('HEADER_CONVERTER', pluginClassName(headerConverter), () => toConnectHeaders(r, headerConverter), ctx);
      let out: SinkRecord | null | typeof SKIPPED = SKIPPED;
      if (k !== SKIPPED && v !== SKIPPED && h !== SKIPPED) {
        const record = new SinkRecord({ topic: r.topic, kafkaPartition: r.partition, keySchema: k.schema, key: k.value, valueSchema: v.schema, value: v.value, kafkaOffset: r.offset, timestamp: r.timestamp, timestampType: r.timestampType, headers: h });
        out = await applyTransforms(errors, chain, record, ctx);
      }
      if (out !== SKIPPED && out !== null) batch.push(InternalSinkRecord.wrap(r, out));
      // A skipped or dropped record is done with too: its offset moves on with the others.
      this.#current.set(key(r), { topic: r.topic, partition: r.partition, offset: r.offset + 1n });
    }
    await this.#putBatch(batch);
  }

  async #putBatch(batch: SinkRecord[]): Promise<void> {
    for (;;) {
      try {
        await this.init.task.put(batch);
        this.#throwIfAReportFailed();
        return;
      } catch (e) {
        if (!(e instanceof RetriableException) || this.#stopping) throw e;
        // Kafka pauses the partitions and redelivers the batch after the task's timeout.
        const wait = this.#retryTimeoutMs > 0 ? this.#retryTimeoutMs : 0;
        this.#retryTimeoutMs = -1;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  #throwIfAReportFailed(): void {
    if (this.#reportFailure !== null) throw this.#reportFailure;
  }

  /** preCommit, then commit what it allows (of these partitions, or all). */
  async #commit(partitions?: TopicPartition[]): Promise<void> {
    await Promise.allSettled([...this.#reports]);
    this.#throwIfAReportFailed();
    this.#lastCommit = Date.now();
    this.#commitRequested = false;
    const wanted = partitions === undefined ? [...this.#current.values()] : partitions.map((tp) => this.#current.get(key(tp))).filter((o): o is TopicPartitionOffset => o !== undefined);
    const changed = wanted.filter((o) => this.#lastCommitted.get(key(o)) !== o.offset);
    if (changed.length === 0) return;
    const allowed = await this.init.task.preCommit(wanted);
    const toCommit = allowed.filter((o) => this.#lastCommitted.get(key(o)) !== o.offset);
    if (toCommit.length === 0) return;
    await this.init.consumer.commit({ offsets: toCommit.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset, metadata: o.metadata ?? '' })) });
    for (const o of toCommit) this.#lastCommitted.set(key(o), o.offset);
  }
}

function toConnectHeaders(r: ConsumerRecord, converter: HeaderConverter): ConnectHeaders {
  const headers = new ConnectHeaders();
  for (const h of r.headers) {
    const sv = converter.toConnectHeader(r.topic, h.key, h.value);
    headers.add(h.key, sv.value, sv.schema);
  }
  return headers;
}
