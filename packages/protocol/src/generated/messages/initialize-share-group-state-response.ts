// Generated from Kafka's clients/InitializeShareGroupStateResponse.json by packages/protocol/generator. Do not edit.
// response 83, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface InitializeShareGroupStateResponse {
  results: InitializeShareGroupStateResponseInitializeStateResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponseInput {
  results: readonly InitializeShareGroupStateResponseInitializeStateResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponseInitializeStateResult {
  topicId: string; // versions 0+
  partitions: InitializeShareGroupStateResponsePartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponseInitializeStateResultInput {
  topicId: string; // versions 0+
  partitions: readonly InitializeShareGroupStateResponsePartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponsePartitionResult {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitializeShareGroupStateResponsePartitionResultInput {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultInitializeShareGroupStateResponse(): InitializeShareGroupStateResponse {
  return { results: [] };
}

export function defaultInitializeShareGroupStateResponseInitializeStateResult(): InitializeShareGroupStateResponseInitializeStateResult {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultInitializeShareGroupStateResponsePartitionResult(): InitializeShareGroupStateResponsePartitionResult {
  return { partition: 0, errorCode: 0, errorMessage: null };
}

function writeInitializeShareGroupStateResponse(w: Writer, v: InitializeShareGroupStateResponseInput, version: number): void {
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, true, nonNull(v_results, "InitializeShareGroupStateResponse", "results", version), (ew, e) => writeInitializeShareGroupStateResponseInitializeStateResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readInitializeShareGroupStateResponse(r: Reader, version: number): InitializeShareGroupStateResponse {
  const f_results: InitializeShareGroupStateResponseInitializeStateResult[] = readArray(r, true, 17, (er) => readInitializeShareGroupStateResponseInitializeStateResult(er, version));
  const unknown = r.taggedFields(null);
  const value: InitializeShareGroupStateResponse = { results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeInitializeShareGroupStateResponseInitializeStateResult(w: Writer, v: InitializeShareGroupStateResponseInitializeStateResultInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "InitializeShareGroupStateResponse", "partitions", version), (ew, e) => writeInitializeShareGroupStateResponsePartitionResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readInitializeShareGroupStateResponseInitializeStateResult(r: Reader, version: number): InitializeShareGroupStateResponseInitializeStateResult {
  const f_topicId: string = r.uuid();
  const f_partitions: InitializeShareGroupStateResponsePartitionResult[] = readArray(r, true, 7, (er) => readInitializeShareGroupStateResponsePartitionResult(er, version));
  const unknown = r.taggedFields(null);
  const value: InitializeShareGroupStateResponseInitializeStateResult = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeInitializeShareGroupStateResponsePartitionResult(w: Writer, v: InitializeShareGroupStateResponsePartitionResultInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readInitializeShareGroupStateResponsePartitionResult(r: Reader, version: number): InitializeShareGroupStateResponsePartitionResult {
  const f_partition: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: InitializeShareGroupStateResponsePartitionResult = { partition: f_partition, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeInitializeShareGroupStateResponse(w: Writer, value: InitializeShareGroupStateResponseInput, version: number): void {
  checkVersion("InitializeShareGroupStateResponse", version, 0, 0);
  writeInitializeShareGroupStateResponse(w, value, version);
}

export function decodeInitializeShareGroupStateResponse(r: Reader, version: number): InitializeShareGroupStateResponse {
  if (version < 0 || version > 0) r.fail(`InitializeShareGroupStateResponse has no version ${version}`);
  return readInitializeShareGroupStateResponse(r, version);
}
