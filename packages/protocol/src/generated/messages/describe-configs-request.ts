// Generated from Kafka's clients/DescribeConfigsRequest.json by packages/protocol/generator. Do not edit.
// request 32, versions 1-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, unsupportedField, writeArray, writeCompactString, writeNullableArray, writeString } from '../../primitives/codec-support.ts';

export interface DescribeConfigsRequest {
  resources: DescribeConfigsRequestDescribeConfigsResource[]; // versions 0+
  includeSynonyms: boolean; // versions 1+
  includeDocumentation: boolean; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsRequestInput {
  resources: readonly DescribeConfigsRequestDescribeConfigsResourceInput[]; // versions 0+
  includeSynonyms?: boolean; // versions 1+
  includeDocumentation?: boolean; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsRequestDescribeConfigsResource {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configurationKeys: string[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeConfigsRequestDescribeConfigsResourceInput {
  resourceType: number; // versions 0+
  resourceName: string; // versions 0+
  configurationKeys: readonly string[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeConfigsRequest(): DescribeConfigsRequest {
  return { resources: [], includeSynonyms: false, includeDocumentation: false };
}

export function defaultDescribeConfigsRequestDescribeConfigsResource(): DescribeConfigsRequestDescribeConfigsResource {
  return { resourceType: 0, resourceName: "", configurationKeys: [] };
}

function writeDescribeConfigsRequest(w: Writer, v: DescribeConfigsRequestInput, version: number): void {
  const v_resources = v.resources === undefined ? [] : v.resources;
  writeArray(w, version >= 4, nonNull(v_resources, "DescribeConfigsRequest", "resources", version), (ew, e) => writeDescribeConfigsRequestDescribeConfigsResource(ew, e, version));
  const v_includeSynonyms = v.includeSynonyms === undefined ? false : v.includeSynonyms;
  w.bool(v_includeSynonyms);
  const v_includeDocumentation = v.includeDocumentation === undefined ? false : v.includeDocumentation;
  if (version >= 3) {
    w.bool(v_includeDocumentation);
  } else if (v.includeDocumentation !== undefined && v.includeDocumentation !== false) {
    unsupportedField("DescribeConfigsRequest", "includeDocumentation", version);
  }
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeConfigsRequest(r: Reader, version: number): DescribeConfigsRequest {
  const f_resources: DescribeConfigsRequestDescribeConfigsResource[] = readArray(r, version >= 4, 3, (er) => readDescribeConfigsRequestDescribeConfigsResource(er, version));
  const f_includeSynonyms: boolean = r.bool();
  const f_includeDocumentation: boolean = version >= 3 ? r.bool() : false;
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeConfigsRequest = { resources: f_resources, includeSynonyms: f_includeSynonyms, includeDocumentation: f_includeDocumentation };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeConfigsRequestDescribeConfigsResource(w: Writer, v: DescribeConfigsRequestDescribeConfigsResourceInput, version: number): void {
  const v_resourceType = v.resourceType === undefined ? 0 : v.resourceType;
  w.int8(v_resourceType);
  const v_resourceName = v.resourceName === undefined ? "" : v.resourceName;
  if (version >= 4) w.compactString(nonNull(v_resourceName, "DescribeConfigsRequest", "resourceName", version));
  else w.string(nonNull(v_resourceName, "DescribeConfigsRequest", "resourceName", version));
  const v_configurationKeys = v.configurationKeys === undefined ? [] : v.configurationKeys;
  writeNullableArray(w, version >= 4, v_configurationKeys, (version >= 4 ? writeCompactString : writeString));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeConfigsRequestDescribeConfigsResource(r: Reader, version: number): DescribeConfigsRequestDescribeConfigsResource {
  const f_resourceType: number = r.int8();
  const f_resourceName: string = (version >= 4 ? r.compactString() : r.string());
  const f_configurationKeys: string[] | null = readNullableArray(r, version >= 4, 1, (version >= 4 ? readCompactString : readString));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeConfigsRequestDescribeConfigsResource = { resourceType: f_resourceType, resourceName: f_resourceName, configurationKeys: f_configurationKeys };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeConfigsRequest(w: Writer, value: DescribeConfigsRequestInput, version: number): void {
  checkVersion("DescribeConfigsRequest", version, 1, 4);
  writeDescribeConfigsRequest(w, value, version);
}

export function decodeDescribeConfigsRequest(r: Reader, version: number): DescribeConfigsRequest {
  if (version < 1 || version > 4) r.fail(`DescribeConfigsRequest has no version ${version}`);
  return readDescribeConfigsRequest(r, version);
}
