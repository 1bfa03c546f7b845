// The repository stands on its own: what a clone holds points at nothing outside it. Its
// Markdown links name files inside it, no file names a path of the machine it was written on
// outside the clone (issue 14 found the README linking to ../shared/DESIGN.md), and no file
// names the host of a package registry: tools fetch from the source they are configured for.
// The registry hosts are asked of the tools themselves (npm's registry, Go's GOPROXY), so
// that this test does not name them either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import { repoRoot, requireGo } from '@sluice/test-kit';

/** Tracked files with their text; binary files (a NUL byte) are left out. */
const files = execFileSync('git', ['ls-files', '-z'], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26 })
  .split('\0')
  .filter((f) => f !== '' && existsSync(join(repoRoot, f)))
  .map((path) => ({ path, text: readFileSync(join(repoRoot, path), 'utf8') }))
  .filter((f) => !f.text.includes('\0'));

/** Relative link targets in Markdown (`[text](target)` and `![alt](target)`), anchors dropped. */
function relativeLinks(markdown: string): string[] {
  const targets = [...markdown.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#')).map((t) => decodeURIComponent(t.split('#')[0])).filter((t) => t !== '');
}

/** The hosts of a list of URLs, as npm and Go print their sources; words such as `direct` and
 * `off` (GOPROXY's) are not hosts. */
function hostsOf(urls: string): string[] {
  return urls
    .split(/[,|\s]+/)
    .filter((u) => /^https?:\/\//.test(u))
    .map((u) => new URL(u).hostname);
}

test('the link reader finds relative links and leaves addresses and anchors alone', () => {
  const md = '[a](docs/a.md) [b](../b.md#x "title") ![c](img/c.png) [d](https://example.test/d) [e](#section) [f](mailto:x@y)';
  assert.deepEqual(relativeLinks(md), ['docs/a.md', '../b.md', 'img/c.png']);
});

test('every relative link in a Markdown file names a file inside the repository', () => {
  const markdown = files.filter((f) => f.path.endsWith('.md'));
  assert.ok(markdown.length > 20, `only ${markdown.length} Markdown files found`);
  const broken: string[] = [];
  for (const { path, text } of markdown) {
    for (const target of relativeLinks(text)) {
      const resolved = normalize(join(dirname(path), target));
      if (resolved === '..' || resolved.startsWith(`..${sep}`)) broken.push(`${path}: ${target} leaves the repository`);
      else if (!existsSync(join(repoRoot, resolved))) broken.push(`${path}: ${target} does not exist`);
    }
  }
  assert.deepEqual(broken, []);
});

test('no file names a path of this machine outside the clone', (t) => {
  // The folder the clone sits in, as an absolute path: anything beneath it but outside the clone
  // (a sibling checkout, shared reference files) is somewhere a fresh clone does not have.
  const parent = dirname(repoRoot);
  if (parent === sep) {
    t.diagnostic('the clone sits at the top of the file system: no folder beside it to name');
    return;
  }
  // A clone made in the system's temporary folder (as a CI job may make it) sits beside
  // everything else there, and the suites name example paths such as /tmp/x in their texts:
  // there the check would only find those. It holds wherever the clone sits in a folder of its own.
  if (realpathSync(parent) === realpathSync(tmpdir())) {
    t.diagnostic(`the clone sits in the temporary folder ${parent}: no workspace beside it to name`);
    return;
  }
  const outside = `${parent}${sep}`;
  const clone = `${repoRoot}${sep}`;
  const named = files.filter((f) => f.text.split(clone).join('').includes(outside)).map((f) => f.path);
  assert.deepEqual(named, [], `these name ${outside}… (relative paths inside the repository instead)`);
});

test("no file names the host of npm's registry or of Go's module proxy", () => {
  requireGo();
  const npmRegistry = execFileSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' });
  const goProxy = execFileSync('go', ['env', 'GOPROXY'], { encoding: 'utf8' });
  const hosts = [...new Set([...hostsOf(npmRegistry), ...hostsOf(goProxy)])];
  assert.ok(hostsOf(npmRegistry).length === 1, `npm names no registry: ${npmRegistry}`);
  for (const host of hosts) {
    const naming = files.filter((f) => f.text.toLowerCase().includes(host.toLowerCase())).map((f) => f.path);
    assert.deepEqual(naming, [], `a registry's host is named in the repository; ask the tool for its configured source instead`);
  }
});
