// Generated from Kafka's clients/AlterClientQuotasResponse.json by packages/protocol/generator. Do not edit.
// response 49, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterClientQuotasResponse {
  throttleTimeMs: number; // versions 0+
  entries: AlterClientQuotasResponseEntryData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseInput {
  throttleTimeMs: number; // versions 0+
  entries: readonly AlterClientQuotasResponseEntryDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntryData {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  entity: AlterClientQuotasResponseEntityData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntryDataInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  entity: readonly AlterClientQuotasResponseEntityDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntityData {
  entityType: string; // versions 0+
  entityName: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasResponseEntityDataInput {
  entityType: string; // versions 0+
  entityName: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasResponse(): AlterClientQuotasResponse {
  return { throttleTimeMs: 0, entries: [] };
}

export function defaultAlterClientQuotasResponseEntryData(): AlterClientQuotasResponseEntryData {
  return { errorCode: 0, errorMessage: "", entity: [] };
}

export function defaultAlterClientQuotasResponseEntityData(): AlterClientQuotasResponseEntityData {
  return { entityType: "", entityName: "" };
}

function writeAlterClientQuotasResponse(w: Writer, v: AlterClientQuotasResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_entries = v.entries === undefined ? [] : v.entries;
  writeArray(w, version >= 1, nonNull(v_entries, "AlterClientQuotasResponse", "entries", version), (ew, e) => writeAlterClientQuotasResponseEntryData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterClientQuotasResponse(r: Reader, version: number): AlterClientQuotasResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_entries: AlterClientQuotasResponseEntryData[] = readArray(r, version >= 1, 4, (er) => readAlterClientQuotasResponseEntryData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: AlterClientQuotasResponse = { throttleTimeMs: f_throttleTimeMs, entries: f_entries };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterClientQuotasResponseEntryData(w: Writer, v: AlterClientQuotasResponseEntryDataInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 1) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_entity = v.entity === undefined ? [] : v.entity;
  writeArray(w, version >= 1, nonNull(v_entity, "AlterClientQuotasResponse", "entity", version), (ew, e) => writeAlterClientQuotasResponseEntityData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterClientQuotasResponseEntryData(r: Reader, version: number): AlterClientQuotasResponseEntryData {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  const f_entity: AlterClientQuotasResponseEntityData[] = readArray(r, version >= 1, 2, (er) => readAlterClientQuotasResponseEntityData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: AlterClientQuotasResponseEntryData = { errorCode: f_errorCode, errorMessage: f_errorMessage, entity: f_entity };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterClientQuotasResponseEntityData(w: Writer, v: AlterClientQuotasResponseEntityDataInput, version: number): void {
  const v_entityType = v.entityType === undefined ? "" : v.entityType;
  if (version >= 1) w.compactString(nonNull(v_entityType, "AlterClientQuotasResponse", "entityType", version));
  else w.string(nonNull(v_entityType, "AlterClientQuotasResponse", "entityType", version));
  const v_entityName = v.entityName === undefined ? "" : v.entityName;
  if (version >= 1) w.compactNullableString(v_entityName);
  else w.nullableString(v_entityName);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterClientQuotasResponseEntityData(r: Reader, version: number): AlterClientQuotasResponseEntityData {
  const f_entityType: string = (version >= 1 ? r.compactString() : r.string());
  const f_entityName: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: AlterClientQuotasResponseEntityData = { entityType: f_entityType, entityName: f_entityName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterClientQuotasResponse(w: Writer, value: AlterClientQuotasResponseInput, version: number): void {
  checkVersion("AlterClientQuotasResponse", version, 0, 1);
  writeAlterClientQuotasResponse(w, value, version);
}

export function decodeAlterClientQuotasResponse(r: Reader, version: number): AlterClientQuotasResponse {
  if (version < 0 || version > 1) r.fail(`AlterClientQuotasResponse has no version ${version}`);
  return readAlterClientQuotasResponse(r, version);
}
