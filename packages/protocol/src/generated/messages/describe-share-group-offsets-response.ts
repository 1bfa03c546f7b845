// Generated from Kafka's clients/DescribeShareGroupOffsetsResponse.json by packages/protocol/generator. Do not edit.
// response 90, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeShareGroupOffsetsResponse {
  throttleTimeMs: number; // versions 0+
  groups: DescribeShareGroupOffsetsResponseGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseInput {
  throttleTimeMs: number; // versions 0+
  groups: readonly DescribeShareGroupOffsetsResponseGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseGroup {
  groupId: string; // versions 0+
  topics: DescribeShareGroupOffsetsResponseTopic[]; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseGroupInput {
  groupId: string; // versions 0+
  topics: readonly DescribeShareGroupOffsetsResponseTopicInput[]; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseTopic {
  topicName: string; // versions 0+
  topicId: string; // versions 0+
  partitions: DescribeShareGroupOffsetsResponsePartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponseTopicInput {
  topicName: string; // versions 0+
  topicId: string; // versions 0+
  partitions: readonly DescribeShareGroupOffsetsResponsePartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponsePartition {
  partitionIndex: number; // versions 0+
  startOffset: bigint; // versions 0+
  leaderEpoch: number; // versions 0+
  lag: bigint; // versions 1+, ignorable
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsResponsePartitionInput {
  partitionIndex: number; // versions 0+
  startOffset: bigint; // versions 0+
  leaderEpoch: number; // versions 0+
  lag?: bigint; // versions 1+, ignorable
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeShareGroupOffsetsResponse(): DescribeShareGroupOffsetsResponse {
  return { throttleTimeMs: 0, groups: [] };
}

export function defaultDescribeShareGroupOffsetsResponseGroup(): DescribeShareGroupOffsetsResponseGroup {
  return { groupId: "", topics: [], errorCode: 0, errorMessage: null };
}

export function defaultDescribeShareGroupOffsetsResponseTopic(): DescribeShareGroupOffsetsResponseTopic {
  return { topicName: "", topicId: ZERO_UUID, partitions: [] };
}

export function defaultDescribeShareGroupOffsetsResponsePartition(): DescribeShareGroupOffsetsResponsePartition {
  return { partitionIndex: 0, startOffset: 0n, leaderEpoch: 0, lag: -1n, errorCode: 0, errorMessage: null };
}

function writeDescribeShareGroupOffsetsResponse(w: Writer, v: DescribeShareGroupOffsetsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, true, nonNull(v_groups, "DescribeShareGroupOffsetsResponse", "groups", version), (ew, e) => writeDescribeShareGroupOffsetsResponseGroup(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeShareGroupOffsetsResponse(r: Reader, version: number): DescribeShareGroupOffsetsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_groups: DescribeShareGroupOffsetsResponseGroup[] = readArray(r, true, 5, (er) => readDescribeShareGroupOffsetsResponseGroup(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeShareGroupOffsetsResponse = { throttleTimeMs: f_throttleTimeMs, groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeShareGroupOffsetsResponseGroup(w: Writer, v: DescribeShareGroupOffsetsResponseGroupInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "DescribeShareGroupOffsetsResponse", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeShareGroupOffsetsResponse", "topics", version), (ew, e) => writeDescribeShareGroupOffsetsResponseTopic(ew, e, version));
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeShareGroupOffsetsResponseGroup(r: Reader, version: number): DescribeShareGroupOffsetsResponseGroup {
  const f_groupId: string = r.compactString();
  const f_topics: DescribeShareGroupOffsetsResponseTopic[] = readArray(r, true, 18, (er) => readDescribeShareGroupOffsetsResponseTopic(er, version));
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: DescribeShareGroupOffsetsResponseGroup = { groupId: f_groupId, topics: f_topics, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeShareGroupOffsetsResponseTopic(w: Writer, v: DescribeShareGroupOffsetsResponseTopicInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DescribeShareGroupOffsetsResponse", "topicName", version));
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DescribeShareGroupOffsetsResponse", "partitions", version), (ew, e) => writeDescribeShareGroupOffsetsResponsePartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeShareGroupOffsetsResponseTopic(r: Reader, version: number): DescribeShareGroupOffsetsResponseTopic {
  const f_topicName: string = r.compactString();
  const f_topicId: string = r.uuid();
  const f_partitions: DescribeShareGroupOffsetsResponsePartition[] = readArray(r, true, 19, (er) => readDescribeShareGroupOffsetsResponsePartition(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeShareGroupOffsetsResponseTopic = { topicName: f_topicName, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeShareGroupOffsetsResponsePartition(w: Writer, v: DescribeShareGroupOffsetsResponsePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_startOffset = v.startOffset === undefined ? 0n : v.startOffset;
  w.int64(v_startOffset);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_lag = v.lag === undefined ? -1n : v.lag;
  if (version >= 1) {
    w.int64(v_lag);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeShareGroupOffsetsResponsePartition(r: Reader, version: number): DescribeShareGroupOffsetsResponsePartition {
  const f_partitionIndex: number = r.int32();
  const f_startOffset: bigint = r.int64();
  const f_leaderEpoch: number = r.int32();
  const f_lag: bigint = version >= 1 ? r.int64() : -1n;
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: DescribeShareGroupOffsetsResponsePartition = { partitionIndex: f_partitionIndex, startOffset: f_startOffset, leaderEpoch: f_leaderEpoch, lag: f_lag, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeShareGroupOffsetsResponse(w: Writer, value: DescribeShareGroupOffsetsResponseInput, version: number): void {
  checkVersion("DescribeShareGroupOffsetsResponse", version, 0, 1);
  writeDescribeShareGroupOffsetsResponse(w, value, version);
}

export function decodeDescribeShareGroupOffsetsResponse(r: Reader, version: number): DescribeShareGroupOffsetsResponse {
  if (version < 0 || version > 1) r.fail(`DescribeShareGroupOffsetsResponse has no version ${version}`);
  return readDescribeShareGroupOffsetsResponse(r, version);
}
