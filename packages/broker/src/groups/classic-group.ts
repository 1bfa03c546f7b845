/**
 * A classic (JoinGroup/SyncGroup) consumer group and its members, with Kafka's states and rules
 * (ClassicGroup in Kafka's group coordinator): generations, the leader, the protocol chosen by
 * vote among the protocols every member supports, static members by group.instance.id, and the
 * members whose JoinGroup or SyncGroup is waiting for the rebalance to move on.
 */
import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@sluice/protocol';
import { GroupError } from '../errors.ts';
import { groupStateChannel, type BrokerGroupStateMessage } from '../diagnostics.ts';

export type GroupState = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

const VALID_PREVIOUS: Record<GroupState, readonly GroupState[]> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

export const EMPTY_ASSIGNMENT = Buffer.alloc(0);

export interface Protocol {
  name: string;
  metadata: Buffer;
}

export interface JoinResult {
  errorCode: number;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  skipAssignment: boolean;
  memberId: string;
  members: { memberId: string; groupInstanceId: string | null; metadata: Buffer }[];
}

export interface SyncResult {
  errorCode: number;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Buffer;
}

export class Member {
  assignment: Buffer = EMPTY_ASSIGNMENT;
  awaitingJoin: ((r: JoinResult) => void) | null = null;
  awaitingSync: ((r: SyncResult) => void) | null = null;
  isNew = false;

  public memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  public rebalanceTimeoutMs: number;
  public sessionTimeoutMs: number;
  readonly protocolType: string;
  public protocols: Protocol[];

  constructor(
    memberId: string,
    groupInstanceId: string | null,
    clientId: string,
    clientHost: string,
    rebalanceTimeoutMs: number,
    sessionTimeoutMs: number,
    protocolType: string,
    protocols: Protocol[],
  ) {
    this.memberId = memberId;
    this.groupInstanceId = groupInstanceId;
    this.clientId = clientId;
    this.clientHost = clientHost;
    this.rebalanceTimeoutMs = rebalanceTimeoutMs;
    this.sessionTimeoutMs = sessionTimeoutMs;
    this.protocolType = protocolType;
    this.protocols = protocols;
  }

  /** Same protocols, in the same order, with the same metadata. */
  matches(protocols: readonly Protocol[]): boolean {
    return protocols.length === this.protocols.length && protocols.every((p, i) => p.name === this.protocols[i].name && p.metadata.equals(this.protocols[i].metadata));
  }

  /** The first of its protocols (in its order of preference) among the candidates. */
  vote(candidates: Set<string>): string {
    const p = this.protocols.find((x) => candidates.has(x.name));
    if (p === undefined) throw new Error('member supports none of the candidate protocols');
    return p.name;
  }

  metadataFor(protocol: string): Buffer {
    return this.protocols.find((p) => p.name === protocol)?.metadata ?? EMPTY_ASSIGNMENT;
  }

  /** Members waiting for a rebalance to move on need no heartbeats, unless they are new. */
  hasSatisfiedHeartbeat(): boolean {
    return !this.isNew && (this.awaitingJoin !== null || this.awaitingSync !== null);
  }
}

export class ClassicGroup {
  state: GroupState = 'Empty';
  previousState: GroupState = 'Empty';
  generationId = 0;
  protocolType: string | null = null;
  protocolName: string | null = null;
  leaderId: string | null = null;
  readonly members = new Map<string, Member>();
  readonly staticMembers = new Map<string, string>();
  readonly pendingJoinMembers = new Set<string>();
  readonly pendingSyncMembers = new Set<string>();
  private readonly supportedProtocols = new Map<string, number>();
  newMemberAdded = false;
  /** When the group last changed state, for offsets retention of empty groups. */
  stateTimestamp: number;

  readonly groupId: string;

  constructor(groupId: string, now: number) {
    this.groupId = groupId;
    this.stateTimestamp = now;
  }

