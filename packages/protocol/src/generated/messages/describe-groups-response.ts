// Generated from Kafka's clients/DescribeGroupsResponse.json by packages/protocol/generator. Do not edit.
// response 15, versions 0-6, flexible 5-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeGroupsResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  groups: DescribeGroupsResponseDescribedGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseInput {
  throttleTimeMs?: number; // versions 1+, ignorable
  groups: readonly DescribeGroupsResponseDescribedGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroup {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 6+, nullable 6+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  protocolType: string; // versions 0+
  protocolData: string; // versions 0+
  members: DescribeGroupsResponseDescribedGroupMember[]; // versions 0+
  authorizedOperations: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroupInput {
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 6+, nullable 6+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  protocolType: string; // versions 0+
  protocolData: string; // versions 0+
  members: readonly DescribeGroupsResponseDescribedGroupMemberInput[]; // versions 0+
  authorizedOperations?: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroupMember {
  memberId: string; // versions 0+
  groupInstanceId: string | null; // versions 4+, nullable 4+, ignorable
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  memberMetadata: Buffer; // versions 0+
  memberAssignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeGroupsResponseDescribedGroupMemberInput {
  memberId: string; // versions 0+
  groupInstanceId?: string | null; // versions 4+, nullable 4+, ignorable
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  memberMetadata: Buffer; // versions 0+
  memberAssignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeGroupsResponse(): DescribeGroupsResponse {
  return { throttleTimeMs: 0, groups: [] };
}

export function defaultDescribeGroupsResponseDescribedGroup(): DescribeGroupsResponseDescribedGroup {
  return { errorCode: 0, errorMessage: null, groupId: "", groupState: "", protocolType: "", protocolData: "", members: [], authorizedOperations: -2147483648 };
}

export function defaultDescribeGroupsResponseDescribedGroupMember(): DescribeGroupsResponseDescribedGroupMember {
  return { memberId: "", groupInstanceId: null, clientId: "", clientHost: "", memberMetadata: EMPTY_BYTES, memberAssignment: EMPTY_BYTES };
}

function writeDescribeGroupsResponse(w: Writer, v: DescribeGroupsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 1) {
    w.int32(v_throttleTimeMs);
  }
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, version >= 5, nonNull(v_groups, "DescribeGroupsResponse", "groups", version), (ew, e) => writeDescribeGroupsResponseDescribedGroup(ew, e, version));
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeGroupsResponse(r: Reader, version: number): DescribeGroupsResponse {
  const f_throttleTimeMs: number = version >= 1 ? r.int32() : 0;
  const f_groups: DescribeGroupsResponseDescribedGroup[] = readArray(r, version >= 5, 7, (er) => readDescribeGroupsResponseDescribedGroup(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeGroupsResponse = { throttleTimeMs: f_throttleTimeMs, groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeGroupsResponseDescribedGroup(w: Writer, v: DescribeGroupsResponseDescribedGroupInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  if (version >= 6) {
    w.compactNullableString(v_errorMessage);
  } else if (v.errorMessage !== undefined && v.errorMessage !== null) {
    unsupportedField("DescribeGroupsResponse", "errorMessage", version);
  }
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 5) w.compactString(nonNull(v_groupId, "DescribeGroupsResponse", "groupId", version));
  else w.string(nonNull(v_groupId, "DescribeGroupsResponse", "groupId", version));
  const v_groupState = v.groupState === undefined ? "" : v.groupState;
  if (version >= 5) w.compactString(nonNull(v_groupState, "DescribeGroupsResponse", "groupState", version));
  else w.string(nonNull(v_groupState, "DescribeGroupsResponse", "groupState", version));
  const v_protocolType = v.protocolType === undefined ? "" : v.protocolType;
  if (version >= 5) w.compactString(nonNull(v_protocolType, "DescribeGroupsResponse", "protocolType", version));
  else w.string(nonNull(v_protocolType, "DescribeGroupsResponse", "protocolType", version));
  const v_protocolData = v.protocolData === undefined ? "" : v.protocolData;
  if (version >= 5) w.compactString(nonNull(v_protocolData, "DescribeGroupsResponse", "protocolData", version));
  else w.string(nonNull(v_protocolData, "DescribeGroupsResponse", "protocolData", version));
  const v_members = v.members === undefined ? [] : v.members;
  writeArray(w, version >= 5, nonNull(v_members, "DescribeGroupsResponse", "members", version), (ew, e) => writeDescribeGroupsResponseDescribedGroupMember(ew, e, version));
  const v_authorizedOperations = v.authorizedOperations === undefined ? -2147483648 : v.authorizedOperations;
  if (version >= 3) {
    w.int32(v_authorizedOperations);
  } else if (v.authorizedOperations !== undefined && v.authorizedOperations !== -2147483648) {
    unsupportedField("DescribeGroupsResponse", "authorizedOperations", version);
  }
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeGroupsResponseDescribedGroup(r: Reader, version: number): DescribeGroupsResponseDescribedGroup {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = version >= 6 ? r.compactNullableString() : null;
  const f_groupId: string = (version >= 5 ? r.compactString() : r.string());
  const f_groupState: string = (version >= 5 ? r.compactString() : r.string());
  const f_protocolType: string = (version >= 5 ? r.compactString() : r.string());
  const f_protocolData: string = (version >= 5 ? r.compactString() : r.string());
  const f_members: DescribeGroupsResponseDescribedGroupMember[] = readArray(r, version >= 5, 5, (er) => readDescribeGroupsResponseDescribedGroupMember(er, version));
  const f_authorizedOperations: number = version >= 3 ? r.int32() : -2147483648;
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeGroupsResponseDescribedGroup = { errorCode: f_errorCode, errorMessage: f_errorMessage, groupId: f_groupId, groupState: f_groupState, protocolType: f_protocolType, protocolData: f_protocolData, members: f_members, authorizedOperations: f_authorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeGroupsResponseDescribedGroupMember(w: Writer, v: DescribeGroupsResponseDescribedGroupMemberInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 5) w.compactString(nonNull(v_memberId, "DescribeGroupsResponse", "memberId", version));
  else w.string(nonNull(v_memberId, "DescribeGroupsResponse", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 4) {
    if (version >= 5) w.compactNullableString(v_groupInstanceId);
    else w.nullableString(v_groupInstanceId);
  }
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  if (version >= 5) w.compactString(nonNull(v_clientId, "DescribeGroupsResponse", "clientId", version));
  else w.string(nonNull(v_clientId, "DescribeGroupsResponse", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  if (version >= 5) w.compactString(nonNull(v_clientHost, "DescribeGroupsResponse", "clientHost", version));
  else w.string(nonNull(v_clientHost, "DescribeGroupsResponse", "clientHost", version));
  const v_memberMetadata = v.memberMetadata === undefined ? EMPTY_BYTES : v.memberMetadata;
  if (version >= 5) w.compactBytes(nonNull(v_memberMetadata, "DescribeGroupsResponse", "memberMetadata", version));
  else w.bytes(nonNull(v_memberMetadata, "DescribeGroupsResponse", "memberMetadata", version));
  const v_memberAssignment = v.memberAssignment === undefined ? EMPTY_BYTES : v.memberAssignment;
  if (version >= 5) w.compactBytes(nonNull(v_memberAssignment, "DescribeGroupsResponse", "memberAssignment", version));
  else w.bytes(nonNull(v_memberAssignment, "DescribeGroupsResponse", "memberAssignment", version));
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeGroupsResponseDescribedGroupMember(r: Reader, version: number): DescribeGroupsResponseDescribedGroupMember {
  const f_memberId: string = (version >= 5 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = version >= 4 ? (version >= 5 ? r.compactNullableString() : r.nullableString()) : null;
  const f_clientId: string = (version >= 5 ? r.compactString() : r.string());
  const f_clientHost: string = (version >= 5 ? r.compactString() : r.string());
  const f_memberMetadata: Buffer = (version >= 5 ? r.compactBytes() : r.bytes());
  const f_memberAssignment: Buffer = (version >= 5 ? r.compactBytes() : r.bytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeGroupsResponseDescribedGroupMember = { memberId: f_memberId, groupInstanceId: f_groupInstanceId, clientId: f_clientId, clientHost: f_clientHost, memberMetadata: f_memberMetadata, memberAssignment: f_memberAssignment };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeGroupsResponse(w: Writer, value: DescribeGroupsResponseInput, version: number): void {
  checkVersion("DescribeGroupsResponse", version, 0, 6);
  writeDescribeGroupsResponse(w, value, version);
}

export function decodeDescribeGroupsResponse(r: Reader, version: number): DescribeGroupsResponse {
  if (version < 0 || version > 6) r.fail(`DescribeGroupsResponse has no version ${version}`);
  return readDescribeGroupsResponse(r, version);
}
