/**
 * The processing loop of one KafkaStreams instance (Kafka's StreamThread; Node has one thread,
 * so an instance runs one loop, and parallelism comes from more instances). It owns a consumer
 * in the application's group, a producer, and the tasks of the partitions assigned to it:
 *
 *   poll → process each record through its task → punctuate → every commit.interval.ms:
 *   flush the producer (outputs acknowledged) → commit the processed offsets.
 *
 * Offsets are committed only after the outputs of the records before them are acknowledged, so
 * a crash replays records (at-least-once) but never loses one. On a rebalance, revoked tasks are
 * flushed and committed before they go; tasks lost without a rebalance are dropped uncommitted.
 */
import { type Admin, Consumer, type ConsumerBatch, Producer, type TopicPartition } from '@sluice/client';
import { messageOf } from '../errors.js';
import type { TimestampExtractor } from '../processor/timestamps.js';
import type { Serde } from '../serdes.js';
import { subscriptionPattern } from '../topology/patterns.js';
import type { Topology } from '../topology/topology.js';
import { StreamsAssignor } from './assignor.js';
import type { DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler, StreamsLogger } from './handlers.js';
import { ProducerRecordCollector } from './record-collector.js';
import { StreamTask, type TaskEnvironment } from './task.js';
import { applySourceResetPolicies } from './source-reset.js';

export interface ThreadConfig {
  applicationId: string;
  clientId: string;
  bootstrapServers: string | readonly string[];
  commitIntervalMs: number;
  pollMs: number;
  repartitionPurgeIntervalMs: number;
  defaultKeySerde: Serde<unknown>;
  defaultValueSerde: Serde<unknown>;
  deserializationExceptionHandler: DeserializationExceptionHandler;
  productionExceptionHandler: ProductionExceptionHandler;
  processingExceptionHandler: ProcessingExceptionHandler;
  defaultTimestampExtractor: TimestampExtractor;
  consumer: object;
  producer: object;
  log: StreamsLogger;
}

export interface ThreadListener {
  /** A rebalance took tasks away: the instance is REBALANCING until the next assignment. */
  onRebalanceStarted(): void;
  /** Tasks are assigned and initialised: the instance is RUNNING. */
  onTasksAssigned(taskIds: string[]): void;
  /** Another instance asked every instance to shut down. */
  onShutdownApplication(): void;
}

function tpKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

export class StreamThread {
  readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly collector: ProducerRecordCollector;
  private readonly tasks = new Map<string, StreamTask>();
  private readonly taskByPartition = new Map<string, StreamTask>();
  private readonly lastCommitted = new Map<string, bigint>();
  private readonly logicalTopic = new Map<string, string>();
  private readonly abort = new AbortController();
  private stopping = false;
  private commitRequested = false;
  private lastCommitAt = Date.now();
  private lastPurgeAt = Date.now();
  private shutdownRequested = false;
  /** An error raised where it cannot be thrown (inside a rebalance callback), raised by the loop. */
  private fatal: Error | null = null;
  processed = 0;

  constructor(
    private readonly topology: Topology,
    private readonly config: ThreadConfig,
    private readonly admin: Admin,
    private readonly listener: ThreadListener,
  ) {
    for (const t of topology.sourceTopics()) this.logicalTopic.set(topology.physicalTopic(config.applicationId, t), t);
    const assignor = new StreamsAssignor(topology, config.applicationId, {
      ownedTasks: () => [...this.tasks.keys()],
      shutdownRequested: () => this.shutdownRequested,
      onAssignmentInfo: (info) => {
        if (info.shutdownApplication) this.listener.onShutdownApplication();
      },
    });
    this.consumer = new Consumer({
      autoOffsetReset: 'earliest',
      maxPollRecords: 1000,
      ...config.consumer,
      bootstrapServers: config.bootstrapServers,
      clientId: `${config.clientId}-consumer`,
      groupId: config.applicationId,
      enableAutoCommit: false,
      allowAutoCreateTopics: false,
      partitionAssigners: [assignor],
    });
    this.producer = new Producer({ lingerMs: 100, ...config.producer, bootstrapServers: config.bootstrapServers, clientId: `${config.clientId}-producer` });
    this.collector = new ProducerRecordCollector(this.producer, config.productionExceptionHandler, config.log);
  }

