// Generated from Kafka's clients/InitializeShareGroupStateRequest.json by packages/protocol/generator. Do not edit.
// request 83, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface InitializeShareGroupStateRequest {
  groupId: string; // versions 0+
  topics: InitializeShareGroupStateRequestInitializeStateData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestInput {
  groupId: string; // versions 0+
  topics: readonly InitializeShareGroupStateRequestInitializeStateDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestInitializeStateData {
  topicId: string; // versions 0+
  partitions: InitializeShareGroupStateRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestInitializeStateDataInput {
  topicId: string; // versions 0+
  partitions: readonly InitializeShareGroupStateRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestPartitionData {
  partition: number; // versions 0+
  stateEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateRequestPartitionDataInput {
  partition: number; // versions 0+
  stateEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultInitializeShareGroupStateRequest(): InitializeShareGroupStateRequest {
  return { groupId: "", topics: [] };
}

export function defaultInitializeShareGroupStateRequestInitializeStateData(): InitializeShareGroupStateRequestInitializeStateData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultInitializeShareGroupStateRequestPartitionData(): InitializeShareGroupStateRequestPartitionData {
  return { partition: 0, stateEpoch: 0, startOffset: 0n };
}

function writeInitializeShareGroupStateRequest(w: Writer, v: InitializeShareGroupStateRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "InitializeShareGroupStateRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "InitializeShareGroupStateRequest", "topics", version), (ew, e) => writeInitializeShareGroupStateRequestInitializeStateData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readInitializeShareGroupStateRequest(r: Reader, version: number): InitializeShareGroupStateRequest {
  const f_groupId: string = r.compactString();
  const f_topics: InitializeShareGroupStateRequestInitializeStateData[] = readArray(r, true, 17, (er) => readInitializeShareGroupStateRequestInitializeStateData(er, version));
  const unknown = r.taggedFields(null);
  const value: InitializeShareGroupStateRequest = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeInitializeShareGroupStateRequestInitializeStateData(w: Writer, v: InitializeShareGroupStateRequestInitializeStateDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "InitializeShareGroupStateRequest", "partitions", version), (ew, e) => writeInitializeShareGroupStateRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readInitializeShareGroupStateRequestInitializeStateData(r: Reader, version: number): InitializeShareGroupStateRequestInitializeStateData {
  const f_topicId: string = r.uuid();
  const f_partitions: InitializeShareGroupStateRequestPartitionData[] = readArray(r, true, 16, (er) => readInitializeShareGroupStateRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: InitializeShareGroupStateRequestInitializeStateData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeInitializeShareGroupStateRequestPartitionData(w: Writer, v: InitializeShareGroupStateRequestPartitionDataInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_stateEpoch = v.stateEpoch === undefined ? 0 : v.stateEpoch;
  w.int32(v_stateEpoch);
  const v_startOffset = v.startOffset === undefined ? 0n : v.startOffset;
  w.int64(v_startOffset);
  w.taggedFields(v._unknownTaggedFields);
}

function readInitializeShareGroupStateRequestPartitionData(r: Reader, version: number): InitializeShareGroupStateRequestPartitionData {
  const f_partition: number = r.int32();
  const f_stateEpoch: number = r.int32();
  const f_startOffset: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: InitializeShareGroupStateRequestPartitionData = { partition: f_partition, stateEpoch: f_stateEpoch, startOffset: f_startOffset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeInitializeShareGroupStateRequest(w: Writer, value: InitializeShareGroupStateRequestInput, version: number): void {
  checkVersion("InitializeShareGroupStateRequest", version, 0, 0);
  writeInitializeShareGroupStateRequest(w, value, version);
}

export function decodeInitializeShareGroupStateRequest(r: Reader, version: number): InitializeShareGroupStateRequest {
  if (version < 0 || version > 0) r.fail(`InitializeShareGroupStateRequest has no version ${version}`);
  return readInitializeShareGroupStateRequest(r, version);
}
