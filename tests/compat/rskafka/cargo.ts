/**
 * Rust for the rskafka compat test: a published crate's source (its tests/ included) fetched with
 * cargo from the registry cargo is configured for, at a pinned version, into ~/.cache/sluice/rust
 * (or $SLUICE_RUST_CACHE); its integration tests compiled there once (the target folder is kept,
 * so later runs only check it is up to date) and run one test binary at a time, reading the
 * verdict of each test from libtest's `test <name> ... ok|FAILED|ignored` lines.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runToEnd, withFileLock } from '@sluice/test-kit';

export const RUST_INSTALL_HINT =
  'Rust 1.85 or newer with cargo is needed (rskafka 0.6 is written in the 2024 edition); ' +
  "Debian 12's rustc (1.63) is too old: install a current toolchain with rustup, which puts cargo in ~/.cargo/bin.";

export function rustCache(): string {
  return process.env.SLUICE_RUST_CACHE ?? join(homedir(), '.cache', 'sluice', 'rust');
}

/** cargo on PATH, else where rustup puts it ($CARGO_HOME/bin, ~/.cargo/bin); throws with a hint. */
export function cargoCommand(): string {
  const candidates = ['cargo', join(process.env.CARGO_HOME ?? join(homedir(), '.cargo'), 'bin', 'cargo')];
  for (const cargo of candidates) {
    const r = spawnSync(cargo, ['--version'], { encoding: 'utf8' });
    if (r.error || r.status !== 0) continue;
    const m = /^cargo (\d+)\.(\d+)/.exec(r.stdout);
    if (m && (Number(m[1]) > 1 || Number(m[2]) >= 85)) return cargo;
    throw new Error(`${r.stdout.trim()} is too old. ${RUST_INSTALL_HINT}`);
  }
  throw new Error(`'cargo' was not found on PATH nor in ~/.cargo/bin. ${RUST_INSTALL_HINT}`);
}

/**
 * Runs cargo (below other work: `nice`, as its first build keeps both cores busy for minutes) and
 * resolves with its standard output alone, where the JSON it is asked for goes (its progress and
 * warnings go to standard error, whose chunks could otherwise land inside a JSON line).
 * Rejects with the end of both on a non-zero exit or a timeout.
 */
function cargo(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('nice', ['-n', '10', cargoCommand(), ...args], { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`cargo could not be run (${err.message})`));
    });
    // 'close', not 'exit': 'exit' can come before the last of the output has been read.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve(stdout);
      const how = signal ? `was killed (${signal}, timeout ${opts.timeoutMs} ms)` : `exited with ${code}`;
      reject(new Error(`cargo ${args.join(' ')} ${how}:\n${compileErrors(stdout)}${stderr.slice(-6000)}`));
    });
  });
}

/** With `--message-format json` the compiler's errors are in standard output, as JSON. */
function compileErrors(stdout: string): string {
  const errors: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line) as { reason?: string; message?: { level?: string; rendered?: string } };
    if (m.reason === 'compiler-message' && m.message?.level === 'error' && m.message.rendered) errors.push(m.message.rendered);
  }
  return errors.join('\n').slice(-6000);
}

/** How a crate's source is made ready to build here, after it is copied out of cargo's registry. */
export interface CrateSetup {
  /** `[package spec, version]` pairs given to `cargo update -p <spec> --precise <version>`, in order. */
  precise?: [string, string][];
  /** Files of the crate to remove (e.g. a rust-toolchain.toml that would make rustup fetch another toolchain). */
  remove?: string[];
}

/**
 * A writable copy of `name@version`'s published source, made once: a throwaway project depending
 * on exactly that version is resolved with `cargo metadata`, which downloads and unpacks the crate
 * through cargo's own registry configuration, and the unpacked folder is copied out.
 */
