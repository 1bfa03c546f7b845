/**
 * Results for MATRIX.md: with SLUICE_COMPAT_RESULTS=<folder>, each compat suite writes
 * `<folder>/<name>.json` when it ends; tests/compat/matrix.ts renders them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
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

/**
 * A suite of our own scenarios against one client: `scenario` registers each as a node:test test,
 * and `write` (called from after()) records which passed. A scenario that never ended counts as
 * failed, so a suite cut short cannot look green in MATRIX.md.
 */
export function scenarioSuite(name: string, meta: Pick<SuiteResult, 'suite' | 'version' | 'findings'>) {
  const registered: string[] = [];
  const passed = new Set<string>();
  return {
    scenario(title: string, body: () => Promise<void>): void {
      registered.push(title);
      test(title, { timeout: 180_000 }, async () => {
        await body();
        passed.add(title);
      });
    },
    write(): void {
      const result: SuiteResult = {
        ...meta,
        brokerTests: registered.length,
        allowListed: registered.length,
        passed: registered.filter((t) => passed.has(t)),
        failed: registered.filter((t) => !passed.has(t)),
      };
      writeResults(name, result);
    },
  };
}
