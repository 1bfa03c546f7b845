/**
 * AlterPartitionReassignments (key 45), versions 0-1, flexible. v1: allow_replication_factor_change.
 *
 * A one-node cluster can only "move" a partition to the replica it has: a reassignment to exactly
 * this broker completes at once (NONE, as Kafka answers a reassignment to the current replicas);
 * cancelling one (null replicas) finds none in progress (NO_REASSIGNMENT_IN_PROGRESS); any other
 * list is INVALID_REPLICA_ASSIGNMENT, naming the broker that does not exist, the duplicate or the
 * empty list, in the words of Kafka's controller. A timeout_ms of 0 or less has passed before the
 * controller could act: once a topic is listed (even with no partitions), the answer and each
 * partition are REQUEST_TIMED_OUT, as from Kafka. Without
 * ALTER on the cluster: CLUSTER_AUTHORIZATION_FAILED, as from Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { AclOperation } from '../acl/model.ts';
import { authorizedOnCluster } from './authorize.ts';
import { defineHandler } from './handler.ts';

function refusal(replicas: readonly number[], nodeId: number): string | null {
  if (replicas.length === 0) return 'The manual partition assignment includes an empty replica list.';
  if (new Set(replicas).size !== replicas.length) return 'The manual partition assignment includes duplicate broker IDs.';
  const unknown = replicas.find((r) => r !== nodeId);
  return unknown === undefined ? null : `The manual partition assignment includes broker ${unknown}, but no such broker is registered.`;
}

export const alterPartitionReassignmentsHandler = defineHandler({
  api: Apis.AlterPartitionReassignments,
  minVersion: 0,
  maxVersion: 1,
  handle(ctx, request) {
    const allowed = authorizedOnCluster(ctx, AclOperation.ALTER);
    // As Kafka's controller: only an empty topic list is answered without it (a topic listing no
    // partitions still asks it, and times out with the rest).
    const timedOut = allowed && request.timeoutMs <= 0 && request.topics.length > 0;
    const responses = request.topics.map((t) => ({
      name: t.name,
      partitions: t.partitions.map((p) => {
        const answer = (errorCode: number, errorMessage: string | null) => ({ partitionIndex: p.partitionIndex, errorCode, errorMessage });
        if (!allowed) return answer(ErrorCode.CLUSTER_AUTHORIZATION_FAILED, null);
        if (timedOut) return answer(ErrorCode.REQUEST_TIMED_OUT, null);
        if (ctx.broker.topics.partition(t.name, p.partitionIndex) === undefined) return answer(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, null);
        if (p.replicas === null) return answer(ErrorCode.NO_REASSIGNMENT_IN_PROGRESS, null);
        const refused = refusal(p.replicas, ctx.broker.nodeId);
        return refused === null ? answer(ErrorCode.NONE, null) : answer(ErrorCode.INVALID_REPLICA_ASSIGNMENT, refused);
      }),
    }));
    return {
      throttleTimeMs: 0,
      allowReplicationFactorChange: request.allowReplicationFactorChange,
      errorCode: !allowed ? ErrorCode.CLUSTER_AUTHORIZATION_FAILED : timedOut ? ErrorCode.REQUEST_TIMED_OUT : ErrorCode.NONE,
      errorMessage: null,
      responses,
    };
  },
});
