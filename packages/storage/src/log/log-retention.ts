/**
 * Removing records from a partition log: from the front (retention by time and size, DeleteRecords
 * moving the log start offset) and from the end (truncation). It owns the rules for which segments
 * may go — never the active one while appends are in flight, never data above the high watermark —
 * and keeps the log start offset file. It waits on the writer (appends in flight) but changes
 * nothing of its bookkeeping.
 *
 * Transactions: a segment's aborted-transaction index goes with it; a transaction still open whose
 * first batch retention removed keeps holding the last stable offset, at the log start (as in
 * Kafka). A truncation may cut markers away and so reopen the transactions they closed: producer
 * state and the indexes are then rebuilt from what the log still holds (replay.ts), a scan of the
 * log that truncations, rare on one node, can afford.
 */
import { BATCH_HEADER_SIZE, LOG_OVERHEAD, Offsets } from '@sluice/protocol';
import { OffsetOutOfRangeError, StorageError } from '../errors.ts';
import { LOG_START_OFFSET } from '../state-files/offset-files.ts';
import { writeStateFile } from '../state-files/state-file.ts';
import type { LogState } from './log-state.ts';
import type { LogWriter } from './log-writer.ts';
import type { ProducerStateManager } from './producer-state.ts';
import { rebuildFromLog } from './replay.ts';
import type { Segment } from './segment.ts';

/** Retention, DeleteRecords and truncation of one partition's log; see the top of this file. */
export class LogRetention {
  private readonly state: LogState;
  private readonly writer: LogWriter;
  private readonly producers: ProducerStateManager;

  constructor(state: LogState, writer: LogWriter, producers: ProducerStateManager) {
    this.state = state;
    this.writer = writer;
    this.producers = producers;
  }

  /** Moves the log start offset forward (DeleteRecords) and removes segments wholly below it. */
  async deleteRecordsBefore(offset: bigint): Promise<bigint> {
    if (offset > this.state.highWatermark) throw new OffsetOutOfRangeError(`Cannot delete records before ${offset}: the high watermark is ${this.state.highWatermark}`);
    if (offset <= this.state.logStartOffset) return this.state.logStartOffset;
    this.state.logStartOffset = offset;
    await writeStateFile(this.state.cache.fs, this.state.dir, LOG_START_OFFSET, offset);
    await this.deleteSegments((s, next) => next !== undefined && next.baseOffset <= offset);
    this.writer.announceLastStableOffset();
    return this.state.logStartOffset;
  }

  /**
   * Deletes old segments, oldest first, while `shouldDelete(segment, nextSegment)` holds. The
   * active segment is rolled first if it would be deleted, so the log always has one.
   */
  async deleteSegments(shouldDelete: (s: Segment, next: Segment | undefined) => boolean): Promise<number> {
    let count = 0;
    while (this.state.segments.length > 0) {
      const s = this.state.segments[0];
      const next = this.state.segments[1];
      if (!shouldDelete(s, next)) break;
      if (next === undefined) {
        if (s.size === 0 || this.writer.hasPending) break;
        this.writer.roll();
      }
      this.state.segments.shift();
      this.state.hwPosition.delete(s);
      if (this.state.logStartOffset < this.state.segments[0].baseOffset) {
        this.state.logStartOffset = this.state.segments[0].baseOffset;
      }
      await this.state.removeSegmentFiles(s);
      count++;
    }
    if (count > 0) {
      await this.state.cache.fs.syncDir(this.state.dir);
      this.writer.announceLastStableOffset();
    }
    return count;
  }

  /** Retention by time and size (cleanup.policy=delete): returns how many segments went. */
  async applyRetention(): Promise<number> {
    if (!this.state.config.cleanupPolicy.delete) return 0;
    const nowMs = BigInt(this.state.now());
    let deleted = 0;
    const { retentionMs, retentionBytes } = this.state.config;
    if (retentionMs >= 0 && Number.isFinite(retentionMs)) {
      const expired = (s: Segment) => s.size > 0 && s.maxTimestamp >= 0n && s.maxTimestamp < nowMs - BigInt(retentionMs) && s.nextOffset <= this.state.highWatermark;
      deleted += await this.deleteSegments((s, next) => {
        if (s.size > 0 || next === undefined) return expired(s);
        // A segment compaction emptied has no timestamp to expire by: it goes with the first
        // segment holding records after it, so it never holds back the retention of later ones.
        const following = this.state.segments.find((x) => x.baseOffset > s.baseOffset && x.size > 0);
        return following !== undefined && expired(following);
      });
    }
    if (retentionBytes >= 0) {
      let size = this.state.size;
      deleted += await this.deleteSegments((s, next) => {
        if (next === undefined || size - s.size < retentionBytes) return false;
        size -= s.size;
        return true;
      });
    }
    return deleted;
  }

  /** Truncates the log back to `offset` (everything at or after it goes). */
  async truncateTo(offset: bigint): Promise<void> {
    await this.writer.settlePending();
    if (offset >= this.state.logEndOffset) return;
    let removed = 0;
    while (this.state.segments.length > 1 && this.state.activeSegment.baseOffset >= offset) {
      const s = this.state.segments.pop()!;
      this.state.hwPosition.delete(s);
      await this.state.removeSegmentFiles(s);
      removed++;
    }
    // The removals must be durable before the log goes on: after a power cut, a removed segment
    // whose unlink was not synced comes back with the truncated records in it.
    if (removed > 0) await this.state.cache.fs.syncDir(this.state.dir);
    const s = this.state.activeSegment;
    const position = await this.positionOf(s, offset);
    s.truncateIndexes(offset, position);
    s.nextOffset = offset;
    this.state.hwPosition.set(s, position);
    await s.truncateFile(position);
    this.state.logEndOffset = offset;
    if (this.state.highWatermark > offset) this.state.highWatermark = offset;
    if (this.state.logStartOffset > offset) this.state.logStartOffset = offset;
    // A log no producer ever wrote to (no producer state) has nothing to rebuild: no scan.
    if (this.producers.size > 0) await rebuildFromLog(this.state, this.producers, offset);
    this.writer.announceLastStableOffset();
  }

  /** Position of the batch starting at `offset` in `segment` (its end if none does). */
  private async positionOf(segment: Segment, offset: bigint): Promise<number> {
    let p = segment.positionBefore(offset);
    const end = segment.size;
    while (p + LOG_OVERHEAD <= end) {
      const head = await segment.read(p, BATCH_HEADER_SIZE);
      if (head.length < BATCH_HEADER_SIZE) break;
      const base = head.readBigInt64BE(Offsets.baseOffset);
      if (base >= offset) return p;
      const last = base + BigInt(head.readInt32BE(Offsets.lastOffsetDelta));
      if (last >= offset) throw new StorageError('STORAGE_INVALID_TRUNCATION', `Cannot truncate to ${offset}: it lies inside the batch ${base}-${last}`);
      p += head.readInt32BE(Offsets.batchLength) + LOG_OVERHEAD;
    }
    return Math.min(p, end);
  }
}
