// Generated from Kafka's clients/LeaveGroupRequest.json by packages/protocol/generator. Do not edit.
// request 13, versions 0-5, flexible 4-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface LeaveGroupRequest {
  groupId: string; // versions 0+
  memberId: string; // versions 0-2
  members: LeaveGroupRequestMemberIdentity[]; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupRequestInput {
  groupId: string; // versions 0+
  memberId?: string; // versions 0-2
  members?: readonly LeaveGroupRequestMemberIdentityInput[]; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupRequestMemberIdentity {
  memberId: string; // versions 3+
  groupInstanceId: string | null; // versions 3+, nullable 3+
  reason: string | null; // versions 5+, nullable 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupRequestMemberIdentityInput {
  memberId: string; // versions 3+
  groupInstanceId?: string | null; // versions 3+, nullable 3+
  reason?: string | null; // versions 5+, nullable 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupRequest(): LeaveGroupRequest {
  return { groupId: "", memberId: "", members: [] };
}

export function defaultLeaveGroupRequestMemberIdentity(): LeaveGroupRequestMemberIdentity {
  return { memberId: "", groupInstanceId: null, reason: null };
}

function writeLeaveGroupRequest(w: Writer, v: LeaveGroupRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 4) w.compactString(nonNull(v_groupId, "LeaveGroupRequest", "groupId", version));
  else w.string(nonNull(v_groupId, "LeaveGroupRequest", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version <= 2) {
    w.string(nonNull(v_memberId, "LeaveGroupRequest", "memberId", version));
  } else if (v.memberId !== undefined && v.memberId !== "") {
    unsupportedField("LeaveGroupRequest", "memberId", version);
  }
  const v_members = v.members === undefined ? [] : v.members;
  if (version >= 3) {
    writeArray(w, version >= 4, nonNull(v_members, "LeaveGroupRequest", "members", version), (ew, e) => writeLeaveGroupRequestMemberIdentity(ew, e, version));
  } else if (v.members !== undefined && (v.members === null || v.members.length > 0)) {
    unsupportedField("LeaveGroupRequest", "members", version);
  }
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readLeaveGroupRequest(r: Reader, version: number): LeaveGroupRequest {
  const f_groupId: string = (version >= 4 ? r.compactString() : r.string());
  const f_memberId: string = version <= 2 ? r.string() : "";
  const f_members: LeaveGroupRequestMemberIdentity[] = version >= 3 ? readArray(r, version >= 4, 1, (er) => readLeaveGroupRequestMemberIdentity(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: LeaveGroupRequest = { groupId: f_groupId, memberId: f_memberId, members: f_members };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeLeaveGroupRequestMemberIdentity(w: Writer, v: LeaveGroupRequestMemberIdentityInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 4) w.compactString(nonNull(v_memberId, "LeaveGroupRequest", "memberId", version));
  else w.string(nonNull(v_memberId, "LeaveGroupRequest", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 4) w.compactNullableString(v_groupInstanceId);
  else w.nullableString(v_groupInstanceId);
  const v_reason = v.reason === undefined ? null : v.reason;
  if (version >= 5) {
    w.compactNullableString(v_reason);
  }
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readLeaveGroupRequestMemberIdentity(r: Reader, version: number): LeaveGroupRequestMemberIdentity {
  const f_memberId: string = (version >= 4 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = (version >= 4 ? r.compactNullableString() : r.nullableString());
  const f_reason: string | null = version >= 5 ? r.compactNullableString() : null;
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: LeaveGroupRequestMemberIdentity = { memberId: f_memberId, groupInstanceId: f_groupInstanceId, reason: f_reason };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeLeaveGroupRequest(w: Writer, value: LeaveGroupRequestInput, version: number): void {
  checkVersion("LeaveGroupRequest", version, 0, 5);
  writeLeaveGroupRequest(w, value, version);
}

export function decodeLeaveGroupRequest(r: Reader, version: number): LeaveGroupRequest {
  if (version < 0 || version > 5) r.fail(`LeaveGroupRequest has no version ${version}`);
  return readLeaveGroupRequest(r, version);
}