  transitionTo(state: GroupState, now: number): void {
    if (!VALID_PREVIOUS[state].includes(this.state)) throw new Error(`group ${this.groupId} cannot go from ${this.state} to ${state}`);
    this.previousState = this.state;
    this.state = state;
    this.stateTimestamp = now;
    if (groupStateChannel.hasSubscribers) {
      const message: BrokerGroupStateMessage = { groupId: this.groupId, from: this.previousState, to: state, generationId: this.generationId, members: [...this.members.keys()] };
      groupStateChannel.publish(message);
    }
  }

  get numAwaitingJoin(): number {
    let n = 0;
    for (const m of this.members.values()) if (m.awaitingJoin !== null) n++;
    return n;
  }

  hasMember(memberId: string): boolean {
    return this.members.has(memberId);
  }

  isLeader(memberId: string): boolean {
    return this.leaderId === memberId;
  }

  isPendingMember(memberId: string): boolean {
    return this.pendingJoinMembers.has(memberId);
  }

  canRebalance(): boolean {
    return VALID_PREVIOUS.PreparingRebalance.includes(this.state);
  }

  hasAllMembersJoined(): boolean {
    return this.members.size === this.numAwaitingJoin && this.pendingJoinMembers.size === 0;
  }

  generateMemberId(clientId: string, groupInstanceId: string | null): string {
    return `${groupInstanceId ?? clientId}-${randomUUID()}`;
  }

  add(member: Member): void {
    if (this.members.size === 0) this.protocolType = member.protocolType;
    this.members.set(member.memberId, member);
    this.countProtocols(member.protocols, +1);
    if (member.groupInstanceId !== null) this.staticMembers.set(member.groupInstanceId, member.memberId);
    this.pendingJoinMembers.delete(member.memberId);
    if (this.leaderId === null) this.leaderId = member.memberId;
  }

  remove(memberId: string): void {
    const m = this.members.get(memberId);
    if (m !== undefined) {
      this.members.delete(memberId);
      this.countProtocols(m.protocols, -1);
      if (m.groupInstanceId !== null) this.staticMembers.delete(m.groupInstanceId);
    }
    if (this.isLeader(memberId)) this.leaderId = this.members.keys().next().value ?? null;
    this.pendingJoinMembers.delete(memberId);
    this.pendingSyncMembers.delete(memberId);
  }

  updateMember(member: Member, protocols: Protocol[], rebalanceTimeoutMs: number, sessionTimeoutMs: number): void {
    this.countProtocols(member.protocols, -1);
    this.countProtocols(protocols, +1);
    member.protocols = protocols;
    member.rebalanceTimeoutMs = rebalanceTimeoutMs;
    member.sessionTimeoutMs = sessionTimeoutMs;
  }

  /**
   * How many members support each protocol. A member naming a protocol twice supports it once:
   * counted twice, the protocol would seem supported by more members than the group has, never be
   * a candidate, and leave that member nothing to vote for when the generation completes.
   */
  private countProtocols(protocols: readonly Protocol[], by: 1 | -1): void {
    for (const name of new Set(protocols.map((p) => p.name))) {
      const n = (this.supportedProtocols.get(name) ?? 0) + by;
      if (n > 0) this.supportedProtocols.set(name, n);
      else this.supportedProtocols.delete(name);
    }
  }

  /** Moves a static member to a new member id (a restarted instance rejoining). */
  replaceStaticMember(groupInstanceId: string, oldMemberId: string, newMemberId: string): Member {
    const m = this.members.get(oldMemberId);
    if (m === undefined) throw new Error(`static member ${oldMemberId} is not in group ${this.groupId}`);
    // The old instance's waiting requests are fenced.
    m.awaitingJoin?.({ ...failedJoin(ErrorCode.FENCED_INSTANCE_ID, oldMemberId) });
    m.awaitingJoin = null;
    m.awaitingSync?.({ errorCode: ErrorCode.FENCED_INSTANCE_ID, protocolType: null, protocolName: null, assignment: EMPTY_ASSIGNMENT });
    m.awaitingSync = null;
    this.members.delete(oldMemberId);
    m.memberId = newMemberId;
    this.members.set(newMemberId, m);
    if (this.isLeader(oldMemberId)) this.leaderId = newMemberId;
    this.staticMembers.set(groupInstanceId, newMemberId);
    this.pendingSyncMembers.delete(oldMemberId);
    return m;
  }

