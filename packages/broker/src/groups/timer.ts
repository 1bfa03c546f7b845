/**
 * Keyed timers: scheduling a key again replaces its timer, as Kafka's coordinator timer does.
 * Injectable so that group tests can drive time without sleeping.
 */
import { type ErrorLog, contained, stderrErrorLog } from '../contain.ts';

export interface Timer {
  now(): number;
  schedule(key: string, delayMs: number, fn: () => void): void;
  cancel(key: string): void;
  cancelAll(): void;
}

/**
 * Real time. A callback that throws is logged with its key (which names the group and member) and
 * goes no further, as Kafka's coordinator runtime does with a failed timer operation: a bug in one
 * group's timer must not end the broker.
 */
export class SystemTimer implements Timer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  private readonly log: ErrorLog;

  constructor(log: ErrorLog = stderrErrorLog) {
    this.log = log;
  }

  now(): number {
    return Date.now();
  }

  schedule(key: string, delayMs: number, fn: () => void): void {
    this.cancel(key);
    const run = contained(this.log, `timer ${key}`, fn);
    const t = setTimeout(() => {
      // Run after the event loop's next look at the network (setImmediate comes after its I/O
      // poll), and only if nothing read there rescheduled or cancelled the key. After a pause of
      // the process (a loaded machine, a long GC) the timer is overdue and Node runs it before it
      // reads the requests that came meanwhile: a member's heartbeat waiting in its socket would
      // otherwise lose to the session expiry it was sent to prevent.
      setImmediate(() => {
        if (this.timers.get(key) !== t) return;
        this.timers.delete(key);
        run();
      });
    }, Math.min(Math.max(0, delayMs), 2 ** 31 - 1));
    t.unref();
    this.timers.set(key, t);
  }

  cancel(key: string): void {
    const t = this.timers.get(key);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(key);
  }

  cancelAll(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** A timer whose clock only moves when told to: for deterministic tests, which see what a callback throws. */
export class ManualTimer implements Timer {
  private time = 0;
  private readonly timers = new Map<string, { at: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  schedule(key: string, delayMs: number, fn: () => void): void {
    this.timers.set(key, { at: this.time + Math.max(0, delayMs), fn });
  }

  cancel(key: string): void {
    this.timers.delete(key);
  }

  cancelAll(): void {
    this.timers.clear();
  }

  /** Moves the clock forward, firing due timers in order. */
  advance(ms: number): void {
    const until = this.time + ms;
    let fired = 0;
    for (;;) {
      if (++fired > 100_000) throw new Error(`timers keep firing at ${this.time} ms: ${[...this.timers.keys()].join(', ')}`);
      let next: [string, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= until && (next === undefined || entry[1].at < next[1].at)) next = entry;
      if (next === undefined) break;
      this.timers.delete(next[0]);
      this.time = next[1].at;
      next[1].fn();
    }
    this.time = until;
  }

  has(key: string): boolean {
    return this.timers.has(key);
  }

  /** The keys of the timers not yet fired. */
  keys(): string[] {
    return [...this.timers.keys()];
  }
}
