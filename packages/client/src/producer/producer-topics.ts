/**
 * The topics a producer sends to, kept as Java's ProducerMetadata keeps them: every send marks
 * its topic used, and a topic unused for metadata.max.idle.ms with nothing left to deliver is
 * forgotten (it leaves the Metadata requests; the next send to it fetches its metadata again).
 * Every topic kept is needed: a missing or leaderless one is asked for again after the retry
 * backoff, as Java's producer does for any topic in its list.
 */
import type { TopicScope } from '../network/cluster.ts';

export class ProducerTopics implements TopicScope {
  private readonly lastUsed = new Map<string, number>();
  /** Topics whose metadata a send (or partitionsFor) is waiting for, by number of waits. */
  private readonly awaited = new Map<string, number>();

  private readonly maxIdleMs: number;
  /** Whether batches of the topic are queued or in flight: their sends need its leaders. */
  private readonly hasUndelivered: (topic: string) => boolean;

  constructor(maxIdleMs: number, hasUndelivered: (topic: string) => boolean) {
    this.maxIdleMs = maxIdleMs;
    this.hasUndelivered = hasUndelivered;
  }

  use(topic: string, nowMs: number): void {
    this.lastUsed.set(topic, nowMs);
  }

  /**
   * Runs a wait for the topic's metadata, keeping the topic while it runs: a wait longer than
   * metadata.max.idle.ms (a topic being created, a long max.block.ms) must not see its topic
   * dropped from the requests, as Java's waitOnMetadata adds it again at every turn.
   */
  async awaiting<T>(topic: string, wait: () => Promise<T>): Promise<T> {
    this.use(topic, Date.now());
    this.awaited.set(topic, (this.awaited.get(topic) ?? 0) + 1);
    try {
      return await wait();
    } finally {
      const left = this.awaited.get(topic)! - 1;
      if (left === 0) this.awaited.delete(topic);
      else this.awaited.set(topic, left);
    }
  }

  needsMetadata(): boolean {
    return true;
  }

  retainTopic(topic: string, nowMs: number): boolean {
    const last = this.lastUsed.get(topic);
    if (last !== undefined && last + this.maxIdleMs > nowMs) return true;
    if (this.awaited.has(topic) || this.hasUndelivered(topic)) return true;
    this.lastUsed.delete(topic);
    return false;
  }
}
