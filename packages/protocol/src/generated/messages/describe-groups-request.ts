// Generated from Kafka's clients/DescribeGroupsRequest.json by packages/protocol/generator. Do not edit.
// request 15, versions 0-6, flexible 5-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, unsupportedField, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface DescribeGroupsRequest {
  groups: string[]; // versions 0+
  includeAuthorizedOperations: boolean; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsRequestInput {
  groups: readonly string[]; // versions 0+
  includeAuthorizedOperations?: boolean; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsRequest(): DescribeGroupsRequest {
  return { groups: [], includeAuthorizedOperations: false };
}

function writeDescribeGroupsRequest(w: Writer, v: DescribeGroupsRequestInput, version: number): void {
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, version >= 5, nonNull(v_groups, "DescribeGroupsRequest", "groups", version), (version >= 5 ? writeCompactString : writeString));
  const v_includeAuthorizedOperations = v.includeAuthorizedOperations === undefined ? false : v.includeAuthorizedOperations;
  if (version >= 3) {
    w.bool(v_includeAuthorizedOperations);
  } else if (v.includeAuthorizedOperations !== undefined && v.includeAuthorizedOperations !== false) {
    unsupportedField("DescribeGroupsRequest", "includeAuthorizedOperations", version);
  }
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeGroupsRequest(r: Reader, version: number): DescribeGroupsRequest {
  const f_groups: string[] = readArray(r, version >= 5, 1, (version >= 5 ? readCompactString : readString));
  const f_includeAuthorizedOperations: boolean = version >= 3 ? r.bool() : false;
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeGroupsRequest = { groups: f_groups, includeAuthorizedOperations: f_includeAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeGroupsRequest(w: Writer, value: DescribeGroupsRequestInput, version: number): void {
  checkVersion("DescribeGroupsRequest", version, 0, 6);
  writeDescribeGroupsRequest(w, value, version);
}

export function decodeDescribeGroupsRequest(r: Reader, version: number): DescribeGroupsRequest {
  if (version < 0 || version > 6) r.fail(`DescribeGroupsRequest has no version ${version}`);
  return readDescribeGroupsRequest(r, version);
}
