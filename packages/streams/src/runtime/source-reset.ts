/**
 * Per-source offset reset (Kafka 4.0's `Consumed.withOffsetResetPolicy`). The client consumer has
 * one auto.offset.reset for all partitions, so the runtime applies a source's own policy itself:
 * when partitions of such a source are assigned and the group has no committed offset for them,
 * it seeks them to the beginning or the end (or fails, for 'none'). Partitions with a committed
 * offset resume from it, whatever the policy, as in Kafka.
 *
 * Reading the committed offsets may time out (the group coordinator loading its offsets after a
 * restart). Java resets inside the consumer's poll: its main consumer runs with auto.offset.reset
 * 'none', the poll that finds no committed offset throws InvalidOffsetException and StreamThread's
 * resetOffsets seeks; a poll whose committed-offset read times out just returns, and the next poll
 * reads again, for as long as the thread runs. task.timeout.ms (KIP-572) covers a task's own calls
 * (its initialization's committed(), its restore), not the consumer's position lookups. So here the
 * partitions stay paused and the read is tried again at each of the loop's steps, without limit;
 * the warning is logged once per stall, and a close aborts the read.
 */
import type { Consumer, TopicPartition } from '@sluice/client';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { OffsetResetPolicy } from '../topology/nodes.ts';
import type { Topology } from '../topology/topology.ts';
import type { StreamsLogger } from './handlers.ts';
import { isTimeout } from './task-timeouts.ts';

export interface SourceResetsOptions {
  consumer: Consumer;
  topology: Topology;
  /** The topology's name of a topic the consumer reads (internal topics carry the application id). */
  logicalOf(physicalTopic: string): string;
  /** Whether the loop keeps the partition paused for another reason (its task's stores restoring): not resumed here then. */
  pausedElsewhere(tp: TopicPartition): boolean;
  log: StreamsLogger;
}

interface PendingReset {
  tp: TopicPartition;
  policy: OffsetResetPolicy;
}

function keyOf(tp: TopicPartition): string {
  return `${tp.topic}:${tp.partition}`;
}


export class SourceResets {
  /** Partitions whose reset is not done yet (paused meanwhile), by `topic:partition`. */
  private readonly pendingResets = new Map<string, PendingReset>();
  /** Whether the current stall (reads timing out since the last success) was logged. */
  private stallLogged = false;
  private readonly options: SourceResetsOptions;

  constructor(options: SourceResetsOptions) {
    this.options = options;
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
   * Throws what cannot be tried again ('none' without a committed offset, a failure other than a timeout).
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

  /** The loop's step: tries the pending resets again (a timeout leaves them pending, however long it lasts). */
  async retry(signal?: AbortSignal): Promise<void> {
    if (this.busy) await this.attempt(signal);
  }

  /** The partition left (revoked, lost): its next owner resets it. */
  forget(tp: TopicPartition): void {
    this.pendingResets.delete(keyOf(tp));
  }

  private async attempt(signal?: AbortSignal): Promise<void> {
    const { consumer } = this.options;
    const tried = [...this.pendingResets.values()];
    let committed: Awaited<ReturnType<Consumer['committed']>>;
    try {
      committed = await consumer.committed(tried.map((p) => p.tp), { signal });
    } catch (e) {
      if (!isTimeout(e)) throw e;
      // Still paused, and read again at the next step (Java's next poll), for as long as it takes.
      if (!this.stallLogged) {
        this.stallLogged = true;
        const partitions = tried.map((p) => `${p.tp.topic}-${p.tp.partition}`).join(', ');
        this.options.log.warn(`reading the committed offsets of ${partitions} for their sources' offset reset policies timed out (${messageOf(e)}); their records wait, and the read is tried again until it succeeds (as Java's consumer does at each poll; task.timeout.ms does not apply)`);
      }
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
    if (this.stallLogged) this.options.log.info(`the committed offsets for the sources' offset reset policies were read; ${done.length} partition(s) reset`);
    this.stallLogged = false;
    consumer.resume(stillAssigned(done.map((p) => p.tp)).filter((tp) => !this.options.pausedElsewhere(tp)));
  }
}
