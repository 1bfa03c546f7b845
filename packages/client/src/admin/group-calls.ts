/**
 * The admin client's consumer-group calls: ListGroups on every broker, and DescribeGroups,
 * DeleteGroups, OffsetFetch, OffsetCommit and OffsetDelete at the group's coordinator (found
 * again after NOT_COORDINATOR or COORDINATOR_NOT_AVAILABLE). Admin delegates to this class.
 */
import { Apis } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError, closedError, mustFindCoordinator } from '../errors.ts';
import type { TopicPartition } from '../consumer/assignors.ts';
import { decodeAssignment, decodeSubscription } from '../consumer/consumer-protocol.ts';
import { type CommitTarget, type CommittedOffset, type RetryPolicy, commitOffsets, fetchCommittedOffsets } from '../consumer/offsets.ts';
import { type Cluster, CoordinatorType } from '../network/cluster.ts';
import type { Connection } from '../network/connection.ts';
import type { CallOptions, GroupDescription, GroupListing, GroupMemberDescription } from './admin-types.ts';

/** What the group calls share with the rest of the admin client. */
export interface AdminCallContext {
  readonly cluster: Cluster;
  policy(options: CallOptions): RetryPolicy;
  retry<T>(what: string, options: CallOptions, fn: (attempt: number) => Promise<T>): Promise<T>;
  isClosed(): boolean;
}

export class GroupCalls {
  private readonly admin: AdminCallContext;

  constructor(admin: AdminCallContext) {
    this.admin = admin;
  }

  /** Groups on every broker (ListGroups), optionally filtered by state or type. */
  async listGroups(options: CallOptions & { states?: readonly string[]; types?: readonly string[] } = {}): Promise<GroupListing[]> {
    return this.admin.retry('listing groups', options, async () => {
      await this.admin.cluster.refresh(options.signal);
      const brokers = this.admin.cluster.brokerList();
      const lists = await Promise.all(
        brokers.map(async (b) => {
          const conn = await this.admin.cluster.connection(b.nodeId, '', options.signal);
          const version = conn.requireVersion(Apis.ListGroups);
          if (options.types?.length && version < 5) throw new KafkaError(ClientErrorCode.UNSUPPORTED_API, `${conn.describe()} cannot filter groups by type (ListGroups v5)`);
          const res = await conn.request(
            Apis.ListGroups,
            { statesFilter: version >= 4 ? [...(options.states ?? [])] : [], typesFilter: version >= 5 ? [...(options.types ?? [])] : [] },
            { version, signal: options.signal },
          );
          if (res.errorCode !== 0) throw brokerError(res.errorCode, `listing groups on broker ${b.nodeId}`);
          return res.groups.map((g) => ({ groupId: g.groupId, protocolType: g.protocolType, state: g.groupState, type: g.groupType }));
        }),
      );
      const seen = new Map<string, GroupListing>();
      for (const l of lists) for (const g of l) seen.set(g.groupId, g);
      let out = [...seen.values()];
      if (options.states?.length) out = out.filter((g) => !g.state || options.states!.some((s) => s.toLowerCase() === g.state.toLowerCase()));
      return out.sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
    });
  }

  private async coordinatorFor(groupId: string, signal?: AbortSignal): Promise<Connection> {
    const node = await this.admin.cluster.coordinator(CoordinatorType.Group, groupId, signal);
    try {
      return await this.admin.cluster.connection(node, '', signal);
    } catch (e) {
      this.admin.cluster.invalidateCoordinator(CoordinatorType.Group, groupId);
      throw e;
    }
  }

  private coordinatorError(groupId: string, code: number, what: string): KafkaError {
    if (mustFindCoordinator(code)) this.admin.cluster.invalidateCoordinator(CoordinatorType.Group, groupId);
    return brokerError(code, what);
  }

