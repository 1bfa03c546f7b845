/**
 * What the suites that run the real `sluice connect` command share: the command as a child
 * process with its output kept, a `sluice broker` process for the file's tests, and the lines of
 * a sink's output file, and the REST API's URL a worker printed when ready.
 */
import { after, before } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sluiceBin, startBrokerProcess, type BrokerProcess } from '@sluice/test-kit';

export interface SluiceRun {
  child: ChildProcess;
  exited: Promise<number | null>;
  out(): string;
  err(): string;
  running(): boolean;
}

/** `sluice <args>` as a child process, its standard output and error kept. */
export function runSluice(args: string[]): SluiceRun {
  const child = spawn(process.execPath, [sluiceBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  // 'close', not 'exit': Node may emit 'exit' before the last of the output has been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, out: () => out, err: () => err, running: () => child.exitCode === null && child.signalCode === null };
}

/**
 * The REST API's URL in a `sluice connect` worker's output, once it printed "REST API at
 * http://host:port. Ready."; undefined before. Tests give the worker listeners=http://127.0.0.1:0
 * and read the port it bound here: a port picked free beforehand may be taken by another process
 * (a broker, a JVM, a client's outgoing connection) before the worker binds it.
 */
export function restUrlIn(output: string): string | undefined {
  return /REST API at (https?:\/\/\S+?)\. Ready\./.exec(output)?.[1];
}

/** The non-empty lines of a file; none while it does not exist yet. */
export function linesOf(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '');
  } catch {
    return [];
  }
}

/**
 * A `sluice broker` process and a scratch folder for the tests of the calling file (its
 * before/after hooks); read `dir` and `bootstrap` inside the tests.
 */
export function brokerForTheseTests(prefix: string): { readonly dir: string; readonly bootstrap: string } {
  const state = { dir: '', bootstrap: '' };
  let broker: BrokerProcess | undefined;
  before(async () => {
    state.dir = mkdtempSync(join(tmpdir(), prefix));
    // Port 0: the broker chooses (one picked beforehand may be taken before it binds it).
    broker = await startBrokerProcess(0, join(state.dir, 'data'), ['--set', 'group.initial.rebalance.delay.ms=0']);
    state.bootstrap = `127.0.0.1:${broker.port}`;
  });
  after(async () => {
    broker?.child.kill('SIGTERM');
    await broker?.exited;
    if (state.dir !== '') rmSync(state.dir, { recursive: true, force: true });
  });
  return state;
}
