/**
 * Host-name lookups for the client quotas (an `ip` entity named by a host name), as Java's
 * InetAddress.getByName answers them on Kafka's controller and brokers, with its cache: a name
 * that resolved is answered from memory for 30 s (networkaddress.cache.ttl's default) and one
 * that did not for 10 s (networkaddress.cache.negative.ttl's default).
 *
 * A lookup never holds up the event loop (getaddrinfo runs on libuv's thread pool) and its
 * callers wait at most LOOKUP_TIMEOUT_MS: a DNS server that does not answer makes the name count
 * as not resolving, as a resolver's own timeout makes getaddrinfo fail in Java. Lookups run one
 * at a time for the whole broker, because the thread pool is small and the broker's file
 * operations share it: names that take long to fail must not fill it. While the lookup running
 * has gone past its timeout (the DNS hangs), names not in the cache are answered at once as not
 * resolving, so that a request naming many hosts waits for one timeout, not one each.
 */
import { promises as dns } from 'node:dns';
import { SystemTimer, type Timer } from '../groups/timer.ts';

/** Java's networkaddress.cache.ttl default (no security manager): 30 s. */
export const POSITIVE_TTL_MS = 30_000;
/** Java's networkaddress.cache.negative.ttl default: 10 s. */
export const NEGATIVE_TTL_MS = 10_000;
/** How long a caller waits for a lookup; glibc's resolver gives up on a server after 5 s too. */
export const LOOKUP_TIMEOUT_MS = 5_000;
/** Names remembered at most (the oldest answer dropped first): names sent by clients must not grow memory. */
export const MAX_CACHED_NAMES = 10_000;

export interface LookupAddress {
  readonly address: string;
  readonly family: number;
}

/** Every address of a host name, as Node's dns.promises.lookup(host, { all: true }) gives them. */
export type HostLookup = (host: string) => Promise<readonly LookupAddress[]>;

export interface HostResolverOptions {
  /** The system's resolver unless a test answers. */
  lookup?: HostLookup;
  /** Gives the time for the cache and runs the timeouts (a manual one in tests). */
  timer?: Timer;
  timeoutMs?: number;
}

/** One name being looked up or waiting for its turn; its callers share it. */
interface PendingLookup {
  readonly host: string;
  readonly key: string;
  readonly answer: Promise<string | undefined>;
  settle(address: string | undefined): void;
  settled: boolean;
  running: boolean;
  /** When it started running (the timer's clock). */
  startedAtMs: number;
  /** It has run for the whole timeout without an answer: the resolver is taken to hang. */
  overdue: boolean;
}

/** Looked up through the dns object at each call, so that a test may replace its lookup. */
const systemLookup: HostLookup = (host) => dns.lookup(host, { all: true });

export class HostResolver {
  private readonly cache = new Map<string, { address: string | undefined; expiresAtMs: number }>();
  private readonly queue: PendingLookup[] = [];
  private readonly byHost = new Map<string, PendingLookup>();
  private running: PendingLookup | undefined;
  private readonly lookup: HostLookup;
  private readonly timer: Timer;
  private readonly timeoutMs: number;
  private nextId = 0;

  constructor(options: HostResolverOptions = {}) {
    this.lookup = options.lookup ?? systemLookup;
    this.timer = options.timer ?? new SystemTimer();
    this.timeoutMs = options.timeoutMs ?? LOOKUP_TIMEOUT_MS;
  }

  /**
   * The cached answer for `host` while it is fresh: its address, null when it is known not to
   * resolve, undefined when only a lookup can tell.
   */
  peek(host: string): string | null | undefined {
    const entry = this.cache.get(host);
    if (entry === undefined) return undefined;
    if (this.timer.now() >= entry.expiresAtMs) {
      this.cache.delete(host);
      return undefined;
    }
    return entry.address ?? null;
  }

