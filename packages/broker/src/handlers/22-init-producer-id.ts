/**
 * InitProducerId (key 22), versions 0-5.
 * v1: throttle time; v2: flexible; v3: producer id and epoch of the caller (epoch bump, KIP-360);
 * v4: PRODUCER_FENCED; v5: nothing new on this path. An idempotent producer (no transactional id)
 * gets a new producer id with epoch 0, as Kafka does. Transactions are not served yet: a
 * transactional id is refused with a clear, non-retriable error rather than left waiting.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.js';

export const initProducerIdHandler = defineHandler({
  api: Apis.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  async handle({ broker }, request) {
    if (request.transactionalId !== null) {
      return { throttleTimeMs: 0, errorCode: ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, producerId: -1n, producerEpoch: -1 };
    }
    const producerId = await broker.allocateProducerId();
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 };
  },
});
