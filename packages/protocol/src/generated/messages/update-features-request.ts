// Generated from Kafka's clients/UpdateFeaturesRequest.json by packages/protocol/generator. Do not edit.
// request 57, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface UpdateFeaturesRequest {
  timeoutMs: number; // versions 0+
  featureUpdates: UpdateFeaturesRequestFeatureUpdateKey[]; // versions 0+
  validateOnly: boolean; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesRequestInput {
  timeoutMs?: number; // versions 0+
  featureUpdates: readonly UpdateFeaturesRequestFeatureUpdateKeyInput[]; // versions 0+
  validateOnly?: boolean; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesRequestFeatureUpdateKey {
  feature: string; // versions 0+
  maxVersionLevel: number; // versions 0+
  allowDowngrade: boolean; // versions 0
  upgradeType: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateFeaturesRequestFeatureUpdateKeyInput {
  feature: string; // versions 0+
  maxVersionLevel: number; // versions 0+
  allowDowngrade?: boolean; // versions 0
  upgradeType?: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateFeaturesRequest(): UpdateFeaturesRequest {
  return { timeoutMs: 60000, featureUpdates: [], validateOnly: false };
}

export function defaultUpdateFeaturesRequestFeatureUpdateKey(): UpdateFeaturesRequestFeatureUpdateKey {
  return { feature: "", maxVersionLevel: 0, allowDowngrade: false, upgradeType: 1 };
}

function writeUpdateFeaturesRequest(w: Writer, v: UpdateFeaturesRequestInput, version: number): void {
  const v_timeoutMs = v.timeoutMs === undefined ? 60000 : v.timeoutMs;
  w.int32(v_timeoutMs);
  const v_featureUpdates = v.featureUpdates === undefined ? [] : v.featureUpdates;
  writeArray(w, true, nonNull(v_featureUpdates, "UpdateFeaturesRequest", "featureUpdates", version), (ew, e) => writeUpdateFeaturesRequestFeatureUpdateKey(ew, e, version));
  const v_validateOnly = v.validateOnly === undefined ? false : v.validateOnly;
  if (version >= 1) {
    w.bool(v_validateOnly);
  } else if (v.validateOnly !== undefined && v.validateOnly !== false) {
    unsupportedField("UpdateFeaturesRequest", "validateOnly", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateFeaturesRequest(r: Reader, version: number): UpdateFeaturesRequest {
  const f_timeoutMs: number = r.int32();
  const f_featureUpdates: UpdateFeaturesRequestFeatureUpdateKey[] = readArray(r, true, 3, (er) => readUpdateFeaturesRequestFeatureUpdateKey(er, version));
  const f_validateOnly: boolean = version >= 1 ? r.bool() : false;
  const unknown = r.taggedFields(null);
  const value: UpdateFeaturesRequest = { timeoutMs: f_timeoutMs, featureUpdates: f_featureUpdates, validateOnly: f_validateOnly };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeUpdateFeaturesRequestFeatureUpdateKey(w: Writer, v: UpdateFeaturesRequestFeatureUpdateKeyInput, version: number): void {
  const v_feature = v.feature === undefined ? "" : v.feature;
  w.compactString(nonNull(v_feature, "UpdateFeaturesRequest", "feature", version));
  const v_maxVersionLevel = v.maxVersionLevel === undefined ? 0 : v.maxVersionLevel;
  w.int16(v_maxVersionLevel);
  const v_allowDowngrade = v.allowDowngrade === undefined ? false : v.allowDowngrade;
  if (version <= 0) {
    w.bool(v_allowDowngrade);
  } else if (v.allowDowngrade !== undefined && v.allowDowngrade !== false) {
    unsupportedField("UpdateFeaturesRequest", "allowDowngrade", version);
  }
  const v_upgradeType = v.upgradeType === undefined ? 1 : v.upgradeType;
  if (version >= 1) {
    w.int8(v_upgradeType);
  } else if (v.upgradeType !== undefined && v.upgradeType !== 1) {
    unsupportedField("UpdateFeaturesRequest", "upgradeType", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateFeaturesRequestFeatureUpdateKey(r: Reader, version: number): UpdateFeaturesRequestFeatureUpdateKey {
  const f_feature: string = r.compactString();
  const f_maxVersionLevel: number = r.int16();
  const f_allowDowngrade: boolean = version <= 0 ? r.bool() : false;
  const f_upgradeType: number = version >= 1 ? r.int8() : 1;
  const unknown = r.taggedFields(null);
  const value: UpdateFeaturesRequestFeatureUpdateKey = { feature: f_feature, maxVersionLevel: f_maxVersionLevel, allowDowngrade: f_allowDowngrade, upgradeType: f_upgradeType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeUpdateFeaturesRequest(w: Writer, value: UpdateFeaturesRequestInput, version: number): void {
  checkVersion("UpdateFeaturesRequest", version, 0, 2);
  writeUpdateFeaturesRequest(w, value, version);
}

export function decodeUpdateFeaturesRequest(r: Reader, version: number): UpdateFeaturesRequest {
  if (version < 0 || version > 2) r.fail(`UpdateFeaturesRequest has no version ${version}`);
  return readUpdateFeaturesRequest(r, version);
}
