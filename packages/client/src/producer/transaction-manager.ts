/**
 * The one owner of the producer's idempotence state, as the Java client's TransactionManager:
 * the producer id and epoch, each partition's sequences (next to assign, last acknowledged,
 * batches in flight in sequence order), the partitions whose in-flight sequences must start over
 * in a new epoch, and those left unresolved by a batch that expired after it was sent. The
 * accumulator holds only queues of batches; the sender asks this manager when a partition's head
 * batch may be drained, has batches stamped by it, and tells it what the broker answered. The
 * retry rules are in sender.ts's opening comment.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError } from '../errors.js';
import type { Cluster } from '../network/cluster.js';
import { backoffMs } from '../util.js';
import type { PartitionQueue } from './accumulator.js';
import type { ProducerBatch } from './batch.js';

const MAX_SEQUENCE = 0x7fffffff;
/** Java's Short.MAX_VALUE: the epoch after which a new producer id is needed. */
const MAX_EPOCH = 0x7fff;

function incrementSequence(sequence: number, increment: number): number {
  return sequence > MAX_SEQUENCE - increment ? increment - (MAX_SEQUENCE - sequence) - 1 : sequence + increment;
}

/** One partition's sequences (Java's TxnPartitionEntry). */
export class PartitionSequences {
  /** The producer id/epoch these sequences belong to. */
  producerId = -1n;
  producerEpoch = -1;
  nextSequence = 0;
  lastAckedSequence = -1;
  lastAckedOffset = -1n;
  /** Batches with a sequence that are not yet done, ordered by sequence. */
  readonly inflight: ProducerBatch[] = [];
  /** When set, a batch expired after being sent: the next sequence after it (Java's unresolved sequences). */
  unresolvedNext = -1;

  addInflight(batch: ProducerBatch): void {
    const list = this.inflight;
    let i = list.length;
    while (i > 0 && list[i - 1].baseSequence > batch.baseSequence) i--;
    list.splice(i, 0, batch);
  }

  removeInflight(batch: ProducerBatch): void {
    const i = this.inflight.indexOf(batch);
    if (i >= 0) this.inflight.splice(i, 1);
  }

  firstInflightSequence(): number {
    return this.inflight.length > 0 ? this.inflight[0].baseSequence : -1;
  }
}

export interface RetryBackoff {
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

export class TransactionManager {
  producerId = -1n;
  producerEpoch = -1;
  private readonly partitions = new Map<PartitionQueue, PartitionSequences>();
  private epochBumpRequired = false;
  private readonly toRewrite = new Set<PartitionQueue>();
  private readonly unresolved = new Set<PartitionQueue>();
  private initializing = false;

  /** The partition's sequence state (made on first use). */
  sequences(q: PartitionQueue): PartitionSequences {
    let s = this.partitions.get(q);
    if (!s) {
      s = new PartitionSequences();
      this.partitions.set(q, s);
    }
    return s;
  }

  get hasProducerId(): boolean {
    return this.producerId >= 0n;
  }

  /**
   * Before a send round: settles unresolved partitions and bumps the epoch if asked. False while
   * there is no producer id (the caller then starts `initProducerId`).
   */
  prepare(): boolean {
    this.maybeResolveSequences();
    if (this.epochBumpRequired) this.bumpEpoch();
    return this.producerId >= 0n;
  }

  /** Java's shouldStopDrainBatchesForPartition. */
  mustWait(q: PartitionQueue, head: ProducerBatch): boolean {
    if (this.producerId < 0n) return true;
    const s = this.sequences(q);
    if (head.baseSequence < 0) {
      const stale = s.producerId !== this.producerId || s.producerEpoch !== this.producerEpoch;
      if (s.inflight.length > 0 && stale) return true;
      if (s.unresolvedNext >= 0) return true;
      // A broker with no state for this producer on the partition accepts any first sequence, so
      // if the first batch were refused (a new topic's leader not ready yet) while the next one
      // got through, the partition would be out of order for good. Until one batch of this
      // producer epoch is acknowledged, the partition has one batch in flight.
      if (s.inflight.length > 0 && s.lastAckedSequence < 0) return true;
    }
    const first = s.firstInflightSequence();
    return first >= 0 && head.baseSequence >= 0 && head.baseSequence !== first;
  }

  /** Whether a batch of the partition is on the wire now (with one request in flight, the next waits). */
  hasBatchOnTheWire(q: PartitionQueue): boolean {
    return this.partitions.get(q)?.inflight.some((b) => b.inFlight) ?? false;
  }

  /** Gives a batch drained for the first time its sequences (a retry keeps the ones it has). */
  stamp(q: PartitionQueue, head: ProducerBatch, transactional = false): void {
    const s = this.sequences(q);
    if (s.producerId !== this.producerId || s.producerEpoch !== this.producerEpoch) {
      // Only when nothing is in flight for the partition (mustWait): start its sequences over.
      s.producerId = this.producerId;
      s.producerEpoch = this.producerEpoch;
      s.nextSequence = 0;
      s.lastAckedSequence = -1;
    }
    head.stamp(this.producerId, this.producerEpoch, s.nextSequence, transactional);
    s.nextSequence = incrementSequence(s.nextSequence, head.count);
    s.addInflight(head);
  }

