/**
 * The idempotent producer's state, as the Java client's TransactionManager keeps it for a
 * producer without transactions: the producer id and epoch, the partitions whose in-flight
 * sequences must start over in a new epoch, and those left unresolved by a batch that expired
 * after it was sent. The sender asks it when a batch may be drained, stamps batches through it,
 * and tells it what the broker answered; the rules are in sender.ts's opening comment.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError } from '../errors.js';
import type { Cluster } from '../network/cluster.js';
import { backoffMs } from '../util.js';
import type { PartitionQueue } from './accumulator.js';
import type { ProducerBatch } from './batch.js';

const MAX_SEQUENCE = 0x7fffffff;

function incrementSequence(sequence: number, increment: number): number {
  return sequence > MAX_SEQUENCE - increment ? increment - (MAX_SEQUENCE - sequence) - 1 : sequence + increment;
}

export class ProducerIdempotence {
  producerId = -1n;
  producerEpoch = -1;
  private epochBumpRequired = false;
  private readonly toRewrite = new Set<PartitionQueue>();
  private readonly unresolved = new Set<PartitionQueue>();
  private initializing = false;

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
    if (head.baseSequence < 0) {
      const stale = q.producerId !== this.producerId || q.producerEpoch !== this.producerEpoch;
      if (q.inflight.length > 0 && stale) return true;
      if (q.unresolvedNext >= 0) return true;
      // A broker with no state for this producer on the partition accepts any first sequence, so
      // if the first batch were refused (a new topic's leader not ready yet) while the next one
      // got through, the partition would be out of order for good. Until one batch of this
      // producer epoch is acknowledged, the partition has one batch in flight.
      if (q.inflight.length > 0 && q.lastAckedSequence < 0) return true;
    }
    const first = q.firstInflightSequence();
    return first >= 0 && head.baseSequence >= 0 && head.baseSequence !== first;
  }

  /** Gives a batch drained for the first time its sequences (a retry keeps the ones it has). */
  stamp(q: PartitionQueue, head: ProducerBatch): void {
    if (q.producerId !== this.producerId || q.producerEpoch !== this.producerEpoch) {
      // Only when nothing is in flight for the partition (mustWait): start its sequences over.
      q.producerId = this.producerId;
      q.producerEpoch = this.producerEpoch;
      q.nextSequence = 0;
      q.lastAckedSequence = -1;
    }
    head.stamp(this.producerId, this.producerEpoch, q.nextSequence, false);
    q.nextSequence = incrementSequence(q.nextSequence, head.count);
    q.addInflight(head);
  }

  /** TransactionManager.canRetry: whether a refused batch of the idempotent producer goes again. */
  canRetry(q: PartitionQueue, b: ProducerBatch, code: number, logStartOffset: bigint, retriable: boolean): boolean {
    if (code === ErrorCode.UNKNOWN_PRODUCER_ID) {
      if (logStartOffset === -1n) return true;
      if (b.sequenceReset) return true;
      // Whether retention removed our writes or the state was lost, restart from a new epoch.
      this.requestEpochBump(q);
      return true;
    }
    if (code === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER) {
      if (b.producerEpoch === q.producerEpoch && b.baseSequence <= q.lastAckedSequence) {
        // A later batch was acknowledged before this one: the broker will never take this
        // sequence again. Start the partition's sequences over in a new epoch and resend.
        this.requestEpochBump(q);
        return true;
      }
      const isNext = b.baseSequence - q.lastAckedSequence === 1;
      if (q.unresolvedNext < 0 && (b.sequenceReset || !isNext)) return true;
      if (q.unresolvedNext < 0 || b.baseSequence === q.unresolvedNext) this.requestEpochBump(q);
      return true;
    }
    return retriable;
  }

  /** A batch of this partition was acknowledged: its sequences are the last acked ones. */
  acknowledged(q: PartitionQueue, b: ProducerBatch, baseOffset: bigint): void {
    if (b.producerId === q.producerId && b.producerEpoch === q.producerEpoch) {
      const last = b.lastSequence;
      if (last > q.lastAckedSequence) q.lastAckedSequence = last;
      if (baseOffset >= 0n) q.lastAckedOffset = baseOffset + BigInt(b.count - 1);
    }
    q.removeInflight(b);
  }

  requestEpochBump(q: PartitionQueue): void {
    this.epochBumpRequired = true;
    this.toRewrite.add(q);
  }

  private bumpEpoch(): void {
    this.epochBumpRequired = false;
    if (this.producerEpoch >= 0x7fff) {
      // The epoch is exhausted: get a new producer id; every partition starts over.
      this.producerId = -1n;
      this.producerEpoch = -1;
      this.toRewrite.clear();
      return;
    }
    this.producerEpoch++;
    for (const q of this.toRewrite) {
      let sequence = 0;
      for (const b of q.inflight) {
        b.stamp(this.producerId, this.producerEpoch, sequence, false);
        b.sequenceReset = true;
        sequence = incrementSequence(sequence, b.count);
      }
      q.producerId = this.producerId;
      q.producerEpoch = this.producerEpoch;
      q.nextSequence = sequence;
      q.lastAckedSequence = -1;
      q.unresolvedNext = -1;
      this.unresolved.delete(q);
    }
    this.toRewrite.clear();
  }

  /** A batch that expired after it was sent: whether it landed is known only later. */
  markUnresolved(q: PartitionQueue, b: ProducerBatch): void {
    q.unresolvedNext = Math.max(q.unresolvedNext, incrementSequence(b.baseSequence, b.count));
    this.unresolved.add(q);
  }

  private maybeResolveSequences(): void {
    for (const q of this.unresolved) {
      if (q.inflight.length > 0) continue;
      // Resolved if a later batch landed (the last acked sequence caught up); else bump the epoch.
      if (q.nextSequence - q.lastAckedSequence !== 1) this.requestEpochBump(q);
      q.unresolvedNext = -1;
      this.unresolved.delete(q);
    }
  }

  /**
   * Gets a producer id (InitProducerId without a transactional id), retrying with backoff; a
   * non-retriable error is handed to `onFatal`. `done` runs when the attempt ends either way.
   */
  initProducerId(cluster: Cluster, backoff: { retryBackoffMs: number; retryBackoffMaxMs: number }, isStopped: () => boolean, onFatal: (e: KafkaError) => void, done: () => void): void {
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
