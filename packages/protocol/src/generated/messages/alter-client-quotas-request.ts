// Generated from Kafka's clients/AlterClientQuotasRequest.json by packages/protocol/generator. Do not edit.
// request 49, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterClientQuotasRequest {
  entries: AlterClientQuotasRequestEntryData[]; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestInput {
  entries: readonly AlterClientQuotasRequestEntryDataInput[]; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntryData {
  entity: AlterClientQuotasRequestEntityData[]; // versions 0+
  ops: AlterClientQuotasRequestOpData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntryDataInput {
  entity: readonly AlterClientQuotasRequestEntityDataInput[]; // versions 0+
  ops: readonly AlterClientQuotasRequestOpDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntityData {
  entityType: string; // versions 0+
  entityName: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestEntityDataInput {
  entityType: string; // versions 0+
  entityName: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestOpData {
  key: string; // versions 0+
  value: number; // versions 0+
  remove: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterClientQuotasRequestOpDataInput {
  key: string; // versions 0+
  value: number; // versions 0+
  remove: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterClientQuotasRequest(): AlterClientQuotasRequest {
  return { entries: [], validateOnly: false };
}

export function defaultAlterClientQuotasRequestEntryData(): AlterClientQuotasRequestEntryData {
  return { entity: [], ops: [] };
}

export function defaultAlterClientQuotasRequestEntityData(): AlterClientQuotasRequestEntityData {
  return { entityType: "", entityName: "" };
}

export function defaultAlterClientQuotasRequestOpData(): AlterClientQuotasRequestOpData {
  return { key: "", value: 0, remove: false };
}

function writeAlterClientQuotasRequest(w: Writer, v: AlterClientQuotasRequestInput, version: number): void {
  const v_entries = v.entries === undefined ? [] : v.entries;
  writeArray(w, version >= 1, nonNull(v_entries, "AlterClientQuotasRequest", "entries", version), (ew, e) => writeAlterClientQuotasRequestEntryData(ew, e, version));
  const v_validateOnly = v.validateOnly === undefined ? false : v.validateOnly;
  w.bool(v_validateOnly);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterClientQuotasRequest(r: Reader, version: number): AlterClientQuotasRequest {
  const f_entries: AlterClientQuotasRequestEntryData[] = readArray(r, version >= 1, 2, (er) => readAlterClientQuotasRequestEntryData(er, version));
  const f_validateOnly: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: AlterClientQuotasRequest = { entries: f_entries, validateOnly: f_validateOnly };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterClientQuotasRequestEntryData(w: Writer, v: AlterClientQuotasRequestEntryDataInput, version: number): void {
  const v_entity = v.entity === undefined ? [] : v.entity;
  writeArray(w, version >= 1, nonNull(v_entity, "AlterClientQuotasRequest", "entity", version), (ew, e) => writeAlterClientQuotasRequestEntityData(ew, e, version));
  const v_ops = v.ops === undefined ? [] : v.ops;
  writeArray(w, version >= 1, nonNull(v_ops, "AlterClientQuotasRequest", "ops", version), (ew, e) => writeAlterClientQuotasRequestOpData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterClientQuotasRequestEntryData(r: Reader, version: number): AlterClientQuotasRequestEntryData {
  const f_entity: AlterClientQuotasRequestEntityData[] = readArray(r, version >= 1, 2, (er) => readAlterClientQuotasRequestEntityData(er, version));
  const f_ops: AlterClientQuotasRequestOpData[] = readArray(r, version >= 1, 10, (er) => readAlterClientQuotasRequestOpData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: AlterClientQuotasRequestEntryData = { entity: f_entity, ops: f_ops };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterClientQuotasRequestEntityData(w: Writer, v: AlterClientQuotasRequestEntityDataInput, version: number): void {
  const v_entityType = v.entityType === undefined ? "" : v.entityType;
  if (version >= 1) w.compactString(nonNull(v_entityType, "AlterClientQuotasRequest", "entityType", version));
  else w.string(nonNull(v_entityType, "AlterClientQuotasRequest", "entityType", version));
  const v_entityName = v.entityName === undefined ? "" : v.entityName;
  if (version >= 1) w.compactNullableString(v_entityName);
  else w.nullableString(v_entityName);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterClientQuotasRequestEntityData(r: Reader, version: number): AlterClientQuotasRequestEntityData {
  const f_entityType: string = (version >= 1 ? r.compactString() : r.string());
  const f_entityName: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: AlterClientQuotasRequestEntityData = { entityType: f_entityType, entityName: f_entityName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterClientQuotasRequestOpData(w: Writer, v: AlterClientQuotasRequestOpDataInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  if (version >= 1) w.compactString(nonNull(v_key, "AlterClientQuotasRequest", "key", version));
  else w.string(nonNull(v_key, "AlterClientQuotasRequest", "key", version));
  const v_value = v.value === undefined ? 0 : v.value;
  w.float64(v_value);
  const v_remove = v.remove === undefined ? false : v.remove;
  w.bool(v_remove);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterClientQuotasRequestOpData(r: Reader, version: number): AlterClientQuotasRequestOpData {
  const f_key: string = (version >= 1 ? r.compactString() : r.string());
  const f_value: number = r.float64();
  const f_remove: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: AlterClientQuotasRequestOpData = { key: f_key, value: f_value, remove: f_remove };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterClientQuotasRequest(w: Writer, value: AlterClientQuotasRequestInput, version: number): void {
  checkVersion("AlterClientQuotasRequest", version, 0, 1);
  writeAlterClientQuotasRequest(w, value, version);
}

export function decodeAlterClientQuotasRequest(r: Reader, version: number): AlterClientQuotasRequest {
  if (version < 0 || version > 1) r.fail(`AlterClientQuotasRequest has no version ${version}`);
  return readAlterClientQuotasRequest(r, version);
}
