// Generated from Kafka's clients/ListConfigResourcesRequest.json by packages/protocol/generator. Do not edit.
// request 74, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt8, readNullableArray, unsupportedField, writeArray, writeInt8 } from '../../primitives/codec-support.ts';

export interface ListConfigResourcesRequest {
  resourceTypes: number[]; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListConfigResourcesRequestInput {
  resourceTypes?: readonly number[]; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListConfigResourcesRequest(): ListConfigResourcesRequest {
  return { resourceTypes: [] };
}

function writeListConfigResourcesRequest(w: Writer, v: ListConfigResourcesRequestInput, version: number): void {
  const v_resourceTypes = v.resourceTypes === undefined ? [] : v.resourceTypes;
  if (version >= 1) {
    writeArray(w, true, nonNull(v_resourceTypes, "ListConfigResourcesRequest", "resourceTypes", version), writeInt8);
  } else if (v.resourceTypes !== undefined && (v.resourceTypes === null || v.resourceTypes.length > 0)) {
    unsupportedField("ListConfigResourcesRequest", "resourceTypes", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readListConfigResourcesRequest(r: Reader, version: number): ListConfigResourcesRequest {
  const f_resourceTypes: number[] = version >= 1 ? readArray(r, true, 1, readInt8) : [];
  const unknown = r.taggedFields(null);
  const value: ListConfigResourcesRequest = { resourceTypes: f_resourceTypes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListConfigResourcesRequest(w: Writer, value: ListConfigResourcesRequestInput, version: number): void {
  checkVersion("ListConfigResourcesRequest", version, 0, 1);
  writeListConfigResourcesRequest(w, value, version);
}

export function decodeListConfigResourcesRequest(r: Reader, version: number): ListConfigResourcesRequest {
  if (version < 0 || version > 1) r.fail(`ListConfigResourcesRequest has no version ${version}`);
  return readListConfigResourcesRequest(r, version);
}
