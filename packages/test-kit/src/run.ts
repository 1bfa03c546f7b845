import { spawn } from 'node:child_process';

/** Runs a command to completion; rejects with its output on a non-zero exit or a timeout. */
export function run(
  cmd: string,
  args: string[],
  opts: { input?: string; timeoutMs?: number; cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} timed out:\n${out.slice(-4000)}`));
    }, opts.timeoutMs ?? 120_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${cmd} could not be run (${err.message})`));
    });
    // 'close', not 'exit': 'exit' can come before the last of the output has been read.
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${out.slice(-4000)}`));
    });
    child.stdin.on('error', () => {}); // EPIPE when the process exits without reading its input
    child.stdin.end(opts.input ?? '');
  });
}
