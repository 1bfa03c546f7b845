/**
 * Long file: the classic group state machine (JoinGroup, SyncGroup, Heartbeat, LeaveGroup and
 * the timers between them) reads as one, as the classic paths of Kafka's GroupMetadataManager
 * do; cut into files, each step would be a jump away from the state it changes.
 *
 * The group coordinator for classic groups: JoinGroup, SyncGroup, Heartbeat and LeaveGroup drive
 * each group through Kafka's states, with the same rules and error codes as Kafka's own
 * coordinator (GroupMetadataManager's classic paths). Committed offsets have their own owner,
 * offset-store.ts, which this class hands OffsetCommit, OffsetFetch and OffsetDelete to.
 * Everything that must survive a restart is written to __consumer_offsets through a GroupStore
 * before it is acknowledged, and rebuilt by replaying those records.
 *
 * Waiting (join and sync barriers, the initial rebalance delay, session and rebalance timeouts) is
 * done with keyed timers and stored resolvers: nothing polls.
 */
import { ErrorCode } from '@sluice/protocol';
import type { BrokerLog } from '../log.ts';
import { GroupError } from '../errors.ts';
import { ClassicGroup, EMPTY_ASSIGNMENT, type JoinResult, Member, type SyncResult, failedJoin } from './classic-group.ts';
import type { CommittedOffset, GroupConfig, GroupStore, JoinRequest, OffsetCommitRequest, StoredOffset, SyncRequest, TxnOffsetCommitRequest } from './coordinator-types.ts';
import { type OffsetGroups, OffsetStore, type ReplayPosition } from './offset-store.ts';
import { type ReplayedRecord, groupFromRecord, groupMetadataRecord, groupTombstone, subscribedTopics } from './records.ts';
import type { Timer } from './timer.ts';

export type { CommittedOffset, GroupConfig, GroupStore, JoinRequest, OffsetCommitRequest, SyncRequest, TxnOffsetCommitRequest } from './coordinator-types.ts';
export type { ReplayPosition } from './offset-store.ts';
const isProtocolInconsistent = (given: string | null, current: string | null) => given !== null && current !== null && given !== current;

export class GroupCoordinator {
  readonly groups = new Map<string, ClassicGroup>();
  private readonly offsetStore: OffsetStore;

  private readonly config: GroupConfig;
  private readonly store: GroupStore;
  private readonly timer: Timer;
  private readonly log: Pick<BrokerLog, 'warn' | 'error'>;

  constructor(config: GroupConfig, store: GroupStore, timer: Timer, log: Pick<BrokerLog, 'warn' | 'error'> = { warn() {}, error() {} }) {
    this.config = config;
    this.store = store;
    this.timer = timer;
    this.log = log;
    const groups: OffsetGroups = {
      get: (groupId) => this.groups.get(groupId),
      ids: () => this.groups.keys(),
      create: (groupId) => this.getOrCreate(groupId, true)!,
      remove: (group) => this.removeGroup(group),
      isCurrent: (group) => this.isCurrent(group),
      restore: (group, since) => this.restoreGroup(group, since),
    };
    this.offsetStore = new OffsetStore(config, store, groups, () => this.now(), log);
  }

  /** Starts the periodic offsets-retention check. */
  start(): void {
    this.timer.schedule('offsets-expiration', this.config.offsetsRetentionCheckIntervalMs, () => {
      this.expireOffsets()
        .catch((e) => this.log.error('offsets retention check failed', e))
        .finally(() => this.start());
    });
  }

  stop(): void {
    this.timer.cancelAll();
    for (const g of this.groups.values()) {
      for (const m of g.members.values()) {
        m.awaitingJoin?.(failedJoin(ErrorCode.COORDINATOR_NOT_AVAILABLE, m.memberId));
        m.awaitingSync?.({ errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, protocolType: null, protocolName: null, assignment: EMPTY_ASSIGNMENT });
        m.awaitingJoin = null;
        m.awaitingSync = null;
      }
    }
  }

  private now(): number {
    return this.timer.now();
  }

