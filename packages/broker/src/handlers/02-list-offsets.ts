/**
 * ListOffsets (key 2), versions 1-10.
 * v1: one offset per partition with its timestamp; v2: isolation level; v4: current leader epoch
 * and leader epoch in the answer; v6: flexible; v7: -3 = the first record with the largest
 * timestamp; v8: -4 = earliest local offset; v9: -5 = latest tiered offset (none here);
 * v10: timeout. A special timestamp older than the request's version, or one this broker does
 * not know (below -5), gets UNSUPPORTED_VERSION, as from Kafka; a partition asked for twice gets
 * one INVALID_REQUEST; a topic listed twice is answered once.
 *
 * read_committed (isolation level 1): latest is the last stable offset, and a lookup by time only
 * answers offsets below it (Kafka's fetchOffsetForTimestamp); -3 (max timestamp) is not bounded.
 */
import { Apis, ErrorCode, type ListOffsetsResponseListOffsetsPartitionResponseInput, decodeRecordBatch } from '@sluice/protocol';
import type { PartitionView } from '../topics/types.ts';
import { defineHandler } from './handler.ts';
import { authorized } from './authorize.ts';
import { AclOperation, ResourceType } from '../acl/model.ts';
import { errorCodeOf } from './errors.ts';

const LATEST = -1n;
const EARLIEST = -2n;
const MAX_TIMESTAMP = -3n;
const EARLIEST_LOCAL = -4n;
const LATEST_TIERED = -5n;
const READ_COMMITTED = 1;

/** The first version that knows each special timestamp. */
const SINCE_VERSION = new Map<bigint, number>([
  [LATEST, 0],
  [EARLIEST, 0],
  [MAX_TIMESTAMP, 7],
  [EARLIEST_LOCAL, 8],
  [LATEST_TIERED, 9],
]);

function supported(timestamp: bigint, version: number): boolean {
  if (timestamp >= 0n) return true;
  const since = SINCE_VERSION.get(timestamp);
  return since !== undefined && version >= since;
}

/**
 * The first record with the largest timestamp: storage knows the batch that first reached it,
 * and the record is the first in that batch with that timestamp (Kafka's offsetOfMaxTimestamp).
 */
async function firstOfMaxTimestamp(p: PartitionView): Promise<{ offset: bigint; timestamp: bigint }> {
  const found = await p.maxTimestamp();
  if (found === null) return { offset: -1n, timestamp: -1n };
  const [chunk] = await p.read(found.offset, 1, p.highWatermark);
  if (chunk === undefined || chunk.length === 0) return found;
  const batch = await decodeRecordBatch(chunk, 0, { verifyCrc: false });
  if (batch.header.maxTimestamp !== found.timestamp) return found;
  const first = batch.records.find((r) => r.timestamp === found.timestamp);
  return first === undefined ? found : { offset: first.offset, timestamp: found.timestamp };
}

async function lookup(p: PartitionView, timestamp: bigint, isolation: number): Promise<{ offset: bigint; timestamp: bigint }> {
  switch (timestamp) {
    case LATEST:
      return { offset: isolation === READ_COMMITTED ? p.lastStableOffset : p.highWatermark, timestamp: -1n };
    case EARLIEST:
    case EARLIEST_LOCAL:
      return { offset: p.logStartOffset, timestamp: -1n };
    case LATEST_TIERED:
      return { offset: -1n, timestamp: -1n }; // nothing is tiered
    case MAX_TIMESTAMP:
      return firstOfMaxTimestamp(p);
    default: {
      const found = await p.offsetForTimestamp(timestamp);
      const limit = isolation === READ_COMMITTED ? p.lastStableOffset : p.highWatermark;
      if (found === null || found.offset >= limit) return { offset: -1n, timestamp: -1n };
      return found;
    }
  }
}

export const listOffsetsHandler = defineHandler({
  api: Apis.ListOffsets,
  minVersion: 1,
  maxVersion: 10,
  async handle(ctx, request) {
    const { broker, version } = ctx;
    const topics = [];
    // As Kafka: entries of topics the client may not describe are answered as given, every
    // partition listed (repeats too) TOPIC_AUTHORIZATION_FAILED, after the others.
    const describable = (name: string) => authorized(ctx, AclOperation.DESCRIBE, ResourceType.TOPIC, name);
    const refused = request.topics
      .filter((t) => !describable(t.name))
      .map((t) => ({ name: t.name, partitions: t.partitions.map((req) => ({ partitionIndex: req.partitionIndex, errorCode: ErrorCode.TOPIC_AUTHORIZATION_FAILED, timestamp: -1n, offset: -1n, leaderEpoch: -1 })) }));
    const allowed = request.topics.filter((t) => describable(t.name));
    const asked = new Map<string, number>();
    for (const t of allowed) for (const req of t.partitions) asked.set(`${t.name}\u0000${req.partitionIndex}`, (asked.get(`${t.name}\u0000${req.partitionIndex}`) ?? 0) + 1);
    // A topic listed in several entries is answered once, with all their partitions, as Kafka.
    const byName = new Map<string, { name: string; partitions: (typeof request.topics)[number]['partitions'][number][] }>();
    for (const t of allowed) {
      const entry = byName.get(t.name) ?? { name: t.name, partitions: [] };
      entry.partitions.push(...t.partitions);
      byName.set(t.name, entry);
    }
    for (const t of byName.values()) {
      const partitions: ListOffsetsResponseListOffsetsPartitionResponseInput[] = [];
      const answered = new Set<number>();
      for (const req of t.partitions) {
        if (answered.has(req.partitionIndex)) continue;
        answered.add(req.partitionIndex);
        const p = broker.topics.partition(t.name, req.partitionIndex);
        const out = { partitionIndex: req.partitionIndex, errorCode: ErrorCode.NONE as number, timestamp: -1n, offset: -1n, leaderEpoch: -1 };
        // Kafka checks the timestamp against the version before it looks the partition up.
        if (asked.get(`${t.name}\u0000${req.partitionIndex}`)! > 1) out.errorCode = ErrorCode.INVALID_REQUEST;
        else if (request.isolationLevel !== 0 && request.isolationLevel !== READ_COMMITTED) out.errorCode = ErrorCode.INVALID_REQUEST; // Kafka: UNKNOWN_SERVER_ERROR
        else if (!supported(req.timestamp, version)) out.errorCode = ErrorCode.UNSUPPORTED_VERSION;
        else if (p === undefined) out.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        else if (req.currentLeaderEpoch > 0) out.errorCode = ErrorCode.UNKNOWN_LEADER_EPOCH;
        else {
          try {
            const found = await lookup(p, req.timestamp, request.isolationLevel);
            Object.assign(out, found, { leaderEpoch: version >= 4 && found.offset >= 0n ? 0 : -1 });
          } catch (e) {
            out.errorCode = errorCodeOf(e);
          }
        }
        partitions.push(out);
      }
      topics.push({ name: t.name, partitions });
    }
    return { throttleTimeMs: 0, topics: [...topics, ...refused] };
  },
});
