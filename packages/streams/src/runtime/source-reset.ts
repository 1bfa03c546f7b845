/**
 * Per-source offset reset (Kafka 4.0's `Consumed.withOffsetResetPolicy`). The client consumer has
 * one auto.offset.reset for all partitions, so the runtime applies a source's own policy itself:
 * when partitions of such a source are assigned and the group has no committed offset for them,
 * it seeks them to the beginning or the end (or fails, for 'none'). Partitions with a committed
 * offset resume from it, whatever the policy, as in Kafka.
 *
 * Reading the committed offsets may time out (the group coordinator loading its offsets after a
 * restart). Java resets inside the consumer's poll, which simply tries again at the next poll; here
 * the partitions stay paused and the read is tried again at the loop's next step, until their
 * task has been stuck for task.timeout.ms (then TASK_TIMEOUT, as a task's other timeouts).
 */
import type { Consumer, TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import type { OffsetResetPolicy } from '../topology/nodes.ts';
import type { Topology } from '../topology/topology.ts';
import type { StreamsLogger } from './handlers.ts';
import { TaskTimeouts, isTimeout } from './task-timeouts.ts';

export interface SourceResetsOptions {
  consumer: Consumer;
  topology: Topology;
  /** The topology's name of a topic the consumer reads (internal topics carry the application id). */
  logicalOf(physicalTopic: string): string;
  /** The task reading a partition, whose task.timeout.ms clock a timeout runs. */
  taskIdOf(tp: TopicPartition): string | undefined;
  /** Whether the loop keeps the partition paused for another reason (its task's stores restoring): not resumed here then. */
  pausedElsewhere(tp: TopicPartition): boolean;
  /** task.timeout.ms. */
  taskTimeoutMs: number;
  log: StreamsLogger;
}

interface PendingReset {
  tp: TopicPartition;
  policy: OffsetResetPolicy;
}

function keyOf(tp: TopicPartition): string {
  return `${tp.topic}:${tp.partition}`;
}

/** What reading the committed offsets is called in a timeout's warning and TASK_TIMEOUT. */
const READING = "reading its committed offsets for its sources' offset reset policies";

export class SourceResets {
  /** Partitions whose reset is not done yet (paused meanwhile), by `topic:partition`. */
  private readonly pendingResets = new Map<string, PendingReset>();
  private readonly timeouts: TaskTimeouts;
  private readonly options: SourceResetsOptions;

  constructor(options: SourceResetsOptions) {
    this.options = options;
    this.timeouts = new TaskTimeouts(options.taskTimeoutMs, options.log);
  }

  /** Whether some partition's reset is still to be done (the instance is not RUNNING yet). */
  get busy(): boolean {
    return this.pendingResets.size > 0;
  }

  /** Whether the partition waits for its reset (no record of it may be processed). */
  holds(tp: TopicPartition): boolean {
    return this.pendingResets.has(keyOf(tp));
  }

  /**
   * Newly assigned partitions: those of a source with its own policy are paused and reset.
   * Throws what cannot be tried again ('none' without a committed offset, TASK_TIMEOUT with task.timeout.ms 0).
   */
  async assigned(partitions: readonly TopicPartition[], signal?: AbortSignal): Promise<void> {
    const targets: TopicPartition[] = [];
    for (const tp of partitions) {
      const policy = this.options.topology.sourceOfTopic(this.options.logicalOf(tp.topic))?.offsetResetPolicy;
      if (policy === undefined) continue;
      this.pendingResets.set(keyOf(tp), { tp: { topic: tp.topic, partition: tp.partition }, policy });
      targets.push(tp);
    }
    if (targets.length === 0) return;
    // Paused while the committed offsets are looked up: the consumer is already resolving positions
    // with the global policy, and no record from that position may reach a task before the seek.
    this.options.consumer.pause(targets);
    await this.attempt(signal);
  }

  /** The loop's step: tries the pending resets again. Throws TASK_TIMEOUT once a task has waited task.timeout.ms. */
  async retry(signal?: AbortSignal): Promise<void> {
    if (this.busy) await this.attempt(signal);
  }

  /** The partition left (revoked, lost): its next owner resets it. */
  forget(tp: TopicPartition): void {
    this.pendingResets.delete(keyOf(tp));
    const taskId = this.options.taskIdOf(tp);
    if (taskId !== undefined && ![...this.pendingResets.values()].some((p) => this.options.taskIdOf(p.tp) === taskId)) this.timeouts.clear(taskId);
  }

  private async attempt(signal?: AbortSignal): Promise<void> {
    const { consumer } = this.options;
    const tried = [...this.pendingResets.values()];
    let committed: Awaited<ReturnType<Consumer['committed']>>;
    try {
      committed = await consumer.committed(tried.map((p) => p.tp), { signal });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      // Still paused; each task's clock runs from its first timeout.
      const tasks = new Set(tried.filter((p) => this.pendingResets.get(keyOf(p.tp)) === p).map((p) => this.options.taskIdOf(p.tp)));
      for (const taskId of tasks) if (taskId !== undefined) this.timeouts.timedOut(taskId, READING, e);
      return;
    }
    // Those revoked or lost meanwhile are their next owner's to reset.
    const done = tried.filter((p) => this.pendingResets.get(keyOf(p.tp)) === p);
    const policyOf = new Map(done.map((p) => [keyOf(p.tp), p.policy]));
    const earliest: TopicPartition[] = [];
    const latest: TopicPartition[] = [];
    for (const c of committed) {
      const tp = { topic: c.topic, partition: c.partition };
      const policy = policyOf.get(keyOf(tp));
      if (c.offset !== null || policy === undefined) continue;
      if (policy === 'none') {
        throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `no committed offset for ${c.topic}-${c.partition} and its source's offsetResetPolicy is 'none' (Kafka: NoOffsetForPartitionException); commit an offset for the group first or choose 'earliest' or 'latest'`);
      }
      (policy === 'earliest' ? earliest : latest).push(tp);
    }
    const owned = new Set(consumer.assignment().map(keyOf));
    const stillAssigned = (list: TopicPartition[]) => list.filter((tp) => owned.has(keyOf(tp)));
    if (earliest.length > 0) consumer.seekToBeginning(stillAssigned(earliest));
    if (latest.length > 0) consumer.seekToEnd(stillAssigned(latest));
    for (const p of done) this.pendingResets.delete(keyOf(p.tp));
    for (const taskId of new Set(done.map((p) => this.options.taskIdOf(p.tp)))) if (taskId !== undefined) this.timeouts.clear(taskId);
    consumer.resume(stillAssigned(done.map((p) => p.tp)).filter((tp) => !this.options.pausedElsewhere(tp)));
  }
}
