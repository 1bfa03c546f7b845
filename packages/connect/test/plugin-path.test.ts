// plugin.path as a Kafka Connect user writes it: paths relative to the worker's working directory
// (with or without ./), an npm package's folder (its package.json exports or main), its entry
// module, or the name of a package installed in node_modules from the working directory up; a
// folder of plugins as Kafka reads one (each plugin package, plugin folder and module in it), such
// as a sub-path of an installed package; and entries that cannot be loaded refused with what to
// give instead.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '@sluice/config';
import { loadPlugins, pluginLocations } from '@sluice/connect';

let cwd: string;

/** A module registering one class as a source connector, with a version telling which module it was. */
const registering = (className: string, version: string) =>
  `export function connectPlugins(plugins) { plugins.register(${JSON.stringify(className)}, ['source'], () => ({}), ${JSON.stringify(version)}); }\n`;

function write(path: string, text: string): void {
  mkdirSync(dirname(join(cwd, path)), { recursive: true });
  writeFileSync(join(cwd, path), text);
}

before(() => {
  cwd = mkdtempSync(join(tmpdir(), 'sluice-plugin-path-'));
  // A package with an exports map (conditions, subpaths) and a wrong main that must not be taken.
  write('plugins/exports-pkg/package.json', JSON.stringify({ name: 'exports-pkg', type: 'module', main: 'wrong.js', exports: { '.': { types: './lib/main.d.ts', require: './lib/wrong.cjs', import: './lib/main.js' }, './other': './lib/other.js' } }));
  write('plugins/exports-pkg/lib/main.js', registering('test.ExportsSource', 'exports'));
  // A package with only main, and one with neither.
  write('plugins/main-pkg/package.json', JSON.stringify({ name: 'main-pkg', type: 'module', main: 'entry' }));
  write('plugins/main-pkg/entry.js', registering('test.MainSource', 'main'));
  write('plugins/index-pkg/package.json', JSON.stringify({ name: 'index-pkg', type: 'module' }));
  write('plugins/index-pkg/index.js', registering('test.IndexSource', 'index'));
  // An installed scoped package, exports as one string.
  write('node_modules/@acme/connect-thing/package.json', JSON.stringify({ name: '@acme/connect-thing', type: 'module', exports: './dist/index.js' }));
  write('node_modules/@acme/connect-thing/dist/index.js', registering('test.InstalledSource', 'installed'));
  // A lone module file.
  write('loose/plugin.mjs', registering('test.LooseSource', 'loose'));
  // What cannot be loaded.
  write('plugins/require-only/package.json', JSON.stringify({ name: 'require-only', exports: { require: './index.cjs' } }));
  write('plugins/require-only/index.cjs', 'module.exports = {};\n');
  mkdirSync(join(cwd, 'plugins/empty'), { recursive: true });
  write('plugins/no-register/index.js', 'export const nothing = 1;\n');
  mkdirSync(join(cwd, 'deep/below'), { recursive: true });
  // A sub-path of an installed package holding its connectors' modules beside a helper that registers nothing.
  write('node_modules/@acme/kit/package.json', JSON.stringify({ name: '@acme/kit', type: 'module', exports: './dist/index.js' }));
  write('node_modules/@acme/kit/dist/index.js', 'export const kit = 1;\n');
  write('node_modules/@acme/kit/dist/connectors/a-source.js', registering('test.KitSource', 'kit'));
  write('node_modules/@acme/kit/dist/connectors/b-helper.js', 'export const helper = 1;\n');
  write('node_modules/@acme/kit/dist/connectors/a-source.d.ts', 'export {};\n');
  // A folder of plugins, as Kafka's plugin.path entries: packages, a plugin folder with index.js, a module, and files that are none.
  write('collection/pkg-a/package.json', JSON.stringify({ name: 'pkg-a', type: 'module', main: 'entry.js' }));
  write('collection/pkg-a/entry.js', registering('test.CollectedA', 'a'));
  write('collection/pkg-b/index.js', registering('test.CollectedB', 'b'));
  write('collection/pkg-b/package.json', JSON.stringify({ name: 'pkg-b', type: 'module' }));
  write('collection/loose.mjs', registering('test.CollectedLoose', 'loose'));
  write('collection/README.md', 'not a plugin\n');
  mkdirSync(join(cwd, 'collection/empty-folder'), { recursive: true });
  // A folder of modules none of which registers anything.
  write('helpers/one.js', 'export const one = 1;\n');
});

