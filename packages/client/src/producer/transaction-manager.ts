/**
 * The one owner of the producer's idempotence state, as the Java client's TransactionManager:
 * the producer id and epoch, each partition's sequences (next to assign, last acknowledged,
 * batches in flight in sequence order), the partitions whose in-flight sequences must start over
 * in a new epoch, and those left unresolved by a batch that expired after it was sent. The
 * accumulator holds only queues of batches; the sender asks this manager when a partition's head
 * batch may be drained, has batches stamped by it, and tells it what the broker answered. The
 * retry rules are in sender.ts's opening comment.
 *
 * With a transactional id it also holds the transaction's state (Java's State enum), the
 * partitions added to the transaction, and the error that ended it. Its rules differ from the
 * idempotent producer's in one way: the epoch is never bumped locally (the coordinator owns it),
 * so a sequence gap makes the transaction abortable, and the bump happens when it is aborted
 * (InitProducerId with the current id and epoch, KIP-360; under transactions v2 every EndTxn bumps
 * it). The requests that move the state are in transactions.ts.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError } from '../errors.ts';
import type { Cluster } from '../network/cluster.ts';
import { backoffMs } from '../util.ts';
import type { PartitionQueue } from './accumulator.ts';
import type { ProducerBatch } from './batch.ts';

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

/** Java's TransactionManager.State. */
export type TransactionState = 'UNINITIALIZED' | 'INITIALIZING' | 'READY' | 'IN_TRANSACTION' | 'COMMITTING_TRANSACTION' | 'ABORTING_TRANSACTION' | 'ABORTABLE_ERROR' | 'FATAL_ERROR';

/** Produce errors after which a transactional producer cannot go on (Java's maybeTransitionToErrorState). */
const FATAL_PRODUCE_ERRORS: ReadonlySet<number> = new Set([ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, ErrorCode.CLUSTER_AUTHORIZATION_FAILED, ErrorCode.UNSUPPORTED_VERSION, ErrorCode.UNSUPPORTED_FOR_MESSAGE_FORMAT]);
/** Answers meaning a newer epoch of this transactional id exists: this producer is fenced. */
const FENCED_ERRORS: ReadonlySet<number> = new Set([ErrorCode.PRODUCER_FENCED, ErrorCode.INVALID_PRODUCER_EPOCH]);

/** The error of a producer another producer with the same transactional id has fenced. */
export function fencedError(transactionalId: string, cause: KafkaError): KafkaError {
  return new KafkaError(
    'PRODUCER_FENCED',
    `${cause.message}: another producer with transactional.id '${transactionalId}' has called initTransactions(), or the coordinator aborted this producer's transaction after transaction.timeout.ms; this producer is fenced and cannot be used again: close it (a new producer with the same transactional.id takes over)`,
    { cause, category: 'application-recoverable' },
  );
}

/** The error that makes the current transaction abortable (the producer stays usable). */
export function abortableError(cause: KafkaError): KafkaError {
  return new KafkaError(cause.code, `${cause.message}; the transaction cannot be committed: call abortTransaction(), then begin a new transaction`, {
    cause,
    category: 'abortable',
    errorCode: cause.errorCode,
    topic: cause.topic,
    partition: cause.partition,
  });
}

/** The error that ends a transactional producer for good. */
export function fatalError(cause: KafkaError): KafkaError {
  return new KafkaError(ClientErrorCode.PRODUCER_FATAL, `the transactional producer cannot continue: ${cause.message}; close it`, {
    cause,
    category: cause.category === 'invalid-configuration' ? 'invalid-configuration' : 'unclassified',
  });
}

export interface RetryBackoff {
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

export class TransactionManager {
  producerId = -1n;
  producerEpoch = -1;
  // ---- transactions (transactionalId set)
  state: TransactionState = 'UNINITIALIZED';
  /** Why the transaction is abortable, or the producer dead (ABORTABLE_ERROR, FATAL_ERROR). */
  lastError: KafkaError | null = null;
  /** The coordinator bumps the epoch at every EndTxn and adds partitions itself (KIP-890, transaction.version 2). */
  transactionV2 = false;
  /** Partitions the coordinator knows are in the transaction (v2: all partitions written to). */
  readonly partitionsInTransaction = new Set<PartitionQueue>();
  /** Partitions written to that still need AddPartitionsToTxn (v1). */
  readonly pendingPartitions = new Set<PartitionQueue>();
  /** The coordinator knows of the transaction (a partition or the group's offsets were added): EndTxn is needed. */
  transactionStarted = false;
  /** A sequence gap or lost producer state: the epoch must be bumped when the transaction is aborted. */
  transactionalBumpRequired = false;
  /** Sends AddPartitionsToTxn for the pending partitions (set by transactions.ts). */
  addPendingPartitions: (() => void) | null = null;
  /** Called with the error when the producer can no longer go on (the sender fails everything). */
  onFatal: ((e: KafkaError) => void) | null = null;
  private readonly partitions = new Map<PartitionQueue, PartitionSequences>();
  private epochBumpRequired = false;
  private readonly toRewrite = new Set<PartitionQueue>();
  private readonly unresolved = new Set<PartitionQueue>();
  private initializing = false;

