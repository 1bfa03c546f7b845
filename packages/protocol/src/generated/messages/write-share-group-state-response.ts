// Generated from Kafka's clients/WriteShareGroupStateResponse.json by packages/protocol/generator. Do not edit.
// response 85, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface WriteShareGroupStateResponse {
  results: WriteShareGroupStateResponseWriteStateResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponseInput {
  results: readonly WriteShareGroupStateResponseWriteStateResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponseWriteStateResult {
  topicId: string; // versions 0+
  partitions: WriteShareGroupStateResponsePartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponseWriteStateResultInput {
  topicId: string; // versions 0+
  partitions: readonly WriteShareGroupStateResponsePartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponsePartitionResult {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateResponsePartitionResultInput {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteShareGroupStateResponse(): WriteShareGroupStateResponse {
  return { results: [] };
}

export function defaultWriteShareGroupStateResponseWriteStateResult(): WriteShareGroupStateResponseWriteStateResult {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultWriteShareGroupStateResponsePartitionResult(): WriteShareGroupStateResponsePartitionResult {
  return { partition: 0, errorCode: 0, errorMessage: null };
}

function writeWriteShareGroupStateResponse(w: Writer, v: WriteShareGroupStateResponseInput, version: number): void {
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, true, nonNull(v_results, "WriteShareGroupStateResponse", "results", version), (ew, e) => writeWriteShareGroupStateResponseWriteStateResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteShareGroupStateResponse(r: Reader, version: number): WriteShareGroupStateResponse {
  const f_results: WriteShareGroupStateResponseWriteStateResult[] = readArray(r, true, 17, (er) => readWriteShareGroupStateResponseWriteStateResult(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteShareGroupStateResponse = { results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteShareGroupStateResponseWriteStateResult(w: Writer, v: WriteShareGroupStateResponseWriteStateResultInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "WriteShareGroupStateResponse", "partitions", version), (ew, e) => writeWriteShareGroupStateResponsePartitionResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteShareGroupStateResponseWriteStateResult(r: Reader, version: number): WriteShareGroupStateResponseWriteStateResult {
  const f_topicId: string = r.uuid();
  const f_partitions: WriteShareGroupStateResponsePartitionResult[] = readArray(r, true, 7, (er) => readWriteShareGroupStateResponsePartitionResult(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteShareGroupStateResponseWriteStateResult = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteShareGroupStateResponsePartitionResult(w: Writer, v: WriteShareGroupStateResponsePartitionResultInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteShareGroupStateResponsePartitionResult(r: Reader, version: number): WriteShareGroupStateResponsePartitionResult {
  const f_partition: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: WriteShareGroupStateResponsePartitionResult = { partition: f_partition, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeWriteShareGroupStateResponse(w: Writer, value: WriteShareGroupStateResponseInput, version: number): void {
  checkVersion("WriteShareGroupStateResponse", version, 0, 1);
  writeWriteShareGroupStateResponse(w, value, version);
}

export function decodeWriteShareGroupStateResponse(r: Reader, version: number): WriteShareGroupStateResponse {
  if (version < 0 || version > 1) r.fail(`WriteShareGroupStateResponse has no version ${version}`);
  return readWriteShareGroupStateResponse(r, version);
}
