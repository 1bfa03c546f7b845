/**
 * The records of __consumer_offsets in Kafka's own format: a key made of an int16 record type
 * (1 = offset commit, 2 = group metadata) and the key fields, and a value made of an int16
 * version and the value fields; a null value deletes. We write OffsetCommitValue v3 and
 * GroupMetadataValue v3 (the classic, non-flexible versions Kafka's classic groups use).
 */
import {
  Reader,
  Writer,
  decodeConsumerProtocolSubscription,
  decodeGroupMetadataKey,
  decodeGroupMetadataValue,
  decodeOffsetCommitKey,
  decodeOffsetCommitValue,
  encodeGroupMetadataKey,
  encodeGroupMetadataValue,
  encodeOffsetCommitKey,
  encodeOffsetCommitValue,
  type GroupMetadataValue,
} from '@sluice/protocol';
import { ClassicGroup, Member } from './classic-group.ts';

export interface GroupRecord {
  key: Buffer;
  value: Buffer | null;
}

const OFFSET_COMMIT = 1;
const GROUP_METADATA = 2;
const OFFSET_VALUE_VERSION = 3;
const GROUP_VALUE_VERSION = 3;

export type ReplayedRecord =
  | { kind: 'offset'; groupId: string; topic: string; partition: number; value: { offset: bigint; leaderEpoch: number; metadata: string; commitTimestamp: bigint } | null }
  | { kind: 'group'; groupId: string; value: GroupMetadataValue | null };

function withVersion(version: number, write: (w: Writer) => void): Buffer {
  const w = new Writer(128);
  w.int16(version);
  write(w);
  return w.finish();
}

export function offsetRecord(groupId: string, topic: string, partition: number, v: { offset: bigint; leaderEpoch: number; metadata: string; commitTimestamp: bigint }): GroupRecord {
  return {
    key: withVersion(OFFSET_COMMIT, (w) => encodeOffsetCommitKey(w, { group: groupId, topic, partition }, 0)),
    value: withVersion(OFFSET_VALUE_VERSION, (w) => encodeOffsetCommitValue(w, { offset: v.offset, leaderEpoch: v.leaderEpoch, metadata: v.metadata, commitTimestamp: v.commitTimestamp }, OFFSET_VALUE_VERSION)),
  };
}

export function offsetTombstone(groupId: string, topic: string, partition: number): GroupRecord {
  return { key: withVersion(OFFSET_COMMIT, (w) => encodeOffsetCommitKey(w, { group: groupId, topic, partition }, 0)), value: null };
}

export function groupMetadataRecord(group: ClassicGroup, now: number, assignment?: Map<string, Buffer>): GroupRecord {
  return {
    key: withVersion(GROUP_METADATA, (w) => encodeGroupMetadataKey(w, { group: group.groupId }, 0)),
    value: withVersion(GROUP_VALUE_VERSION, (w) =>
      encodeGroupMetadataValue(
        w,
        {
          protocolType: group.protocolType ?? '',
          generation: group.generationId,
          protocol: group.protocolName,
          leader: group.leaderId,
          currentStateTimestamp: BigInt(now),
          members: [...group.members.values()].map((m) => ({
            memberId: m.memberId,
            groupInstanceId: m.groupInstanceId,
            clientId: m.clientId,
            clientHost: m.clientHost,
            rebalanceTimeout: m.rebalanceTimeoutMs,
            sessionTimeout: m.sessionTimeoutMs,
            subscription: m.metadataFor(group.protocolName ?? ''),
            assignment: assignment?.get(m.memberId) ?? m.assignment,
          })),
        },
        GROUP_VALUE_VERSION,
      ),
    ),
  };
}

export function groupTombstone(groupId: string): GroupRecord {
  return { key: withVersion(GROUP_METADATA, (w) => encodeGroupMetadataKey(w, { group: groupId }, 0)), value: null };
}

/** Decodes a record read back from __consumer_offsets; null for record types we do not keep. */
export function decodeGroupRecord(key: Buffer, value: Buffer | null): ReplayedRecord | null {
  const r = new Reader(key);
  const type = r.int16();
  if (type === 0 || type === OFFSET_COMMIT) {
    const k = decodeOffsetCommitKey(r, 0);
    if (value === null) return { kind: 'offset', groupId: k.group, topic: k.topic, partition: k.partition, value: null };
    const vr = new Reader(value);
    const v = decodeOffsetCommitValue(vr, vr.int16());
    return { kind: 'offset', groupId: k.group, topic: k.topic, partition: k.partition, value: { offset: v.offset, leaderEpoch: v.leaderEpoch, metadata: v.metadata, commitTimestamp: v.commitTimestamp } };
  }
  if (type === GROUP_METADATA) {
    const k = decodeGroupMetadataKey(r, 0);
    if (value === null) return { kind: 'group', groupId: k.group, value: null };
    const vr = new Reader(value);
    return { kind: 'group', groupId: k.group, value: decodeGroupMetadataValue(vr, vr.int16()) };
  }
  return null;
}

/** The topics a consumer-protocol group's members subscribe to; null if a subscription cannot be read. */
/** A group as its last metadata record left it, for the coordinator's replay at start-up. */
export function groupFromRecord(groupId: string, v: GroupMetadataValue, now: number): ClassicGroup {
  const group = new ClassicGroup(groupId, Number(v.currentStateTimestamp >= 0n ? v.currentStateTimestamp : BigInt(now)));
  group.generationId = v.generation;
  group.protocolType = v.protocolType === '' ? null : v.protocolType;
  group.protocolName = v.protocol;
  group.leaderId = v.leader;
  for (const m of v.members) {
    const member = new Member(m.memberId, m.groupInstanceId, m.clientId, m.clientHost, m.rebalanceTimeout >= 0 ? m.rebalanceTimeout : m.sessionTimeout, m.sessionTimeout, v.protocolType, [{ name: v.protocol ?? '', metadata: m.subscription }]);
    member.assignment = m.assignment;
    group.add(member);
  }
  group.leaderId = v.leader;
  if (group.members.size > 0) {
    group.state = 'Stable';
    group.previousState = 'CompletingRebalance';
  }
  group.subscribedTopics = group.protocolType === 'consumer' ? subscribedTopics(group) : null;
  return group;
}

export function subscribedTopics(group: ClassicGroup): Set<string> | null {
  const topics = new Set<string>();
  for (const m of group.members.values()) {
    const metadata = m.metadataFor(group.protocolName ?? '');
    try {
      const r = new Reader(metadata);
      const version = r.int16();
      for (const t of decodeConsumerProtocolSubscription(r, Math.min(version, 3)).topics) topics.add(t);
    } catch {
      return null;
    }
  }
  return topics;
}

/** Kafka's partition of __consumer_offsets for a group: abs(Java hashCode) modulo the count. */
export function offsetsPartitionFor(groupId: string, partitions: number): number {
  let h = 0;
  for (let i = 0; i < groupId.length; i++) h = (Math.imul(h, 31) + groupId.charCodeAt(i)) | 0;
  const abs = h === -2147483648 ? 0 : Math.abs(h);
  return abs % partitions;
}
