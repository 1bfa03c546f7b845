/**
 * OffsetDelete (key 47), version 0. Deletes committed offsets of a group for partitions its
 * members are not subscribed to (GROUP_SUBSCRIBED_TO_TOPIC otherwise). A partition that does not
 * exist gets UNKNOWN_TOPIC_OR_PARTITION and is listed before the others of its topic, as Kafka
 * answers (it refuses those before asking the group coordinator).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { GroupError } from '../errors.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const offsetDeleteHandler = defineHandler({
  api: Apis.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const { broker } = ctx;
    // Answered per topic entry of the request, as Kafka: a topic listed twice is answered twice,
    // one listing no partitions not at all.
    const answered = request.topics.map((t) => ({ name: t.name, partitions: [] as { partitionIndex: number; errorCode: number }[] }));
    const answer = (entry: number, partitionIndex: number, errorCode: number) => answered[entry]!.partitions.push({ partitionIndex, errorCode });
    if (!authorized(ctx, AclOperation.DELETE, ResourceType.GROUP, request.groupId)) return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, throttleTimeMs: 0, topics: [] };
    // As Kafka's group coordinator: the empty group id is refused before anything is looked up.
    if (request.groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, throttleTimeMs: 0, topics: [] };
    const known: { topic: string; partition: number; entry: number }[] = [];
    for (const [entry, t] of request.topics.entries()) {
      for (const p of t.partitions) {
        if (!authorized(ctx, AclOperation.READ, ResourceType.TOPIC, t.name)) answer(entry, p.partitionIndex, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
        else if (broker.topics.partition(t.name, p.partitionIndex) === undefined) answer(entry, p.partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        else known.push({ topic: t.name, partition: p.partitionIndex, entry });
      }
    }
    try {
      const codes = await broker.groups.deleteOffsets(request.groupId, known);
      known.forEach((p, i) => answer(p.entry, p.partition, codes[i]!));
      return { errorCode: ErrorCode.NONE, throttleTimeMs: 0, topics: answered.filter((t) => t.partitions.length > 0) };
    } catch (e) {
      if (e instanceof GroupError) return { errorCode: e.errorCode, throttleTimeMs: 0, topics: [] };
      throw e;
    }
  },
});