  /** Members, state and (for consumer groups) subscriptions and assignments. */
  async describeGroups(groupIds: readonly string[], options: CallOptions = {}): Promise<GroupDescription[]> {
    return Promise.all(
      groupIds.map((groupId) =>
        this.admin.retry(`describing group '${groupId}'`, options, async () => {
          const conn = await this.coordinatorFor(groupId, options.signal);
          const res = await conn.request(Apis.DescribeGroups, { groups: [groupId], includeAuthorizedOperations: false }, { signal: options.signal });
          const g = res.groups[0];
          if (!g) throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `DescribeGroups answered nothing for '${groupId}'`, { retriable: true });
          if (g.errorCode !== 0) throw this.coordinatorError(groupId, g.errorCode, `describing group '${groupId}'`);
          return {
            groupId: g.groupId,
            state: g.groupState,
            protocolType: g.protocolType,
            protocol: g.protocolData,
            members: g.members.map((m) => {
              const out: GroupMemberDescription = {
                memberId: m.memberId,
                groupInstanceId: m.groupInstanceId,
                clientId: m.clientId,
                clientHost: m.clientHost,
                metadata: m.memberMetadata,
                rawAssignment: m.memberAssignment,
              };
              if (g.protocolType === 'consumer') {
                try {
                  if (m.memberMetadata.length > 0) out.topics = decodeSubscription(m.memberMetadata, m.groupInstanceId).topics;
                  out.assignment = decodeAssignment(m.memberAssignment).partitions;
                } catch {
                  // Not the standard consumer protocol bytes: leave them raw.
                }
              }
              return out;
            }),
          };
        }),
      ),
    );
  }

  /** Deletes empty groups (and their committed offsets). */
  async deleteGroups(groupIds: readonly string[], options: CallOptions = {}): Promise<void> {
    await Promise.all(
      groupIds.map((groupId) =>
        this.admin.retry(`deleting group '${groupId}'`, options, async () => {
          const conn = await this.coordinatorFor(groupId, options.signal);
          const res = await conn.request(Apis.DeleteGroups, { groupsNames: [groupId] }, { signal: options.signal });
          for (const r of res.results) if (r.errorCode !== 0) throw this.coordinatorError(groupId, r.errorCode, `deleting group '${groupId}'`);
        }),
      ),
    );
  }

  /** Committed offsets of a group: all of them, or those of the given partitions. */
  listGroupOffsets(groupId: string, partitions: readonly TopicPartition[] | null = null, options: CallOptions = {}): Promise<CommittedOffset[]> {
    if (this.admin.isClosed()) return Promise.reject(closedError('admin'));
    return fetchCommittedOffsets(this.admin.cluster, groupId, partitions, { ...this.admin.policy(options), requireStable: false });
  }

  /** Sets a group's committed offsets (the group must have no active members). */
  alterGroupOffsets(groupId: string, offsets: readonly CommitTarget[], options: CallOptions = {}): Promise<void> {
    if (this.admin.isClosed()) return Promise.reject(closedError('admin'));
    return commitOffsets(this.admin.cluster, groupId, { generationId: -1, memberId: '', groupInstanceId: null }, offsets, this.admin.policy(options));
  }

  /** Removes a group's committed offsets for partitions no member is subscribed to (OffsetDelete). */
  async deleteGroupOffsets(groupId: string, partitions: readonly TopicPartition[], options: CallOptions = {}): Promise<void> {
    await this.admin.retry(`deleting offsets of group '${groupId}'`, options, async () => {
      const conn = await this.coordinatorFor(groupId, options.signal);
      const byTopic = new Map<string, number[]>();
      for (const tp of partitions) byTopic.set(tp.topic, [...(byTopic.get(tp.topic) ?? []), tp.partition]);
      const res = await conn.request(
        Apis.OffsetDelete,
        { groupId, topics: [...byTopic].map(([name, ps]) => ({ name, partitions: ps.map((partitionIndex) => ({ partitionIndex })) })) },
        { signal: options.signal },
      );
      if (res.errorCode !== 0) throw this.coordinatorError(groupId, res.errorCode, `deleting offsets of group '${groupId}'`);
      for (const t of res.topics) {
        for (const p of t.partitions) {
          if (p.errorCode !== 0) throw brokerError(p.errorCode, `deleting the offset of ${t.name}-${p.partitionIndex} in group '${groupId}'`, { topic: t.name, partition: p.partitionIndex });
        }
      }
    });
  }
}
