// Generated from Kafka's clients/AlterConfigsResponse.json by packages/protocol/generator. Do not edit.
// response 33, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterConfigsResponse {
  throttleTimeMs: number; // versions 0+
  responses: AlterConfigsResponseAlterConfigsResourceResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsResponseInput {
  throttleTimeMs: number; // versions 0+
  responses: readonly AlterConfigsResponseAlterConfigsResourceResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsResponseAlterConfigsResourceResponse {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsResponseAlterConfigsResourceResponseInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsResponse(): AlterConfigsResponse {
  return { throttleTimeMs: 0, responses: [] };
}

export function defaultAlterConfigsResponseAlterConfigsResourceResponse(): AlterConfigsResponseAlterConfigsResourceResponse {
  return { errorCode: 0, errorMessage: "", resourceType: 0, resourceName: "" };
}

function writeAlterConfigsResponse(w: Writer, v: AlterConfigsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, version >= 2, nonNull(v_responses, "AlterConfigsResponse", "responses", version), (ew, e) => writeAlterConfigsResponseAlterConfigsResourceResponse(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterConfigsResponse(r: Reader, version: number): AlterConfigsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_responses: AlterConfigsResponseAlterConfigsResourceResponse[] = readArray(r, version >= 2, 5, (er) => readAlterConfigsResponseAlterConfigsResourceResponse(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterConfigsResponse = { throttleTimeMs: f_throttleTimeMs, responses: f_responses };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterConfigsResponseAlterConfigsResourceResponse(w: Writer, v: AlterConfigsResponseAlterConfigsResourceResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 2) w.compactString(nonNull(v_resourceName, "AlterConfigsResponse", "resourceName", version));
  else w.string(nonNull(v_resourceName, "AlterConfigsResponse", "resourceName", version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterConfigsResponseAlterConfigsResourceResponse(r: Reader, version: number): AlterConfigsResponseAlterConfigsResourceResponse {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 2 ? r.compactString() : r.string());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterConfigsResponseAlterConfigsResourceResponse = { errorCode: f_errorCode, errorMessage: f_errorMessage, resourceType: f_resourceType, resourceName: f_resourceName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterConfigsResponse(w: Writer, value: AlterConfigsResponseInput, version: number): void {
  checkVersion("AlterConfigsResponse", version, 0, 2);
  writeAlterConfigsResponse(w, value, version);
}

export function decodeAlterConfigsResponse(r: Reader, version: number): AlterConfigsResponse {
  if (version < 0 || version > 2) r.fail(`AlterConfigsResponse has no version ${version}`);
  return readAlterConfigsResponse(r, version);
}
