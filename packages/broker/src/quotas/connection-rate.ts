/**
 * connection_creation_rate per ip (KIP-612), as Kafka's ConnectionQuotas: each new connection
 * from an address counts against the quota of that ip entity, or of the default ip entity; one
 * over it is not served: it is held for the throttle time (at most one window) and then closed,
 * and it does not count.
 */
import type { QuotaValues } from './client-quotas.js';
import { type RateWindow, SampledRate, rateThrottleTimeMs } from './rate.js';

const KEY = 'connection_creation_rate';

/**
 * At most this many addresses are kept (least recently seen dropped first): within one measured
 * span clients from many addresses (an IPv6 prefix holds more than enough) could otherwise grow it.
 */
export const MAX_TRACKED_ADDRESSES = 100_000;

export class IpConnectionRateQuota {
  private readonly rates = new Map<string, { rate: SampledRate; lastMs: number }>();
  private generation = -1;
  private lastSweepMs = 0;

  constructor(
    private readonly values: QuotaValues,
    private readonly window: RateWindow,
  ) {}

  /** Counts a new connection from `ip`; how long to hold it before closing it (0: serve it). */
  recordConnection(ip: string, nowMs: number): number {
    if (this.generation !== this.values.generation) {
      // Usage is kept per address only while a quota may apply; a change of quotas starts afresh.
      this.generation = this.values.generation;
      this.rates.clear();
    }
    if (!this.values.hasAny(KEY)) return 0;
    const limit = this.values.get({ ip }, KEY) ?? this.values.get({ ip: null }, KEY);
    if (limit === undefined) return 0;
    this.sweep(nowMs);
    let entry = this.rates.get(ip);
    if (entry === undefined) {
      if (this.rates.size >= MAX_TRACKED_ADDRESSES) this.rates.delete(this.rates.keys().next().value!);
      entry = { rate: new SampledRate(this.window), lastMs: nowMs };
    } else {
      // Moved to the end: the map stays in order of last use.
      this.rates.delete(ip);
    }
    this.rates.set(ip, entry);
    entry.lastMs = nowMs;
    const rate = entry.rate;
    rate.record(1, nowMs);
    const observed = rate.measure(nowMs);
    // Not over (a limit of NaN, which Kafka takes, is never gone over).
    if (!(observed > limit)) return 0;
    rate.record(-1, nowMs);
    return Math.max(1, Math.min(rateThrottleTimeMs(observed, limit, rate.windowSizeMs(nowMs)), this.window.windowMs));
  }

  /** How many addresses are kept now. */
  get trackedAddresses(): number {
    return this.rates.size;
  }

  /** Addresses not seen for the whole measured span count for nothing: forgotten, so many clients cannot grow the map. */
  private sweep(nowMs: number): void {
    const span = this.window.samples * this.window.windowMs;
    if (nowMs - this.lastSweepMs < span) return;
    this.lastSweepMs = nowMs;
    for (const [ip, e] of this.rates) if (nowMs - e.lastMs >= span) this.rates.delete(ip);
  }
}
