/**
 * What the consumer knows about each partition it is assigned: the position (the next offset it
 * will deliver), whether it is paused, waiting for an offset reset, or holding fetched records
 * not yet delivered. Java calls this SubscriptionState.
 */
import type { KafkaError } from '../errors.ts';
import { type TopicPartition, compareTopicPartitions, tpKey } from './assignors.ts';
import type { ConsumerRecord } from './records.ts';

export type ResetPolicy = 'earliest' | 'latest' | 'none';

export interface CompletedFetch {
  state: PartitionState;
  records: ConsumerRecord[];
  /** Records [0, index) were delivered. */
  index: number;
  /** Where fetching continues once all records are delivered. */
  nextOffset: bigint;
  /** The partition position these records start at; stale if the position moved. */
  position: bigint;
  highWatermark: bigint;
}

export class PartitionState {
  readonly key: string;
  /** The next offset to deliver; null until known (committed offset or reset). */
  position: bigint | null = null;
  /** Leader epoch of the last delivered record (committed with the offset). */
  positionLeaderEpoch = -1;
  paused = false;
  /** The position must be (re)set with ListOffsets by this policy. */
  reset: 'earliest' | 'latest' | null = null;
  /** Looking up the committed offset or resetting is under way. */
  initializing = false;
  /** Part of an outstanding Fetch request. */
  fetching = false;
  buffered: CompletedFetch | null = null;
  highWatermark = -1n;
  lastStableOffset = -1n;
  logStartOffset = -1n;
  /** An error to raise from the next poll (e.g. no offset and reset policy 'none'). */
  error: KafkaError | null = null;
  /** Do not fetch before this time (after an error). */
  backoffUntil = 0;
  assigned = true;

  readonly topic: string;
  readonly partition: number;

  constructor(topic: string, partition: number) {
    this.topic = topic;
    this.partition = partition;
    this.key = tpKey(topic, partition);
  }

  get tp(): TopicPartition {
    return { topic: this.topic, partition: this.partition };
  }

  /** Records between the position and the end the last fetch answer gave (last stable offset or high watermark); undefined until both are known. */
  lag(readCommitted: boolean): bigint | undefined {
    const end = readCommitted ? this.lastStableOffset : this.highWatermark;
    if (this.position === null || end < 0n) return undefined;
    return end > this.position ? end - this.position : 0n;
  }

  /** Forget fetched data and in-progress positioning (after a seek). */
  clearBuffered(): void {
    this.buffered = null;
  }
}

export class SubscriptionState {
  /** Topics subscribed to by name (empty with a pattern or a manual assignment). */
  topics = new Set<string>();
  pattern: RegExp | null = null;
  /** `assign()` was used: no group management. */
  manual = false;
  private partitions = new Map<string, PartitionState>();
  private assignedTopics = new Set<string>();

  get isSubscribed(): boolean {
    return !this.manual && (this.topics.size > 0 || this.pattern !== null);
  }

  /**
   * With a pattern subscription, makes `topics` the known topics the pattern matches (internal
   * ones left out when asked); true when that changed the set, which asks for a rejoin.
   */
  matchPattern(known: Iterable<{ name: string; isInternal: boolean }>, excludeInternal: boolean): boolean {
    const pattern = this.pattern;
    if (!pattern) return false;
    const matched = new Set<string>();
    for (const t of known) {
      if (excludeInternal && t.isInternal) continue;
      pattern.lastIndex = 0;
      if (pattern.test(t.name)) matched.add(t.name);
    }
    const current = this.topics;
    if (matched.size === current.size && [...matched].every((t) => current.has(t))) return false;
    this.topics = matched;
    return true;
  }

  get(tp: TopicPartition): PartitionState | undefined {
    return this.partitions.get(tpKey(tp.topic, tp.partition));
  }

  getByKey(key: string): PartitionState | undefined {
    return this.partitions.get(key);
  }

  states(): IterableIterator<PartitionState> {
    return this.partitions.values();
  }

  assigned(): TopicPartition[] {
    return [...this.partitions.values()].map((s) => s.tp).sort(compareTopicPartitions);
  }

  get size(): number {
    return this.partitions.size;
  }

  /** Replaces the assignment, keeping the state of partitions that stay. */
  setAssignment(partitions: readonly TopicPartition[]): void {
    const next = new Map<string, PartitionState>();
    for (const tp of partitions) {
      const key = tpKey(tp.topic, tp.partition);
      next.set(key, this.partitions.get(key) ?? new PartitionState(tp.topic, tp.partition));
    }
    for (const [key, s] of this.partitions) {
      if (!next.has(key)) {
        s.assigned = false;
        s.buffered = null;
      }
    }
    this.partitions = next;
    this.assignedTopics = new Set(partitions.map((tp) => tp.topic));
  }

  /**
   * Whether the consumer needs the topic's metadata, as Java's SubscriptionState.needsMetadata:
   * subscribed (by name or pattern) or assigned. Topics only looked at (offsetsForTimes,
   * endOffsets) are not needed once answered.
   */
  needsMetadata(topic: string): boolean {
    return this.matches(topic) || this.assignedTopics.has(topic);
  }

  /** Whether a topic is part of the subscription. */
  matches(topic: string): boolean {
    if (this.topics.has(topic)) return true;
    if (this.pattern) {
      this.pattern.lastIndex = 0;
      return this.pattern.test(topic);
    }
    return false;
  }
}
