// Generated from Kafka's clients/DescribeQuorumRequest.json by packages/protocol/generator. Do not edit.
// request 55, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeQuorumRequest {
  topics: DescribeQuorumRequestTopicData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestInput {
  topics: readonly DescribeQuorumRequestTopicDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestTopicData {
  topicName: string; // versions 0+
  partitions: DescribeQuorumRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly DescribeQuorumRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestPartitionData {
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumRequestPartitionDataInput {
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumRequest(): DescribeQuorumRequest {
  return { topics: [] };
}

export function defaultDescribeQuorumRequestTopicData(): DescribeQuorumRequestTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultDescribeQuorumRequestPartitionData(): DescribeQuorumRequestPartitionData {
  return { partitionIndex: 0 };
}

function writeDescribeQuorumRequest(w: Writer, v: DescribeQuorumRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeQuorumRequest", "topics", version), (ew, e) => writeDescribeQuorumRequestTopicData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumRequest(r: Reader, version: number): DescribeQuorumRequest {
  const f_topics: DescribeQuorumRequestTopicData[] = readArray(r, true, 2, (er) => readDescribeQuorumRequestTopicData(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumRequest = { topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeQuorumRequestTopicData(w: Writer, v: DescribeQuorumRequestTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DescribeQuorumRequest", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DescribeQuorumRequest", "partitions", version), (ew, e) => writeDescribeQuorumRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumRequestTopicData(r: Reader, version: number): DescribeQuorumRequestTopicData {
  const f_topicName: string = r.compactString();
  const f_partitions: DescribeQuorumRequestPartitionData[] = readArray(r, true, 4, (er) => readDescribeQuorumRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumRequestTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeQuorumRequestPartitionData(w: Writer, v: DescribeQuorumRequestPartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumRequestPartitionData(r: Reader, version: number): DescribeQuorumRequestPartitionData {
  const f_partitionIndex: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumRequestPartitionData = { partitionIndex: f_partitionIndex };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeQuorumRequest(w: Writer, value: DescribeQuorumRequestInput, version: number): void {
  checkVersion("DescribeQuorumRequest", version, 0, 2);
  writeDescribeQuorumRequest(w, value, version);
}

export function decodeDescribeQuorumRequest(r: Reader, version: number): DescribeQuorumRequest {
  if (version < 0 || version > 2) r.fail(`DescribeQuorumRequest has no version ${version}`);
  return readDescribeQuorumRequest(r, version);
}
