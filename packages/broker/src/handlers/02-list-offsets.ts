/**
 * ListOffsets (key 2), versions 1-10.
 * v1: one offset per partition with its timestamp; v2: isolation level; v4: current leader epoch
 * and leader epoch in the answer; v6: flexible; v7: -3 = the record with the largest timestamp;
 * v8: -4 = earliest local offset; v9: -5 = earliest offset still to be tiered (none here);
 * v10: timeout.
 */
import { Apis, ErrorCode, type ListOffsetsResponseListOffsetsPartitionResponseInput } from '@sluice/protocol';
import type { PartitionView } from '../topics/types.js';
import { defineHandler } from './handler.js';
import { errorCodeOf } from './errors.js';

const LATEST = -1n;
const EARLIEST = -2n;
const MAX_TIMESTAMP = -3n;
const EARLIEST_LOCAL = -4n;
const EARLIEST_PENDING_UPLOAD = -5n;
const READ_COMMITTED = 1;

async function lookup(p: PartitionView, timestamp: bigint, isolation: number): Promise<{ offset: bigint; timestamp: bigint }> {
  switch (timestamp) {
    case LATEST:
      return { offset: isolation === READ_COMMITTED ? p.lastStableOffset : p.highWatermark, timestamp: -1n };
    case EARLIEST:
    case EARLIEST_LOCAL:
      return { offset: p.logStartOffset, timestamp: -1n };
    case EARLIEST_PENDING_UPLOAD:
      return { offset: -1n, timestamp: -1n }; // nothing is tiered
    case MAX_TIMESTAMP:
      return (await p.maxTimestamp()) ?? { offset: -1n, timestamp: -1n };
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
  async handle({ broker, version }, request) {
    const topics = [];
    for (const t of request.topics) {
      const partitions: ListOffsetsResponseListOffsetsPartitionResponseInput[] = [];
      for (const req of t.partitions) {
        const p = broker.topics.partition(t.name, req.partitionIndex);
        const out = { partitionIndex: req.partitionIndex, errorCode: ErrorCode.NONE as number, timestamp: -1n, offset: -1n, leaderEpoch: -1 };
        if (p === undefined) out.errorCode = ErrorCode.UNKNOWN_TOPIC_OR_PARTITION;
        else if (req.currentLeaderEpoch > 0) out.errorCode = ErrorCode.UNKNOWN_LEADER_EPOCH;
        else if (req.timestamp < EARLIEST_PENDING_UPLOAD) out.errorCode = ErrorCode.INVALID_REQUEST;
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
    return { throttleTimeMs: 0, topics };
  },
});