  private environment(): TaskEnvironment {
    return {
      applicationId: this.config.applicationId,
      defaultTimestampExtractor: this.config.defaultTimestampExtractor,
      defaultKeySerde: this.config.defaultKeySerde,
      defaultValueSerde: this.config.defaultValueSerde,
      collector: this.collector,
      deserializationExceptionHandler: this.config.deserializationExceptionHandler,
      productionExceptionHandler: this.config.productionExceptionHandler,
      processingExceptionHandler: this.config.processingExceptionHandler,
      log: this.config.log,
      now: () => Date.now(),
      requestCommit: () => {
        this.commitRequested = true;
      },
    };
  }

  /** Runs until stop(); rejects with the error that ended processing. */
  async run(): Promise<void> {
    this.consumer.subscribe(this.subscription(), {
      onPartitionsAssigned: (partitions) => this.assigned(partitions),
      onPartitionsRevoked: (partitions) => this.revoked(partitions),
      onPartitionsLost: (partitions) => this.lost(partitions),
    });
    while (!this.stopping) {
      const now = Date.now();
      let wait = this.config.pollMs;
      for (const t of this.tasks.values()) wait = Math.min(wait, Math.max(0, t.nextWallClockPunctuation() - now));
      let batch: ConsumerBatch | null = null;
      try {
        batch = await this.consumer.nextBatch({ timeoutMs: wait, signal: this.abort.signal });
      } catch (e) {
        if (this.stopping) break;
        throw this.fatal ?? e;
      }
      if (this.fatal) throw this.fatal;
      if (batch) this.processBatch(batch);
      this.collector.throwIfFailed();
      if (this.collector.saturated) await this.collector.whenDrained();
      for (const t of this.tasks.values()) t.punctuateWallClock();
      if (this.commitRequested || Date.now() - this.lastCommitAt >= this.config.commitIntervalMs) await this.commitAll();
    }
  }

  private processBatch(batch: ConsumerBatch): void {
    const task = this.taskByPartition.get(tpKey(batch.topic, batch.partition));
    if (!task) {
      // A batch of a partition revoked while it was fetched: its next owner reads it again. Should
      // the consumer still own the partition, rewind it, so that no record is skipped.
      const first = batch.records[0];
      if (first && this.consumer.assignment().some((tp) => tp.topic === batch.topic && tp.partition === batch.partition)) {
        this.consumer.seek({ topic: batch.topic, partition: batch.partition }, first.offset);
      }
      return;
    }
    // ConsumerRecords are RawRecords already (offset is computed only if something asks for it).
    for (const r of batch.records) task.process(r);
    this.processed += batch.records.length;
    task.markProcessed(batch.topic, batch.partition, batch.nextOffset);
  }

  // ---------------------------------------------------------------- commits

  /** Flushes the outputs, then commits the offsets of every task (those that moved). */
  async commitAll(): Promise<void> {
    this.commitRequested = false;
    this.lastCommitAt = Date.now();
    await this.commitTasks([...this.tasks.values()]);
    if (Date.now() - this.lastPurgeAt >= this.config.repartitionPurgeIntervalMs) this.purgeRepartitionTopics();
  }

  private async commitTasks(tasks: StreamTask[]): Promise<void> {
    // Offsets first, then the flush: everything these offsets cover was sent before the flush.
    const offsets = tasks
      .flatMap((t) => t.committableOffsets())
      .filter((o) => this.lastCommitted.get(tpKey(o.topic, o.partition)) !== o.offset)
      .map((o) => ({ ...o }));
    await this.collector.flush();
    if (offsets.length === 0) return;
    try {
      await this.consumer.commit({ offsets });
      for (const o of offsets) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
    } catch (e) {
      // Usually a rebalance in progress: the records are processed again by their next owner.
      this.config.log.warn(`committing offsets failed (the records since the last commit will be processed again): ${messageOf(e)}`);
    }
  }

