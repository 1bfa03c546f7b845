/**
 * The two measures Kafka's quotas are enforced with, on a clock the caller passes in (so tests
 * drive them with a manual one):
 *
 * - `SampledRate`: Kafka's `Rate` over a `SampledStat` — `samples` windows of `windowMs`; the rate
 *   is the sum over the retained windows divided by the time they cover, counted as at least
 *   `samples - 1` full windows so that a first burst is not measured over a few milliseconds.
 *   Byte rates and request time are measured this way (`quota.window.num`,
 *   `quota.window.size.seconds`).
 * - `TokenBucket`: Kafka's for `controller_mutation_rate`: refilled at the quota's rate up to a
 *   burst of `samples × window × quota`, and in violation once it is below zero.
 */

export interface RateWindow {
  /** quota.window.num */
  readonly samples: number;
  /** quota.window.size.seconds, in ms */
  readonly windowMs: number;
}

/**
 * The longest throttle time an answer can carry (throttle_time_ms is an INT32), and the longest a
 * Node timer can wait: a tiny quota (a controller_mutation_rate of 1e-9 per second) or a large
 * request under a small byte rate gives more, which would not encode and would mute for 1 ms.
 */
export const MAX_THROTTLE_TIME_MS = 2_147_483_647;

/** A throttle time as answered and enforced: a whole number of ms within 0..MAX_THROTTLE_TIME_MS. */
export function boundedThrottleTimeMs(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(Math.round(ms), MAX_THROTTLE_TIME_MS);
}

interface Sample {
  value: number;
  startMs: number;
  lastEventMs: number;
}

export class SampledRate {
  /** One more than `samples`: the extra one is the window overlapping the start of the measured span. */
  private readonly samples: Sample[] = [];
  private current = 0;

  private readonly window: RateWindow;

  constructor(window: RateWindow) {
    this.window = window;
  }

  record(value: number, nowMs: number): void {
    let sample = this.currentSample(nowMs);
    if (nowMs - sample.startMs >= this.window.windowMs) sample = this.advance(nowMs);
    sample.value += value;
    sample.lastEventMs = nowMs;
  }

  /** True once no event is within the measured span: it then measures as a new one does. */
  idle(nowMs: number): boolean {
    const expireAge = this.window.samples * this.window.windowMs;
    return this.samples.every((s) => nowMs - s.lastEventMs >= expireAge);
  }

  /** Per second. */
  measure(nowMs: number): number {
    this.purgeObsolete(nowMs);
    const total = this.samples.reduce((sum, s) => sum + s.value, 0);
    return total / (this.windowSizeMs(nowMs) / 1000);
  }

  /** The span the rate is measured over, as Kafka's Rate.windowSize. */
  windowSizeMs(nowMs: number): number {
    this.purgeObsolete(nowMs);
    const oldest = this.samples.length === 0 ? nowMs : Math.min(...this.samples.map((s) => s.startMs));
    let elapsed = nowMs - oldest;
    const fullWindows = Math.floor(elapsed / this.window.windowMs);
    const minFullWindows = this.window.samples - 1;
    if (fullWindows < minFullWindows) elapsed += (minFullWindows - fullWindows) * this.window.windowMs;
    return Math.max(elapsed, 1);
  }

  private currentSample(nowMs: number): Sample {
    if (this.samples.length === 0) this.samples.push({ value: 0, startMs: nowMs, lastEventMs: nowMs });
    return this.samples[this.current];
  }

  private advance(nowMs: number): Sample {
    this.current = (this.current + 1) % (this.window.samples + 1);
    if (this.current >= this.samples.length) {
      const fresh = { value: 0, startMs: nowMs, lastEventMs: nowMs };
      this.samples.push(fresh);
      return fresh;
    }
    const reused = this.samples[this.current];
    reset(reused, nowMs);
    return reused;
  }

  /** Windows with no event within the measured span count for nothing (they may overlap its start). */
  private purgeObsolete(nowMs: number): void {
    const expireAge = this.window.samples * this.window.windowMs;
    for (const s of this.samples) if (nowMs - s.lastEventMs >= expireAge) reset(s, nowMs);
  }
}

function reset(sample: Sample, nowMs: number): void {
  sample.value = 0;
  sample.startMs = nowMs;
  sample.lastEventMs = nowMs;
}

/**
 * The time that brings a measured rate back to its quota if nothing more is recorded, as Kafka's
 * QuotaUtils.throttleTime: with O observed over a span W and a quota T, O·W/(W+X) = T gives X.
 */
export function rateThrottleTimeMs(observed: number, quota: number, windowMs: number): number {
  return boundedThrottleTimeMs(((observed - quota) / quota) * windowMs);
}

export class TokenBucket {
  private tokens = 0;
  /** Undefined until first used: the bucket starts full, as Kafka's (refilled from time 0). */
  private lastUpdateMs: number | undefined;
  /** The quota it was last refilled for. */
  private lastQuota = 0;

  private readonly window: RateWindow;

  constructor(window: RateWindow) {
    this.window = window;
  }

  /** Tokens left (negative: in debt) at `nowMs` for a quota of `quota` per second. */
  measure(quota: number, nowMs: number): number {
    this.refill(quota, nowMs);
    return this.tokens;
  }

  record(quota: number, value: number, nowMs: number): void {
    this.refill(quota, nowMs);
    this.tokens = Math.min(this.burst(quota), this.tokens - value);
  }

  /** True once it is full again: it then measures as a new one does (a debt is never forgotten). */
  idle(nowMs: number): boolean {
    // Not below its burst: full, or a quota of NaN (which Kafka takes and which limits nothing).
    return this.lastUpdateMs === undefined || !(this.measure(this.lastQuota, nowMs) < this.burst(this.lastQuota));
  }

  /** How long until the debt is paid back, as Kafka's ControllerMutationQuotaManager.throttleTimeMs. */
  static throttleTimeMs(tokens: number, quota: number): number {
    return boundedThrottleTimeMs((-tokens / quota) * 1000);
  }

  private burst(quota: number): number {
    return this.window.samples * (this.window.windowMs / 1000) * quota;
  }

  private refill(quota: number, nowMs: number): void {
    const burst = this.burst(quota);
    this.tokens = this.lastUpdateMs === undefined ? burst : Math.min(burst, this.tokens + (quota * (nowMs - this.lastUpdateMs)) / 1000);
    this.lastUpdateMs = nowMs;
    this.lastQuota = quota;
  }
}
