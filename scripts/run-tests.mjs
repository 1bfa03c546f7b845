#!/usr/bin/env node
// Runs every `*.test.ts` under packages/*/test and tests/ through node:test with the tsx loader.
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
const selected = files
  .map((f) => relative(root, f))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (selected.length === 0) {
  console.error(`no test files match ${filters.join(' ')}`);
  process.exit(1);
}
// `sluice:source` makes @sluice/* resolve to their TypeScript sources rather than to dist/
// (docs/decisions/007). NODE_OPTIONS carries it to the processes the tests start, such as the
// `sluice` command, which then runs the sources too.
const sourceCondition = '--conditions=sluice:source';
const child = spawn(process.execPath, [sourceCondition, '--import', 'tsx', '--test', '--test-reporter=spec', ...selected], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, sourceCondition].filter(Boolean).join(' ') },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1));
