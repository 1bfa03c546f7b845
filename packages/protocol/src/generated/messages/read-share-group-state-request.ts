// Generated from Kafka's clients/ReadShareGroupStateRequest.json by packages/protocol/generator. Do not edit.
// request 84, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ReadShareGroupStateRequest {
  groupId: string; // versions 0+
  topics: ReadShareGroupStateRequestReadStateData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestInput {
  groupId: string; // versions 0+
  topics: readonly ReadShareGroupStateRequestReadStateDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestReadStateData {
  topicId: string; // versions 0+
  partitions: ReadShareGroupStateRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestReadStateDataInput {
  topicId: string; // versions 0+
  partitions: readonly ReadShareGroupStateRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestPartitionData {
  partition: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateRequestPartitionDataInput {
  partition: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateRequest(): ReadShareGroupStateRequest {
  return { groupId: "", topics: [] };
}

export function defaultReadShareGroupStateRequestReadStateData(): ReadShareGroupStateRequestReadStateData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultReadShareGroupStateRequestPartitionData(): ReadShareGroupStateRequestPartitionData {
  return { partition: 0, leaderEpoch: 0 };
}

function writeReadShareGroupStateRequest(w: Writer, v: ReadShareGroupStateRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "ReadShareGroupStateRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "ReadShareGroupStateRequest", "topics", version), (ew, e) => writeReadShareGroupStateRequestReadStateData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateRequest(r: Reader, version: number): ReadShareGroupStateRequest {
  const f_groupId: string = r.compactString();
  const f_topics: ReadShareGroupStateRequestReadStateData[] = readArray(r, true, 17, (er) => readReadShareGroupStateRequestReadStateData(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateRequest = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateRequestReadStateData(w: Writer, v: ReadShareGroupStateRequestReadStateDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ReadShareGroupStateRequest", "partitions", version), (ew, e) => writeReadShareGroupStateRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateRequestReadStateData(r: Reader, version: number): ReadShareGroupStateRequestReadStateData {
  const f_topicId: string = r.uuid();
  const f_partitions: ReadShareGroupStateRequestPartitionData[] = readArray(r, true, 8, (er) => readReadShareGroupStateRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateRequestReadStateData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateRequestPartitionData(w: Writer, v: ReadShareGroupStateRequestPartitionDataInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateRequestPartitionData(r: Reader, version: number): ReadShareGroupStateRequestPartitionData {
  const f_partition: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateRequestPartitionData = { partition: f_partition, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeReadShareGroupStateRequest(w: Writer, value: ReadShareGroupStateRequestInput, version: number): void {
  checkVersion("ReadShareGroupStateRequest", version, 0, 0);
  writeReadShareGroupStateRequest(w, value, version);
}

export function decodeReadShareGroupStateRequest(r: Reader, version: number): ReadShareGroupStateRequest {
  if (version < 0 || version > 0) r.fail(`ReadShareGroupStateRequest has no version ${version}`);
  return readReadShareGroupStateRequest(r, version);
}
