/**
 * Enforcement of the client quotas of one kind (Kafka's ClientQuotaManager and its request and
 * controller-mutation variants): which quota applies to a (user, client id), the sampled usage
 * shared by every client that quota covers, and the throttle time once the usage is over it.
 */
import type { QuotaEntity } from './entities.ts';
import { type RateWindow, SampledRate, TokenBucket, rateThrottleTimeMs } from './rate.ts';

export interface QuotaValues {
  get(entity: QuotaEntity, key: string): number | undefined;
  hasAny(key: string): boolean;
  readonly generation: number;
  /** Every entity with its values (connection_creation_rate maps ip entities' names to addresses). */
  all?(): Iterable<{ readonly entity: QuotaEntity; readonly quotas: ReadonlyMap<string, number> }>;
}

export interface ResolvedQuota {
  /** Who shares the usage: Kafka's metric tags (user, client-id), "" where the quota does not depend on it. */
  readonly user: string;
  readonly clientId: string;
  /** Undefined: no quota applies. */
  readonly limit: number | undefined;
}

/**
 * Kafka's resolution (DefaultQuotaCallback), most specific first: user and client-id, user and
 * the default client-id, user, the default user and client-id, the default user and the default
 * client-id, the default user, client-id, the default client-id. The first entity that has the
 * key decides whose usage is shared; the limit is then looked up as Kafka's quotaLimit does.
 */
export function resolveClientQuota(values: Pick<QuotaValues, 'get'>, key: string, user: string, clientId: string): ResolvedQuota {
  const has = (entity: QuotaEntity) => values.get(entity, key) !== undefined;
  let tags: [string, string];
  if (has({ user, 'client-id': clientId }) || has({ user, 'client-id': null })) tags = [user, clientId];
  else if (has({ user })) tags = [user, ''];
  else if (has({ user: null, 'client-id': clientId }) || has({ user: null, 'client-id': null })) tags = [user, clientId];
  else if (has({ user: null })) tags = [user, ''];
  else tags = ['', clientId];
  return { user: tags[0], clientId: tags[1], limit: limitFor(values, key, tags[0], tags[1]) };
}

function limitFor(values: Pick<QuotaValues, 'get'>, key: string, user: string, clientId: string): number | undefined {
  const get = (entity: QuotaEntity) => values.get(entity, key);
  if (user !== '' && clientId !== '') {
    return get({ user, 'client-id': clientId }) ?? get({ user, 'client-id': null }) ?? get({ user: null, 'client-id': clientId }) ?? get({ user: null, 'client-id': null });
  }
  if (user !== '') return get({ user }) ?? get({ user: null });
  if (clientId !== '') return get({ 'client-id': clientId }) ?? get({ 'client-id': null });
  return undefined;
}

/** The user name of a principal (User:alice → alice), as Kafka's quota tags use it. */
export function quotaUser(principal: string): string {
  const colon = principal.indexOf(':');
  return colon < 0 ? principal : principal.slice(colon + 1);
}

/**
 * At most this many usages are kept per kind of quota. They are keyed by names the clients choose
 * (client ids under a default client-id quota), so without a bound a client sending requests with
 * ever new client ids would grow the broker's memory; over it the least recently used is dropped
 * (Kafka keeps a sensor per client id for an hour, with no bound).
 */
export const MAX_TRACKED_USAGES = 100_000;

/** What a quota manager keeps per (user, client id) it enforces a quota on. */
interface Usage {
  /** True once forgetting it changes nothing: it would measure as a new one does. */
  idle(nowMs: number): boolean;
}

abstract class QuotaManagerBase<Sensor extends Usage> {
  /** In order of last use (an entry used again moves to the end), so the first one is the least recently used. */
  private readonly sensors = new Map<string, Sensor>();
  private lastSweepMs = 0;

  readonly key: string;
  protected readonly values: QuotaValues;
  protected readonly window: RateWindow;

  constructor(key: string, values: QuotaValues, window: RateWindow) {
    this.key = key;
    this.values = values;
    this.window = window;
  }

  /** Kafka records nothing while no entity has a quota of this kind. */
  get enabled(): boolean {
    return this.values.hasAny(this.key);
  }

  /** How many (user, client id) usages are kept now. */
  get trackedUsages(): number {
    return this.sensors.size;
  }

  protected abstract newSensor(): Sensor;

  /** The quota that applies and its usage; no usage is kept for a client no quota applies to. */
  protected resolve(user: string, clientId: string, nowMs: number): { quota: ResolvedQuota; sensor: Sensor | undefined } {
    const quota = resolveClientQuota(this.values, this.key, user, clientId);
    if (quota.limit === undefined) return { quota, sensor: undefined };
    if (nowMs - this.lastSweepMs >= this.window.samples * this.window.windowMs) this.sweep(nowMs);
    const tag = `${quota.user}\u0000${quota.clientId}`;
    let sensor = this.sensors.get(tag);
    if (sensor === undefined) {
      if (this.sensors.size >= MAX_TRACKED_USAGES) this.sensors.delete(this.sensors.keys().next().value!);
      sensor = this.newSensor();
    } else {
      this.sensors.delete(tag);
    }
    this.sensors.set(tag, sensor);
    return { quota, sensor };
  }