  readonly transactionalId: string | null;

  constructor(transactionalId: string | null = null) {
    this.transactionalId = transactionalId;
  }

  get isTransactional(): boolean {
    return this.transactionalId !== null;
  }

  /** A record was appended to the partition in the current transaction. */
  maybeAddPartition(q: PartitionQueue): void {
    if (this.partitionsInTransaction.has(q) || this.pendingPartitions.has(q)) return;
    if (this.transactionV2) {
      // The partition leader adds it when the first transactional Produce (v12+) arrives.
      this.partitionsInTransaction.add(q);
      this.transactionStarted = true;
    } else {
      this.pendingPartitions.add(q);
    }
  }

  /** Before draining: partitions waiting for AddPartitionsToTxn get it sent. */
  maybeSendAddPartitions(): void {
    if (this.pendingPartitions.size > 0 && (this.state === 'IN_TRANSACTION' || this.state === 'COMMITTING_TRANSACTION')) this.addPendingPartitions?.();
  }

  /** The transaction ended (committed or aborted): the next one starts with no partitions. */
  transactionCompleted(): void {
    this.partitionsInTransaction.clear();
    this.pendingPartitions.clear();
    this.transactionStarted = false;
    this.lastError = null;
    this.state = 'READY';
  }

  /** An error made the transaction abortable (unless it is already ending or failed). */
  transitionToAbortableError(error: KafkaError): void {
    if (this.state === 'ABORTING_TRANSACTION' || this.state === 'ABORTABLE_ERROR' || this.state === 'FATAL_ERROR') return;
    this.lastError = error.category === 'abortable' ? error : abortableError(error);
    this.state = 'ABORTABLE_ERROR';
  }

  transitionToFatalError(error: KafkaError): void {
    if (this.state === 'FATAL_ERROR') return;
    this.lastError = error;
    this.state = 'FATAL_ERROR';
    this.onFatal?.(error);
  }

  /** A batch of the transaction failed for good: the transaction can no longer commit. */
  batchFailed(error: KafkaError): void {
    if (!this.isTransactional) return;
    const code = error.errorCode ?? -1;
    if (FENCED_ERRORS.has(code)) this.transitionToFatalError(fencedError(this.transactionalId!, error));
    else if (FATAL_PRODUCE_ERRORS.has(code)) this.transitionToFatalError(fatalError(error));
    else this.transitionToAbortableError(error);
  }

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
    // A transactional batch goes only to a partition the coordinator has added.
    if (this.transactionalId !== null && !this.partitionsInTransaction.has(q)) return true;
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
  stamp(q: PartitionQueue, head: ProducerBatch): void {
    const s = this.sequences(q);
    if (s.producerId !== this.producerId || s.producerEpoch !== this.producerEpoch) {
      // Only when nothing is in flight for the partition (mustWait): start its sequences over.
      s.producerId = this.producerId;
      s.producerEpoch = this.producerEpoch;
      s.nextSequence = 0;
      s.lastAckedSequence = -1;
    }
    head.stamp(this.producerId, this.producerEpoch, s.nextSequence, this.transactionalId !== null);
    s.nextSequence = incrementSequence(s.nextSequence, head.count);
    s.addInflight(head);
  }

  /** TransactionManager.canRetry: whether a refused batch of the idempotent producer goes again. */
  canRetry(q: PartitionQueue, b: ProducerBatch, code: number, logStartOffset: bigint, retriable: boolean): boolean {
    const s = this.sequences(q);
    if (code === ErrorCode.UNKNOWN_PRODUCER_ID) {
      if (logStartOffset === -1n) return true;
      if (b.sequenceReset) return true;
      // Whether retention removed our writes or the state was lost, restart from a new epoch
      // (a transactional producer only when the transaction is aborted).
      this.requestEpochBump(q);
      return !this.isTransactional;
    }
    if (code === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER) {
      if (b.producerEpoch === s.producerEpoch && b.baseSequence <= s.lastAckedSequence) {
        // A later batch was acknowledged before this one: the broker will never take this
        // sequence again. Start the partition's sequences over in a new epoch and resend.
        this.requestEpochBump(q);
        return !this.isTransactional;
      }
      const isNext = b.baseSequence - s.lastAckedSequence === 1;
      if (s.unresolvedNext < 0 && (b.sequenceReset || !isNext)) return true;
      if (s.unresolvedNext < 0 || b.baseSequence === s.unresolvedNext) {
        this.requestEpochBump(q);
        return !this.isTransactional;
      }
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
    if (this.isTransactional) {
      this.transactionalBumpRequired = true;
      return;
    }
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
      b.stamp(this.producerId, this.producerEpoch, sequence, b.transactional);
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
    if (this.isTransactional) {
      // The transaction fails with the batch; aborting it bumps the epoch and settles the question.
      this.transactionalBumpRequired = true;
      return;
    }
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

  /** A new producer id or epoch from the coordinator (InitProducerId, or EndTxn v5). */
  setProducerIdAndEpoch(producerId: bigint, producerEpoch: number): void {
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
    this.transactionalBumpRequired = false;
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
