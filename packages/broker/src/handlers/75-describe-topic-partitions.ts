/**
 * DescribeTopicPartitions (key 75), version 0 (flexible): what kafka-topics --describe asks since
 * Kafka 3.8, in place of Metadata, for clusters with many partitions.
 *
 * Topics are answered in name order (all those the principal may describe when none are named;
 * an unauthorised one is hidden then, refused with TOPIC_AUTHORIZATION_FAILED when named), from
 * the request's cursor on, and at most response_partition_limit partitions in all (capped at
 * Kafka's 2,000); when more remain, next_cursor names the first one left out. Every partition is
 * led by this broker, its one replica, in sync; eligible leader replicas are empty, as on a
 * one-node Kafka with ELR finalized. A cursor with a negative partition, or naming a topic the
 * request does not name, is INVALID_REQUEST for every topic the request names (none when it names
 * none), as Kafka answers a request it refuses whole.
 */
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { authorized } from './authorize.ts';
import { authorizedOperations } from './authorized-operations.ts';
import { defineHandler } from './handler.ts';

/** Kafka's max.request.partition.size.limit default: the most partitions one answer carries. */
const MAX_PARTITIONS = 2000;

export const describeTopicPartitionsHandler = defineHandler({
  api: Apis.DescribeTopicPartitions,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, request) {
    const { broker } = ctx;
    const describable = (name: string) => authorized(ctx, AclOperation.DESCRIBE, ResourceType.TOPIC, name);
    const cursor = request.cursor;
    const named = request.topics.length > 0;
    if (cursor !== null && (cursor.partitionIndex < 0 || (named && !request.topics.some((t) => t.name === cursor.topicName)))) {
      const refused = request.topics.map((t) => ({ errorCode: ErrorCode.INVALID_REQUEST, name: t.name, topicId: ZERO_UUID, isInternal: false, partitions: [], topicAuthorizedOperations: -2147483648 }));
      return { throttleTimeMs: 0, topics: refused, nextCursor: null };
    }
    let names = named ? [...new Set(request.topics.map((t) => t.name))] : broker.topics.list().map((t) => t.name).filter(describable);
    names.sort();
    if (cursor !== null) names = names.filter((n) => n >= cursor.topicName);
    let budget = Math.min(Math.max(request.responsePartitionLimit, 1), MAX_PARTITIONS);
    const topics = [];
    let nextCursor: { topicName: string; partitionIndex: number } | null = null;
    const failed = (name: string, errorCode: number) => ({ errorCode, name, topicId: ZERO_UUID, isInternal: false, partitions: [], topicAuthorizedOperations: -2147483648 });
    for (const name of names) {
      const t = broker.topics.get(name);
      if (named && !describable(name)) {
        topics.push(failed(name, ErrorCode.TOPIC_AUTHORIZATION_FAILED));
        continue;
      }
      if (t === undefined) {
        topics.push(failed(name, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION));
        continue;
      }
      const first = cursor !== null && name === cursor.topicName ? Math.max(cursor.partitionIndex, 0) : 0;
      if (budget === 0) {
        nextCursor = { topicName: name, partitionIndex: first };
        break;
      }
      const last = Math.min(t.partitionCount, first + budget);
      const partitions = [];
      for (let i = first; i < last; i++) {
        partitions.push({ errorCode: ErrorCode.NONE, partitionIndex: i, leaderId: broker.nodeId, leaderEpoch: 0, replicaNodes: [broker.nodeId], isrNodes: [broker.nodeId], eligibleLeaderReplicas: [], lastKnownElr: [], offlineReplicas: [] });
      }
      budget -= last - first;
      topics.push({ errorCode: ErrorCode.NONE, name, topicId: t.topicId, isInternal: t.internal, partitions, topicAuthorizedOperations: authorizedOperations(ctx, ResourceType.TOPIC, name) });
      if (last < t.partitionCount) {
        nextCursor = { topicName: name, partitionIndex: last };
        break;
      }
    }
    return { throttleTimeMs: 0, topics, nextCursor };
  },
});
