/**
 * The fuzzing loop: run the seeds, then mutate corpus entries until the time budget is spent,
 * keeping every input that reaches a new coverage feature. The first input that breaks the
 * target's property stops the run; it is written to a file and reported in hex.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoverageTracker } from './coverage.ts';
import { Mutator, Random } from './mutate.ts';
import { Watchdog } from './watchdog.ts';

/** An input still running after this long has hung the process (every input's own waits are shorter). */
const HANG_MS = 120_000;

export interface FuzzTarget {
  readonly name: string;
  /** Scripts whose blocks count as coverage, by URL. */
  covers(url: string): boolean;
  /** Largest input the mutator makes. */
  readonly maxInputBytes: number;
  /**
   * Inputs run between two coverage readings. Reading coverage costs about 1.5 ms whatever ran, so
   * a fast, stateless target runs a batch and, only when the batch reached something new, each of
   * its inputs again alone to find which. Stateful targets (a broker) keep 1.
   */
  readonly batch?: number;
  /** Starts what the target runs against (a broker, say); called once before any input. */
  open?(): Promise<void>;
  close?(): Promise<void>;
  /** Runs one input; throws (or rejects) when the property is broken. */
  run(input: Buffer): void | Promise<void>;
  /** A structure-aware mutation; the byte mutator is used when absent. */
  mutate?(input: Buffer, mutator: Mutator): Buffer | Promise<Buffer>;
  /**
   * What to save when `inputs` (oldest first, the failing one last) broke the property. Targets
   * whose failures can depend on earlier inputs (a broker keeps state) join them into one.
   */
  reproducer?(inputs: readonly Buffer[]): Buffer;
}

export interface FuzzOptions {
  seed: number;
  /** Time for the whole run, the seeds included (every seed runs, even past it). */
  budgetMs: number;
  /** Stop after this many inputs, whatever the time (for tests of the fuzzer itself). */
  maxExecutions?: number;
  /** Inputs to start from (the regression corpus, then real clients' traffic). */
  seeds: readonly Buffer[];
  /** Where a failing input is written. */
  failureDir: string;
  /** When set, every input that added coverage is also written there (to grow the corpus). */
  keepDir?: string;
}

export interface FuzzStats {
  executions: number;
  corpus: number;
  features: number;
}

export class PropertyViolation extends Error {
  override readonly name = 'PropertyViolation';
}

/** Errors thrown in timers and callbacks while an input runs: the process would have died. */
class EscapedErrors {
  readonly errors: unknown[] = [];
  private readonly onError = (e: unknown) => this.errors.push(e);
  install(): void {
    process.on('uncaughtException', this.onError);
    process.on('unhandledRejection', this.onError);
  }
  uninstall(): void {
    process.off('uncaughtException', this.onError);
    process.off('unhandledRejection', this.onError);
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

export async function fuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzStats> {
  const rnd = new Random(options.seed);
  const corpus: Buffer[] = [];
  const mutator = new Mutator(rnd, () => corpus, target.maxInputBytes);
  const coverage = new CoverageTracker((url) => target.covers(url));
  const escaped = new EscapedErrors();
  const recent: Buffer[] = [];
  let executions = 0;
  const watchdog = new Watchdog(target.name, options.failureDir, target.maxInputBytes, HANG_MS);

  /** Runs one input, and stops the run with a PropertyViolation if it broke the property. */
  const execute = async (input: Buffer): Promise<void> => {
    recent.push(input);
    if (recent.length > 8) recent.shift();
    executions++;
    let failure: unknown = null;
    watchdog.running(input);
    try {
      await target.run(input);
    } catch (e) {
      failure = e;
    } finally {
      watchdog.idle();
    }
    if (failure === null && escaped.errors.length > 0) failure = escaped.errors[0];
    if (failure !== null) {
      const saved = target.reproducer ? target.reproducer(recent) : input;
      const name = createHash('sha1').update(saved).digest('hex').slice(0, 16);
      mkdirSync(options.failureDir, { recursive: true });
      const file = join(options.failureDir, `${target.name}-${name}.bin`);
      writeFileSync(file, saved);
      throw new PropertyViolation(
        `${target.name}: the property broke after ${executions} inputs (seed ${options.seed}).\n` +
          `reproducer written to ${file}\nhex: ${saved.toString('hex')}\n${describe(failure)}`,
      );
    }
  };

  const keep = (input: Buffer) => {
    corpus.push(input);
    if (options.keepDir !== undefined) {
      mkdirSync(options.keepDir, { recursive: true });
      writeFileSync(join(options.keepDir, `${createHash('sha1').update(input).digest('hex').slice(0, 16)}.bin`), input);
    }
  };

  const deadline = Date.now() + options.budgetMs;
  const maxExecutions = options.maxExecutions ?? Infinity;
  await target.open?.();
  escaped.install();
  coverage.start();
  try {
    // Every seed is kept: real clients' frames are the best material to mutate. Seeds run in
    // batches too; only what they reached is needed, so that mutants are judged against it.
    const batch = target.batch ?? 1;
    for (let i = 0; i < options.seeds.length; i += batch) {
      for (const s of options.seeds.slice(i, i + batch)) {
        await execute(s);
        corpus.push(s);
      }
      coverage.merge(coverage.take());
    }
    while (Date.now() < deadline && executions < maxExecutions) {
      const inputs: Buffer[] = [];
      for (let i = 0; i < batch; i++) {
        const parent = corpus[rnd.int(0, corpus.length - 1)];
        inputs.push(target.mutate ? await target.mutate(parent, mutator) : mutator.mutate(parent));
      }
      for (const input of inputs) await execute(input);
      const features = coverage.take();
      if (batch === 1 ? !coverage.hasNew(features) : !coverage.hasNewBlock(features)) continue;
      if (batch === 1) {
        coverage.merge(features);
        keep(inputs[0]);
        continue;
      }
      for (const input of inputs) {
        await execute(input);
        const alone = coverage.take();
        if (coverage.hasNew(alone)) {
          coverage.merge(alone);
          keep(input);
        }
      }
    }
    return { executions, corpus: corpus.length, features: coverage.size };
  } finally {
    coverage.stop();
    escaped.uninstall();
    await watchdog.stop();
    await target.close?.();
  }
}

/** Runs inputs once each, as a plain test: the regression corpus. Throws on the first failure. */
export async function replay(target: FuzzTarget, inputs: readonly { name: string; bytes: Buffer }[], failureDir: string): Promise<void> {
  const escaped = new EscapedErrors();
  const watchdog = new Watchdog(target.name, failureDir, target.maxInputBytes, HANG_MS);
  await target.open?.();
  escaped.install();
  try {
    for (const { name, bytes } of inputs) {
      watchdog.running(bytes);
      try {
        await target.run(bytes);
      } catch (e) {
        throw new PropertyViolation(`${target.name}: ${name} breaks the property\nhex: ${bytes.toString('hex')}\n${describe(e)}`);
      }
      watchdog.idle();
      if (escaped.errors.length > 0) {
        throw new PropertyViolation(`${target.name}: ${name} let an error escape\nhex: ${bytes.toString('hex')}\n${describe(escaped.errors[0])}`);
      }
    }
  } finally {
    escaped.uninstall();
    await watchdog.stop();
    await target.close?.();
  }
}
