// Generated from Kafka's clients/AlterPartitionReassignmentsResponse.json by packages/protocol/generator. Do not edit.
// response 45, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterPartitionReassignmentsResponse {
  throttleTimeMs: number; // versions 0+
  allowReplicationFactorChange: boolean; // versions 1+, ignorable
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  responses: AlterPartitionReassignmentsResponseReassignableTopicResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseInput {
  throttleTimeMs: number; // versions 0+
  allowReplicationFactorChange?: boolean; // versions 1+, ignorable
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  responses: readonly AlterPartitionReassignmentsResponseReassignableTopicResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignableTopicResponse {
  name: string; // versions 0+
  partitions: AlterPartitionReassignmentsResponseReassignablePartitionResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignableTopicResponseInput {
  name: string; // versions 0+
  partitions: readonly AlterPartitionReassignmentsResponseReassignablePartitionResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsResponseReassignablePartitionResponseInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsResponse(): AlterPartitionReassignmentsResponse {
  return { throttleTimeMs: 0, allowReplicationFactorChange: true, errorCode: 0, errorMessage: "", responses: [] };
}

export function defaultAlterPartitionReassignmentsResponseReassignableTopicResponse(): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  return { name: "", partitions: [] };
}

export function defaultAlterPartitionReassignmentsResponseReassignablePartitionResponse(): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  return { partitionIndex: 0, errorCode: 0, errorMessage: "" };
}

function writeAlterPartitionReassignmentsResponse(w: Writer, v: AlterPartitionReassignmentsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_allowReplicationFactorChange = v.allowReplicationFactorChange === undefined ? true : v.allowReplicationFactorChange;
  if (version >= 1) {
    w.bool(v_allowReplicationFactorChange);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, true, nonNull(v_responses, "AlterPartitionReassignmentsResponse", "responses", version), (ew, e) => writeAlterPartitionReassignmentsResponseReassignableTopicResponse(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionReassignmentsResponse(r: Reader, version: number): AlterPartitionReassignmentsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_allowReplicationFactorChange: boolean = version >= 1 ? r.bool() : true;
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_responses: AlterPartitionReassignmentsResponseReassignableTopicResponse[] = readArray(r, true, 2, (er) => readAlterPartitionReassignmentsResponseReassignableTopicResponse(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionReassignmentsResponse = { throttleTimeMs: f_throttleTimeMs, allowReplicationFactorChange: f_allowReplicationFactorChange, errorCode: f_errorCode, errorMessage: f_errorMessage, responses: f_responses };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionReassignmentsResponseReassignableTopicResponse(w: Writer, v: AlterPartitionReassignmentsResponseReassignableTopicResponseInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "AlterPartitionReassignmentsResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AlterPartitionReassignmentsResponse", "partitions", version), (ew, e) => writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionReassignmentsResponseReassignableTopicResponse(r: Reader, version: number): AlterPartitionReassignmentsResponseReassignableTopicResponse {
  const f_name: string = r.compactString();
  const f_partitions: AlterPartitionReassignmentsResponseReassignablePartitionResponse[] = readArray(r, true, 7, (er) => readAlterPartitionReassignmentsResponseReassignablePartitionResponse(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionReassignmentsResponseReassignableTopicResponse = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionReassignmentsResponseReassignablePartitionResponse(w: Writer, v: AlterPartitionReassignmentsResponseReassignablePartitionResponseInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionReassignmentsResponseReassignablePartitionResponse(r: Reader, version: number): AlterPartitionReassignmentsResponseReassignablePartitionResponse {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: AlterPartitionReassignmentsResponseReassignablePartitionResponse = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterPartitionReassignmentsResponse(w: Writer, value: AlterPartitionReassignmentsResponseInput, version: number): void {
  checkVersion("AlterPartitionReassignmentsResponse", version, 0, 1);
  writeAlterPartitionReassignmentsResponse(w, value, version);
}

export function decodeAlterPartitionReassignmentsResponse(r: Reader, version: number): AlterPartitionReassignmentsResponse {
  if (version < 0 || version > 1) r.fail(`AlterPartitionReassignmentsResponse has no version ${version}`);
  return readAlterPartitionReassignmentsResponse(r, version);
}
