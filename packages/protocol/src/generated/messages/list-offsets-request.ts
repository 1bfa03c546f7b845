// Generated from Kafka's clients/ListOffsetsRequest.json by packages/protocol/generator. Do not edit.
// request 2, versions 1-11, flexible 6-11
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface ListOffsetsRequest {
  replicaId: number; // versions 0+
  isolationLevel: number; // versions 2+
  topics: ListOffsetsRequestListOffsetsTopic[]; // versions 0+
  timeoutMs: number; // versions 10+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestInput {
  replicaId: number; // versions 0+
  isolationLevel?: number; // versions 2+
  topics: readonly ListOffsetsRequestListOffsetsTopicInput[]; // versions 0+
  timeoutMs?: number; // versions 10+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsTopic {
  name: string; // versions 0+
  partitions: ListOffsetsRequestListOffsetsPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsTopicInput {
  name: string; // versions 0+
  partitions: readonly ListOffsetsRequestListOffsetsPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsPartition {
  partitionIndex: number; // versions 0+
  currentLeaderEpoch: number; // versions 4+, ignorable
  timestamp: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsRequestListOffsetsPartitionInput {
  partitionIndex: number; // versions 0+
  currentLeaderEpoch?: number; // versions 4+, ignorable
  timestamp: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsRequest(): ListOffsetsRequest {
  return { replicaId: 0, isolationLevel: 0, topics: [], timeoutMs: 0 };
}

export function defaultListOffsetsRequestListOffsetsTopic(): ListOffsetsRequestListOffsetsTopic {
  return { name: "", partitions: [] };
}

export function defaultListOffsetsRequestListOffsetsPartition(): ListOffsetsRequestListOffsetsPartition {
  return { partitionIndex: 0, currentLeaderEpoch: -1, timestamp: 0n };
}

function writeListOffsetsRequest(w: Writer, v: ListOffsetsRequestInput, version: number): void {
  const v_replicaId = v.replicaId === undefined ? 0 : v.replicaId;
  w.int32(v_replicaId);
  const v_isolationLevel = v.isolationLevel === undefined ? 0 : v.isolationLevel;
  if (version >= 2) {
    w.int8(v_isolationLevel);
  } else if (v.isolationLevel !== undefined && v.isolationLevel !== 0) {
    unsupportedField("ListOffsetsRequest", "isolationLevel", version);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 6, nonNull(v_topics, "ListOffsetsRequest", "topics", version), (ew, e) => writeListOffsetsRequestListOffsetsTopic(ew, e, version));
  const v_timeoutMs = v.timeoutMs === undefined ? 0 : v.timeoutMs;
  if (version >= 10) {
    w.int32(v_timeoutMs);
  }
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListOffsetsRequest(r: Reader, version: number): ListOffsetsRequest {
  const f_replicaId: number = r.int32();
  const f_isolationLevel: number = version >= 2 ? r.int8() : 0;
  const f_topics: ListOffsetsRequestListOffsetsTopic[] = readArray(r, version >= 6, 2, (er) => readListOffsetsRequestListOffsetsTopic(er, version));
  const f_timeoutMs: number = version >= 10 ? r.int32() : 0;
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: ListOffsetsRequest = { replicaId: f_replicaId, isolationLevel: f_isolationLevel, topics: f_topics, timeoutMs: f_timeoutMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListOffsetsRequestListOffsetsTopic(w: Writer, v: ListOffsetsRequestListOffsetsTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 6) w.compactString(nonNull(v_name, "ListOffsetsRequest", "name", version));
  else w.string(nonNull(v_name, "ListOffsetsRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 6, nonNull(v_partitions, "ListOffsetsRequest", "partitions", version), (ew, e) => writeListOffsetsRequestListOffsetsPartition(ew, e, version));
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListOffsetsRequestListOffsetsTopic(r: Reader, version: number): ListOffsetsRequestListOffsetsTopic {
  const f_name: string = (version >= 6 ? r.compactString() : r.string());
  const f_partitions: ListOffsetsRequestListOffsetsPartition[] = readArray(r, version >= 6, 12, (er) => readListOffsetsRequestListOffsetsPartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: ListOffsetsRequestListOffsetsTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListOffsetsRequestListOffsetsPartition(w: Writer, v: ListOffsetsRequestListOffsetsPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_currentLeaderEpoch = v.currentLeaderEpoch === undefined ? -1 : v.currentLeaderEpoch;
  if (version >= 4) {
    w.int32(v_currentLeaderEpoch);
  }
  const v_timestamp = v.timestamp === undefined ? 0n : v.timestamp;
  w.int64(v_timestamp);
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListOffsetsRequestListOffsetsPartition(r: Reader, version: number): ListOffsetsRequestListOffsetsPartition {
  const f_partitionIndex: number = r.int32();
  const f_currentLeaderEpoch: number = version >= 4 ? r.int32() : -1;
  const f_timestamp: bigint = r.int64();
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: ListOffsetsRequestListOffsetsPartition = { partitionIndex: f_partitionIndex, currentLeaderEpoch: f_currentLeaderEpoch, timestamp: f_timestamp };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListOffsetsRequest(w: Writer, value: ListOffsetsRequestInput, version: number): void {
  checkVersion("ListOffsetsRequest", version, 1, 11);
  writeListOffsetsRequest(w, value, version);
}

export function decodeListOffsetsRequest(r: Reader, version: number): ListOffsetsRequest {
  if (version < 1 || version > 11) r.fail(`ListOffsetsRequest has no version ${version}`);
  return readListOffsetsRequest(r, version);
}
