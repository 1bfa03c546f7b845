// Generated from Kafka's clients/DescribeConfigsResponse.json by packages/protocol/generator. Do not edit.
// response 32, versions 1-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeConfigsResponse {
  throttleTimeMs: number; // versions 0+
  results: DescribeConfigsResponseDescribeConfigsResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseInput {
  throttleTimeMs: number; // versions 0+
  results: readonly DescribeConfigsResponseDescribeConfigsResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResult {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configs: DescribeConfigsResponseDescribeConfigsResourceResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResultInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configs: readonly DescribeConfigsResponseDescribeConfigsResourceResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResourceResult {
  name: string; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  readOnly: boolean; // versions 0+
  configSource: number; // versions 1+, ignorable
  isSensitive: boolean; // versions 0+
  synonyms: DescribeConfigsResponseDescribeConfigsSynonym[]; // versions 1+, ignorable
  configType: number; // versions 3+, ignorable
  documentation: string | null; // versions 3+, nullable 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsResourceResultInput {
  name: string; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  readOnly: boolean; // versions 0+
  configSource?: number; // versions 1+, ignorable
  isSensitive: boolean; // versions 0+
  synonyms: readonly DescribeConfigsResponseDescribeConfigsSynonymInput[]; // versions 1+, ignorable
  configType?: number; // versions 3+, ignorable
  documentation?: string | null; // versions 3+, nullable 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsSynonym {
  name: string; // versions 1+
  value: string | null; // versions 1+, nullable 0+
  source: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsResponseDescribeConfigsSynonymInput {
  name: string; // versions 1+
  value: string | null; // versions 1+, nullable 0+
  source: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsResponse(): DescribeConfigsResponse {
  return { throttleTimeMs: 0, results: [] };
}

export function defaultDescribeConfigsResponseDescribeConfigsResult(): DescribeConfigsResponseDescribeConfigsResult {
  return { errorCode: 0, errorMessage: "", resourceType: 0, resourceName: "", configs: [] };
}

export function defaultDescribeConfigsResponseDescribeConfigsResourceResult(): DescribeConfigsResponseDescribeConfigsResourceResult {
  return { name: "", value: "", readOnly: false, configSource: -1, isSensitive: false, synonyms: [], configType: 0, documentation: "" };
}

export function defaultDescribeConfigsResponseDescribeConfigsSynonym(): DescribeConfigsResponseDescribeConfigsSynonym {
  return { name: "", value: "", source: 0 };
}

function writeDescribeConfigsResponse(w: Writer, v: DescribeConfigsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, version >= 4, nonNull(v_results, "DescribeConfigsResponse", "results", version), (ew, e) => writeDescribeConfigsResponseDescribeConfigsResult(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeConfigsResponse(r: Reader, version: number): DescribeConfigsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_results: DescribeConfigsResponseDescribeConfigsResult[] = readArray(r, version >= 4, 6, (er) => readDescribeConfigsResponseDescribeConfigsResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeConfigsResponse = { throttleTimeMs: f_throttleTimeMs, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeConfigsResponseDescribeConfigsResult(w: Writer, v: DescribeConfigsResponseDescribeConfigsResultInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 4) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 4) w.compactString(nonNull(v_resourceName, "DescribeConfigsResponse", "resourceName", version));
  else w.string(nonNull(v_resourceName, "DescribeConfigsResponse", "resourceName", version));
  const v_configs = v.configs === undefined ? [] : v.configs;
  writeArray(w, version >= 4, nonNull(v_configs, "DescribeConfigsResponse", "configs", version), (ew, e) => writeDescribeConfigsResponseDescribeConfigsResourceResult(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeConfigsResponseDescribeConfigsResult(r: Reader, version: number): DescribeConfigsResponseDescribeConfigsResult {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 4 ? r.compactNullableString() : r.nullableString());
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 4 ? r.compactString() : r.string());
  const f_configs: DescribeConfigsResponseDescribeConfigsResourceResult[] = readArray(r, version >= 4, 6, (er) => readDescribeConfigsResponseDescribeConfigsResourceResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeConfigsResponseDescribeConfigsResult = { errorCode: f_errorCode, errorMessage: f_errorMessage, resourceType: f_resourceType, resourceName: f_resourceName, configs: f_configs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeConfigsResponseDescribeConfigsResourceResult(w: Writer, v: DescribeConfigsResponseDescribeConfigsResourceResultInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 4) w.compactString(nonNull(v_name, "DescribeConfigsResponse", "name", version));
  else w.string(nonNull(v_name, "DescribeConfigsResponse", "name", version));
  const v_value = v.value === undefined ? "" : v.value;
  if (version >= 4) w.compactNullableString(v_value);
  else w.nullableString(v_value);
  const v_readOnly = v.readOnly === undefined ? false : v.readOnly;
  w.bool(v_readOnly);
  const v_configSource = v.configSource === undefined ? -1 : v.configSource;
  w.int8(v_configSource);
  const v_isSensitive = v.isSensitive === undefined ? false : v.isSensitive;
  w.bool(v_isSensitive);
  const v_synonyms = v.synonyms === undefined ? [] : v.synonyms;
  writeArray(w, version >= 4, nonNull(v_synonyms, "DescribeConfigsResponse", "synonyms", version), (ew, e) => writeDescribeConfigsResponseDescribeConfigsSynonym(ew, e, version));
  const v_configType = v.configType === undefined ? 0 : v.configType;
  if (version >= 3) {
    w.int8(v_configType);
  }
  const v_documentation = v.documentation === undefined ? "" : v.documentation;
  if (version >= 3) {
    if (version >= 4) w.compactNullableString(v_documentation);
    else w.nullableString(v_documentation);
  }
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeConfigsResponseDescribeConfigsResourceResult(r: Reader, version: number): DescribeConfigsResponseDescribeConfigsResourceResult {
  const f_name: string = (version >= 4 ? r.compactString() : r.string());
  const f_value: string | null = (version >= 4 ? r.compactNullableString() : r.nullableString());
  const f_readOnly: boolean = r.bool();
  const f_configSource: number = r.int8();
  const f_isSensitive: boolean = r.bool();
  const f_synonyms: DescribeConfigsResponseDescribeConfigsSynonym[] = readArray(r, version >= 4, 3, (er) => readDescribeConfigsResponseDescribeConfigsSynonym(er, version));
  const f_configType: number = version >= 3 ? r.int8() : 0;
  const f_documentation: string | null = version >= 3 ? (version >= 4 ? r.compactNullableString() : r.nullableString()) : "";
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeConfigsResponseDescribeConfigsResourceResult = { name: f_name, value: f_value, readOnly: f_readOnly, configSource: f_configSource, isSensitive: f_isSensitive, synonyms: f_synonyms, configType: f_configType, documentation: f_documentation };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeConfigsResponseDescribeConfigsSynonym(w: Writer, v: DescribeConfigsResponseDescribeConfigsSynonymInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 4) w.compactString(nonNull(v_name, "DescribeConfigsResponse", "name", version));
  else w.string(nonNull(v_name, "DescribeConfigsResponse", "name", version));
  const v_value = v.value === undefined ? "" : v.value;
  if (version >= 4) w.compactNullableString(v_value);
  else w.nullableString(v_value);
  const v_source = v.source === undefined ? 0 : v.source;
  w.int8(v_source);
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeConfigsResponseDescribeConfigsSynonym(r: Reader, version: number): DescribeConfigsResponseDescribeConfigsSynonym {
  const f_name: string = (version >= 4 ? r.compactString() : r.string());
  const f_value: string | null = (version >= 4 ? r.compactNullableString() : r.nullableString());
  const f_source: number = r.int8();
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeConfigsResponseDescribeConfigsSynonym = { name: f_name, value: f_value, source: f_source };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeConfigsResponse(w: Writer, value: DescribeConfigsResponseInput, version: number): void {
  checkVersion("DescribeConfigsResponse", version, 1, 4);
  writeDescribeConfigsResponse(w, value, version);
}

export function decodeDescribeConfigsResponse(r: Reader, version: number): DescribeConfigsResponse {
  if (version < 1 || version > 4) r.fail(`DescribeConfigsResponse has no version ${version}`);
  return readDescribeConfigsResponse(r, version);
}
