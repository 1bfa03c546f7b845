#!/usr/bin/env node
// Runs every `*.test.ts` under packages/*/test and tests/ through node:test; Node runs the
// TypeScript itself by stripping its types (docs/decisions/007), with no loader.
// The list is built here so that the arguments can pick files by any part of their path.
// Arguments narrow the run: `node scripts/run-tests.mjs protocol storage` runs those packages.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function collect(dir, out) {
  let entries;
  try { entries = readdirSync(dir); } catch { return out; }
  for (const name of entries) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out);
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, 'packages'))) collect(join(root, 'packages', pkg, 'test'), files);
collect(join(root, 'tests'), files);
// The cross-package suites (tests/) first, the packages' unit tests after them: the runner runs
// files in parallel, and ending on many short files keeps both lanes busy to the end.
const suiteFirst = (f) => (f.startsWith('tests/') ? 0 : 1);
const selected = files
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort((a, b) => suiteFirst(a) - suiteFirst(b) || (a < b ? -1 : a > b ? 1 : 0));
if (selected.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}
// `sluice:source` makes @sluice/* resolve to their TypeScript sources rather than to dist/
// (docs/decisions/007). NODE_OPTIONS carries it to the processes the tests start, such as the
// `sluice` command, which then runs the sources too.
const sourceCondition = '--conditions=sluice:source';
// Two files at a time (SLUICE_TEST_CONCURRENCY overrides): most of a suite's time is spent waiting
// on brokers, JVMs and timeouts, so a second lane nearly halves the run even on two cores. Each
// file is its own process with its own brokers, ports and folders; what files share in ~/.cache
// (Maven builds, virtualenvs, Go binaries) is prepared under a lock (test-kit's withFileLock).
const concurrency = Number(process.env.SLUICE_TEST_CONCURRENCY ?? 2);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error(`SLUICE_TEST_CONCURRENCY must be a whole number of at least 1, not ${process.env.SLUICE_TEST_CONCURRENCY}`);
  process.exit(2);
}
const child = spawn(process.execPath, [sourceCondition, '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...selected], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, sourceCondition].filter(Boolean).join(' ') },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1));
