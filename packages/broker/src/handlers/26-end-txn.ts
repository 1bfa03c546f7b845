/**
 * EndTxn (key 26), versions 0-5.
 * v1: nothing new; v2: PRODUCER_FENCED (sent as INVALID_PRODUCER_EPOCH below it); v3: flexible;
 * v4: TRANSACTION_ABORTABLE may be answered; v5: transactions version 2 (KIP-890): the epoch is
 * bumped at every end and the answer carries the producer id and epoch to use next.
 * The answer comes once the decision (PrepareCommit/PrepareAbort) is durable; the markers are
 * written after it, as in Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const endTxnHandler = defineHandler({
  api: Apis.EndTxn,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, request.transactionalId)) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    const r = await broker.transactions.endTransaction(request.transactionalId, request.producerId, request.producerEpoch, request.committed, version >= 5 ? 2 : 0);
    const errorCode = r.errorCode === ErrorCode.PRODUCER_FENCED && version < 2 ? ErrorCode.INVALID_PRODUCER_EPOCH : r.errorCode;
    return { throttleTimeMs: 0, errorCode, producerId: errorCode === ErrorCode.NONE ? r.producerId : -1n, producerEpoch: errorCode === ErrorCode.NONE ? r.producerEpoch : -1 };
  },
});
