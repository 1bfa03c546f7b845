// Generated from Kafka's clients/AlterConfigsRequest.json by packages/protocol/generator. Do not edit.
// request 33, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterConfigsRequest {
  resources: AlterConfigsRequestAlterConfigsResource[]; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestInput {
  resources: readonly AlterConfigsRequestAlterConfigsResourceInput[]; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterConfigsResource {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configs: AlterConfigsRequestAlterableConfig[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterConfigsResourceInput {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configs: readonly AlterConfigsRequestAlterableConfigInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterableConfig {
  name: string; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterConfigsRequestAlterableConfigInput {
  name: string; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterConfigsRequest(): AlterConfigsRequest {
  return { resources: [], validateOnly: false };
}

export function defaultAlterConfigsRequestAlterConfigsResource(): AlterConfigsRequestAlterConfigsResource {
  return { resourceType: 0, resourceName: "", configs: [] };
}

export function defaultAlterConfigsRequestAlterableConfig(): AlterConfigsRequestAlterableConfig {
  return { name: "", value: "" };
}

function writeAlterConfigsRequest(w: Writer, v: AlterConfigsRequestInput, version: number): void {
  const v_resources = v.resources === undefined ? [] : v.resources;
  writeArray(w, version >= 2, nonNull(v_resources, "AlterConfigsRequest", "resources", version), (ew, e) => writeAlterConfigsRequestAlterConfigsResource(ew, e, version));
  const v_validateOnly = v.validateOnly === undefined ? false : v.validateOnly;
  w.bool(v_validateOnly);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterConfigsRequest(r: Reader, version: number): AlterConfigsRequest {
  const f_resources: AlterConfigsRequestAlterConfigsResource[] = readArray(r, version >= 2, 3, (er) => readAlterConfigsRequestAlterConfigsResource(er, version));
  const f_validateOnly: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterConfigsRequest = { resources: f_resources, validateOnly: f_validateOnly };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterConfigsRequestAlterConfigsResource(w: Writer, v: AlterConfigsRequestAlterConfigsResourceInput, version: number): void {
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 2) w.compactString(nonNull(v_resourceName, "AlterConfigsRequest", "resourceName", version));
  else w.string(nonNull(v_resourceName, "AlterConfigsRequest", "resourceName", version));
  const v_configs = v.configs === undefined ? [] : v.configs;
  writeArray(w, version >= 2, nonNull(v_configs, "AlterConfigsRequest", "configs", version), (ew, e) => writeAlterConfigsRequestAlterableConfig(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterConfigsRequestAlterConfigsResource(r: Reader, version: number): AlterConfigsRequestAlterConfigsResource {
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 2 ? r.compactString() : r.string());
  const f_configs: AlterConfigsRequestAlterableConfig[] = readArray(r, version >= 2, 2, (er) => readAlterConfigsRequestAlterableConfig(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterConfigsRequestAlterConfigsResource = { resourceType: f_resourceType, resourceName: f_resourceName, configs: f_configs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterConfigsRequestAlterableConfig(w: Writer, v: AlterConfigsRequestAlterableConfigInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 2) w.compactString(nonNull(v_name, "AlterConfigsRequest", "name", version));
  else w.string(nonNull(v_name, "AlterConfigsRequest", "name", version));
  const v_value = v.value === undefined ? "" : v.value;
  if (version >= 2) w.compactNullableString(v_value);
  else w.nullableString(v_value);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAlterConfigsRequestAlterableConfig(r: Reader, version: number): AlterConfigsRequestAlterableConfig {
  const f_name: string = (version >= 2 ? r.compactString() : r.string());
  const f_value: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: AlterConfigsRequestAlterableConfig = { name: f_name, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterConfigsRequest(w: Writer, value: AlterConfigsRequestInput, version: number): void {
  checkVersion("AlterConfigsRequest", version, 0, 2);
  writeAlterConfigsRequest(w, value, version);
}

export function decodeAlterConfigsRequest(r: Reader, version: number): AlterConfigsRequest {
  if (version < 0 || version > 2) r.fail(`AlterConfigsRequest has no version ${version}`);
  return readAlterConfigsRequest(r, version);
}
