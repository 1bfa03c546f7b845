/**
 * OffsetCommit (key 8), versions 2-10.
 * v2-4: retention time (ignored since Kafka 2.1: retention follows offsets.retention.minutes);
 * v3: throttle time; v5: no retention time; v6: committed leader epoch; v7: group.instance.id;
 * v8: flexible; v9: KIP-848 member epochs (classic groups send their generation); v10: topics by
 * id instead of name (an unknown id: UNKNOWN_TOPIC_ID).
 * Answered once the commit is durable in __consumer_offsets.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defer } from './deferred.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';

export const offsetCommitHandler = defineHandler({
  api: Apis.OffsetCommit,
  minVersion: 2,
  maxVersion: 10,
  handle(ctx, request) {
    const { broker, version } = ctx;
    const groupAllowed = authorized(ctx, AclOperation.READ, ResourceType.GROUP, request.groupId);
    const byId = version >= 10;
    // Offsets are kept by topic name, as Kafka keeps them; v10 names topics by id on the wire.
    const names = request.topics.map((t) => (byId ? (broker.topics.getById(t.topicId)?.name ?? null) : t.name));
    const unknownTopicCode = byId ? ErrorCode.UNKNOWN_TOPIC_ID : ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
    const flat = request.topics.flatMap((t, ti) => t.partitions.map((p) => ({ ti, topic: names[ti], partition: p.partitionIndex, offset: p.committedOffset, leaderEpoch: p.committedLeaderEpoch, metadata: p.committedMetadata })));
    // Each refused partition's error (0: not refused): the group's READ, then the topic's READ, then existence.
    const readable = new Map(names.map((n) => [n, n !== null && authorized(ctx, AclOperation.READ, ResourceType.TOPIC, n)]));
    const refusal = flat.map((o) => {
      if (!groupAllowed) return ErrorCode.GROUP_AUTHORIZATION_FAILED;
      if (o.topic === null) return unknownTopicCode;
      if (!readable.get(o.topic)) return ErrorCode.TOPIC_AUTHORIZATION_FAILED;
      return broker.topics.partition(o.topic, o.partition) === undefined ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : ErrorCode.NONE;
    });
    const unknown = refusal.map((code) => code !== ErrorCode.NONE);
    // Validated and handed to the log now, answered once durable: commits pipelined on one
    // connection share a sync.
    const committing = broker.groups.commitOffsets({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      generationId: request.generationIdOrMemberEpoch,
      offsets: flat.filter((_, i) => !unknown[i]).map((o) => ({ topic: o.topic!, partition: o.partition, offset: o.offset, leaderEpoch: o.leaderEpoch, metadata: o.metadata })),
    });
    return defer(
      committing.then((codes) => {
        // As Kafka's response builder does: the refused partitions first, then the coordinator's
        // results, each merged into its topic's entry (so a topic with a refused partition leads).
        const topics = new Map<number, { name: string; topicId: string; partitions: { partitionIndex: number; errorCode: number }[] }>();
        const add = (ti: number, partitionIndex: number, errorCode: number) => {
          let entry = topics.get(ti);
          if (!entry) topics.set(ti, (entry = { name: request.topics[ti].name, topicId: request.topics[ti].topicId, partitions: [] }));
          entry.partitions.push({ partitionIndex, errorCode });
        };
        flat.forEach((o, i) => unknown[i] && add(o.ti, o.partition, refusal[i]));
        let k = 0;
        flat.forEach((o, i) => !unknown[i] && add(o.ti, o.partition, codes[k++]));
        return { throttleTimeMs: 0, topics: [...topics.values()] };
      }),
    );
  },
});
