// Generated from Kafka's clients/DeleteAclsRequest.json by packages/protocol/generator. Do not edit.
// request 31, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteAclsRequest {
  filters: DeleteAclsRequestDeleteAclsFilter[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsRequestInput {
  filters: readonly DeleteAclsRequestDeleteAclsFilterInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsRequestDeleteAclsFilter {
  resourceTypeFilter: number; // versions 0+
  resourceNameFilter: string | null; // versions 0+, nullable 0+
  patternTypeFilter: number; // versions 1+
  principalFilter: string | null; // versions 0+, nullable 0+
  hostFilter: string | null; // versions 0+, nullable 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteAclsRequestDeleteAclsFilterInput {
  resourceTypeFilter: number; // versions 0+
  resourceNameFilter: string | null; // versions 0+, nullable 0+
  patternTypeFilter?: number; // versions 1+
  principalFilter: string | null; // versions 0+, nullable 0+
  hostFilter: string | null; // versions 0+, nullable 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteAclsRequest(): DeleteAclsRequest {
  return { filters: [] };
}

export function defaultDeleteAclsRequestDeleteAclsFilter(): DeleteAclsRequestDeleteAclsFilter {
  return { resourceTypeFilter: 0, resourceNameFilter: "", patternTypeFilter: 3, principalFilter: "", hostFilter: "", operation: 0, permissionType: 0 };
}

function writeDeleteAclsRequest(w: Writer, v: DeleteAclsRequestInput, version: number): void {
  const v_filters = v.filters === undefined ? [] : v.filters;
  writeArray(w, version >= 2, nonNull(v_filters, "DeleteAclsRequest", "filters", version), (ew, e) => writeDeleteAclsRequestDeleteAclsFilter(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteAclsRequest(r: Reader, version: number): DeleteAclsRequest {
  const f_filters: DeleteAclsRequestDeleteAclsFilter[] = readArray(r, version >= 2, 7, (er) => readDeleteAclsRequestDeleteAclsFilter(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteAclsRequest = { filters: f_filters };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteAclsRequestDeleteAclsFilter(w: Writer, v: DeleteAclsRequestDeleteAclsFilterInput, version: number): void {
  const v_resourceTypeFilter = v.resourceTypeFilter === undefined ? 0 : v.resourceTypeFilter;
  w.int8(v_resourceTypeFilter);
  const v_resourceNameFilter = v.resourceNameFilter === undefined ? "" : v.resourceNameFilter;
  if (version >= 2) w.compactNullableString(v_resourceNameFilter);
  else w.nullableString(v_resourceNameFilter);
  const v_patternTypeFilter = v.patternTypeFilter === undefined ? 3 : v.patternTypeFilter;
  w.int8(v_patternTypeFilter);
  const v_principalFilter = v.principalFilter === undefined ? "" : v.principalFilter;
  if (version >= 2) w.compactNullableString(v_principalFilter);
  else w.nullableString(v_principalFilter);
  const v_hostFilter = v.hostFilter === undefined ? "" : v.hostFilter;
  if (version >= 2) w.compactNullableString(v_hostFilter);
  else w.nullableString(v_hostFilter);
  const v_operation = v.operation === undefined ? 0 : v.operation;
  w.int8(v_operation);
  const v_permissionType = v.permissionType === undefined ? 0 : v.permissionType;
  w.int8(v_permissionType);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteAclsRequestDeleteAclsFilter(r: Reader, version: number): DeleteAclsRequestDeleteAclsFilter {
  const f_resourceTypeFilter: number = r.int8();
  const f_resourceNameFilter: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_patternTypeFilter: number = r.int8();
  const f_principalFilter: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_hostFilter: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_operation: number = r.int8();
  const f_permissionType: number = r.int8();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteAclsRequestDeleteAclsFilter = { resourceTypeFilter: f_resourceTypeFilter, resourceNameFilter: f_resourceNameFilter, patternTypeFilter: f_patternTypeFilter, principalFilter: f_principalFilter, hostFilter: f_hostFilter, operation: f_operation, permissionType: f_permissionType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteAclsRequest(w: Writer, value: DeleteAclsRequestInput, version: number): void {
  checkVersion("DeleteAclsRequest", version, 1, 3);
  writeDeleteAclsRequest(w, value, version);
}

export function decodeDeleteAclsRequest(r: Reader, version: number): DeleteAclsRequest {
  if (version < 1 || version > 3) r.fail(`DeleteAclsRequest has no version ${version}`);
  return readDeleteAclsRequest(r, version);
}
