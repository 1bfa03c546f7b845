/**
 * AddOffsetsToTxn (key 25), versions 0-4.
 * v1: nothing new; v2: PRODUCER_FENCED (sent as INVALID_PRODUCER_EPOCH below it); v3: flexible;
 * v4: nothing new on this path. Adds the group's partition of __consumer_offsets to the
 * producer's transaction, so that its TxnOffsetCommit is committed or aborted with it. Producers
 * of transactions version 2 skip this request (TxnOffsetCommit v5 adds the partition itself).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { offsetsPartitionFor } from '../groups/records.ts';
import { OFFSETS_TOPIC } from '../groups/offsets-topic.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const addOffsetsToTxnHandler = defineHandler({
  api: Apis.AddOffsetsToTxn,
  minVersion: 0,
  maxVersion: 4,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, request.transactionalId)) return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED };
    if (!authorized(ctx, AclOperation.READ, ResourceType.GROUP, request.groupId)) return { throttleTimeMs: 0, errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED };
    // The topic may not exist yet: it will be created with offsets.topic.num.partitions.
    const count = broker.topics.get(OFFSETS_TOPIC)?.partitionCount ?? broker.config.int('offsets.topic.num.partitions');
    const partition = { topic: OFFSETS_TOPIC, partition: offsetsPartitionFor(request.groupId, count) };
    const error = await broker.transactions.addPartitions(request.transactionalId, request.producerId, request.producerEpoch, [partition]);
    return { throttleTimeMs: 0, errorCode: error === ErrorCode.PRODUCER_FENCED && version < 2 ? ErrorCode.INVALID_PRODUCER_EPOCH : error };
  },
});