after(() => rmSync(cwd, { recursive: true, force: true }));

const versionOf = (plugins: Awaited<ReturnType<typeof loadPlugins>>, className: string) => plugins.list('source').find((d) => d.className === className)?.version;

test('folders, files and installed packages, read against the working directory', async () => {
  const plugins = await loadPlugins(['./plugins/exports-pkg', 'plugins/main-pkg', join(cwd, 'plugins/index-pkg'), '@acme/connect-thing', 'loose/plugin.mjs'], cwd);
  assert.equal(versionOf(plugins, 'test.ExportsSource'), 'exports');
  assert.equal(versionOf(plugins, 'test.MainSource'), 'main');
  assert.equal(versionOf(plugins, 'test.IndexSource'), 'index');
  assert.equal(versionOf(plugins, 'test.InstalledSource'), 'installed');
  assert.equal(versionOf(plugins, 'test.LooseSource'), 'loose');
  // The built-in connectors are still there.
  assert.ok(plugins.list('source').some((d) => d.className === 'org.apache.kafka.connect.file.FileStreamSourceConnector'));
});

test('an installed package is found from a folder below the one holding node_modules', async () => {
  const plugins = await loadPlugins(['@acme/connect-thing', '../../plugins/main-pkg'], join(cwd, 'deep/below'));
  assert.equal(versionOf(plugins, 'test.InstalledSource'), 'installed');
  assert.equal(versionOf(plugins, 'test.MainSource'), 'main');
});

test('a folder of plugins: a sub-path of an installed package (as a path or a name) and a folder of plugin packages and modules', async () => {
  for (const entry of ['./node_modules/@acme/kit/dist/connectors', '@acme/kit/dist/connectors']) {
    const plugins = await loadPlugins([entry], cwd);
    assert.equal(versionOf(plugins, 'test.KitSource'), 'kit', entry);
  }
  const plugins = await loadPlugins(['collection'], cwd);
  assert.equal(versionOf(plugins, 'test.CollectedA'), 'a');
  assert.equal(versionOf(plugins, 'test.CollectedB'), 'b');
  assert.equal(versionOf(plugins, 'test.CollectedLoose'), 'loose');
});

test('what cannot be loaded is refused, naming the entry and what to give', async () => {
  const refused = async (entry: string, why: RegExp) =>
    assert.rejects(loadPlugins([entry], cwd), (e: unknown) => e instanceof ConfigError && e.message.startsWith(`Invalid value ${entry} for configuration plugin.path: `) && why.test(e.message));
  await refused('./plugins/missing', /there is no file or folder .*plugins\/missing/);
  await refused('./plugins/require-only', /no "\." entry for import/);
  await refused('./plugins/empty', /has no package\.json and no index\.js/);
  await refused('plugins/no-register', /exports no connectPlugins\(plugins\) function/);
  await refused('helpers', /the modules in that folder export no connectPlugins\(plugins\) function/);
  await refused('@acme/not-installed', /could not be loaded .*give an npm package's folder, its entry module, or the name of a package installed where the worker runs/s);
});

test("where each entry's code lies, for telling a plugin's stack frames from the worker's: real paths, and a lone module file itself, not its folder", () => {
  // A package linked into node_modules (pnpm, npm link, workspaces): Node names its modules by their real path.
  mkdirSync(join(cwd, 'linked/node_modules'), { recursive: true });
  symlinkSync(join(cwd, 'plugins/main-pkg'), join(cwd, 'linked/node_modules/main-pkg'), 'dir');
  const real = (path: string) => realpathSync(join(cwd, path));
  assert.deepEqual(pluginLocations(['main-pkg', '../loose/plugin.mjs', '../plugins/index-pkg', '../plugins/missing'], join(cwd, 'linked')), [
    real('plugins/main-pkg'),
    // The file, not the working directory that holds it (and the worker's own node_modules).
    real('loose/plugin.mjs'),
    real('plugins/index-pkg'),
  ]);
});
