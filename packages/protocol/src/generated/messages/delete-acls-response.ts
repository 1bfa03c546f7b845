// Generated from Kafka's clients/DeleteAclsResponse.json by packages/protocol/generator. Do not edit.
// response 31, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteAclsResponse {
  throttleTimeMs: number; // versions 0+
  filterResults: DeleteAclsResponseDeleteAclsFilterResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseInput {
  throttleTimeMs: number; // versions 0+
  filterResults: readonly DeleteAclsResponseDeleteAclsFilterResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsFilterResult {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  matchingAcls: DeleteAclsResponseDeleteAclsMatchingAcl[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsFilterResultInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  matchingAcls: readonly DeleteAclsResponseDeleteAclsMatchingAclInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsMatchingAcl {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  patternType: number; // versions 1+
  principal: string; // versions 0+
  host: string; // versions 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsResponseDeleteAclsMatchingAclInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  patternType?: number; // versions 1+
  principal: string; // versions 0+
  host: string; // versions 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsResponse(): DeleteAclsResponse {
  return { throttleTimeMs: 0, filterResults: [] };
}

export function defaultDeleteAclsResponseDeleteAclsFilterResult(): DeleteAclsResponseDeleteAclsFilterResult {
  return { errorCode: 0, errorMessage: "", matchingAcls: [] };
}

export function defaultDeleteAclsResponseDeleteAclsMatchingAcl(): DeleteAclsResponseDeleteAclsMatchingAcl {
  return { errorCode: 0, errorMessage: "", resourceType: 0, resourceName: "", patternType: 3, principal: "", host: "", operation: 0, permissionType: 0 };
}

function writeDeleteAclsResponse(w: Writer, v: DeleteAclsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_filterResults = v.filterResults === undefined ? [] : v.filterResults;
  writeArray(w, version >= 2, nonNull(v_filterResults, "DeleteAclsResponse", "filterResults", version), (ew, e) => writeDeleteAclsResponseDeleteAclsFilterResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteAclsResponse(r: Reader, version: number): DeleteAclsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_filterResults: DeleteAclsResponseDeleteAclsFilterResult[] = readArray(r, version >= 2, 4, (er) => readDeleteAclsResponseDeleteAclsFilterResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteAclsResponse = { throttleTimeMs: f_throttleTimeMs, filterResults: f_filterResults };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteAclsResponseDeleteAclsFilterResult(w: Writer, v: DeleteAclsResponseDeleteAclsFilterResultInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_matchingAcls = v.matchingAcls === undefined ? [] : v.matchingAcls;
  writeArray(w, version >= 2, nonNull(v_matchingAcls, "DeleteAclsResponse", "matchingAcls", version), (ew, e) => writeDeleteAclsResponseDeleteAclsMatchingAcl(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteAclsResponseDeleteAclsFilterResult(r: Reader, version: number): DeleteAclsResponseDeleteAclsFilterResult {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_matchingAcls: DeleteAclsResponseDeleteAclsMatchingAcl[] = readArray(r, version >= 2, 10, (er) => readDeleteAclsResponseDeleteAclsMatchingAcl(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteAclsResponseDeleteAclsFilterResult = { errorCode: f_errorCode, errorMessage: f_errorMessage, matchingAcls: f_matchingAcls };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteAclsResponseDeleteAclsMatchingAcl(w: Writer, v: DeleteAclsResponseDeleteAclsMatchingAclInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 2) w.compactString(nonNull(v_resourceName, "DeleteAclsResponse", "resourceName", version));
  else w.string(nonNull(v_resourceName, "DeleteAclsResponse", "resourceName", version));
  const v_patternType = v.patternType === undefined ? 3 : v.patternType;
  w.int8(v_patternType);
  const v_principal = v.principal === undefined ? "" : v.principal;
  if (version >= 2) w.compactString(nonNull(v_principal, "DeleteAclsResponse", "principal", version));
  else w.string(nonNull(v_principal, "DeleteAclsResponse", "principal", version));
  const v_host = v.host === undefined ? "" : v.host;
  if (version >= 2) w.compactString(nonNull(v_host, "DeleteAclsResponse", "host", version));
  else w.string(nonNull(v_host, "DeleteAclsResponse", "host", version));
  const v_operation = v.operation === undefined ? 0 : v.operation;
  w.int8(v_operation);
  const v_permissionType = v.permissionType === undefined ? 0 : v.permissionType;
  w.int8(v_permissionType);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteAclsResponseDeleteAclsMatchingAcl(r: Reader, version: number): DeleteAclsResponseDeleteAclsMatchingAcl {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 2 ? r.compactString() : r.string());
  const f_patternType: number = r.int8();
  const f_principal: string = (version >= 2 ? r.compactString() : r.string());
  const f_host: string = (version >= 2 ? r.compactString() : r.string());
  const f_operation: number = r.int8();
  const f_permissionType: number = r.int8();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteAclsResponseDeleteAclsMatchingAcl = { errorCode: f_errorCode, errorMessage: f_errorMessage, resourceType: f_resourceType, resourceName: f_resourceName, patternType: f_patternType, principal: f_principal, host: f_host, operation: f_operation, permissionType: f_permissionType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteAclsResponse(w: Writer, value: DeleteAclsResponseInput, version: number): void {
  checkVersion("DeleteAclsResponse", version, 1, 3);
  writeDeleteAclsResponse(w, value, version);
}

export function decodeDeleteAclsResponse(r: Reader, version: number): DeleteAclsResponse {
  if (version < 1 || version > 3) r.fail(`DeleteAclsResponse has no version ${version}`);
  return readDeleteAclsResponse(r, version);
}
