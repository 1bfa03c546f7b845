// The progress that long `sluice produce` and `sluice consume` runs write on stderr, on a clock
// the test moves (the commands themselves are tested in tests/e2e/cli-produce-consume.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROGRESS_EVERY_MS, Progress, progressInterval } from '../src/progress.ts';

function clocked(everyMs?: number) {
  let now = 1_000_000;
  const lines: string[] = [];
  const progress = new Progress({ everyMs, now: () => now, write: (line) => lines.push(line) });
  return { progress, lines, advance: (ms: number) => (now += ms) };
}

test('a line every 2 s while records flow, and a summary only after a long run', () => {
  assert.equal(PROGRESS_EVERY_MS, 2000);
  const { progress, lines, advance } = clocked(PROGRESS_EVERY_MS);
  let n = 0;
  const line = () => `done ${n}…`;
  for (; n < 10; n++) {
    progress.tick(line);
    advance(300);
  }
  // Ticks at 0, 300, …, 2700 ms: only the one at 2100 ms is 2 s after the start.
  assert.deepEqual(lines, ['done 7…\n']);
  advance(1_000); // 4000 ms: 1.9 s since the last report
  progress.tick(line);
  assert.equal(lines.length, 1);
  advance(500); // 4500 ms
  progress.tick(line);
  assert.deepEqual(lines, ['done 7…\n', 'done 10…\n']);
  progress.finish('all done.');
  assert.equal(lines.at(-1), 'all done.\n');
});

test('a short run stays quiet', () => {
  const { progress, lines, advance } = clocked(PROGRESS_EVERY_MS);
  for (let i = 0; i < 100; i++) {
    progress.tick(() => 'never');
    advance(10);
  }
  progress.finish('never');
  assert.deepEqual(lines, []);
});

test('SLUICE_PROGRESS_INTERVAL_MS sets the interval; 0 reports at every record', () => {
  assert.equal(progressInterval({}), 2000);
  assert.equal(progressInterval({ SLUICE_PROGRESS_INTERVAL_MS: '' }), 2000);
  assert.equal(progressInterval({ SLUICE_PROGRESS_INTERVAL_MS: '500' }), 500);
  assert.equal(progressInterval({ SLUICE_PROGRESS_INTERVAL_MS: '0' }), 0);
  assert.throws(() => progressInterval({ SLUICE_PROGRESS_INTERVAL_MS: 'soon' }), /SLUICE_PROGRESS_INTERVAL_MS must be a whole number/);
  assert.throws(() => progressInterval({ SLUICE_PROGRESS_INTERVAL_MS: '-1' }), /whole number/);
  const { progress, lines } = clocked(0);
  progress.tick(() => 'one');
  progress.tick(() => 'two');
  progress.finish('end');
  assert.deepEqual(lines, ['one\n', 'two\n', 'end\n']);
});
