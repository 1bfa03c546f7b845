/**
 * connection_creation_rate per ip (KIP-612), as Kafka's ConnectionQuotas: each new connection
 * from an address counts against the quota of that address, or of the default ip entity; one
 * over it is not served: it is held for the throttle time (at most one window) and then closed,
 * and it does not count.
 *
 * A change of quotas is applied as Kafka's broker applies it (ClientQuotaMetadataManager, then
 * ConnectionQuotas.updateIpConnectionRateQuota): each changed ip entity sets or removes the limit
 * of the address it stands for (another form of an address, 127.1 or ::ffff:10.0.0.1, the address
 * itself; a host name its address, looked up then, once), the changes in the order they were made,
 * so that of two entities standing for one address the last changed decides and removing either
 * removes its limit; the value is taken as a Java int (Kafka's toInt: a fraction dropped, NaN 0,
 * Infinity Integer.MAX_VALUE, which is no quota). What each address has used is kept across the
 * change, as Kafka keeps an address's sensor and only changes its bound: a lowered quota holds
 * back an address already over it, and no change of quotas gives an address a fresh start.
 */
import type { QuotaValues } from './client-quotas.ts';
import { entityKey } from './entities.ts';
import type { HostResolver } from './host-resolver.ts';
import { entityAddress, literalAddress } from './ip-entity.ts';
import { type RateWindow, SampledRate, rateThrottleTimeMs } from './rate.ts';

const KEY = 'connection_creation_rate';

/** Kafka's IP_CONNECTION_RATE_DEFAULT, Integer.MAX_VALUE: an address with this quota is not limited (nor counted). */
export const NO_CONNECTION_RATE_QUOTA = 2_147_483_647;

/**
 * At most this many addresses are kept (least recently seen dropped first): within one measured
 * span clients from many addresses (an IPv6 prefix holds more than enough) could otherwise grow it.
 */
export const MAX_TRACKED_ADDRESSES = 100_000;

/** Scala's Double.toInt (the JVM's d2i), which Kafka's broker applies to connection_creation_rate. */
export function javaInt(value: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.max(-2_147_483_648, Math.min(NO_CONNECTION_RATE_QUOTA, Math.trunc(value)));
}

/** One ip entity's change, waiting for its name's address when that takes a lookup. */
interface IpQuotaChange {
  readonly name: string;
  /** The new value, undefined when removed. */
  readonly limit: number | undefined;
}

export class IpConnectionRateQuota {
  private readonly rates = new Map<string, { rate: SampledRate; lastMs: number }>();
  private lastSweepMs = 0;
  /** The generation of the quotas last applied. */
  private generation: number | undefined;
  /** connection_creation_rate of every ip entity as last applied, by entityKey. */
  private applied = new Map<string, { name: string | null; limit: number }>();
  /** Kafka's connectionRatePerIp: limits by address. */
  private readonly perAddress = new Map<string, number>();
  /** Kafka's defaultConnectionRatePerIp. */
  private defaultLimit = NO_CONNECTION_RATE_QUOTA;
  /** Changes not applied yet, in order: the first waits for its name's lookup. */
  private readonly waiting: IpQuotaChange[] = [];
  /** Settles once no change waits any more (for tests: host names looked up and applied). */
  private drained: { promise: Promise<void>; resolve: () => void } | undefined;

  private readonly values: QuotaValues;
  private readonly window: RateWindow;
  private readonly hosts: HostResolver;
  /** Where a host name that does not resolve is reported (Kafka logs "Unable to resolve address"). */
  private readonly warn: (message: string) => void;

  constructor(values: QuotaValues, window: RateWindow, hosts: HostResolver, warn: (message: string) => void = () => {}) {
    this.values = values;
    this.window = window;
    this.hosts = hosts;
    this.warn = warn;
  }

  /** Counts a new connection from `ip`; how long to hold it before closing it (0: serve it). */
  recordConnection(ip: string, nowMs: number): number {
    this.quotasChanged();
    const limit = this.perAddress.get(ip) ?? this.defaultLimit;
    // As Kafka: an address without a quota is not counted.
    if (limit === NO_CONNECTION_RATE_QUOTA) return 0;
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
    if (!(observed > limit)) return 0;
    rate.record(-1, nowMs);
    // A quota of 0 (NaN taken as an int) makes the throttle time infinite: capped at one window, as Kafka's.
    return Math.max(1, Math.min(rateThrottleTimeMs(observed, limit, rate.windowSizeMs(nowMs)), this.window.windowMs));
  }

  /**
   * Applies what changed in the ip entities' connection_creation_rate since last time. Called when
   * the quotas change, and by each connection in case a change has not been applied yet.
   */
  quotasChanged(): void {
    if (this.generation === this.values.generation) return;
    this.generation = this.values.generation;
    const now = new Map<string, { name: string | null; limit: number }>();
    for (const { entity, quotas } of this.values.all?.() ?? []) {
      const limit = quotas.get(KEY);
      if (entity.ip !== undefined && limit !== undefined) now.set(entityKey(entity), { name: entity.ip, limit });
    }
    for (const [key, { name, limit }] of now) {
      const before = this.applied.get(key);
      if (before === undefined || !Object.is(before.limit, limit)) this.change(name, limit);
    }
    for (const [key, { name }] of this.applied) if (!now.has(key)) this.change(name, undefined);
    this.applied = now;
  }

  private change(name: string | null, limit: number | undefined): void {
    if (name === null) {
      this.defaultLimit = limit === undefined ? NO_CONNECTION_RATE_QUOTA : javaInt(limit);
      return;
    }
    this.waiting.push({ name, limit });
    if (this.waiting.length > 1) return;
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    this.drained = { promise, resolve };
    this.applyWaiting();
  }

  /** Applies the waiting changes in order, as far as their addresses are known; looks up the first name that is not. */
  private applyWaiting(): void {
    while (this.waiting.length > 0) {
      const first = this.waiting[0]!;
      const address = this.knownAddress(first.name);
      if (address === undefined) {
        entityAddress(first.name, this.hosts)
          .then((looked) => {
            this.waiting.shift();
            this.apply(first, looked ?? null);
            this.applyWaiting();
          })
          // Nobody awaits this outside tests: a rejection would end the process.
          .catch(() => {});
        return;
      }
      this.waiting.shift();
      this.apply(first, address);
    }
    this.drained?.resolve();
    this.drained = undefined;
  }

  /** Settles once every change made so far is applied (host names looked up). */
  get addressesMapped(): Promise<void> {
    return this.drained?.promise ?? Promise.resolve();
  }

  /** Kafka's updateIpConnectionRateQuota for one address (null: the name did not resolve, nothing changes). */
  private apply({ name, limit }: IpQuotaChange, address: string | null): void {
    if (address === null) {
      try {
        this.warn(`connection_creation_rate of ip ${name} not applied: unable to resolve address ${name}`);
      } catch {
        // A log that throws must not stop the changes after this one.
      }
      return;
    }
    if (limit === undefined) this.perAddress.delete(address);
    else this.perAddress.set(address, javaInt(limit));
  }

  /** The address an entity's name stands for: a literal's, a host name's cached answer (null: it does not resolve), undefined until looked up. */
  private knownAddress(name: string): string | null | undefined {
    const literal = literalAddress(name);
    if (literal !== undefined) return literal;
    const address = this.hosts.peek(name);
    if (address === undefined || address === null) return address;
    return literalAddress(address) ?? address;
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
