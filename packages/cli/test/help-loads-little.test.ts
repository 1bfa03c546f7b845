// Why `sluice --help` answers in a tenth of a second: it loads the command line's own small
// modules and none of the packages behind the commands (the broker, client, codecs, Connect),
// which each command loads only when it runs. Timing it here would be noise on a busy machine,
// so this checks what is loaded instead: a resolve hook in a fresh process records every module
// it resolves. `sluice topic list` is the control, showing that the hook sees a package load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';

const LOADED = 'loaded: ';

/** Runs `main(args)` of @sluice/cli in a new process (its sources, as the test runner runs
 * them) and returns its output and the URL of every module resolved on the way. */
function runRecordingModules(args: string[]): Promise<{ code: number; stdout: string; modules: string[] }> {
  const script = `
    import { registerHooks } from 'node:module';
    const modules = [];
    registerHooks({ resolve(specifier, context, next) { const r = next(specifier, context); modules.push(r.url); return r; } });
    process.on('exit', () => process.stderr.write(${JSON.stringify(LOADED)} + JSON.stringify(modules) + '\\n'));
    const { main } = await import('@sluice/cli');
    process.exitCode = await main(${JSON.stringify(args)});
  `;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--conditions=sluice:source', '--input-type=module', '-e', script], { env: { ...process.env, KAFKA_BOOTSTRAP_SERVERS: '127.0.0.1:1' } }, (error, stdout, stderr) => {
      const line = stderr.split('\n').find((l) => l.startsWith(LOADED));
      if (!line) return reject(new Error(`no module list from the child (exit ${error?.code}):\n${stderr}`));
      resolve({ code: error ? Number(error.code) : 0, stdout, modules: JSON.parse(line.slice(LOADED.length)) as string[] });
    });
  });
}

/** The workspace packages among the modules, by folder name (packages/<name>/...). */
function packagesLoaded(modules: string[]): string[] {
  const names = modules.flatMap((url) => /\/packages\/([^/]+)\//.exec(url)?.[1] ?? []);
  return [...new Set(names)].sort();
}

test('sluice --help loads only the command line, none of the packages behind the commands', async () => {
  const help = await runRecordingModules(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: sluice <command>/);
  assert.ok(help.modules.some((url) => url.endsWith('/packages/cli/src/main.ts')), `the hook saw the command's own modules: ${help.modules.join(', ')}`);
  assert.deepEqual(packagesLoaded(help.modules), ['cli']);
  const external = help.modules.filter((url) => url.includes('/node_modules/'));
  assert.deepEqual(external, [], 'no dependency is loaded either');

  // The control: a command that talks to a cluster loads the client (nothing listens on port 1,
  // so it fails at once), and the hook sees it.
  const topicList = await runRecordingModules(['topic', 'list', '--connect-timeout', '1000']);
  assert.equal(topicList.code, 1);
  assert.ok(packagesLoaded(topicList.modules).includes('client'), `the hook sees a package load: ${packagesLoaded(topicList.modules).join(', ')}`);
});
