// Generated from Kafka's clients/OffsetFetchResponse.json by packages/protocol/generator. Do not edit.
// response 9, versions 1-10, flexible 6-10
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface OffsetFetchResponse {
  throttleTimeMs: number; // versions 3+, ignorable
  topics: OffsetFetchResponseTopic[]; // versions 0-7
  errorCode: number; // versions 2-7, ignorable
  groups: OffsetFetchResponseGroup[]; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseInput {
  throttleTimeMs?: number; // versions 3+, ignorable
  topics?: readonly OffsetFetchResponseTopicInput[]; // versions 0-7
  errorCode?: number; // versions 2-7, ignorable
  groups?: readonly OffsetFetchResponseGroupInput[]; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseTopic {
  name: string; // versions 0-7
  partitions: OffsetFetchResponsePartition[]; // versions 0-7
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseTopicInput {
  name: string; // versions 0-7
  partitions: readonly OffsetFetchResponsePartitionInput[]; // versions 0-7
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponsePartition {
  partitionIndex: number; // versions 0-7
  committedOffset: bigint; // versions 0-7
  committedLeaderEpoch: number; // versions 5-7, ignorable
  metadata: string | null; // versions 0-7, nullable 0-7
  errorCode: number; // versions 0-7
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponsePartitionInput {
  partitionIndex: number; // versions 0-7
  committedOffset: bigint; // versions 0-7
  committedLeaderEpoch?: number; // versions 5-7, ignorable
  metadata: string | null; // versions 0-7, nullable 0-7
  errorCode: number; // versions 0-7
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseGroup {
  groupId: string; // versions 8+
  topics: OffsetFetchResponseTopics[]; // versions 8+
  errorCode: number; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseGroupInput {
  groupId: string; // versions 8+
  topics: readonly OffsetFetchResponseTopicsInput[]; // versions 8+
  errorCode?: number; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseTopics {
  name: string; // versions 8-9, ignorable
  topicId: string; // versions 10+, ignorable
  partitions: OffsetFetchResponsePartitions[]; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponseTopicsInput {
  name?: string; // versions 8-9, ignorable
  topicId?: string; // versions 10+, ignorable
  partitions: readonly OffsetFetchResponsePartitionsInput[]; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponsePartitions {
  partitionIndex: number; // versions 8+
  committedOffset: bigint; // versions 8+
  committedLeaderEpoch: number; // versions 8+, ignorable
  metadata: string | null; // versions 8+, nullable 8+
  errorCode: number; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetFetchResponsePartitionsInput {
  partitionIndex: number; // versions 8+
  committedOffset: bigint; // versions 8+
  committedLeaderEpoch?: number; // versions 8+, ignorable
  metadata: string | null; // versions 8+, nullable 8+
  errorCode: number; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetFetchResponse(): OffsetFetchResponse {
  return { throttleTimeMs: 0, topics: [], errorCode: 0, groups: [] };
}

export function defaultOffsetFetchResponseTopic(): OffsetFetchResponseTopic {
  return { name: "", partitions: [] };
}

export function defaultOffsetFetchResponsePartition(): OffsetFetchResponsePartition {
  return { partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, metadata: "", errorCode: 0 };
}

export function defaultOffsetFetchResponseGroup(): OffsetFetchResponseGroup {
  return { groupId: "", topics: [], errorCode: 0 };
}

export function defaultOffsetFetchResponseTopics(): OffsetFetchResponseTopics {
  return { name: "", topicId: ZERO_UUID, partitions: [] };
}

export function defaultOffsetFetchResponsePartitions(): OffsetFetchResponsePartitions {
  return { partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, metadata: "", errorCode: 0 };
}

function writeOffsetFetchResponse(w: Writer, v: OffsetFetchResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 3) {
    w.int32(v_throttleTimeMs);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  if (version <= 7) {
    writeArray(w, version >= 6, nonNull(v_topics, "OffsetFetchResponse", "topics", version), (ew, e) => writeOffsetFetchResponseTopic(ew, e, version));
  } else if (v.topics !== undefined && (v.topics === null || v.topics.length > 0)) {
    unsupportedField("OffsetFetchResponse", "topics", version);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  if ((version >= 2 && version <= 7)) {
    w.int16(v_errorCode);
  }
  const v_groups = v.groups === undefined ? [] : v.groups;
  if (version >= 8) {
    writeArray(w, true, nonNull(v_groups, "OffsetFetchResponse", "groups", version), (ew, e) => writeOffsetFetchResponseGroup(ew, e, version));
  } else if (v.groups !== undefined && (v.groups === null || v.groups.length > 0)) {
    unsupportedField("OffsetFetchResponse", "groups", version);
  }
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetFetchResponse(r: Reader, version: number): OffsetFetchResponse {
  const f_throttleTimeMs: number = version >= 3 ? r.int32() : 0;
  const f_topics: OffsetFetchResponseTopic[] = version <= 7 ? readArray(r, version >= 6, 1, (er) => readOffsetFetchResponseTopic(er, version)) : [];
  const f_errorCode: number = (version >= 2 && version <= 7) ? r.int16() : 0;
  const f_groups: OffsetFetchResponseGroup[] = version >= 8 ? readArray(r, true, 1, (er) => readOffsetFetchResponseGroup(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetFetchResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics, errorCode: f_errorCode, groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchResponseTopic(w: Writer, v: OffsetFetchResponseTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 6) w.compactString(nonNull(v_name, "OffsetFetchResponse", "name", version));
  else w.string(nonNull(v_name, "OffsetFetchResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 6, nonNull(v_partitions, "OffsetFetchResponse", "partitions", version), (ew, e) => writeOffsetFetchResponsePartition(ew, e, version));
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetFetchResponseTopic(r: Reader, version: number): OffsetFetchResponseTopic {
  const f_name: string = (version >= 6 ? r.compactString() : r.string());
  const f_partitions: OffsetFetchResponsePartition[] = readArray(r, version >= 6, 1, (er) => readOffsetFetchResponsePartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetFetchResponseTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchResponsePartition(w: Writer, v: OffsetFetchResponsePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_committedOffset = v.committedOffset === undefined ? 0n : v.committedOffset;
  w.int64(v_committedOffset);
  const v_committedLeaderEpoch = v.committedLeaderEpoch === undefined ? -1 : v.committedLeaderEpoch;
  if (version >= 5) {
    w.int32(v_committedLeaderEpoch);
  }
  const v_metadata = v.metadata === undefined ? "" : v.metadata;
  if (version >= 6) w.compactNullableString(v_metadata);
  else w.nullableString(v_metadata);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetFetchResponsePartition(r: Reader, version: number): OffsetFetchResponsePartition {
  const f_partitionIndex: number = r.int32();
  const f_committedOffset: bigint = r.int64();
  const f_committedLeaderEpoch: number = version >= 5 ? r.int32() : -1;
  const f_metadata: string | null = (version >= 6 ? r.compactNullableString() : r.nullableString());
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetFetchResponsePartition = { partitionIndex: f_partitionIndex, committedOffset: f_committedOffset, committedLeaderEpoch: f_committedLeaderEpoch, metadata: f_metadata, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchResponseGroup(w: Writer, v: OffsetFetchResponseGroupInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "OffsetFetchResponse", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "OffsetFetchResponse", "topics", version), (ew, e) => writeOffsetFetchResponseTopics(ew, e, version));
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  w.taggedFields(v._unknownTaggedFields);
}

function readOffsetFetchResponseGroup(r: Reader, version: number): OffsetFetchResponseGroup {
  const f_groupId: string = r.compactString();
  const f_topics: OffsetFetchResponseTopics[] = readArray(r, true, 1, (er) => readOffsetFetchResponseTopics(er, version));
  const f_errorCode: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: OffsetFetchResponseGroup = { groupId: f_groupId, topics: f_topics, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchResponseTopics(w: Writer, v: OffsetFetchResponseTopicsInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version <= 9) {
    w.compactString(nonNull(v_name, "OffsetFetchResponse", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 10) {
    w.uuid(v_topicId);
  }
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "OffsetFetchResponse", "partitions", version), (ew, e) => writeOffsetFetchResponsePartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readOffsetFetchResponseTopics(r: Reader, version: number): OffsetFetchResponseTopics {
  const f_name: string = version <= 9 ? r.compactString() : "";
  const f_topicId: string = version >= 10 ? r.uuid() : ZERO_UUID;
  const f_partitions: OffsetFetchResponsePartitions[] = readArray(r, true, 1, (er) => readOffsetFetchResponsePartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: OffsetFetchResponseTopics = { name: f_name, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetFetchResponsePartitions(w: Writer, v: OffsetFetchResponsePartitionsInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_committedOffset = v.committedOffset === undefined ? 0n : v.committedOffset;
  w.int64(v_committedOffset);
  const v_committedLeaderEpoch = v.committedLeaderEpoch === undefined ? -1 : v.committedLeaderEpoch;
  w.int32(v_committedLeaderEpoch);
  const v_metadata = v.metadata === undefined ? "" : v.metadata;
  w.compactNullableString(v_metadata);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  w.taggedFields(v._unknownTaggedFields);
}

function readOffsetFetchResponsePartitions(r: Reader, version: number): OffsetFetchResponsePartitions {
  const f_partitionIndex: number = r.int32();
  const f_committedOffset: bigint = r.int64();
  const f_committedLeaderEpoch: number = r.int32();
  const f_metadata: string | null = r.compactNullableString();
  const f_errorCode: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: OffsetFetchResponsePartitions = { partitionIndex: f_partitionIndex, committedOffset: f_committedOffset, committedLeaderEpoch: f_committedLeaderEpoch, metadata: f_metadata, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeOffsetFetchResponse(w: Writer, value: OffsetFetchResponseInput, version: number): void {
  checkVersion("OffsetFetchResponse", version, 1, 10);
  writeOffsetFetchResponse(w, value, version);
}

export function decodeOffsetFetchResponse(r: Reader, version: number): OffsetFetchResponse {
  if (version < 1 || version > 10) r.fail(`OffsetFetchResponse has no version ${version}`);
  return readOffsetFetchResponse(r, version);
}
