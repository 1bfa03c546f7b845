// Generated from Kafka's clients/AssignReplicasToDirsRequest.json by packages/protocol/generator. Do not edit.
// request 73, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AssignReplicasToDirsRequest {
  brokerId: number; // versions 0+
  brokerEpoch: bigint; // versions 0+
  directories: AssignReplicasToDirsRequestDirectoryData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestInput {
  brokerId: number; // versions 0+
  brokerEpoch?: bigint; // versions 0+
  directories: readonly AssignReplicasToDirsRequestDirectoryDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestDirectoryData {
  id: string; // versions 0+
  topics: AssignReplicasToDirsRequestTopicData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestDirectoryDataInput {
  id: string; // versions 0+
  topics: readonly AssignReplicasToDirsRequestTopicDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestTopicData {
  topicId: string; // versions 0+
  partitions: AssignReplicasToDirsRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestTopicDataInput {
  topicId: string; // versions 0+
  partitions: readonly AssignReplicasToDirsRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestPartitionData {
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AssignReplicasToDirsRequestPartitionDataInput {
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAssignReplicasToDirsRequest(): AssignReplicasToDirsRequest {
  return { brokerId: 0, brokerEpoch: -1n, directories: [] };
}

export function defaultAssignReplicasToDirsRequestDirectoryData(): AssignReplicasToDirsRequestDirectoryData {
  return { id: ZERO_UUID, topics: [] };
}

export function defaultAssignReplicasToDirsRequestTopicData(): AssignReplicasToDirsRequestTopicData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultAssignReplicasToDirsRequestPartitionData(): AssignReplicasToDirsRequestPartitionData {
  return { partitionIndex: 0 };
}

function writeAssignReplicasToDirsRequest(w: Writer, v: AssignReplicasToDirsRequestInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  const v_brokerEpoch = v.brokerEpoch === undefined ? -1n : v.brokerEpoch;
  w.int64(v_brokerEpoch);
  const v_directories = v.directories === undefined ? [] : v.directories;
  writeArray(w, true, nonNull(v_directories, "AssignReplicasToDirsRequest", "directories", version), (ew, e) => writeAssignReplicasToDirsRequestDirectoryData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsRequest(r: Reader, version: number): AssignReplicasToDirsRequest {
  const f_brokerId: number = r.int32();
  const f_brokerEpoch: bigint = r.int64();
  const f_directories: AssignReplicasToDirsRequestDirectoryData[] = readArray(r, true, 17, (er) => readAssignReplicasToDirsRequestDirectoryData(er, version));
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsRequest = { brokerId: f_brokerId, brokerEpoch: f_brokerEpoch, directories: f_directories };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAssignReplicasToDirsRequestDirectoryData(w: Writer, v: AssignReplicasToDirsRequestDirectoryDataInput, version: number): void {
  const v_id = v.id === undefined ? ZERO_UUID : v.id;
  w.uuid(v_id);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "AssignReplicasToDirsRequest", "topics", version), (ew, e) => writeAssignReplicasToDirsRequestTopicData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsRequestDirectoryData(r: Reader, version: number): AssignReplicasToDirsRequestDirectoryData {
  const f_id: string = r.uuid();
  const f_topics: AssignReplicasToDirsRequestTopicData[] = readArray(r, true, 17, (er) => readAssignReplicasToDirsRequestTopicData(er, version));
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsRequestDirectoryData = { id: f_id, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAssignReplicasToDirsRequestTopicData(w: Writer, v: AssignReplicasToDirsRequestTopicDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AssignReplicasToDirsRequest", "partitions", version), (ew, e) => writeAssignReplicasToDirsRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsRequestTopicData(r: Reader, version: number): AssignReplicasToDirsRequestTopicData {
  const f_topicId: string = r.uuid();
  const f_partitions: AssignReplicasToDirsRequestPartitionData[] = readArray(r, true, 4, (er) => readAssignReplicasToDirsRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsRequestTopicData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAssignReplicasToDirsRequestPartitionData(w: Writer, v: AssignReplicasToDirsRequestPartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  w.taggedFields(v._unknownTaggedFields);
}

function readAssignReplicasToDirsRequestPartitionData(r: Reader, version: number): AssignReplicasToDirsRequestPartitionData {
  const f_partitionIndex: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: AssignReplicasToDirsRequestPartitionData = { partitionIndex: f_partitionIndex };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAssignReplicasToDirsRequest(w: Writer, value: AssignReplicasToDirsRequestInput, version: number): void {
  checkVersion("AssignReplicasToDirsRequest", version, 0, 0);
  writeAssignReplicasToDirsRequest(w, value, version);
}

export function decodeAssignReplicasToDirsRequest(r: Reader, version: number): AssignReplicasToDirsRequest {
  if (version < 0 || version > 0) r.fail(`AssignReplicasToDirsRequest has no version ${version}`);
  return readAssignReplicasToDirsRequest(r, version);
}
