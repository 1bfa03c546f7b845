/**
 * The consumer's offset commits: commitSync and commitAsync as Java's consumer has them, auto
 * commit of processed positions, the commit before a revocation and the one on close. It owns
 * what was delivered before the last poll (`committable`) and what was last committed, so that
 * auto commit sends only positions that moved.
 */
import { ErrorCode } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError } from '../errors.ts';
import type { GroupMember } from '../group/member.ts';
import type { Cluster } from '../network/cluster.ts';
import type { ResolvedOf } from '../options.ts';
import { type TopicPartition, tpKey } from './assignors.ts';
import type { consumerOptions } from './consumer-config.ts';
import { type CommitGeneration, type CommitTarget, type CommittedOffset, commitOffsets, fetchCommittedOffsets } from './offsets.ts';
import type { SubscriptionState } from './state.ts';

interface CommitMark {
  tp: TopicPartition;
  offset: bigint;
  leaderEpoch: number;
}

/** What the committer needs of its consumer. */
export interface CommitterHost {
  readonly cluster: Cluster;
  readonly subs: SubscriptionState;
  readonly options: ResolvedOf<typeof consumerOptions>;
  readonly member: GroupMember | null;
  isClosed(): boolean;
}

export class OffsetCommitter {
  /** Positions as of the last poll call: what was delivered before it is processed. */
  private committable = new Map<string, CommitMark>();
  private readonly lastCommitted = new Map<string, bigint>();

  private readonly host: CommitterHost;

  constructor(host: CommitterHost) {
    this.host = host;
  }

  /** Marks every position as of now as processed (at each poll, and on close). */
  markPositions(): void {
    const marks = new Map<string, CommitMark>();
    for (const s of this.host.subs.states()) {
      if (s.position !== null) marks.set(s.key, { tp: s.tp, offset: s.position, leaderEpoch: s.positionLeaderEpoch });
    }
    this.committable = marks;
  }

  /** Forgets the marks of partitions no longer assigned. */
  dropUnassigned(): void {
    for (const key of [...this.committable.keys()]) if (!this.host.subs.getByKey(key)) this.committable.delete(key);
  }

  private generation(): { generationId: number; memberId: string; groupInstanceId: string | null } {
    const { member, subs } = this.host;
    if (member && subs.isSubscribed) {
      if (member.generationId < 0) {
        throw new KafkaError(ClientErrorCode.COMMIT_FAILED, 'cannot commit: this consumer is not a member of the group right now (it is rebalancing or rejoining)', { retriable: true });
      }
      return { generationId: member.generationId, memberId: member.memberId, groupInstanceId: member.config.groupInstanceId };
    }
    return { generationId: -1, memberId: '', groupInstanceId: null };
  }

  currentPositions(): CommitTarget[] {
    const out: CommitTarget[] = [];
    for (const s of this.host.subs.states()) if (s.position !== null) out.push({ topic: s.topic, partition: s.partition, offset: s.position, leaderEpoch: s.positionLeaderEpoch });
    return out;
  }

