// Generated from Kafka's clients/DeleteShareGroupOffsetsResponse.json by packages/protocol/generator. Do not edit.
// response 92, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteShareGroupOffsetsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  responses: DeleteShareGroupOffsetsResponseTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  responses: readonly DeleteShareGroupOffsetsResponseTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsResponseTopic {
  topicName: string; // versions 0+
  topicId: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteShareGroupOffsetsResponseTopicInput {
  topicName: string; // versions 0+
  topicId: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteShareGroupOffsetsResponse(): DeleteShareGroupOffsetsResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, responses: [] };
}

export function defaultDeleteShareGroupOffsetsResponseTopic(): DeleteShareGroupOffsetsResponseTopic {
  return { topicName: "", topicId: ZERO_UUID, errorCode: 0, errorMessage: null };
}

function writeDeleteShareGroupOffsetsResponse(w: Writer, v: DeleteShareGroupOffsetsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, true, nonNull(v_responses, "DeleteShareGroupOffsetsResponse", "responses", version), (ew, e) => writeDeleteShareGroupOffsetsResponseTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupOffsetsResponse(r: Reader, version: number): DeleteShareGroupOffsetsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_responses: DeleteShareGroupOffsetsResponseTopic[] = readArray(r, true, 20, (er) => readDeleteShareGroupOffsetsResponseTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupOffsetsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, responses: f_responses };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteShareGroupOffsetsResponseTopic(w: Writer, v: DeleteShareGroupOffsetsResponseTopicInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DeleteShareGroupOffsetsResponse", "topicName", version));
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readDeleteShareGroupOffsetsResponseTopic(r: Reader, version: number): DeleteShareGroupOffsetsResponseTopic {
  const f_topicName: string = r.compactString();
  const f_topicId: string = r.uuid();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: DeleteShareGroupOffsetsResponseTopic = { topicName: f_topicName, topicId: f_topicId, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteShareGroupOffsetsResponse(w: Writer, value: DeleteShareGroupOffsetsResponseInput, version: number): void {
  checkVersion("DeleteShareGroupOffsetsResponse", version, 0, 0);
  writeDeleteShareGroupOffsetsResponse(w, value, version);
}

export function decodeDeleteShareGroupOffsetsResponse(r: Reader, version: number): DeleteShareGroupOffsetsResponse {
  if (version < 0 || version > 0) r.fail(`DeleteShareGroupOffsetsResponse has no version ${version}`);
  return readDeleteShareGroupOffsetsResponse(r, version);
}
