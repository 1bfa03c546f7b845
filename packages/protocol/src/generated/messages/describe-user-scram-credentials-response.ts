// Generated from Kafka's clients/DescribeUserScramCredentialsResponse.json by packages/protocol/generator. Do not edit.
// response 50, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeUserScramCredentialsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  results: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  results: readonly DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  user: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  credentialInfos: DescribeUserScramCredentialsResponseCredentialInfo[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResultInput {
  user: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  credentialInfos: readonly DescribeUserScramCredentialsResponseCredentialInfoInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseCredentialInfo {
  mechanism: number; // versions 0+
  iterations: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsResponseCredentialInfoInput {
  mechanism: number; // versions 0+
  iterations: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsResponse(): DescribeUserScramCredentialsResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "", results: [] };
}

export function defaultDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  return { user: "", errorCode: 0, errorMessage: "", credentialInfos: [] };
}

export function defaultDescribeUserScramCredentialsResponseCredentialInfo(): DescribeUserScramCredentialsResponseCredentialInfo {
  return { mechanism: 0, iterations: 0 };
}

function writeDescribeUserScramCredentialsResponse(w: Writer, v: DescribeUserScramCredentialsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, true, nonNull(v_results, "DescribeUserScramCredentialsResponse", "results", version), (ew, e) => writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeUserScramCredentialsResponse(r: Reader, version: number): DescribeUserScramCredentialsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_results: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult[] = readArray(r, true, 5, (er) => readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeUserScramCredentialsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(w: Writer, v: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResultInput, version: number): void {
  const v_user = v.user === undefined ? "" : v.user;
  w.compactString(nonNull(v_user, "DescribeUserScramCredentialsResponse", "user", version));
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_credentialInfos = v.credentialInfos === undefined ? [] : v.credentialInfos;
  writeArray(w, true, nonNull(v_credentialInfos, "DescribeUserScramCredentialsResponse", "credentialInfos", version), (ew, e) => writeDescribeUserScramCredentialsResponseCredentialInfo(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult(r: Reader, version: number): DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult {
  const f_user: string = r.compactString();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_credentialInfos: DescribeUserScramCredentialsResponseCredentialInfo[] = readArray(r, true, 5, (er) => readDescribeUserScramCredentialsResponseCredentialInfo(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeUserScramCredentialsResponseDescribeUserScramCredentialsResult = { user: f_user, errorCode: f_errorCode, errorMessage: f_errorMessage, credentialInfos: f_credentialInfos };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeUserScramCredentialsResponseCredentialInfo(w: Writer, v: DescribeUserScramCredentialsResponseCredentialInfoInput, version: number): void {
  const v_mechanism = v.mechanism === undefined ? 0 : v.mechanism;
  w.int8(v_mechanism);
  const v_iterations = v.iterations === undefined ? 0 : v.iterations;
  w.int32(v_iterations);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeUserScramCredentialsResponseCredentialInfo(r: Reader, version: number): DescribeUserScramCredentialsResponseCredentialInfo {
  const f_mechanism: number = r.int8();
  const f_iterations: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: DescribeUserScramCredentialsResponseCredentialInfo = { mechanism: f_mechanism, iterations: f_iterations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeUserScramCredentialsResponse(w: Writer, value: DescribeUserScramCredentialsResponseInput, version: number): void {
  checkVersion("DescribeUserScramCredentialsResponse", version, 0, 0);
  writeDescribeUserScramCredentialsResponse(w, value, version);
}

export function decodeDescribeUserScramCredentialsResponse(r: Reader, version: number): DescribeUserScramCredentialsResponse {
  if (version < 0 || version > 0) r.fail(`DescribeUserScramCredentialsResponse has no version ${version}`);
  return readDescribeUserScramCredentialsResponse(r, version);
}
