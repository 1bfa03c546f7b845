/**
 * CreatePartitions (key 37), versions 0-3. v1: nothing new on this path; v2: flexible;
 * v3: nothing new on this path. Adds partitions; a topic can never have fewer. A name given twice
 * is refused (none of its entries applies), as Kafka does, and the new total is checked against
 * max.partitions before anything is created. A timeout of 0 or less has run out before the
 * controller could act: every entry gets REQUEST_TIMED_OUT and nothing changes, as in Kafka.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { errorCodeOf, messageOf } from './errors.ts';
import { mutationQuota } from './mutation-quota.ts';

export const createPartitionsHandler = defineHandler({
  api: Apis.CreatePartitions,
  minVersion: 0,
  maxVersion: 3,
  async handle(ctx, request) {
    const { broker } = ctx;
    const occurrences = new Map<string, number>();
    for (const t of request.topics) occurrences.set(t.name, (occurrences.get(t.name) ?? 0) + 1);
    // As Kafka: the names given twice and the topics the client may not alter are refused before
    // the controller is asked, and only a controller asked about some topic can time out.
    const mayAlter = (name: string) => authorized(ctx, AclOperation.ALTER, ResourceType.TOPIC, name);
    const timedOut = request.timeoutMs <= 0 && request.topics.some((t) => occurrences.get(t.name) === 1 && mayAlter(t.name));
    if (timedOut) return { throttleTimeMs: 0, results: request.topics.map((t) => ({ name: t.name, errorCode: ErrorCode.REQUEST_TIMED_OUT, errorMessage: null })) };
    const results = [];
    const answeredDuplicates = new Set<string>();
    const quota = mutationQuota(ctx, 3);
    for (const t of request.topics) {
      const topic = broker.topics.get(t.name);
      const result = (errorCode: number, errorMessage: string | null) => ({ name: t.name, errorCode, errorMessage });
      if (occurrences.get(t.name)! > 1) {
        if (!answeredDuplicates.has(t.name)) results.push(result(ErrorCode.INVALID_REQUEST, `Topic ${t.name} appears more than once in the request; none of its entries was applied`));
        answeredDuplicates.add(t.name);
      } else if (!mayAlter(t.name)) results.push(result(ErrorCode.TOPIC_AUTHORIZATION_FAILED, null));
      else if (topic === undefined) results.push(result(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, `Topic ${t.name} does not exist`));
      else if (t.count <= topic.partitionCount) {
        results.push(result(ErrorCode.INVALID_PARTITIONS, `Topic currently has ${topic.partitionCount} partitions, which is higher than or equal to the requested ${t.count}`));
      } else if (t.assignments !== null && (t.assignments.length !== t.count - topic.partitionCount || t.assignments.some((a) => a.brokerIds.length !== 1 || a.brokerIds[0] !== broker.nodeId))) {
        results.push(result(ErrorCode.INVALID_REPLICA_ASSIGNMENT, `Each new partition needs exactly one replica, on broker ${broker.nodeId}`));
      } else {
        // The partitions added count against controller_mutation_rate (strict from v3).
        const overQuota = quota.admit(t.count - topic.partitionCount);
        if (overQuota !== undefined) {
          results.push(result(overQuota.errorCode, overQuota.errorMessage));
          continue;
        }
        try {
          await broker.topics.createPartitions(t.name, t.count, request.validateOnly);
          results.push(result(ErrorCode.NONE, null));
        } catch (e) {
          results.push(result(errorCodeOf(e), messageOf(e)));
        }
      }
    }
    quota.done();
    return { throttleTimeMs: 0, results };
  },
});
