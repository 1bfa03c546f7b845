/**
 * DescribeLogDirs (key 35), versions 1-5, as Kafka 4.3 serves them. v2: flexible; v3: a
 * top-level error code; v4: the volume's total and usable bytes; v5: whether the folder is
 * cordoned (never, here).
 *
 * Sluice keeps every partition in its one data folder (log.dirs), so the answer has one log dir:
 * each partition asked for (all when topics is null) with the size of its segments, an offset lag
 * of 0 (the high watermark is the log end once appends are durable, and a one-node cluster has no
 * replica behind) and is_future false (there is no AlterReplicaLogDirs). Without DESCRIBE on the
 * cluster the answer is CLUSTER_AUTHORIZATION_FAILED with no folders, as from Kafka.
 */
import { statfs } from 'node:fs/promises';
import { Apis, ErrorCode } from '@sluice/protocol';
import { AclOperation } from '../acl/model.ts';
import type { PartitionView, Topics } from '../topics/types.ts';
import { authorizedOnCluster } from './authorize.ts';
import { defineHandler } from './handler.ts';

/** The volume's total and usable bytes, or -1 (Kafka's "unknown") where the system cannot say. */
async function volumeBytes(dir: string): Promise<{ totalBytes: bigint; usableBytes: bigint }> {
  try {
    const s = await statfs(dir, { bigint: true });
    return { totalBytes: s.blocks * s.bsize, usableBytes: s.bavail * s.bsize };
  } catch {
    return { totalBytes: -1n, usableBytes: -1n };
  }
}

/** The partitions asked for, by topic: every partition when `topics` is null; unknown ones left out. */
function partitionsAsked(topics: Topics, asked: readonly { topic: string; partitions: readonly number[] }[] | null): Map<string, PartitionView[]> {
  const out = new Map<string, PartitionView[]>();
  const wanted = asked ?? topics.list().map((t) => ({ topic: t.name, partitions: Array.from({ length: t.partitionCount }, (_, i) => i) }));
  for (const { topic, partitions } of wanted) {
    const chosen = out.get(topic) ?? [];
    for (const index of partitions) {
      const p = topics.partition(topic, index);
      if (p !== undefined && !chosen.includes(p)) chosen.push(p);
    }
    if (chosen.length > 0) out.set(topic, chosen);
  }
  return out;
}

export const describeLogDirsHandler = defineHandler({
  api: Apis.DescribeLogDirs,
  minVersion: 1,
  maxVersion: 5,
  async handle(ctx, request) {
    if (!authorizedOnCluster(ctx, AclOperation.DESCRIBE)) return { throttleTimeMs: 0, errorCode: ErrorCode.CLUSTER_AUTHORIZATION_FAILED, results: [] };
    const { broker } = ctx;
    const topics = [...partitionsAsked(broker.topics, request.topics)].map(([name, partitions]) => ({
      name,
      partitions: partitions.map((p) => ({ partitionIndex: p.index, partitionSize: BigInt(p.size), offsetLag: 0n, isFutureKey: false })),
    }));
    return {
      throttleTimeMs: 0,
      errorCode: ErrorCode.NONE,
      results: [{ errorCode: ErrorCode.NONE, logDir: broker.dataDir, topics, ...(await volumeBytes(broker.dataDir)), isCordoned: false }],
    };
  },
});
