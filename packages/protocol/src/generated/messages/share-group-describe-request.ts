// Generated from Kafka's clients/ShareGroupDescribeRequest.json by packages/protocol/generator. Do not edit.
// request 77, versions 1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ShareGroupDescribeRequest {
  groupIds: string[]; // versions 0+
  includeAuthorizedOperations: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeRequestInput {
  groupIds: readonly string[]; // versions 0+
  includeAuthorizedOperations: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupDescribeRequest(): ShareGroupDescribeRequest {
  return { groupIds: [], includeAuthorizedOperations: false };
}

function writeShareGroupDescribeRequest(w: Writer, v: ShareGroupDescribeRequestInput, version: number): void {
  const v_groupIds = v.groupIds === undefined ? [] : v.groupIds;
  writeArray(w, true, nonNull(v_groupIds, "ShareGroupDescribeRequest", "groupIds", version), writeCompactString);
  const v_includeAuthorizedOperations = v.includeAuthorizedOperations === undefined ? false : v.includeAuthorizedOperations;
  w.bool(v_includeAuthorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupDescribeRequest(r: Reader, version: number): ShareGroupDescribeRequest {
  const f_groupIds: string[] = readArray(r, true, 1, readCompactString);
  const f_includeAuthorizedOperations: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: ShareGroupDescribeRequest = { groupIds: f_groupIds, includeAuthorizedOperations: f_includeAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupDescribeRequest(w: Writer, value: ShareGroupDescribeRequestInput, version: number): void {
  checkVersion("ShareGroupDescribeRequest", version, 1, 1);
  writeShareGroupDescribeRequest(w, value, version);
}

export function decodeShareGroupDescribeRequest(r: Reader, version: number): ShareGroupDescribeRequest {
  if (version < 1 || version > 1) r.fail(`ShareGroupDescribeRequest has no version ${version}`);
  return readShareGroupDescribeRequest(r, version);
}
