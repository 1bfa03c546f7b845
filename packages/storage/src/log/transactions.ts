/**
 * Transactions on one partition, as Kafka's ProducerStateManager and UnifiedLog keep them: which
 * producers have a transaction open here (from the offset of its first batch), the last stable
 * offset (LSO) that read_committed readers stop at, and the search of the aborted-transaction
 * indexes (txn-index.ts) that a read_committed fetch answers with.
 *
 * The LSO is the first offset of the earliest transaction that is not decided *durably*: one still
 * open, or one whose marker is appended but not yet durable (Kafka's "unreplicated" transactions;
 * here the marker is below the high watermark only once synced). A reader given data of a
 * transaction whose marker a power cut could still take back might see records that are later
 * aborted. Never above the high watermark, never below the log start offset.
 */
import { BATCH_HEADER_SIZE, ControlRecordType, LOG_OVERHEAD, decodeControlKey, decodeEndTxnMarkerValue, decodeRecords, readBatchHeader } from '@sluice/protocol';
import type { Segment } from './segment.ts';
import type { AbortedTransaction } from './txn-index.ts';

/** A transaction closed by a marker on this partition (Kafka's CompletedTxn). */
export interface CompletedTxn {
  producerId: bigint;
  firstOffset: bigint;
  /** The marker's offset. */
  lastOffset: bigint;
  isAborted: boolean;
  /** The LSO right after the marker, ignoring durability (what the txnindex entry records). */
  lastStableOffset: bigint;
}

/** The open transactions of a partition by producer id, with the offset of each one's first batch. */
export class OngoingTransactions {
  private readonly byProducer = new Map<bigint, bigint>();

  get size(): number {
    return this.byProducer.size;
  }

  set(producerId: bigint, firstOffset: bigint | null): void {
    if (firstOffset === null) this.byProducer.delete(producerId);
    else this.byProducer.set(producerId, firstOffset);
  }

  has(producerId: bigint): boolean {
    return this.byProducer.has(producerId);
  }

  /** The first offset of the earliest open transaction (of any producer but `except`), or null. */
  firstOffset(except?: bigint): bigint | null {
    let first: bigint | null = null;
    for (const [id, offset] of this.byProducer) if (id !== except && (first === null || offset < first)) first = offset;
    return first;
  }

  clear(): void {
    this.byProducer.clear();
  }
}

/** `max(logStart, min(highWatermark, firstUnstable))`, firstUnstable null when every transaction is decided. */
export function lastStableOffset(logStartOffset: bigint, highWatermark: bigint, firstUnstable: bigint | null): bigint {
  const bound = firstUnstable !== null && firstUnstable < highWatermark ? firstUnstable : highWatermark;
  return bound < logStartOffset ? logStartOffset : bound;
}

/**
 * Kafka's LocalLog.collectAbortedTransactions: the aborted transactions overlapping
 * [fetchOffset, upperBound), from the index of the segment holding `fetchOffset` on, walking later
 * segments until an entry shows the search complete (a transaction aborted in a later segment may
 * have started in the range).
 */
export function collectAbortedTransactions(segments: readonly Segment[], first: number, fetchOffset: bigint, upperBound: bigint): AbortedTransaction[] {
  const out: AbortedTransaction[] = [];
  for (let i = Math.max(0, first); i < segments.length; i++) {
    if (segments[i].txnIndex.collect(fetchOffset, upperBound, out)) break;
  }
  return out;
}

/**
 * The marker held by a control batch (the whole batch), or null for an empty control batch (a
 * compaction leftover) or one of a type that is not a transaction marker.
 */
export function readMarker(batch: Buffer): { commit: boolean; coordinatorEpoch: number } | null {
  const header = readBatchHeader(batch);
  if (header.recordCount < 1) return null;
  const [record] = decodeRecords(header, batch.subarray(BATCH_HEADER_SIZE, header.batchLength + LOG_OVERHEAD));
  const key = decodeControlKey(record.key);
  if (key.type !== ControlRecordType.Abort && key.type !== ControlRecordType.Commit) return null;
  return { commit: key.type === ControlRecordType.Commit, coordinatorEpoch: decodeEndTxnMarkerValue(record.value).coordinatorEpoch };
}
