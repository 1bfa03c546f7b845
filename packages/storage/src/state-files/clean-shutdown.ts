/**
 * `.clean-shutdown`: written last by a clean close, removed at open before anything new is
 * written. It records every segment's size and bounds, so a clean start loads the indexes as they
 * were written instead of scanning every batch. Absent or unreadable, the log is scanned.
 * Version 0 (before versions) was the same object without `version`; version 1 adds only that.
 */
import { type StateFileFormat, offsetField } from './state-file.js';

export interface CleanSegment {
  baseOffset: bigint;
  /** Bytes of the .log file. */
  size: number;
  nextOffset: bigint;
  maxTimestamp: bigint;
  offsetOfMaxTimestamp: bigint;
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
}

export const CLEAN_SHUTDOWN: StateFileFormat<CleanShutdown> = {
  name: '.clean-shutdown',
  version: 1,
  whenNewer: 'Start the newer Sluice again, or remove this file to have this Sluice scan the partition and rebuild its indexes (slower, nothing is lost).',
  decode(_version, json) {
    // Versions 0 and 1 share their fields.
    const raw = json as { logEndOffset: unknown; cleanerCheckpoint: unknown; segments: SegmentFields[] };
    if (!Array.isArray(raw.segments)) return null;
    return {
      logEndOffset: offsetField(raw.logEndOffset),
      cleanerCheckpoint: offsetField(raw.cleanerCheckpoint),
      segments: raw.segments.map((s) => {
        if (typeof s.size !== 'number' || !Number.isInteger(s.size) || s.size < 0) throw new TypeError('segment size');
        return { baseOffset: offsetField(s.base), size: s.size, nextOffset: offsetField(s.next), maxTimestamp: offsetField(s.maxTimestamp), offsetOfMaxTimestamp: offsetField(s.offsetOfMaxTimestamp) };
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
    })),
  }),
};