  /** Throws GroupError(UNKNOWN_MEMBER_ID or FENCED_INSTANCE_ID) unless this is a current member. */
  validateMember(memberId: string, groupInstanceId: string | null): void {
    if (groupInstanceId !== null) {
      const existing = this.staticMembers.get(groupInstanceId);
      if (existing === undefined) throw new GroupError('UNKNOWN_MEMBER_ID', `Group ${this.groupId} has no static member with instance id ${groupInstanceId}.`);
      if (existing !== memberId) throw new GroupError('FENCED_INSTANCE_ID', `Instance id ${groupInstanceId} of group ${this.groupId} belongs to member ${existing}, not ${memberId}: a newer instance took it over.`);
    }
    if (!this.members.has(memberId)) throw new GroupError('UNKNOWN_MEMBER_ID', `Group ${this.groupId} has no member ${memberId}; join the group again.`);
  }

  supportsProtocols(protocolType: string, protocols: readonly Protocol[]): boolean {
    if (this.state === 'Empty') return protocolType !== '' && protocols.length > 0;
    return this.protocolType === protocolType && protocols.some((p) => (this.supportedProtocols.get(p.name) ?? 0) === this.members.size);
  }

  private candidateProtocols(): Set<string> {
    const out = new Set<string>();
    for (const [name, count] of this.supportedProtocols) if (count === this.members.size) out.add(name);
    return out;
  }

  selectProtocol(): string {
    const candidates = this.candidateProtocols();
    const votes = new Map<string, number>();
    for (const m of this.members.values()) {
      const v = m.vote(candidates);
      votes.set(v, (votes.get(v) ?? 0) + 1);
    }
    let best: string | null = null;
    let bestVotes = -1;
    for (const [name, n] of votes) {
      if (n > bestVotes) {
        best = name;
        bestVotes = n;
      }
    }
    return best!;
  }

  /** If the leader did not rejoin, hands leadership to a member that did. */
  maybeElectNewJoinedLeader(): boolean {
    if (this.leaderId === null) return false;
    const leader = this.members.get(this.leaderId);
    if (leader !== undefined && leader.awaitingJoin !== null) return true;
    for (const m of this.members.values()) {
      if (m.awaitingJoin !== null) {
        this.leaderId = m.memberId;
        return true;
      }
    }
    return false;
  }

  initNextGeneration(now: number): void {
    this.generationId++;
    if (this.members.size > 0) {
      this.protocolName = this.selectProtocol();
      this.transitionTo('CompletingRebalance', now);
    } else {
      this.protocolName = null;
      this.transitionTo('Empty', now);
    }
    this.pendingSyncMembers.clear();
  }

  /** The members as the leader sees them in its JoinGroup answer. */
  currentMembers(): JoinResult['members'] {
    return [...this.members.values()].map((m) => ({ memberId: m.memberId, groupInstanceId: m.groupInstanceId, metadata: m.metadataFor(this.protocolName ?? '') }));
  }

  /**
   * A new incarnation of this group, Empty since `stateTimestamp`: what stays of a deleted empty
   * group when its deletion could not be written (a Dead group never comes back to life).
   */
  emptyCopy(stateTimestamp: number): ClassicGroup {
    const copy = new ClassicGroup(this.groupId, stateTimestamp);
    copy.generationId = this.generationId;
    copy.protocolType = this.protocolType;
    copy.protocolName = this.protocolName;
    return copy;
  }

  /** Topics the members subscribe to, for the consumer protocol (null when not knowable). */
  subscribedTopics: Set<string> | null = null;
}

export function failedJoin(errorCode: number, memberId: string): JoinResult {
  return { errorCode, generationId: -1, protocolType: null, protocolName: null, leader: '', skipAssignment: false, memberId, members: [] };
}
