/**
 * Idempotent and transactional producer state of one partition, with Kafka's rules
 * (ProducerStateManager and ProducerAppendInfo): per producer id the epoch, the last five batches'
 * sequence ranges and offsets, the epoch of the coordinator that wrote its last marker, and the
 * first offset of its open transaction. A batch equal to one of those five is a duplicate
 * (answered with the original offsets, not written again); otherwise its first sequence must
 * follow the last one (wrapping after Int32.MAX), an older epoch is refused, and a new epoch must
 * start at sequence 0.
 *
 * Transactions: a transactional batch opens the producer's transaction here at its base offset
 * (or extends the one open); a plain batch while one is open is refused (INVALID_TXN_STATE); a
 * marker (COMMIT or ABORT from the coordinator) closes it, moving the producer to the marker's
 * epoch and coordinator epoch. The open transactions are also indexed by producer
 * (OngoingTransactions), kept in step with every change of an entry, for the last stable offset.
 */
import { ErrorCode } from '@sluice/protocol';
import { ProducerStateError } from '../errors.ts';
import { type CompletedTxn, OngoingTransactions } from './transactions.ts';

export const BATCHES_KEPT = 5;
const INT32_MAX = 2147483647;

export interface BatchMetadata {
  firstSeq: number;
  lastSeq: number;
  firstOffset: bigint;
  lastOffset: bigint;
  timestamp: bigint;
}

export interface ProducerEntry {
  producerId: bigint;
  epoch: number;
  batches: BatchMetadata[];
  /** Wall-clock time of the last append, for producer.id.expiration.ms. */
  lastUpdateMs: number;
  /** Epoch of the coordinator that wrote this producer's last marker here, -1 if none. */
  coordinatorEpoch: number;
  /** First offset of the producer's open transaction on this partition, null if none. */
  currentTxnFirstOffset: bigint | null;
  /** Timestamp of the last batch or marker (DescribeProducers), -1 if none. */
  lastTimestamp: bigint;
}

export interface ProducerBatch {
  producerId: bigint;
  epoch: number;
  firstSeq: number;
  lastSeq: number;
  timestamp: bigint;
  isTransactional: boolean;
}

/** A COMMIT or ABORT marker written for a producer by its transaction coordinator. */
export interface TransactionMarker {
  producerId: bigint;
  /** The marker's epoch: the producer's (transaction version 0/1) or the bumped one (version 2). */
  producerEpoch: number;
  coordinatorEpoch: number;
  commit: boolean;
  /**
   * The coordinator's transaction version (KIP-1228): from 2 a marker must carry an epoch above
   * the producer's, so a marker sent again is refused; below 2 an equal epoch is accepted.
   */
  transactionVersion: number;
}

/** A producer as DescribeProducers shows it. */
export interface ActiveProducer {
  producerId: bigint;
  epoch: number;
  lastSequence: number;
  lastTimestamp: bigint;
  /** -1 when no marker was written for it here. */
  coordinatorEpoch: number;
  /** First offset of its open transaction here, -1 when none. */
  currentTxnStartOffset: bigint;
}

export type ProducerCheck = { kind: 'append' } | { kind: 'duplicate'; batch: BatchMetadata };

/** The sequence a batch of `count` records starting at `firstSeq` ends at. */
export function lastSequence(firstSeq: number, count: number): number {
  const last = firstSeq + count - 1;
  return last > INT32_MAX ? last - INT32_MAX - 1 : last;
}

function inSequence(lastSeq: number, nextSeq: number): boolean {
  return nextSeq === lastSeq + 1 || (lastSeq === INT32_MAX && nextSeq === 0);
}

function copy(e: ProducerEntry): ProducerEntry {
  return { ...e, batches: [...e.batches] };
}

function newEntry(producerId: bigint, epoch: number, nowMs: number): ProducerEntry {
  return { producerId, epoch, batches: [], lastUpdateMs: nowMs, coordinatorEpoch: -1, currentTxnFirstOffset: null, lastTimestamp: -1n };
}

export class ProducerStateManager {
  private readonly producers = new Map<bigint, ProducerEntry>();
  /** The open transactions, by producer: always what the entries' currentTxnFirstOffset say. */
  readonly ongoing = new OngoingTransactions();

  get size(): number {
    return this.producers.size;
  }

  entries(): IterableIterator<ProducerEntry> {
    return this.producers.values();
  }

  get(producerId: bigint): ProducerEntry | undefined {
    return this.producers.get(producerId);
  }

  hasOngoingTransaction(producerId: bigint): boolean {
    return this.ongoing.has(producerId);
  }

