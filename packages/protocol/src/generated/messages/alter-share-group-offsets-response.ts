// Generated from Kafka's clients/AlterShareGroupOffsetsResponse.json by packages/protocol/generator. Do not edit.
// response 91, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterShareGroupOffsetsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  responses: AlterShareGroupOffsetsResponseTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  responses: readonly AlterShareGroupOffsetsResponseTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseTopic {
  topicName: string; // versions 0+
  topicId: string; // versions 0+
  partitions: AlterShareGroupOffsetsResponsePartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponseTopicInput {
  topicName: string; // versions 0+
  topicId: string; // versions 0+
  partitions: readonly AlterShareGroupOffsetsResponsePartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponsePartition {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterShareGroupOffsetsResponsePartitionInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterShareGroupOffsetsResponse(): AlterShareGroupOffsetsResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, responses: [] };
}

export function defaultAlterShareGroupOffsetsResponseTopic(): AlterShareGroupOffsetsResponseTopic {
  return { topicName: "", topicId: ZERO_UUID, partitions: [] };
}

export function defaultAlterShareGroupOffsetsResponsePartition(): AlterShareGroupOffsetsResponsePartition {
  return { partitionIndex: 0, errorCode: 0, errorMessage: null };
}

function writeAlterShareGroupOffsetsResponse(w: Writer, v: AlterShareGroupOffsetsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, true, nonNull(v_responses, "AlterShareGroupOffsetsResponse", "responses", version), (ew, e) => writeAlterShareGroupOffsetsResponseTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterShareGroupOffsetsResponse(r: Reader, version: number): AlterShareGroupOffsetsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_responses: AlterShareGroupOffsetsResponseTopic[] = readArray(r, true, 18, (er) => readAlterShareGroupOffsetsResponseTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterShareGroupOffsetsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, responses: f_responses };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterShareGroupOffsetsResponseTopic(w: Writer, v: AlterShareGroupOffsetsResponseTopicInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "AlterShareGroupOffsetsResponse", "topicName", version));
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AlterShareGroupOffsetsResponse", "partitions", version), (ew, e) => writeAlterShareGroupOffsetsResponsePartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterShareGroupOffsetsResponseTopic(r: Reader, version: number): AlterShareGroupOffsetsResponseTopic {
  const f_topicName: string = r.compactString();
  const f_topicId: string = r.uuid();
  const f_partitions: AlterShareGroupOffsetsResponsePartition[] = readArray(r, true, 7, (er) => readAlterShareGroupOffsetsResponsePartition(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterShareGroupOffsetsResponseTopic = { topicName: f_topicName, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterShareGroupOffsetsResponsePartition(w: Writer, v: AlterShareGroupOffsetsResponsePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterShareGroupOffsetsResponsePartition(r: Reader, version: number): AlterShareGroupOffsetsResponsePartition {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: AlterShareGroupOffsetsResponsePartition = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterShareGroupOffsetsResponse(w: Writer, value: AlterShareGroupOffsetsResponseInput, version: number): void {
  checkVersion("AlterShareGroupOffsetsResponse", version, 0, 0);
  writeAlterShareGroupOffsetsResponse(w, value, version);
}

export function decodeAlterShareGroupOffsetsResponse(r: Reader, version: number): AlterShareGroupOffsetsResponse {
  if (version < 0 || version > 0) r.fail(`AlterShareGroupOffsetsResponse has no version ${version}`);
  return readAlterShareGroupOffsetsResponse(r, version);
}
