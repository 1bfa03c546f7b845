/**
 * DescribeProducers (key 61), version 0 (flexible): the producers each partition knows, with
 * their open transaction's first offset, as `kafka-transactions describe-producers`,
 * `find-hanging` and `abort` read them.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const describeProducersHandler = defineHandler({
  api: Apis.DescribeProducers,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, request) {
    const { broker } = ctx;
    return {
      throttleTimeMs: 0,
      topics: request.topics.map((t) => ({
        name: t.name,
        partitions: t.partitionIndexes.map((partitionIndex) => {
          if (!authorized(ctx, AclOperation.READ, ResourceType.TOPIC, t.name)) return { partitionIndex, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, errorMessage: null, activeProducers: [] };
          const partition = broker.topics.partition(t.name, partitionIndex);
          if (partition === undefined) return { partitionIndex, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, errorMessage: null, activeProducers: [] };
          return {
            partitionIndex,
            errorCode: ErrorCode.NONE,
            errorMessage: null,
            activeProducers: partition.activeProducers().map((p) => ({
              producerId: p.producerId,
              producerEpoch: p.epoch,
              lastSequence: p.lastSequence,
              lastTimestamp: p.lastTimestamp,
              coordinatorEpoch: p.coordinatorEpoch,
              currentTxnStartOffset: p.currentTxnStartOffset,
            })),
          };
        }),
      })),
    };
  },
});
