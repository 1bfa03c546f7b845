/**
 * ListTransactions (key 66), versions 0-2 (flexible).
 * v1: a duration filter (KIP-994: only transactions running longer than it; -1 none); v2: a
 * transactional id pattern (KIP-1152: a regular expression the whole id must match; null or
 * empty none; one that does not compile gets INVALID_REGULAR_EXPRESSION). State names we do not
 * know are echoed back in unknownStateFilters and match nothing.
 */
import { Apis } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const listTransactionsHandler = defineHandler({
  api: Apis.ListTransactions,
  minVersion: 0,
  maxVersion: 2,
  handle(ctx, request) {
    const { broker, version } = ctx;
    const r = broker.transactions.list({
      states: request.stateFilters,
      producerIds: request.producerIdFilters,
      minDurationMs: version >= 1 ? Number(request.durationFilter) : -1,
      pattern: version >= 2 ? request.transactionalIdPattern : null,
    });
    return {
      throttleTimeMs: 0,
      errorCode: r.errorCode,
      unknownStateFilters: r.unknownStates,
      // Only the transactional ids the caller may describe, as Kafka lists them.
      transactionStates: r.transactions.filter((t) => authorized(ctx, AclOperation.DESCRIBE, ResourceType.TRANSACTIONAL_ID, t.transactionalId)).map((t) => ({ transactionalId: t.transactionalId, producerId: t.producerId, transactionState: t.state })),
    };
  },
});
