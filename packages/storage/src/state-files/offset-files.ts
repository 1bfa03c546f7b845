/**
 * The two one-offset files of a partition folder:
 * - `recovery-point`: the offset below which every segment is complete and synced (written after
 *   each roll); recovery scans only what lies past it for a torn tail.
 * - `log-start-offset`: the log start offset once DeleteRecords moved it past the first segment's
 *   base offset.
 * Version 0 (before versions) was the decimal offset and a newline; version 1 is
 * `{"version":1,"offset":"<decimal>"}`.
 */
import { type StateFileFormat, offsetField } from './state-file.ts';

function offsetFile(name: string, whenNewer: string): StateFileFormat<bigint> {
  return {
    name,
    version: 1,
    whenNewer,
    decode(version, json, text) {
      if (version === 0) {
        const trimmed = text.trim();
        return /^\d+$/.test(trimmed) ? BigInt(trimmed) : null;
      }
      const offset = offsetField((json as { offset?: unknown }).offset);
      return offset >= 0n ? offset : null;
    },
    encode: (offset) => ({ offset: offset.toString() }),
  };
}

export const RECOVERY_POINT = offsetFile(
  'recovery-point',
  'Start the newer Sluice again, or remove this file to have this Sluice scan the whole partition for damage on its next start (slower, nothing is lost).',
);

export const LOG_START_OFFSET = offsetFile(
  'log-start-offset',
  'Start the newer Sluice again. Removing this file would make records deleted with DeleteRecords readable again.',
);
