// Generated from Kafka's clients/AlterShareGroupOffsetsRequest.json by packages/protocol/generator. Do not edit.
// request 91, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterShareGroupOffsetsRequest {
  groupId: string; // versions 0+
  topics: AlterShareGroupOffsetsRequestTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestInput {
  groupId: string; // versions 0+
  topics: readonly AlterShareGroupOffsetsRequestTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestTopic {
  topicName: string; // versions 0+
  partitions: AlterShareGroupOffsetsRequestPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestTopicInput {
  topicName: string; // versions 0+
  partitions: readonly AlterShareGroupOffsetsRequestPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestPartition {
  partitionIndex: number; // versions 0+
  startOffset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsRequestPartitionInput {
  partitionIndex: number; // versions 0+
  startOffset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterShareGroupOffsetsRequest(): AlterShareGroupOffsetsRequest {
  return { groupId: "", topics: [] };
}

export function defaultAlterShareGroupOffsetsRequestTopic(): AlterShareGroupOffsetsRequestTopic {
  return { topicName: "", partitions: [] };
}

export function defaultAlterShareGroupOffsetsRequestPartition(): AlterShareGroupOffsetsRequestPartition {
  return { partitionIndex: 0, startOffset: 0n };
}

function writeAlterShareGroupOffsetsRequest(w: Writer, v: AlterShareGroupOffsetsRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "AlterShareGroupOffsetsRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "AlterShareGroupOffsetsRequest", "topics", version), (ew, e) => writeAlterShareGroupOffsetsRequestTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterShareGroupOffsetsRequest(r: Reader, version: number): AlterShareGroupOffsetsRequest {
  const f_groupId: string = r.compactString();
  const f_topics: AlterShareGroupOffsetsRequestTopic[] = readArray(r, true, 2, (er) => readAlterShareGroupOffsetsRequestTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterShareGroupOffsetsRequest = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterShareGroupOffsetsRequestTopic(w: Writer, v: AlterShareGroupOffsetsRequestTopicInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "AlterShareGroupOffsetsRequest", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AlterShareGroupOffsetsRequest", "partitions", version), (ew, e) => writeAlterShareGroupOffsetsRequestPartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterShareGroupOffsetsRequestTopic(r: Reader, version: number): AlterShareGroupOffsetsRequestTopic {
  const f_topicName: string = r.compactString();
  const f_partitions: AlterShareGroupOffsetsRequestPartition[] = readArray(r, true, 12, (er) => readAlterShareGroupOffsetsRequestPartition(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterShareGroupOffsetsRequestTopic = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterShareGroupOffsetsRequestPartition(w: Writer, v: AlterShareGroupOffsetsRequestPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_startOffset = v.startOffset === undefined ? 0n : v.startOffset;
  w.int64(v_startOffset);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterShareGroupOffsetsRequestPartition(r: Reader, version: number): AlterShareGroupOffsetsRequestPartition {
  const f_partitionIndex: number = r.int32();
  const f_startOffset: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: AlterShareGroupOffsetsRequestPartition = { partitionIndex: f_partitionIndex, startOffset: f_startOffset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterShareGroupOffsetsRequest(w: Writer, value: AlterShareGroupOffsetsRequestInput, version: number): void {
  checkVersion("AlterShareGroupOffsetsRequest", version, 0, 0);
  writeAlterShareGroupOffsetsRequest(w, value, version);
}

export function decodeAlterShareGroupOffsetsRequest(r: Reader, version: number): AlterShareGroupOffsetsRequest {
  if (version < 0 || version > 0) r.fail(`AlterShareGroupOffsetsRequest has no version ${version}`);
  return readAlterShareGroupOffsetsRequest(r, version);
}
