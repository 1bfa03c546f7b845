/**
 * What the group coordinator and the offset store share: their settings, where their records go,
 * and the requests they serve, as the handlers hand them over. In a file of its own so that
 * coordinator.ts and offset-store.ts both import it and not each other.
 */
import type { Protocol } from './classic-group.js';
import type { GroupRecord } from './records.js';

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

/** Where group records go: the __consumer_offsets partition of the group, durably. */
export interface GroupStore {
  append(groupId: string, records: GroupRecord[]): Promise<void>;
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

/** A committed offset with the partition it is for. */
export type StoredOffset = CommittedOffset & { topic: string; partition: number };
