// Generated from Kafka's clients/DeleteShareGroupStateResponse.json by packages/protocol/generator. Do not edit.
// response 86, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteShareGroupStateResponse {
  results: DeleteShareGroupStateResponseDeleteStateResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponseInput {
  results: readonly DeleteShareGroupStateResponseDeleteStateResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponseDeleteStateResult {
  topicId: string; // versions 0+
  partitions: DeleteShareGroupStateResponsePartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponseDeleteStateResultInput {
  topicId: string; // versions 0+
  partitions: readonly DeleteShareGroupStateResponsePartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponsePartitionResult {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupStateResponsePartitionResultInput {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupStateResponse(): DeleteShareGroupStateResponse {
  return { results: [] };
}

export function defaultDeleteShareGroupStateResponseDeleteStateResult(): DeleteShareGroupStateResponseDeleteStateResult {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultDeleteShareGroupStateResponsePartitionResult(): DeleteShareGroupStateResponsePartitionResult {
  return { partition: 0, errorCode: 0, errorMessage: null };
}

function writeDeleteShareGroupStateResponse(w: Writer, v: DeleteShareGroupStateResponseInput, version: number): void {
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, true, nonNull(v_results, "DeleteShareGroupStateResponse", "results", version), (ew, e) => writeDeleteShareGroupStateResponseDeleteStateResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupStateResponse(r: Reader, version: number): DeleteShareGroupStateResponse {
  const f_results: DeleteShareGroupStateResponseDeleteStateResult[] = readArray(r, true, 17, (er) => readDeleteShareGroupStateResponseDeleteStateResult(er, version));
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupStateResponse = { results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteShareGroupStateResponseDeleteStateResult(w: Writer, v: DeleteShareGroupStateResponseDeleteStateResultInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DeleteShareGroupStateResponse", "partitions", version), (ew, e) => writeDeleteShareGroupStateResponsePartitionResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupStateResponseDeleteStateResult(r: Reader, version: number): DeleteShareGroupStateResponseDeleteStateResult {
  const f_topicId: string = r.uuid();
  const f_partitions: DeleteShareGroupStateResponsePartitionResult[] = readArray(r, true, 7, (er) => readDeleteShareGroupStateResponsePartitionResult(er, version));
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupStateResponseDeleteStateResult = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteShareGroupStateResponsePartitionResult(w: Writer, v: DeleteShareGroupStateResponsePartitionResultInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupStateResponsePartitionResult(r: Reader, version: number): DeleteShareGroupStateResponsePartitionResult {
  const f_partition: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupStateResponsePartitionResult = { partition: f_partition, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteShareGroupStateResponse(w: Writer, value: DeleteShareGroupStateResponseInput, version: number): void {
  checkVersion("DeleteShareGroupStateResponse", version, 0, 0);
  writeDeleteShareGroupStateResponse(w, value, version);
}

export function decodeDeleteShareGroupStateResponse(r: Reader, version: number): DeleteShareGroupStateResponse {
  if (version < 0 || version > 0) r.fail(`DeleteShareGroupStateResponse has no version ${version}`);
  return readDeleteShareGroupStateResponse(r, version);
}
