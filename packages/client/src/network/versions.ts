/**
 * The versions of each API this client can speak. A connection negotiates, per API, the highest
 * version inside both this range and the broker's advertised one (Kafka's clients do the same).
 *
 * Notes on the ranges:
 * - Produce 13 and Fetch 13+ name topics by id; callers cap them at 12 when a topic id is unknown.
 * - OffsetCommit/OffsetFetch stop at 9: 10 names topics by id only, which Java also avoids for
 *   classic groups (`forTopicNames`).
 * - InitProducerId stops at 5: 6 is unstable (KIP-939) and not advertised by Kafka.
 * - AddPartitionsToTxn stops at 3: 4+ is the brokers' batched form (Java's client sends at most 3).
 * - EndTxn 5 and TxnOffsetCommit 5 are transactions v2 (KIP-890); the producer caps them at 4
 *   when the cluster's transaction.version is below 2.
 */
import { ApiKey } from '@sluice/protocol';

export const CLIENT_VERSIONS: ReadonlyMap<number, readonly [number, number]> = new Map<number, readonly [number, number]>([
  [ApiKey.Produce, [3, 13]],
  [ApiKey.Fetch, [4, 18]],
  [ApiKey.ListOffsets, [1, 11]],
  [ApiKey.Metadata, [1, 13]],
  [ApiKey.OffsetCommit, [2, 9]],
  [ApiKey.OffsetFetch, [1, 9]],
  [ApiKey.FindCoordinator, [0, 6]],
  [ApiKey.JoinGroup, [0, 9]],
  [ApiKey.Heartbeat, [0, 4]],
  [ApiKey.LeaveGroup, [0, 5]],
  [ApiKey.SyncGroup, [0, 5]],
  [ApiKey.DescribeGroups, [0, 6]],
  [ApiKey.ListGroups, [0, 5]],
  [ApiKey.SaslHandshake, [0, 1]],
  [ApiKey.ApiVersions, [0, 4]],
  [ApiKey.CreateTopics, [2, 7]],
  [ApiKey.DeleteTopics, [1, 6]],
  [ApiKey.DeleteRecords, [0, 2]],
  [ApiKey.InitProducerId, [0, 5]],
  [ApiKey.AddPartitionsToTxn, [0, 3]],
  [ApiKey.AddOffsetsToTxn, [0, 4]],
  [ApiKey.EndTxn, [0, 5]],
  [ApiKey.TxnOffsetCommit, [0, 5]],
  [ApiKey.DescribeConfigs, [1, 4]],
  [ApiKey.AlterConfigs, [0, 2]],
  [ApiKey.SaslAuthenticate, [0, 2]],
  [ApiKey.CreatePartitions, [0, 3]],
  [ApiKey.DeleteGroups, [0, 2]],
  [ApiKey.IncrementalAlterConfigs, [0, 1]],
  [ApiKey.OffsetDelete, [0, 0]],
  [ApiKey.DescribeClientQuotas, [0, 1]],
  [ApiKey.AlterClientQuotas, [0, 1]],
  [ApiKey.DescribeUserScramCredentials, [0, 0]],
  [ApiKey.AlterUserScramCredentials, [0, 0]],
  [ApiKey.DescribeCluster, [0, 2]],
]);

/** The broker's advertised [min, max] per API key. */
export type BrokerVersions = ReadonlyMap<number, readonly [number, number]>;

/** The highest version both sides support, capped at `cap`, or -1 when there is none. */
export function negotiate(apiKey: number, broker: BrokerVersions, cap = Number.MAX_SAFE_INTEGER): number {
  const ours = CLIENT_VERSIONS.get(apiKey);
  const theirs = broker.get(apiKey);
  if (!ours || !theirs) return -1;
  const hi = Math.min(ours[1], theirs[1], cap);
  const lo = Math.max(ours[0], theirs[0]);
  return hi >= lo ? hi : -1;
}
