#!/usr/bin/env node
// Builds every package's `src/` into `dist/` (JavaScript, declarations, source maps) with tsc and
// its `tsconfig.build.json`, a package only after the packages it depends on, since it type-checks
// against their declarations as a user's project would. Packages whose dependencies are all built
// are built side by side. Also copies the repository's LICENSE into each package so `npm pack`
// includes it. See docs/decisions/007-packages-build-to-dist.md.
// `node scripts/build.mjs` builds all; `node scripts/build.mjs client` builds client and what it needs.
import { copyFileSync, readdirSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
// typescript's `exports` do not name its bin; the file sits beside its package.json.
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

const packages = new Map();
for (const dir of readdirSync(join(root, 'packages'))) {
  const manifestPath = join(root, 'packages', dir, 'package.json');
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // A private package (the test kit) serves only this repository's suites, from its sources.
  if (manifest.private) continue;
  const needs = Object.keys(manifest.dependencies ?? {}).filter((d) => d.startsWith('@sluice/')).map((d) => d.slice('@sluice/'.length));
  packages.set(dir, needs);
}

const wanted = new Set();
const want = (name) => {
  if (!packages.has(name)) throw new Error(`build: no package '${name}' under packages/`);
  if (wanted.has(name)) return;
  wanted.add(name);
  for (const n of packages.get(name)) want(n);
};
const asked = process.argv.slice(2);
for (const name of asked.length > 0 ? asked : packages.keys()) want(name);

function build(name) {
  const dir = join(root, 'packages', name);
  rmSync(join(dir, 'dist'), { recursive: true, force: true }); // no output of deleted sources left behind
  copyFileSync(join(root, 'LICENSE'), join(dir, 'LICENSE'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', join(dir, 'tsconfig.build.json')], { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`build: tsc failed for packages/${name} (exit ${code})`))));
  }).then(() => declarationsNameJavaScript(join(dir, 'dist')));
}

// The sources import each other as `./x.ts`, so that Node runs them by stripping their types;
// tsc's rewriteRelativeImportExtensions turns those into `./x.js` in the JavaScript it emits but
// leaves them as written in the declarations. A user's TypeScript older than 5.7, or one without
// allowImportingTsExtensions, would not follow `./x.ts` to `./x.d.ts`: name the `.js` there too.
const RELATIVE_TS = /((?:from|import\(?|declare module)\s*['"])(\.\.?\/[^'"]*?)\.ts(['"])/g;
function declarationsNameJavaScript(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const named = text.replace(RELATIVE_TS, '$1$2.js$3');
    if (named !== text) writeFileSync(file, named);
  }
}

const built = new Set();
try {
  while (built.size < wanted.size) {
    const ready = [...wanted].filter((n) => !built.has(n) && packages.get(n).every((d) => built.has(d)));
    if (ready.length === 0) throw new Error(`build: the packages depend on each other in a cycle: ${[...wanted].filter((n) => !built.has(n)).join(', ')}`);
    await Promise.all(ready.map(build));
    for (const n of ready) built.add(n);
  }
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
console.log(`built ${[...built].join(', ')}`);
