/**
 * What the parts of one partition's log share: its folder, its settings, its segments and its
 * offsets (log start, log end, high watermark, recovery point, cleaner checkpoint), and where the
 * readable data ends in each segment. It holds data and lookups, no policy: the writer
 * (log-writer.ts), reader (log-reader.ts), retention (log-retention.ts) and recovery
 * (recovery.ts) each own one way of changing or reading it, and PartitionLog composes them.
 * It imports none of them, so they depend on it and never on each other's internals.
 */
import type { EventEmitter } from 'node:events';
import type { FileCache } from '../file-cache.ts';
import { writeFileAtomic } from '../fs/types.ts';
import type { LogConfig } from '../topic-config.ts';
import { Segment } from './segment.ts';

export class LogState {
  segments: Segment[] = [];
  logStartOffset = 0n;
  /** The offset the next append gets. */
  logEndOffset = 0n;
  /** Readers see offsets below it: the end of the contiguous durable (or, under an interval policy, written) appends. */
  highWatermark = 0n;
  /** Offset from which the log has not been compacted yet (maintained by the cleaner). */
  cleanerCheckpoint = 0n;
  /** Offset below which all segments are complete and durable (persisted at each roll). */
  recoveryPoint = 0n;
  /** Set by close and abandon: no append is taken after it. */
  closed = false;
  /** Position in each segment up to which the data below the high watermark lies. */
  readonly hwPosition = new Map<Segment, number>();

  readonly dir: string;
  readonly cache: FileCache;
  public config: LogConfig;
  readonly now: () => number;
  /** The log's events ('highWatermark', 'rollback', 'writeFailed'), emitted by its parts. */
  readonly events: EventEmitter;

  constructor(dir: string, cache: FileCache, config: LogConfig, now: () => number, events: EventEmitter) {
    this.dir = dir;
    this.cache = cache;
    this.config = config;
    this.now = now;
    this.events = events;
  }

  get activeSegment(): Segment {
    return this.segments[this.segments.length - 1];
  }

  /** Bytes held by all segments. */
  get size(): number {
    let total = 0;
    for (const s of this.segments) total += s.size;
    return total;
  }

  newSegment(baseOffset: bigint): Segment {
    return new Segment(this.dir, baseOffset, this.cache, this.config.indexIntervalBytes, this.now());
  }

  /** Index of the segment holding `offset` (the last one starting at or below it), -1 if none. */
  segmentFor(offset: bigint): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].baseOffset <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  async removeSegmentFiles(s: Segment): Promise<void> {
    for (const path of [s.files.log, s.files.index, s.files.timeIndex, s.files.txnIndex]) {
      await this.cache.close(path);
      await this.cache.fs.remove(path);
    }
  }

  async persistIndexes(segment: Segment): Promise<void> {
    const fs = this.cache.fs;
    await writeFileAtomic(fs, segment.files.index, segment.encodeIndex());
    await writeFileAtomic(fs, segment.files.timeIndex, segment.encodeTimeIndex());
    // Written only for a segment with aborted transactions (created lazily, as Kafka does): the
    // clean-shutdown record carries each segment's count, and a clean start reads only the files
    // it says hold entries (recovery.ts). One cut to nothing is removed rather than left stale.
    // Entries are only ever added or cut, so an unchanged count is an unchanged file.
    if (segment.txnIndexPersisted !== segment.txnIndex.size) {
      if (segment.txnIndex.size > 0) await writeFileAtomic(fs, segment.files.txnIndex, segment.txnIndex.encode());
      else await fs.remove(segment.files.txnIndex);
      segment.txnIndexPersisted = segment.txnIndex.size;
    }
  }

  /** Sets the state recovery found: every segment's data readable. */
  restore(segments: Segment[], logStartOffset: bigint, cleanerCheckpoint: bigint, recoveryPoint: bigint): void {
    this.recoveryPoint = recoveryPoint;
    this.segments = segments;
    this.logEndOffset = segments[segments.length - 1].nextOffset;
    this.highWatermark = this.logEndOffset;
    this.logStartOffset = logStartOffset > segments[0].baseOffset ? logStartOffset : segments[0].baseOffset;
    this.cleanerCheckpoint = cleanerCheckpoint;
    for (const s of segments) this.hwPosition.set(s, s.size);
  }

  /** Replaces segments after compaction (see cleaner.ts). */
  replaceSegments(removed: Segment[], added: Segment[]): void {
    const kept = this.segments.filter((s) => !removed.includes(s));
    for (const r of removed) this.hwPosition.delete(r);
    for (const a of added) this.hwPosition.set(a, a.size);
    this.segments = [...kept, ...added].sort((a, b) => (a.baseOffset < b.baseOffset ? -1 : a.baseOffset > b.baseOffset ? 1 : 0));
  }
}
