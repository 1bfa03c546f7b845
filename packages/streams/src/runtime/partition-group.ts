/**
 * A task's buffered input (Kafka Streams' PartitionGroup and RecordQueue): one queue per input
 * partition, and the choice of what to process next. A task reading several partitions (two
 * co-partitioned topics of a join, a table and a stream, a merge) must see their records in
 * timestamp order, or a join would miss matches and an aggregation would see "late" records that
 * are not late. So the next record is the head of the queue whose head has the smallest
 * timestamp.
 *
 * That choice is only sound while every partition has a record buffered. When one is empty the
 * task may have to wait for it (`max.task.idle.ms`), as Java's `readyToProcess` decides:
 * - lag unknown (no fetch has answered yet): wait, the partition may well have older records;
 * - lag > 0 (records on the broker not fetched yet): wait for them;
 * - lag 0 (caught up): wait `max.task.idle.ms` from when this was first seen, then go on without
 *   the partition (0, the default: go on at once);
 * - `max.task.idle.ms` = -1: never wait; process whatever is buffered.
 *
 * Offsets: a partition's committable offset is its head record's offset when records are
 * buffered (they are not processed yet), else the offset after the last fetched batch (which
 * steps past transaction markers and aborted records, so a read_committed task's offsets reach
 * the end of the partition).
 */

/** Java's `max.task.idle.ms` value that turns waiting off. */
export const MAX_TASK_IDLE_MS_DISABLED = -1;

/** What a partition group holds: anything with the timestamp it is ordered by (the extracted event time). */
export interface Timestamped {
  readonly timestamp: number;
}

class RecordQueue<T extends Timestamped> {
  private items: T[] = [];
  private head = 0;
  /** The offset after the last fetched batch; null until one was added. */
  fetchedUpTo: bigint | null = null;
  /** When the partition was first seen empty and caught up (the idling start); null otherwise. */
  idleDeadline: number | null = null;

  readonly topic: string;
  readonly partition: number;

  constructor(topic: string, partition: number) {
    this.topic = topic;
    this.partition = partition;
  }

  get size(): number {
    return this.items.length - this.head;
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  push(records: readonly T[]): void {
    for (const r of records) this.items.push(r);
  }

  shift(): T | undefined {
    const r = this.items[this.head];
    if (r === undefined) return undefined;
    this.head++;
    // Drop the consumed prefix now and then, so the array does not grow for ever.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return r;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

export interface NextRecord<T> {
  readonly topic: string;
  readonly partition: number;
  readonly record: T;
}

export class PartitionGroup<T extends Timestamped> {
  private readonly queues = new Map<string, RecordQueue<T>>();
  private total = 0;

  private readonly maxTaskIdleMs: number;
  private readonly lagOf: (topic: string, partition: number) => bigint | undefined;
  private readonly offsetOf: (record: T) => bigint;

  /**
   * @param maxTaskIdleMs Java's max.task.idle.ms (-1: never wait)
   * @param lagOf records on the broker past what was fetched (the consumer's currentLag); undefined while unknown
   * @param offsetOf a record's offset, asked only of a head at commit time (a consumer record computes it on demand)
   */
  constructor(maxTaskIdleMs: number, lagOf: (topic: string, partition: number) => bigint | undefined, offsetOf: (record: T) => bigint) {
    this.maxTaskIdleMs = maxTaskIdleMs;
    this.lagOf = lagOf;
    this.offsetOf = offsetOf;
  }

  private static key(topic: string, partition: number): string {
    return `${topic}:${partition}`;
  }

  /** A partition the task reads; records of it are waited for from now on. */
  addPartition(topic: string, partition: number): void {
    const k = PartitionGroup.key(topic, partition);
    if (!this.queues.has(k)) this.queues.set(k, new RecordQueue(topic, partition));
  }

  /** Forgets a partition and its buffered records (revoked: its next owner reads them again). */
  removePartition(topic: string, partition: number): void {
    const k = PartitionGroup.key(topic, partition);
    const q = this.queues.get(k);
    if (!q) return;
    this.total -= q.size;
    this.queues.delete(k);
  }

  partitions(): { topic: string; partition: number }[] {
    return [...this.queues.values()].map((q) => ({ topic: q.topic, partition: q.partition }));
  }

  /** Buffers records of a fetched batch; `nextOffset` is the offset after the batch. */
  add(topic: string, partition: number, records: readonly T[], nextOffset: bigint): void {
    this.addPartition(topic, partition);
    const q = this.queues.get(PartitionGroup.key(topic, partition))!;
    q.push(records);
    this.total += records.length;
    if (q.fetchedUpTo === null || nextOffset > q.fetchedUpTo) q.fetchedUpTo = nextOffset;
  }

  /** Records buffered over all partitions. */
  get size(): number {
    return this.total;
  }

  sizeOf(topic: string, partition: number): number {
    return this.queues.get(PartitionGroup.key(topic, partition))?.size ?? 0;
  }

  /**
   * Whether the head with the smallest timestamp may be processed now (Java's readyToProcess):
   * every partition has records buffered, or each empty one is known caught up and idled long
   * enough. `now` is wall-clock time.
   */
  readyToProcess(now: number): boolean {
    if (this.total === 0) return false;
    if (this.maxTaskIdleMs === MAX_TASK_IDLE_MS_DISABLED) return true;
    let ready = true;
    for (const q of this.queues.values()) {
      if (q.size > 0) {
        q.idleDeadline = null;
        continue;
      }
      const lag = this.lagOf(q.topic, q.partition);
      if (lag === undefined || lag > 0n) {
        // Not fetched yet, or records known to be on the broker: wait for them.
        q.idleDeadline = null;
        ready = false;
        continue;
      }
      q.idleDeadline ??= now + this.maxTaskIdleMs;
      if (now < q.idleDeadline) ready = false;
    }
    return ready;
  }

  /**
   * The earliest wall-clock time at which an idling partition stops holding the task back
   * (Infinity when none idles): the processing loop polls no longer than that.
   */
  nextIdleDeadline(): number {
    let min = Infinity;
    for (const q of this.queues.values()) if (q.size === 0 && q.idleDeadline !== null && q.idleDeadline < min) min = q.idleDeadline;
    return min;
  }

  /** Takes the head record with the smallest timestamp (ties: the partition added first). */
  next(): NextRecord<T> | null {
    let best: RecordQueue<T> | null = null;
    let bestTs = Infinity;
    for (const q of this.queues.values()) {
      const head = q.peek();
      if (head !== undefined && head.timestamp < bestTs) {
        best = q;
        bestTs = head.timestamp;
      }
    }
    if (!best) return null;
    const record = best.shift()!;
    this.total--;
    return { topic: best.topic, partition: best.partition, record };
  }

  /**
   * The next offset to consume of each partition that was fetched: the head's offset when
   * records are still buffered, else the offset after the last fetched batch.
   */
  committableOffsets(): { topic: string; partition: number; offset: bigint }[] {
    const out: { topic: string; partition: number; offset: bigint }[] = [];
    for (const q of this.queues.values()) {
      if (q.fetchedUpTo === null) continue;
      const head = q.peek();
      out.push({ topic: q.topic, partition: q.partition, offset: head !== undefined ? this.offsetOf(head) : q.fetchedUpTo });
    }
    return out;
  }

  /** Drops every buffered record (a task closed dirty: they are fetched again from the committed offsets). */
  clear(): void {
    for (const q of this.queues.values()) {
      q.clear();
      q.fetchedUpTo = null;
      q.idleDeadline = null;
    }
    this.total = 0;
  }
}
