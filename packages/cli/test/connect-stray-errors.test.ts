// The log lines `sluice connect` writes for an error no code caught (tests/connect/
// cli-connect-stray-errors runs the real process): what each says for reasons that are not
// Errors, Errors with causes or multi-line messages, and the rejection that ends the process only
// under --unhandled-rejections=strict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeUncaughtException, describeUnhandledRejection } from '../src/connect-stray-errors.ts';

test('an unhandled rejection: one ERROR line saying the worker goes on, then the stack with its causes', () => {
  const lines = describeUnhandledRejection(new Error('refresh failed', { cause: new RangeError('port out of range') })).split('\n');
  assert.match(lines[0], /^ERROR Unhandled promise rejection \(the worker goes on\): a promise was rejected and nothing waited for it\. Its stack runs through no plugin\.path module, so where it came from is not known: .* The rejection: Error: refresh failed$/);
  assert.match(lines[1], /^\s+at /);
  assert.ok(lines.some((l) => /\[cause\]: RangeError: port out of range/.test(l)), lines.join('\n'));
});

test('a rejection with no Error: its value as Node shows it, and that it has no stack', () => {
  assert.match(describeUnhandledRejection('timeout'), /The rejection: 'timeout' \(not an Error, so it has no stack; reject with an Error to learn where it came from\)$/);
  assert.match(describeUnhandledRejection(undefined), /The rejection: undefined \(not an Error/);
  assert.match(describeUnhandledRejection({ code: 503 }), /The rejection: \{ code: 503 \} \(not an Error/);
});

test('the exception that ends the process: one FATAL line naming it, whatever its message holds', () => {
  const line = describeUncaughtException(new TypeError('bad\n  value'), 'uncaughtException');
  assert.equal(line.includes('\n'), false);
  assert.match(line, /^FATAL Uncaught exception, thrown outside any call the worker makes .*; the worker exits: TypeError: bad value\. Its stack follows\./);
  assert.match(describeUncaughtException('boom', 'uncaughtException'), /the worker exits: 'boom'\./);
  assert.match(describeUncaughtException(new Error('x'), 'unhandledRejection'), /^FATAL Unhandled promise rejection, with --unhandled-rejections=strict; the worker exits: Error: x\./);
});

test("a rejection whose stack runs through no plugin.path folder is not blamed on a plugin (it may be the worker's own)", () => {
  const fromHere = new Error('worker bookkeeping failed');
  const plugins = [join(import.meta.dirname, 'no-plugin-here')];
  const line = describeUnhandledRejection(fromHere, plugins).split('\n')[0]!;
  assert.doesNotMatch(line, /plugin's code|in the plugin/);
  assert.match(line, /^ERROR Unhandled promise rejection \(the worker goes on\): a promise was rejected and nothing waited for it\. Its stack runs through no plugin\.path module, so where it came from is not known: the worker's own code, or a plugin's work whose stack was cut at an await\. The rejection: Error: worker bookkeeping failed$/);
  // The same error is the plugin's when this folder is a plugin's, named at its first frame there.
  const blamed = describeUnhandledRejection(fromHere, [import.meta.dirname]).split('\n')[0]!;
  assert.match(blamed, /It came from a plugin's code \(.*connect-stray-errors\.test\.ts:\d+:\d+\): await or catch that work in the plugin\./);
  // A folder that merely starts like a plugin's is not it.
  assert.doesNotMatch(describeUnhandledRejection(fromHere, [import.meta.dirname.slice(0, -2)]), /plugin's code/);
});

test('a plugin given as one module file is blamed only for frames in that file, not for the folder around it', () => {
  const fromHere = new Error('worker bookkeeping failed');
  const thisFile = fileURLToPath(import.meta.url);
  assert.match(describeUnhandledRejection(fromHere, [thisFile]), /It came from a plugin's code \(.*connect-stray-errors\.test\.ts:\d+:\d+\)/);
  assert.doesNotMatch(describeUnhandledRejection(fromHere, [join(import.meta.dirname, 'another-plugin.js')]), /plugin's code/);
});
