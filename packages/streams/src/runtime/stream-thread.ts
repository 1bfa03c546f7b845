/**
 * Long file: the loop, its commits and its rebalance callbacks share the tasks, the transaction
 * and the turns they take (takeTurn), and read best together.
 *
 * The processing loop of one KafkaStreams instance (Kafka's StreamThread; Node has one thread,
 * so an instance runs one loop, and parallelism comes from more instances). It owns a consumer
 * in the application's group, a producer, and the tasks of the partitions assigned to it:
 *
 *   poll → buffer the records in their task's partition group → process every task's records in
 *   timestamp order while it may (max.task.idle.ms) → punctuate → every commit.interval.ms:
 *   commit.
 *
 * at_least_once: a commit flushes the record caches and the producer (outputs acknowledged),
 * then commits the processed offsets, so a crash replays records but never loses one; the stores
 * themselves are flushed and checkpointed after a commit only when due (state-manager.ts). On a
 * rebalance, revoked tasks are committed before they go; tasks lost without one are dropped. A
 * commit the group refuses because this member is no longer in it (Java's CommitFailedException:
 * its session or max.poll.interval.ms expired, or the group rebalanced without it) is a task
 * migration, as in Java's TaskExecutor: the tasks may be someone else's already.
 *
 * exactly_once_v2: the producer is transactional (one per loop, `<application.id>-<process
 * id>-<thread index>`, as Java's), the consumer reads read_committed, and a commit is: flush
 * the record caches (their changelog writes join the transaction) → sendOffsetsToTransaction with the
 * consumer's group metadata → commitTransaction. Outputs, changelog writes and input offsets
 * land together or not at all. When a commit fails or the producer is fenced, that is a task
 * migration too.
 *
 * A task migration (TaskMigratedError), under either guarantee, is handled as Java's
 * StreamThread.handleTaskMigrated does: every task is closed dirty, as lost (exactly_once_v2 also
 * aborts the transaction and replaces the producer), and the consumer rejoins the group; the
 * instance goes on. Whoever gets the tasks processes their records again from the last commit.
 * Design: docs/decisions/012-streams-exactly-once.md.
 */
import { type Admin, Consumer, type ConsumerBatch, KafkaError, type ProducerOptions, type TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import { subscriptionPattern } from '../topology/patterns.ts';
import type { Topology } from '../topology/topology.ts';
import { StreamsAssignor } from './assignor.ts';
import type { StateStore } from '../state/api.ts';
import type { ApplicationLayout } from './interactive-queries.ts';
import { StreamsProducer } from './streams-producer.ts';
import { TaskMigratedError, isCommitFailed } from './task-migrated.ts';
import { TaskInputs } from './task-inputs.ts';
import { StreamTask, type TaskEnvironment } from './task.ts';
import { SourceResets } from './source-reset.ts';
import { StateTasks } from './state-tasks.ts';
import type { ThreadConfig, ThreadListener } from './thread-config.ts';

export type { ThreadConfig, ThreadListener } from './thread-config.ts';

function tpKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}

/** The loop has one index: Node runs one loop per instance (Java numbers its threads from 1). */
const THREAD_INDEX = 1;

/**
 * How long one turn of the loop may process records before timers and sockets get theirs
 * (heartbeats, acknowledgements, a punctuation's timer). A yield costs microseconds, so a short
 * turn costs no throughput; the rest of the buffer waits for the next turn.
 */
const PROCESS_TURN_MS = 10;

