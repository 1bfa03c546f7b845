/**
 * OffsetForLeaderEpoch (key 23), versions 2-4.
 * v2: current leader epoch; v3: replica id; v4: flexible. Sluice's single node has one leader
 * epoch, 0, for every partition: the end offset of epoch 0 is the log end offset, and a later
 * epoch is unknown (UNDEFINED_EPOCH_OFFSET, as Kafka answers for an epoch it has not seen), and
 * so is -1 (no epoch), as Kafka answers it.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const offsetForLeaderEpochHandler = defineHandler({
  api: Apis.OffsetForLeaderEpoch,
  minVersion: 2,
  maxVersion: 4,
  handle(ctx, request) {
    const { broker } = ctx;
    return {
      throttleTimeMs: 0,
      topics: request.topics.map((t) => ({
        topic: t.topic,
        partitions: t.partitions.map((p) => {
          if (!authorized(ctx, AclOperation.DESCRIBE, ResourceType.TOPIC, t.topic)) return { errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, partition: p.partition, leaderEpoch: -1, endOffset: -1n };
          const partition = broker.topics.partition(t.topic, p.partition);
          if (partition === undefined) return { errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, partition: p.partition, leaderEpoch: -1, endOffset: -1n };
          if (p.currentLeaderEpoch > 0) return { errorCode: ErrorCode.UNKNOWN_LEADER_EPOCH, partition: p.partition, leaderEpoch: -1, endOffset: -1n };
          if (p.leaderEpoch !== 0) return { errorCode: ErrorCode.NONE, partition: p.partition, leaderEpoch: -1, endOffset: -1n };
          return { errorCode: ErrorCode.NONE, partition: p.partition, leaderEpoch: 0, endOffset: partition.logEndOffset };
        }),
      })),
    };
  },
});
