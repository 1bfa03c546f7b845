// Generated from Kafka's clients/IncrementalAlterConfigsRequest.json by packages/protocol/generator. Do not edit.
// request 44, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface IncrementalAlterConfigsRequest {
  resources: IncrementalAlterConfigsRequestAlterConfigsResource[]; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestInput {
  resources: readonly IncrementalAlterConfigsRequestAlterConfigsResourceInput[]; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterConfigsResource {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configs: IncrementalAlterConfigsRequestAlterableConfig[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterConfigsResourceInput {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configs: readonly IncrementalAlterConfigsRequestAlterableConfigInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterableConfig {
  name: string; // versions 0+
  configOperation: number; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface IncrementalAlterConfigsRequestAlterableConfigInput {
  name: string; // versions 0+
  configOperation: number; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultIncrementalAlterConfigsRequest(): IncrementalAlterConfigsRequest {
  return { resources: [], validateOnly: false };
}

export function defaultIncrementalAlterConfigsRequestAlterConfigsResource(): IncrementalAlterConfigsRequestAlterConfigsResource {
  return { resourceType: 0, resourceName: "", configs: [] };
}

export function defaultIncrementalAlterConfigsRequestAlterableConfig(): IncrementalAlterConfigsRequestAlterableConfig {
  return { name: "", configOperation: 0, value: "" };
}

function writeIncrementalAlterConfigsRequest(w: Writer, v: IncrementalAlterConfigsRequestInput, version: number): void {
  const v_resources = v.resources === undefined ? [] : v.resources;
  writeArray(w, version >= 1, nonNull(v_resources, "IncrementalAlterConfigsRequest", "resources", version), (ew, e) => writeIncrementalAlterConfigsRequestAlterConfigsResource(ew, e, version));
  const v_validateOnly = v.validateOnly === undefined ? false : v.validateOnly;
  w.bool(v_validateOnly);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readIncrementalAlterConfigsRequest(r: Reader, version: number): IncrementalAlterConfigsRequest {
  const f_resources: IncrementalAlterConfigsRequestAlterConfigsResource[] = readArray(r, version >= 1, 3, (er) => readIncrementalAlterConfigsRequestAlterConfigsResource(er, version));
  const f_validateOnly: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: IncrementalAlterConfigsRequest = { resources: f_resources, validateOnly: f_validateOnly };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeIncrementalAlterConfigsRequestAlterConfigsResource(w: Writer, v: IncrementalAlterConfigsRequestAlterConfigsResourceInput, version: number): void {
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 1) w.compactString(nonNull(v_resourceName, "IncrementalAlterConfigsRequest", "resourceName", version));
  else w.string(nonNull(v_resourceName, "IncrementalAlterConfigsRequest", "resourceName", version));
  const v_configs = v.configs === undefined ? [] : v.configs;
  writeArray(w, version >= 1, nonNull(v_configs, "IncrementalAlterConfigsRequest", "configs", version), (ew, e) => writeIncrementalAlterConfigsRequestAlterableConfig(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readIncrementalAlterConfigsRequestAlterConfigsResource(r: Reader, version: number): IncrementalAlterConfigsRequestAlterConfigsResource {
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 1 ? r.compactString() : r.string());
  const f_configs: IncrementalAlterConfigsRequestAlterableConfig[] = readArray(r, version >= 1, 3, (er) => readIncrementalAlterConfigsRequestAlterableConfig(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: IncrementalAlterConfigsRequestAlterConfigsResource = { resourceType: f_resourceType, resourceName: f_resourceName, configs: f_configs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeIncrementalAlterConfigsRequestAlterableConfig(w: Writer, v: IncrementalAlterConfigsRequestAlterableConfigInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 1) w.compactString(nonNull(v_name, "IncrementalAlterConfigsRequest", "name", version));
  else w.string(nonNull(v_name, "IncrementalAlterConfigsRequest", "name", version));
  const v_configOperation = v.configOperation === undefined ? 0 : v.configOperation;
  w.int8(v_configOperation);
  const v_value = v.value === undefined ? "" : v.value;
  if (version >= 1) w.compactNullableString(v_value);
  else w.nullableString(v_value);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readIncrementalAlterConfigsRequestAlterableConfig(r: Reader, version: number): IncrementalAlterConfigsRequestAlterableConfig {
  const f_name: string = (version >= 1 ? r.compactString() : r.string());
  const f_configOperation: number = r.int8();
  const f_value: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: IncrementalAlterConfigsRequestAlterableConfig = { name: f_name, configOperation: f_configOperation, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeIncrementalAlterConfigsRequest(w: Writer, value: IncrementalAlterConfigsRequestInput, version: number): void {
  checkVersion("IncrementalAlterConfigsRequest", version, 0, 1);
  writeIncrementalAlterConfigsRequest(w, value, version);
}

export function decodeIncrementalAlterConfigsRequest(r: Reader, version: number): IncrementalAlterConfigsRequest {
  if (version < 0 || version > 1) r.fail(`IncrementalAlterConfigsRequest has no version ${version}`);
  return readIncrementalAlterConfigsRequest(r, version);
}