export class StreamThread {
  readonly consumer: Consumer;
  /** The loop's producer and record collector; transactional under exactly_once_v2. */
  private readonly output: StreamsProducer;
  private readonly eos: boolean;
  private readonly tasks = new Map<string, StreamTask>();
  /** Each task's buffered input, ordered by timestamp across its partitions. */
  private readonly inputs: TaskInputs;
  private readonly taskByPartition = new Map<string, StreamTask>();
  private readonly lastCommitted = new Map<string, bigint>();
  private readonly logicalTopic = new Map<string, string>();
  private readonly abort = new AbortController();
  private stopping = false;
  private commitRequested = false;
  private lastCommitAt = Date.now();
  private lastPurgeAt = Date.now();
  private shutdownRequested = false;
  /** Set inside a rebalance callback when the open transaction must go: handled by the loop. */
  private pendingMigration: TaskMigratedError | null = null;
  /** An error raised where it cannot be thrown (inside a rebalance callback), raised by the loop. */
  private fatal: Error | null = null;
  /** The last turn taken by the loop or a rebalance callback (takeTurn). */
  private turn: Promise<unknown> = Promise.resolve();
  processed = 0;
  /** Who runs which task, from the last assignment (interactive queries); null before the first. */
  layout: ApplicationLayout | null = null;
  /** Stateful tasks: the state directory, their restores before they run. */
  private readonly state: StateTasks;
  /** Input partitions of sources with their own offset reset policy, paused until it is applied. */
  private readonly resets: SourceResets;

  private readonly topology: Topology;
  private readonly config: ThreadConfig;
  private readonly admin: Admin;
  private readonly listener: ThreadListener;

