// Generated from Kafka's clients/DeleteShareGroupStateRequest.json by packages/protocol/generator. Do not edit.
// request 86, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteShareGroupStateRequest {
  groupId: string; // versions 0+
  topics: DeleteShareGroupStateRequestDeleteStateData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestInput {
  groupId: string; // versions 0+
  topics: readonly DeleteShareGroupStateRequestDeleteStateDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestDeleteStateData {
  topicId: string; // versions 0+
  partitions: DeleteShareGroupStateRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestDeleteStateDataInput {
  topicId: string; // versions 0+
  partitions: readonly DeleteShareGroupStateRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestPartitionData {
  partition: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateRequestPartitionDataInput {
  partition: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupStateRequest(): DeleteShareGroupStateRequest {
  return { groupId: "", topics: [] };
}

export function defaultDeleteShareGroupStateRequestDeleteStateData(): DeleteShareGroupStateRequestDeleteStateData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultDeleteShareGroupStateRequestPartitionData(): DeleteShareGroupStateRequestPartitionData {
  return { partition: 0 };
}

function writeDeleteShareGroupStateRequest(w: Writer, v: DeleteShareGroupStateRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "DeleteShareGroupStateRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DeleteShareGroupStateRequest", "topics", version), (ew, e) => writeDeleteShareGroupStateRequestDeleteStateData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupStateRequest(r: Reader, version: number): DeleteShareGroupStateRequest {
  const f_groupId: string = r.compactString();
  const f_topics: DeleteShareGroupStateRequestDeleteStateData[] = readArray(r, true, 17, (er) => readDeleteShareGroupStateRequestDeleteStateData(er, version));
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupStateRequest = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteShareGroupStateRequestDeleteStateData(w: Writer, v: DeleteShareGroupStateRequestDeleteStateDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DeleteShareGroupStateRequest", "partitions", version), (ew, e) => writeDeleteShareGroupStateRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupStateRequestDeleteStateData(r: Reader, version: number): DeleteShareGroupStateRequestDeleteStateData {
  const f_topicId: string = r.uuid();
  const f_partitions: DeleteShareGroupStateRequestPartitionData[] = readArray(r, true, 4, (er) => readDeleteShareGroupStateRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupStateRequestDeleteStateData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteShareGroupStateRequestPartitionData(w: Writer, v: DeleteShareGroupStateRequestPartitionDataInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupStateRequestPartitionData(r: Reader, version: number): DeleteShareGroupStateRequestPartitionData {
  const f_partition: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupStateRequestPartitionData = { partition: f_partition };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteShareGroupStateRequest(w: Writer, value: DeleteShareGroupStateRequestInput, version: number): void {
  checkVersion("DeleteShareGroupStateRequest", version, 0, 0);
  writeDeleteShareGroupStateRequest(w, value, version);
}

export function decodeDeleteShareGroupStateRequest(r: Reader, version: number): DeleteShareGroupStateRequest {
  if (version < 0 || version > 0) r.fail(`DeleteShareGroupStateRequest has no version ${version}`);
  return readDeleteShareGroupStateRequest(r, version);
}
