/**
 * connection_creation_rate per ip (KIP-612), as Kafka's ConnectionQuotas: each new connection
 * from an address counts against the quota of that ip entity, or of the default ip entity; one
 * over it is not served: it is held for the throttle time (at most one window) and then closed,
 * and it does not count.
 */
import type { QuotaValues } from './client-quotas.js';
import { type RateWindow, SampledRate, rateThrottleTimeMs } from './rate.js';

const KEY = 'connection_creation_rate';

export class IpConnectionRateQuota {
  private readonly rates = new Map<string, SampledRate>();
  private generation = -1;

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
    let rate = this.rates.get(ip);
    if (rate === undefined) this.rates.set(ip, (rate = new SampledRate(this.window)));
    rate.record(1, nowMs);
    const observed = rate.measure(nowMs);
    if (observed <= limit) return 0;
    rate.record(-1, nowMs);
    return Math.max(1, Math.min(rateThrottleTimeMs(observed, limit, rate.windowSizeMs(nowMs)), this.window.windowMs));
  }
}
