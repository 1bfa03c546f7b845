/**
 * The buffered input of a loop's tasks: one partition group per task (partition-group.ts), fed
 * batch by batch as the consumer delivers them, drained in timestamp order as far as each task
 * may (max.task.idle.ms). A partition with more than 1,000 records buffered is paused in the
 * consumer until its task catches up (Java's buffered.records.per.partition), so a task waiting
 * for one partition does not pile up another's records in memory.
 */
import type { Consumer, ConsumerBatch } from '@sluice/client';
import { PartitionGroup } from './partition-group.ts';
import type { PreparedRecord, StreamTask, TopicPartitionOffset } from './task.ts';

/** Buffered records per partition above which fetching it pauses. */
const MAX_BUFFERED_PER_PARTITION = 1000;

export class TaskInputs {
  private readonly groups = new Map<string, PartitionGroup<PreparedRecord>>();
  /** Partitions paused because their queue is full, by `topic:partition`. */
  private readonly paused = new Map<string, { taskId: string; topic: string; partition: number }>();
  /** The task a turn's time ran out in: the next turn starts with the one after it. */
  private resumeAfter: string | null = null;

  private readonly consumer: Consumer;
  private readonly maxTaskIdleMs: number;

  constructor(consumer: Consumer, maxTaskIdleMs: number) {
    this.consumer = consumer;
    this.maxTaskIdleMs = maxTaskIdleMs;
  }

  has(taskId: string): boolean {
    return this.groups.has(taskId);
  }

  /** A partition of the task's (the group is made at the task's first). */
  addPartition(taskId: string, topic: string, partition: number): void {
    let group = this.groups.get(taskId);
    if (!group) {
      group = new PartitionGroup<PreparedRecord>(this.maxTaskIdleMs, (t, p) => this.consumer.currentLag({ topic: t, partition: p }), (r) => r.raw.offset);
      this.groups.set(taskId, group);
    }
    group.addPartition(topic, partition);
  }

  /** Forgets a closed task's buffered records (its next owner reads them again from the committed offsets). */
  removeTask(taskId: string): void {
    this.groups.delete(taskId);
    for (const [key, p] of this.paused) if (p.taskId === taskId) this.paused.delete(key);
  }

  /** Deserialises and timestamps a batch's records into the task's group. */
  buffer(task: StreamTask, batch: ConsumerBatch): void {
    const group = this.groups.get(task.id);
    if (!group) return;
    // ConsumerRecords are RawRecords already (offset is computed only if something asks for it).
    const buffered: PreparedRecord[] = [];
    for (const r of batch.records) {
      const prepared = task.prepare(r);
      if (prepared) buffered.push(prepared);
    }
    group.add(batch.topic, batch.partition, buffered, batch.nextOffset);
    if (group.sizeOf(batch.topic, batch.partition) > MAX_BUFFERED_PER_PARTITION) {
      this.consumer.pause([{ topic: batch.topic, partition: batch.partition }]);
      this.paused.set(`${batch.topic}:${batch.partition}`, { taskId: task.id, topic: batch.topic, partition: batch.partition });
    }
  }

  /**
   * Processes the tasks' buffered records in timestamp order while each may, until `deadline`
   * (a Date.now() value); returns how many. Node has one thread: a turn that processed a whole
   * backlog would hold timers and sockets (heartbeats, the producer's acknowledgements) for as
   * long, as Java's poll-time bounding keeps a StreamThread from missing its poll interval. A
   * turn cut short resumes with the task after the one it stopped in, so no task waits for
   * another's backlog.
   */
  processReady(tasks: Iterable<StreamTask>, skip: (taskId: string) => boolean, deadline = Infinity, now = Date.now()): number {
    let processed = 0;
    const order = [...tasks];
    const start = Math.max(0, order.findIndex((t) => t.id === this.resumeAfter) + 1);
    this.resumeAfter = null;
    for (let i = 0; i < order.length; i++) {
      const task = order[(start + i) % order.length];
      const group = this.groups.get(task.id);
      if (!group || group.size === 0 || skip(task.id)) continue;
      while (group.readyToProcess(now)) {
        task.processPrepared(group.next()!.record);
        processed++;
        if (Date.now() >= deadline) {
          this.resumeAfter = task.id;
          break;
        }
      }
      if (this.resumeAfter !== null) break;
    }
    if (this.paused.size > 0) this.resumeDrained();
    return processed;
  }

  private resumeDrained(): void {
    const assigned = new Set(this.consumer.assignment().map((tp) => `${tp.topic}:${tp.partition}`));
    for (const [key, p] of [...this.paused]) {
      if ((this.groups.get(p.taskId)?.sizeOf(p.topic, p.partition) ?? 0) > MAX_BUFFERED_PER_PARTITION) continue;
      this.paused.delete(key);
      if (assigned.has(key)) this.consumer.resume([{ topic: p.topic, partition: p.partition }]);
    }
  }

  /**
   * How long the loop may wait in its next poll (at most `wait`): not at all once a task's
   * records may be processed, else until the earliest idling partition's deadline.
   */
  pollWait(wait: number, now = Date.now()): number {
    for (const g of this.groups.values()) {
      if (g.size === 0) continue;
      wait = Math.min(wait, g.readyToProcess(now) ? 0 : Math.max(0, g.nextIdleDeadline() - now));
    }
    return wait;
  }

  /** The next offsets to consume of the task's partitions (see PartitionGroup.committableOffsets). */
  committableOffsets(taskId: string): TopicPartitionOffset[] {
    return this.groups.get(taskId)?.committableOffsets() ?? [];
  }
}
