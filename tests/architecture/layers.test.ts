// Keeps the package dependency direction of docs/architecture.md ("Layers"): protocol ← storage
// ← broker, protocol ← client ← streams (and the planned connect); console and cli on top. A
// package may import only the packages listed for it here, through their package names, never
// through relative paths that leave the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, relative, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const packagesDir = join(root, 'packages');

export const ALLOWED: Record<string, readonly string[]> = {
  config: [],
  protocol: [],
  storage: ['config', 'protocol'],
  broker: ['config', 'protocol', 'storage'],
  client: ['config', 'protocol'],
  streams: ['config', 'protocol', 'client'],
  connect: ['config', 'protocol', 'client'],
  console: ['config', 'protocol', 'storage', 'broker', 'client', 'streams', 'connect'],
  cli: ['config', 'protocol', 'storage', 'broker', 'client', 'streams', 'connect', 'console'],
  // Test-only: this repository's suites use it; no package's src/ may (see below).
  'test-kit': ['protocol', 'storage', 'broker', 'client', 'streams'],
};

function sourceFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, out);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(path);
  }
  return out;
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) found.push(m[1] ?? m[2] ?? m[3]);
  return found;
}

export function violations(pkg: string, file: string, source: string): string[] {
  const allowed = ALLOWED[pkg];
  const problems: string[] = [];
  const pkgDir = join(packagesDir, pkg);
  for (const spec of importsOf(source)) {
    const where = relative(root, file);
    const named = /^@sluice\/([^/]+)/.exec(spec);
    if (named) {
      const target = named[1];
      if (target !== pkg && !allowed.includes(target)) {
        problems.push(`${where} imports @sluice/${target}, but ${pkg} may only depend on [${allowed.join(', ')}]`);
      }
    } else if (spec.startsWith('.')) {
      const target = resolve(dirname(file), spec);
      if (relative(pkgDir, target).startsWith('..')) {
        problems.push(`${where} reaches outside its package with '${spec}'; import the other package by name`);
      }
    }
  }
  return problems;
}

const packages = readdirSync(packagesDir).filter((p) => statSync(join(packagesDir, p)).isDirectory());

test('every package is placed in the layer table', () => {
  for (const pkg of packages) assert.ok(pkg in ALLOWED, `packages/${pkg} is not in the layer table of tests/architecture/layers.test.ts`);
});

for (const pkg of packages) {
  test(`packages/${pkg} imports only along the layer direction`, () => {
    const problems: string[] = [];
    for (const file of sourceFiles(join(packagesDir, pkg, 'src'))) {
      problems.push(...violations(pkg, file, readFileSync(file, 'utf8')));
    }
    const manifest = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8'));
    for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies })) {
      const m = /^@sluice\/(.+)$/.exec(dep);
      if (m && !(ALLOWED[pkg] ?? []).includes(m[1])) problems.push(`packages/${pkg}/package.json depends on ${dep}`);
    }
    assert.deepEqual(problems, []);
  });
}

test('the check itself catches a wrong-way import', () => {
  const file = join(packagesDir, 'client', 'src', 'x.ts');
  assert.equal(violations('client', file, "import { startBroker } from '@sluice/broker';").length, 1);
  assert.equal(violations('client', file, "export * from '../../broker/src/index.js';").length, 1);
  assert.equal(violations('client', file, "const m = await import('@sluice/storage');").length, 1);
  assert.equal(violations('client', file, "import { encode } from '@sluice/protocol';").length, 0);
  assert.equal(violations('client', file, "import { x } from './y.js';").length, 0);
});
