/** Running the `sluice` command and command-line tools as child processes in tests. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eventually } from './eventually.ts';

const exec = promisify(execFile);
/**
 * Calls `handle` with each JSON object a child process prints on its own line (the test tools
 * print one per event); other lines are left alone.
 */
export function onJsonLines(stream: NodeJS.ReadableStream, handle: (message: any) => void): void {
  let buffered = '';
  stream.on('data', (chunk: Buffer | string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        continue; // not one of ours
      }
      handle(message);
    }
  });
}

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sluiceBin = join(repoRoot, 'packages', 'cli', 'bin', 'sluice.js');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * A port on 127.0.0.1 that refuses connections (nothing listens on it) and that no process can
 * start listening on until `release()`: the local port of a connection this process holds open.
 * For tests of "connection refused"; a port from freePort() is closed only until another
 * process happens to bind it.
 */
export async function closedPort(): Promise<{ port: number; release: () => Promise<void> }> {
  let accepted: Socket | undefined;
  const server = createServer((s) => {
    accepted = s;
    s.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const client = connect((server.address() as { port: number }).port, '127.0.0.1');
  client.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    client.once('connect', () => resolve());
    client.once('error', reject);
  });
  server.close(); // stops listening; the two ends stay connected
  return {
    port: client.localPort!,
    // The accepted end closes first, so that the wait after the close (TIME_WAIT) is on the
    // server's old port, not on this one.
    release: async () => {
      await eventually('the accepted end of closedPort', () => accepted !== undefined, 10_000);
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
      accepted!.destroy();
      await closed;
    },
  };
}

export interface BrokerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** The port it listens on: the one asked for, or the one it chose when asked for 0. */
  port: number;
}

/**
 * Starts `sluice broker` and resolves once it says it is ready. Port 0 lets the broker choose (see
 * `port` in the result): better than a port from freePort() for a first start, which another
 * process may take between the moment it is picked and the moment the broker binds it.
 */
export async function startBrokerProcess(port: number, dataDir: string, extra: string[] = []): Promise<BrokerProcess> {
  const child = spawn(process.execPath, [sluiceBin, 'broker', '--port', String(port), '--data-dir', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  // 'close', not 'exit': Node may emit 'exit' before the last of the output has been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sluice broker did not get ready:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes('Ready.')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', check);
    child.on('close', () => reject(new Error(`sluice broker exited:\n${out}`)));
  });
  const listening = /Sluice broker listening on [^ ]+:(\d+) /.exec(out);
  if (!listening) throw new Error(`sluice broker did not say which port it listens on:\n${out}`);
  return { child, output: () => out, exited, port: Number(listening[1]) };
}

export function requireTool(name: string, install: string): Promise<void> {
  return exec(name, ['-V']).then(
    () => undefined,
    (e) => {
      if ((e as { code?: string }).code === 'ENOENT') throw new Error(`'${name}' is needed for this test: ${install}`);
    },
  );
}

/** Runs kcat and returns its stdout. */
export async function kcat(args: string[], input?: string): Promise<string> {
  await requireTool('kcat', 'apt-get install -y kcat');
  return new Promise((resolve, reject) => {
    const child = spawn('kcat', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    // 'close', not 'exit': 'exit' can come before the last of the output has been read.
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`kcat ${args.join(' ')} exited ${code}: ${err}`))));
    child.stdin.on('error', () => {}); // EPIPE when kcat exits without reading its input
    child.stdin.end(input ?? '');
  });
}
