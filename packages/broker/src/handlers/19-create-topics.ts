/**
 * CreateTopics (key 19), versions 2-7.
 * v1+: validate only and error messages; v4: replication factor and partitions may be -1 (broker
 * default); v5: flexible, and the answer repeats partitions, replication factor and the topic's
 * configs; v7: topic id.
 *
 * Special values, as Kafka's controller treats them: -1 partitions or replication factor is the
 * broker default, 0 and anything below -1 are refused; a name given twice is refused, and none of
 * its entries is created; a config with a null value is refused. The partition count is checked
 * against max.partitions before anything is created. A timeout of 0 or less has run out before
 * the controller could act: every entry, valid or not, gets REQUEST_TIMED_OUT and nothing is
 * created. A topic that failed carries its configs as an empty list (Kafka's default), not null.
 * A new topic's partitions count against controller_mutation_rate (strict from v6: over it, the
 * topic gets THROTTLING_QUOTA_EXCEEDED).
 */
import { Apis, ErrorCode, type CreateTopicsResponseCreatableTopicResultInput } from '@sluice/protocol';
import type { BrokerCore } from '../core.ts';
import { TopicError } from '../errors.ts';
import { defineHandler } from './handler.ts';
import { authorized, authorizedOnCluster } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { errorCodeOf, messageOf } from './errors.ts';
import { configSourceCode } from './config-codes.ts';
import { mutationQuota } from './mutation-quota.ts';

function describeConfigs(broker: BrokerCore, name: string) {
  return broker.topics.describeConfigs(name).map((c) => ({ name: c.name, value: c.value, readOnly: c.readOnly, configSource: configSourceCode(c.source), isSensitive: c.sensitive }));
}

export const createTopicsHandler = defineHandler({
  api: Apis.CreateTopics,
  minVersion: 2,
  maxVersion: 7,
  async handle(ctx, request) {
    const { broker } = ctx;
    // CREATE on the cluster covers every topic; otherwise CREATE on each topic, as Kafka asks.
    const mayCreateAny = authorizedOnCluster(ctx, AclOperation.CREATE);
    const results: CreateTopicsResponseCreatableTopicResultInput[] = [];
    const failed = (name: string, errorCode: number, errorMessage: string | null) => ({ name, errorCode, errorMessage, numPartitions: -1, replicationFactor: -1, configs: [] });
    const occurrences = new Map<string, number>();
    for (const t of request.topics) occurrences.set(t.name, (occurrences.get(t.name) ?? 0) + 1);
    // As Kafka: the names given twice and the topics the client may not create are refused before
    // the controller is asked, and only a controller asked about some topic can time out.
    const mayCreate = (name: string) => mayCreateAny || authorized(ctx, AclOperation.CREATE, ResourceType.TOPIC, name);
    const timedOut = request.timeoutMs <= 0 && request.topics.some((t) => occurrences.get(t.name) === 1 && mayCreate(t.name));
    if (timedOut) return { throttleTimeMs: 0, topics: request.topics.map((t) => failed(t.name, ErrorCode.REQUEST_TIMED_OUT, null)) };
    const answeredDuplicates = new Set<string>();
    const quota = mutationQuota(ctx, 6);
    for (const t of request.topics) {
      const fail = (errorCode: number, errorMessage: string) => results.push(failed(t.name, errorCode, errorMessage));
      if (occurrences.get(t.name)! > 1) {
        if (!answeredDuplicates.has(t.name)) fail(ErrorCode.INVALID_REQUEST, `Topic ${t.name} appears more than once in the request; none of its entries was created`);
        answeredDuplicates.add(t.name);
        continue;
      }
      if (!mayCreate(t.name)) {
        results.push(failed(t.name, ErrorCode.TOPIC_AUTHORIZATION_FAILED, null));
        continue;
      }
      if (t.numPartitions === 0 || t.numPartitions < -1) {
        fail(ErrorCode.INVALID_PARTITIONS, `Number of partitions was set to an invalid non-positive value (${t.numPartitions}); give at least 1, or -1 for the broker default`);
        continue;
      }
      if (t.replicationFactor === 0 || t.replicationFactor < -1) {
        fail(ErrorCode.INVALID_REPLICATION_FACTOR, `Replication factor must be larger than 0, or -1 to use the default value, not ${t.replicationFactor}`);
        continue;
      }
      const nullConfigs = t.configs.filter((c) => c.value === null).map((c) => c.name);
      if (nullConfigs.length > 0) {
        fail(ErrorCode.INVALID_CONFIG, `Null value not supported for topic configs: ${nullConfigs.join(',')}`);
        continue;
      }
      let partitions = t.numPartitions === -1 ? broker.config.int('num.partitions') : t.numPartitions;
      if (t.assignments.length > 0) {
        if (t.numPartitions !== -1 || t.replicationFactor !== -1) {
          fail(ErrorCode.INVALID_REQUEST, 'Give either replica assignments or partitions and replication factor, not both');
          continue;
        }
        const strangers = t.assignments.flatMap((a) => a.brokerIds).filter((id) => id !== broker.nodeId);
        if (strangers.length > 0 || t.assignments.some((a) => a.brokerIds.length !== 1)) {
          fail(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Every partition must have exactly one replica, on broker ${broker.nodeId}`);
          continue;
        }
        const indexes = t.assignments.map((a) => a.partitionIndex).sort((a, b) => a - b);
        if (indexes.some((index, i) => index !== i)) {
          fail(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `The partitions of the assignment must be numbered 0 to ${t.assignments.length - 1}, each once; got ${indexes.join(', ')}`);
          continue;
        }
        partitions = t.assignments.length;
      }
      if (partitions < 1) {
        fail(ErrorCode.INVALID_PARTITIONS, `Number of partitions must be at least 1, not ${partitions}`);
        continue;
      }
      if (t.replicationFactor > 1) {
        fail(ErrorCode.INVALID_REPLICATION_FACTOR, `Unable to replicate the partition ${t.replicationFactor} time(s): the target replication factor of ${t.replicationFactor} cannot be reached because only 1 broker is registered`);
        continue;
      }
      // controller_mutation_rate counts the partitions of a topic that does not exist yet.
      const overQuota = broker.topics.get(t.name) === undefined ? quota.admit(partitions) : undefined;
      if (overQuota !== undefined) {
        fail(overQuota.errorCode, overQuota.errorMessage);
        continue;
      }
      const configs: Record<string, string> = {};
      for (const c of t.configs) configs[c.name] = c.value!;
      try {
        const created = await broker.topics.create(t.name, { partitions, configs, validateOnly: request.validateOnly });
        results.push({
          name: t.name,
          topicId: created.topicId,
          errorCode: ErrorCode.NONE,
          errorMessage: null,
          numPartitions: partitions,
          replicationFactor: 1,
          configs: request.validateOnly ? [] : describeConfigs(broker, t.name),
        });
      } catch (e) {
        if (!(e instanceof TopicError)) broker.log.error(`creating topic ${t.name} failed`, e);
        fail(errorCodeOf(e), messageOf(e));
      }
    }
    quota.done();
    return { throttleTimeMs: 0, topics: results };
  },
});
