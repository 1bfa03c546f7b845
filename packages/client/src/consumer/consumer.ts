/**
 * The consumer. Fetching, group membership (heartbeats, rebalances) and auto commit run in the
 * background; the application takes records with `poll()`, `nextBatch()` or
 * `for await (const batch of consumer)`. Delivering a batch moves the partition's position past
 * it, and asking for the next batch marks everything delivered before as processed: that is what
 * auto commit commits (at-least-once, as Java's poll-loop commits what the previous poll returned).
 */
import { ClientErrorCode, KafkaError, abortError, closedError } from '../errors.js';
import { GroupMember } from '../group/member.js';
import { Cluster } from '../network/cluster.js';
import { resolveOptions } from '../options.js';
import { backoffMs, settledOrTimeout, sleep } from '../util.js';
import { type PartitionAssignor, type TopicPartition, builtInAssignors, compareTopicPartitions, tpKey } from './assignors.js';
import { type AssignorOption, type ConsumerOptions, consumerOptions } from './consumer-config.js';
import { ConsumerCoordinator, type CoordinatorHost, type RebalanceEvent } from './coordinator.js';
import { type ConsumerBatch, Fetcher } from './fetcher.js';
import {
  type CommitTarget,
  type CommittedOffset,
  EARLIEST_TIMESTAMP,
  LATEST_TIMESTAMP,
  type ListedOffset,
  commitOffsets,
  fetchCommittedOffsets,
  listOffsets,
} from './offsets.js';
import type { ConsumerRecord } from './records.js';
import { SubscriptionState } from './state.js';

export { type AssignorOption, type ConsumerOptions, consumerOptions } from './consumer-config.js';

export interface RebalanceListener {
  /** Partitions now assigned to this member (cooperative: only the added ones). */
  onPartitionsAssigned?(partitions: TopicPartition[]): void | Promise<void>;
  /** Partitions taken away in an orderly rebalance; commit their progress here if committing manually. */
  onPartitionsRevoked?(partitions: TopicPartition[]): void | Promise<void>;
  /** Partitions lost without a rebalance (session expired, fenced): others may own them already. Default: onPartitionsRevoked. */
  onPartitionsLost?(partitions: TopicPartition[]): void | Promise<void>;
}

