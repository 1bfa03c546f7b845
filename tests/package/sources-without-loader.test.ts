// The repository's TypeScript sources run on Node itself, with no loader: Node 22.18+ strips
// their types (they use only erasable syntax, which tsconfig's erasableSyntaxOnly keeps so, and
// import each other as `./x.ts`). The same app as the package test (project/app.mjs) imports the
// packages by name under the `sluice:source` condition, which points them at src/*.ts, and runs a
// broker, the client, streams and Connect from there, under each Node CI tests on
// (SLUICE_NODE_BINARIES, as in installed-packages.test.ts; else the Node running this test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { repoRoot } from '@sluice/test-kit';
import { runApp } from './app-run.ts';

const nodes = (process.env.SLUICE_NODE_BINARIES ?? process.execPath).split(delimiter).filter((p) => p !== '');

/** The environment without the test runner's NODE_OPTIONS, which registers tsx. */
function withoutLoader(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  return env;
}

for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  test(`Node ${version} runs the sources without a loader: a broker, the client, streams and Connect`, { timeout: 120_000 }, async () => {
    const env = withoutLoader();
    const features = execFileSync(node, ['-p', 'process.features.typescript'], { encoding: 'utf8', env }).trim();
    assert.equal(features, 'strip', `Node ${version} strips types by default`);
    await runApp({ node, args: ['--conditions=sluice:source', join('tests', 'package', 'project', 'app.mjs')], cwd: repoRoot, env, version });
  });

}
