// Generated from Kafka's clients/AssignReplicasToDirsResponse.json by packages/protocol/generator. Do not edit.
// response 73, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AssignReplicasToDirsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  directories: AssignReplicasToDirsResponseDirectoryData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  directories: readonly AssignReplicasToDirsResponseDirectoryDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseDirectoryData {
  id: string; // versions 0+
  topics: AssignReplicasToDirsResponseTopicData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseDirectoryDataInput {
  id: string; // versions 0+
  topics: readonly AssignReplicasToDirsResponseTopicDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseTopicData {
  topicId: string; // versions 0+
  partitions: AssignReplicasToDirsResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponseTopicDataInput {
  topicId: string; // versions 0+
  partitions: readonly AssignReplicasToDirsResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsResponse(): AssignReplicasToDirsResponse {
  return { throttleTimeMs: 0, errorCode: 0, directories: [] };
}

export function defaultAssignReplicasToDirsResponseDirectoryData(): AssignReplicasToDirsResponseDirectoryData {
  return { id: ZERO_UUID, topics: [] };
}

export function defaultAssignReplicasToDirsResponseTopicData(): AssignReplicasToDirsResponseTopicData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultAssignReplicasToDirsResponsePartitionData(): AssignReplicasToDirsResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0 };
}

function writeAssignReplicasToDirsResponse(w: Writer, v: AssignReplicasToDirsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_directories = v.directories === undefined ? [] : v.directories;
  writeArray(w, true, nonNull(v_directories, "AssignReplicasToDirsResponse", "directories", version), (ew, e) => writeAssignReplicasToDirsResponseDirectoryData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsResponse(r: Reader, version: number): AssignReplicasToDirsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_directories: AssignReplicasToDirsResponseDirectoryData[] = readArray(r, true, 17, (er) => readAssignReplicasToDirsResponseDirectoryData(er, version));
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, directories: f_directories };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAssignReplicasToDirsResponseDirectoryData(w: Writer, v: AssignReplicasToDirsResponseDirectoryDataInput, version: number): void {
  const v_id = v.id === undefined ? ZERO_UUID : v.id;
  w.uuid(v_id);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "AssignReplicasToDirsResponse", "topics", version), (ew, e) => writeAssignReplicasToDirsResponseTopicData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsResponseDirectoryData(r: Reader, version: number): AssignReplicasToDirsResponseDirectoryData {
  const f_id: string = r.uuid();
  const f_topics: AssignReplicasToDirsResponseTopicData[] = readArray(r, true, 17, (er) => readAssignReplicasToDirsResponseTopicData(er, version));
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsResponseDirectoryData = { id: f_id, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAssignReplicasToDirsResponseTopicData(w: Writer, v: AssignReplicasToDirsResponseTopicDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AssignReplicasToDirsResponse", "partitions", version), (ew, e) => writeAssignReplicasToDirsResponsePartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsResponseTopicData(r: Reader, version: number): AssignReplicasToDirsResponseTopicData {
  const f_topicId: string = r.uuid();
  const f_partitions: AssignReplicasToDirsResponsePartitionData[] = readArray(r, true, 6, (er) => readAssignReplicasToDirsResponsePartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsResponseTopicData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAssignReplicasToDirsResponsePartitionData(w: Writer, v: AssignReplicasToDirsResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsResponsePartitionData(r: Reader, version: number): AssignReplicasToDirsResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAssignReplicasToDirsResponse(w: Writer, value: AssignReplicasToDirsResponseInput, version: number): void {
  checkVersion("AssignReplicasToDirsResponse", version, 0, 0);
  writeAssignReplicasToDirsResponse(w, value, version);
}

export function decodeAssignReplicasToDirsResponse(r: Reader, version: number): AssignReplicasToDirsResponse {
  if (version < 0 || version > 0) r.fail(`AssignReplicasToDirsResponse has no version ${version}`);
  return readAssignReplicasToDirsResponse(r, version);
}
