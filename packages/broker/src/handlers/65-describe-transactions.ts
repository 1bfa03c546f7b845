/**
 * DescribeTransactions (key 65), version 0 (flexible): the coordinator's state of each
 * transactional id, as `kafka-transactions describe` shows it.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const describeTransactionsHandler = defineHandler({
  api: Apis.DescribeTransactions,
  minVersion: 0,
  maxVersion: 0,
  handle(ctx, request) {
    const { broker } = ctx;
    return {
      throttleTimeMs: 0,
      transactionStates: request.transactionalIds.map((transactionalId) => {
        if (!authorized(ctx, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, transactionalId)) {
          return { errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, transactionalId, transactionState: '', transactionTimeoutMs: 0, transactionStartTimeMs: -1n, producerId: -1n, producerEpoch: -1, topics: [] };
        }
        const d = broker.transactions.describe(transactionalId);
        return {
          errorCode: d.errorCode,
          transactionalId,
          transactionState: d.state,
          transactionTimeoutMs: d.timeoutMs,
          transactionStartTimeMs: BigInt(d.startTimestamp),
          producerId: d.producerId,
          producerEpoch: d.producerEpoch,
          topics: d.topics.map((t) => ({ topic: t.topic, partitions: t.partitions })),
        };
      }),
    };
  },
});
