/**
 * DescribeTransactions (key 65), version 0 (flexible): the coordinator's state of each
 * transactional id, as `kafka-transactions describe` shows it.
 */
import { Apis } from '@sluice/protocol';
import { defineHandler } from './handler.js';

export const describeTransactionsHandler = defineHandler({
  api: Apis.DescribeTransactions,
  minVersion: 0,
  maxVersion: 0,
  handle({ broker }, request) {
    return {
      throttleTimeMs: 0,
      transactionStates: request.transactionalIds.map((transactionalId) => {
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
