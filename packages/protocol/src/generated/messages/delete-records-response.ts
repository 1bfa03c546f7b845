// Generated from Kafka's clients/DeleteRecordsResponse.json by packages/protocol/generator. Do not edit.
// response 21, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteRecordsResponse {
  throttleTimeMs: number; // versions 0+
  topics: DeleteRecordsResponseDeleteRecordsTopicResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseInput {
  throttleTimeMs: number; // versions 0+
  topics: readonly DeleteRecordsResponseDeleteRecordsTopicResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsTopicResult {
  name: string; // versions 0+
  partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsTopicResultInput {
  name: string; // versions 0+
  partitions: readonly DeleteRecordsResponseDeleteRecordsPartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsPartitionResult {
  partitionIndex: number; // versions 0+
  lowWatermark: bigint; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteRecordsResponseDeleteRecordsPartitionResultInput {
  partitionIndex: number; // versions 0+
  lowWatermark: bigint; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteRecordsResponse(): DeleteRecordsResponse {
  return { throttleTimeMs: 0, topics: [] };
}

export function defaultDeleteRecordsResponseDeleteRecordsTopicResult(): DeleteRecordsResponseDeleteRecordsTopicResult {
  return { name: "", partitions: [] };
}

export function defaultDeleteRecordsResponseDeleteRecordsPartitionResult(): DeleteRecordsResponseDeleteRecordsPartitionResult {
  return { partitionIndex: 0, lowWatermark: 0n, errorCode: 0 };
}

function writeDeleteRecordsResponse(w: Writer, v: DeleteRecordsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 2, nonNull(v_topics, "DeleteRecordsResponse", "topics", version), (ew, e) => writeDeleteRecordsResponseDeleteRecordsTopicResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteRecordsResponse(r: Reader, version: number): DeleteRecordsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_topics: DeleteRecordsResponseDeleteRecordsTopicResult[] = readArray(r, version >= 2, 2, (er) => readDeleteRecordsResponseDeleteRecordsTopicResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteRecordsResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteRecordsResponseDeleteRecordsTopicResult(w: Writer, v: DeleteRecordsResponseDeleteRecordsTopicResultInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 2) w.compactString(nonNull(v_name, "DeleteRecordsResponse", "name", version));
  else w.string(nonNull(v_name, "DeleteRecordsResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 2, nonNull(v_partitions, "DeleteRecordsResponse", "partitions", version), (ew, e) => writeDeleteRecordsResponseDeleteRecordsPartitionResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteRecordsResponseDeleteRecordsTopicResult(r: Reader, version: number): DeleteRecordsResponseDeleteRecordsTopicResult {
  const f_name: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitions: DeleteRecordsResponseDeleteRecordsPartitionResult[] = readArray(r, version >= 2, 14, (er) => readDeleteRecordsResponseDeleteRecordsPartitionResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteRecordsResponseDeleteRecordsTopicResult = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteRecordsResponseDeleteRecordsPartitionResult(w: Writer, v: DeleteRecordsResponseDeleteRecordsPartitionResultInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_lowWatermark = v.lowWatermark === undefined ? 0n : v.lowWatermark;
  w.int64(v_lowWatermark);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteRecordsResponseDeleteRecordsPartitionResult(r: Reader, version: number): DeleteRecordsResponseDeleteRecordsPartitionResult {
  const f_partitionIndex: number = r.int32();
  const f_lowWatermark: bigint = r.int64();
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteRecordsResponseDeleteRecordsPartitionResult = { partitionIndex: f_partitionIndex, lowWatermark: f_lowWatermark, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteRecordsResponse(w: Writer, value: DeleteRecordsResponseInput, version: number): void {
  checkVersion("DeleteRecordsResponse", version, 0, 2);
  writeDeleteRecordsResponse(w, value, version);
}

export function decodeDeleteRecordsResponse(r: Reader, version: number): DeleteRecordsResponse {
  if (version < 0 || version > 2) r.fail(`DeleteRecordsResponse has no version ${version}`);
  return readDeleteRecordsResponse(r, version);
}
