/**
 * AddPartitionsToTxn (key 24), versions 0-5.
 * v0-3 come from producers (one transaction; v2: PRODUCER_FENCED would be sent as
 * INVALID_PRODUCER_EPOCH below it; v3: flexible). v4-5 are Kafka's broker-to-coordinator form
 * (KIP-890: several transactions, and VerifyOnly to ask whether partitions are already in a
 * transaction); some clients send it too (with no authorizer Kafka lets them), so it is served to
 * anyone. v5 signals a leader that adds partitions for transactions version 2.
 *
 * As in Kafka's KafkaApis, partitions are checked before the coordinator is asked: a partition
 * that does not exist gets UNKNOWN_TOPIC_OR_PARTITION, an internal topic (v0-3: a producer may
 * not write to one; whether it exists yet or not) TOPIC_AUTHORIZATION_FAILED, and then nothing is added: the other partitions
 * get OPERATION_NOT_ATTEMPTED.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { INTERNAL_TOPICS } from '../topics/names.ts';
import type { TopicPartition } from '../transactions/index.ts';
import { txnPartitionKey } from '../transactions/index.ts';
import { defineHandler, type RequestContext } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

interface TopicRequest {
  name: string;
  partitions: number[];
}

function grouped(topics: readonly TopicRequest[], errorOf: (topic: string, partition: number) => number) {
  return topics.map((t) => ({ name: t.name, resultsByPartition: t.partitions.map((p) => ({ partitionIndex: p, partitionErrorCode: errorOf(t.name, p) })) }));
}

/** Per partition, why it cannot be added (missing, internal); empty when all can. */
function checkPartitions(broker: BrokerCore, topics: readonly TopicRequest[], refuseInternal: boolean): Map<string, number> {
  const errors = new Map<string, number>();
  for (const t of topics) {
    const topic = broker.topics.get(t.name);
    for (const p of t.partitions) {
      if (refuseInternal && INTERNAL_TOPICS.has(t.name)) errors.set(txnPartitionKey(t.name, p), ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      else if (topic === undefined || p < 0 || p >= topic.partitionCount) errors.set(txnPartitionKey(t.name, p), ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
    }
  }
  return errors;
}

async function addOrVerify(ctx: RequestContext, version: number, t: { transactionalId: string; producerId: bigint; producerEpoch: number; verifyOnly: boolean; topics: readonly TopicRequest[] }) {
  const broker: BrokerCore = ctx.broker;
  // As Kafka: WRITE on the transactional id, then WRITE on each topic (the others not attempted).
  if (!authorized(ctx, AclOperation.WRITE, ResourceType.TRANSACTIONAL_ID, t.transactionalId)) return grouped(t.topics, () => ErrorCode.TRANSACTIONAL_ID_AUTHORIZATION_FAILED);
  const unwritable = new Set(t.topics.filter((x) => !authorized(ctx, AclOperation.WRITE, ResourceType.TOPIC, x.name)).map((x) => x.name));
  if (unwritable.size > 0) return grouped(t.topics, (topic) => (unwritable.has(topic) ? ErrorCode.TOPIC_AUTHORIZATION_FAILED : ErrorCode.OPERATION_NOT_ATTEMPTED));
  const partitions: TopicPartition[] = t.topics.flatMap((x) => x.partitions.map((partition) => ({ topic: x.name, partition })));
  const invalid = checkPartitions(broker, t.topics, version < 4);
  const fenced = (code: number) => (code === ErrorCode.PRODUCER_FENCED && version < 2 ? ErrorCode.INVALID_PRODUCER_EPOCH : code);
  if (invalid.size > 0) return grouped(t.topics, (topic, p) => invalid.get(txnPartitionKey(topic, p)) ?? ErrorCode.OPERATION_NOT_ATTEMPTED);
  if (t.verifyOnly) {
    const answers = await broker.transactions.verifyOrAdd(t.transactionalId, t.producerId, t.producerEpoch, partitions, 'verify');
    return grouped(t.topics, (topic, p) => answers.get(txnPartitionKey(topic, p)) ?? ErrorCode.UNKNOWN_SERVER_ERROR);
  }
  const error = fenced(await broker.transactions.addPartitions(t.transactionalId, t.producerId, t.producerEpoch, partitions, version >= 5 ? 2 : 0));
  return grouped(t.topics, () => error);
}

export const addPartitionsToTxnHandler = defineHandler({
  api: Apis.AddPartitionsToTxn,
  minVersion: 0,
  maxVersion: 5,
  async handle(ctx, request) {
    const { version } = ctx;
    if (version < 4) {
      const results = await addOrVerify(ctx, version, {
        transactionalId: request.v3AndBelowTransactionalId,
        producerId: request.v3AndBelowProducerId,
        producerEpoch: request.v3AndBelowProducerEpoch,
        verifyOnly: false,
        topics: request.v3AndBelowTopics,
      });
      return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, resultsByTransaction: [], resultsByTopicV3AndBelow: results };
    }
    const resultsByTransaction = [];
    for (const t of request.transactions) resultsByTransaction.push({ transactionalId: t.transactionalId, topicResults: await addOrVerify(ctx, version, t) });
    return { throttleTimeMs: 0, errorCode: ErrorCode.NONE, resultsByTransaction, resultsByTopicV3AndBelow: [] };
  },
});
