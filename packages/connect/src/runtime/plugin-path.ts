/**
 * Where an entry of `plugin.path` is. Kafka reads `plugin.path` relative to the worker's working
 * directory and takes folders; so here an entry is a path (a package's folder or its entry module,
 * relative to the working directory) or an installed package's name, looked for in the
 * `node_modules` folders from the working directory up. A package folder's entry module is the one
 * `import` would load: its package.json `exports` (the `.` entry, conditions `node`, `import`,
 * `default`), else `main`, else index.js. Without this, import() would read a relative path
 * against this file and cannot load a folder at all.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '@sluice/config';

/** Conditions Node's `import` matches in an `exports` map (besides those given with --conditions). */
const IMPORT_CONDITIONS = new Set(['node', 'import', 'module-sync', 'default']);

const isPath = (entry: string) => isAbsolute(entry) || entry.startsWith('./') || entry.startsWith('../') || entry === '.' || entry === '..';
const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();
const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/**
 * What import() is to be given for `entry`: file URLs, or the bare name when it is not installed
 * below `cwd`. One module for a package, a plugin folder (with index.js) or a module; for a folder
 * that is none of these, as Kafka reads a plugin.path entry that is a folder of plugins (plugin
 * folders and jars), each package or plugin folder and each module (.js, .mjs, .cjs) directly in
 * it, in name order: so `node_modules/@scope/pkg/dist/connectors` or a folder of installed plugin
 * packages can be listed. `folderOfPlugins` tells which case it was.
 */
export function pluginModuleSpecifiers(entry: string, cwd: string): { specifiers: string[]; folderOfPlugins: boolean } {
  const one = (specifier: string) => ({ specifiers: [specifier], folderOfPlugins: false });
  let path: string | null = null;
  if (isPath(entry)) {
    path = resolve(cwd, entry);
    if (!isFile(path) && !isFolder(path)) throw invalid(entry, `there is no file or folder ${path}`);
  } else {
    // An installed package's name (or a sub-path of one), else a path relative to the working directory written without ./, as Kafka's are.
    path = installedPackage(entry, cwd);
    if (path === null) {
      const relative = resolve(cwd, entry);
      if (isFile(relative) || isFolder(relative)) path = relative;
    }
    // Else as import() finds it from here (a package installed beside @sluice/connect).
    if (path === null) return one(entry);
  }
  if (isFile(path)) return one(pathToFileURL(path).href);
  if (isPluginFolder(path)) return one(pathToFileURL(packageEntry(entry, path)).href);
  const modules: string[] = [];
  for (const name of readdirSync(path).sort()) {
    const child = join(path, name);
    if (isFolder(child) && isPluginFolder(child)) modules.push(packageEntry(entry, child));
    else if (isFile(child) && MODULE_FILE.test(name)) modules.push(child);
  }
  if (modules.length === 0) throw invalid(entry, `the folder ${path} has no package.json and no index.js, nor plugin packages, plugin folders or modules (.js, .mjs, .cjs) in it; give an npm package's folder, its entry module, or a folder of those`);
  return { specifiers: modules.map((m) => pathToFileURL(m).href), folderOfPlugins: true };
}

/** The module files a folder of plugins may hold directly. */
const MODULE_FILE = /\.(?:js|mjs|cjs)$/;

/** A package's folder, or a plugin folder with an index.js: one plugin. */
const isPluginFolder = (folder: string) => isFile(join(folder, 'package.json')) || isFile(join(folder, 'index.js'));

/**
 * Where each plugin.path entry's code lies on disk, for telling a plugin's stack frames from the
 * worker's: the package (or plugin) folder given or installed, or the one module file given (not
 * its folder, which may be the worker's own project and hold the worker's node_modules). Real
 * paths, symlinks resolved, as Node's loader names modules in stacks (pnpm, npm link, workspaces).
 * Entries that cannot be resolved are left out.
 */
export function pluginLocations(pluginPath: readonly string[], cwd: string = process.cwd()): string[] {
  const locations: string[] = [];
  for (const entry of pluginPath) {
    const location = isPath(entry) ? resolve(cwd, entry) : (installedPackage(entry, cwd) ?? resolve(cwd, entry));
    if (isFolder(location) || isFile(location)) locations.push(realpathSync(location));
  }
  return locations;
}

/** The folder of package `name` in the nearest node_modules from `cwd` up, or null. */
function installedPackage(name: string, cwd: string): string | null {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (isFolder(candidate)) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** The entry module of the package in `folder`. */
function packageEntry(entry: string, folder: string): string {
  const manifest = join(folder, 'package.json');
  if (!isFile(manifest)) {
    const index = join(folder, 'index.js');
    if (isFile(index)) return index;
    throw invalid(entry, `the folder ${folder} has no package.json and no index.js; give an npm package's folder or its entry module`);
  }
  let pkg: { exports?: unknown; main?: unknown };
  try {
    pkg = JSON.parse(readFileSync(manifest, 'utf8')) as typeof pkg;
  } catch (e) {
    throw invalid(entry, `${manifest} is not JSON (${(e as Error).message})`);
  }
  if (pkg.exports !== undefined && pkg.exports !== null) {
    const target = exportTarget(rootExport(pkg.exports));
    if (target === null) throw invalid(entry, `the "exports" of ${manifest} have no "." entry for import (conditions node, import or default)`);
    return join(folder, target);
  }
  const candidates = typeof pkg.main === 'string' ? [pkg.main, `${pkg.main}.js`, join(pkg.main, 'index.js')] : [];
  for (const c of [...candidates, 'index.js']) if (isFile(join(folder, c))) return join(folder, c);
  throw invalid(entry, `${manifest} names no entry module that exists ("exports", "main" or index.js)`);
}

/** The `.` entry of an exports field: the field itself unless it maps subpaths. */
function rootExport(exports: unknown): unknown {
  if (exports !== null && typeof exports === 'object' && !Array.isArray(exports)) {
    const keys = Object.keys(exports);
    if (keys.some((k) => k.startsWith('.'))) return (exports as Record<string, unknown>)['.'] ?? null;
  }
  return exports;
}

/** A target of an exports entry under Node's import conditions: the first condition that matches, in the object's order. */
function exportTarget(target: unknown): string | null {
  if (typeof target === 'string') return target;
  if (Array.isArray(target)) {
    for (const t of target) {
      const found = exportTarget(t);
      if (found !== null) return found;
    }
    return null;
  }
  if (target !== null && typeof target === 'object') {
    for (const [condition, value] of Object.entries(target)) {
      if (!IMPORT_CONDITIONS.has(condition)) continue;
      const found = exportTarget(value);
      if (found !== null) return found;
    }
  }
  return null;
}

function invalid(entry: string, why: string): ConfigError {
  return new ConfigError(`Invalid value ${entry} for configuration plugin.path: ${why}`);
}