export interface PollOptions {
  /** How long to wait for records; default: until some arrive (or the consumer closes). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface CommitOptions {
  /** The offsets to commit: the next offset to consume per partition. Default: every assigned partition's position. */
  offsets?: readonly CommitTarget[];
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface GroupMetadata {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

interface CommitMark {
  tp: TopicPartition;
  offset: bigint;
  leaderEpoch: number;
}

export class Consumer implements AsyncIterable<ConsumerBatch> {
  readonly options: ReturnType<typeof resolveOptions<typeof consumerOptions>>;
  private readonly cluster: Cluster;
  private readonly subs = new SubscriptionState();
  private readonly fetcher: Fetcher;
  private readonly coordinator: ConsumerCoordinator | null = null;
  private readonly member: GroupMember | null = null;
  private listener: RebalanceListener | undefined;
  /** Positions as of the last poll call: what was delivered before it is processed. */
  private committable = new Map<string, CommitMark>();
  private readonly lastCommitted = new Map<string, bigint>();
  private autoCommitTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private lastPollAt = Date.now();
  private pollsWaiting = 0;
  private leftForPollTimeout = false;
  private closed = false;
  private closing: Promise<void> | null = null;
  private fatal: KafkaError | null = null;
  private positionsTask: Promise<void> | null = null;
  private positionsAgain = false;
  private iteratorHolding = false;
  private unsubscribeMetadata: () => void;

  constructor(options: ConsumerOptions) {
    const o = resolveOptions(consumerOptions, options, 'consumer');
    if (o.groupInstanceId && !o.groupId) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'groupInstanceId needs a groupId');
    this.options = o;
    this.cluster = new Cluster({ ...o, allowAutoTopicCreation: o.allowAutoCreateTopics });
    this.fetcher = new Fetcher(this.cluster, this.subs, {
      fetchMinBytes: o.fetchMinBytes,
      fetchMaxBytes: o.fetchMaxBytes,
      fetchMaxWaitMs: o.fetchMaxWaitMs,
      maxPartitionFetchBytes: o.maxPartitionFetchBytes,
      readCommitted: o.isolationLevel === 'read_committed',
      checkCrcs: o.checkCrcs,
      clientRack: o.clientRack,
      retryBackoffMs: o.retryBackoffMs,
      retryBackoffMaxMs: o.retryBackoffMaxMs,
      autoOffsetReset: o.autoOffsetReset,
      groupId: o.groupId ?? null,
    });
    this.fetcher.onPositionsNeeded = () => this.ensurePositions();
    if (o.groupId) {
      const assignors = o.partitionAssigners.map((a) => (typeof a === 'string' ? builtInAssignors[a] : a));
      const host: CoordinatorHost = {
        cluster: this.cluster,
        subs: this.subs,
        clientRack: o.clientRack || null,
        beforeRevoke: (partitions) => this.commitBeforeRevoke(partitions),
        notify: (event, partitions) => this.callListener(event, partitions),
        assignmentChanged: () => this.assignmentChanged(),
      };
      this.coordinator = new ConsumerCoordinator(host, assignors);
      this.member = new GroupMember(
        this.cluster,
        {
          groupId: o.groupId,
          groupInstanceId: o.groupInstanceId ?? null,
          sessionTimeoutMs: o.sessionTimeoutMs,
          rebalanceTimeoutMs: o.maxPollIntervalMs,
          heartbeatIntervalMs: o.heartbeatIntervalMs,
          requestTimeoutMs: o.requestTimeoutMs,
          retryBackoffMs: o.retryBackoffMs,
          retryBackoffMaxMs: o.retryBackoffMaxMs,
        },
        this.coordinator,
      );
      this.coordinator.member = this.member;
      this.member.onFatal = (e) => {
        this.fatal = e;
        this.fetcher.notify();
      };
    }
    this.unsubscribeMetadata = this.cluster.onUpdate(() => this.metadataUpdated());
  }

  // ---------------------------------------------------------------- subscription

  /** Subscribes to topics (or a pattern) through the consumer group. */
  subscribe(topics: string | readonly string[] | RegExp, listener?: RebalanceListener): void {
    this.assertOpen();
    if (!this.member) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'subscribe() needs a groupId; use assign() without one');
    if (this.subs.manual && this.subs.size > 0) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'subscribe() cannot follow assign(); unsubscribe() first');
    this.subs.manual = false;
    this.listener = listener ?? this.listener;
    if (topics instanceof RegExp) {
      this.subs.pattern = topics;
      this.subs.topics = new Set();
      this.cluster.setAllTopics(true);
      this.updatePatternTopics();
    } else {
      const list = typeof topics === 'string' ? [topics] : [...topics];
      if (list.length === 0) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'subscribe() needs at least one topic');
      this.subs.pattern = null;
      this.subs.topics = new Set(list);
      this.cluster.setAllTopics(false);
      this.cluster.addTopics(list);
    }
    this.cluster.refresh().catch(() => {});
    this.member.requestRejoin('the subscription changed');
    this.member.start();
    this.startTimers();
  }

  /** Assigns partitions by hand: no group membership (commits still go to groupId, if set). */
  assign(partitions: readonly TopicPartition[]): void {
    this.assertOpen();
    if (this.subs.isSubscribed) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'assign() cannot follow subscribe(); unsubscribe() first');
    this.subs.manual = true;
    this.subs.setAssignment(partitions);
    if (this.cluster.addTopics(partitions.map((tp) => tp.topic))) this.cluster.refresh().catch(() => {});
    this.assignmentChanged();
    this.startTimers();
  }

  /** Leaves the group (revoking everything) or drops the manual assignment. */
  async unsubscribe(): Promise<void> {
    const owned = this.subs.assigned();
    if (this.member && this.subs.isSubscribed) {
      if (owned.length > 0) {
        await this.commitBeforeRevoke(owned);
        this.subs.setAssignment([]);
        await this.callListener('revoked', owned);
      }
      this.member.pause();
      await this.member.leave('the consumer unsubscribed');
    }
    this.subs.topics = new Set();
    this.subs.pattern = null;
    this.subs.manual = false;
    this.subs.setAssignment([]);
    this.cluster.setAllTopics(false);
    this.assignmentChanged();
  }

  assignment(): TopicPartition[] {
    return this.subs.assigned();
  }

  subscription(): string[] {
    return [...this.subs.topics].sort();
  }

  /** The group membership, for sending offsets in a transaction (and for diagnostics). */
  groupMetadata(): GroupMetadata | null {
    if (!this.member) return null;
    return { groupId: this.member.config.groupId, generationId: this.member.generationId, memberId: this.member.memberId, groupInstanceId: this.member.config.groupInstanceId };
  }

  private updatePatternTopics(): boolean {
    const pattern = this.subs.pattern;
    if (!pattern) return false;
    const matched = new Set<string>();
    for (const t of this.cluster.knownTopics()) {
      if (this.options.excludeInternalTopics && t.isInternal) continue;
      pattern.lastIndex = 0;
      if (pattern.test(t.name)) matched.add(t.name);
    }
    const current = this.subs.topics;
    if (matched.size === current.size && [...matched].every((t) => current.has(t))) return false;
    this.subs.topics = matched;
    return true;
  }

  private metadataUpdated(): void {
    if (this.closed) return;
    if (this.subs.pattern && this.updatePatternTopics()) this.member?.requestRejoin('the pattern matches other topics now');
    if (this.coordinator?.metadataChanged()) this.member?.requestRejoin('the partitions of subscribed topics changed');
    this.fetcher.schedule();
  }

  private assignmentChanged(): void {
    this.fetcher.purge();
    for (const key of [...this.committable.keys()]) if (!this.subs.getByKey(key)) this.committable.delete(key);
    this.ensurePositions();
    this.fetcher.schedule();
    this.fetcher.notify();
  }

  private async callListener(event: RebalanceEvent, partitions: TopicPartition[]): Promise<void> {
    const l = this.listener;
    if (!l) return;
    try {
      if (event === 'assigned') await l.onPartitionsAssigned?.(partitions);
      else if (event === 'revoked') {
        if (partitions.length > 0) await l.onPartitionsRevoked?.(partitions);
      } else if (partitions.length > 0) {
        if (l.onPartitionsLost) await l.onPartitionsLost(partitions);
        else await l.onPartitionsRevoked?.(partitions);
      }
    } catch (e) {
      // A listener failure must not wedge the group; Java logs it and carries on too.
      process.emitWarning(`rebalance listener (${event}) failed: ${(e as Error)?.message ?? e}`, { code: 'SLUICE_REBALANCE_LISTENER' });
    }
  }

  // ---------------------------------------------------------------- positions

  private ensurePositions(): void {
    if (this.positionsTask) {
      this.positionsAgain = true;
      return;
    }
    this.positionsTask = (async () => {
      for (let attempt = 0; !this.closed; ) {
        this.positionsAgain = false;
        try {
          await this.initPositions();
          attempt = 0;
        } catch (e) {
          await sleep(backoffMs(attempt++, this.options.retryBackoffMs, this.options.retryBackoffMaxMs)).catch(() => {});
          this.positionsAgain = true;
        }
        if (!this.positionsAgain) break;
      }
    })().finally(() => {
      this.positionsTask = null;
      this.fetcher.schedule();
      this.fetcher.notify();
    });
  }

  private async initPositions(): Promise<void> {
    const o = this.options;
    const policy = { retryBackoffMs: o.retryBackoffMs, retryBackoffMaxMs: o.retryBackoffMaxMs, timeoutMs: o.defaultApiTimeoutMs };
    const need = [...this.subs.states()].filter((s) => s.position === null && s.error === null);
    if (need.length === 0) return;
    const unknown = need.filter((s) => s.reset === null);
    if (unknown.length > 0) {
      if (o.groupId) {
        const committed = await fetchCommittedOffsets(this.cluster, o.groupId, unknown.map((s) => s.tp), policy);
        const byKey = new Map(committed.map((c) => [tpKey(c.topic, c.partition), c]));
        for (const s of unknown) {
          if (!s.assigned || s.position !== null) continue;
          const c = byKey.get(s.key);
          if (c && c.offset !== null) {
            s.position = c.offset;
            s.positionLeaderEpoch = c.leaderEpoch;
          } else this.applyResetPolicy(s);
        }
      } else {
        for (const s of unknown) this.applyResetPolicy(s);
      }
      this.fetcher.schedule();
    }
    const resets = [...this.subs.states()].filter((s) => s.position === null && s.reset !== null && s.error === null);
    if (resets.length === 0) return;
    // A seek may change a partition's reset while the lookup runs: only the lookup of the reset
    // still wanted may set the position (the next round looks up the new one).
    const kinds = resets.map((s) => s.reset);
    const listed = await listOffsets(
      this.cluster,
      resets.map((s, i) => ({ topic: s.topic, partition: s.partition, timestamp: kinds[i] === 'earliest' ? EARLIEST_TIMESTAMP : LATEST_TIMESTAMP })),
      o.isolationLevel === 'read_committed' ? 1 : 0,
      policy,
    );
    resets.forEach((s, i) => {
      if (!s.assigned || s.position !== null || s.reset === null || s.reset !== kinds[i]) return;
      s.position = listed[i].offset;
      s.positionLeaderEpoch = listed[i].leaderEpoch;
      s.reset = null;
    });
  }

  private applyResetPolicy(s: { reset: 'earliest' | 'latest' | null; error: KafkaError | null; topic: string; partition: number }): void {
    const policy = this.options.autoOffsetReset;
    if (policy === 'none') {
      s.error = new KafkaError(ClientErrorCode.NO_OFFSET_FOR_PARTITION, `no committed offset for ${s.topic}-${s.partition} and autoOffsetReset is 'none'`, { topic: s.topic, partition: s.partition });
    } else {
      s.reset = policy;
    }
  }

  // ---------------------------------------------------------------- polling

  private beforePoll(): void {
    this.assertOpen();
    if (this.fatal) throw this.fatal;
    this.lastPollAt = Date.now();
    if (this.leftForPollTimeout && this.member) {
      this.leftForPollTimeout = false;
      this.member.requestRejoin('polling again after the poll interval expired');
      this.member.start();
    }
    const marks = new Map<string, CommitMark>();
    for (const s of this.subs.states()) {
      if (s.position !== null) marks.set(s.key, { tp: s.tp, offset: s.position, leaderEpoch: s.positionLeaderEpoch });
    }
    this.committable = marks;
  }

  private throwPartitionErrors(): void {
    for (const s of this.subs.states()) {
      if (s.error) {
        const e = s.error;
        // Raised once; a reset-policy error stays until the application seeks.
        if (e.code !== ClientErrorCode.NO_OFFSET_FOR_PARTITION) s.error = null;
        else s.error = null;
        throw e;
      }
    }
  }

  /**
   * The next batch of records of one partition (at most maxPollRecords), waiting up to
   * `timeoutMs` (default: indefinitely); null on timeout or once the consumer is closed.
   */
  async nextBatch(options: PollOptions = {}): Promise<ConsumerBatch | null> {
    this.beforePoll();
    const { signal } = options;
    const deadline = options.timeoutMs === undefined ? Infinity : Date.now() + options.timeoutMs;
    this.pollsWaiting++;
    try {
      for (;;) {
        if (this.fatal) throw this.fatal;
        this.throwPartitionErrors();
        const batch = this.fetcher.take(this.options.maxPollRecords);
        if (batch) return batch;
        if (this.closed) return null;
        if (signal?.aborted) throw abortError(signal, 'poll');
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await this.waitForData(Math.min(left, 1000), signal);
      }
    } finally {
      this.pollsWaiting--;
      this.lastPollAt = Date.now();
    }
  }

  private waitForData(ms: number, signal?: AbortSignal): Promise<void> {
    if (!signal) return this.fetcher.waitForData(ms);
    return new Promise<void>((resolve) => {
      const onAbort = () => {
        this.fetcher.notify();
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.fetcher.waitForData(ms).then(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
    });
  }

  /** Java-style poll: records of possibly several partitions, at most maxPollRecords, [] on timeout. */
  async poll(options: PollOptions = {}): Promise<ConsumerRecord[]> {
    const first = await this.nextBatch(options);
    if (!first) return [];
    const out = first.records.slice();
    while (out.length < this.options.maxPollRecords) {
      const more = this.fetcher.take(this.options.maxPollRecords - out.length);
      if (!more) break;
      for (const r of more.records) out.push(r);
    }
    return out;
  }

  /** `for await (const batch of consumer)`: batches until the consumer is closed. */
  [Symbol.asyncIterator](): AsyncIterator<ConsumerBatch> {
    return this.batches()[Symbol.asyncIterator]();
  }

  /** Batches until the consumer is closed or `signal` fires (then the loop just ends). */
  async *batches(options: { signal?: AbortSignal } = {}): AsyncGenerator<ConsumerBatch, void, undefined> {
    try {
      for (;;) {
        this.iteratorHolding = false;
        if (this.closed || options.signal?.aborted) return;
        let batch: ConsumerBatch | null;
        try {
          batch = await this.nextBatch({ signal: options.signal });
        } catch (e) {
          if (e instanceof KafkaError && (e.code === ClientErrorCode.ABORTED || e.code === ClientErrorCode.CLIENT_CLOSED)) return;
          throw e;
        }
        if (!batch) return;
        this.iteratorHolding = true;
        yield batch;
      }
    } finally {
      this.iteratorHolding = false;
    }
  }

  // ---------------------------------------------------------------- commits

  private generation(): { generationId: number; memberId: string; groupInstanceId: string | null } {
    if (this.member && this.subs.isSubscribed) {
      if (this.member.generationId < 0) {
        throw new KafkaError(ClientErrorCode.COMMIT_FAILED, 'cannot commit: this consumer is not a member of the group right now (it is rebalancing or rejoining)', { retriable: true });
      }
      return { generationId: this.member.generationId, memberId: this.member.memberId, groupInstanceId: this.member.config.groupInstanceId };
    }
    return { generationId: -1, memberId: '', groupInstanceId: null };
  }

  private currentPositions(): CommitTarget[] {
    const out: CommitTarget[] = [];
    for (const s of this.subs.states()) if (s.position !== null) out.push({ topic: s.topic, partition: s.partition, offset: s.position, leaderEpoch: s.positionLeaderEpoch });
    return out;
  }

  /**
   * Commits offsets and waits for the result, retrying coordinator errors (Java's commitSync).
   * Without `offsets`, commits the position of every assigned partition.
   */
  async commit(options: CommitOptions = {}): Promise<void> {
    this.assertOpen();
    const groupId = this.requireGroup();
    const offsets = options.offsets ?? this.currentPositions();
    await commitOffsets(this.cluster, groupId, this.generation(), offsets, {
      retryBackoffMs: this.options.retryBackoffMs,
      retryBackoffMaxMs: this.options.retryBackoffMaxMs,
      timeoutMs: options.timeoutMs ?? this.options.defaultApiTimeoutMs,
      signal: options.signal,
    });
    for (const o of offsets) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
  }

  /**
   * Commits without waiting (Java's commitAsync): the callback gets the outcome. Errors are not
   * retried; a later commit supersedes a failed one.
   */
  commitAsync(options: { offsets?: readonly CommitTarget[] } = {}, callback?: (error: KafkaError | null) => void): void {
    let offsets: readonly CommitTarget[];
    try {
      this.assertOpen();
      this.requireGroup();
      offsets = options.offsets ?? this.currentPositions();
    } catch (e) {
      queueMicrotask(() => callback?.(e as KafkaError));
      return;
    }
    this.commitNoRetry(offsets).then(
      () => callback?.(null),
      (e) => callback?.(e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.COMMIT_FAILED, String(e), { cause: e })),
    );
  }

  private async commitNoRetry(offsets: readonly CommitTarget[]): Promise<void> {
    await commitOffsets(this.cluster, this.requireGroup(), this.generation(), offsets, {
      retryBackoffMs: this.options.retryBackoffMs,
      retryBackoffMaxMs: this.options.retryBackoffMaxMs,
      timeoutMs: 0,
    });
    for (const o of offsets) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
  }

  private requireGroup(): string {
    if (!this.options.groupId) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'committing offsets needs a groupId');
    return this.options.groupId;
  }

  /** What auto commit would commit now: processed positions that changed since the last commit. */
  private pendingAutoCommit(filter?: Set<string>): CommitTarget[] {
    const out: CommitTarget[] = [];
    for (const [key, m] of this.committable) {
      if (filter && !filter.has(key)) continue;
      if (!this.subs.getByKey(key)) continue;
      if (this.lastCommitted.get(key) === m.offset) continue;
      out.push({ topic: m.tp.topic, partition: m.tp.partition, offset: m.offset, leaderEpoch: m.leaderEpoch });
    }
    return out;
  }

  private autoCommit(): void {
    if (!this.options.enableAutoCommit || !this.options.groupId || this.closed) return;
    if (this.member && this.subs.isSubscribed && !this.member.isStable) return;
    const offsets = this.pendingAutoCommit();
    if (offsets.length === 0) return;
    this.commitNoRetry(offsets).catch(() => {
      /* retried at the next interval */
    });
  }

  private async commitBeforeRevoke(partitions: TopicPartition[]): Promise<void> {
    if (!this.options.enableAutoCommit || !this.options.groupId) return;
    const offsets = this.pendingAutoCommit(new Set(partitions.map((tp) => tpKey(tp.topic, tp.partition))));
    if (offsets.length === 0) return;
    try {
      await commitOffsets(this.cluster, this.options.groupId, this.generation(), offsets, {
        retryBackoffMs: this.options.retryBackoffMs,
        retryBackoffMaxMs: this.options.retryBackoffMaxMs,
        timeoutMs: Math.min(this.options.defaultApiTimeoutMs, this.options.sessionTimeoutMs),
      });
      for (const o of offsets) this.lastCommitted.set(tpKey(o.topic, o.partition), o.offset);
    } catch {
      // The records will be delivered again to the next owner: at-least-once.
    }
  }

  /** Committed offsets of the group for these partitions (offset null where there is none). */
  async committed(partitions: readonly TopicPartition[], options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<CommittedOffset[]> {
    this.assertOpen();
    return fetchCommittedOffsets(this.cluster, this.requireGroup(), partitions, {
      retryBackoffMs: this.options.retryBackoffMs,
      retryBackoffMaxMs: this.options.retryBackoffMaxMs,
      timeoutMs: options.timeoutMs ?? this.options.defaultApiTimeoutMs,
      signal: options.signal,
    });
  }

  // ---------------------------------------------------------------- positions API

  private stateOf(tp: TopicPartition) {
    const s = this.subs.get(tp);
    if (!s) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `${tp.topic}-${tp.partition} is not assigned to this consumer`, { topic: tp.topic, partition: tp.partition });
    return s;
  }

  /** Moves the position: the next record delivered for the partition is at `offset`. */
  seek(tp: TopicPartition, offset: bigint | number): void {
    const s = this.stateOf(tp);
    const o = BigInt(offset);
    if (o < 0n) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `cannot seek to a negative offset (${o})`);
    s.position = o;
    s.positionLeaderEpoch = -1;
    s.reset = null;
    s.error = null;
    s.buffered = null;
    this.fetcher.schedule();
    this.fetcher.notify();
  }

  seekToBeginning(partitions: readonly TopicPartition[] = this.assignment()): void {
    this.seekByPolicy(partitions, 'earliest');
  }

  seekToEnd(partitions: readonly TopicPartition[] = this.assignment()): void {
    this.seekByPolicy(partitions, 'latest');
  }

  private seekByPolicy(partitions: readonly TopicPartition[], reset: 'earliest' | 'latest'): void {
    for (const tp of partitions) {
      const s = this.stateOf(tp);
      s.position = null;
      s.reset = reset;
      s.error = null;
      s.buffered = null;
    }
    this.ensurePositions();
  }

  /** The offset of the next record to be delivered (looked up when not yet known). */
  async position(tp: TopicPartition, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<bigint> {
    const deadline = Date.now() + (options.timeoutMs ?? this.options.defaultApiTimeoutMs);
    for (;;) {
      this.assertOpen();
      const s = this.stateOf(tp);
      if (s.position !== null) return s.position;
      if (s.error) throw s.error;
      this.ensurePositions();
      if (Date.now() >= deadline) throw new KafkaError(ClientErrorCode.TIMEOUT, `the position of ${tp.topic}-${tp.partition} is not known yet`, { retriable: true });
      if (this.positionsTask) await settledOrTimeout(this.positionsTask, Math.max(1, deadline - Date.now()), options.signal);
      else await sleep(10, options.signal);
    }
  }

  pause(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.stateOf(tp).paused = true;
  }

  resume(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.stateOf(tp).paused = false;
    this.fetcher.schedule();
    this.fetcher.notify();
  }

  paused(): TopicPartition[] {
    return [...this.subs.states()].filter((s) => s.paused).map((s) => s.tp).sort(compareTopicPartitions);
  }

  /** The earliest offsets of partitions. */
  beginningOffsets(partitions: readonly TopicPartition[], options: { signal?: AbortSignal } = {}): Promise<ListedOffset[]> {
    return this.listOffsetsFor(partitions.map((tp) => ({ ...tp, timestamp: EARLIEST_TIMESTAMP })), options.signal);
  }

  /** The end offsets (the high watermark, or the last stable offset with read_committed). */
  endOffsets(partitions: readonly TopicPartition[], options: { signal?: AbortSignal } = {}): Promise<ListedOffset[]> {
    return this.listOffsetsFor(partitions.map((tp) => ({ ...tp, timestamp: LATEST_TIMESTAMP })), options.signal);
  }

  /** For each partition, the first offset whose record timestamp is at or after `timestamp` (-1n if none). */
  offsetsForTimes(query: readonly (TopicPartition & { timestamp: number | bigint })[], options: { signal?: AbortSignal } = {}): Promise<ListedOffset[]> {
    return this.listOffsetsFor(query.map((q) => ({ topic: q.topic, partition: q.partition, timestamp: BigInt(q.timestamp) })), options.signal);
  }

  private listOffsetsFor(requests: { topic: string; partition: number; timestamp: bigint }[], signal?: AbortSignal): Promise<ListedOffset[]> {
    this.assertOpen();
    this.cluster.addTopics(requests.map((r) => r.topic));
    return listOffsets(this.cluster, requests, this.options.isolationLevel === 'read_committed' ? 1 : 0, {
      retryBackoffMs: this.options.retryBackoffMs,
      retryBackoffMaxMs: this.options.retryBackoffMaxMs,
      timeoutMs: this.options.defaultApiTimeoutMs,
      signal,
    });
  }

  // ---------------------------------------------------------------- lifecycle

  private startTimers(): void {
    if (!this.autoCommitTimer && this.options.enableAutoCommit && this.options.groupId) {
      this.autoCommitTimer = setInterval(() => this.autoCommit(), this.options.autoCommitIntervalMs);
      this.autoCommitTimer.unref();
    }
    if (!this.watchdog && this.member) {
      this.lastPollAt = Date.now();
      this.watchdog = setInterval(() => this.checkPollInterval(), Math.min(1000, this.options.maxPollIntervalMs));
      this.watchdog.unref();
    }
  }

  /** Java's max.poll.interval.ms: a member that stops polling leaves so the group can move on. */
  private checkPollInterval(): void {
    if (!this.member || this.closed || this.leftForPollTimeout || this.pollsWaiting > 0) return;
    if (this.member.generationId < 0) return;
    if (Date.now() - this.lastPollAt <= this.options.maxPollIntervalMs) return;
    this.leftForPollTimeout = true;
    this.member.pause();
    void this.member.leave('the consumer did not poll within maxPollIntervalMs');
  }

  private assertOpen(): void {
    if (this.closed) throw closedError('consumer');
  }

  /**
   * Closes the consumer: commits (with auto commit) the positions of processed records, revokes
   * the assignment, leaves the group (a static member stays, to come back without a rebalance),
   * and closes the connections. An `await`ing poll or iterator ends.
   */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.closing) return this.closing;
    this.closing = (async () => {
      const timeoutMs = options.timeoutMs ?? 30_000;
      if (this.autoCommitTimer) clearInterval(this.autoCommitTimer);
      if (this.watchdog) clearInterval(this.watchdog);
      const owned = this.subs.assigned();
      const stable = !this.member || !this.subs.isSubscribed || this.member.generationId >= 0;
      if (this.options.enableAutoCommit && this.options.groupId && stable && !this.fatal) {
        if (!this.iteratorHolding) this.beforePollMarks();
        const offsets = this.pendingAutoCommit();
        if (offsets.length > 0) {
          try {
            await commitOffsets(this.cluster, this.options.groupId, this.generation(), offsets, {
              retryBackoffMs: this.options.retryBackoffMs,
              retryBackoffMaxMs: this.options.retryBackoffMaxMs,
              timeoutMs,
            });
          } catch {
            // Best effort, as in Java: the next owner starts from the last commit.
          }
        }
      }
      this.closed = true;
      this.fetcher.close();
      if (this.member && this.subs.isSubscribed && owned.length > 0) {
        await this.callListener(this.member.generationId >= 0 ? 'revoked' : 'lost', owned);
      }
      if (this.member) await this.member.close();
      this.unsubscribeMetadata();
      this.cluster.close();
    })();
    return this.closing;
  }

  /** Marks everything delivered so far as processed (used on close outside an iterator step). */
  private beforePollMarks(): void {
    for (const s of this.subs.states()) {
      if (s.position !== null) this.committable.set(s.key, { tp: s.tp, offset: s.position, leaderEpoch: s.positionLeaderEpoch });
    }
  }
}
