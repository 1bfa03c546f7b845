// Keeps the package dependency direction of docs/architecture.md ("Layers"): protocol ← storage
// ← broker, protocol ← client ← streams, connect-api ← connect (which also uses the client); cli on
// top (the table also places console, which is not a package of the repository, so one added
// under that name keeps these rules);
// config (the settings' definitions) at the bottom beside protocol, usable by every package. A
// package may import only the packages listed for it here, through their package names, never
// through relative paths that leave the package. Nothing else in the repository (tests, bench,
// examples, scripts, a package's own tests) may reach into a package by path either, and the
// test kit (@sluice/test-kit) is for tests only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve, relative, dirname, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const packagesDir = join(root, 'packages');

export const ALLOWED: Record<string, readonly string[]> = {
  config: [],
  protocol: [],
  storage: ['config', 'protocol'],
  broker: ['config', 'protocol', 'storage'],
  client: ['config', 'protocol'],
  streams: ['config', 'protocol', 'client'],
  // Kafka Connect's contract (Kafka's connect-api): what a connector, converter or transform is
  // written against, so a plugin needs neither the client nor the runtime.
  'connect-api': ['config'],
  connect: ['config', 'protocol', 'client', 'connect-api'],
  console: ['config', 'protocol', 'storage', 'broker', 'client', 'streams', 'connect-api', 'connect'],
  cli: ['config', 'protocol', 'storage', 'broker', 'client', 'streams', 'connect-api', 'connect', 'console'],
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
      if (target === 'test-kit' && pkg !== 'test-kit') {
        problems.push(`${where} imports @sluice/test-kit, which is for tests only; a package's src/ may not use it`);
      } else if (target !== pkg && !allowed.includes(target)) {
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

/** The package folder a path lies in (`packages/<name>/…`), or null outside packages/. */
function packageOf(path: string): string | null {
  const parts = relative(packagesDir, path).split(sep);
  return parts[0] && parts[0] !== '..' && parts.length > 1 ? parts[0] : null;
}

/**
 * Imports from anywhere in the repository (a package's tests or tools, tests/, bench/, examples/,
 * scripts/) that reach into another package's folder by a relative path, or into its src/ or
 * test/ through its name: both bypass the package's exports, which are its contract.
 */
export function pathViolations(file: string, source: string): string[] {
  const problems: string[] = [];
  const where = relative(root, file);
  const own = packageOf(file);
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const target = packageOf(resolve(dirname(file), spec));
      // A package that does not exist is a false match (the generator's templates of imports).
      if (target !== null && target !== own && existsSync(join(packagesDir, target))) {
        problems.push(`${where} reaches into packages/${target} with '${spec}'; import @sluice/${target} (or @sluice/test-kit) by name`);
      }
    } else if (/^@sluice\/[^/]+\/(src|test)(\/|$)/.test(spec)) {
      problems.push(`${where} imports '${spec}', a package's inside; import what its exports offer`);
    }
  }
  return problems;
}

/** Every source file of the repository outside node_modules, dist/ and build output. */
function repositorySources(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'dist' || name === 'target' || name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(path);
    }
  };
  for (const top of ['packages', 'tests', 'bench', 'examples', 'scripts']) walk(join(root, top));
  return out;
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

test('nothing reaches into another package by path, from anywhere in the repository', () => {
  const problems: string[] = [];
  const self = fileURLToPath(import.meta.url); // its fixture strings below are meant to fail
  for (const file of repositorySources().filter((f) => f !== self)) problems.push(...pathViolations(file, readFileSync(file, 'utf8')));
  assert.deepEqual(problems, []);
});

test('the path check catches a reach into another package and lets the rest through', () => {
  const inTests = join(root, 'tests', 'broker', 'x.test.ts');
  assert.equal(pathViolations(inTests, "import { startBroker } from '../../packages/broker/src/index.ts';").length, 1);
  assert.equal(pathViolations(inTests, "import { RawConnection } from '../../packages/broker/test/support.ts';").length, 1);
  assert.equal(pathViolations(inTests, "const m = await import('../../packages/protocol/src/records/batch.ts');").length, 1);
  assert.equal(pathViolations(inTests, "import { x } from '@sluice/broker/src/core.js';").length, 1);
  assert.equal(pathViolations(inTests, "import { startBroker } from '@sluice/broker';").length, 0);
  assert.equal(pathViolations(inTests, "import { freePort } from '@sluice/test-kit';").length, 0);
  assert.equal(pathViolations(inTests, "import { x } from '../support/x.ts';").length, 0);
  const inClientTests = join(packagesDir, 'client', 'test', 'x.test.ts');
  assert.equal(pathViolations(inClientTests, "import { startBroker } from '../../broker/src/index.ts';").length, 1);
  assert.equal(pathViolations(inClientTests, "import { Random } from '../../protocol/test/support/schema.ts';").length, 1);
  assert.equal(pathViolations(inClientTests, "import { Consumer } from '../src/consumer.ts';").length, 0);
  const inBench = join(root, 'bench', 'groups', 'run.ts');
  assert.equal(pathViolations(inBench, "import { RawConnection } from '../../packages/broker/test/support.ts';").length, 1);
});

test('no package may use the test kit from its src/', () => {
  const file = join(packagesDir, 'broker', 'src', 'x.ts');
  const found = violations('broker', file, "import { freePort } from '@sluice/test-kit';");
  assert.equal(found.length, 1);
  assert.match(found[0], /for tests only/);
  assert.equal(violations('test-kit', join(packagesDir, 'test-kit', 'src', 'x.ts'), "import { startBroker } from '@sluice/broker';").length, 0);
});

test('the check itself catches a wrong-way import', () => {
  const file = join(packagesDir, 'client', 'src', 'x.ts');
  assert.equal(violations('client', file, "import { startBroker } from '@sluice/broker';").length, 1);
  assert.equal(violations('client', file, "export * from '../../broker/src/index.ts';").length, 1);
  assert.equal(violations('client', file, "const m = await import('@sluice/storage');").length, 1);
  assert.equal(violations('client', file, "import { encode } from '@sluice/protocol';").length, 0);
  assert.equal(violations('client', file, "import { x } from './y.ts';").length, 0);
});
