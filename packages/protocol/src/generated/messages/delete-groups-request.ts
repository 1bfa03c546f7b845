// Generated from Kafka's clients/DeleteGroupsRequest.json by packages/protocol/generator. Do not edit.
// request 42, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface DeleteGroupsRequest {
  groupsNames: string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsRequestInput {
  groupsNames: readonly string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteGroupsRequest(): DeleteGroupsRequest {
  return { groupsNames: [] };
}

function writeDeleteGroupsRequest(w: Writer, v: DeleteGroupsRequestInput, version: number): void {
  const v_groupsNames = v.groupsNames === undefined ? [] : v.groupsNames;
  writeArray(w, version >= 2, nonNull(v_groupsNames, "DeleteGroupsRequest", "groupsNames", version), (version >= 2 ? writeCompactString : writeString));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteGroupsRequest(r: Reader, version: number): DeleteGroupsRequest {
  const f_groupsNames: string[] = readArray(r, version >= 2, 1, (version >= 2 ? readCompactString : readString));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteGroupsRequest = { groupsNames: f_groupsNames };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteGroupsRequest(w: Writer, value: DeleteGroupsRequestInput, version: number): void {
  checkVersion("DeleteGroupsRequest", version, 0, 2);
  writeDeleteGroupsRequest(w, value, version);
}

export function decodeDeleteGroupsRequest(r: Reader, version: number): DeleteGroupsRequest {
  if (version < 0 || version > 2) r.fail(`DeleteGroupsRequest has no version ${version}`);
  return readDeleteGroupsRequest(r, version);
}
