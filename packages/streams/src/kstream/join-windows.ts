/**
 * JoinWindows (Kafka Streams' `JoinWindows`): how far apart in time two records of a stream–stream
 * join may be and still join. A record of the left stream at time t joins right records in
 * [t - before, t + after]; the grace period is how long (in stream time) past a window's end a
 * late record is still joined. Durations are milliseconds, where Java takes a `Duration`.
 *
 * Only Java's current factories are offered (`ofTimeDifferenceWithNoGrace`,
 * `ofTimeDifferenceAndGrace`): with them a left or outer join emits a record without a partner only
 * once its window has closed, never a spurious early one (KIP-633).
 */
import { topologyError } from '../errors.ts';

function millis(value: number, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw topologyError(`${what} must be a whole number of milliseconds, got ${String(value)}`);
  return value;
}

export class JoinWindows {
  /** How much earlier than a left record a right record may be. */
  readonly beforeMs: number;
  /** How much later than a left record a right record may be. */
  readonly afterMs: number;
  readonly graceMs: number;

  private constructor(beforeMs: number, afterMs: number, graceMs: number) {
    this.beforeMs = beforeMs;
    this.afterMs = afterMs;
    this.graceMs = graceMs;
    // Java's wording, so that the message is the one Kafka users search for.
    if (beforeMs + afterMs < 0) throw topologyError(`Window interval (ie, beforeMs+afterMs) must not be negative; got before ${beforeMs} ms and after ${afterMs} ms`);
    if (graceMs < 0) throw topologyError(`Grace period must not be negative; got ${graceMs} ms`);
  }

  /** Records at most `timeDifferenceMs` apart join; a record later than its window's end is not joined. */
  static ofTimeDifferenceWithNoGrace(timeDifferenceMs: number): JoinWindows {
    return JoinWindows.ofTimeDifferenceAndGrace(timeDifferenceMs, 0);
  }

  /** Records at most `timeDifferenceMs` apart join, and late ones until `afterWindowEndMs` of stream time past the window's end. */
  static ofTimeDifferenceAndGrace(timeDifferenceMs: number, afterWindowEndMs: number): JoinWindows {
    const d = millis(timeDifferenceMs, 'the join time difference');
    return new JoinWindows(d, d, millis(afterWindowEndMs, 'the grace period (afterWindowEnd)'));
  }

  /** The same windows with another lower bound: right records up to `timeDifferenceMs` before a left one join it. */
  before(timeDifferenceMs: number): JoinWindows {
    return new JoinWindows(millis(timeDifferenceMs, 'the time difference before'), this.afterMs, this.graceMs);
  }

  /** The same windows with another upper bound: right records up to `timeDifferenceMs` after a left one join it. */
  after(timeDifferenceMs: number): JoinWindows {
    return new JoinWindows(this.beforeMs, millis(timeDifferenceMs, 'the time difference after'), this.graceMs);
  }

  /** before + after: the window size of the join's window stores. */
  size(): number {
    return this.beforeMs + this.afterMs;
  }

  gracePeriodMs(): number {
    return this.graceMs;
  }

  toString(): string {
    return `JoinWindows{beforeMs=${this.beforeMs}, afterMs=${this.afterMs}, graceMs=${this.graceMs}}`;
  }
}
