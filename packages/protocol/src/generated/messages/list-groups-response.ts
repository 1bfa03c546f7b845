// Generated from Kafka's clients/ListGroupsResponse.json by packages/protocol/generator. Do not edit.
// response 16, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ListGroupsResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  groups: ListGroupsResponseListedGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsResponseInput {
  throttleTimeMs?: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  groups: readonly ListGroupsResponseListedGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsResponseListedGroup {
  groupId: string; // versions 0+
  protocolType: string; // versions 0+
  groupState: string; // versions 4+, ignorable
  groupType: string; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ListGroupsResponseListedGroupInput {
  groupId: string; // versions 0+
  protocolType: string; // versions 0+
  groupState?: string; // versions 4+, ignorable
  groupType?: string; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListGroupsResponse(): ListGroupsResponse {
  return { throttleTimeMs: 0, errorCode: 0, groups: [] };
}

export function defaultListGroupsResponseListedGroup(): ListGroupsResponseListedGroup {
  return { groupId: "", protocolType: "", groupState: "", groupType: "" };
}

function writeListGroupsResponse(w: Writer, v: ListGroupsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 1) {
    w.int32(v_throttleTimeMs);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, version >= 3, nonNull(v_groups, "ListGroupsResponse", "groups", version), (ew, e) => writeListGroupsResponseListedGroup(ew, e, version));
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListGroupsResponse(r: Reader, version: number): ListGroupsResponse {
  const f_throttleTimeMs: number = version >= 1 ? r.int32() : 0;
  const f_errorCode: number = r.int16();
  const f_groups: ListGroupsResponseListedGroup[] = readArray(r, version >= 3, 2, (er) => readListGroupsResponseListedGroup(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: ListGroupsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListGroupsResponseListedGroup(w: Writer, v: ListGroupsResponseListedGroupInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 3) w.compactString(nonNull(v_groupId, "ListGroupsResponse", "groupId", version));
  else w.string(nonNull(v_groupId, "ListGroupsResponse", "groupId", version));
  const v_protocolType = v.protocolType === undefined ? "" : v.protocolType;
  if (version >= 3) w.compactString(nonNull(v_protocolType, "ListGroupsResponse", "protocolType", version));
  else w.string(nonNull(v_protocolType, "ListGroupsResponse", "protocolType", version));
  const v_groupState = v.groupState === undefined ? "" : v.groupState;
  if (version >= 4) {
    w.compactString(nonNull(v_groupState, "ListGroupsResponse", "groupState", version));
  }
  const v_groupType = v.groupType === undefined ? "" : v.groupType;
  if (version >= 5) {
    w.compactString(nonNull(v_groupType, "ListGroupsResponse", "groupType", version));
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListGroupsResponseListedGroup(r: Reader, version: number): ListGroupsResponseListedGroup {
  const f_groupId: string = (version >= 3 ? r.compactString() : r.string());
  const f_protocolType: string = (version >= 3 ? r.compactString() : r.string());
  const f_groupState: string = version >= 4 ? r.compactString() : "";
  const f_groupType: string = version >= 5 ? r.compactString() : "";
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: ListGroupsResponseListedGroup = { groupId: f_groupId, protocolType: f_protocolType, groupState: f_groupState, groupType: f_groupType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListGroupsResponse(w: Writer, value: ListGroupsResponseInput, version: number): void {
  checkVersion("ListGroupsResponse", version, 0, 5);
  writeListGroupsResponse(w, value, version);
}

export function decodeListGroupsResponse(r: Reader, version: number): ListGroupsResponse {
  if (version < 0 || version > 5) r.fail(`ListGroupsResponse has no version ${version}`);
  return readListGroupsResponse(r, version);
}
