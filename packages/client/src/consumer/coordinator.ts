/**
 * The "consumer" side of group membership (Java's ConsumerCoordinator): it offers the
 * subscription for each configured assignor when joining, runs the chosen assignor when this
 * member leads, and turns assignments into revoked, assigned and lost partitions, eagerly
 * (everything is revoked before rejoining) or cooperatively (only partitions that move are
 * revoked, followed by another rebalance that hands them to their new owner).
 */
import { ClientErrorCode, KafkaError } from '../errors.ts';
import type { GroupMember } from '../group/member.ts';
import type { GroupProtocolHandler, JoinedMember } from '../group/protocol-handler.ts';
import type { Cluster } from '../network/cluster.ts';
import {
  type PartitionAssignor,
  type RebalanceProtocol,
  type Subscription,
  type TopicPartition,
  commonRebalanceProtocol,
  compareTopicPartitions,
  tpKey,
} from './assignors.ts';
import { decodeAssignment, decodeSubscription, encodeAssignment, encodeSubscription } from './consumer-protocol.ts';
import type { SubscriptionState } from './state.ts';

export type RebalanceEvent = 'assigned' | 'revoked' | 'lost';

export interface CoordinatorHost {
  readonly cluster: Cluster;
  readonly subs: SubscriptionState;
  readonly clientRack: string | null;
  /** Before partitions are revoked: commit what was consumed of them (auto commit). */
  beforeRevoke(partitions: TopicPartition[]): Promise<void>;
  /** Calls the application's rebalance listener. */
  notify(event: RebalanceEvent, partitions: TopicPartition[]): Promise<void>;
  /** The assignment changed: fetch positions, restart fetching. */
  assignmentChanged(): void;
}

function minus(a: readonly TopicPartition[], b: readonly TopicPartition[]): TopicPartition[] {
  const keys = new Set(b.map((tp) => tpKey(tp.topic, tp.partition)));
  return a.filter((tp) => !keys.has(tpKey(tp.topic, tp.partition)));
}

export class ConsumerCoordinator implements GroupProtocolHandler {
  readonly protocolType = 'consumer';
  readonly rebalanceProtocol: RebalanceProtocol;
  member: GroupMember | null = null;
  /** What this member owned before an eager revocation (offered to sticky assignors). */
  private previouslyOwned: TopicPartition[] = [];
  /** Leader only: partition counts the last assignment was made with. */
  private assignedWith: Map<string, number> | null = null;

  private readonly host: CoordinatorHost;
  readonly assignors: readonly PartitionAssignor[];

