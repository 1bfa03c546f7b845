// What the packages' manifests promise, checked against what they depend on and against each
// other. Node versions: the published packages declare `engines.node` (what a user needs); the
// repository's root declares what developing it needs, which is more, since its development
// dependencies (@platformatic/kafka among them) ask for a newer Node 22 than the packages do. An
// `npm ci` on a Node the root admits must not warn that a dependency wants a newer one, the
// README must say what the root says, and every Node CI runs (.ci/node-versions) must satisfy
// every range. The rest: one version for every package, siblings depended on at exactly it, and
// the license, repository folder and description a registry shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@sluice/test-kit';

type Version = [number, number, number];

function parseVersion(text: string): Version {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new Error(`cannot read "${text}" as a version`);
  return [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** One comparator of npm's range syntax, as the lock file's `engines` use them. Anything else
 * (x-ranges, hyphen ranges, prereleases) throws, so that a new form is noticed, not passed. */
function satisfiesComparator(version: Version, comparator: string): boolean {
  const m = /^(>=|<=|>|<|=|\^|~)?(\d+(?:\.\d+){0,2})$/.exec(comparator);
  if (!m) throw new Error(`unsupported range comparator "${comparator}"`);
  const bound = parseVersion(m[2]);
  const c = compare(version, bound);
  switch (m[1] ?? '=') {
    case '>=': return c >= 0;
    case '>': return c > 0;
    case '<=': return c <= 0;
    case '<': return c < 0;
    case '=': return c === 0;
    case '^': return c >= 0 && (bound[0] > 0 ? version[0] === bound[0] : version[0] === 0 && version[1] === bound[1]);
    case '~': return c >= 0 && version[0] === bound[0] && version[1] === bound[1];
  }
  throw new Error(`unsupported operator in "${comparator}"`);
}

/** npm's `a || b`, each side comparators that must all hold (`>=1.2 <3`). */
function satisfies(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split(/\s+/).filter((c) => c !== '');
    if (comparators.length === 0) throw new Error(`empty alternative in range "${range}"`);
    return comparators.every((c) => satisfiesComparator(v, c));
  });
}

/** The least version a `>=X` range admits: the form our own package.json files use. */
function minimumOf(range: string): string {
  const m = /^>=\s*(\d+\.\d+(?:\.\d+)?)$/.exec(range.trim());
  assert.ok(m, `engines.node "${range}" is expected in the form >=X.Y`);
  return m[1];
}

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  engines: { node: string };
  license?: string;
  description?: string;
  repository?: { type?: string; url?: string; directory?: string };
  dependencies?: Record<string, string>;
}

const readJson = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), 'utf8'));
const root = readJson('package.json') as { engines: { node: string }; license: string };
const lock = readJson('package-lock.json') as { packages: Record<string, { engines?: { node?: string } | string[]; dev?: boolean; link?: boolean }> };
const ciNodes = readFileSync(join(repoRoot, '.ci', 'node-versions'), 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l !== '' && !l.startsWith('#'));
const published = readdirSync(join(repoRoot, 'packages'))
  .map((d) => ({ dir: d, manifest: readJson(`packages/${d}/package.json`) as Manifest }))
  .filter((p) => !p.manifest.private);

/** Every installed package's Node range from the lock file (some very old packages give
 * `engines` as an array of strings, which npm ignores). */
const lockedRanges = Object.entries(lock.packages).flatMap(([path, entry]) => {
  const node = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
  return path.startsWith('node_modules/') && node ? [{ path, range: node, dev: entry.dev === true }] : [];
});

test('the range check reads npm ranges as npm does', () => {
  assert.ok(satisfies('22.22.0', '>= 22.22.0 || >= 24.6.0'));
  assert.ok(!satisfies('22.15.0', '>= 22.22.0 || >= 24.6.0'));
  assert.ok(satisfies('24.0.0', '>=22.15'));
  assert.ok(satisfies('22.23.5', '^8.16.0 || ^10.6.0 || >=11.0.0'));
  assert.ok(!satisfies('9.0.0', '^8.16.0 || ^10.6.0 || >=11.0.0'));
  assert.ok(satisfies('0.10.5', '~0.10.0') && !satisfies('0.11.0', '~0.10.0'));
  assert.ok(satisfies('1.5.0', '>=1.2 <2') && !satisfies('2.0.0', '>=1.2 <2'));
  assert.ok(!satisfies('0.3.0', '^0.2.1') && satisfies('0.2.9', '^0.2.1'));
  assert.throws(() => satisfies('22.0.0', '22.x'), /unsupported range comparator "22.x"/);
});

