/**
 * Incremental fetch sessions (KIP-227), with Kafka's rules.
 *
 * A Fetch carries a session id and an epoch. Epoch 0 (INITIAL) and -1 (FINAL) mean a full fetch
 * whatever the id: the session with that id, if any, is closed; epoch 0 then asks for a new session
 * (made if the cache has room), epoch -1 for none. Any other epoch is incremental: the session must
 * exist (else FETCH_SESSION_ID_NOT_FOUND) and be at that epoch (else INVALID_FETCH_SESSION_EPOCH).
 * An incremental request lists only the partitions whose fetch position changed, and forgets some;
 * its answer lists only partitions with news (records, a moved high watermark or log start offset,
 * an error), so a consumer of many partitions does not send and receive all of them every time.
 */

export const INITIAL_EPOCH = 0;
export const FINAL_EPOCH = -1;
/** The session id of a fetch outside any session. */
export const INVALID_SESSION_ID = 0;

/** Kafka's rule: after the initial epoch comes 1, epochs wrap from 2^31-1 to 1, and a negative one stays final. */
export function nextEpoch(epoch: number): number {
  if (epoch < 0) return FINAL_EPOCH;
  if (epoch === 0x7fffffff) return 1;
  return epoch + 1;
}

/** What the session remembers of one partition: the request's position and what was last answered. */
export interface SessionPartition {
  readonly key: string;
  topic: string;
  topicId: string;
  partition: number;
  fetchOffset: bigint;
  maxBytes: number;
  currentLeaderEpoch: number;
  lastFetchedEpoch: number;
  /** -1 until answered, and again after an error, so the partition is sent when the error clears. */
  highWatermark: bigint;
  logStartOffset: bigint;
}

/** The answer for one partition, as far as a session cares. */
export interface PartitionAnswer {
  errorCode: number;
  highWatermark: bigint;
  logStartOffset: bigint;
  recordsBytes: number;
}

export class FetchSession {
  /** Insertion order is the order partitions are read in; a partition that returned records moves to the end. */
  readonly partitions = new Map<string, SessionPartition>();
  lastUsedMs: number;

  readonly id: number;
  readonly usesTopicIds: boolean;
  readonly createdMs: number;
  public epoch: number;

  constructor(id: number, usesTopicIds: boolean, createdMs: number, epoch: number) {
    this.id = id;
    this.usesTopicIds = usesTopicIds;
    this.createdMs = createdMs;
    this.epoch = epoch;
    this.lastUsedMs = createdMs;
  }

  /** Applies an incremental request: listed partitions are added or updated, forgotten ones removed. */
  update(listed: readonly SessionPartition[], forgotten: readonly string[]): void {
    for (const p of listed) {
      const cached = this.partitions.get(p.key);
      if (cached === undefined) {
        this.partitions.set(p.key, { ...p, highWatermark: -1n, logStartOffset: -1n });
      } else {
        cached.fetchOffset = p.fetchOffset;
        cached.maxBytes = p.maxBytes;
        cached.currentLeaderEpoch = p.currentLeaderEpoch;
        cached.lastFetchedEpoch = p.lastFetchedEpoch;
      }
    }
    for (const key of forgotten) this.partitions.delete(key);
  }

  /**
   * Whether an incremental answer must include this partition, remembering what it carries.
   * Records, a changed high watermark or log start offset, and errors are news.
   */
  mustRespond(key: string, answer: PartitionAnswer): boolean {
    const cached = this.partitions.get(key);
    if (cached === undefined) return false;
    let must = answer.recordsBytes > 0;
    if (cached.highWatermark !== answer.highWatermark) {
      must = true;
      cached.highWatermark = answer.highWatermark;
    }
    if (cached.logStartOffset !== answer.logStartOffset) {
      must = true;
      cached.logStartOffset = answer.logStartOffset;
    }
    if (answer.errorCode !== 0) {
      must = true;
      cached.highWatermark = -1n;
    }
    if (answer.recordsBytes > 0) {
      // Fairness: partitions that just returned data are read last next time.
      this.partitions.delete(key);
      this.partitions.set(key, cached);
    }
    return must;
  }
}

export interface FetchSessionCacheOptions {
  /** Kafka's max.incremental.fetch.session.cache.slots. */
  maxSessions: number;
  /** A session unused this long may be evicted for a new one (Kafka: 120 s). */
  evictionMs: number;
  now?: () => number;
  /** A random positive 31-bit integer; seeded in tests. */
  randomId?: () => number;
}

export class FetchSessionCache {
  private readonly sessions = new Map<number, FetchSession>();
  private readonly now: () => number;
  private readonly randomId: () => number;

  private readonly options: FetchSessionCacheOptions;

  constructor(options: FetchSessionCacheOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.randomId = options.randomId ?? (() => 1 + Math.floor(Math.random() * 0x7ffffffe));
  }

  get size(): number {
    return this.sessions.size;
  }

  get(id: number): FetchSession | undefined {
    return this.sessions.get(id);
  }

  remove(id: number): boolean {
    return this.sessions.delete(id);
  }

  touch(session: FetchSession): void {
    session.lastUsedMs = this.now();
  }

  /**
   * A new session over these partitions, at epoch 1, or undefined when the cache is full and no
   * session may be evicted for it (the fetch is then answered outside any session, id 0).
   */
  maybeCreate(partitions: readonly SessionPartition[], usesTopicIds: boolean): FetchSession | undefined {
    if (this.options.maxSessions <= 0) return undefined;
    const now = this.now();
    if (this.sessions.size >= this.options.maxSessions && !this.evictFor(partitions.length, now)) return undefined;
    let id: number;
    do id = this.randomId();
    while (id <= INVALID_SESSION_ID || this.sessions.has(id));
    const session = new FetchSession(id, usesTopicIds, now, nextEpoch(INITIAL_EPOCH));
    for (const p of partitions) session.partitions.set(p.key, p);
    this.sessions.set(id, session);
    return session;
  }

  /**
   * Kafka's eviction: the least recently used session if it has been idle longer than evictionMs;
   * otherwise the smallest session older than evictionMs, if the new one has more partitions.
   */
  private evictFor(size: number, now: number): boolean {
    let leastRecent: FetchSession | undefined;
    let smallest: FetchSession | undefined;
    for (const s of this.sessions.values()) {
      if (leastRecent === undefined || s.lastUsedMs < leastRecent.lastUsedMs) leastRecent = s;
      if (now - s.createdMs > this.options.evictionMs && (smallest === undefined || s.partitions.size < smallest.partitions.size)) smallest = s;
    }
    if (leastRecent !== undefined && now - leastRecent.lastUsedMs > this.options.evictionMs) return this.sessions.delete(leastRecent.id);
    if (smallest !== undefined && size > smallest.partitions.size) return this.sessions.delete(smallest.id);
    return false;
  }
}
