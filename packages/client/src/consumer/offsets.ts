/**
 * Offsets shared by the consumer and the admin: committed offsets of a group (OffsetFetch,
 * OffsetCommit against the group coordinator) and log offsets by time (ListOffsets against each
 * partition's leader), with the retries Kafka's clients do for coordinator moves and leader changes.
 */
import { Apis, ErrorCode } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError, isCoordinatorError, isStaleMetadataCode, mustFindCoordinator } from '../errors.ts';
import { type Cluster, CoordinatorType } from '../network/cluster.ts';
import { backoffMs, sleep } from '../util.ts';
import { type TopicPartition, tpKey } from './assignors.ts';

export interface OffsetAndMetadata {
  offset: bigint;
  /** The leader epoch of the last consumed record (-1 unknown). */
  leaderEpoch?: number;
  metadata?: string | null;
}

export interface CommittedOffset extends TopicPartition {
  /** null when the group has no committed offset for the partition. */
  offset: bigint | null;
  leaderEpoch: number;
  metadata: string | null;
}

export interface CommitTarget extends TopicPartition, OffsetAndMetadata {}

/** ListOffsets special timestamps. */
export const EARLIEST_TIMESTAMP = -2n;
export const LATEST_TIMESTAMP = -1n;
/** The offset of the record with the largest timestamp (ListOffsets v7+). */
export const MAX_TIMESTAMP = -3n;

export interface RetryPolicy {
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  /** Give up after this long (retriable errors are retried until then). */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}


/** Runs `attempt` until it succeeds, retrying retriable KafkaErrors with backoff within the policy's time. */
export async function withRetries<T>(what: string, policy: RetryPolicy, attempt: (n: number) => Promise<T>): Promise<T> {
  const deadline = Date.now() + policy.timeoutMs;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (e) {
      if (!(e instanceof KafkaError) || !e.retriable || e.code === ClientErrorCode.ABORTED) throw e;
      const wait = backoffMs(n, policy.retryBackoffMs, policy.retryBackoffMaxMs);
      if (Date.now() + wait >= deadline) {
        throw new KafkaError(ClientErrorCode.TIMEOUT, `${what} did not succeed within ${policy.timeoutMs} ms: ${e.message}`, { cause: e, retriable: true });
      }
      await sleep(wait, policy.signal);
    }
  }
}

/** Committed offsets of a group (all partitions of the group when `partitions` is null). */
export async function fetchCommittedOffsets(
  cluster: Cluster,
  groupId: string,
  partitions: readonly TopicPartition[] | null,
  policy: RetryPolicy & { requireStable?: boolean },
): Promise<CommittedOffset[]> {
  return withRetries(`fetching the committed offsets of group '${groupId}'`, policy, async () => {
    const node = await cluster.coordinator(CoordinatorType.Group, groupId, policy.signal);
    const conn = await cluster.connection(node, 'group', policy.signal);
    const version = conn.requireVersion(Apis.OffsetFetch);
    const byTopic = new Map<string, number[]>();
    for (const tp of partitions ?? []) {
      const list = byTopic.get(tp.topic);
      if (list) list.push(tp.partition);
      else byTopic.set(tp.topic, [tp.partition]);
    }
    const topics = partitions === null ? null : [...byTopic].map(([name, partitionIndexes]) => ({ name, partitionIndexes }));
    const requireStable = version >= 7 && (policy.requireStable ?? true);
    const res = await conn.request(
      Apis.OffsetFetch,
      version >= 8 ? { groups: [{ groupId, topics }], requireStable } : { groupId, topics: topics ?? (version >= 2 ? null : []), requireStable },
      { version, signal: policy.signal },
    );
    const groupError = version >= 8 ? (res.groups[0]?.errorCode ?? 0) : res.errorCode;
    const rows =
      version >= 8
        ? (res.groups[0]?.topics ?? []).flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })))
        : res.topics.flatMap((t) => t.partitions.map((p) => ({ topic: t.name, ...p })));
    if (groupError !== 0) {
      if (mustFindCoordinator(groupError)) cluster.invalidateCoordinator(CoordinatorType.Group, groupId);
      throw brokerError(groupError, `OffsetFetch for group '${groupId}'`);
    }
    const out: CommittedOffset[] = [];
    for (const p of rows) {
      if (p.errorCode === ErrorCode.UNSTABLE_OFFSET_COMMIT) throw brokerError(p.errorCode, `OffsetFetch for ${p.topic}-${p.partitionIndex}`);
      if (p.errorCode !== 0 && p.errorCode !== ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) throw brokerError(p.errorCode, `OffsetFetch for ${p.topic}-${p.partitionIndex}`);
      out.push({
        topic: p.topic,
        partition: p.partitionIndex,
        offset: p.errorCode === 0 && p.committedOffset >= 0n ? p.committedOffset : null,
        leaderEpoch: p.committedLeaderEpoch,
        metadata: p.metadata,
      });
    }
    return out;
  });
}

