/** Helpers of the example tests: an `npm run` script as a user runs it, and its end. */
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from '@sluice/test-kit';

export interface Run {
  child: ChildProcess;
  /** Everything the script printed so far (stdout and stderr). */
  output: () => string;
  /** The exit code, once every process holding the pipes (npm and the example under it) ended. */
  closed: Promise<number | null>;
}

export function npmRun(script: string, env: Record<string, string>, args: string[] = []): Run {
  // detached: its own process group, so killGroup reaches the example under npm.
  const child = spawn('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  return { child, output: () => out, closed };
}

export function killGroup(run: Run, signal: NodeJS.Signals): void {
  try {
    process.kill(-run.child.pid!, signal);
  } catch {
    /* already gone */
  }
}
