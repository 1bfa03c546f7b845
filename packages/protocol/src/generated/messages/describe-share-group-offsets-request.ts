// Generated from Kafka's clients/DescribeShareGroupOffsetsRequest.json by packages/protocol/generator. Do not edit.
// request 90, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface DescribeShareGroupOffsetsRequest {
  groups: DescribeShareGroupOffsetsRequestGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestInput {
  groups: readonly DescribeShareGroupOffsetsRequestGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestGroup {
  groupId: string; // versions 0+
  topics: DescribeShareGroupOffsetsRequestTopic[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestGroupInput {
  groupId: string; // versions 0+
  topics: readonly DescribeShareGroupOffsetsRequestTopicInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestTopic {
  topicName: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeShareGroupOffsetsRequestTopicInput {
  topicName: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeShareGroupOffsetsRequest(): DescribeShareGroupOffsetsRequest {
  return { groups: [] };
}

export function defaultDescribeShareGroupOffsetsRequestGroup(): DescribeShareGroupOffsetsRequestGroup {
  return { groupId: "", topics: [] };
}

export function defaultDescribeShareGroupOffsetsRequestTopic(): DescribeShareGroupOffsetsRequestTopic {
  return { topicName: "", partitions: [] };
}

function writeDescribeShareGroupOffsetsRequest(w: Writer, v: DescribeShareGroupOffsetsRequestInput, version: number): void {
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, true, nonNull(v_groups, "DescribeShareGroupOffsetsRequest", "groups", version), (ew, e) => writeDescribeShareGroupOffsetsRequestGroup(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeShareGroupOffsetsRequest(r: Reader, version: number): DescribeShareGroupOffsetsRequest {
  const f_groups: DescribeShareGroupOffsetsRequestGroup[] = readArray(r, true, 2, (er) => readDescribeShareGroupOffsetsRequestGroup(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeShareGroupOffsetsRequest = { groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeShareGroupOffsetsRequestGroup(w: Writer, v: DescribeShareGroupOffsetsRequestGroupInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "DescribeShareGroupOffsetsRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeNullableArray(w, true, v_topics, (ew, e) => writeDescribeShareGroupOffsetsRequestTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeShareGroupOffsetsRequestGroup(r: Reader, version: number): DescribeShareGroupOffsetsRequestGroup {
  const f_groupId: string = r.compactString();
  const f_topics: DescribeShareGroupOffsetsRequestTopic[] | null = readNullableArray(r, true, 2, (er) => readDescribeShareGroupOffsetsRequestTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeShareGroupOffsetsRequestGroup = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeShareGroupOffsetsRequestTopic(w: Writer, v: DescribeShareGroupOffsetsRequestTopicInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DescribeShareGroupOffsetsRequest", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DescribeShareGroupOffsetsRequest", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeShareGroupOffsetsRequestTopic(r: Reader, version: number): DescribeShareGroupOffsetsRequestTopic {
  const f_topicName: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: DescribeShareGroupOffsetsRequestTopic = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeShareGroupOffsetsRequest(w: Writer, value: DescribeShareGroupOffsetsRequestInput, version: number): void {
  checkVersion("DescribeShareGroupOffsetsRequest", version, 0, 1);
  writeDescribeShareGroupOffsetsRequest(w, value, version);
}

export function decodeDescribeShareGroupOffsetsRequest(r: Reader, version: number): DescribeShareGroupOffsetsRequest {
  if (version < 0 || version > 1) r.fail(`DescribeShareGroupOffsetsRequest has no version ${version}`);
  return readDescribeShareGroupOffsetsRequest(r, version);
}