  constructor(host: CoordinatorHost, assignors: readonly PartitionAssignor[]) {
    this.host = host;
    this.assignors = assignors;
    if (assignors.length === 0) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'a group consumer needs at least one partition assignor');
    this.rebalanceProtocol = commonRebalanceProtocol(assignors);
  }

  private subscribedTopics(): string[] {
    return [...this.host.subs.topics].sort();
  }

  joinProtocols(): { name: string; metadata: Buffer }[] {
    const topics = this.subscribedTopics();
    const owned = this.rebalanceProtocol === 'cooperative' ? this.host.subs.assigned() : this.previouslyOwned;
    const generationId = this.member?.generationId ?? -1;
    return this.assignors.map((a) => ({
      name: a.name,
      metadata: encodeSubscription({
        topics,
        userData: a.subscriptionUserData?.(topics, { generationId, ownedPartitions: owned }) ?? null,
        ownedPartitions: owned,
        generationId,
        rackId: this.host.clientRack,
      }),
    }));
  }

  async onJoinPrepare(info: { generationId: number; memberId: string }): Promise<void> {
    const owned = this.host.subs.assigned();
    if (owned.length === 0) return;
    if (info.generationId < 0) {
      // The membership was lost: another member may already own these partitions.
      this.previouslyOwned = [];
      this.host.subs.setAssignment([]);
      await this.host.notify('lost', owned);
      this.host.assignmentChanged();
      return;
    }
    if (this.rebalanceProtocol === 'eager') {
      this.previouslyOwned = owned;
      await this.host.beforeRevoke(owned);
      this.host.subs.setAssignment([]);
      await this.host.notify('revoked', owned);
      this.host.assignmentChanged();
      return;
    }
    // Cooperative: give up only partitions of topics no longer subscribed.
    const gone = owned.filter((tp) => !this.host.subs.matches(tp.topic));
    if (gone.length > 0) {
      await this.host.beforeRevoke(gone);
      this.host.subs.setAssignment(minus(owned, gone));
      await this.host.notify('revoked', gone);
      this.host.assignmentChanged();
    }
  }

  async performAssignment(info: { leaderId: string; protocol: string; generationId: number; members: JoinedMember[]; skipAssignment: boolean }): Promise<Map<string, Buffer>> {
    if (info.skipAssignment) return new Map();
    const assignor = this.assignors.find((a) => a.name === info.protocol);
    if (!assignor) throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `the group chose assignor '${info.protocol}', which this consumer does not have`);
    const members = new Map<string, Subscription>();
    const topics = new Set<string>();
    for (const m of info.members) {
      const s = decodeSubscription(m.metadata, m.groupInstanceId);
      members.set(m.memberId, s);
      for (const t of s.topics) topics.add(t);
    }
    const cluster = this.host.cluster;
    if (cluster.addTopics(topics) || [...topics].some((t) => !cluster.topic(t))) await cluster.refresh();
    const partitionsPerTopic = new Map<string, number>();
    for (const t of topics) {
      const n = cluster.topic(t)?.partitions.length;
      if (n) partitionsPerTopic.set(t, n);
    }
    // Every subscribed topic, a missing one as 0 partitions: its creation must bring a rebalance too.
    this.assignedWith = new Map([...topics].map((t) => [t, partitionsPerTopic.get(t) ?? 0]));
    const result = await assignor.assign({ partitionsPerTopic, members, rebalanceProtocol: this.rebalanceProtocol, generationId: info.generationId });
    const out = new Map<string, Buffer>();
    for (const id of members.keys()) out.set(id, encodeAssignment(result.get(id) ?? { partitions: [] }));
    return out;
  }

  async onJoinComplete(info: { generationId: number; memberId: string; protocol: string; assignment: Buffer; leaderId: string }): Promise<void> {
    if (info.leaderId !== info.memberId) this.assignedWith = null;
    const assignment = decodeAssignment(info.assignment);
    const assignor = this.assignors.find((a) => a.name === info.protocol);
    assignor?.onAssignment?.(assignment, { generationId: info.generationId, memberId: info.memberId });
    const next = [...assignment.partitions].sort(compareTopicPartitions);
    const subs = this.host.subs;
    const cluster = this.host.cluster;
    if (cluster.addTopics(next.map((tp) => tp.topic))) cluster.requestUpdate();
    if (this.rebalanceProtocol === 'eager') {
      subs.setAssignment(next);
      this.previouslyOwned = [];
      this.host.assignmentChanged();
      await this.host.notify('assigned', next);
    } else {
      const owned = subs.assigned();
      const revoked = minus(owned, next);
      const added = minus(next, owned);
      if (revoked.length > 0) {
        await this.host.beforeRevoke(revoked);
        subs.setAssignment(minus(owned, revoked));
        await this.host.notify('revoked', revoked);
      }
      subs.setAssignment(next);
      this.host.assignmentChanged();
      await this.host.notify('assigned', added);
      if (revoked.length > 0) this.member?.requestRejoin('partitions were revoked; the follow-up rebalance assigns them');
    }
    if (next.some((tp) => !subs.matches(tp.topic))) this.member?.requestRejoin('the assignment has topics outside the subscription');
  }

  /** Leader only: whether a member of the group subscribes to the topic (Java's groupSubscription). */
  groupSubscribes(topic: string): boolean {
    return this.assignedWith?.has(topic) ?? false;
  }

  /**
   * Leader only: the partition counts of the group's topics changed since the assignment (new
   * partitions, deleted or created topics), so the group must rebalance.
   */
  metadataChanged(): boolean {
    if (!this.assignedWith || !this.member?.isStable || !this.member.isLeader) return false;
    for (const [t, n] of this.assignedWith) {
      // Java's assignment snapshot against the metadata snapshot: a topic created (or gone) since counts.
      const now = this.host.cluster.topic(t)?.partitions.length ?? 0;
      if (now !== n) return true;
    }
    return false;
  }
}
