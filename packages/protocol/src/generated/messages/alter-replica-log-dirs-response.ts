// Generated from Kafka's clients/AlterReplicaLogDirsResponse.json by packages/protocol/generator. Do not edit.
// response 34, versions 1-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterReplicaLogDirsResponse {
  throttleTimeMs: number; // versions 0+
  results: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseInput {
  throttleTimeMs: number; // versions 0+
  results: readonly AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  topicName: string; // versions 0+
  partitions: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResultInput {
  topicName: string; // versions 0+
  partitions: readonly AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResultInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterReplicaLogDirsResponse(): AlterReplicaLogDirsResponse {
  return { throttleTimeMs: 0, results: [] };
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  return { topicName: "", partitions: [] };
}

export function defaultAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  return { partitionIndex: 0, errorCode: 0 };
}

function writeAlterReplicaLogDirsResponse(w: Writer, v: AlterReplicaLogDirsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, version >= 2, nonNull(v_results, "AlterReplicaLogDirsResponse", "results", version), (ew, e) => writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterReplicaLogDirsResponse(r: Reader, version: number): AlterReplicaLogDirsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_results: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult[] = readArray(r, version >= 2, 2, (er) => readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterReplicaLogDirsResponse = { throttleTimeMs: f_throttleTimeMs, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(w: Writer, v: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResultInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  if (version >= 2) w.compactString(nonNull(v_topicName, "AlterReplicaLogDirsResponse", "topicName", version));
  else w.string(nonNull(v_topicName, "AlterReplicaLogDirsResponse", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 2, nonNull(v_partitions, "AlterReplicaLogDirsResponse", "partitions", version), (ew, e) => writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult(r: Reader, version: number): AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult {
  const f_topicName: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitions: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult[] = readArray(r, version >= 2, 6, (er) => readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterReplicaLogDirsResponseAlterReplicaLogDirTopicResult = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(w: Writer, v: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResultInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult(r: Reader, version: number): AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterReplicaLogDirsResponseAlterReplicaLogDirPartitionResult = { partitionIndex: f_partitionIndex, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterReplicaLogDirsResponse(w: Writer, value: AlterReplicaLogDirsResponseInput, version: number): void {
  checkVersion("AlterReplicaLogDirsResponse", version, 1, 2);
  writeAlterReplicaLogDirsResponse(w, value, version);
}

export function decodeAlterReplicaLogDirsResponse(r: Reader, version: number): AlterReplicaLogDirsResponse {
  if (version < 1 || version > 2) r.fail(`AlterReplicaLogDirsResponse has no version ${version}`);
  return readAlterReplicaLogDirsResponse(r, version);
}
