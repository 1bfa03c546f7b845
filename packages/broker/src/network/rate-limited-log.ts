/**
 * Warnings about clients (bad requests, refused connections) at a bounded rate: the first of each
 * kind is written at once, the others of that kind within the next interval are only counted,
 * and one line at the end of the interval says how many there were. A client sending garbage in a
 * loop must not fill the disk with the broker's log.
 */
import type { Timer } from '../groups/timer.ts';

export interface WarningLog {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** How long a kind of warning stays quiet after it was written. */
export const WARNING_INTERVAL_MS = 10_000;

export class RateLimitedLog {
  /** Kinds written in the current interval, with how many more were held back since. */
  private readonly quiet = new Map<string, number>();

  private readonly log: WarningLog;
  private readonly timer: Timer;
  private readonly intervalMs: number;

  constructor(log: WarningLog, timer: Timer, intervalMs = WARNING_INTERVAL_MS) {
    this.log = log;
    this.timer = timer;
    this.intervalMs = intervalMs;
  }

  /** `kind` groups the lines counted together, e.g. "malformed request". */
  warn(kind: string, message: string): void {
    if (this.holdBack(kind)) return;
    this.log.warn(message);
  }

  /** As warn, for unexpected errors: the first carries its stack, the rest are counted. */
  error(kind: string, message: string, error: unknown): void {
    if (this.holdBack(kind)) return;
    this.log.error(message, error);
  }

  /** Writes the counts still held back (on shutdown, so none is lost). */
  flush(): void {
    for (const kind of [...this.quiet.keys()]) {
      this.timer.cancel(this.timerKey(kind));
      this.endInterval(kind);
    }
  }

  private holdBack(kind: string): boolean {
    const held = this.quiet.get(kind);
    if (held !== undefined) {
      this.quiet.set(kind, held + 1);
      return true;
    }
    this.quiet.set(kind, 0);
    this.timer.schedule(this.timerKey(kind), this.intervalMs, () => this.endInterval(kind));
    return false;
  }

  private endInterval(kind: string): void {
    const held = this.quiet.get(kind) ?? 0;
    this.quiet.delete(kind);
    if (held > 0) this.log.warn(`${held} more ${kind} warning${held === 1 ? '' : 's'} in the last ${this.intervalMs / 1000} s (not shown)`);
  }

  private timerKey(kind: string): string {
    return `warning:${kind}`;
  }
}
