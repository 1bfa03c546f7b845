/**
 * ListPartitionReassignments (key 46), version 0 (flexible).
 *
 * A one-node cluster has nowhere to move a replica, so no reassignment is ever in progress: the
 * answer lists none, for all partitions or those named. Without DESCRIBE on the cluster:
 * CLUSTER_AUTHORIZATION_FAILED, as from Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { AclOperation } from '../acl/model.ts';
import { authorizedOnCluster } from './authorize.ts';
import { defineHandler } from './handler.ts';

export const listPartitionReassignmentsHandler = defineHandler({
  api: Apis.ListPartitionReassignments,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx) {
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE)) return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, errorMessage: null, topics: [] };
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, errorMessage: null, topics: [] };
  },
});
