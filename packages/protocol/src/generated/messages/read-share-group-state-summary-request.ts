// Generated from Kafka's clients/ReadShareGroupStateSummaryRequest.json by packages/protocol/generator. Do not edit.
// request 87, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ReadShareGroupStateSummaryRequest {
  groupId: string; // versions 0+
  topics: ReadShareGroupStateSummaryRequestReadStateSummaryData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestInput {
  groupId: string; // versions 0+
  topics: readonly ReadShareGroupStateSummaryRequestReadStateSummaryDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestReadStateSummaryData {
  topicId: string; // versions 0+
  partitions: ReadShareGroupStateSummaryRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestReadStateSummaryDataInput {
  topicId: string; // versions 0+
  partitions: readonly ReadShareGroupStateSummaryRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestPartitionData {
  partition: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryRequestPartitionDataInput {
  partition: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateSummaryRequest(): ReadShareGroupStateSummaryRequest {
  return { groupId: "", topics: [] };
}

export function defaultReadShareGroupStateSummaryRequestReadStateSummaryData(): ReadShareGroupStateSummaryRequestReadStateSummaryData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultReadShareGroupStateSummaryRequestPartitionData(): ReadShareGroupStateSummaryRequestPartitionData {
  return { partition: 0, leaderEpoch: 0 };
}

function writeReadShareGroupStateSummaryRequest(w: Writer, v: ReadShareGroupStateSummaryRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "ReadShareGroupStateSummaryRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "ReadShareGroupStateSummaryRequest", "topics", version), (ew, e) => writeReadShareGroupStateSummaryRequestReadStateSummaryData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateSummaryRequest(r: Reader, version: number): ReadShareGroupStateSummaryRequest {
  const f_groupId: string = r.compactString();
  const f_topics: ReadShareGroupStateSummaryRequestReadStateSummaryData[] = readArray(r, true, 17, (er) => readReadShareGroupStateSummaryRequestReadStateSummaryData(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateSummaryRequest = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateSummaryRequestReadStateSummaryData(w: Writer, v: ReadShareGroupStateSummaryRequestReadStateSummaryDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ReadShareGroupStateSummaryRequest", "partitions", version), (ew, e) => writeReadShareGroupStateSummaryRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateSummaryRequestReadStateSummaryData(r: Reader, version: number): ReadShareGroupStateSummaryRequestReadStateSummaryData {
  const f_topicId: string = r.uuid();
  const f_partitions: ReadShareGroupStateSummaryRequestPartitionData[] = readArray(r, true, 8, (er) => readReadShareGroupStateSummaryRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateSummaryRequestReadStateSummaryData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateSummaryRequestPartitionData(w: Writer, v: ReadShareGroupStateSummaryRequestPartitionDataInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateSummaryRequestPartitionData(r: Reader, version: number): ReadShareGroupStateSummaryRequestPartitionData {
  const f_partition: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateSummaryRequestPartitionData = { partition: f_partition, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeReadShareGroupStateSummaryRequest(w: Writer, value: ReadShareGroupStateSummaryRequestInput, version: number): void {
  checkVersion("ReadShareGroupStateSummaryRequest", version, 0, 1);
  writeReadShareGroupStateSummaryRequest(w, value, version);
}

export function decodeReadShareGroupStateSummaryRequest(r: Reader, version: number): ReadShareGroupStateSummaryRequest {
  if (version < 0 || version > 1) r.fail(`ReadShareGroupStateSummaryRequest has no version ${version}`);
  return readReadShareGroupStateSummaryRequest(r, version);
}
