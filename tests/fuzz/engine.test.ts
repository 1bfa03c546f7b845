// The fuzzer itself: coverage feedback takes it through four nested byte comparisons that random
// inputs would not pass (2^-32), and a failing input is saved and reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PropertyViolation, fuzz } from './engine/fuzzer.ts';
import { maze } from './engine/maze.ts';

test('coverage feedback leads the fuzzer through nested comparisons, and the input that fails is saved', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-fuzz-'));
  try {
    const run = fuzz(
      { name: 'maze', maxInputBytes: 16, batch: 64, covers: (url) => url.endsWith('/tests/fuzz/engine/maze.ts'), run: maze },
      { seed: 7, budgetMs: 120_000, maxExecutions: 200_000, seeds: [Buffer.from('abcd')], failureDir: dir },
    );
    const error = await run.then(
      () => assert.fail('the fuzzer did not find the input'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof PropertyViolation, String(error));
    assert.match(error.message, /found FUZZ/);
    const file = /reproducer written to (\S+)/.exec(error.message)![1];
    assert.ok(existsSync(file));
    const saved = readFileSync(file);
    assert.equal(saved.subarray(0, 4).toString(), 'FUZZ');
    assert.match(error.message, new RegExp(`hex: ${saved.toString('hex')}`));
    const executions = Number(/after (\d+) inputs/.exec(error.message)![1]);
    console.log(`found after ${executions} inputs`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
