/**
 * `compaction.manifest`: present only while a compaction's swap is being committed; it lists the
 * base offsets of the segments being replaced, so recovery can finish a swap a crash interrupted.
 * Unreadable, it was never committed (it is written atomically) and is ignored.
 * Version 0 (before versions) was the bare array of bases; version 1 is `{"version":1,"bases":[...]}`.
 */
import { type StateFileFormat, offsetField } from './state-file.ts';

export const COMPACTION_MANIFEST: StateFileFormat<bigint[]> = {
  name: 'compaction.manifest',
  version: 1,
  whenNewer: 'Start the newer Sluice again to finish the compaction it started; this Sluice cannot tell which segment files are current.',
  decode(version, json) {
    const bases = version === 0 ? json : (json as { bases?: unknown }).bases;
    return Array.isArray(bases) ? bases.map(offsetField) : null;
  },
  encode: (bases) => ({ bases: bases.map(String) }),
};
