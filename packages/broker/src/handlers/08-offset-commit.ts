/**
 * OffsetCommit (key 8), versions 2-9.
 * v2-4: retention time (ignored since Kafka 2.1: retention follows offsets.retention.minutes);
 * v3: throttle time; v5: no retention time; v6: committed leader epoch; v7: group.instance.id;
 * v8: flexible; v9: KIP-848 member epochs (classic groups send their generation).
 * Answered once the commit is durable in __consumer_offsets.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { defer } from '../network/deferred.js';
import { defineHandler } from './handler.js';

export const offsetCommitHandler = defineHandler({
  api: Apis.OffsetCommit,
  minVersion: 2,
  maxVersion: 9,
  handle({ broker }, request) {
    const flat = request.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partitionIndex, offset: p.committedOffset, leaderEpoch: p.committedLeaderEpoch, metadata: p.committedMetadata })));
    const unknown = flat.map((o) => broker.topics.partition(o.topic, o.partition) === undefined);
    // Validated and handed to the log now, answered once durable: commits pipelined on one
    // connection share a sync.
    const committing = broker.groups.commitOffsets({
      groupId: request.groupId,
      memberId: request.memberId,
      groupInstanceId: request.groupInstanceId,
      generationId: request.generationIdOrMemberEpoch,
      offsets: flat.filter((_, i) => !unknown[i]),
    });
    return defer(
      committing.then((codes) => {
        let k = 0;
        const perPartition = flat.map((_, i) => (unknown[i] ? ErrorCode.UNKNOWN_TOPIC_OR_PARTITION : codes[k++]));
        let i = 0;
        return {
          throttleTimeMs: 0,
          topics: request.topics.map((t) => ({ name: t.name, partitions: t.partitions.map((p) => ({ partitionIndex: p.partitionIndex, errorCode: perPartition[i++] })) })),
        };
      }),
    );
  },
});
