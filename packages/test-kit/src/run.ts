import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Written to the process's standard input, which is then closed (closed at once without it). */
  input?: string;
  /** Killed with SIGKILL once this has passed (120 s by default). */
  timeoutMs?: number;
  cwd?: string;
  /** The whole environment (process.env by default). */
  env?: NodeJS.ProcessEnv;
}

export interface Finished {
  /** Standard output and standard error as they came, interleaved. */
  output: string;
  exitCode: number | null;
  timedOut: boolean;
}

/** Runs a command until it ends (or is killed at its timeout), with all of its output. */
export function runToEnd(cmd: string, args: string[], opts: RunOptions = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 120_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} could not be run (${err.message})`));
    });
    // 'close', not 'exit': 'exit' can come before the last of the output has been read.
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ output, exitCode, timedOut });
    });
    child.stdin.on('error', () => {}); // EPIPE when the process exits without reading its input
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs a command to completion; rejects with its output on a non-zero exit or a timeout. */
export async function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<string> {
  const { output, exitCode, timedOut } = await runToEnd(cmd, args, opts);
  if (timedOut) throw new Error(`${cmd} ${args.join(' ')} timed out:\n${output.slice(-4000)}`);
  if (exitCode !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${exitCode}:\n${output.slice(-4000)}`);
  return output;
}
