/**
 * Sluice's broker as the broker benchmarks run it: a child process started as `npx sluice broker`
 * starts it, from the built JavaScript in dist/ (`npm run build` first), ready once it answers
 * Kafka requests (the same ApiVersions + Metadata probe startApacheKafka waits for, so that both
 * brokers' start-up is timed alike). Shared by run.ts, sasl-ssl.ts and validation.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { answersKafkaRequests, freePort, sluiceBin } from '@sluice/test-kit';

/** The broker process's environment: this script's own source condition left out of
 * NODE_OPTIONS, so that `sluice` resolves @sluice/cli to dist/ as an installed package does. */
export function userEnv(): NodeJS.ProcessEnv {
  const nodeOptions = (process.env.NODE_OPTIONS ?? '')
    .split(/\s+/)
    .filter((o) => o !== '' && !o.includes('sluice:source'))
    .join(' ');
  return { ...process.env, NODE_OPTIONS: nodeOptions };
}

export interface SluiceProcess {
  child: ChildProcess;
  port: number;
  /** From spawning the process to the first answered request. */
  startupMs: number;
  /** What the process printed so far, on either stream. */
  output(): string;
  /** Stops it with SIGTERM (a clean stop: every partition closed and synced), waits for it and
   * resolves with its exit code (0 after a clean stop); whether that matters is the caller's. */
  stop(): Promise<number | null>;
}

export interface SluiceProcessOptions {
  /** The port of its (plaintext) listener; a free one by default. */
  port?: number;
  /** The broker command's further arguments (`--set name=value`…). */
  args?: readonly string[];
}

const STARTUP_LIMIT_MS = 60_000;

/** Starts `sluice broker` on `dataDir` and times it to the first answered request; a broker that
 * exits or does not answer within 60 s is stopped and reported with what it printed. */
export async function startSluiceProcess(dataDir: string, options: SluiceProcessOptions = {}): Promise<SluiceProcess> {
  const port = options.port ?? (await freePort());
  const started = performance.now();
  const child = spawn(process.execPath, [sluiceBin, 'broker', '--port', String(port), '--data-dir', dataDir, ...(options.args ?? [])], {
    env: userEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const stop = async () => {
    child.kill('SIGTERM');
    return exited;
  };
  // Polled every 5 ms: a refused connection costs well under that, and run.ts times the start-up.
  while (!(await answersKafkaRequests(port))) {
    if (exitCode !== undefined) throw new Error(`sluice broker exited (${exitCode}) during start-up:\n${output}`);
    if (performance.now() - started > STARTUP_LIMIT_MS) {
      await stop();
      throw new Error(`sluice broker did not answer within ${STARTUP_LIMIT_MS / 1000} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  return { child, port, startupMs: performance.now() - started, output: () => output, stop };
}
