/**
 * A watchdog on another thread. An input that keeps the main thread busy without end (a loop that
 * never yields, or promises that resolve into each other forever) stops every timer of this thread
 * too, including the ones that would report it. The watchdog sees the input running too long,
 * writes it to a file, prints it in hex, and ends the process so that the test fails.
 */
import { Worker } from 'node:worker_threads';

const WORKER = `
const { workerData } = require('node:worker_threads');
const { writeFileSync, mkdirSync, writeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const state = new Int32Array(workerData.shared, 0, 2); // [input number, input length]
const bytes = new Uint8Array(workerData.shared, 8);
let seen = -1;
let since = Date.now();
setInterval(() => {
  const current = Atomics.load(state, 0);
  if (current !== seen) { seen = current; since = Date.now(); return; }
  if (current === 0 || Date.now() - since < workerData.limitMs) return;
  const input = Buffer.from(bytes.slice(0, Atomics.load(state, 1)));
  mkdirSync(workerData.failureDir, { recursive: true });
  const file = workerData.failureDir + '/' + workerData.name + '-hang-' + createHash('sha1').update(input).digest('hex').slice(0, 16) + '.bin';
  writeFileSync(file, input);
  writeSync(2, workerData.name + ': input ' + current + ' kept the main thread busy for ' + workerData.limitMs + ' ms (the broker stops serving); reproducer written to ' + file + '\\nhex: ' + input.toString('hex') + '\\n');
  process.kill(process.pid, 'SIGABRT');
}, 250);
`;

export class Watchdog {
  private readonly shared: SharedArrayBuffer;
  private readonly state: Int32Array;
  private readonly bytes: Uint8Array;
  private readonly worker: Worker;
  private count = 0;

  constructor(name: string, failureDir: string, maxInputBytes: number, limitMs: number) {
    this.shared = new SharedArrayBuffer(8 + maxInputBytes);
    this.state = new Int32Array(this.shared, 0, 2);
    this.bytes = new Uint8Array(this.shared, 8);
    this.worker = new Worker(WORKER, { eval: true, workerData: { shared: this.shared, name, failureDir, limitMs } });
    this.worker.unref();
  }

  /** Called as an input starts. */
  running(input: Buffer): void {
    const n = Math.min(input.length, this.bytes.length);
    this.bytes.set(input.subarray(0, n));
    Atomics.store(this.state, 1, n);
    Atomics.store(this.state, 0, ++this.count);
  }

  /** Called when no input runs (between runs and at the end). */
  idle(): void {
    Atomics.store(this.state, 0, 0);
  }

  stop(): Promise<number> {
    return this.worker.terminate();
  }
}
