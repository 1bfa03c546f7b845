// Generated from Kafka's clients/DescribeAclsResponse.json by packages/protocol/generator. Do not edit.
// response 29, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeAclsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resources: DescribeAclsResponseDescribeAclsResource[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resources: readonly DescribeAclsResponseDescribeAclsResourceInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseDescribeAclsResource {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  patternType: number; // versions 1+
  acls: DescribeAclsResponseAclDescription[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseDescribeAclsResourceInput {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  patternType?: number; // versions 1+
  acls: readonly DescribeAclsResponseAclDescriptionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseAclDescription {
  principal: string; // versions 0+
  host: string; // versions 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeAclsResponseAclDescriptionInput {
  principal: string; // versions 0+
  host: string; // versions 0+
  operation: number; // versions 0+
  permissionType: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeAclsResponse(): DescribeAclsResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "", resources: [] };
}

export function defaultDescribeAclsResponseDescribeAclsResource(): DescribeAclsResponseDescribeAclsResource {
  return { resourceType: 0, resourceName: "", patternType: 3, acls: [] };
}

export function defaultDescribeAclsResponseAclDescription(): DescribeAclsResponseAclDescription {
  return { principal: "", host: "", operation: 0, permissionType: 0 };
}

function writeDescribeAclsResponse(w: Writer, v: DescribeAclsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_resources = v.resources === undefined ? [] : v.resources;
  writeArray(w, version >= 2, nonNull(v_resources, "DescribeAclsResponse", "resources", version), (ew, e) => writeDescribeAclsResponseDescribeAclsResource(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeAclsResponse(r: Reader, version: number): DescribeAclsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_resources: DescribeAclsResponseDescribeAclsResource[] = readArray(r, version >= 2, 4, (er) => readDescribeAclsResponseDescribeAclsResource(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeAclsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, resources: f_resources };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeAclsResponseDescribeAclsResource(w: Writer, v: DescribeAclsResponseDescribeAclsResourceInput, version: number): void {
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 2) w.compactString(nonNull(v_resourceName, "DescribeAclsResponse", "resourceName", version));
  else w.string(nonNull(v_resourceName, "DescribeAclsResponse", "resourceName", version));
  const v_patternType = v.patternType === undefined ? 3 : v.patternType;
  w.int8(v_patternType);
  const v_acls = v.acls === undefined ? [] : v.acls;
  writeArray(w, version >= 2, nonNull(v_acls, "DescribeAclsResponse", "acls", version), (ew, e) => writeDescribeAclsResponseAclDescription(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeAclsResponseDescribeAclsResource(r: Reader, version: number): DescribeAclsResponseDescribeAclsResource {
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 2 ? r.compactString() : r.string());
  const f_patternType: number = r.int8();
  const f_acls: DescribeAclsResponseAclDescription[] = readArray(r, version >= 2, 4, (er) => readDescribeAclsResponseAclDescription(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeAclsResponseDescribeAclsResource = { resourceType: f_resourceType, resourceName: f_resourceName, patternType: f_patternType, acls: f_acls };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeAclsResponseAclDescription(w: Writer, v: DescribeAclsResponseAclDescriptionInput, version: number): void {
  const v_principal = v.principal === undefined ? "" : v.principal;
  if (version >= 2) w.compactString(nonNull(v_principal, "DescribeAclsResponse", "principal", version));
  else w.string(nonNull(v_principal, "DescribeAclsResponse", "principal", version));
  const v_host = v.host === undefined ? "" : v.host;
  if (version >= 2) w.compactString(nonNull(v_host, "DescribeAclsResponse", "host", version));
  else w.string(nonNull(v_host, "DescribeAclsResponse", "host", version));
  const v_operation = v.operation === undefined ? 0 : v.operation;
  w.int8(v_operation);
  const v_permissionType = v.permissionType === undefined ? 0 : v.permissionType;
  w.int8(v_permissionType);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeAclsResponseAclDescription(r: Reader, version: number): DescribeAclsResponseAclDescription {
  const f_principal: string = (version >= 2 ? r.compactString() : r.string());
  const f_host: string = (version >= 2 ? r.compactString() : r.string());
  const f_operation: number = r.int8();
  const f_permissionType: number = r.int8();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeAclsResponseAclDescription = { principal: f_principal, host: f_host, operation: f_operation, permissionType: f_permissionType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeAclsResponse(w: Writer, value: DescribeAclsResponseInput, version: number): void {
  checkVersion("DescribeAclsResponse", version, 1, 3);
  writeDescribeAclsResponse(w, value, version);
}

export function decodeDescribeAclsResponse(r: Reader, version: number): DescribeAclsResponse {
  if (version < 1 || version > 3) r.fail(`DescribeAclsResponse has no version ${version}`);
  return readDescribeAclsResponse(r, version);
}
