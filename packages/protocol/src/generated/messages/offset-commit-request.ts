// Generated from Kafka's clients/OffsetCommitRequest.json by packages/protocol/generator. Do not edit.
// request 8, versions 2-10, flexible 8-10
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface OffsetCommitRequest {
  groupId: string; // versions 0+
  generationIdOrMemberEpoch: number; // versions 1+, ignorable
  memberId: string; // versions 1+, ignorable
  groupInstanceId: string | null; // versions 7+, nullable 7+
  retentionTimeMs: bigint; // versions 2-4, ignorable
  topics: OffsetCommitRequestTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestInput {
  groupId: string; // versions 0+
  generationIdOrMemberEpoch?: number; // versions 1+, ignorable
  memberId: string; // versions 1+, ignorable
  groupInstanceId?: string | null; // versions 7+, nullable 7+
  retentionTimeMs?: bigint; // versions 2-4, ignorable
  topics: readonly OffsetCommitRequestTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestTopic {
  name: string; // versions 0-9, ignorable
  topicId: string; // versions 10+, ignorable
  partitions: OffsetCommitRequestPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestTopicInput {
  name?: string; // versions 0-9, ignorable
  topicId?: string; // versions 10+, ignorable
  partitions: readonly OffsetCommitRequestPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestPartition {
  partitionIndex: number; // versions 0+
  committedOffset: bigint; // versions 0+
  committedLeaderEpoch: number; // versions 6+, ignorable
  committedMetadata: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitRequestPartitionInput {
  partitionIndex: number; // versions 0+
  committedOffset: bigint; // versions 0+
  committedLeaderEpoch?: number; // versions 6+, ignorable
  committedMetadata: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitRequest(): OffsetCommitRequest {
  return { groupId: "", generationIdOrMemberEpoch: -1, memberId: "", groupInstanceId: null, retentionTimeMs: -1n, topics: [] };
}

export function defaultOffsetCommitRequestTopic(): OffsetCommitRequestTopic {
  return { name: "", topicId: ZERO_UUID, partitions: [] };
}

export function defaultOffsetCommitRequestPartition(): OffsetCommitRequestPartition {
  return { partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: "" };
}

function writeOffsetCommitRequest(w: Writer, v: OffsetCommitRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 8) w.compactString(nonNull(v_groupId, "OffsetCommitRequest", "groupId", version));
  else w.string(nonNull(v_groupId, "OffsetCommitRequest", "groupId", version));
  const v_generationIdOrMemberEpoch = v.generationIdOrMemberEpoch === undefined ? -1 : v.generationIdOrMemberEpoch;
  w.int32(v_generationIdOrMemberEpoch);
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 8) w.compactString(nonNull(v_memberId, "OffsetCommitRequest", "memberId", version));
  else w.string(nonNull(v_memberId, "OffsetCommitRequest", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 7) {
    if (version >= 8) w.compactNullableString(v_groupInstanceId);
    else w.nullableString(v_groupInstanceId);
  } else if (v.groupInstanceId !== undefined && v.groupInstanceId !== null) {
    unsupportedField("OffsetCommitRequest", "groupInstanceId", version);
  }
  const v_retentionTimeMs = v.retentionTimeMs === undefined ? -1n : v.retentionTimeMs;
  if (version <= 4) {
    w.int64(v_retentionTimeMs);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 8, nonNull(v_topics, "OffsetCommitRequest", "topics", version), (ew, e) => writeOffsetCommitRequestTopic(ew, e, version));
  if (version >= 8) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetCommitRequest(r: Reader, version: number): OffsetCommitRequest {
  const f_groupId: string = (version >= 8 ? r.compactString() : r.string());
  const f_generationIdOrMemberEpoch: number = r.int32();
  const f_memberId: string = (version >= 8 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = version >= 7 ? (version >= 8 ? r.compactNullableString() : r.nullableString()) : null;
  const f_retentionTimeMs: bigint = version <= 4 ? r.int64() : -1n;
  const f_topics: OffsetCommitRequestTopic[] = readArray(r, version >= 8, 1, (er) => readOffsetCommitRequestTopic(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 8) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetCommitRequest = { groupId: f_groupId, generationIdOrMemberEpoch: f_generationIdOrMemberEpoch, memberId: f_memberId, groupInstanceId: f_groupInstanceId, retentionTimeMs: f_retentionTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetCommitRequestTopic(w: Writer, v: OffsetCommitRequestTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version <= 9) {
    if (version >= 8) w.compactString(nonNull(v_name, "OffsetCommitRequest", "name", version));
    else w.string(nonNull(v_name, "OffsetCommitRequest", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 10) {
    w.uuid(v_topicId);
  }
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 8, nonNull(v_partitions, "OffsetCommitRequest", "partitions", version), (ew, e) => writeOffsetCommitRequestPartition(ew, e, version));
  if (version >= 8) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetCommitRequestTopic(r: Reader, version: number): OffsetCommitRequestTopic {
  const f_name: string = version <= 9 ? (version >= 8 ? r.compactString() : r.string()) : "";
  const f_topicId: string = version >= 10 ? r.uuid() : ZERO_UUID;
  const f_partitions: OffsetCommitRequestPartition[] = readArray(r, version >= 8, 13, (er) => readOffsetCommitRequestPartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 8) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetCommitRequestTopic = { name: f_name, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetCommitRequestPartition(w: Writer, v: OffsetCommitRequestPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_committedOffset = v.committedOffset === undefined ? 0n : v.committedOffset;
  w.int64(v_committedOffset);
  const v_committedLeaderEpoch = v.committedLeaderEpoch === undefined ? -1 : v.committedLeaderEpoch;
  if (version >= 6) {
    w.int32(v_committedLeaderEpoch);
  }
  const v_committedMetadata = v.committedMetadata === undefined ? "" : v.committedMetadata;
  if (version >= 8) w.compactNullableString(v_committedMetadata);
  else w.nullableString(v_committedMetadata);
  if (version >= 8) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetCommitRequestPartition(r: Reader, version: number): OffsetCommitRequestPartition {
  const f_partitionIndex: number = r.int32();
  const f_committedOffset: bigint = r.int64();
  const f_committedLeaderEpoch: number = version >= 6 ? r.int32() : -1;
  const f_committedMetadata: string | null = (version >= 8 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 8) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetCommitRequestPartition = { partitionIndex: f_partitionIndex, committedOffset: f_committedOffset, committedLeaderEpoch: f_committedLeaderEpoch, committedMetadata: f_committedMetadata };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeOffsetCommitRequest(w: Writer, value: OffsetCommitRequestInput, version: number): void {
  checkVersion("OffsetCommitRequest", version, 2, 10);
  writeOffsetCommitRequest(w, value, version);
}

export function decodeOffsetCommitRequest(r: Reader, version: number): OffsetCommitRequest {
  if (version < 2 || version > 10) r.fail(`OffsetCommitRequest has no version ${version}`);
  return readOffsetCommitRequest(r, version);
}
