// Warnings about clients at a bounded rate: per kind, the first line at once, the rest counted
// and reported in one line when the interval ends (or on flush), on a manual clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualTimer } from '../../src/groups/timer.ts';
import { RateLimitedLog } from '../../src/network/rate-limited-log.ts';

function capture() {
  const lines: string[] = [];
  const errors: unknown[] = [];
  return { lines, errors, log: { warn: (m: string) => lines.push(m), error: (m: string, e?: unknown) => (lines.push(m), errors.push(e)) } };
}

test('90,000 warnings of one kind in an interval give two lines, and every one is counted', () => {
  const timer = new ManualTimer();
  const { lines, log } = capture();
  const warnings = new RateLimitedLog(log, timer, 10_000);
  for (let i = 0; i < 90_000; i++) warnings.warn('bad request', `closing 127.0.0.1:${i}: garbage`);
  assert.deepEqual(lines, ['closing 127.0.0.1:0: garbage']);
  timer.advance(10_000);
  assert.deepEqual(lines, ['closing 127.0.0.1:0: garbage', '89999 more bad request warnings in the last 10 s (not shown)']);
  // The next interval starts with the next warning, written at once.
  warnings.warn('bad request', 'closing 127.0.0.1:1: again');
  assert.equal(lines.at(-1), 'closing 127.0.0.1:1: again');
  timer.advance(10_000);
  assert.equal(lines.length, 3, 'no summary when nothing was held back');
});

test('kinds are limited separately, and flush reports what is still held back', () => {
  const timer = new ManualTimer();
  const { lines, errors, log } = capture();
  const warnings = new RateLimitedLog(log, timer, 10_000);
  warnings.warn('bad request', 'a');
  warnings.warn('refused connection', 'b');
  warnings.warn('bad request', 'c');
  const boom = new Error('boom');
  warnings.error('unexpected error', 'd', boom);
  warnings.error('unexpected error', 'e', new Error('again'));
  assert.deepEqual(lines, ['a', 'b', 'd']);
  assert.deepEqual(errors, [boom]);
  timer.advance(5_000);
  warnings.flush();
  assert.deepEqual(lines.slice(3).sort(), ['1 more bad request warning in the last 10 s (not shown)', '1 more unexpected error warning in the last 10 s (not shown)']);
  timer.advance(10_000);
  assert.equal(lines.length, 5, 'the flushed intervals do not report again');
});
