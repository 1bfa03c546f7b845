// The group coordinator settings the broker tests build their coordinators with: no initial
// rebalance delay (a join completes without the clock moving), session timeouts of 1-60 s and at
// most 100 members (bounds a test reaches quickly), offsets kept a week and checked every 10
// minutes (Kafka's defaults).
import type { GroupConfig } from '../src/groups/coordinator.ts';

export const TEST_GROUP_CONFIG: Readonly<GroupConfig> = {
  initialRebalanceDelayMs: 0,
  minSessionTimeoutMs: 1000,
  maxSessionTimeoutMs: 60_000,
  maxSize: 100,
  offsetsRetentionMs: 7 * 86_400_000,
  offsetsRetentionCheckIntervalMs: 600_000,
  newMemberJoinTimeoutMs: 300_000,
  offsetMetadataMaxBytes: 4096,
};
