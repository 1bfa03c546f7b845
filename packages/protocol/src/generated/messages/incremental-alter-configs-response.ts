// Generated from Kafka's clients/IncrementalAlterConfigsResponse.json by packages/protocol/generator. Do not edit.
// response 44, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface IncrementalAlterConfigsResponse {
  throttleTimeMs: number; // versions 0+
  responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsResponseInput {
  throttleTimeMs: number; // versions 0+
  responses: readonly IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsResponse(): IncrementalAlterConfigsResponse {
  return { throttleTimeMs: 0, responses: [] };
}

export function defaultIncrementalAlterConfigsResponseAlterConfigsResourceResponse(): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  return { errorCode: 0, errorMessage: "", resourceType: 0, resourceName: "" };
}

function writeIncrementalAlterConfigsResponse(w: Writer, v: IncrementalAlterConfigsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, version >= 1, nonNull(v_responses, "IncrementalAlterConfigsResponse", "responses", version), (ew, e) => writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readIncrementalAlterConfigsResponse(r: Reader, version: number): IncrementalAlterConfigsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[] = readArray(r, version >= 1, 5, (er) => readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: IncrementalAlterConfigsResponse = { throttleTimeMs: f_throttleTimeMs, responses: f_responses };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeIncrementalAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, v: IncrementalAlterConfigsResponseAlterConfigsResourceResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 1) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 1) w.compactString(nonNull(v_resourceName, "IncrementalAlterConfigsResponse", "resourceName", version));
  else w.string(nonNull(v_resourceName, "IncrementalAlterConfigsResponse", "resourceName", version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readIncrementalAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, version: number): IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 1 ? r.compactString() : r.string());
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: IncrementalAlterConfigsResponseAlterConfigsResourceResponse = { errorCode: f_errorCode, errorMessage: f_errorMessage, resourceType: f_resourceType, resourceName: f_resourceName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeIncrementalAlterConfigsResponse(w: Writer, value: IncrementalAlterConfigsResponseInput, version: number): void {
  checkVersion("IncrementalAlterConfigsResponse", version, 0, 1);
  writeIncrementalAlterConfigsResponse(w, value, version);
}

export function decodeIncrementalAlterConfigsResponse(r: Reader, version: number): IncrementalAlterConfigsResponse {
  if (version < 0 || version > 1) r.fail(`IncrementalAlterConfigsResponse has no version ${version}`);
  return readIncrementalAlterConfigsResponse(r, version);
}
