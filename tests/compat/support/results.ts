/**
 * Results for MATRIX.md: with SLUICE_COMPAT_RESULTS=<folder>, each compat suite writes
 * `<folder>/<name>.json` when it ends; tests/compat/matrix.ts renders them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteResult {
  suite: string;
  version: string;
  /** Tests the suite has that talk to a broker. */
  brokerTests: number;
  allowListed: number;
  passed: string[];
  failed: string[];
  /** Tests that failed once and were run again (see the suite's FINDINGS.md for why). */
  rerun?: string[];
  findings: string;
}

export function writeResults(name: string, data: unknown): void {
  const dir = process.env.SLUICE_COMPAT_RESULTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(data, null, 1));
}
