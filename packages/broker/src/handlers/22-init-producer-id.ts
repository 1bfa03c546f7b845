/**
 * InitProducerId (key 22), versions 0-5.
 * v1: throttle time; v2: flexible; v3: producer id and epoch of the caller (epoch bump, KIP-360);
 * v4: PRODUCER_FENCED (older versions get INVALID_PRODUCER_EPOCH instead); v5: nothing new on
 * this path (v6, two-phase commit of KIP-939, is not served: Kafka 4.3 does not advertise it).
 * An idempotent producer (no transactional id) gets a new producer id with epoch 0, as Kafka does;
 * a transactional id goes to the transaction coordinator, which fences its earlier producers.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized, authorizedOnCluster } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const initProducerIdHandler = defineHandler({
  api: Apis.InitProducerId,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const refuse = (errorCode: number) => ({ throttleTimeMs: 0, errorCode, producerId: -1n, producerEpoch: -1 });
    // Kafka's KafkaApis: the caller's id and epoch come together or not at all.
    if ((request.producerId === -1n) !== (request.producerEpoch === -1)) return refuse(ErrorCode.INVALID_REQUEST);
    if (request.transactionalId !== null && !authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, request.transactionalId)) return refuse(ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
    // An idempotent producer needs IDEMPOTENT_WRITE on the cluster or WRITE on some topic (KIP-679).
    if (request.transactionalId === null && !authorizedOnCluster(ctx, AclOperation.IDEMPOTENT_WRITE) && !broker.topics.list().some((t) => authorized(ctx, AclOperation.WRITE, ResourceType.TOPIC, t.name))) {
      return refuse(ErrorCode.CLUSTER_AUTHORIZATION_FAILED);
    }
    if (request.transactionalId === null) {
      const producerId = await broker.allocateProducerId();
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId, producerEpoch: 0 };
    }
    const r = await broker.transactions.initProducerId(request.transactionalId, request.transactionTimeoutMs, request.producerId, request.producerEpoch);
    if (r.errorCode !== ErrorCode.NONE) return refuse(r.errorCode === ErrorCode.PRODUCER_FENCED && version < 4 ? ErrorCode.INVALID_PRODUCER_EPOCH : r.errorCode);
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, producerId: r.producerId, producerEpoch: r.producerEpoch };
  },
});
