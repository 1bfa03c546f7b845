/**
 * DeleteTopics (key 20), versions 1-6.
 * v1: throttle time; v4: flexible; v5: error messages; v6: topics by name or by id.
 */
import { Apis, ErrorCode, ZERO_UUID } from '@sluice/protocol';
import { INTERNAL_TOPICS } from '../topics/names.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { errorCodeOf, messageOf } from './errors.ts';
import { mutationQuota } from './mutation-quota.ts';

export const deleteTopicsHandler = defineHandler({
  api: Apis.DeleteTopics,
  minVersion: 1,
  maxVersion: 6,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const wanted = version >= 6 ? request.topics.map((t) => ({ name: t.name, topicId: t.topicId })) : request.topicNames.map((name) => ({ name, topicId: ZERO_UUID }));
    const responses = [];
    // As Kafka: a topic named twice (by name alone), or identified twice (by id alone), is
    // answered once, refused; neither of its entries is looked up.
    const lookupKey = (w: { name: string | null; topicId: string }) => (w.name !== null && w.topicId === ZERO_UUID ? `name:${w.name}` : w.name === null && w.topicId !== ZERO_UUID ? `id:${w.topicId}` : null);
    const seen = new Map<string, number>();
    for (const w of wanted) {
      const key = lookupKey(w);
      if (key !== null) seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const isDuplicate = (w: { name: string | null; topicId: string }) => {
      const key = lookupKey(w);
      return key !== null && seen.get(key)! > 1;
    };
    // As Kafka's controller: a timeout of 0 or less has passed before the first name or id is
    // looked up, so once there is one to look up, every entry is answered REQUEST_TIMED_OUT (the
    // refused ones too) and nothing is deleted. Without one, the refusals are answered as usual.
    const lookups = wanted.filter((w) => lookupKey(w) !== null && !isDuplicate(w));
    if (request.timeoutMs <= 0 && lookups.length > 0 && broker.config.bool('delete.topic.enable')) {
      return { throttleTimeMs: 0, responses: wanted.map((w) => ({ name: w.name, topicId: w.topicId, errorCode: ErrorCode.REQUEST_TIMED_OUT, errorMessage: null })) };
    }
    const refusedDuplicates = new Set<string>();
    const quota = mutationQuota(ctx, 5);
    for (const w of wanted) {
      if (isDuplicate(w)) {
        const key = lookupKey(w)!;
        const errorMessage = w.name !== null ? 'Duplicate topic name.' : 'Duplicate topic id.';
        if (!refusedDuplicates.has(key)) responses.push({ name: w.name, topicId: w.topicId, errorCode: ErrorCode.INVALID_REQUEST, errorMessage });
        refusedDuplicates.add(key);
        continue;
      }
      // As Kafka: a name (even empty) names the topic; a null name needs an id.
      const byName = w.name !== null;
      const topic = byName ? broker.topics.get(w.name!) : broker.topics.getById(w.topicId);
      const result = (errorCode: number, errorMessage: string | null) => ({ name: topic?.name ?? w.name, topicId: topic?.topicId ?? w.topicId, errorCode, errorMessage });
      if (!byName && w.topicId === ZERO_UUID) responses.push(result(ErrorCode.INVALID_REQUEST, 'Neither topic name nor id were specified.'));
      else if (byName && w.topicId !== ZERO_UUID) responses.push(result(ErrorCode.INVALID_REQUEST, 'You may not specify both topic name and topic id.'));
      // DELETE is checked before existence for a name, as Kafka: an unauthorised client learns nothing.
      else if ((byName || topic !== undefined) && !authorized(ctx, AclOperation.DELETE, ResourceType.TOPIC, topic?.name ?? w.name!)) responses.push(result(ErrorCode.TOPIC_AUTHORIZATION_FAILED, null));
      else if (topic === undefined && byName) responses.push(result(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION, 'This server does not host this topic-partition.'));
      else if (topic === undefined) responses.push(result(ErrorCode.UNKNOWN_TOPIC_ID, 'This server does not host this topic ID.'));
      else if (!broker.config.bool('delete.topic.enable')) responses.push(result(ErrorCode.TOPIC_DELETION_DISABLED, 'Topic deletion is disabled (delete.topic.enable=false)'));
      else if (INTERNAL_TOPICS.has(topic.name)) responses.push(result(ErrorCode.INVALID_TOPIC_EXCEPTION, `The internal topic ${topic.name} cannot be deleted`));
      else {
        // A deletion counts its partitions against controller_mutation_rate (strict from v5).
        const overQuota = quota.admit(topic.partitionCount);
        if (overQuota !== undefined) {
          responses.push(result(overQuota.errorCode, overQuota.errorMessage));
          continue;
        }
        try {
          await broker.topics.delete(topic.name);
          responses.push(result(ErrorCode.NONE, null));
        } catch (e) {
          responses.push(result(errorCodeOf(e), messageOf(e)));
        }
      }
    }
    quota.done();
    return { throttleTimeMs: 0, responses };
  },
});
