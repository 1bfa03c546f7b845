// Generated from Kafka's clients/DeleteTopicsResponse.json by packages/protocol/generator. Do not edit.
// response 20, versions 1-6, flexible 4-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteTopicsResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  responses: DeleteTopicsResponseDeletableTopicResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsResponseInput {
  throttleTimeMs: number; // versions 1+, ignorable
  responses: readonly DeleteTopicsResponseDeletableTopicResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsResponseDeletableTopicResult {
  name: string | null; // versions 0+, nullable 6+
  topicId: string; // versions 6+, ignorable
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 5+, nullable 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteTopicsResponseDeletableTopicResultInput {
  name: string | null; // versions 0+, nullable 6+
  topicId?: string; // versions 6+, ignorable
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 5+, nullable 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteTopicsResponse(): DeleteTopicsResponse {
  return { throttleTimeMs: 0, responses: [] };
}

export function defaultDeleteTopicsResponseDeletableTopicResult(): DeleteTopicsResponseDeletableTopicResult {
  return { name: "", topicId: ZERO_UUID, errorCode: 0, errorMessage: null };
}

function writeDeleteTopicsResponse(w: Writer, v: DeleteTopicsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, version >= 4, nonNull(v_responses, "DeleteTopicsResponse", "responses", version), (ew, e) => writeDeleteTopicsResponseDeletableTopicResult(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteTopicsResponse(r: Reader, version: number): DeleteTopicsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_responses: DeleteTopicsResponseDeletableTopicResult[] = readArray(r, version >= 4, 3, (er) => readDeleteTopicsResponseDeletableTopicResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteTopicsResponse = { throttleTimeMs: f_throttleTimeMs, responses: f_responses };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteTopicsResponseDeletableTopicResult(w: Writer, v: DeleteTopicsResponseDeletableTopicResultInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 6) {
    if (version >= 4) w.compactNullableString(v_name);
    else w.nullableString(v_name);
  } else {
    if (version >= 4) w.compactString(nonNull(v_name, "DeleteTopicsResponse", "name", version));
    else w.string(nonNull(v_name, "DeleteTopicsResponse", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 6) {
    w.uuid(v_topicId);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  if (version >= 5) {
    w.compactNullableString(v_errorMessage);
  }
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteTopicsResponseDeletableTopicResult(r: Reader, version: number): DeleteTopicsResponseDeletableTopicResult {
  const f_name: string | null = (version >= 4 ? (version >= 6 ? r.compactNullableString() : r.compactString()) : (version >= 6 ? r.nullableString() : r.string()));
  const f_topicId: string = version >= 6 ? r.uuid() : ZERO_UUID;
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = version >= 5 ? r.compactNullableString() : null;
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteTopicsResponseDeletableTopicResult = { name: f_name, topicId: f_topicId, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteTopicsResponse(w: Writer, value: DeleteTopicsResponseInput, version: number): void {
  checkVersion("DeleteTopicsResponse", version, 1, 6);
  writeDeleteTopicsResponse(w, value, version);
}

export function decodeDeleteTopicsResponse(r: Reader, version: number): DeleteTopicsResponse {
  if (version < 1 || version > 6) r.fail(`DeleteTopicsResponse has no version ${version}`);
  return readDeleteTopicsResponse(r, version);
}
