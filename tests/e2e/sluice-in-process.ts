/**
 * Runs the `sluice` command's main() in this process, with its output captured, for tests that
 * make many calls: starting a command's process takes a second or more on a loaded machine.
 * tests/e2e/cli*.test.ts still run the real `sluice` process where the process itself matters.
 */
import { Readable } from 'node:stream';
import { main } from '@sluice/cli';
import type { SluiceResult } from './run-sluice.ts';

export async function sluiceInProcess(args: string[], options: { bootstrap?: string; input?: string; env?: Record<string, string> } = {}): Promise<SluiceResult> {
  let stdout = '';
  let stderr = '';
  const env = { ...process.env, ...(options.bootstrap === undefined ? {} : { KAFKA_BOOTSTRAP_SERVERS: options.bootstrap }), ...options.env };
  const code = await main(args, {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    stdin: Readable.from(options.input === undefined ? [] : [options.input]),
    env,
  });
  return { code, stdout, stderr };
}
