// Generated from Kafka's clients/OffsetDeleteRequest.json by packages/protocol/generator. Do not edit.
// request 47, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface OffsetDeleteRequest {
  groupId: string; // versions 0+
  topics: OffsetDeleteRequestTopic[]; // versions 0+
}

export interface OffsetDeleteRequestInput {
  groupId: string; // versions 0+
  topics: readonly OffsetDeleteRequestTopicInput[]; // versions 0+
}

export interface OffsetDeleteRequestTopic {
  name: string; // versions 0+
  partitions: OffsetDeleteRequestPartition[]; // versions 0+
}

export interface OffsetDeleteRequestTopicInput {
  name: string; // versions 0+
  partitions: readonly OffsetDeleteRequestPartitionInput[]; // versions 0+
}

export interface OffsetDeleteRequestPartition {
  partitionIndex: number; // versions 0+
}

export interface OffsetDeleteRequestPartitionInput {
  partitionIndex: number; // versions 0+
}

export function defaultOffsetDeleteRequest(): OffsetDeleteRequest {
  return { groupId: "", topics: [] };
}

export function defaultOffsetDeleteRequestTopic(): OffsetDeleteRequestTopic {
  return { name: "", partitions: [] };
}

export function defaultOffsetDeleteRequestPartition(): OffsetDeleteRequestPartition {
  return { partitionIndex: 0 };
}

function writeOffsetDeleteRequest(w: Writer, v: OffsetDeleteRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.string(nonNull(v_groupId, "OffsetDeleteRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, false, nonNull(v_topics, "OffsetDeleteRequest", "topics", version), (ew, e) => writeOffsetDeleteRequestTopic(ew, e, version));
}

function readOffsetDeleteRequest(r: Reader, version: number): OffsetDeleteRequest {
  const f_groupId: string = r.string();
  const f_topics: OffsetDeleteRequestTopic[] = readArray(r, false, 2, (er) => readOffsetDeleteRequestTopic(er, version));
  return { groupId: f_groupId, topics: f_topics };
}

function writeOffsetDeleteRequestTopic(w: Writer, v: OffsetDeleteRequestTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.string(nonNull(v_name, "OffsetDeleteRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, false, nonNull(v_partitions, "OffsetDeleteRequest", "partitions", version), (ew, e) => writeOffsetDeleteRequestPartition(ew, e, version));
}

function readOffsetDeleteRequestTopic(r: Reader, version: number): OffsetDeleteRequestTopic {
  const f_name: string = r.string();
  const f_partitions: OffsetDeleteRequestPartition[] = readArray(r, false, 4, (er) => readOffsetDeleteRequestPartition(er, version));
  return { name: f_name, partitions: f_partitions };
}

function writeOffsetDeleteRequestPartition(w: Writer, v: OffsetDeleteRequestPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
}

function readOffsetDeleteRequestPartition(r: Reader, version: number): OffsetDeleteRequestPartition {
  const f_partitionIndex: number = r.int32();
  return { partitionIndex: f_partitionIndex };
}

export function encodeOffsetDeleteRequest(w: Writer, value: OffsetDeleteRequestInput, version: number): void {
  checkVersion("OffsetDeleteRequest", version, 0, 0);
  writeOffsetDeleteRequest(w, value, version);
}

export function decodeOffsetDeleteRequest(r: Reader, version: number): OffsetDeleteRequest {
  if (version < 0 || version > 0) r.fail(`OffsetDeleteRequest has no version ${version}`);
  return readOffsetDeleteRequest(r, version);
}