  requireGroup(): string {
    if (!this.host.options.groupId) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'committing offsets needs a groupId');
    return this.host.options.groupId;
  }

  /**
   * Commits, retrying coordinator errors until `timeoutMs` (0: no retry), and remembers what was
   * committed. `closing`: the commit on close, after which the member leaves rather than rejoins.
   */
  private async send(groupId: string, offsets: readonly CommitTarget[], timeoutMs: number, signal?: AbortSignal, closing = false): Promise<void> {
    const o = this.host.options;
    const generation = this.generation();
    try {
      await commitOffsets(this.host.cluster, groupId, generation, offsets, { retryBackoffMs: o.retryBackoffMs, retryBackoffMaxMs: o.retryBackoffMaxMs, timeoutMs, signal });
    } catch (e) {
      throw closing ? e : this.judgeGroupRefusal(e, generation);
    }
    for (const c of offsets) this.lastCommitted.set(tpKey(c.topic, c.partition), c.offset);
  }

  /**
   * What Java's OffsetCommitResponseHandler makes of a commit the group refused, judged by the
   * member's state now, when the answer arrives, against the generation the commit was sent with:
   * - REBALANCE_IN_PROGRESS: the member rejoins; the generation is kept.
   * - UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION after the member already moved on (its generation is
   *   no longer the one sent, and it is rejoining): only a stale answer, so the failure is a
   *   rebalance in progress (COMMIT_FAILED caused by REBALANCE_IN_PROGRESS, as that answer is),
   *   not Java's CommitFailedException; the generation is left alone.
   * - otherwise (Java's CommitFailedException, COMMIT_FAILED caused by the answer): this member's
   *   generation is over, so it is reset (the member id too, except for ILLEGAL_GENERATION, after
   *   which the member may still be valid) and the member rejoins.
   */
  private judgeGroupRefusal(e: unknown, sent: CommitGeneration): unknown {
    const member = this.host.member;
    if (!member || sent.generationId < 0 || !(e instanceof KafkaError) || e.code !== ClientErrorCode.COMMIT_FAILED) return e;
    const answer = e.cause instanceof KafkaError ? e.cause : null;
    if (answer?.errorCode === ErrorCode.REBALANCE_IN_PROGRESS) {
      // A rejoin requested during a join round would start another round once this one ends.
      if (member.state === 'stable') member.requestRejoin('offset commit failed since group is already rebalancing');
      return e;
    }
    if (answer?.errorCode !== ErrorCode.UNKNOWN_MEMBER_ID && answer?.errorCode !== ErrorCode.ILLEGAL_GENERATION) return e;
    const generationUnchanged = member.generationId === sent.generationId && member.memberId === sent.memberId;
    if (!generationUnchanged && member.isRejoining) {
      const stale = brokerError(ErrorCode.REBALANCE_IN_PROGRESS, `committing offsets of generation ${sent.generationId}`, {
        message: `answered ${answer.code}, but this consumer has already moved on from that generation and is rejoining the group; commit again once the rebalance completes`,
        cause: answer,
        topic: e.topic,
        partition: e.partition,
      });
      return new KafkaError(ClientErrorCode.COMMIT_FAILED, stale.message, { cause: stale, topic: e.topic, partition: e.partition });
    }
    member.resetGenerationOnResponseError('OffsetCommit', answer.code, answer.errorCode !== ErrorCode.ILLEGAL_GENERATION);
    return e;
  }

  /** Java's commitSync: without `offsets`, the position of every assigned partition. */
  commit(offsets: readonly CommitTarget[] | undefined, timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<void> {
    const groupId = this.requireGroup();
    return this.send(groupId, offsets ?? this.currentPositions(), timeoutMs ?? this.host.options.defaultApiTimeoutMs, signal);
  }

  /** Java's commitAsync: not retried; a later commit supersedes a failed one. */
  commitNoRetry(offsets: readonly CommitTarget[]): Promise<void> {
    return this.send(this.requireGroup(), offsets, 0);
  }

  /** What auto commit would commit now: processed positions that changed since the last commit. */
  private pendingAutoCommit(filter?: Set<string>): CommitTarget[] {
    const out: CommitTarget[] = [];
    for (const [key, m] of this.committable) {
      if (filter && !filter.has(key)) continue;
      if (!this.host.subs.getByKey(key)) continue;
      if (this.lastCommitted.get(key) === m.offset) continue;
      out.push({ topic: m.tp.topic, partition: m.tp.partition, offset: m.offset, leaderEpoch: m.leaderEpoch });
    }
    return out;
  }

  autoCommit(): void {
    const { options, member, subs } = this.host;
    if (!options.enableAutoCommit || !options.groupId || this.host.isClosed()) return;
    if (member && subs.isSubscribed && !member.isStable) return;
    const offsets = this.pendingAutoCommit();
    if (offsets.length === 0) return;
    this.commitNoRetry(offsets).catch(() => {
      /* retried at the next interval */
    });
  }

  async commitBeforeRevoke(partitions: TopicPartition[]): Promise<void> {
    const o = this.host.options;
    if (!o.enableAutoCommit || !o.groupId) return;
    const offsets = this.pendingAutoCommit(new Set(partitions.map((tp) => tpKey(tp.topic, tp.partition))));
    if (offsets.length === 0) return;
    try {
      await this.send(o.groupId, offsets, Math.min(o.defaultApiTimeoutMs, o.sessionTimeoutMs));
    } catch {
      // The records will be delivered again to the next owner: at-least-once.
    }
  }

  /**
   * On close, with auto commit: the processed positions, best effort, as in Java. Outside an
   * iterator step everything delivered so far counts as processed (`markDelivered`).
   */
  async commitOnClose(markDelivered: boolean, timeoutMs: number): Promise<void> {
    const o = this.host.options;
    if (!o.groupId) return;
    if (markDelivered) {
      for (const s of this.host.subs.states()) {
        if (s.position !== null) this.committable.set(s.key, { tp: s.tp, offset: s.position, leaderEpoch: s.positionLeaderEpoch });
      }
    }
    const offsets = this.pendingAutoCommit();
    if (offsets.length === 0) return;
    try {
      await this.send(o.groupId, offsets, timeoutMs, undefined, true);
    } catch {
      // Best effort, as in Java: the next owner starts from the last commit.
    }
  }

  /** Committed offsets of the group for these partitions (offset null where there is none). */
  committed(partitions: readonly TopicPartition[], timeoutMs: number | undefined, signal: AbortSignal | undefined): Promise<CommittedOffset[]> {
    const o = this.host.options;
    return fetchCommittedOffsets(this.host.cluster, this.requireGroup(), partitions, { retryBackoffMs: o.retryBackoffMs, retryBackoffMaxMs: o.retryBackoffMaxMs, timeoutMs: timeoutMs ?? o.defaultApiTimeoutMs, signal });
  }
}