export async function crateSource(name: string, version: string, setup: CrateSetup = {}): Promise<string> {
  cargoCommand(); // a missing or old cargo is said before anything else
  const dest = join(rustCache(), 'src', `${name}-${version}`);
  // The copy is remade when the setup changes: the marker records the one it was made with.
  const ready = join(dest, '.sluice-ready');
  const made = `${JSON.stringify({ name, version, setup })}\n`;
  const isReady = () => existsSync(ready) && readFileSync(ready, 'utf8') === made;
  if (isReady()) return dest;
  // Test files run in parallel: one copies, the others wait and find the copy.
  return withFileLock(`${dest}.lock`, async () => {
    if (isReady()) return dest;
    const scratch = mkdtempSync(join(tmpdir(), `sluice-crate-${name}-`));
    try {
      writeFileSync(
        join(scratch, 'Cargo.toml'),
        `[package]\nname = "sluice-fetch-${name}"\nversion = "0.0.0"\nedition = "2021"\n\n[lib]\npath = "lib.rs"\n\n[dependencies]\n${name} = "=${version}"\n`,
      );
      writeFileSync(join(scratch, 'lib.rs'), '');
      const out = await cargo(['metadata', '--format-version', '1', '--manifest-path', join(scratch, 'Cargo.toml')], { timeoutMs: 600_000 });
      const metadata = JSON.parse(out) as { packages: { name: string; version: string; manifest_path: string }[] };
      const pkg = metadata.packages.find((p) => p.name === name && p.version === version);
      if (!pkg) throw new Error(`cargo metadata did not resolve ${name} ${version}:\n${out.slice(-2000)}`);
      const partial = `${dest}.partial`;
      rmSync(partial, { recursive: true, force: true });
      mkdirSync(dirname(partial), { recursive: true });
      cpSync(dirname(pkg.manifest_path), partial, { recursive: true });
      for (const file of setup.remove ?? []) rmSync(join(partial, file), { force: true });
      for (const [spec, precise] of setup.precise ?? []) {
        await cargo(['update', '--manifest-path', join(partial, 'Cargo.toml'), '-p', spec, '--precise', precise], { timeoutMs: 600_000 });
      }
      rmSync(dest, { recursive: true, force: true });
      renameSync(partial, dest);
      writeFileSync(ready, made);
      return dest;
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/** Environment for building: the shared target folder, and no debug info (a third of the size and time). */
function buildEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    CARGO_TARGET_DIR: join(rustCache(), 'target'),
    CARGO_PROFILE_DEV_DEBUG: '0',
    CARGO_PROFILE_TEST_DEBUG: '0',
    CARGO_INCREMENTAL: '0',
  };
}

/**
 * Compiles the crate's integration test targets `tests` (their file names under tests/, without
 * `.rs`) and returns each one's executable. The lock file is used as is (`--locked`).
 */
export async function cargoTestBinaries(crateDir: string, tests: readonly string[]): Promise<Map<string, string>> {
  const args = ['test', '--locked', '--no-run', '--message-format', 'json', ...tests.flatMap((t) => ['--test', t])];
  // One build at a time in the shared target folder (cargo also locks it, but says nothing while it waits).
  const out = await withFileLock(join(rustCache(), 'target.lock'), () => cargo(args, { cwd: crateDir, timeoutMs: 1_800_000, env: buildEnv() }), 35 * 60_000);
  const binaries = new Map<string, string>();
  for (const line of out.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line) as { reason?: string; executable?: string | null; target?: { name: string; kind: string[] } };
    if (m.reason === 'compiler-artifact' && m.executable && m.target?.kind.includes('test') && tests.includes(m.target.name)) {
      binaries.set(m.target.name, m.executable);
    }
  }
  for (const t of tests) if (!binaries.has(t)) throw new Error(`cargo built no test binary for tests/${t}.rs:\n${out.slice(-4000)}`);
  return binaries;
}

export type Verdict = 'ok' | 'FAILED' | 'ignored' | 'NOT RUN';

export interface LibtestRun {
  /** By test name, for the names asked for. */
  verdicts: Map<string, Verdict>;
  /** Each test's captured output (libtest's `---- <name> stdout ----` section), successes included. */
  captured: Map<string, string>;
  output: string;
  exitCode: number | null;
}

/**
 * Runs a libtest binary over exactly `names`, with their captured output shown for successes too
 * (`--show-output`), so that a test that returned early saying it skipped can be told apart.
 */
export async function runLibtest(binary: string, opts: { cwd: string; names: readonly string[]; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<LibtestRun> {
  const args = ['--exact', '--show-output', '--color', 'never', ...opts.names];
  const { output, exitCode } = await runToEnd(binary, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, timeoutMs: opts.timeoutMs });
  const verdicts = new Map<string, Verdict>(opts.names.map((n) => [n, 'NOT RUN']));
  for (const m of output.matchAll(/^test (\S+) \.\.\. (ok|FAILED|ignored)\b/gm)) {
    if (verdicts.has(m[1]!)) verdicts.set(m[1]!, m[2] as Verdict);
  }
  const captured = new Map<string, string>();
  const sections = output.split(/^---- (\S+) stdout ----$/m);
  for (let i = 1; i + 1 < sections.length; i += 2) captured.set(sections[i]!, sections[i + 1]!.split(/^(?:successes|failures):$/m)[0]!);
  return { verdicts, captured, output, exitCode };
}
