/**
 * ElectLeaders (key 43), versions 0-2. v1: election type (0 preferred, 1 unclean) and a top-level
 * error code; v2: flexible.
 *
 * A one-node cluster's every partition is led by its one replica, which is both the preferred
 * leader and in sync, so no election is ever needed: each partition named answers
 * ELECTION_NOT_NEEDED and an unknown one UNKNOWN_TOPIC_OR_PARTITION; asked for all partitions
 * (null), the answer lists every topic, internal ones too, each without partitions, as Kafka's
 * controller does (it leaves out the partitions that needed no election, not their topics).
 * Without ALTER on the cluster: CLUSTER_AUTHORIZATION_FAILED, as from Kafka. A timeout_ms of 0 or
 * less is REQUEST_TIMED_OUT, whole and for each partition named, as Kafka 4.3.1 answers it.
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
    const each = () =>
      (request.topicPartitions ?? []).map((t) => ({
        topic: t.topic,
        partitionResult: t.partitions.map((partitionId) => {
          const code = ctx.broker.topics.partition(t.topic, partitionId) === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.ELECTION_NOT_NEEDED;
          return { partitionId, errorCode: code, errorMessage: null };
        }),
      }));
    const failed = (errorCode: number, errorMessage: string | null = null) => ({
      throttleTimeMs: 0,
      // v0 has no top-level error: its partitions carry it alone.
      errorCode: ctx.version >= 1 ? errorCode : ErrorCode.NONE,
      replicaElectionResults: (request.topicPartitions ?? []).map((t) => ({ topic: t.topic, partitionResult: t.partitions.map((partitionId) => ({ partitionId, errorCode, errorMessage })) })),
    });
    if (!authorizedOnCluster(ctx, AclOperation.ALTER)) return failed(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    // An empty list asks for nothing, answered before the controller is asked (at any timeout).
    if (request.topicPartitions !== null && request.topicPartitions.length === 0) return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults: [] };
    // As Kafka's controller: a timeout_ms of 0 or less has passed before it could act, and an
    // election type other than preferred (0) or unclean (1) fails the whole request; either way
    // every partition named carries the error (none when all were asked for).
    if (request.timeoutMs <= 0) return failed(ErrorCode.REQUEST_TIMED_OUT);
    if (request.electionType !== 0 && request.electionType !== 1) return failed(ErrorCode.INVALID_REQUEST, `Unknown election type ${request.electionType}`);
    if (request.topicPartitions === null) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults: ctx.broker.topics.list().map((t) => ({ topic: t.name, partitionResult: [] })) };
    }
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, replicaElectionResults: each() };
  },
});