test("the root's Node minimum satisfies every dependency's engines, so npm ci does not warn", () => {
  assert.ok(lockedRanges.length > 50, `only ${lockedRanges.length} engines ranges found in package-lock.json`);
  const least = minimumOf(root.engines.node);
  const refused = lockedRanges.filter((d) => !satisfies(least, d.range)).map((d) => `${d.path} wants node ${d.range}`);
  assert.deepEqual(refused, [], `package.json's engines.node (${root.engines.node}) admits Node ${least}, which these refuse; raise it`);
});

test("each published package's Node minimum satisfies its runtime dependencies' engines", () => {
  for (const { dir, manifest } of published) {
    const least = minimumOf(manifest.engines.node);
    // The repository runs what it publishes, so it never asks for less than a package does.
    assert.ok(compare(parseVersion(least), parseVersion(minimumOf(root.engines.node))) <= 0, `${manifest.name} needs more than package.json's engines.node`);
    // The lock marks what only development needs as dev; what is left is what the packages
    // bring into a user's project.
    const refused = lockedRanges.filter((d) => !d.dev && !satisfies(least, d.range)).map((d) => `${d.path} wants node ${d.range}`);
    assert.deepEqual(refused, [], `${manifest.name} declares node ${manifest.engines.node}`);
  }
});

test('every Node CI runs satisfies every range, and CI covers the LTS lines 22, 24 and 26', () => {
  assert.deepEqual(ciNodes.map((v) => parseVersion(v)[0]).sort(), [22, 24, 26]);
  for (const version of ciNodes) {
    const refused = [root.engines.node, ...published.map((p) => p.manifest.engines.node), ...lockedRanges.map((d) => d.range)].filter((r) => !satisfies(version, r));
    assert.deepEqual(refused, [], `Node ${version} from .ci/node-versions`);
  }
});

test("the README states the root's Node minimum for working in the repository, the packages' READMEs theirs", () => {
  const least = minimumOf(root.engines.node);
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const claims = [...readme.matchAll(/Node (\d+\.\d+)\+/g)].map((m) => m[1]);
  assert.ok(claims.length > 0, 'README.md names no "Node X.Y+" minimum');
  assert.deepEqual([...new Set(claims)], [least.replace(/\.0$/, '')], `README.md's Node minimum must be package.json's (${root.engines.node})`);
  for (const { dir, manifest } of published) {
    const text = readFileSync(join(repoRoot, 'packages', dir, 'README.md'), 'utf8');
    for (const m of text.matchAll(/Requires Node\.js (\d+\.\d+) or newer/g)) {
      assert.equal(m[1], minimumOf(manifest.engines.node).replace(/\.0$/, ''), `packages/${dir}/README.md`);
    }
  }
});

test('every package has one version, depends on its siblings at exactly it, and says what it is', () => {
  const versions = new Set(published.map((p) => p.manifest.version));
  assert.equal(versions.size, 1, `the packages' versions differ: ${[...versions].join(', ')}`);
  const [version] = versions;
  assert.match(version, /^\d+\.\d+\.\d+$/);
  for (const { dir, manifest } of published) {
    assert.equal(manifest.name, `@sluice/${dir}`);
    assert.equal(manifest.license, root.license, `${manifest.name}'s license`);
    assert.deepEqual(manifest.repository, { type: 'git', directory: `packages/${dir}` }, `${manifest.name}'s repository (docs/decisions/007: no url until there is a remote)`);
    assert.ok((manifest.description ?? '').length > 20, `${manifest.name} has no description`);
    for (const [dependency, wanted] of Object.entries(manifest.dependencies ?? {})) {
      if (dependency.startsWith('@sluice/')) assert.equal(wanted, version, `${manifest.name} depends on ${dependency}@${wanted}`);
    }
  }
  const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^Version ${version.replaceAll('.', '\\.')}\\b|^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm'), `CHANGELOG.md says nothing of version ${version}`);
});