  /**
   * True while `group` is the incarnation kept under its id: a timer or a write started for a
   * group that has since been deleted (and perhaps created again) must not touch its successor.
   */
  private isCurrent(group: ClassicGroup): boolean {
    return this.groups.get(group.groupId) === group && group.state !== 'Dead';
  }

  /** Deletes a group from memory at once (Kafka: transition to Dead, then remove), with its timers. */
  private removeGroup(group: ClassicGroup): void {
    const failed = failedJoin(ErrorCode.COORDINATOR_NOT_AVAILABLE, '');
    for (const m of group.members.values()) {
      m.awaitingJoin?.({ ...failed, memberId: m.memberId });
      m.awaitingJoin = null;
      m.awaitingSync?.({ errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, protocolType: null, protocolName: null, assignment: EMPTY_ASSIGNMENT });
      m.awaitingSync = null;
      this.timer.cancel(this.heartbeatKey(group, m.memberId));
    }
    for (const id of group.pendingJoinMembers) this.timer.cancel(this.heartbeatKey(group, id));
    this.timer.cancel(this.joinKey(group));
    this.timer.cancel(this.syncKey(group));
    group.transitionTo('Dead', this.now());
    if (this.groups.get(group.groupId) === group) this.groups.delete(group.groupId);
  }

  /** Puts back an empty copy of a group whose deletion could not be written, unless its id is taken. */
  private restoreGroup(group: ClassicGroup, since: number): void {
    if (!this.groups.has(group.groupId)) this.groups.set(group.groupId, group.emptyCopy(since));
  }

  private getOrCreate(groupId: string, create: boolean): ClassicGroup | undefined {
    let g = this.groups.get(groupId);
    if (g === undefined && create) {
      g = new ClassicGroup(groupId, this.now());
      this.groups.set(groupId, g);
    }
    return g;
  }

  // ---------------------------------------------------------------- JoinGroup

