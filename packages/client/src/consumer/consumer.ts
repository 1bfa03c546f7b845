/**
 * Long file: it is Java's KafkaConsumer, one class of many calls; the work behind them is in
 * their own modules (fetcher, commits, positions, coordinator, state).
 *
 * The consumer. Fetching, group membership (heartbeats, rebalances) and auto commit run in the
 * background; the application takes records with `poll()`, `nextBatch()` or
 * `for await (const batch of consumer)`. Delivering a batch moves the partition's position past
 * it, and asking for the next batch marks everything delivered before as processed: that is what
 * auto commit commits (at-least-once, as Java's poll-loop commits what the previous poll returned).
 */
import { ClientErrorCode, KafkaError, abortError, closedError } from '../errors.ts';
import { GroupMember } from '../group/member.ts';
import { Cluster } from '../network/cluster.ts';
import { resolveOptions } from '../options.ts';
import { settledOrTimeout, sleep } from '../util.ts';
import { type PartitionAssignor, type TopicPartition, builtInAssignors, compareTopicPartitions, tpKey } from './assignors.ts';
import { type AssignorOption, type ConsumerOptions, consumerOptions } from './consumer-config.ts';
import { ConsumerCoordinator, type CoordinatorHost, type RebalanceEvent } from './coordinator.ts';
import { type ConsumerBatch, Fetcher } from './fetcher.ts';
import { OffsetCommitter } from './commits.ts';
import type { CommitOptions, GroupMetadata, PollOptions, RebalanceListener } from './consumer-api.ts';
import { type CommitTarget, type CommittedOffset, EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, type ListedOffset } from './offsets.ts';
import { PositionLookup } from './positions.ts';
import type { ConsumerRecord } from './records.ts';
import { SubscriptionState } from './state.ts';

export { type AssignorOption, type ConsumerOptions, consumerOptions } from './consumer-config.ts';

export type { CommitOptions, GroupMetadata, PollOptions, RebalanceListener } from './consumer-api.ts';

export class Consumer implements AsyncIterable<ConsumerBatch> {
  readonly options: ReturnType<typeof resolveOptions<typeof consumerOptions>>;
  private readonly cluster: Cluster;
  private readonly subs = new SubscriptionState();
  private readonly fetcher: Fetcher;
  private readonly coordinator: ConsumerCoordinator | null = null;
  private readonly member: GroupMember | null = null;
  private listener: RebalanceListener | undefined;
  private readonly commits: OffsetCommitter;
  private readonly positions: PositionLookup;
  private autoCommitTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private lastPollAt = Date.now();
  private pollsWaiting = 0;
  private leftForPollTimeout = false;
  private closed = false;
  private closing: Promise<void> | null = null;
  private fatal: KafkaError | null = null;
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
    this.positions = new PositionLookup(this.cluster, this.subs, this.fetcher, o, () => this.closed);
    this.fetcher.onPositionsNeeded = () => this.positions.ensure();
    if (o.groupId) {
      const assignors = o.partitionAssigners.map((a) => (typeof a === 'string' ? builtInAssignors[a] : a));
      const host: CoordinatorHost = {
        cluster: this.cluster,
        subs: this.subs,
        clientRack: o.clientRack || null,
        beforeRevoke: (partitions) => this.commits.commitBeforeRevoke(partitions),
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
    this.commits = new OffsetCommitter({ cluster: this.cluster, subs: this.subs, options: o, member: this.member, isClosed: () => this.closed });
    this.unsubscribeMetadata = this.cluster.onUpdate(() => this.metadataUpdated());
    this.cluster.setScope({ needsMetadata: (topic) => this.subs.needsMetadata(topic) || (this.coordinator?.groupSubscribes(topic) ?? false) });
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
      this.subs.matchPattern(this.cluster.knownTopics(), this.options.excludeInternalTopics);
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
        await this.commits.commitBeforeRevoke(owned);
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

  private metadataUpdated(): void {
    if (this.closed) return;
    if (this.subs.pattern && this.subs.matchPattern(this.cluster.knownTopics(), this.options.excludeInternalTopics)) this.member?.requestRejoin('the pattern matches other topics now');
    if (this.coordinator?.metadataChanged()) this.member?.requestRejoin('the partitions of subscribed topics changed');
    this.fetcher.schedule();
  }

  private assignmentChanged(): void {
    this.fetcher.purge();
    this.commits.dropUnassigned();
    this.positions.ensure();
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
    this.commits.markPositions();
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

  // ---------------------------------------------------------------- commits (commits.ts)

  /**
   * Commits offsets and waits for the result, retrying coordinator errors (Java's commitSync).
   * Without `offsets`, commits the position of every assigned partition.
   */
  async commit(options: CommitOptions = {}): Promise<void> {
    this.assertOpen();
    await this.commits.commit(options.offsets, options.timeoutMs, options.signal);
  }

  /**
   * Commits without waiting (Java's commitAsync): the callback gets the outcome. Errors are not
   * retried; a later commit supersedes a failed one.
   */
  commitAsync(options: { offsets?: readonly CommitTarget[] } = {}, callback?: (error: KafkaError | null) => void): void {
    let offsets: readonly CommitTarget[];
    try {
      this.assertOpen();
      this.commits.requireGroup();
      offsets = options.offsets ?? this.commits.currentPositions();
    } catch (e) {
      queueMicrotask(() => callback?.(e as KafkaError));
      return;
    }
    this.commits.commitNoRetry(offsets).then(
      () => callback?.(null),
      (e) => callback?.(e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.COMMIT_FAILED, String(e), { cause: e })),
    );
  }

  /** Committed offsets of the group for these partitions (offset null where there is none). */
  async committed(partitions: readonly TopicPartition[], options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<CommittedOffset[]> {
    this.assertOpen();
    return this.commits.committed(partitions, options.timeoutMs, options.signal);
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
    this.positions.ensure();
  }

  /** The offset of the next record to be delivered (looked up when not yet known). */
  async position(tp: TopicPartition, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<bigint> {
    const deadline = Date.now() + (options.timeoutMs ?? this.options.defaultApiTimeoutMs);
    for (;;) {
      this.assertOpen();
      const s = this.stateOf(tp);
      if (s.position !== null) return s.position;
      if (s.error) throw s.error;
      this.positions.ensure();
      if (Date.now() >= deadline) throw new KafkaError(ClientErrorCode.TIMEOUT, `the position of ${tp.topic}-${tp.partition} is not known yet`, { retriable: true });
      if (this.positions.task) await settledOrTimeout(this.positions.task, Math.max(1, deadline - Date.now()), options.signal);
      else await sleep(10, options.signal);
    }
  }

  /** Java's currentLag: records between the position and the partition's end (its last stable offset with read_committed) as the last fetch said; undefined before one. */
  currentLag(tp: TopicPartition): bigint | undefined {
    return this.subs.get(tp)?.lag(this.options.isolationLevel === 'read_committed');
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
    return this.positions.list(requests, signal);
  }

  // ---------------------------------------------------------------- lifecycle

  private startTimers(): void {
    if (!this.autoCommitTimer && this.options.enableAutoCommit && this.options.groupId) {
      this.autoCommitTimer = setInterval(() => this.commits.autoCommit(), this.options.autoCommitIntervalMs);
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
        await this.commits.commitOnClose(!this.iteratorHolding, timeoutMs);
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
}
