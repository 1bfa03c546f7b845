// Generated from Kafka's clients/DeleteRecordsRequest.json by packages/protocol/generator. Do not edit.
// request 21, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteRecordsRequest {
  topics: DeleteRecordsRequestDeleteRecordsTopic[]; // versions 0+
  timeoutMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestInput {
  topics: readonly DeleteRecordsRequestDeleteRecordsTopicInput[]; // versions 0+
  timeoutMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsTopic {
  name: string; // versions 0+
  partitions: DeleteRecordsRequestDeleteRecordsPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsTopicInput {
  name: string; // versions 0+
  partitions: readonly DeleteRecordsRequestDeleteRecordsPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsPartition {
  partitionIndex: number; // versions 0+
  offset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsRequestDeleteRecordsPartitionInput {
  partitionIndex: number; // versions 0+
  offset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsRequest(): DeleteRecordsRequest {
  return { topics: [], timeoutMs: 0 };
}

export function defaultDeleteRecordsRequestDeleteRecordsTopic(): DeleteRecordsRequestDeleteRecordsTopic {
  return { name: "", partitions: [] };
}

export function defaultDeleteRecordsRequestDeleteRecordsPartition(): DeleteRecordsRequestDeleteRecordsPartition {
  return { partitionIndex: 0, offset: 0n };
}

function writeDeleteRecordsRequest(w: Writer, v: DeleteRecordsRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 2, nonNull(v_topics, "DeleteRecordsRequest", "topics", version), (ew, e) => writeDeleteRecordsRequestDeleteRecordsTopic(ew, e, version));
  const v_timeoutMs = v.timeoutMs === undefined ? 0 : v.timeoutMs;
  w.int32(v_timeoutMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteRecordsRequest(r: Reader, version: number): DeleteRecordsRequest {
  const f_topics: DeleteRecordsRequestDeleteRecordsTopic[] = readArray(r, version >= 2, 2, (er) => readDeleteRecordsRequestDeleteRecordsTopic(er, version));
  const f_timeoutMs: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteRecordsRequest = { topics: f_topics, timeoutMs: f_timeoutMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteRecordsRequestDeleteRecordsTopic(w: Writer, v: DeleteRecordsRequestDeleteRecordsTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 2) w.compactString(nonNull(v_name, "DeleteRecordsRequest", "name", version));
  else w.string(nonNull(v_name, "DeleteRecordsRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 2, nonNull(v_partitions, "DeleteRecordsRequest", "partitions", version), (ew, e) => writeDeleteRecordsRequestDeleteRecordsPartition(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteRecordsRequestDeleteRecordsTopic(r: Reader, version: number): DeleteRecordsRequestDeleteRecordsTopic {
  const f_name: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitions: DeleteRecordsRequestDeleteRecordsPartition[] = readArray(r, version >= 2, 12, (er) => readDeleteRecordsRequestDeleteRecordsPartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteRecordsRequestDeleteRecordsTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteRecordsRequestDeleteRecordsPartition(w: Writer, v: DeleteRecordsRequestDeleteRecordsPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_offset = v.offset === undefined ? 0n : v.offset;
  w.int64(v_offset);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteRecordsRequestDeleteRecordsPartition(r: Reader, version: number): DeleteRecordsRequestDeleteRecordsPartition {
  const f_partitionIndex: number = r.int32();
  const f_offset: bigint = r.int64();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteRecordsRequestDeleteRecordsPartition = { partitionIndex: f_partitionIndex, offset: f_offset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteRecordsRequest(w: Writer, value: DeleteRecordsRequestInput, version: number): void {
  checkVersion("DeleteRecordsRequest", version, 0, 2);
  writeDeleteRecordsRequest(w, value, version);
}

export function decodeDeleteRecordsRequest(r: Reader, version: number): DeleteRecordsRequest {
  if (version < 0 || version > 2) r.fail(`DeleteRecordsRequest has no version ${version}`);
  return readDeleteRecordsRequest(r, version);
}