export interface CommitGeneration {
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
}

/**
 * Commits offsets for a group. Coordinator errors are retried within the policy; errors saying
 * the group moved on (a rebalance, an unknown member) are not, they fail with COMMIT_FAILED.
 */
export async function commitOffsets(cluster: Cluster, groupId: string, generation: CommitGeneration, offsets: readonly CommitTarget[], policy: RetryPolicy): Promise<void> {
  if (offsets.length === 0) return;
  await withRetries(`committing offsets for group '${groupId}'`, policy, async () => {
    const node = await cluster.coordinator(CoordinatorType.Group, groupId, policy.signal);
    const conn = await cluster.connection(node, 'group', policy.signal);
    const version = conn.requireVersion(Apis.OffsetCommit);
    const byTopic = new Map<string, CommitTarget[]>();
    for (const o of offsets) {
      const list = byTopic.get(o.topic);
      if (list) list.push(o);
      else byTopic.set(o.topic, [o]);
    }
    const res = await conn.request(
      Apis.OffsetCommit,
      {
        groupId,
        generationIdOrMemberEpoch: generation.generationId,
        memberId: generation.memberId,
        groupInstanceId: version >= 7 ? generation.groupInstanceId : null,
        topics: [...byTopic].map(([name, list]) => ({
          name,
          partitions: list.map((o) => ({
            partitionIndex: o.partition,
            committedOffset: o.offset,
            committedLeaderEpoch: version >= 6 ? (o.leaderEpoch ?? -1) : -1,
            committedMetadata: o.metadata ?? '',
          })),
        })),
      },
      { version, signal: policy.signal },
    );
    for (const t of res.topics) {
      for (const p of t.partitions) {
        const code = p.errorCode;
        if (code === 0) continue;
        const where = `committing ${t.name}-${p.partitionIndex} for group '${groupId}'`;
        if (isCoordinatorError(code)) {
          if (mustFindCoordinator(code)) cluster.invalidateCoordinator(CoordinatorType.Group, groupId);
          throw brokerError(code, where);
        }
        if (code === ErrorCode.UNKNOWN_MEMBER_ID || code === ErrorCode.ILLEGAL_GENERATION || code === ErrorCode.REBALANCE_IN_PROGRESS || code === ErrorCode.FENCED_INSTANCE_ID) {
          throw new KafkaError(ClientErrorCode.COMMIT_FAILED, `${where}: the group rebalanced or this member left it (${brokerError(code).code}); the partitions may be assigned to another member`, {
            cause: brokerError(code, where),
            topic: t.name,
            partition: p.partitionIndex,
          });
        }
        throw brokerError(code, where, { topic: t.name, partition: p.partitionIndex });
      }
    }
  });
}

export interface ListedOffset extends TopicPartition {
  offset: bigint;
  timestamp: bigint;
  leaderEpoch: number;
}

/**
 * Offsets by timestamp (EARLIEST_TIMESTAMP, LATEST_TIMESTAMP, MAX_TIMESTAMP, or a time in ms),
 * asked of each partition's leader. A partition with no record at or after a timestamp gets offset -1.
 */
