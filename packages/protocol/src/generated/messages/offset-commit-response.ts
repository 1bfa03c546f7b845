// Generated from Kafka's clients/OffsetCommitResponse.json by packages/protocol/generator. Do not edit.
// response 8, versions 2-10, flexible 8-10
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface OffsetCommitResponse {
  throttleTimeMs: number; // versions 3+, ignorable
  topics: OffsetCommitResponseTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseInput {
  throttleTimeMs?: number; // versions 3+, ignorable
  topics: readonly OffsetCommitResponseTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseTopic {
  name: string; // versions 0-9, ignorable
  topicId: string; // versions 10+, ignorable
  partitions: OffsetCommitResponsePartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponseTopicInput {
  name?: string; // versions 0-9, ignorable
  topicId?: string; // versions 10+, ignorable
  partitions: readonly OffsetCommitResponsePartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponsePartition {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetCommitResponsePartitionInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetCommitResponse(): OffsetCommitResponse {
  return { throttleTimeMs: 0, topics: [] };
}

export function defaultOffsetCommitResponseTopic(): OffsetCommitResponseTopic {
  return { name: "", topicId: ZERO_UUID, partitions: [] };
}

export function defaultOffsetCommitResponsePartition(): OffsetCommitResponsePartition {
  return { partitionIndex: 0, errorCode: 0 };
}

function writeOffsetCommitResponse(w: Writer, v: OffsetCommitResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 3) {
    w.int32(v_throttleTimeMs);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 8, nonNull(v_topics, "OffsetCommitResponse", "topics", version), (ew, e) => writeOffsetCommitResponseTopic(ew, e, version));
  if (version >= 8) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetCommitResponse(r: Reader, version: number): OffsetCommitResponse {
  const f_throttleTimeMs: number = version >= 3 ? r.int32() : 0;
  const f_topics: OffsetCommitResponseTopic[] = readArray(r, version >= 8, 1, (er) => readOffsetCommitResponseTopic(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 8) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetCommitResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetCommitResponseTopic(w: Writer, v: OffsetCommitResponseTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version <= 9) {
    if (version >= 8) w.compactString(nonNull(v_name, "OffsetCommitResponse", "name", version));
    else w.string(nonNull(v_name, "OffsetCommitResponse", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 10) {
    w.uuid(v_topicId);
  }
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 8, nonNull(v_partitions, "OffsetCommitResponse", "partitions", version), (ew, e) => writeOffsetCommitResponsePartition(ew, e, version));
  if (version >= 8) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetCommitResponseTopic(r: Reader, version: number): OffsetCommitResponseTopic {
  const f_name: string = version <= 9 ? (version >= 8 ? r.compactString() : r.string()) : "";
  const f_topicId: string = version >= 10 ? r.uuid() : ZERO_UUID;
  const f_partitions: OffsetCommitResponsePartition[] = readArray(r, version >= 8, 6, (er) => readOffsetCommitResponsePartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 8) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetCommitResponseTopic = { name: f_name, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetCommitResponsePartition(w: Writer, v: OffsetCommitResponsePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 8) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetCommitResponsePartition(r: Reader, version: number): OffsetCommitResponsePartition {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 8) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetCommitResponsePartition = { partitionIndex: f_partitionIndex, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeOffsetCommitResponse(w: Writer, value: OffsetCommitResponseInput, version: number): void {
  checkVersion("OffsetCommitResponse", version, 2, 10);
  writeOffsetCommitResponse(w, value, version);
}

export function decodeOffsetCommitResponse(r: Reader, version: number): OffsetCommitResponse {
  if (version < 2 || version > 10) r.fail(`OffsetCommitResponse has no version ${version}`);
  return readOffsetCommitResponse(r, version);
}
