// The packages as a user gets them: `npm pack` each one, install the tarballs into a new project
// outside the repository (in the system's temporary folder, with no TypeScript loader and no TypeScript
// sources), and there run plain JavaScript against a broker, the client and streams
// (project/app.mjs), type-check a TypeScript file against the published declarations
// (project/api.ts) and run the installed `sluice` command.
//
// SLUICE_NODE_BINARIES (paths of `node` binaries, separated by ':') runs the installed project
// under each of them, as CI does for Node 22, 24 and 26 (.ci/fetch-node); without it, under the
// Node running this test. Third-party dependencies come from npm's configured registry, from its
// cache when they are there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { repoRoot } from '@sluice/test-kit';
import { runApp } from './app-run.ts';

const here = join(repoRoot, 'tests', 'package', 'project');
const nodes = (process.env.SLUICE_NODE_BINARIES ?? process.execPath).split(delimiter).filter((p) => p !== '');

/** The environment of a new user: no NODE_OPTIONS (the test runner's sluice:source condition
 * would point the packages at sources they do not ship), and NODE first on PATH. */
function userEnv(node = process.execPath): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ''}` };
  delete env.NODE_OPTIONS;
  return env;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { ...options, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function ok(result: Run, what: string): string {
  assert.equal(result.code, 0, `${what} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

interface PackedFile {
  path: string;
}

test('the packed packages install into a new project and work there without a TypeScript loader', { timeout: 15 * 60_000 }, async (t) => {
  const scratch = mkdtempSync(join(tmpdir(), 'sluice-package-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  const tarballs = join(scratch, 'tarballs');
  const project = join(scratch, 'project');
  mkdirSync(tarballs);
  mkdirSync(project);

  // Build from the current sources (as the root's prepare does), then pack every published
  // workspace; a private one (the test kit) serves only this repository's suites.
  ok(await run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, env: userEnv() }), 'npm run build');
  const packageDirs = readdirSync(join(repoRoot, 'packages')).filter((d) => {
    const manifest = join(repoRoot, 'packages', d, 'package.json');
    return existsSync(manifest) && !JSON.parse(readFileSync(manifest, 'utf8')).private;
  });
  const workspaces = packageDirs.flatMap((d) => ['-w', `@sluice/${d}`]);
  const packed = JSON.parse(ok(await run('npm', ['pack', ...workspaces, '--ignore-scripts', '--json', '--pack-destination', tarballs], { cwd: repoRoot, env: userEnv() }), 'npm pack')) as { name: string; filename: string; files: PackedFile[] }[];
  assert.deepEqual(packed.map((p) => p.name).sort(), packageDirs.map((d) => `@sluice/${d}`).sort(), 'every package is packed');
  for (const p of packed) {
    const files = p.files.map((f) => f.path);
    const entry = p.name === '@sluice/cli' ? 'main' : 'index';
    for (const needed of [`dist/${entry}.js`, `dist/${entry}.d.ts`, `dist/${entry}.js.map`, 'LICENSE', 'README.md', 'package.json']) {
      assert.ok(files.includes(needed), `${p.name}'s tarball lacks ${needed}`);
    }
    const extra = files.filter((f) => !f.startsWith('dist/') && !['LICENSE', 'README.md', 'package.json', 'bin/sluice.js'].includes(f));
    assert.deepEqual(extra, [], `${p.name}'s tarball carries only what a user needs`);
  }

  // A new project, as a user makes one: the tarballs and @types/node (the repository's version),
  // nothing else; npm's cache serves what the repository's own install already fetched.
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'sluice-package-test', private: true, type: 'module' }, null, 2));
  for (const f of ['app.mjs', 'api.ts', 'tsconfig.json']) copyFileSync(join(here, f), join(project, f));
  const typesNode = JSON.parse(readFileSync(join(repoRoot, 'node_modules', '@types', 'node', 'package.json'), 'utf8')).version as string;
  ok(
    await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', ...packed.map((p) => join(tarballs, p.filename)), `@types/node@${typesNode}`], { cwd: project, env: userEnv() }),
    'npm install of the tarballs',
  );
  assert.ok(!existsSync(join(project, 'node_modules', 'tsx')), 'tsx is not installed with the packages');
  assert.ok(!existsSync(join(project, 'node_modules', '@sluice', 'protocol', 'src')), 'no TypeScript sources are installed');
  for (const dir of packageDirs) {
    const dist = join(project, 'node_modules', '@sluice', dir, 'dist');
    for (const file of readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.d.ts'))) {
      const named = readFileSync(join(dist, file), 'utf8').match(/(?:from|import\(?|declare module)\s*['"]\.\.?\/[^'"]*\.ts['"]/);
      assert.equal(named, null, `@sluice/${dir}'s dist/${file} names a TypeScript source (${named?.[0]}), which a user's TypeScript may not follow to its declarations`);
    }
  }

  await t.test('a TypeScript file using the public API type-checks against the published declarations', async () => {
    ok(await run(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: project, env: userEnv() }), 'tsc in the installed project');
  });

  for (const node of nodes) {
    const env = userEnv(node);
    const version = ok(await run(node, ['--version'], { cwd: project, env }), `${node} --version`).trim();

    await t.test(`Node ${version}: npx sluice --help`, async () => {
      const help = ok(await run('npx', ['--no', '--', 'sluice', '--help'], { cwd: project, env }), 'npx sluice --help');
      assert.match(help, /^Usage: sluice <command>/);
    });

    await t.test(`Node ${version}: a broker, the client and streams from plain JavaScript, and the sluice command against that broker`, async () => {
      await runApp({
        node,
        args: ['app.mjs'],
        cwd: project,
        env,
        version,
        whileReady: async (bootstrap) => {
          const topics = ok(await run('npx', ['--no', '--', 'sluice', 'topic', 'list', '--bootstrap-server', bootstrap], { cwd: project, env }), 'sluice topic list');
          assert.deepEqual(topics.trim().split('\n'), ['events', 'greetings', 'important-events']);
          const records = ok(await run('npx', ['--no', '--', 'sluice', 'consume', 'important-events', '--from-beginning', '--exit', '--bootstrap-server', bootstrap], { cwd: project, env }), 'sluice consume');
          assert.deepEqual(records.trim().split('\n'), ['important 2', 'important 4']);
        },
      });
    });
  }
});