  join(req: JoinRequest): Promise<JoinResult> {
    if (req.groupId === '') return Promise.resolve(failedJoin(ErrorCode.INVALID_GROUP_ID, req.memberId));
    if (req.sessionTimeoutMs < this.config.minSessionTimeoutMs || req.sessionTimeoutMs > this.config.maxSessionTimeoutMs) {
      return Promise.resolve(failedJoin(ErrorCode.INVALID_SESSION_TIMEOUT, req.memberId));
    }
    // -1 is the field's default, the session timeout (what v0, which has no such field, means).
    // Taken literally, 0 or less would retry a join nobody rejoined with no delay, in a loop,
    // until the session timeouts end it.
    if (req.rebalanceTimeoutMs <= 0) req = { ...req, rebalanceTimeoutMs: req.sessionTimeoutMs };
    const isUnknown = req.memberId === '';
    const group = this.getOrCreate(req.groupId, isUnknown);
    if (group === undefined) return Promise.resolve(failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, req.memberId));
    if (!this.acceptJoiningMember(group, req.memberId)) {
      group.remove(req.memberId);
      this.timer.cancel(this.heartbeatKey(group, req.memberId));
      return Promise.resolve(failedJoin(ErrorCode.GROUP_MAX_SIZE_REACHED, ''));
    }
    return new Promise<JoinResult>((resolve) => {
      if (isUnknown) this.joinNewMember(group, req, resolve);
      else this.joinExistingMember(group, req, resolve);
    });
  }

  private acceptJoiningMember(group: ClassicGroup, memberId: string): boolean {
    switch (group.state) {
      case 'Empty':
      case 'Dead':
        return true;
      case 'PreparingRebalance':
        return (group.members.get(memberId)?.awaitingJoin ?? null) !== null || group.numAwaitingJoin < this.config.maxSize;
      default:
        return group.hasMember(memberId) || group.members.size < this.config.maxSize;
    }
  }

  private joinNewMember(group: ClassicGroup, req: JoinRequest, resolve: (r: JoinResult) => void): void {
    if (group.state === 'Dead') return resolve(failedJoin(ErrorCode.COORDINATOR_NOT_AVAILABLE, ''));
    if (!group.supportsProtocols(req.protocolType, req.protocols)) return resolve(failedJoin(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, ''));
    const newMemberId = group.generateMemberId(req.clientId, req.groupInstanceId);
    if (req.groupInstanceId !== null) {
      const existing = group.staticMembers.get(req.groupInstanceId);
      if (existing !== undefined) return this.updateStaticMember(group, req, existing, newMemberId, resolve);
      return this.addMemberThenRebalance(group, req, newMemberId, resolve);
    }
    if (req.requireKnownMemberId) {
      group.pendingJoinMembers.add(newMemberId);
      this.timer.schedule(this.heartbeatKey(group, newMemberId), req.sessionTimeoutMs, () => this.expireHeartbeat(group, newMemberId));
      return resolve(failedJoin(ErrorCode.MEMBER_ID_REQUIRED, newMemberId));
    }
    this.addMemberThenRebalance(group, req, newMemberId, resolve);
  }

  private joinExistingMember(group: ClassicGroup, req: JoinRequest, resolve: (r: JoinResult) => void): void {
    const { memberId } = req;
    if (group.state === 'Dead') return resolve(failedJoin(ErrorCode.COORDINATOR_NOT_AVAILABLE, memberId));
    if (!group.supportsProtocols(req.protocolType, req.protocols)) return resolve(failedJoin(ErrorCode.INCONSISTENT_GROUP_PROTOCOL, memberId));
    if (group.isPendingMember(memberId)) return this.addMemberThenRebalance(group, req, memberId, resolve);
    try {
      group.validateMember(memberId, req.groupInstanceId);
    } catch (e) {
      return resolve(failedJoin((e as GroupError).errorCode, memberId));
    }
    const member = group.members.get(memberId)!;
    const current = () => this.generationResult(group, memberId);
    switch (group.state) {
      case 'PreparingRebalance':
        return this.updateMemberThenRebalance(group, member, req, resolve);
      case 'CompletingRebalance':
        if (member.matches(req.protocols)) return resolve(current());
        return this.updateMemberThenRebalance(group, member, req, resolve);
      case 'Stable':
        if (group.isLeader(memberId) || !member.matches(req.protocols)) return this.updateMemberThenRebalance(group, member, req, resolve);
        return resolve({ ...current(), members: [] });
      default:
        return resolve(failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, memberId));
    }
  }

  /** The current generation as a JoinGroup answer; only the leader learns the members. */
  private generationResult(group: ClassicGroup, memberId: string): JoinResult {
    return {
      errorCode: ErrorCode.NONE,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? '',
      skipAssignment: false,
      memberId,
      members: group.isLeader(memberId) ? group.currentMembers() : [],
    };
  }

  private addMemberThenRebalance(group: ClassicGroup, req: JoinRequest, memberId: string, resolve: (r: JoinResult) => void): void {
    const member = new Member(memberId, req.groupInstanceId, req.clientId, req.clientHost, req.rebalanceTimeoutMs, req.sessionTimeoutMs, req.protocolType, req.protocols);
    member.isNew = true;
    if (group.state === 'PreparingRebalance' && group.previousState === 'Empty') group.newMemberAdded = true;
    group.add(member);
    member.awaitingJoin = resolve;
    // A new member cannot heartbeat yet; its JoinGroup is bounded instead.
    this.scheduleHeartbeat(group, member, this.config.newMemberJoinTimeoutMs);
    this.maybePrepareRebalanceOrCompleteJoin(group);
  }

  private updateMemberThenRebalance(group: ClassicGroup, member: Member, req: JoinRequest, resolve: (r: JoinResult) => void): void {
    group.updateMember(member, req.protocols, req.rebalanceTimeoutMs, req.sessionTimeoutMs);
    member.awaitingJoin?.(failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, member.memberId));
    member.awaitingJoin = resolve;
    this.maybePrepareRebalanceOrCompleteJoin(group);
  }

  private updateStaticMember(group: ClassicGroup, req: JoinRequest, oldMemberId: string, newMemberId: string, resolve: (r: JoinResult) => void): void {
    const currentLeader = group.leaderId;
    const member = group.replaceStaticMember(req.groupInstanceId!, oldMemberId, newMemberId);
    this.timer.cancel(this.heartbeatKey(group, oldMemberId));
    this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
    const old = { protocols: member.protocols, rebalanceTimeoutMs: member.rebalanceTimeoutMs, sessionTimeoutMs: member.sessionTimeoutMs };
    group.updateMember(member, req.protocols, req.rebalanceTimeoutMs, req.sessionTimeoutMs);
    member.awaitingJoin = resolve;
    if (group.state === 'Stable') {
      if (group.protocolName === group.selectProtocol()) {
        // Same protocol: no rebalance. Persist the new member id, then answer with the current
        // generation (the leader, from v9, learns the members but is told not to reassign).
        member.awaitingJoin = null;
        this.store
          .append(group.groupId, [groupMetadataRecord(group, this.now())])
          .then(
            () => {
              const isLeader = group.isLeader(newMemberId);
              const base = { errorCode: ErrorCode.NONE, generationId: group.generationId, protocolType: group.protocolType, protocolName: group.protocolName, memberId: newMemberId };
              if (req.supportsSkipAssignment) resolve({ ...base, leader: group.leaderId ?? '', skipAssignment: isLeader, members: isLeader ? group.currentMembers() : [] });
              else resolve({ ...base, leader: currentLeader ?? '', skipAssignment: false, members: [] });
            },
            () => {
              // Undo the replacement, unless the group or the member has moved on since.
              if (this.isCurrent(group) && group.staticMembers.get(req.groupInstanceId!) === newMemberId) {
                group.updateMember(member, old.protocols, old.rebalanceTimeoutMs, old.sessionTimeoutMs);
                this.timer.cancel(this.heartbeatKey(group, newMemberId));
                const back = group.replaceStaticMember(req.groupInstanceId!, newMemberId, oldMemberId);
                this.scheduleHeartbeat(group, back, back.sessionTimeoutMs);
              }
              resolve({ ...failedJoin(ErrorCode.COORDINATOR_NOT_AVAILABLE, ''), generationId: group.generationId, leader: currentLeader ?? '' });
            },
          )
          .catch((e) => this.log.error(`group ${group.groupId}: updating static member ${req.groupInstanceId} failed`, e));
        return;
      }
      return this.maybePrepareRebalanceOrCompleteJoin(group);
    }
    if (group.state === 'CompletingRebalance') return this.prepareRebalance(group);
    this.maybeCompleteJoinPhase(group);
  }

  private maybePrepareRebalanceOrCompleteJoin(group: ClassicGroup): void {
    if (group.canRebalance()) this.prepareRebalance(group);
    else this.maybeCompleteJoinPhase(group);
  }

  private maybeCompleteJoinPhase(group: ClassicGroup): void {
    if (group.state !== 'PreparingRebalance' || group.previousState === 'Empty' || !group.hasAllMembersJoined()) return;
    this.completeJoin(group);
  }

  private prepareRebalance(group: ClassicGroup): void {
    if (group.state === 'CompletingRebalance') this.propagateAssignment(group, ErrorCode.REBALANCE_IN_PROGRESS, true);
    group.pendingSyncMembers.clear();
    this.timer.cancel(this.syncKey(group));
    const initial = group.state === 'Empty';
    if (initial) {
      const delay = this.config.initialRebalanceDelayMs;
      const remaining = Math.max(this.rebalanceTimeout(group) - delay, 0);
      this.timer.schedule(this.joinKey(group), delay, () => this.tryCompleteInitialRebalance(group, delay, remaining));
    }
    group.transitionTo('PreparingRebalance', this.now());
    if (initial) return;
    if (group.hasAllMembersJoined()) this.completeJoin(group);
    else this.timer.schedule(this.joinKey(group), this.rebalanceTimeout(group), () => this.completeJoin(group));
  }

  private tryCompleteInitialRebalance(group: ClassicGroup, delayMs: number, remainingMs: number): void {
    if (!this.isCurrent(group)) return;
    if (group.newMemberAdded && remainingMs !== 0) {
      group.newMemberAdded = false;
      const next = Math.min(this.config.initialRebalanceDelayMs, remainingMs);
      this.timer.schedule(this.joinKey(group), next, () => this.tryCompleteInitialRebalance(group, next, Math.max(remainingMs - delayMs, 0)));
    } else this.completeJoin(group);
  }

  private completeJoin(group: ClassicGroup): void {
    this.timer.cancel(this.joinKey(group));
    // Only a rebalance in progress, of the group kept under its id, has a join phase to complete.
    if (!this.isCurrent(group) || group.state !== 'PreparingRebalance') return;
    for (const m of [...group.members.values()]) {
      if (m.awaitingJoin === null && m.groupInstanceId === null) this.removeCurrentMember(group, m.memberId);
    }
    if (!group.maybeElectNewJoinedLeader() && group.members.size > 0) {
      // Nobody rejoined: try again once the session timeouts have removed the silent members.
      this.timer.schedule(this.joinKey(group), this.rebalanceTimeout(group), () => this.completeJoin(group));
      return;
    }
    group.initNextGeneration(this.now());
    group.subscribedTopics = group.protocolType === 'consumer' ? subscribedTopics(group) : null;
    if (group.members.size === 0) {
      this.store.append(group.groupId, [groupMetadataRecord(group, this.now())]).catch((e) => this.log.warn(`storing empty group ${group.groupId} failed: ${e}`));
      return;
    }
    for (const m of group.members.values()) {
      const resolve = m.awaitingJoin;
      m.awaitingJoin = null;
      resolve?.(this.generationResult(group, m.memberId));
      this.scheduleHeartbeat(group, m, m.sessionTimeoutMs);
      m.isNew = false;
      group.pendingSyncMembers.add(m.memberId);
    }
    const generation = group.generationId;
    this.timer.schedule(this.syncKey(group), this.rebalanceTimeout(group), () => this.expirePendingSync(group, generation));
  }

  private expirePendingSync(group: ClassicGroup, generation: number): void {
    if (!this.isCurrent(group) || group.generationId !== generation) return;
    if ((group.state === 'CompletingRebalance' || group.state === 'Stable') && group.pendingSyncMembers.size > 0) {
      for (const id of [...group.pendingSyncMembers]) this.removeCurrentMember(group, id);
      this.prepareRebalance(group);
    }
  }

  private rebalanceTimeout(group: ClassicGroup): number {
    let max = 0;
    for (const m of group.members.values()) max = Math.max(max, m.rebalanceTimeoutMs);
    return max;
  }

  // ---------------------------------------------------------------- SyncGroup

  sync(req: SyncRequest): Promise<SyncResult> {
    const fail = (errorCode: number): Promise<SyncResult> => Promise.resolve({ errorCode, protocolType: null, protocolName: null, assignment: EMPTY_ASSIGNMENT });
    if (req.groupId === '') return fail(ErrorCode.INVALID_GROUP_ID);
    const group = this.groups.get(req.groupId);
    if (group === undefined) return fail(ErrorCode.UNKNOWN_MEMBER_ID);
    if (group.state === 'Dead') return fail(ErrorCode.COORDINATOR_NOT_AVAILABLE);
    try {
      group.validateMember(req.memberId, req.groupInstanceId);
    } catch (e) {
      return fail((e as GroupError).errorCode);
    }
    if (req.generationId !== group.generationId) return fail(ErrorCode.ILLEGAL_GENERATION);
    if (isProtocolInconsistent(req.protocolType, group.protocolType) || isProtocolInconsistent(req.protocolName, group.protocolName)) {
      return fail(ErrorCode.INCONSISTENT_GROUP_PROTOCOL);
    }
    if (group.state === 'PreparingRebalance') return fail(ErrorCode.REBALANCE_IN_PROGRESS);
    const member = group.members.get(req.memberId)!;
    if (group.state === 'Stable') {
      this.removePendingSyncMember(group, req.memberId);
      return Promise.resolve({ errorCode: ErrorCode.NONE, protocolType: group.protocolType, protocolName: group.protocolName, assignment: member.assignment });
    }
    // CompletingRebalance: wait for the leader's assignment.
    return new Promise<SyncResult>((resolve) => {
      member.awaitingSync?.({ errorCode: ErrorCode.REBALANCE_IN_PROGRESS, protocolType: null, protocolName: null, assignment: EMPTY_ASSIGNMENT });
      member.awaitingSync = resolve;
      this.removePendingSyncMember(group, req.memberId);
      if (!group.isLeader(req.memberId)) return;
      const assignment = new Map<string, Buffer>();
      for (const a of req.assignments) assignment.set(a.memberId, a.assignment);
      for (const id of group.members.keys()) if (!assignment.has(id)) assignment.set(id, EMPTY_ASSIGNMENT);
      const generation = group.generationId;
      const stillWaiting = () => this.isCurrent(group) && group.state === 'CompletingRebalance' && group.generationId === generation;
      this.store
        .append(group.groupId, [groupMetadataRecord(group, this.now(), assignment)])
        .then(
          () => {
            if (!stillWaiting()) return;
            for (const m of group.members.values()) m.assignment = assignment.get(m.memberId) ?? EMPTY_ASSIGNMENT;
            this.propagateAssignment(group, ErrorCode.NONE, false);
            group.transitionTo('Stable', this.now());
          },
          () => {
            if (!stillWaiting()) return;
            this.propagateAssignment(group, ErrorCode.COORDINATOR_NOT_AVAILABLE, true);
            this.maybePrepareRebalanceOrCompleteJoin(group);
          },
        )
        .catch((e) => this.log.error(`group ${group.groupId}: completing generation ${generation} failed`, e));
    });
  }

  private propagateAssignment(group: ClassicGroup, errorCode: number, reset: boolean): void {
    for (const m of group.members.values()) {
      if (reset) m.assignment = EMPTY_ASSIGNMENT;
      const resolve = m.awaitingSync;
      if (resolve === null) continue;
      m.awaitingSync = null;
      const ok = errorCode === ErrorCode.NONE;
      resolve({ errorCode, protocolType: ok ? group.protocolType : null, protocolName: ok ? group.protocolName : null, assignment: m.assignment });
      this.scheduleHeartbeat(group, m, m.sessionTimeoutMs);
    }
  }

  private removePendingSyncMember(group: ClassicGroup, memberId: string): void {
    group.pendingSyncMembers.delete(memberId);
    if (group.pendingSyncMembers.size === 0 || group.state === 'Empty' || group.state === 'PreparingRebalance') this.timer.cancel(this.syncKey(group));
  }

  // ---------------------------------------------------------------- Heartbeat and LeaveGroup

  heartbeat(groupId: string, memberId: string, groupInstanceId: string | null, generationId: number): number {
    if (groupId === '') return ErrorCode.INVALID_GROUP_ID;
    const group = this.groups.get(groupId);
    if (group === undefined) return ErrorCode.UNKNOWN_MEMBER_ID;
    if (group.state === 'Dead') return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    try {
      group.validateMember(memberId, groupInstanceId);
    } catch (e) {
      return (e as GroupError).errorCode;
    }
    if (generationId !== group.generationId) return ErrorCode.ILLEGAL_GENERATION;
    const member = group.members.get(memberId)!;
    switch (group.state) {
      case 'Empty':
        return ErrorCode.UNKNOWN_MEMBER_ID;
      case 'PreparingRebalance':
        this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
        return ErrorCode.REBALANCE_IN_PROGRESS;
      default:
        this.scheduleHeartbeat(group, member, member.sessionTimeoutMs);
        return ErrorCode.NONE;
    }
  }

  /** LeaveGroup for each member (v3+ batches; older versions send one). Returns per-member codes. */
  leave(groupId: string, members: { memberId: string; groupInstanceId: string | null }[]): { errorCode: number; members: { memberId: string; groupInstanceId: string | null; errorCode: number }[] } {
    // The whole request fails, no member is answered (Kafka's coordinator checks the id first).
    if (groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, members: [] };
    const group = this.groups.get(groupId);
    if (group === undefined) return { errorCode: ErrorCode.NONE, members: members.map((m) => ({ ...m, errorCode: ErrorCode.UNKNOWN_MEMBER_ID })) };
    if (group.state === 'Dead') return { errorCode: ErrorCode.COORDINATOR_NOT_AVAILABLE, members: [] };
    const results = members.map((m) => {
      if (m.memberId === '') {
        const id = m.groupInstanceId !== null ? group.staticMembers.get(m.groupInstanceId) : undefined;
        if (id === undefined) return { ...m, errorCode: ErrorCode.UNKNOWN_MEMBER_ID };
        this.removeCurrentMember(group, id);
        return { ...m, errorCode: ErrorCode.NONE };
      }
      if (group.isPendingMember(m.memberId)) {
        group.remove(m.memberId);
        this.timer.cancel(this.heartbeatKey(group, m.memberId));
        return { ...m, errorCode: ErrorCode.NONE };
      }
      try {
        group.validateMember(m.memberId, m.groupInstanceId);
      } catch (e) {
        return { ...m, errorCode: (e as GroupError).errorCode };
      }
      this.removeCurrentMember(group, m.memberId);
      return { ...m, errorCode: ErrorCode.NONE };
    });
    if (results.some((r) => r.errorCode === ErrorCode.NONE)) {
      if (group.state === 'Stable' || group.state === 'CompletingRebalance') this.maybePrepareRebalanceOrCompleteJoin(group);
      else if (group.state === 'PreparingRebalance') this.maybeCompleteJoinPhase(group);
    }
    return { errorCode: ErrorCode.NONE, members: results };
  }

  /** Removes a member, answering any JoinGroup or SyncGroup of it still waiting (UNKNOWN_MEMBER_ID). */
  private removeCurrentMember(group: ClassicGroup, memberId: string): void {
    const m = group.members.get(memberId);
    this.timer.cancel(this.heartbeatKey(group, memberId));
    if (m !== undefined) {
      m.awaitingJoin?.(failedJoin(ErrorCode.UNKNOWN_MEMBER_ID, ''));
      m.awaitingJoin = null;
      m.awaitingSync?.({ errorCode: ErrorCode.UNKNOWN_MEMBER_ID, protocolType: null, protocolName: null, assignment: EMPTY_ASSIGNMENT });
      m.awaitingSync = null;
    }
    group.remove(memberId);
  }

  private scheduleHeartbeat(group: ClassicGroup, member: Member, timeoutMs: number): void {
    const memberId = member.memberId;
    this.timer.schedule(this.heartbeatKey(group, memberId), timeoutMs, () => this.expireHeartbeat(group, memberId));
  }

  private expireHeartbeat(group: ClassicGroup, memberId: string): void {
    if (!this.isCurrent(group)) return;
    if (group.isPendingMember(memberId)) {
      group.remove(memberId);
      if (group.state === 'PreparingRebalance' && group.hasAllMembersJoined()) this.completeJoin(group);
      return;
    }
    const member = group.members.get(memberId);
    if (member === undefined || member.hasSatisfiedHeartbeat()) return;
    this.removeCurrentMember(group, memberId);
    if (group.state === 'Stable' || group.state === 'CompletingRebalance') this.maybePrepareRebalanceOrCompleteJoin(group);
    else if (group.state === 'PreparingRebalance' && group.hasAllMembersJoined()) this.completeJoin(group);
  }

  private heartbeatKey(group: ClassicGroup, memberId: string): string {
    return `heartbeat ${group.groupId} ${memberId}`;
  }

  private joinKey(group: ClassicGroup): string {
    return `join ${group.groupId}`;
  }

  private syncKey(group: ClassicGroup): string {
    return `sync ${group.groupId}`;
  }

  // ---------------------------------------------------------------- offsets (offset-store.ts)

  /** The durable offsets, by group, then by partition. */
  get offsets(): ReadonlyMap<string, ReadonlyMap<string, StoredOffset>> {
    return this.offsetStore.offsets;
  }

  /** Validates and stores commits; resolves with an error code per partition, in request order. */
  commitOffsets(req: OffsetCommitRequest): Promise<number[]> {
    return this.offsetStore.commit(req);
  }

  committed(groupId: string, topic: string, partition: number): CommittedOffset | undefined {
    return this.offsetStore.committed(groupId, topic, partition);
  }

  /** TxnOffsetCommit, once `verify` (the transaction coordinator's check) passes: offsets pending until the transaction ends (offset-store.ts). */
  commitTransactionalOffsets(req: TxnOffsetCommitRequest, verify: (offsetsPartition: number) => Promise<number>): Promise<number[]> {
    return this.offsetStore.commitTransactional(req, verify);
  }

  /**
   * For the transaction coordinator: writes the COMMIT or ABORT marker of a producer's
   * transaction to a __consumer_offsets partition, then commits or drops the transaction's offsets
   * of the groups kept there (Kafka 4's GroupCoordinator.completeTransaction). Resolves once the
   * marker is durable; rejects, changing nothing, when it cannot be written.
   */
  completeTransaction(offsetsPartition: number, producerId: bigint, producerEpoch: number, coordinatorEpoch: number, commit: boolean, transactionVersion = 0): Promise<void> {
    return this.offsetStore.completeTransaction(offsetsPartition, { producerId, producerEpoch, coordinatorEpoch, commit, transactionVersion });
  }

  /** Whether an open transaction has committed an offset for the partition (OffsetFetch's require_stable answers UNSTABLE_OFFSET_COMMIT). */
  hasPendingTransactionalOffset(groupId: string, topic: string, partition: number): boolean {
    return this.offsetStore.hasPendingTransactionalOffset(groupId, topic, partition);
  }

  /** Every committed offset of a group (OffsetFetch with topics = null). */
  allCommitted(groupId: string): StoredOffset[] {
    return this.offsetStore.allCommitted(groupId);
  }

  /** OffsetDelete: per partition NONE, or GROUP_SUBSCRIBED_TO_TOPIC. Throws GroupError for the group. */
  deleteOffsets(groupId: string, partitions: { topic: string; partition: number }[]): Promise<number[]> {
    return this.offsetStore.deleteOffsets(groupId, partitions);
  }

  /** Removes expired offsets, then empty groups left without any (offset-store.ts). */
  expireOffsets(): Promise<number> {
    return this.offsetStore.expireOffsets();
  }

  /**
   * DeleteGroups for one group: only empty groups; their offsets go too. The group leaves memory
   * at once, as in Kafka, so that no request or timer can act on it while its tombstones are
   * written; if they cannot be written, it comes back (unless the id has been taken meanwhile).
   */
  async deleteGroup(groupId: string): Promise<number> {
    const group = this.groups.get(groupId);
    const partitions = this.offsetStore.partitionsWithOffsets(groupId);
    if ((group === undefined || group.state === 'Dead') && partitions.length === 0) return ErrorCode.GROUP_ID_NOT_FOUND;
    if (group !== undefined && group.state !== 'Empty' && group.state !== 'Dead') return ErrorCode.NON_EMPTY_GROUP;
    const since = group?.stateTimestamp;
    if (group !== undefined) this.removeGroup(group);
    try {
      await this.offsetStore.remove(groupId, partitions, [groupTombstone(groupId)]);
    } catch (e) {
      this.log.warn(`deleting group ${groupId} failed: ${e}`);
      if (group !== undefined) this.restoreGroup(group, since!);
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
    return ErrorCode.NONE;
  }

  // ---------------------------------------------------------------- replay

  /** Rebuilds state from __consumer_offsets records, in log order (`at`: where the record was, and its transaction's producer). */
  replay(record: ReplayedRecord, at?: ReplayPosition): void {
    if (record.kind === 'offset') return this.offsetStore.replay(record.groupId, record.topic, record.partition, record.value, at);
    if (record.value === null) {
      this.groups.delete(record.groupId);
      return;
    }
    this.groups.set(record.groupId, groupFromRecord(record.groupId, record.value, this.now()));
  }

  /** Replays a transaction marker of __consumer_offsets: the producer's offsets there become committed or are dropped. */
  replayMarker(offsetsPartition: number, producerId: bigint, commit: boolean): void {
    this.offsetStore.replayMarker(offsetsPartition, producerId, commit);
  }

  /** After replay: members of loaded groups must heartbeat within their session timeout. */
  afterReplay(): void {
    for (const g of this.groups.values()) for (const m of g.members.values()) this.scheduleHeartbeat(g, m, m.sessionTimeoutMs);
  }
}
