// Generated from Kafka's clients/UpdateFeaturesResponse.json by packages/protocol/generator. Do not edit.
// response 57, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface UpdateFeaturesResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  results: UpdateFeaturesResponseUpdatableFeatureResult[]; // versions 0-1, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  results?: readonly UpdateFeaturesResponseUpdatableFeatureResultInput[]; // versions 0-1, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesResponseUpdatableFeatureResult {
  feature: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesResponseUpdatableFeatureResultInput {
  feature: string; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesResponse(): UpdateFeaturesResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "", results: [] };
}

export function defaultUpdateFeaturesResponseUpdatableFeatureResult(): UpdateFeaturesResponseUpdatableFeatureResult {
  return { feature: "", errorCode: 0, errorMessage: "" };
}

function writeUpdateFeaturesResponse(w: Writer, v: UpdateFeaturesResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_results = v.results === undefined ? [] : v.results;
  if (version <= 1) {
    writeArray(w, true, nonNull(v_results, "UpdateFeaturesResponse", "results", version), (ew, e) => writeUpdateFeaturesResponseUpdatableFeatureResult(ew, e, version));
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateFeaturesResponse(r: Reader, version: number): UpdateFeaturesResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_results: UpdateFeaturesResponseUpdatableFeatureResult[] = version <= 1 ? readArray(r, true, 4, (er) => readUpdateFeaturesResponseUpdatableFeatureResult(er, version)) : [];
  const unknown = r.taggedFields(null);
  const value: UpdateFeaturesResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeUpdateFeaturesResponseUpdatableFeatureResult(w: Writer, v: UpdateFeaturesResponseUpdatableFeatureResultInput, version: number): void {
  const v_feature = v.feature === undefined ? "" : v.feature;
  w.compactString(nonNull(v_feature, "UpdateFeaturesResponse", "feature", version));
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateFeaturesResponseUpdatableFeatureResult(r: Reader, version: number): UpdateFeaturesResponseUpdatableFeatureResult {
  const f_feature: string = r.compactString();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: UpdateFeaturesResponseUpdatableFeatureResult = { feature: f_feature, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeUpdateFeaturesResponse(w: Writer, value: UpdateFeaturesResponseInput, version: number): void {
  checkVersion("UpdateFeaturesResponse", version, 0, 2);
  writeUpdateFeaturesResponse(w, value, version);
}

export function decodeUpdateFeaturesResponse(r: Reader, version: number): UpdateFeaturesResponse {
  if (version < 0 || version > 2) r.fail(`UpdateFeaturesResponse has no version ${version}`);
  return readUpdateFeaturesResponse(r, version);
}
