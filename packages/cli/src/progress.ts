/**
 * Progress of a long `sluice produce` or `sluice consume` run, on stderr so that it never mixes
 * with the records on stdout: a line every 2 s while records flow, and a summary at the end of a
 * run that took that long. SLUICE_PROGRESS_INTERVAL_MS changes the interval (0 reports at every
 * record; tests use it).
 */
import { UsageError } from './args.ts';

export const PROGRESS_EVERY_MS = 2000;

export interface ProgressOptions {
  /** Default: $SLUICE_PROGRESS_INTERVAL_MS, else PROGRESS_EVERY_MS. */
  everyMs?: number;
  now?: () => number;
  write?: (line: string) => void;
}

/** The interval from $SLUICE_PROGRESS_INTERVAL_MS, else the default. */
export function progressInterval(env: NodeJS.ProcessEnv = process.env): number {
  const text = env.SLUICE_PROGRESS_INTERVAL_MS;
  if (text === undefined || text === '') return PROGRESS_EVERY_MS;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`SLUICE_PROGRESS_INTERVAL_MS must be a whole number of milliseconds, got ${JSON.stringify(text)}`);
  return n;
}

export class Progress {
  private readonly everyMs: number;
  private readonly now: () => number;
  private readonly write: (line: string) => void;
  private readonly started: number;
  private lastReport: number;

  constructor(options: ProgressOptions = {}) {
    this.everyMs = options.everyMs ?? progressInterval();
    this.now = options.now ?? Date.now;
    this.write = options.write ?? ((line) => void process.stderr.write(line));
    this.started = this.now();
    this.lastReport = this.started;
  }

  /** After each record: writes `line()` when the interval has passed since the last report. */
  tick(line: () => string): void {
    const now = this.now();
    if (now - this.lastReport < this.everyMs) return;
    this.lastReport = now;
    this.write(`${line()}\n`);
  }

  /** At the end: writes the summary if the run lasted at least one interval. */
  finish(summary: string): void {
    if (this.now() - this.started >= this.everyMs) this.write(`${summary}\n`);
  }
}
