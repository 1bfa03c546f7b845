// Generated from Kafka's clients/CreateAclsResponse.json by packages/protocol/generator. Do not edit.
// response 30, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface CreateAclsResponse {
  throttleTimeMs: number; // versions 0+
  results: CreateAclsResponseAclCreationResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsResponseInput {
  throttleTimeMs: number; // versions 0+
  results: readonly CreateAclsResponseAclCreationResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsResponseAclCreationResult {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsResponseAclCreationResultInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsResponse(): CreateAclsResponse {
  return { throttleTimeMs: 0, results: [] };
}

export function defaultCreateAclsResponseAclCreationResult(): CreateAclsResponseAclCreationResult {
  return { errorCode: 0, errorMessage: "" };
}

function writeCreateAclsResponse(w: Writer, v: CreateAclsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, version >= 2, nonNull(v_results, "CreateAclsResponse", "results", version), (ew, e) => writeCreateAclsResponseAclCreationResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateAclsResponse(r: Reader, version: number): CreateAclsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_results: CreateAclsResponseAclCreationResult[] = readArray(r, version >= 2, 3, (er) => readCreateAclsResponseAclCreationResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreateAclsResponse = { throttleTimeMs: f_throttleTimeMs, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateAclsResponseAclCreationResult(w: Writer, v: CreateAclsResponseAclCreationResultInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateAclsResponseAclCreationResult(r: Reader, version: number): CreateAclsResponseAclCreationResult {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreateAclsResponseAclCreationResult = { errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreateAclsResponse(w: Writer, value: CreateAclsResponseInput, version: number): void {
  checkVersion("CreateAclsResponse", version, 1, 3);
  writeCreateAclsResponse(w, value, version);
}

export function decodeCreateAclsResponse(r: Reader, version: number): CreateAclsResponse {
  if (version < 1 || version > 3) r.fail(`CreateAclsResponse has no version ${version}`);
  return readCreateAclsResponse(r, version);
}
