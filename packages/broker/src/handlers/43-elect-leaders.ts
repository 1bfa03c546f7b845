/**
 * ElectLeaders (key 43), versions 0-2. v1: election type (0 preferred, 1 unclean) and a top-level
 * error code; v2: flexible.
 *
 * A one-node cluster's every partition is led by its one replica, which is both the preferred
 * leader and in sync, so no election is ever needed: each partition named answers
 * ELECTION_NOT_NEEDED and an unknown one UNKNOWN_TOPIC_OR_PARTITION; asked for all partitions
 * (null), the answer lists every topic, internal ones too, each without partitions, as Kafka's
 * controller does (it leaves out the partitions that needed no election, not their topics).
 * Without ALTER on the cluster: CLUSTER_AUTHORIZATION_FAILED, as from Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { AclOperation } from '../acl/model.ts';
import { authorizedOnCluster } from './authorize.ts';
import { defineHandler } from './handler.ts';

export const electLeadersHandler = defineHandler({
  api: Apis.ElectLeaders,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, request) {
    const each = (errorCode: number) =>
      (request.topicPartitions ?? []).map((t) => ({
        topic: t.topic,
        partitionResult: t.partitions.map((partitionId) => {
          const code = errorCode !== ErrorCode.NONE ? errorCode : ctx.broker.topics.partition(t.topic, partitionId) === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.ELECTION_NOT_NEEDED;
          return { partitionId, errorCode: code, errorMessage: null };
        }),
      }));
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, replicaElectionResults: each(ErrorCode.CLUSTER_AUTHORIZATION_FAILED) };
    if (request.topicPartitions === null) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults: ctx.broker.topics.list().map((t) => ({ topic: t.name, partitionResult: [] })) };
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults: each(ErrorCode.NONE) };
  },
});
