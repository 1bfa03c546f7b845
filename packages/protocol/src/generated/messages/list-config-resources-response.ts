// Generated from Kafka's clients/ListConfigResourcesResponse.json by packages/protocol/generator. Do not edit.
// response 74, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ListConfigResourcesResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  configResources: ListConfigResourcesResponseConfigResource[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  configResources: readonly ListConfigResourcesResponseConfigResourceInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesResponseConfigResource {
  resourceName: string; // versions 0+
  resourceType: number; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesResponseConfigResourceInput {
  resourceName: string; // versions 0+
  resourceType?: number; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListConfigResourcesResponse(): ListConfigResourcesResponse {
  return { throttleTimeMs: 0, errorCode: 0, configResources: [] };
}

export function defaultListConfigResourcesResponseConfigResource(): ListConfigResourcesResponseConfigResource {
  return { resourceName: "", resourceType: 16 };
}

function writeListConfigResourcesResponse(w: Writer, v: ListConfigResourcesResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_configResources = v.configResources === undefined ? [] : v.configResources;
  writeArray(w, true, nonNull(v_configResources, "ListConfigResourcesResponse", "configResources", version), (ew, e) => writeListConfigResourcesResponseConfigResource(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readListConfigResourcesResponse(r: Reader, version: number): ListConfigResourcesResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_configResources: ListConfigResourcesResponseConfigResource[] = readArray(r, true, 1, (er) => readListConfigResourcesResponseConfigResource(er, version));
  const unknown = r.taggedFields(null);
  const value: ListConfigResourcesResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, configResources: f_configResources };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListConfigResourcesResponseConfigResource(w: Writer, v: ListConfigResourcesResponseConfigResourceInput, version: number): void {
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  w.compactString(nonNull(v_resourceName, "ListConfigResourcesResponse", "resourceName", version));
  const v_resourceType = v.resourceType === undefined ? 16 : v.resourceType;
  if (version >= 1) {
    w.int8(v_resourceType);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readListConfigResourcesResponseConfigResource(r: Reader, version: number): ListConfigResourcesResponseConfigResource {
  const f_resourceName: string = r.compactString();
  const f_resourceType: number = version >= 1 ? r.int8() : 16;
  const unknown = r.taggedFields(null);
  const value: ListConfigResourcesResponseConfigResource = { resourceName: f_resourceName, resourceType: f_resourceType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListConfigResourcesResponse(w: Writer, value: ListConfigResourcesResponseInput, version: number): void {
  checkVersion("ListConfigResourcesResponse", version, 0, 1);
  writeListConfigResourcesResponse(w, value, version);
}

export function decodeListConfigResourcesResponse(r: Reader, version: number): ListConfigResourcesResponse {
  if (version < 0 || version > 1) r.fail(`ListConfigResourcesResponse has no version ${version}`);
  return readListConfigResourcesResponse(r, version);
}