  /** Every producer with its last sequence, timestamp, coordinator epoch and open transaction. */
  activeProducers(): ActiveProducer[] {
    return [...this.producers.values()].map((e) => ({
      producerId: e.producerId,
      epoch: e.epoch,
      lastSequence: e.batches.length > 0 ? e.batches[e.batches.length - 1].lastSeq : -1,
      lastTimestamp: e.lastTimestamp,
      coordinatorEpoch: e.coordinatorEpoch,
      currentTxnStartOffset: e.currentTxnFirstOffset ?? -1n,
    }));
  }

  private set(producerId: bigint, entry: ProducerEntry | undefined): void {
    if (entry === undefined) this.producers.delete(producerId);
    else this.producers.set(producerId, entry);
    this.ongoing.set(producerId, entry?.currentTxnFirstOffset ?? null);
  }

  /**
   * Decides what to do with a batch, throwing ProducerStateError when it must be refused.
   * `transactionVersion` 2 (KIP-890: the broker added the partition to the transaction itself)
   * makes a producer unknown here start its transaction at sequence 0.
   */
  check(b: ProducerBatch, transactionVersion = 0): ProducerCheck {
    const entry = this.producers.get(b.producerId);
    if (entry === undefined) {
      if (b.isTransactional && transactionVersion >= 2 && b.firstSeq !== 0) {
        throw new ProducerStateError('OUT_OF_ORDER_SEQUENCE_NUMBER', `Producer ${b.producerId} started its transaction on this partition at sequence ${b.firstSeq}; under transaction version 2 it starts at 0`, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
      }
      return { kind: 'append' }; // a new producer may start at any sequence
    }
    if (b.epoch === entry.epoch) {
      const dup = entry.batches.find((m) => m.firstSeq === b.firstSeq && m.lastSeq === b.lastSeq);
      if (dup !== undefined) return { kind: 'duplicate', batch: dup };
    }
    if (b.epoch < entry.epoch) {
      throw new ProducerStateError('INVALID_PRODUCER_EPOCH', `Producer ${b.producerId} epoch ${b.epoch} is older than the current epoch ${entry.epoch}`, ErrorCode.INVALID_PRODUCER_EPOCH);
    }
    if (b.epoch > entry.epoch) {
      if (b.firstSeq !== 0) {
        throw new ProducerStateError('OUT_OF_ORDER_SEQUENCE_NUMBER', `Producer ${b.producerId} started epoch ${b.epoch} at sequence ${b.firstSeq}; a new epoch starts at 0`, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
      }
    } else {
      // No batch in this epoch yet (a marker moved the producer to it): it starts at 0, as in Kafka.
      const last = entry.batches.length > 0 ? entry.batches[entry.batches.length - 1].lastSeq : -1;
      if (!inSequence(last, b.firstSeq)) {
        throw new ProducerStateError(
          'OUT_OF_ORDER_SEQUENCE_NUMBER',
          `Producer ${b.producerId} epoch ${b.epoch} sent sequence ${b.firstSeq} after ${last}; expected ${last === INT32_MAX ? 0 : last + 1}`,
          ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
        );
      }
    }
    if (!b.isTransactional && entry.currentTxnFirstOffset !== null) {
      throw new ProducerStateError(
        'INVALID_TXN_STATE',
        `Producer ${b.producerId} sent a non-transactional batch while its transaction, open on this partition since offset ${entry.currentTxnFirstOffset}, is not ended`,
        ErrorCode.INVALID_TXN_STATE,
      );
    }
    return { kind: 'append' };
  }

  /** Records an appended batch; returns what to give back to undo it if the write fails. */
  record(b: ProducerBatch, firstOffset: bigint, lastOffset: bigint, nowMs: number): ProducerEntry | undefined {
    const before = this.producers.get(b.producerId);
    const snapshot = before === undefined ? undefined : copy(before);
    let entry: ProducerEntry;
    if (before === undefined) entry = newEntry(b.producerId, b.epoch, nowMs);
    else if (before.epoch !== b.epoch) entry = { ...before, epoch: b.epoch, batches: [] }; // a new epoch keeps the open transaction
    else entry = before;
    entry.batches.push({ firstSeq: b.firstSeq, lastSeq: b.lastSeq, firstOffset, lastOffset, timestamp: b.timestamp });
    if (entry.batches.length > BATCHES_KEPT) entry.batches.shift();
    entry.lastUpdateMs = nowMs;
    entry.lastTimestamp = b.timestamp;
    // The maps change only for a new entry or a transaction opening (this runs for every batch).
    if (entry !== before) this.producers.set(b.producerId, entry);
    if (b.isTransactional && entry.currentTxnFirstOffset === null) {
      entry.currentTxnFirstOffset = firstOffset;
      this.ongoing.set(b.producerId, firstOffset);
    }
    return snapshot;
  }

  /**
   * Checks a marker as Kafka's ProducerAppendInfo.appendEndTxnMarker does, throwing
   * ProducerStateError when it must be refused: an epoch older than the producer's
   * (INVALID_PRODUCER_EPOCH; from transaction version 2 also an equal one), or an older
   * coordinator epoch than the last marker's (TRANSACTION_COORDINATOR_FENCED).
   */
  checkMarker(m: TransactionMarker): void {
    const entry = this.producers.get(m.producerId);
    const epoch = entry?.epoch ?? -1;
    if (m.transactionVersion >= 2 ? m.producerEpoch <= epoch : m.producerEpoch < epoch) {
      throw new ProducerStateError(
        'INVALID_PRODUCER_EPOCH',
        `A ${m.commit ? 'COMMIT' : 'ABORT'} marker for producer ${m.producerId} has epoch ${m.producerEpoch}, ${m.producerEpoch === epoch ? 'equal to' : 'older than'} the current epoch ${epoch}${m.transactionVersion >= 2 ? ' (transaction version 2 markers carry a newer epoch)' : ''}`,
        ErrorCode.INVALID_PRODUCER_EPOCH,
      );
    }
    if (entry !== undefined && m.coordinatorEpoch < entry.coordinatorEpoch) {
      throw new ProducerStateError(
        'TRANSACTION_COORDINATOR_FENCED',
        `A marker for producer ${m.producerId} comes from coordinator epoch ${m.coordinatorEpoch}, older than the epoch ${entry.coordinatorEpoch} of the one that wrote its last marker`,
        ErrorCode.TRANSACTION_COORDINATOR_FENCED,
      );
    }
  }

  /**
   * Applies a marker appended at `offset` (checked before, or replayed from the log): closes the
   * producer's open transaction, if any, and moves it to the marker's epoch and coordinator epoch
   * (a new epoch forgets the batches, so the next one starts at sequence 0). Returns the closed
   * transaction (null when none was open: a marker sent again, or an empty transaction) and what
   * to give back to undo it.
   */
  applyMarker(m: TransactionMarker, offset: bigint, timestamp: bigint, nowMs: number): { completed: CompletedTxn | null; snapshot: ProducerEntry | undefined } {
    const before = this.producers.get(m.producerId);
    const snapshot = before === undefined ? undefined : copy(before);
    let completed: CompletedTxn | null = null;
    if (before?.currentTxnFirstOffset != null) {
      completed = {
        producerId: m.producerId,
        firstOffset: before.currentTxnFirstOffset,
        lastOffset: offset,
        isAborted: !m.commit,
        lastStableOffset: this.ongoing.firstOffset(m.producerId) ?? offset + 1n,
      };
    }
    const entry = before === undefined ? newEntry(m.producerId, m.producerEpoch, nowMs) : copy(before);
    if (entry.epoch !== m.producerEpoch) {
      entry.epoch = m.producerEpoch;
      entry.batches = [];
    }
    entry.coordinatorEpoch = m.coordinatorEpoch;
    entry.currentTxnFirstOffset = null;
    entry.lastTimestamp = timestamp;
    entry.lastUpdateMs = nowMs;
    this.set(m.producerId, entry);
    return { completed, snapshot };
  }

  /** Puts back what record() or applyMarker() replaced. */
  restore(producerId: bigint, snapshot: ProducerEntry | undefined): void {
    this.set(producerId, snapshot);
  }

  /**
   * Forgets producers idle for `expirationMs` or longer (Kafka's isProducerExpired counts from
   * the last batch's timestamp; here from when it was appended, which a client's clock cannot
   * move), never one with an open transaction.
   */
  expire(nowMs: number, expirationMs: number): number {
    let removed = 0;
    for (const [id, e] of this.producers) {
      if (nowMs - e.lastUpdateMs >= expirationMs && e.currentTxnFirstOffset === null) {
        this.set(id, undefined);
        removed++;
      }
    }
    return removed;
  }

  clear(): void {
    this.producers.clear();
    this.ongoing.clear();
  }

  /** Replaces every producer's state with `entries` (a snapshot loaded at a clean start, or a rebuild). */
  replaceAll(entries: Iterable<ProducerEntry>): void {
    this.clear();
    for (const e of entries) this.set(e.producerId, e);
  }
}
