/**
 * OffsetFetch (key 9), versions 1-10.
 * v2: null topics = every committed offset of the group, and a group-level error; v3: throttle
 * time; v5: committed leader epoch; v6: flexible; v7: require stable: a partition an open
 * transaction has committed an offset for (TxnOffsetCommit, not yet ended) answers
 * UNSTABLE_OFFSET_COMMIT with no offset, which clients retry until the transaction ends, as
 * Kafka does; v8: several groups at once; v9: KIP-848 member id and epoch;
 * v10: topics by id instead of name (an unknown id: UNKNOWN_TOPIC_ID on its partitions; offsets
 * of deleted topics, which have no id any more, are left out of "every committed offset").
 * A partition without a committed offset answers -1 with empty metadata, as Kafka does.
 */
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { defineHandler, type RequestContext } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

interface Wanted {
  name: string;
  topicId: string;
  partitionIndexes: readonly number[];
}

function fetchGroup(ctx: RequestContext, groupId: string, topics: readonly Wanted[] | null, version: number, requireStable: boolean) {
  const broker: BrokerCore = ctx.broker;
  const byId = version >= 10;
  // Topics without DESCRIBE are left out of a whole group's offsets and refused when named, as Kafka.
  const describable = (topic: string) => authorized(ctx, AclOperation.DESCRIBE, ResourceType.TOPIC, topic);
  const partitionResult = (topic: string | null, partition: number) => {
    if (topic !== null && !describable(topic)) return { partitionIndex: partition, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED };
    if (requireStable && topic !== null && broker.groups.hasPendingTransactionalOffset(groupId, topic, partition)) {
      return { partitionIndex: partition, committedOffset: -1n, committedLeaderEpoch: -1, metadata: '', errorCode: ErrorCode.UNSTABLE_OFFSET_COMMIT };
    }
    const c = topic === null ? undefined : broker.groups.committed(groupId, topic, partition);
    return {
      partitionIndex: partition,
      committedOffset: c?.offset ?? -1n,
      committedLeaderEpoch: version >= 5 ? (c?.leaderEpoch ?? -1) : -1,
      metadata: c?.metadata ?? '', // Kafka answers an empty string, not null, for no commit
      errorCode: topic === null ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.NONE,
    };
  };
  if (topics === null) {
    const byTopic = new Map<string, number[]>();
    for (const c of broker.groups.allCommitted(groupId)) byTopic.set(c.topic, [...(byTopic.get(c.topic) ?? []), c.partition]);
    return [...byTopic].flatMap(([name, partitions]) => {
      const topicId = broker.topics.get(name)?.topicId;
      if ((byId && topicId === undefined) || !describable(name)) return [];
      return [{ name, topicId: topicId ?? ZERO_UUID, partitions: partitions.sort((a, b) => a - b).map((p) => partitionResult(name, p)) }];
    });
  }
  return topics.map((t) => {
    // Offsets are kept by topic name; v10 names topics by id on the wire.
    const name = byId ? (broker.topics.getById(t.topicId)?.name ?? null) : t.name;
    return { name: t.name, topicId: t.topicId, partitions: t.partitionIndexes.map((p) => partitionResult(name, p)) };
  });
}

export const offsetFetchHandler = defineHandler({
  api: Apis.OffsetFetch,
  minVersion: 1,
  maxVersion: 10,
  handle(ctx, request) {
    const { version } = ctx;
    const groupAllowed = (groupId: string) => authorized(ctx, AclOperation.DESCRIBE, ResourceType.GROUP, groupId);
    if (version >= 8) {
      return {
        throttleTimeMs: 0,
        groups: request.groups.map((g) => groupAllowed(g.groupId)
          ? { groupId: g.groupId, topics: fetchGroup(ctx, g.groupId, g.topics, version, request.requireStable), errorCode: ErrorCode.NONE }
          : { groupId: g.groupId, topics: [], errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED }),
      };
    }
    if (!groupAllowed(request.groupId)) return { throttleTimeMs: 0, topics: [], errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    const requireStable = version >= 7 && request.requireStable;
    return { throttleTimeMs: 0, topics: fetchGroup(ctx, request.groupId, request.topics?.map((t) => ({ ...t, topicId: ZERO_UUID })) ?? null, version, requireStable), errorCode: ErrorCode.NONE };
  },
});