  /** Deletes repartition records every task has committed past (Kafka purges them the same way). */
  private purgeRepartitionTopics(): void {
    this.lastPurgeAt = Date.now();
    const targets = [...this.lastCommitted]
      .map(([key, offset]) => {
        const i = key.lastIndexOf(':');
        return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)), offset };
      })
      .filter((t) => this.topology.isInternalTopic(this.logicalTopic.get(t.topic) ?? ''));
    if (targets.length === 0) return;
    this.admin.deleteRecords(targets, { timeoutMs: 10_000 }).catch((e) => this.config.log.warn(`purging repartition topics failed: ${messageOf(e)}`));
  }

  // ---------------------------------------------------------------- rebalances

  private async assigned(partitions: TopicPartition[]): Promise<void> {
    if (this.stopping) return;
    const env = this.environment();
    for (const tp of partitions) {
      // A topic not known by name is a user topic a pattern source may match: same name.
      const logical = this.logicalTopic.get(tp.topic) ?? tp.topic;
      let sub;
      try {
        sub = this.topology.subtopologyOfTopic(logical);
      } catch (e) {
        this.fail(e);
        return;
      }
      if (!sub) {
        this.config.log.warn(`assigned ${tp.topic}-${tp.partition}, which no sub-topology reads; ignoring it`);
        continue;
      }
      const id = `${sub.id}_${tp.partition}`;
      let task = this.tasks.get(id);
      if (!task) {
        task = new StreamTask(sub, tp.partition, this.topology, env);
        this.tasks.set(id, task);
      }
      this.taskByPartition.set(tpKey(tp.topic, tp.partition), task);
    }
    try {
      for (const t of this.tasks.values()) t.init();
      // Before onTasksAssigned: RUNNING means the sources' reset policies are in place.
      await applySourceResetPolicies(this.consumer, this.topology, partitions, (topic) => this.logicalTopic.get(topic) ?? topic);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.listener.onTasksAssigned([...this.tasks.keys()].sort());
  }

  /** The consumer only logs what a rebalance listener throws; the loop must fail instead. */
  private fail(e: unknown): void {
    this.fatal = e instanceof Error ? e : new Error(String(e));
    this.abort.abort();
  }

  private tasksOf(partitions: TopicPartition[]): StreamTask[] {
    const out = new Set<StreamTask>();
    for (const tp of partitions) {
      const t = this.taskByPartition.get(tpKey(tp.topic, tp.partition));
      if (t) out.add(t);
    }
    return [...out];
  }

  private async revoked(partitions: TopicPartition[]): Promise<void> {
    if (this.stopping) return;
    this.listener.onRebalanceStarted();
    const tasks = this.tasksOf(partitions);
    try {
      await this.commitTasks(tasks);
    } catch (e) {
      this.config.log.warn(`flushing before a rebalance failed: ${messageOf(e)}`);
    }
    this.closeTasks(tasks);
  }

  private lost(partitions: TopicPartition[]): void {
    if (this.stopping) return;
    this.listener.onRebalanceStarted();
    this.closeTasks(this.tasksOf(partitions));
  }

  private closeTasks(tasks: StreamTask[]): void {
    for (const t of tasks) {
      t.close();
      this.tasks.delete(t.id);
      for (const [key, owner] of this.taskByPartition) {
        if (owner === t) {
          this.taskByPartition.delete(key);
          this.lastCommitted.delete(key);
        }
      }
    }
  }

  // ---------------------------------------------------------------- shutdown

  /** Asks every instance to shut down (SHUTDOWN_APPLICATION): rejoining carries the request. */
  requestApplicationShutdown(): void {
    this.shutdownRequested = true;
    this.consumer.subscribe(this.subscription());
  }

  /**
   * The topics by name, or, once a source has a pattern, one RegExp for everything (as Kafka
   * Streams does): the consumer then refreshes metadata and rejoins when new topics match.
   */
  private subscription(): string[] | RegExp {
    const topics = [...this.logicalTopic.keys()];
    const patterns = this.topology.sourcePatterns();
    return patterns.length === 0 ? topics : subscriptionPattern(topics, patterns);
  }

  /** Ends the loop at the next turn (an awaiting poll returns at once). */
  stop(): void {
    this.stopping = true;
    this.abort.abort();
  }

  /**
   * Closes: with `clean`, flushes and commits first (a graceful close); without, drops the tasks
   * uncommitted (after an error: their records are processed again by whoever gets them).
   */
  async close(clean: boolean): Promise<void> {
    this.stop();
    if (clean) {
      try {
        await this.commitTasks([...this.tasks.values()]);
      } catch (e) {
        this.config.log.warn(`the final commit failed: ${messageOf(e)}`);
      }
    }
    this.closeTasks([...this.tasks.values()]);
    await this.consumer.close();
    await this.producer.close({ timeoutMs: clean ? undefined : 0 });
  }

  /** Each task with the partitions it reads. */
  taskPartitions(): { taskId: string; topicPartitions: TopicPartition[] }[] {
    const byTask = new Map<string, TopicPartition[]>();
    for (const [key, task] of this.taskByPartition) {
      const i = key.lastIndexOf(':');
      const list = byTask.get(task.id) ?? [];
      list.push({ topic: key.slice(0, i), partition: Number(key.slice(i + 1)) });
      byTask.set(task.id, list);
    }
    return [...byTask].map(([taskId, tps]) => ({ taskId, topicPartitions: tps.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition)) })).sort((a, b) => (a.taskId < b.taskId ? -1 : 1));
  }

  assignedTaskIds(): string[] {
    return [...this.tasks.keys()].sort();
  }
}

