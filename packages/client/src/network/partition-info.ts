/**
 * A partition's leader and replicas as a Metadata answer gives them: one shape for the cluster's
 * own metadata, the admin's TopicDescription and the producer's partitionsFor, which all report
 * the same facts (as Java's TopicPartitionInfo and PartitionInfo do).
 */
import type { MetadataResponsePartition } from '@sluice/protocol';

export interface TopicPartitionInfo {
  partition: number;
  /** -1 when the partition has no leader. */
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  offlineReplicas: number[];
}

export function partitionInfo(p: MetadataResponsePartition): TopicPartitionInfo {
  return { partition: p.partitionIndex, leader: p.leaderId, leaderEpoch: p.leaderEpoch, replicas: p.replicaNodes, isr: p.isrNodes, offlineReplicas: p.offlineReplicas };
}