  /** TransactionManager.canRetry: whether a refused batch of the idempotent producer goes again. */
  canRetry(q: PartitionQueue, b: ProducerBatch, code: number, logStartOffset: bigint, retriable: boolean): boolean {
    const s = this.sequences(q);
    if (code === ErrorCode.UNKNOWN_PRODUCER_ID) {
      if (logStartOffset === -1n) return true;
      if (b.sequenceReset) return true;
      // Whether retention removed our writes or the state was lost, restart from a new epoch.
      this.requestEpochBump(q);
      return true;
    }
    if (code === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER) {
      if (b.producerEpoch === s.producerEpoch && b.baseSequence <= s.lastAckedSequence) {
        // A later batch was acknowledged before this one: the broker will never take this
        // sequence again. Start the partition's sequences over in a new epoch and resend.
        this.requestEpochBump(q);
        return true;
      }
      const isNext = b.baseSequence - s.lastAckedSequence === 1;
      if (s.unresolvedNext < 0 && (b.sequenceReset || !isNext)) return true;
      if (s.unresolvedNext < 0 || b.baseSequence === s.unresolvedNext) this.requestEpochBump(q);
      return true;
    }
    return retriable;
  }

  /** A batch of this partition was acknowledged: its sequences are the last acked ones. */
  acknowledged(q: PartitionQueue, b: ProducerBatch, baseOffset: bigint): void {
    const s = this.sequences(q);
    if (b.producerId === s.producerId && b.producerEpoch === s.producerEpoch) {
      const last = b.lastSequence;
      if (last > s.lastAckedSequence) s.lastAckedSequence = last;
      if (baseOffset >= 0n) s.lastAckedOffset = baseOffset + BigInt(b.count - 1);
    }
    s.removeInflight(b);
  }

  /**
   * A batch with a sequence failed for good. If `gap`, its sequence will never be acknowledged
   * and leaves a gap: the partition's sequences restart in a new epoch.
   */
  failed(q: PartitionQueue, b: ProducerBatch, gap: boolean): void {
    this.sequences(q).removeInflight(b);
    if (gap) this.requestEpochBump(q);
  }

  /** A sent batch was split into `parts`, which take its sequences. */
  replaceInflight(q: PartitionQueue, b: ProducerBatch, parts: readonly ProducerBatch[]): void {
    const s = this.sequences(q);
    s.removeInflight(b);
    for (const p of parts) s.addInflight(p);
  }

  requestEpochBump(q: PartitionQueue): void {
    this.epochBumpRequired = true;
    this.toRewrite.add(q);
  }

  private bumpEpoch(): void {
    this.epochBumpRequired = false;
    if (this.producerEpoch >= MAX_EPOCH) {
      // The epoch is exhausted: get a new producer id; every partition starts over.
      this.producerId = -1n;
      this.producerEpoch = -1;
      this.toRewrite.clear();
      return;
    }
    this.producerEpoch++;
    for (const q of this.toRewrite) this.restartSequences(q);
    this.toRewrite.clear();
  }

  /** Re-stamps the partition's in-flight batches from sequence 0 of the current epoch. */
  private restartSequences(q: PartitionQueue): void {
    const s = this.sequences(q);
    let sequence = 0;
    for (const b of s.inflight) {
      b.stamp(this.producerId, this.producerEpoch, sequence, false);
      b.sequenceReset = true;
      sequence = incrementSequence(sequence, b.count);
    }
    s.producerId = this.producerId;
    s.producerEpoch = this.producerEpoch;
    s.nextSequence = sequence;
    s.lastAckedSequence = -1;
    s.unresolvedNext = -1;
    this.unresolved.delete(q);
  }

  /** A batch that expired after it was sent: whether it landed is known only later. */
  markUnresolved(q: PartitionQueue, b: ProducerBatch): void {
    const s = this.sequences(q);
    s.unresolvedNext = Math.max(s.unresolvedNext, incrementSequence(b.baseSequence, b.count));
    this.unresolved.add(q);
  }

  private maybeResolveSequences(): void {
    for (const q of this.unresolved) {
      const s = this.sequences(q);
      if (s.inflight.length > 0) continue;
      // Resolved if a later batch landed (the last acked sequence caught up); else bump the epoch.
      if (s.nextSequence - s.lastAckedSequence !== 1) this.requestEpochBump(q);
      s.unresolvedNext = -1;
      this.unresolved.delete(q);
    }
  }

  /**
   * Gets a producer id (InitProducerId without a transactional id), retrying with backoff; a
   * non-retriable error is handed to `onFatal`. `done` runs when the attempt ends either way.
   */
  initProducerId(cluster: Cluster, backoff: RetryBackoff, isStopped: () => boolean, onFatal: (e: KafkaError) => void, done: () => void): void {
    if (this.initializing) return;
    this.initializing = true;
    void (async () => {
      for (let attempt = 0; !isStopped(); attempt++) {
        try {
          const conn = await cluster.anyConnection();
          const version = conn.requireVersion(Apis.InitProducerId);
          const res = await conn.request(Apis.InitProducerId, { transactionalId: null, transactionTimeoutMs: 0x7fffffff, producerId: -1n, producerEpoch: -1 }, { version });
          if (res.errorCode !== 0) throw brokerError(res.errorCode, 'InitProducerId');
          this.producerId = res.producerId;
          this.producerEpoch = res.producerEpoch;
          return;
        } catch (e) {
          if (e instanceof KafkaError && !e.retriable) {
            onFatal(new KafkaError(ClientErrorCode.PRODUCER_FATAL, `the idempotent producer could not get a producer id: ${e.message}`, { cause: e }));
            return;
          }
          await new Promise((r) => setTimeout(r, backoffMs(attempt, backoff.retryBackoffMs, backoff.retryBackoffMaxMs)));
        }
      }
    })().finally(() => {
      this.initializing = false;
      done();
    });
  }
}
