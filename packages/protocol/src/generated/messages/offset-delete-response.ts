// Generated from Kafka's clients/OffsetDeleteResponse.json by packages/protocol/generator. Do not edit.
// response 47, versions 0, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface OffsetDeleteResponse {
  errorCode: number; // versions 0+
  throttleTimeMs: number; // versions 0+, ignorable
  topics: OffsetDeleteResponseTopic[]; // versions 0+
}

export interface OffsetDeleteResponseInput {
  errorCode: number; // versions 0+
  throttleTimeMs: number; // versions 0+, ignorable
  topics: readonly OffsetDeleteResponseTopicInput[]; // versions 0+
}

export interface OffsetDeleteResponseTopic {
  name: string; // versions 0+
  partitions: OffsetDeleteResponsePartition[]; // versions 0+
}

export interface OffsetDeleteResponseTopicInput {
  name: string; // versions 0+
  partitions: readonly OffsetDeleteResponsePartitionInput[]; // versions 0+
}

export interface OffsetDeleteResponsePartition {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
}

export interface OffsetDeleteResponsePartitionInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
}

export function defaultOffsetDeleteResponse(): OffsetDeleteResponse {
  return { errorCode: 0, throttleTimeMs: 0, topics: [] };
}

export function defaultOffsetDeleteResponseTopic(): OffsetDeleteResponseTopic {
  return { name: "", partitions: [] };
}

export function defaultOffsetDeleteResponsePartition(): OffsetDeleteResponsePartition {
  return { partitionIndex: 0, errorCode: 0 };
}

function writeOffsetDeleteResponse(w: Writer, v: OffsetDeleteResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, false, nonNull(v_topics, "OffsetDeleteResponse", "topics", version), (ew, e) => writeOffsetDeleteResponseTopic(ew, e, version));
}

function readOffsetDeleteResponse(r: Reader, version: number): OffsetDeleteResponse {
  const f_errorCode: number = r.int16();
  const f_throttleTimeMs: number = r.int32();
  const f_topics: OffsetDeleteResponseTopic[] = readArray(r, false, 2, (er) => readOffsetDeleteResponseTopic(er, version));
  return { errorCode: f_errorCode, throttleTimeMs: f_throttleTimeMs, topics: f_topics };
}

function writeOffsetDeleteResponseTopic(w: Writer, v: OffsetDeleteResponseTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.string(nonNull(v_name, "OffsetDeleteResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, false, nonNull(v_partitions, "OffsetDeleteResponse", "partitions", version), (ew, e) => writeOffsetDeleteResponsePartition(ew, e, version));
}

function readOffsetDeleteResponseTopic(r: Reader, version: number): OffsetDeleteResponseTopic {
  const f_name: string = r.string();
  const f_partitions: OffsetDeleteResponsePartition[] = readArray(r, false, 6, (er) => readOffsetDeleteResponsePartition(er, version));
  return { name: f_name, partitions: f_partitions };
}

function writeOffsetDeleteResponsePartition(w: Writer, v: OffsetDeleteResponsePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
}

function readOffsetDeleteResponsePartition(r: Reader, version: number): OffsetDeleteResponsePartition {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  return { partitionIndex: f_partitionIndex, errorCode: f_errorCode };
}

export function encodeOffsetDeleteResponse(w: Writer, value: OffsetDeleteResponseInput, version: number): void {
  checkVersion("OffsetDeleteResponse", version, 0, 0);
  writeOffsetDeleteResponse(w, value, version);
}

export function decodeOffsetDeleteResponse(r: Reader, version: number): OffsetDeleteResponse {
  if (version < 0 || version > 0) r.fail(`OffsetDeleteResponse has no version ${version}`);
  return readOffsetDeleteResponse(r, version);
}
