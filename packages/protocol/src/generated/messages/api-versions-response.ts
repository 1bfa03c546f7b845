// Generated from Kafka's clients/ApiVersionsResponse.json by packages/protocol/generator. Do not edit.
// response 18, versions 0-4, flexible 3-4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, taggedValue, writeArray } from '../../primitives/codec-support.ts';

export interface ApiVersionsResponse {
  errorCode: number; // versions 0+
  apiKeys: ApiVersionsResponseApiVersion[]; // versions 0+
  throttleTimeMs: number; // versions 1+, ignorable
  supportedFeatures: ApiVersionsResponseSupportedFeatureKey[]; // versions 3+, tag 0 in 3+, ignorable
  finalizedFeaturesEpoch: bigint; // versions 3+, tag 1 in 3+, ignorable
  finalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[]; // versions 3+, tag 2 in 3+, ignorable
  zkMigrationReady: boolean; // versions 3+, tag 3 in 3+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseInput {
  errorCode: number; // versions 0+
  apiKeys: readonly ApiVersionsResponseApiVersionInput[]; // versions 0+
  throttleTimeMs?: number; // versions 1+, ignorable
  supportedFeatures?: readonly ApiVersionsResponseSupportedFeatureKeyInput[]; // versions 3+, tag 0 in 3+, ignorable
  finalizedFeaturesEpoch?: bigint; // versions 3+, tag 1 in 3+, ignorable
  finalizedFeatures?: readonly ApiVersionsResponseFinalizedFeatureKeyInput[]; // versions 3+, tag 2 in 3+, ignorable
  zkMigrationReady?: boolean; // versions 3+, tag 3 in 3+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseApiVersion {
  apiKey: number; // versions 0+
  minVersion: number; // versions 0+
  maxVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseApiVersionInput {
  apiKey: number; // versions 0+
  minVersion: number; // versions 0+
  maxVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseSupportedFeatureKey {
  name: string; // versions 3+
  minVersion: number; // versions 3+
  maxVersion: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseSupportedFeatureKeyInput {
  name: string; // versions 3+
  minVersion: number; // versions 3+
  maxVersion: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseFinalizedFeatureKey {
  name: string; // versions 3+
  maxVersionLevel: number; // versions 3+
  minVersionLevel: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface ApiVersionsResponseFinalizedFeatureKeyInput {
  name: string; // versions 3+
  maxVersionLevel: number; // versions 3+
  minVersionLevel: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultApiVersionsResponse(): ApiVersionsResponse {
  return { errorCode: 0, apiKeys: [], throttleTimeMs: 0, supportedFeatures: [], finalizedFeaturesEpoch: -1n, finalizedFeatures: [], zkMigrationReady: false };
}

export function defaultApiVersionsResponseApiVersion(): ApiVersionsResponseApiVersion {
  return { apiKey: 0, minVersion: 0, maxVersion: 0 };
}

export function defaultApiVersionsResponseSupportedFeatureKey(): ApiVersionsResponseSupportedFeatureKey {
  return { name: "", minVersion: 0, maxVersion: 0 };
}

export function defaultApiVersionsResponseFinalizedFeatureKey(): ApiVersionsResponseFinalizedFeatureKey {
  return { name: "", maxVersionLevel: 0, minVersionLevel: 0 };
}

function writeApiVersionsResponse(w: Writer, v: ApiVersionsResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_apiKeys = v.apiKeys === undefined ? [] : v.apiKeys;
  writeArray(w, version >= 3, nonNull(v_apiKeys, "ApiVersionsResponse", "apiKeys", version), (ew, e) => writeApiVersionsResponseApiVersion(ew, e, version));
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 1) {
    w.int32(v_throttleTimeMs);
  }
  if (version >= 3) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.supportedFeatures !== undefined && (v.supportedFeatures === null || v.supportedFeatures.length > 0)) {
      const x = v.supportedFeatures!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        writeArray(tw, true, nonNull(x, "ApiVersionsResponse", "supportedFeatures", version), (ew, e) => writeApiVersionsResponseSupportedFeatureKey(ew, e, version));
      }));
    }
    if (v.finalizedFeaturesEpoch !== undefined && v.finalizedFeaturesEpoch !== -1n) {
      const x = v.finalizedFeaturesEpoch!;
      (tagged ??= []).push(taggedValue(1, (tw) => {
        tw.int64(x);
      }));
    }
    if (v.finalizedFeatures !== undefined && (v.finalizedFeatures === null || v.finalizedFeatures.length > 0)) {
      const x = v.finalizedFeatures!;
      (tagged ??= []).push(taggedValue(2, (tw) => {
        writeArray(tw, true, nonNull(x, "ApiVersionsResponse", "finalizedFeatures", version), (ew, e) => writeApiVersionsResponseFinalizedFeatureKey(ew, e, version));
      }));
    }
    if (v.zkMigrationReady !== undefined && v.zkMigrationReady !== false) {
      const x = v.zkMigrationReady!;
      (tagged ??= []).push(taggedValue(3, (tw) => {
        tw.bool(x);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  const f_errorCode: number = r.int16();
  const f_apiKeys: ApiVersionsResponseApiVersion[] = readArray(r, version >= 3, 6, (er) => readApiVersionsResponseApiVersion(er, version));
  const f_throttleTimeMs: number = version >= 1 ? r.int32() : 0;
  let f_supportedFeatures: ApiVersionsResponseSupportedFeatureKey[] = [];
  let f_finalizedFeaturesEpoch: bigint = -1n;
  let f_finalizedFeatures: ApiVersionsResponseFinalizedFeatureKey[] = [];
  let f_zkMigrationReady: boolean = false;
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_supportedFeatures = readArray(tr, true, 1, (er) => readApiVersionsResponseSupportedFeatureKey(er, version));
          return true;
        case 1:
          f_finalizedFeaturesEpoch = tr.int64();
          return true;
        case 2:
          f_finalizedFeatures = readArray(tr, true, 1, (er) => readApiVersionsResponseFinalizedFeatureKey(er, version));
          return true;
        case 3:
          f_zkMigrationReady = tr.bool();
          return true;
        default:
          return false;
      }
    });
  }
  const value: ApiVersionsResponse = { errorCode: f_errorCode, apiKeys: f_apiKeys, throttleTimeMs: f_throttleTimeMs, supportedFeatures: f_supportedFeatures, finalizedFeaturesEpoch: f_finalizedFeaturesEpoch, finalizedFeatures: f_finalizedFeatures, zkMigrationReady: f_zkMigrationReady };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeApiVersionsResponseApiVersion(w: Writer, v: ApiVersionsResponseApiVersionInput, version: number): void {
  const v_apiKey = v.apiKey === undefined ? 0 : v.apiKey;
  w.int16(v_apiKey);
  const v_minVersion = v.minVersion === undefined ? 0 : v.minVersion;
  w.int16(v_minVersion);
  const v_maxVersion = v.maxVersion === undefined ? 0 : v.maxVersion;
  w.int16(v_maxVersion);
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readApiVersionsResponseApiVersion(r: Reader, version: number): ApiVersionsResponseApiVersion {
  const f_apiKey: number = r.int16();
  const f_minVersion: number = r.int16();
  const f_maxVersion: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: ApiVersionsResponseApiVersion = { apiKey: f_apiKey, minVersion: f_minVersion, maxVersion: f_maxVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeApiVersionsResponseSupportedFeatureKey(w: Writer, v: ApiVersionsResponseSupportedFeatureKeyInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "ApiVersionsResponse", "name", version));
  const v_minVersion = v.minVersion === undefined ? 0 : v.minVersion;
  w.int16(v_minVersion);
  const v_maxVersion = v.maxVersion === undefined ? 0 : v.maxVersion;
  w.int16(v_maxVersion);
  w.taggedFields(v._unknownTaggedFields);
}

function readApiVersionsResponseSupportedFeatureKey(r: Reader, version: number): ApiVersionsResponseSupportedFeatureKey {
  const f_name: string = r.compactString();
  const f_minVersion: number = r.int16();
  const f_maxVersion: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: ApiVersionsResponseSupportedFeatureKey = { name: f_name, minVersion: f_minVersion, maxVersion: f_maxVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeApiVersionsResponseFinalizedFeatureKey(w: Writer, v: ApiVersionsResponseFinalizedFeatureKeyInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "ApiVersionsResponse", "name", version));
  const v_maxVersionLevel = v.maxVersionLevel === undefined ? 0 : v.maxVersionLevel;
  w.int16(v_maxVersionLevel);
  const v_minVersionLevel = v.minVersionLevel === undefined ? 0 : v.minVersionLevel;
  w.int16(v_minVersionLevel);
  w.taggedFields(v._unknownTaggedFields);
}

function readApiVersionsResponseFinalizedFeatureKey(r: Reader, version: number): ApiVersionsResponseFinalizedFeatureKey {
  const f_name: string = r.compactString();
  const f_maxVersionLevel: number = r.int16();
  const f_minVersionLevel: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: ApiVersionsResponseFinalizedFeatureKey = { name: f_name, maxVersionLevel: f_maxVersionLevel, minVersionLevel: f_minVersionLevel };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeApiVersionsResponse(w: Writer, value: ApiVersionsResponseInput, version: number): void {
  checkVersion("ApiVersionsResponse", version, 0, 4);
  writeApiVersionsResponse(w, value, version);
}

export function decodeApiVersionsResponse(r: Reader, version: number): ApiVersionsResponse {
  if (version < 0 || version > 4) r.fail(`ApiVersionsResponse has no version ${version}`);
  return readApiVersionsResponse(r, version);
}