  /** Usages that measure as new ones would are dropped, once per measured span. */
  private sweep(nowMs: number): void {
    this.lastSweepMs = nowMs;
    for (const [tag, sensor] of this.sensors) if (sensor.idle(nowMs)) this.sensors.delete(tag);
  }
}

/** producer_byte_rate, consumer_byte_rate and request_percentage: a sampled rate per quota. */
export class ClientQuotaManager extends QuotaManagerBase<SampledRate> {
  /** Request quotas bound the throttle to one window, as Kafka's ClientRequestQuotaManager. */
  private readonly maxThrottleTimeMs: number;

  constructor(key: string, values: QuotaValues, window: RateWindow, maxThrottleTimeMs = Infinity) {
    super(key, values, window);
    this.maxThrottleTimeMs = maxThrottleTimeMs;
  }

  protected newSensor(): SampledRate {
    return new SampledRate(this.window);
  }

  /** Records `value` for the client and answers how long it is to be throttled (0: not at all). */
  recordAndGetThrottleTimeMs(user: string, clientId: string, value: number, nowMs: number): number {
    if (!this.enabled) return 0;
    const { quota, sensor } = this.resolve(user, clientId, nowMs);
    if (sensor === undefined || quota.limit === undefined) return 0;
    sensor.record(value, nowMs);
    const observed = sensor.measure(nowMs);
    // Not over (a limit of NaN, which Kafka takes, is never gone over).
    if (!(observed > quota.limit)) return 0;
    return Math.min(rateThrottleTimeMs(observed, quota.limit, sensor.windowSizeMs(nowMs)), this.maxThrottleTimeMs);
  }

  /** Takes back a recorded value (a throttled fetch answers no records, so it used none). */
  unrecord(user: string, clientId: string, value: number, nowMs: number): void {
    if (!this.enabled) return;
    this.resolve(user, clientId, nowMs).sensor?.record(-value, nowMs);
  }

  /** The most that can be recorded at once without being throttled for sure (Kafka caps a fetch's size with it). */
  maxValueInQuotaWindow(user: string, clientId: string): number {
    if (!this.enabled) return Infinity;
    const limit = resolveClientQuota(this.values, this.key, user, clientId).limit;
    return limit === undefined ? Infinity : limit * (this.window.samples - 1) * (this.window.windowMs / 1000);
  }
}

/** A partition mutation refused by a strict controller_mutation_rate quota. */
export class ThrottlingQuotaExceeded extends Error {
  readonly throttleTimeMs: number;

  constructor(throttleTimeMs: number) {
    super('The throttling quota has been exceeded.');
    this.throttleTimeMs = throttleTimeMs;
  }
}

/**
 * One request's view of the controller_mutation_rate quota (Kafka's ControllerMutationQuota):
 * strict (CreateTopics v6+, DeleteTopics v5+, CreatePartitions v3+) refuses a mutation once the
 * quota is exceeded, permissive (older versions, whose clients know no such error) lets it
 * through and throttles afterwards.
 */
export interface ControllerMutationQuota {
  /** Records `partitions` mutations; strict: throws ThrottlingQuotaExceeded when over the quota. */
  record(partitions: number): void;
  /** The throttle time now, less what has passed since it was measured. */
  throttleTimeMs(): number;
}

const UNBOUNDED: ControllerMutationQuota = { record: () => {}, throttleTimeMs: () => 0 };

export class ControllerMutationQuotaManager extends QuotaManagerBase<TokenBucket> {
  private readonly clock: () => number;

  constructor(values: QuotaValues, window: RateWindow, clock: () => number) {
    super('controller_mutation_rate', values, window);
    this.clock = clock;
  }

  protected newSensor(): TokenBucket {
    return new TokenBucket(this.window);
  }

  quotaFor(user: string, clientId: string, strict: boolean): ControllerMutationQuota {
    if (!this.enabled) return UNBOUNDED;
    let lastThrottleMs = 0;
    let lastRecordedMs = 0;
    return {
      record: (partitions) => {
        const now = this.clock();
        const { quota, sensor } = this.resolve(user, clientId, now);
        if (sensor === undefined || quota.limit === undefined) return;
        if (strict) {
          // Checked before recording: the mutation that goes over the quota is still made.
          const tokens = sensor.measure(quota.limit, now);
          if (tokens < 0) {
            lastThrottleMs = TokenBucket.throttleTimeMs(tokens, quota.limit);
            lastRecordedMs = now;
            throw new ThrottlingQuotaExceeded(lastThrottleMs);
          }
          sensor.record(quota.limit, partitions, now);
          return;
        }
        sensor.record(quota.limit, partitions, now);
        const tokens = sensor.measure(quota.limit, now);
        if (tokens < 0) {
          lastThrottleMs = TokenBucket.throttleTimeMs(tokens, quota.limit);
          lastRecordedMs = now;
        }
      },
      throttleTimeMs: () => Math.max(0, lastThrottleMs - (this.clock() - lastRecordedMs)),
    };
  }
}
