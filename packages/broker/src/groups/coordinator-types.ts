/**
 * What the group coordinator and the offset store share: their settings, where their records go,
 * and the requests they serve, as the handlers hand them over. In a file of its own so that
 * coordinator.ts and offset-store.ts both import it and not each other.
 */
import type { Protocol } from './classic-group.ts';
import type { GroupRecord } from './records.ts';

export interface GroupConfig {
  initialRebalanceDelayMs: number;
  minSessionTimeoutMs: number;
  maxSessionTimeoutMs: number;
  maxSize: number;
  offsetsRetentionMs: number;
  offsetsRetentionCheckIntervalMs: number;
  /** How long a new member's JoinGroup may wait (Kafka: 5 minutes). */
  newMemberJoinTimeoutMs: number;
  offsetMetadataMaxBytes: number;
}

/** A producer writing group records in its transaction (TxnOffsetCommit). */
export interface TxnProducer {
  producerId: bigint;
  producerEpoch: number;
}

/** The end of a producer's transaction on one __consumer_offsets partition, as its coordinator decides it. */
export interface OffsetsTxnMarker extends TxnProducer {
  coordinatorEpoch: number;
  commit: boolean;
  /** 2: the partition takes the marker only above the producer's epoch (KIP-890); below 2: at or above it. */
  transactionVersion: number;
}

/**
 * Where group records go: the __consumer_offsets partition of the group, durably. Appends resolve
 * with the offset of their first record (the others follow it one by one): which of two commits
 * of a partition is the later one is decided by these offsets, as Kafka's record offsets do.
 */
export interface GroupStore {
  append(groupId: string, records: GroupRecord[]): Promise<bigint>;
  /** The __consumer_offsets partition of a group, the topic created first if needed. */
  offsetsPartition(groupId: string): Promise<number>;
  /**
   * Appends records in the producer's transaction (a transactional batch with its id and
   * epoch): they count only once a COMMIT marker follows them. Refused with Kafka's
   * INVALID_PRODUCER_EPOCH (as `errorCode`) when the partition knows a newer epoch.
   */
  appendTransactional(groupId: string, producer: TxnProducer, records: GroupRecord[]): Promise<bigint>;
  /** Writes a COMMIT or ABORT marker to an offsets partition; false when the partition does not exist. */
  appendMarker(offsetsPartition: number, marker: OffsetsTxnMarker): Promise<boolean>;
}

export interface CommittedOffset {
  offset: bigint;
  leaderEpoch: number;
  metadata: string;
  commitTimestamp: bigint;
}

export interface JoinRequest {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string;
  protocols: Protocol[];
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  clientId: string;
  clientHost: string;
  /** JoinGroup v4+: a new dynamic member must first get its id (MEMBER_ID_REQUIRED). */
  requireKnownMemberId: boolean;
  /** JoinGroup v9+: a static leader rejoining a stable group is told not to reassign. */
  supportsSkipAssignment: boolean;
}

export interface SyncRequest {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  assignments: { memberId: string; assignment: Buffer }[];
}

export interface OffsetCommitRequest {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  generationId: number;
  offsets: { topic: string; partition: number; offset: bigint; leaderEpoch: number; metadata: string | null }[];
}

/** TxnOffsetCommit: an offset commit made in a producer's transaction. */
export interface TxnOffsetCommitRequest extends OffsetCommitRequest, TxnProducer {
  transactionalId: string;
}

/**
 * A committed offset with the partition it is for, and the offset of its record in
 * __consumer_offsets: a transaction's offset, made visible by a later marker, replaces the one
 * committed only if its record is the later of the two (Kafka's replayEndTransactionMarker), so
 * what is served never depends on which write completed first, nor on compaction.
 */
export type StoredOffset = CommittedOffset & { topic: string; partition: number; recordOffset: bigint };
