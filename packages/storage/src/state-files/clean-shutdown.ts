/**
 * `.clean-shutdown`: written last by a clean close, removed at open before anything new is
 * written. It records every segment's size and bounds, so a clean start loads the indexes as they
 * were written instead of scanning every batch. Absent or unreadable, the log is scanned.
 * Version 0 (before versions) was the same object without `version`; version 1 adds only that;
 * version 2 adds each segment's `abortedTxns`, the entries of its `.txnindex`, so a clean start
 * reads only the `.txnindex` files that hold some (they are written only then, as Kafka does).
 */
import { type StateFileFormat, offsetField } from './state-file.ts';

export interface CleanSegment {
  baseOffset: bigint;
  /** Bytes of the .log file. */
  size: number;
  nextOffset: bigint;
  maxTimestamp: bigint;
  offsetOfMaxTimestamp: bigint;
  /**
   * Entries of the segment's .txnindex at close (0: no file needed). Undefined when read from a
   * version below 2, which does not say: recovery then reads the file, as those versions did.
   */
  abortedTxns?: number;
}

export interface CleanShutdown {
  logEndOffset: bigint;
  cleanerCheckpoint: bigint;
  segments: CleanSegment[];
}

interface SegmentFields {
  base: string;
  size: number;
  next: string;
  maxTimestamp: string;
  offsetOfMaxTimestamp: string;
  abortedTxns?: number;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

export const CLEAN_SHUTDOWN: StateFileFormat<CleanShutdown> = {
  name: '.clean-shutdown',
  version: 2,
  whenNewer: 'Start the newer Sluice again, or remove this file to have this Sluice scan the partition and rebuild its indexes (slower, nothing is lost).',
  decode(version, json) {
    // Versions 0 and 1 share their fields; version 2 adds abortedTxns.
    const raw = json as { logEndOffset: unknown; cleanerCheckpoint: unknown; segments: SegmentFields[] };
    if (!Array.isArray(raw.segments)) return null;
    return {
      logEndOffset: offsetField(raw.logEndOffset),
      cleanerCheckpoint: offsetField(raw.cleanerCheckpoint),
      segments: raw.segments.map((s) => {
        if (!isCount(s.size)) throw new TypeError('segment size');
        const segment: CleanSegment = { baseOffset: offsetField(s.base), size: s.size, nextOffset: offsetField(s.next), maxTimestamp: offsetField(s.maxTimestamp), offsetOfMaxTimestamp: offsetField(s.offsetOfMaxTimestamp) };
        if (version >= 2) {
          if (!isCount(s.abortedTxns)) throw new TypeError('segment abortedTxns');
          segment.abortedTxns = s.abortedTxns;
        }
        return segment;
      }),
    };
  },
  encode: (state) => ({
    logEndOffset: state.logEndOffset.toString(),
    cleanerCheckpoint: state.cleanerCheckpoint.toString(),
    segments: state.segments.map((s) => ({
      base: s.baseOffset.toString(),
      size: s.size,
      next: s.nextOffset.toString(),
      maxTimestamp: s.maxTimestamp.toString(),
      offsetOfMaxTimestamp: s.offsetOfMaxTimestamp.toString(),
      abortedTxns: s.abortedTxns ?? 0,
    })),
  }),
};
