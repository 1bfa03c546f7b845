// Generated from Kafka's clients/CreatePartitionsResponse.json by packages/protocol/generator. Do not edit.
// response 37, versions 0-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface CreatePartitionsResponse {
  throttleTimeMs: number; // versions 0+
  results: CreatePartitionsResponseCreatePartitionsTopicResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsResponseInput {
  throttleTimeMs: number; // versions 0+
  results: readonly CreatePartitionsResponseCreatePartitionsTopicResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsResponseCreatePartitionsTopicResult {
  name: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsResponseCreatePartitionsTopicResultInput {
  name: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsResponse(): CreatePartitionsResponse {
  return { throttleTimeMs: 0, results: [] };
}

export function defaultCreatePartitionsResponseCreatePartitionsTopicResult(): CreatePartitionsResponseCreatePartitionsTopicResult {
  return { name: "", errorCode: 0, errorMessage: null };
}

function writeCreatePartitionsResponse(w: Writer, v: CreatePartitionsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, version >= 2, nonNull(v_results, "CreatePartitionsResponse", "results", version), (ew, e) => writeCreatePartitionsResponseCreatePartitionsTopicResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreatePartitionsResponse(r: Reader, version: number): CreatePartitionsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_results: CreatePartitionsResponseCreatePartitionsTopicResult[] = readArray(r, version >= 2, 4, (er) => readCreatePartitionsResponseCreatePartitionsTopicResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreatePartitionsResponse = { throttleTimeMs: f_throttleTimeMs, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreatePartitionsResponseCreatePartitionsTopicResult(w: Writer, v: CreatePartitionsResponseCreatePartitionsTopicResultInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 2) w.compactString(nonNull(v_name, "CreatePartitionsResponse", "name", version));
  else w.string(nonNull(v_name, "CreatePartitionsResponse", "name", version));
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreatePartitionsResponseCreatePartitionsTopicResult(r: Reader, version: number): CreatePartitionsResponseCreatePartitionsTopicResult {
  const f_name: string = (version >= 2 ? r.compactString() : r.string());
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreatePartitionsResponseCreatePartitionsTopicResult = { name: f_name, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreatePartitionsResponse(w: Writer, value: CreatePartitionsResponseInput, version: number): void {
  checkVersion("CreatePartitionsResponse", version, 0, 3);
  writeCreatePartitionsResponse(w, value, version);
}

export function decodeCreatePartitionsResponse(r: Reader, version: number): CreatePartitionsResponse {
  if (version < 0 || version > 3) r.fail(`CreatePartitionsResponse has no version ${version}`);
  return readCreatePartitionsResponse(r, version);
}
