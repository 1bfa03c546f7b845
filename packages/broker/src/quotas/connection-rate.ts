/**
 * connection_creation_rate per ip (KIP-612), as Kafka's ConnectionQuotas: each new connection
 * from an address counts against the quota of that ip entity, or of the default ip entity; one
 * over it is not served: it is held for the throttle time (at most one window) and then closed,
 * and it does not count. An ip entity named by another form of an address (127.1, ::ffff:10.0.0.1)
 * or by a host name applies to the address it stands for, as Kafka's broker resolves the name
 * when it applies the quota (a host name once its lookup has answered).
 */
import type { QuotaValues } from './client-quotas.js';
import { entityAddress, literalAddress } from './ip-entity.js';
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
  /** Limits of ip entities whose name is not the address itself, by the address it stands for. */
  private byAddress = new Map<string, number>();
  /** Settles when the host names of the quotas in force have been looked up. */
  addressesMapped: Promise<void> = Promise.resolve();

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
      this.mapAddresses();
    }
    if (!this.values.hasAny(KEY)) return 0;
    const limit = this.values.get({ ip }, KEY) ?? this.byAddress.get(ip) ?? this.values.get({ ip: null }, KEY);
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

  private mapAddresses(): void {
    const generation = this.generation;
    const byAddress = (this.byAddress = new Map());
    const lookups: Promise<void>[] = [];
    for (const { entity, quotas } of this.values.all?.() ?? []) {
      const name = entity.ip;
      const limit = quotas.get(KEY);
      if (typeof name !== 'string' || limit === undefined) continue;
      const literal = literalAddress(name);
      if (literal !== undefined) {
        if (literal !== name && !byAddress.has(literal)) byAddress.set(literal, limit);
        continue;
      }
      lookups.push(
        entityAddress(name).then(
          (address) => {
            if (address !== undefined && this.generation === generation && !byAddress.has(address)) byAddress.set(address, limit);
          },
          // Nobody awaits this outside tests: a rejection would end the process. A name that
          // cannot be looked up maps to nothing, as one that does not resolve.
          () => {},
        ),
      );
    }
    this.addressesMapped = Promise.all(lookups).then(() => undefined);
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