  constructor(topology: Topology, config: ThreadConfig, admin: Admin, listener: ThreadListener) {
    this.topology = topology;
    this.config = config;
    this.admin = admin;
    this.listener = listener;
    this.eos = config.processingGuarantee === 'exactly_once_v2';
    for (const t of topology.sourceTopics()) this.logicalTopic.set(topology.physicalTopic(config.applicationId, t), t);
    const assignor = new StreamsAssignor(topology, config.applicationId, {
      ownedTasks: () => [...this.tasks.keys()],
      shutdownRequested: () => this.shutdownRequested,
      userEndpoint: () => this.config.applicationServer,
      standbyTasks: () => this.state.standbys.ids(),
      statefulTasks: () => this.state.statefulTaskIds(),
      numStandbyReplicas: config.state.numStandbyReplicas,
      onAssignmentInfo: (info) => {
        this.state.standbys.assign(info.standbys);
        this.layout = { hosts: info.hosts, taskCounts: info.taskCounts };
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
      // exactly_once_v2 reads only committed records (Java overrides a user's setting too).
      ...(this.eos ? { isolationLevel: 'read_committed' as const } : {}),
    });
    this.inputs = new TaskInputs(this.consumer, config.maxTaskIdleMs);
    this.output = new StreamsProducer({
      producer: { lingerMs: 100, ...(config.producer as Partial<ProducerOptions>), bootstrapServers: config.bootstrapServers, clientId: `${config.clientId}-producer` },
      transactionalId: this.eos ? this.transactionalId : null,
      productionExceptionHandler: config.productionExceptionHandler,
      log: config.log,
    });
    this.state = new StateTasks({
      applicationId: config.applicationId,
      clientId: config.clientId,
      bootstrapServers: config.bootstrapServers,
      consumer: config.consumer,
      eos: this.eos,
      log: config.log,
      state: config.state,
      topology,
      commitIntervalMs: config.commitIntervalMs,
      taskTimeoutMs: config.taskTimeoutMs,
      mainConsumer: this.consumer,
      admin: this.admin,
      partitionsOf: (taskId) => [...this.taskByPartition].filter(([, t]) => t.id === taskId).map(([key]) => ({ topic: key.slice(0, key.lastIndexOf(':')), partition: Number(key.slice(key.lastIndexOf(':') + 1)) })),
      pausedElsewhere: (tp) => this.resets.holds(tp),
      signal: this.abort.signal,
    });
    this.resets = new SourceResets({
      consumer: this.consumer,
      topology,
      logicalOf: (topic) => this.logicalTopic.get(topic) ?? topic,
      pausedElsewhere: (tp) => {
        const task = this.taskByPartition.get(tpKey(tp.topic, tp.partition));
        return task !== undefined && this.state.pausesInput(task.id);
      },
      log: config.log,
    });
  }

  /** Whether some task is not running yet (its initialization, restore or sources' offset reset pending): not RUNNING meanwhile. */
  private get settling(): boolean {
    return this.state.busy || this.resets.busy;
  }

  /** Java's transactional.id of the loop's producer under exactly_once_v2. */
  get transactionalId(): string {
    return `${this.config.applicationId}-${this.config.processId}-${THREAD_INDEX}`;
  }

  private environment(): TaskEnvironment {
    return {
      applicationId: this.config.applicationId,
      defaultTimestampExtractor: this.config.defaultTimestampExtractor,
      defaultKeySerde: this.config.defaultKeySerde,
      defaultValueSerde: this.config.defaultValueSerde,
      collector: this.output.collector,
      deserializationExceptionHandler: this.config.deserializationExceptionHandler,
      productionExceptionHandler: this.config.productionExceptionHandler,
      processingExceptionHandler: this.config.processingExceptionHandler,
      log: this.config.log,
      now: () => Date.now(),
      requestCommit: () => {
        this.commitRequested = true;
      },
      state: this.state.environment,
    };
  }

  /** Runs until stop(); rejects with the error that ended processing. */
  async run(): Promise<void> {
    await this.initTransactions();
    if (this.stopping) return;
    this.subscribe();
    while (!this.stopping) {
      const now = Date.now();
      let wait = this.config.pollMs;
      // While stores restore, the restore consumer does the waiting (restoreStep below).
      if (this.state.busy) wait = 0;
      for (const t of this.tasks.values()) wait = Math.min(wait, Math.max(0, t.nextWallClockPunctuation() - now));
      wait = this.inputs.pollWait(wait, now);
      // A poll answered from the fetch buffer settles without giving timers and sockets a turn,
      // whatever it may wait: yield once a turn, or a backlog (or a restore) would starve them.
      await new Promise<void>((resolve) => setImmediate(resolve));
      let batch: ConsumerBatch | null = null;
      try {
        batch = await this.consumer.nextBatch({ timeoutMs: wait, signal: this.abort.signal });
      } catch (e) {
        if (this.stopping) break;
        throw this.fatal ?? e;
      }
      if (this.fatal) throw this.fatal;
      try {
        await this.takeTurn(async () => {
          if (this.pendingMigration) throw this.pendingMigration;
          if (batch) this.buffer(batch);
          this.processReady();
          this.output.collector.throwIfFailed();
          if (this.output.collector.saturated) await this.output.collector.whenDrained();
          // Stream time too, as Java's loop: a task restored with a committed stream time punctuates before any new record.
          for (const t of this.tasks.values()) { t.punctuateWallClock(); t.punctuateStreamTime(); }
          if (this.state.busy) await this.restoreStep();
          if (this.resets.busy) await this.resetStep();
          this.state.maybeCleanUp();
          await this.state.updateStandbys((id) => this.tasks.has(id));
          if (this.commitRequested || Date.now() - this.lastCommitAt >= this.config.commitIntervalMs) await this.commitAll();
        });
      } catch (e) {
        if (!(e instanceof TaskMigratedError)) throw e;
        await this.handleTaskMigrated(e);
      }
    }
  }

  private subscribe(): void {
    this.consumer.subscribe(this.subscription(), {
      onPartitionsAssigned: (partitions) => this.takeTurn(() => this.assigned(partitions)),
      onPartitionsRevoked: (partitions) => this.takeTurn(() => this.revoked(partitions)),
      onPartitionsLost: (partitions) => this.takeTurn(() => this.lost(partitions)),
    });
  }

  /**
   * Runs `fn` once the loop's turn, or a rebalance callback, before it is over. Java calls the
   * callbacks inside poll(), on the stream thread, so nothing is processed, punctuated or
   * committed while one runs; here the consumer calls them from its own work, while the loop
   * awaits. A record processed while a revoked task's commit was in flight joined that
   * transaction without its offset (its next owner processed it again), or was refused once the
   * commit had begun, which failed the instance. (handleTaskMigrated runs outside any turn: its
   * unsubscribe calls the revoke callback.)
   */
  private takeTurn<T>(fn: () => Promise<T> | T): Promise<T> {
    const run = this.turn.then(fn);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Puts a fetched batch in its task's partition group (deserialised, timestamped). */
  private buffer(batch: ConsumerBatch): void {
    const task = this.taskByPartition.get(tpKey(batch.topic, batch.partition));
    if (task && this.inputs.has(task.id)) return this.inputs.buffer(task, batch);
    // A batch of a partition revoked while it was fetched: its next owner reads it again. Should
    // the consumer still own the partition, rewind it, so that no record is skipped.
    const first = batch.records[0];
    if (first && this.consumer.assignment().some((tp) => tp.topic === batch.topic && tp.partition === batch.partition)) {
      this.consumer.seek({ topic: batch.topic, partition: batch.partition }, first.offset);
    }
  }

  /** Processes the tasks' buffered records, in timestamp order, as long as each may, for at most PROCESS_TURN_MS. */
  private processReady(): void {
    this.processed += this.inputs.processReady(this.tasks.values(), (id) => this.state.pending(id), Date.now() + PROCESS_TURN_MS);
  }

  /** Restores one batch of changelog records; once every task runs, the instance is RUNNING. */
  private async restoreStep(): Promise<void> {
    try {
      await this.state.step(this.config.pollMs, this.abort.signal);
    } catch (e) {
      if (this.stopping) return;
      throw e;
    }
    if (!this.settling) this.listener.onTasksAssigned([...this.tasks.keys()].sort());
  }

  /** Tries the sources' offset resets that timed out again; once every task runs, the instance is RUNNING. */
  private async resetStep(): Promise<void> {
    try {
      await this.resets.retry(this.abort.signal);
    } catch (e) {
      if (this.stopping) return;
      throw e;
    }
    if (!this.settling) this.listener.onTasksAssigned([...this.tasks.keys()].sort());
  }

  // ---------------------------------------------------------------- commits

  /** Commits every task: see commitTasks. */
  async commitAll(): Promise<void> {
    this.commitRequested = false;
    this.lastCommitAt = Date.now();
    await this.commitTasks([...this.tasks.values()]);
    if (Date.now() - this.lastPurgeAt >= this.config.repartitionPurgeIntervalMs) this.purgeRepartitionTopics();
  }

  /** The next offsets to consume of the tasks' partitions, those that moved since the last commit, with their commit metadata. */
  private offsetsToCommit(tasks: readonly StreamTask[]): { topic: string; partition: number; offset: bigint; metadata: string }[] {
    return tasks
      .flatMap((t) => this.inputs.committableOffsets(t.id).map((o) => ({ ...o, metadata: t.commitMetadata(o.topic) })))
      .filter((o) => this.lastCommitted.get(tpKey(o.topic, o.partition)) !== o.offset);
  }

  /**
   * at_least_once: flushes the caches and the outputs, then commits the offsets of `tasks`.
   * exactly_once_v2: commits the transaction, which covers every task (see commitTransaction).
   */
  private async commitTasks(tasks: StreamTask[]): Promise<void> {
    if (this.eos) return this.commitTransaction();
    // Offsets first, then the flushes: everything these offsets cover was sent before them.
    const offsets = this.offsetsToCommit(tasks);
    for (const t of tasks) t.flushCaches();
    await this.output.collector.flush();
    if (offsets.length > 0) {
      try {
        await this.consumer.commit({ offsets });
        for (const o of offsets) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
      } catch (e) {
        // The member is out of the group: its tasks cannot stay (Java's TaskExecutor turns a
        // CommitFailedException into a TaskMigratedException).
        if (isCommitFailed(e)) throw new TaskMigratedError(`committing offsets failed, this instance is no longer part of the group: ${messageOf(e)}`, e);
        // A rebalance in progress (Java's loop does not commit during one): the rebalance
        // callbacks commit the revoked tasks, or drop the lost ones, whose records are then
        // processed again by their next owner.
        this.config.log.warn(`committing offsets failed (the records since the last commit will be processed again): ${messageOf(e)}`);
        return;
      }
    }
    for (const t of tasks) t.postCommit(false);
  }

  /**
   * exactly_once_v2: the caches' pending writes go to their changelogs, then the input offsets
   * join the transaction (with the consumer's generation, so a zombie's are refused) and it
   * commits. One transaction covers every task of the loop, so every task is committed. A
   * failure leaves nothing committed: TaskMigratedError, handled by the loop.
   */
  private async commitTransaction(): Promise<void> {
    const tasks = [...this.tasks.values()];
    const offsets = this.offsetsToCommit(tasks);
    for (const t of tasks) t.flushCaches();
    await this.output.commitTransaction(offsets, this.consumer.groupMetadata());
    for (const o of offsets) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
    for (const t of tasks) t.postCommit(false);
  }

  /**
   * Java's answer to a TaskMigratedException (StreamThread.handleTaskMigrated, TaskManager.handleLostAll):
   * the tasks' uncommitted work cannot be committed, so every task is closed dirty (its records
   * since the last commit processed again by whoever gets it; under exactly_once_v2 its stores are
   * rebuilt from the changelog, under at_least_once they keep their local state, as Java's), the
   * producer is replaced under exactly_once_v2 (its initTransactions aborts what the old one left
   * open), and the consumer rejoins the group.
   */
  private async handleTaskMigrated(e: TaskMigratedError): Promise<void> {
    this.pendingMigration = null;
    this.config.log.warn(`${e.message}; closing every task dirty and rejoining the group (records since the last commit are processed again)`);
    this.listener.onRebalanceStarted();
    this.closeTasks([...this.tasks.values()], false);
    await this.output.reset();
    await this.initTransactions();
    if (this.stopping) return;
    await this.consumer.unsubscribe().catch((err) => this.config.log.warn(`leaving the group failed: ${messageOf(err)}`));
    if (!this.stopping) this.subscribe();
  }

  /**
   * exactly_once_v2: the producer's initTransactions (fencing an earlier one with the same id).
   * Java's StreamsProducer.initTransaction, called by a task's initialization, rethrows a
   * timeout (max.block.ms) "to trigger task.timeout.ms": the initialization is tried again at
   * the next loop until task.timeout.ms has passed since the first timeout. The same here, once
   * for the loop's one producer; a close ends it, other failures fail the loop.
   */
  private async initTransactions(): Promise<void> {
    let firstTimeoutAt: number | null = null;
    while (!this.stopping) {
      try {
        await this.output.init();
        if (firstTimeoutAt !== null) this.config.log.info('initializing transactions succeeded');
        return;
      } catch (e) {
        if (this.stopping) return;
        if (!(e instanceof KafkaError && e.code === 'TIMEOUT')) throw e;
        const timeoutMs = this.config.taskTimeoutMs;
        if (firstTimeoutAt === null) {
          firstTimeoutAt = Date.now();
          this.config.log.warn(`initializing transactions timed out (${messageOf(e)}); trying again, for up to task.timeout.ms (${timeoutMs} ms)`);
        }
        if (Date.now() - firstTimeoutAt >= timeoutMs) {
          throw new StreamsError(StreamsErrorCode.TASK_TIMEOUT, `initializing transactions did not succeed within task.timeout.ms (${timeoutMs} ms): ${messageOf(e)}; increase task.timeout.ms if the transaction coordinator may take that long to come back`, { cause: e });
        }
      }
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
        try {
          // Builds the processors: a supplier that throws (or hands out one instance twice) fails the loop.
          task = new StreamTask(sub, tp.partition, this.topology, env);
        } catch (e) {
          this.fail(e);
          return;
        }
        this.tasks.set(id, task);
      }
      this.inputs.addPartition(id, tp.topic, tp.partition);
      this.taskByPartition.set(tpKey(tp.topic, tp.partition), task);
    }
    try {
      // Stateless tasks start at once; stateful ones restore first (restoreStep).
      await this.state.start([...this.tasks.values()]);
      // Before onTasksAssigned: RUNNING means the sources' reset policies are in place (or a timed out one is tried again by resetStep).
      await this.resets.assigned(partitions, this.abort.signal);
    } catch (e) {
      // Closing: the reads were aborted, which is no failure.
      if (this.stopping) return;
      this.fail(e);
      return;
    }
    // RUNNING once every task runs: Java stays REBALANCING while stores restore.
    if (!this.settling) this.listener.onTasksAssigned([...this.tasks.keys()].sort());
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
    if (tasks.length === 0) return;
    let clean = true;
    try {
      await this.commitTasks(tasks);
    } catch (e) {
      this.config.log.warn(`committing before a rebalance failed: ${messageOf(e)}`);
      clean = false;
      // The member is out of the group, or under exactly_once_v2 the failed transaction held every
      // task's work: all of it goes, and the loop rejoins.
      if (e instanceof TaskMigratedError) this.pendingMigration = e;
      else if (this.eos) this.pendingMigration = new TaskMigratedError(`committing before a rebalance failed: ${messageOf(e)}`, e);
    }
    this.closeTasks(tasks, clean);
  }

  private lost(partitions: TopicPartition[]): void {
    if (this.stopping) return;
    this.listener.onRebalanceStarted();
    this.closeTasks(this.tasksOf(partitions), false);
    // The open transaction may hold the lost tasks' outputs: abort it and everything with it.
    if (this.output.transactionOpen) this.pendingMigration = new TaskMigratedError('tasks were lost while a transaction was open');
  }

  /** `clean`: the tasks were committed just before (stores checkpointed); otherwise closed dirty. */
  private closeTasks(tasks: StreamTask[], clean: boolean): void {
    for (const t of tasks) {
      t.close(clean);
      this.tasks.delete(t.id);
      this.state.remove(t.id);
      this.inputs.removeTask(t.id);
      for (const [key, owner] of this.taskByPartition) {
        if (owner === t) {
          const i = key.lastIndexOf(':');
          this.resets.forget({ topic: key.slice(0, i), partition: Number(key.slice(i + 1)) });
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
        await this.takeTurn(() => this.commitTasks([...this.tasks.values()]));
      } catch (e) {
        this.config.log.warn(`the final commit failed: ${messageOf(e)}`);
        clean = false;
      }
    }
    this.closeTasks([...this.tasks.values()], clean);
    await this.output.abort();
    await this.consumer.close();
    await this.state.close();
    await this.output.close({ timeoutMs: clean ? undefined : 0 });
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

  /**
   * The local stores named `storeName`, by task (interactive queries): those of running tasks,
   * and with `stale` also those still restoring and the standbys'. `partition` keeps only that partition's tasks.
   */
  localStores(storeName: string, stale: boolean, partition: number | null): { taskId: string; store: StateStore }[] {
    const out: { taskId: string; store: StateStore }[] = [];
    for (const t of this.tasks.values()) {
      if (partition !== null && t.partition !== partition) continue;
      if (!stale && this.state.pending(t.id)) continue;
      const store = t.stores?.manager.store(storeName);
      if (store) out.push({ taskId: t.id, store });
    }
    if (stale) for (const s of this.state.standbys.storesNamed(storeName)) if (partition === null || s.taskId.endsWith(`_${partition}`)) out.push(s);
    return out.sort((a, b) => (a.taskId < b.taskId ? -1 : 1));
  }

  /** Each standby task with the changelog partitions it follows. */
  standbyTaskPartitions(): { taskId: string; topicPartitions: TopicPartition[] }[] {
    return this.state.standbys.metadata();
  }

  assignedTaskIds(): string[] {
    return [...this.tasks.keys()].sort();
  }
}
