/**
 * Window specifications (Kafka Streams' `TimeWindows`, `SlidingWindows`, `SessionWindows`): which
 * windows a record falls into and how long a window stays open for late records (its grace
 * period). Durations are milliseconds, where Java takes a `Duration`. Windows are aligned to the
 * epoch as Java's are, so a window's start is a multiple of the advance.
 */
import { topologyError } from '../errors.ts';
import type { Window } from '../state/api.ts';

function millis(value: number, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw topologyError(`${what} must be a whole number of milliseconds, got ${String(value)}`);
  return value;
}

/**
 * Fixed-size windows: tumbling (`ofSizeWithNoGrace(size)`, windows do not overlap) or hopping
 * (`.advanceBy(advance)`, a record is in size / advance windows). Windows are [start, start + size).
 */
export class TimeWindows {
  readonly sizeMs: number;
  readonly advanceMs: number;
  readonly graceMs: number;

  private constructor(sizeMs: number, advanceMs: number, graceMs: number) {
    this.sizeMs = sizeMs;
    this.advanceMs = advanceMs;
    this.graceMs = graceMs;
    if (sizeMs <= 0) throw topologyError(`the window size must be larger than zero, got ${sizeMs} ms`);
    if (advanceMs <= 0 || advanceMs > sizeMs) {
      throw topologyError(`the window advance must be more than zero and at most the window size (${sizeMs} ms), got ${advanceMs} ms`);
    }
    if (graceMs < 0) throw topologyError(`the grace period must not be negative, got ${graceMs} ms`);
  }

  /** Tumbling windows of `sizeMs`; a record later than its window's end is dropped. */
  static ofSizeWithNoGrace(sizeMs: number): TimeWindows {
    return TimeWindows.ofSizeAndGrace(sizeMs, 0);
  }

  /** Tumbling windows of `sizeMs` that accept records until `afterWindowEndMs` of stream time past their end. */
  static ofSizeAndGrace(sizeMs: number, afterWindowEndMs: number): TimeWindows {
    const size = millis(sizeMs, 'the window size');
    return new TimeWindows(size, size, millis(afterWindowEndMs, 'the grace period (afterWindowEnd)'));
  }

  /** Hopping windows: a new window every `advanceMs`, each `sizeMs` long. */
  advanceBy(advanceMs: number): TimeWindows {
    return new TimeWindows(this.sizeMs, millis(advanceMs, 'the window advance'), this.graceMs);
  }

  /** The windows containing `timestamp`, by start (Java's `windowsFor`). */
  windowsFor(timestamp: number): Window[] {
    let start = Math.floor(Math.max(0, timestamp - this.sizeMs + this.advanceMs) / this.advanceMs) * this.advanceMs;
    const windows: Window[] = [];
    for (; start <= timestamp; start += this.advanceMs) windows.push({ start, end: start + this.sizeMs });
    return windows;
  }

  size(): number {
    return this.sizeMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  toString(): string {
    return `TimeWindows{sizeMs=${this.sizeMs}, advanceMs=${this.advanceMs}, graceMs=${this.graceMs}}`;
  }
}

/**
 * Session windows: a key's records closer than the inactivity gap to each other make one session
 * [first, last] (both ends inclusive); a record between two sessions merges them.
 */
export class SessionWindows {
  readonly gapMs: number;
  readonly graceMs: number;

  private constructor(gapMs: number, graceMs: number) {
    this.gapMs = gapMs;
    this.graceMs = graceMs;
    if (gapMs <= 0) throw topologyError(`the inactivity gap must be larger than zero, got ${gapMs} ms`);
    if (graceMs < 0) throw topologyError(`the grace period must not be negative, got ${graceMs} ms`);
  }

  static ofInactivityGapWithNoGrace(inactivityGapMs: number): SessionWindows {
    return SessionWindows.ofInactivityGapAndGrace(inactivityGapMs, 0);
  }

  /** Sessions that accept records until `afterWindowEndMs` of stream time past their end plus the gap. */
  static ofInactivityGapAndGrace(inactivityGapMs: number, afterWindowEndMs: number): SessionWindows {
    return new SessionWindows(millis(inactivityGapMs, 'the inactivity gap'), millis(afterWindowEndMs, 'the grace period (afterWindowEnd)'));
  }

  inactivityGap(): number {
    return this.gapMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  toString(): string {
    return `SessionWindows{gapMs=${this.gapMs}, graceMs=${this.graceMs}}`;
  }
}

/**
 * Sliding windows: for each record, the windows [t − timeDifference, t] ending at it and
 * [t + 1, t + 1 + timeDifference] right after it, so every distinct set of records closer than the
 * time difference has one window (both ends inclusive), as Java's SlidingWindows.
 */
export class SlidingWindows {
  readonly timeDifference: number;
  readonly graceMs: number;

  private constructor(timeDifference: number, graceMs: number) {
    this.timeDifference = timeDifference;
    this.graceMs = graceMs;
    if (timeDifference < 0) throw topologyError(`the window time difference must not be negative, got ${timeDifference} ms`);
    if (graceMs < 0) throw topologyError(`the grace period must not be negative, got ${graceMs} ms`);
  }

  static ofTimeDifferenceWithNoGrace(timeDifferenceMs: number): SlidingWindows {
    return SlidingWindows.ofTimeDifferenceAndGrace(timeDifferenceMs, 0);
  }

  static ofTimeDifferenceAndGrace(timeDifferenceMs: number, afterWindowEndMs: number): SlidingWindows {
    return new SlidingWindows(millis(timeDifferenceMs, 'the time difference'), millis(afterWindowEndMs, 'the grace period (afterWindowEnd)'));
  }

  timeDifferenceMs(): number {
    return this.timeDifference;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  toString(): string {
    return `SlidingWindows{timeDifferenceMs=${this.timeDifference}, graceMs=${this.graceMs}}`;
  }
}