  /**
   * The address Java's getByName gives `host` (its first IPv4 address, an IPv6 one only when it
   * has none: Java prefers IPv4 unless java.net.preferIPv6Addresses is set, which Kafka does not),
   * or undefined when it does not resolve or the lookup timed out. Never rejects.
   */
  resolve(host: string): Promise<string | undefined> {
    // Java refuses a name with a NUL character (UnknownHostException); Node's lookup throws for it.
    if (host.includes('\u0000')) return Promise.resolve(undefined);
    const cached = this.peek(host);
    if (cached !== undefined) return Promise.resolve(cached ?? undefined);
    const pending = this.byHost.get(host);
    if (pending !== undefined) return pending.answer;
    if (this.running?.overdue) return Promise.resolve(undefined);
    const lookup = this.pending(host);
    this.queue.push(lookup);
    this.byHost.set(host, lookup);
    this.timer.schedule(lookup.key, this.timeoutMs, () => this.timedOut(lookup));
    this.startNext();
    return lookup.answer;
  }

  /** How many names are remembered now (for the tests of its bound). */
  get cachedNames(): number {
    return this.cache.size;
  }

  private pending(host: string): PendingLookup {
    let settle!: (address: string | undefined) => void;
    const answer = new Promise<string | undefined>((resolve) => (settle = resolve));
    const lookup: PendingLookup = {
      host,
      key: `host-lookup-${this.nextId++}`,
      answer,
      settled: false,
      running: false,
      startedAtMs: 0,
      overdue: false,
      settle: (address) => {
        if (lookup.settled) return;
        lookup.settled = true;
        this.timer.cancel(lookup.key);
        if (this.byHost.get(host) === lookup) this.byHost.delete(host);
        settle(address);
      },
    };
    return lookup;
  }

  private startNext(): void {
    if (this.running !== undefined) return;
    const lookup = this.queue.shift();
    if (lookup === undefined) return;
    this.running = lookup;
    lookup.running = true;
    lookup.startedAtMs = this.timer.now();
    let answered: Promise<readonly LookupAddress[]>;
    try {
      answered = this.lookup(lookup.host);
    } catch (e) {
      answered = Promise.reject(e);
    }
    answered.then(
      (addresses) => this.answered(lookup, (addresses.find((a) => a.family === 4) ?? addresses[0])?.address),
      // Not found, a refused name, a failing resolver: all are Java's UnknownHostException.
      () => this.answered(lookup, undefined),
    );
  }

  /** The lookup came back, in time or not: its answer is cached for the next callers either way. */
  private answered(lookup: PendingLookup, address: string | undefined): void {
    this.timer.cancel(`${lookup.key}-overdue`);
    this.remember(lookup.host, address);
    lookup.settle(address);
    this.running = undefined;
    this.startNext();
  }

  /** Its callers have waited the timeout (counted from their call, queued time included). */
  private timedOut(lookup: PendingLookup): void {
    if (!lookup.running) {
      // Never started: its callers waited their time behind another name; nothing is known of this one.
      this.queue.splice(this.queue.indexOf(lookup), 1);
      lookup.settle(undefined);
      return;
    }
    // The resolver is taken to hang only once this lookup itself has run the whole timeout: one
    // that started late, behind another name, is given the rest of its time, its callers not.
    const ranMs = this.timer.now() - lookup.startedAtMs;
    if (ranMs >= this.timeoutMs) this.overdue(lookup);
    else this.timer.schedule(`${lookup.key}-overdue`, this.timeoutMs - ranMs, () => this.running === lookup && this.overdue(lookup));
    lookup.settle(undefined);
  }

  private overdue(lookup: PendingLookup): void {
    // A failed lookup, as far as its callers know, cached as Java caches one; the name's own
    // answer replaces it if it comes. The queue waits for it: the thread pool is still busy.
    lookup.overdue = true;
    this.remember(lookup.host, undefined);
    lookup.settle(undefined);
    // Those waiting behind a lookup that hangs are not kept waiting for theirs to time out in turn.
    for (const waiting of this.queue.splice(0)) waiting.settle(undefined);
  }

  private remember(host: string, address: string | undefined): void {
    this.cache.delete(host);
    if (this.cache.size >= MAX_CACHED_NAMES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(host, { address, expiresAtMs: this.timer.now() + (address === undefined ? NEGATIVE_TTL_MS : POSITIVE_TTL_MS) });
  }
}
