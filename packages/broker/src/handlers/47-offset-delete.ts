/**
 * OffsetDelete (key 47), version 0. Deletes committed offsets of a group for partitions its
 * members are not subscribed to (GROUP_SUBSCRIBED_TO_TOPIC otherwise). A partition that does not
 * exist gets UNKNOWN_TOPIC_OR_PARTITION and is listed before the others of its topic, as Kafka
 * answers (it refuses those before asking the group coordinator, and then merges the answers).
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { GroupError } from '../errors.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

type TopicAnswer = { name: string; partitions: { partitionIndex: number; errorCode: number }[] };

export const offsetDeleteHandler = defineHandler({
  api: Apis.OffsetDelete,
  minVersion: 0,
  maxVersion: 0,
  async handle(ctx, request) {
    const { broker } = ctx;
    if (!authorized(ctx, AclOperation.DELETE, ResourceType.GROUP, request.groupId)) return { errorCode: ErrorCode.GROUP_AUTHORIZATION_FAILED, throttleTimeMs: 0, topics: [] };
    // As Kafka's group coordinator: the empty group id is refused before anything is looked up.
    if (request.groupId === '') return { errorCode: ErrorCode.INVALID_GROUP_ID, throttleTimeMs: 0, topics: [] };
    // Refusals go into one answer per topic name (made even for an entry listing no partitions),
    // as Kafka's OffsetDeleteResponse.Builder records them.
    const refused: TopicAnswer[] = [];
    const refuse = (name: string, partitionIndex: number | null, errorCode: number) => {
      let topic = refused.find((t) => t.name === name);
      if (topic === undefined) refused.push((topic = { name, partitions: [] }));
      if (partitionIndex !== null) topic.partitions.push({ partitionIndex, errorCode });
    };
    const known: { topic: string; partition: number; entry: number }[] = [];
    for (const [entry, t] of request.topics.entries()) {
      if (!authorized(ctx, AclOperation.READ, ResourceType.TOPIC, t.name)) {
        refuse(t.name, null, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
        for (const p of t.partitions) refuse(t.name, p.partitionIndex, ErrorCode.TOPIC_AUTHORIZATION_FAILED);
      } else if (broker.topics.get(t.name) === undefined) {
        refuse(t.name, null, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
        for (const p of t.partitions) refuse(t.name, p.partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
      } else {
        for (const p of t.partitions) {
          if (broker.topics.partition(t.name, p.partitionIndex) === undefined) refuse(t.name, p.partitionIndex, ErrorCode.UNKNOWN_TOPIC_OR_PARTITION);
          else known.push({ topic: t.name, partition: p.partitionIndex, entry });
        }
      }
    }
    try {
      const codes = await broker.groups.deleteOffsets(request.groupId, known);
      // The coordinator answers per request entry, leaving out entries with no valid partition.
      const byEntry = new Map<number, TopicAnswer>();
      known.forEach((p, i) => {
        let topic = byEntry.get(p.entry);
        if (topic === undefined) byEntry.set(p.entry, (topic = { name: p.topic, partitions: [] }));
        topic.partitions.push({ partitionIndex: p.partition, errorCode: codes[i]! });
      });
      const coordinated = [...byEntry.entries()].sort(([a], [b]) => a - b).map(([, t]) => t);
      if (refused.length === 0) return { errorCode: ErrorCode.NONE, throttleTimeMs: 0, topics: coordinated };
      // With refusals, each coordinator answer joins the first answer of its topic name.
      for (const t of coordinated) {
        const same = refused.find((r) => r.name === t.name);
        if (same === undefined) refused.push(t);
        else same.partitions.push(...t.partitions);
      }
      return { errorCode: ErrorCode.NONE, throttleTimeMs: 0, topics: refused };
    } catch (e) {
      if (e instanceof GroupError) return { errorCode: e.errorCode, throttleTimeMs: 0, topics: [] };
      throw e;
    }
  },
});
