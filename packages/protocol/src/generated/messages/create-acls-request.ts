// Generated from Kafka's clients/CreateAclsRequest.json by packages/protocol/generator. Do not edit.
// request 30, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface CreateAclsRequest {
  creations: CreateAclsRequestAclCreation[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsRequestInput {
  creations: readonly CreateAclsRequestAclCreationInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsRequestAclCreation {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  resourcePatternType: number; // versions 1+
  principal: string; // versions 0+
  host: string; // versions 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateAclsRequestAclCreationInput {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  resourcePatternType?: number; // versions 1+
  principal: string; // versions 0+
  host: string; // versions 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateAclsRequest(): CreateAclsRequest {
  return { creations: [] };
}

export function defaultCreateAclsRequestAclCreation(): CreateAclsRequestAclCreation {
  return { resourceType: 0, resourceName: "", resourcePatternType: 3, principal: "", host: "", operation: 0, permissionType: 0 };
}

function writeCreateAclsRequest(w: Writer, v: CreateAclsRequestInput, version: number): void {
  const v_creations = v.creations === undefined ? [] : v.creations;
  writeArray(w, version >= 2, nonNull(v_creations, "CreateAclsRequest", "creations", version), (ew, e) => writeCreateAclsRequestAclCreation(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateAclsRequest(r: Reader, version: number): CreateAclsRequest {
  const f_creations: CreateAclsRequestAclCreation[] = readArray(r, version >= 2, 7, (er) => readCreateAclsRequestAclCreation(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreateAclsRequest = { creations: f_creations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateAclsRequestAclCreation(w: Writer, v: CreateAclsRequestAclCreationInput, version: number): void {
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 2) w.compactString(nonNull(v_resourceName, "CreateAclsRequest", "resourceName", version));
  else w.string(nonNull(v_resourceName, "CreateAclsRequest", "resourceName", version));
  const v_resourcePatternType = v.resourcePatternType === undefined ? 3 : v.resourcePatternType;
  w.int8(v_resourcePatternType);
  const v_principal = v.principal === undefined ? "" : v.principal;
  if (version >= 2) w.compactString(nonNull(v_principal, "CreateAclsRequest", "principal", version));
  else w.string(nonNull(v_principal, "CreateAclsRequest", "principal", version));
  const v_host = v.host === undefined ? "" : v.host;
  if (version >= 2) w.compactString(nonNull(v_host, "CreateAclsRequest", "host", version));
  else w.string(nonNull(v_host, "CreateAclsRequest", "host", version));
  const v_operation = v.operation === undefined ? 0 : v.operation;
  w.int8(v_operation);
  const v_permissionType = v.permissionType === undefined ? 0 : v.permissionType;
  w.int8(v_permissionType);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateAclsRequestAclCreation(r: Reader, version: number): CreateAclsRequestAclCreation {
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 2 ? r.compactString() : r.string());
  const f_resourcePatternType: number = r.int8();
  const f_principal: string = (version >= 2 ? r.compactString() : r.string());
  const f_host: string = (version >= 2 ? r.compactString() : r.string());
  const f_operation: number = r.int8();
  const f_permissionType: number = r.int8();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreateAclsRequestAclCreation = { resourceType: f_resourceType, resourceName: f_resourceName, resourcePatternType: f_resourcePatternType, principal: f_principal, host: f_host, operation: f_operation, permissionType: f_permissionType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreateAclsRequest(w: Writer, value: CreateAclsRequestInput, version: number): void {
  checkVersion("CreateAclsRequest", version, 1, 3);
  writeCreateAclsRequest(w, value, version);
}

export function decodeCreateAclsRequest(r: Reader, version: number): CreateAclsRequest {
  if (version < 1 || version > 3) r.fail(`CreateAclsRequest has no version ${version}`);
  return readCreateAclsRequest(r, version);
}
