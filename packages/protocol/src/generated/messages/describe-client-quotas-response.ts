// Generated from Kafka's clients/DescribeClientQuotasResponse.json by packages/protocol/generator. Do not edit.
// response 48, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray, writeNullableArray } from '../../primitives/codec-support.ts';

export interface DescribeClientQuotasResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  entries: DescribeClientQuotasResponseEntryData[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  entries: readonly DescribeClientQuotasResponseEntryDataInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntryData {
  entity: DescribeClientQuotasResponseEntityData[]; // versions 0+
  values: DescribeClientQuotasResponseValueData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntryDataInput {
  entity: readonly DescribeClientQuotasResponseEntityDataInput[]; // versions 0+
  values: readonly DescribeClientQuotasResponseValueDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntityData {
  entityType: string; // versions 0+
  entityName: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseEntityDataInput {
  entityType: string; // versions 0+
  entityName: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseValueData {
  key: string; // versions 0+
  value: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeClientQuotasResponseValueDataInput {
  key: string; // versions 0+
  value: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeClientQuotasResponse(): DescribeClientQuotasResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "", entries: [] };
}

export function defaultDescribeClientQuotasResponseEntryData(): DescribeClientQuotasResponseEntryData {
  return { entity: [], values: [] };
}

export function defaultDescribeClientQuotasResponseEntityData(): DescribeClientQuotasResponseEntityData {
  return { entityType: "", entityName: "" };
}

export function defaultDescribeClientQuotasResponseValueData(): DescribeClientQuotasResponseValueData {
  return { key: "", value: 0 };
}

function writeDescribeClientQuotasResponse(w: Writer, v: DescribeClientQuotasResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 1) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_entries = v.entries === undefined ? [] : v.entries;
  writeNullableArray(w, version >= 1, v_entries, (ew, e) => writeDescribeClientQuotasResponseEntryData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeClientQuotasResponse(r: Reader, version: number): DescribeClientQuotasResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  const f_entries: DescribeClientQuotasResponseEntryData[] | null = readNullableArray(r, version >= 1, 2, (er) => readDescribeClientQuotasResponseEntryData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeClientQuotasResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, entries: f_entries };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeClientQuotasResponseEntryData(w: Writer, v: DescribeClientQuotasResponseEntryDataInput, version: number): void {
  const v_entity = v.entity === undefined ? [] : v.entity;
  writeArray(w, version >= 1, nonNull(v_entity, "DescribeClientQuotasResponse", "entity", version), (ew, e) => writeDescribeClientQuotasResponseEntityData(ew, e, version));
  const v_values = v.values === undefined ? [] : v.values;
  writeArray(w, version >= 1, nonNull(v_values, "DescribeClientQuotasResponse", "values", version), (ew, e) => writeDescribeClientQuotasResponseValueData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeClientQuotasResponseEntryData(r: Reader, version: number): DescribeClientQuotasResponseEntryData {
  const f_entity: DescribeClientQuotasResponseEntityData[] = readArray(r, version >= 1, 2, (er) => readDescribeClientQuotasResponseEntityData(er, version));
  const f_values: DescribeClientQuotasResponseValueData[] = readArray(r, version >= 1, 9, (er) => readDescribeClientQuotasResponseValueData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeClientQuotasResponseEntryData = { entity: f_entity, values: f_values };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeClientQuotasResponseEntityData(w: Writer, v: DescribeClientQuotasResponseEntityDataInput, version: number): void {
  const v_entityType = v.entityType === undefined ? "" : v.entityType;
  if (version >= 1) w.compactString(nonNull(v_entityType, "DescribeClientQuotasResponse", "entityType", version));
  else w.string(nonNull(v_entityType, "DescribeClientQuotasResponse", "entityType", version));
  const v_entityName = v.entityName === undefined ? "" : v.entityName;
  if (version >= 1) w.compactNullableString(v_entityName);
  else w.nullableString(v_entityName);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeClientQuotasResponseEntityData(r: Reader, version: number): DescribeClientQuotasResponseEntityData {
  const f_entityType: string = (version >= 1 ? r.compactString() : r.string());
  const f_entityName: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeClientQuotasResponseEntityData = { entityType: f_entityType, entityName: f_entityName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeClientQuotasResponseValueData(w: Writer, v: DescribeClientQuotasResponseValueDataInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  if (version >= 1) w.compactString(nonNull(v_key, "DescribeClientQuotasResponse", "key", version));
  else w.string(nonNull(v_key, "DescribeClientQuotasResponse", "key", version));
  const v_value = v.value === undefined ? 0 : v.value;
  w.float64(v_value);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeClientQuotasResponseValueData(r: Reader, version: number): DescribeClientQuotasResponseValueData {
  const f_key: string = (version >= 1 ? r.compactString() : r.string());
  const f_value: number = r.float64();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeClientQuotasResponseValueData = { key: f_key, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeClientQuotasResponse(w: Writer, value: DescribeClientQuotasResponseInput, version: number): void {
  checkVersion("DescribeClientQuotasResponse", version, 0, 1);
  writeDescribeClientQuotasResponse(w, value, version);
}

export function decodeDescribeClientQuotasResponse(r: Reader, version: number): DescribeClientQuotasResponse {
  if (version < 0 || version > 1) r.fail(`DescribeClientQuotasResponse has no version ${version}`);
  return readDescribeClientQuotasResponse(r, version);
}
