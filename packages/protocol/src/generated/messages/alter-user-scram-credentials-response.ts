// Generated from Kafka's clients/AlterUserScramCredentialsResponse.json by packages/protocol/generator. Do not edit.
// response 51, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterUserScramCredentialsResponse {
  throttleTimeMs: number; // versions 0+
  results: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsResponseInput {
  throttleTimeMs: number; // versions 0+
  results: readonly AlterUserScramCredentialsResponseAlterUserScramCredentialsResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  user: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsResponseAlterUserScramCredentialsResultInput {
  user: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterUserScramCredentialsResponse(): AlterUserScramCredentialsResponse {
  return { throttleTimeMs: 0, results: [] };
}

export function defaultAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(): AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  return { user: "", errorCode: 0, errorMessage: "" };
}

function writeAlterUserScramCredentialsResponse(w: Writer, v: AlterUserScramCredentialsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, true, nonNull(v_results, "AlterUserScramCredentialsResponse", "results", version), (ew, e) => writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterUserScramCredentialsResponse(r: Reader, version: number): AlterUserScramCredentialsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_results: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult[] = readArray(r, true, 4, (er) => readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterUserScramCredentialsResponse = { throttleTimeMs: f_throttleTimeMs, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(w: Writer, v: AlterUserScramCredentialsResponseAlterUserScramCredentialsResultInput, version: number): void {
  const v_user = v.user === undefined ? "" : v.user;
  w.compactString(nonNull(v_user, "AlterUserScramCredentialsResponse", "user", version));
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterUserScramCredentialsResponseAlterUserScramCredentialsResult(r: Reader, version: number): AlterUserScramCredentialsResponseAlterUserScramCredentialsResult {
  const f_user: string = r.compactString();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: AlterUserScramCredentialsResponseAlterUserScramCredentialsResult = { user: f_user, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterUserScramCredentialsResponse(w: Writer, value: AlterUserScramCredentialsResponseInput, version: number): void {
  checkVersion("AlterUserScramCredentialsResponse", version, 0, 0);
  writeAlterUserScramCredentialsResponse(w, value, version);
}

export function decodeAlterUserScramCredentialsResponse(r: Reader, version: number): AlterUserScramCredentialsResponse {
  if (version < 0 || version > 0) r.fail(`AlterUserScramCredentialsResponse has no version ${version}`);
  return readAlterUserScramCredentialsResponse(r, version);
}
