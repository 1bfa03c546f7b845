/**
 * Go for the compat tests: a peer's module source fetched from the Go module proxy at a pinned
 * version into ~/.cache/sluice (or $SLUICE_GO_CACHE), and Go programs built once into that cache.
 * GitHub itself is not needed: `go mod download` goes through the module proxy that GOPROXY names.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withFileLock } from './file-lock.ts';
import { run } from './run.ts';

export const GO_INSTALL_HINT =
  'Go 1.21 or newer is needed (it fetches the 1.26 toolchain franz-go 1.22 needs through its module proxy by itself). ' +
  "Debian 12's golang-go (1.19) is too old to build franz-go, but .ci/run uses it to download Go's toolchain module (golang.org/toolchain) through GOPROXY and puts that on PATH.";

export function goCache(): string {
  return process.env.SLUICE_GO_CACHE ?? join(homedir(), '.cache', 'sluice', 'go');
}

/** Throws with an install hint when `go` is missing. */
export function requireGo(): void {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`'go' was not found on PATH. ${GO_INSTALL_HINT}`);
}

// GOTOOLCHAIN stays as configured (default auto): an older go fetches the version go.mod asks for.
const GO_ENV = { ...process.env, GOFLAGS: '-mod=mod' };

/**
 * A writable copy of `module@version`'s source (the module cache is read-only), made once.
 * Its go.sum pins every dependency, which `go` then fetches from the proxy.
 */
export async function goModuleSource(module: string, version: string): Promise<string> {
  requireGo();
  const dest = join(goCache(), 'src', `${module.replaceAll('/', '_')}@${version}`);
  if (existsSync(join(dest, 'go.mod'))) return dest;
  // Test files run in parallel: one copies, the others wait and find the copy.
  return withFileLock(`${dest}.lock`, async () => {
    if (!existsSync(join(dest, 'go.mod'))) await copyModuleSource(module, version, dest);
    return dest;
  });
}

async function copyModuleSource(module: string, version: string, dest: string): Promise<void> {
  const out = await run('go', ['mod', 'download', '-json', `${module}@${version}`], { timeoutMs: 600_000, env: GO_ENV });
  const info = JSON.parse(out.slice(out.indexOf('{'))) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${module}@${version} failed: ${info.Error ?? out}`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  cpSync(info.Dir, dest, { recursive: true });
  spawnSync('chmod', ['-R', 'u+w', dest]);
}

/** Compiles the tests of package `pkgDir` (inside a module source) into a test binary, once. */
export async function goTestBinary(pkgDir: string, name: string): Promise<string> {
  const bin = join(goCache(), 'bin', name);
  if (existsSync(bin)) return bin;
  return withFileLock(`${bin}.lock`, async () => {
    if (existsSync(bin)) return bin;
    await run('go', ['test', '-c', '-o', `${bin}.tmp`, '.'], { cwd: pkgDir, timeoutMs: 900_000, env: GO_ENV });
    await run('mv', [`${bin}.tmp`, bin]);
    return bin;
  });
}

/** Builds the Go program in `dir` (its own go.mod and go.sum) to a binary in the cache when the
 * sources changed since the last build. */
export async function goBuild(dir: string, name: string): Promise<string> {
  requireGo();
  const bin = join(goCache(), 'bin', name);
  const newest = Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));
  const fresh = () => existsSync(bin) && statSync(bin).mtimeMs > newest;
  if (fresh()) return bin;
  return withFileLock(`${bin}.lock`, async () => {
    if (fresh()) return bin;
    await run('go', ['build', '-o', `${bin}.tmp`, '.'], { cwd: dir, timeoutMs: 900_000, env: { ...GO_ENV, GOFLAGS: '-mod=readonly' } });
    await run('mv', [`${bin}.tmp`, bin]);
    return bin;
  });
}
