/**
 * DeleteRecords (key 21), versions 0-2. v1: nothing new on this path; v2: flexible.
 * Moves a partition's log start offset; -1 means up to the high watermark. Records of an internal
 * topic (committed offsets) cannot be deleted: INVALID_TOPIC_EXCEPTION, as from Kafka. Nor can those
 * of a topic whose cleanup.policy leaves out `delete` (compact only): POLICY_VIOLATION, as Kafka
 * answers, since compaction alone keeps the latest value of every key and deleting below an
 * offset would drop keys a compacted topic promises to keep.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { INTERNAL_TOPICS } from '../topics/names.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { errorCodeOf } from './errors.ts';

function deletePolicy(cleanupPolicy: string | null): boolean {
  return (cleanupPolicy ?? 'delete').split(',').some((p) => p.trim() === 'delete');
}

export const deleteRecordsHandler = defineHandler({
  api: Apis.DeleteRecords,
  minVersion: 0,
  maxVersion: 2,
  async handle(ctx, request) {
    const { broker } = ctx;
    const topics = [];
    // As Kafka, which reads the request into a map by partition: a topic listed twice is answered
    // once, and a partition listed twice once, with the offset of its last listing.
    const wanted = new Map<string, Map<number, bigint>>();
    for (const t of request.topics) {
      const partitions = wanted.get(t.name) ?? new Map<number, bigint>();
      for (const p of t.partitions) partitions.set(p.partitionIndex, p.offset);
      wanted.set(t.name, partitions);
    }
    for (const [name, offsets] of wanted) {
      const t = { name, partitions: [...offsets].map(([partitionIndex, offset]) => ({ partitionIndex, offset })) };
      const partitions = [];
      const deletable = authorized(ctx, AclOperation.DELETE, ResourceType.TOPIC, t.name);
      for (const req of t.partitions) {
        if (!deletable) {
          partitions.push({ partitionIndex: req.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED });
          continue;
        }
        const p = broker.topics.partition(t.name, req.partitionIndex);
        if (p === undefined) {
          partitions.push({ partitionIndex: req.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.UNKNOWN_TOPIC_OR_PARTITION });
          continue;
        }
        if (INTERNAL_TOPICS.has(t.name)) {
          partitions.push({ partitionIndex: req.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.INVALID_TOPIC_EXCEPTION });
          continue;
        }
        if (!deletePolicy(broker.topics.configValue(t.name, 'cleanup.policy'))) {
          partitions.push({ partitionIndex: req.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.POLICY_VIOLATION });
          continue;
        }
        const target = req.offset === -1n ? p.highWatermark : req.offset;
        if (target < 0n || target > p.highWatermark) {
          partitions.push({ partitionIndex: req.partitionIndex, lowWatermark: -1n, errorCode: ErrorCode.OFFSET_OUT_OF_RANGE });
          continue;
        }
        try {
          const low = await p.deleteRecordsBefore(target);
          partitions.push({ partitionIndex: req.partitionIndex, lowWatermark: low, errorCode: ErrorCode.NONE });
        } catch (e) {
          partitions.push({ partitionIndex: req.partitionIndex, lowWatermark: -1n, errorCode: errorCodeOf(e) });
        }
      }
      topics.push({ name: t.name, partitions });
    }
    return { throttleTimeMs: 0, topics };
  },
});
