/** Runs the `sluice` command as a user would, for the tests in this folder. */
import { execFile } from 'node:child_process';
import { sluiceBin } from '@sluice/test-kit';

export interface SluiceResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `sluice ARGS` with INPUT on stdin; resolves with its exit code and output once it exits. */
export function runSluice(args: string[], options: { bootstrap?: string; input?: string; env?: Record<string, string> } = {}): Promise<SluiceResult> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(options.bootstrap === undefined ? {} : { KAFKA_BOOTSTRAP_SERVERS: options.bootstrap }), ...options.env };
    const child = execFile(process.execPath, [sluiceBin, ...args], { env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin!.end(options.input ?? '');
  });
}
