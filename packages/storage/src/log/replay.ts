/**
 * Rebuilding producer state and the aborted-transaction indexes from the log itself, batch by
 * batch: after an unclean stop (recovery.ts) and after a truncation cut markers or transactional
 * batches away (log-retention.ts). The markers in the log are the truth: each opens nothing,
 * closes the producer's open transaction, and an ABORT that closes one adds its entry to the
 * index of the segment holding it, with the last stable offset of that moment, as when it was
 * first appended.
 */
import { NO_PRODUCER_ID } from '@sluice/protocol';
import { StorageError } from '../errors.ts';
import type { LogState } from './log-state.ts';
import { type ProducerStateManager, lastSequence } from './producer-state.ts';
import { type ScannedBatch, scanSegment } from './scan.ts';
import type { Segment } from './segment.ts';

/** Applies one batch of `segment`, read from the log, to `producers` and the segment's txn index. */
export function replayBatch(producers: ProducerStateManager, segment: Segment, b: ScannedBatch, nowMs: number): void {
  if (b.producerId === NO_PRODUCER_ID) return;
  if (!b.isControl) {
    const batch = { producerId: b.producerId, epoch: b.producerEpoch, firstSeq: b.baseSequence, lastSeq: lastSequence(b.baseSequence, b.recordCount), timestamp: b.maxTimestamp, isTransactional: b.isTransactional };
    producers.record(batch, b.baseOffset, b.lastOffset, nowMs);
    return;
  }
  if (b.marker === null) return; // an empty control batch (a compaction leftover)
  // No checks: whatever was appended was accepted then (transaction version 0, the lenient rule).
  const marker = { producerId: b.producerId, producerEpoch: b.producerEpoch, coordinatorEpoch: b.marker.coordinatorEpoch, commit: b.marker.commit, transactionVersion: 0 };
  const { completed } = producers.applyMarker(marker, b.baseOffset, b.maxTimestamp, nowMs);
  if (completed?.isAborted) segment.txnIndex.append(completed);
}

/**
 * Rebuilds `producers` and every segment's txn index from the segments of an open log (after a
 * truncation at `cutAt`). A producer the log no longer shows (its batches compacted away, or below
 * the log start) keeps its batches below the cut and an open transaction that began below it,
 * and is forgotten when none of its batches is left, as before transactions.
 */
export async function rebuildFromLog(log: LogState, producers: ProducerStateManager, cutAt: bigint): Promise<void> {
  const before = new Map([...producers.entries()].map((e) => [e.producerId, e]));
  producers.clear();
  const now = log.now();
  for (const s of log.segments) {
    s.txnIndex.replaceAll([]);
    s.txnIndexPersisted = -1;
    const problem = await scanSegment(s, s.size, s.baseOffset, (b) => replayBatch(producers, s, b, now));
    if (problem !== null) throw new StorageError('STORAGE_CORRUPT', `Rebuilding producer state after a truncation of ${log.dir}: ${s.files.log} at byte ${problem.position}: ${problem.reason}`);
  }
  for (const [id, e] of before) {
    if (producers.get(id) !== undefined) continue;
    const batches = e.batches.filter((m) => m.lastOffset < cutAt);
    if (batches.length === 0) continue;
    const open = e.currentTxnFirstOffset !== null && e.currentTxnFirstOffset < cutAt ? e.currentTxnFirstOffset : null;
    producers.restore(id, { ...e, batches, currentTxnFirstOffset: open });
  }
}
