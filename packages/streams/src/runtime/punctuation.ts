/**
 * Punctuation schedules of one task, for one kind of time. A schedule fires when its time has
 * come, once, even if several intervals passed (a long gap in the data or a stalled clock must
 * not release a burst of punctuations), and the next one is aligned to the schedule's start.
 */
import type { Cancellable, Punctuator } from '../processor/api.ts';

export interface Schedule {
  readonly nodeName: string;
  readonly intervalMs: number;
  readonly punctuator: Punctuator;
  next: number;
  cancelled: boolean;
}

export class PunctuationSchedules {
  private schedules: Schedule[] = [];

  add(nodeName: string, startMs: number, intervalMs: number, punctuator: Punctuator): Cancellable {
    if (!Number.isFinite(intervalMs) || intervalMs < 1) throw new RangeError(`a punctuation interval must be at least 1 ms, got ${intervalMs}`);
    const s: Schedule = { nodeName, intervalMs, punctuator, next: startMs, cancelled: false };
    this.schedules.push(s);
    return {
      cancel: () => {
        s.cancelled = true;
        this.schedules = this.schedules.filter((x) => x !== s);
      },
    };
  }

  get size(): number {
    return this.schedules.length;
  }

  /** The earliest time a schedule is due (Infinity when there is none). */
  nextDue(): number {
    let min = Infinity;
    for (const s of this.schedules) if (s.next < min) min = s.next;
    return min;
  }

  /** Runs every schedule due at `now`, earliest first; returns whether any ran. */
  punctuate(now: number, run: (schedule: Schedule, now: number) => void): boolean {
    const due = this.schedules.filter((s) => s.next <= now).sort((a, b) => a.next - b.next);
    for (const s of due) {
      if (s.cancelled) continue;
      const missed = Math.floor((now - s.next) / s.intervalMs);
      s.next += (missed + 1) * s.intervalMs;
      run(s, now);
    }
    return due.length > 0;
  }
}
