/**
 * Kafka Connect's error handling (RetryWithToleranceOperator and its reporters): an operation on
 * a record (convert, transform) that throws a RetriableException is retried with a doubling delay
 * up to `errors.retry.delay.max.ms`, for `errors.retry.timeout` in all (-1 forever); one that
 * still fails is, with `errors.tolerance=none`, the task's failure ("Tolerance exceeded in error
 * handler"), and with `all` reported (logged, sent to the dead letter queue) and the record skipped.
 */
import { ConnectException, RetriableException, type ConnectRecord } from '@sluice/connect-api';
import type { ConsumerRecord, Producer } from '@sluice/client';
import type { TransformationChain } from '../chain.ts';
import { pluginClassName } from '../plugins.ts';

/** Kafka's Stage: where in the pipeline an error happened. */
export type Stage = 'KEY_CONVERTER' | 'VALUE_CONVERTER' | 'HEADER_CONVERTER' | 'TRANSFORMATION' | 'TASK_PUT' | 'TASK_POLL' | 'KAFKA_PRODUCE' | 'KAFKA_CONSUME';

export interface ErrorSettings {
  retryTimeoutMs: number;
  retryDelayMaxMs: number;
  tolerance: 'none' | 'all';
  logEnable: boolean;
  logIncludeMessages: boolean;
  dlqTopic: string;
  dlqReplicationFactor: number;
  dlqContextHeaders: boolean;
}

export function errorSettings(config: Readonly<Record<string, unknown>>): ErrorSettings {
  return {
    retryTimeoutMs: Number(config['errors.retry.timeout'] ?? 0),
    retryDelayMaxMs: Number(config['errors.retry.delay.max.ms'] ?? 60000),
    tolerance: config['errors.tolerance'] === 'all' ? 'all' : 'none',
    logEnable: config['errors.log.enable'] === true,
    logIncludeMessages: config['errors.log.include.messages'] === true,
    dlqTopic: String(config['errors.deadletterqueue.topic.name'] ?? ''),
    dlqReplicationFactor: Number(config['errors.deadletterqueue.topic.replication.factor'] ?? 3),
    dlqContextHeaders: config['errors.deadletterqueue.context.headers.enable'] === true,
  };
}

/** What went wrong, on which record (Kafka's ProcessingContext). */
export interface ErrorContext {
  stage: Stage;
  executingClass: string;
  error: Error;
  /** The record as consumed (sinks), for the dead letter queue. */
  consumed?: ConsumerRecord;
  /** A description of the record (sources), for the log. */
  describe?: () => string;
}

export interface ErrorReporter {
  report(context: ErrorContext): Promise<void>;
}

/** The marker an operation returns when its record was skipped under errors.tolerance=all. */
export const SKIPPED: unique symbol = Symbol('SKIPPED');

/** Kafka's __connect.errors.* header names. */
export const DLQ_HEADERS = {
  topic: '__connect.errors.topic',
  partition: '__connect.errors.partition',
  offset: '__connect.errors.offset',
  connector: '__connect.errors.connector.name',
  task: '__connect.errors.task.id',
  stage: '__connect.errors.stage',
  executingClass: '__connect.errors.class.name',
  exceptionClass: '__connect.errors.exception.class.name',
  exceptionMessage: '__connect.errors.exception.message',
  exceptionTrace: '__connect.errors.exception.stacktrace',
} as const;

/** Kafka's class name for an error, so the headers read as Java's do for Connect's own exceptions. */
function exceptionClassName(error: Error): string {
  const names: Record<string, string> = {
    ConnectException: 'org.apache.kafka.connect.errors.ConnectException',
    DataException: 'org.apache.kafka.connect.errors.DataException',
    RetriableException: 'org.apache.kafka.connect.errors.RetriableException',
    ConfigException: 'org.apache.kafka.common.config.ConfigException',
  };
  return names[error.name] ?? error.name;
}

export class LogReporter implements ErrorReporter {
  private readonly taskId: string;
  private readonly settings: ErrorSettings;
  private readonly log: (line: string) => void;

  constructor(taskId: string, settings: ErrorSettings, log: (line: string) => void) {
    this.taskId = taskId;
    this.settings = settings;
    this.log = log;
  }

  async report(c: ErrorContext): Promise<void> {
    if (!this.settings.logEnable) return;
    let record = '';
    if (this.settings.logIncludeMessages) {
      // Kafka's LogReporter.Sink and .Source: the record as consumed, or the source record as polled (before any transform).
      if (c.consumed) record = ` consumed record is {topic='${c.consumed.topic}', partition=${c.consumed.partition}, offset=${c.consumed.offset}${c.consumed.timestamp >= 0 ? `, timestamp=${c.consumed.timestamp}, timestampType=${c.consumed.timestampType === 'LogAppendTime' ? 'LogAppendTime' : 'CreateTime'}` : ''}}`;
      else if (c.describe) record = ` source record is = ${c.describe()}`;
    }
    this.log(`Error encountered in task ${this.taskId}. Executing stage '${c.stage}' with class '${c.executingClass}'${record ? `, where${record}` : ''}. ${c.error.stack ?? String(c.error)}`);
  }
}