export async function listOffsets(
  cluster: Cluster,
  requests: readonly { topic: string; partition: number; timestamp: bigint }[],
  isolationLevel: 0 | 1,
  policy: RetryPolicy,
): Promise<ListedOffset[]> {
  // Kafka refuses a partition twice in one request: ask for repeats in further rounds.
  const rounds: (typeof requests)[number][][] = [];
  const seen = new Map<string, number>();
  for (const r of requests) {
    const key = tpKey(r.topic, r.partition);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    (rounds[n] ??= []).push(r);
  }
  const answers = new Map<(typeof requests)[number], ListedOffset>();
  for (const round of rounds) {
    const got = await listOffsetsOnce(cluster, round, isolationLevel, policy);
    round.forEach((r, i) => answers.set(r, got[i]));
  }
  return requests.map((r) => answers.get(r)!);
}

async function listOffsetsOnce(
  cluster: Cluster,
  requests: readonly { topic: string; partition: number; timestamp: bigint }[],
  isolationLevel: 0 | 1,
  policy: RetryPolicy,
): Promise<ListedOffset[]> {
  const results = new Map<string, ListedOffset>();
  let pending = [...requests];
  await withRetries('listing offsets', policy, async () => {
    for (const t of new Set(pending.map((r) => r.topic))) if (!cluster.topic(t)) await cluster.waitForTopic(t, policy.timeoutMs, policy.signal);
    const byLeader = new Map<number, typeof pending>();
    let missingLeader = false;
    for (const r of pending) {
      const leader = cluster.topic(r.topic)?.partitions[r.partition]?.leader ?? -1;
      if (leader < 0) {
        missingLeader = true;
        continue;
      }
      const list = byLeader.get(leader);
      if (list) list.push(r);
      else byLeader.set(leader, [r]);
    }
    let failure: KafkaError | null = null;
    await Promise.all(
      [...byLeader].map(async ([leader, list]) => {
        try {
          const conn = await cluster.connection(leader, '', policy.signal);
          const version = conn.requireVersion(Apis.ListOffsets);
          if (isolationLevel === 1 && version < 2) throw new KafkaError(ClientErrorCode.UNSUPPORTED_API, `${conn.describe()} cannot list offsets for read_committed (ListOffsets v2+)`);
          const byTopic = new Map<string, typeof list>();
          for (const r of list) {
            const l = byTopic.get(r.topic);
            if (l) l.push(r);
            else byTopic.set(r.topic, [r]);
          }
          const res = await conn.request(
            Apis.ListOffsets,
            {
              replicaId: -1,
              isolationLevel: version >= 2 ? isolationLevel : 0,
              topics: [...byTopic].map(([name, l]) => ({
                name,
                partitions: l.map((r) => ({
                  partitionIndex: r.partition,
                  currentLeaderEpoch: version >= 4 ? (cluster.topic(name)?.partitions[r.partition]?.leaderEpoch ?? -1) : -1,
                  timestamp: r.timestamp,
                })),
              })),
              timeoutMs: policy.timeoutMs,
            },
            { version, signal: policy.signal },
          );
          for (const t of res.topics) {
            for (const p of t.partitions) {
              if (p.errorCode !== 0) {
                if (isStaleMetadataCode(p.errorCode)) cluster.requestUpdate();
                const e = brokerError(p.errorCode, `ListOffsets for ${t.name}-${p.partitionIndex}`, { topic: t.name, partition: p.partitionIndex });
                if (!e.retriable) throw e;
                failure ??= e;
                continue;
              }
              results.set(tpKey(t.name, p.partitionIndex), { topic: t.name, partition: p.partitionIndex, offset: p.offset, timestamp: p.timestamp, leaderEpoch: p.leaderEpoch });
            }
          }
        } catch (e) {
          if (e instanceof KafkaError && e.retriable) {
            failure ??= e;
            cluster.requestUpdate();
          } else throw e;
        }
      }),
    );
    pending = pending.filter((r) => !results.has(tpKey(r.topic, r.partition)));
    if (pending.length > 0) {
      if (missingLeader) cluster.requestUpdate();
      throw failure ?? new KafkaError(ClientErrorCode.TIMEOUT, `no leader known for ${pending.length} partition(s)`, { retriable: true });
    }
  });
  return requests.map((r) => results.get(tpKey(r.topic, r.partition))!);
}