/** Kafka's DeadLetterQueueReporter: the consumed record, as it was, to the DLQ topic. */
export class DeadLetterQueueReporter implements ErrorReporter {
  private readonly connector: string;
  private readonly task: number;
  private readonly settings: ErrorSettings;
  private readonly producer: Producer;
  /** Creates the topic if it is missing (once), as Kafka's reporter does at start. */
  private readonly ensureTopic: () => Promise<void>;

  constructor(connector: string, task: number, settings: ErrorSettings, producer: Producer, ensureTopic: () => Promise<void>) {
    this.connector = connector;
    this.task = task;
    this.settings = settings;
    this.producer = producer;
    this.ensureTopic = ensureTopic;
  }

  #topicReady: Promise<void> | null = null;

  async report(c: ErrorContext): Promise<void> {
    if (this.settings.dlqTopic === '' || c.consumed === undefined) return;
    this.#topicReady ??= this.ensureTopic();
    await this.#topicReady;
    const r = c.consumed;
    const headers: { key: string; value: Buffer | null }[] = r.headers.map((h) => ({ key: h.key, value: h.value }));
    if (this.settings.dlqContextHeaders) {
      const add = (key: string, v: string) => headers.push({ key, value: Buffer.from(v) });
      add(DLQ_HEADERS.topic, r.topic);
      add(DLQ_HEADERS.partition, String(r.partition));
      add(DLQ_HEADERS.offset, String(r.offset));
      add(DLQ_HEADERS.connector, this.connector);
      add(DLQ_HEADERS.task, String(this.task));
      add(DLQ_HEADERS.stage, c.stage);
      add(DLQ_HEADERS.executingClass, c.executingClass);
      add(DLQ_HEADERS.exceptionClass, exceptionClassName(c.error));
      if (c.error.message) add(DLQ_HEADERS.exceptionMessage, c.error.message);
      add(DLQ_HEADERS.exceptionTrace, c.error.stack ?? String(c.error));
    }
    // Kafka sends a record without a timestamp (NO_TIMESTAMP) without one, for the producer to stamp.
    await this.producer.send({ topic: this.settings.dlqTopic, key: r.key, value: r.value, headers, timestamp: r.timestamp < 0 ? undefined : r.timestamp });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RetryWithToleranceOperator {
  /** Errors tolerated so far (skipped records). */
  tolerated = 0;

  private readonly settings: ErrorSettings;
  private readonly reporters: readonly ErrorReporter[];
  private readonly stopping: () => boolean;

  constructor(settings: ErrorSettings, reporters: readonly ErrorReporter[], stopping: () => boolean = () => false) {
    this.settings = settings;
    this.reporters = reporters;
    this.stopping = stopping;
  }

  /**
   * A failure the task itself reports (Kafka's executeFailed, for the errant record reporter):
   * reported as configured, then a ConnectException unless errors.tolerance=all.
   */
  async executeFailed(stage: Stage, executingClass: string, error: Error, record: Pick<ErrorContext, 'consumed' | 'describe'> = {}): Promise<void> {
    for (const r of this.reporters) await r.report({ stage, executingClass, error, ...record });
    if (this.settings.tolerance !== 'all') throw new ConnectException('Tolerance exceeded in error handler', { cause: error });
    this.tolerated++;
  }

  /** Runs `fn`, retrying and tolerating as configured; SKIPPED when the record is to be skipped. */
  async execute<T>(stage: Stage, executingClass: string, fn: () => T | Promise<T>, record: Pick<ErrorContext, 'consumed' | 'describe'> = {}): Promise<T | typeof SKIPPED> {
    const deadline = this.settings.retryTimeoutMs < 0 ? Infinity : Date.now() + this.settings.retryTimeoutMs;
    let delay = 300;
    for (;;) {
      try {
        return await fn();
      } catch (e) {
        const error = e instanceof Error ? e : new Error(String(e));
        if (error instanceof RetriableException && Date.now() < deadline && !this.stopping()) {
          await sleep(Math.min(delay, this.settings.retryDelayMaxMs, deadline - Date.now()));
          delay *= 2;
          continue;
        }
        const context: ErrorContext = { stage, executingClass, error, ...record };
        for (const r of this.reporters) await r.report(context);
        if (this.settings.tolerance === 'all') {
          this.tolerated++;
          return SKIPPED;
        }
        throw new ConnectException('Tolerance exceeded in error handler', { cause: error });
      }
    }
  }
}

/**
 * A record through a transformation chain with each stage under the error handler on its own, as
 * Kafka's TransformationChain runs them: a retry repeats that stage alone, and an error names the
 * stage's transformation class (`__connect.errors.class.name`, the error log). SKIPPED when a
 * tolerated error dropped the record, null when a stage did.
 */
export async function applyTransforms<R extends ConnectRecord<R>>(errors: RetryWithToleranceOperator, chain: TransformationChain, record: R, context: Pick<ErrorContext, 'consumed' | 'describe'>): Promise<R | null | typeof SKIPPED> {
  let current = record;
  for (const stage of chain.stages) {
    const input = current;
    const out = await errors.execute('TRANSFORMATION', pluginClassName(stage.transformation), () => stage.apply(input), context);
    if (out === SKIPPED || out === null) return out;
    current = out;
  }
  return current;
}
