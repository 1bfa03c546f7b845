// Generated from Kafka's clients/LeaveGroupResponse.json by packages/protocol/generator. Do not edit.
// response 13, versions 0-5, flexible 4-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface LeaveGroupResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  members: LeaveGroupResponseMemberResponse[]; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupResponseInput {
  throttleTimeMs?: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  members?: readonly LeaveGroupResponseMemberResponseInput[]; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupResponseMemberResponse {
  memberId: string; // versions 3+
  groupInstanceId: string | null; // versions 3+, nullable 3+
  errorCode: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface LeaveGroupResponseMemberResponseInput {
  memberId: string; // versions 3+
  groupInstanceId: string | null; // versions 3+, nullable 3+
  errorCode: number; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultLeaveGroupResponse(): LeaveGroupResponse {
  return { throttleTimeMs: 0, errorCode: 0, members: [] };
}

export function defaultLeaveGroupResponseMemberResponse(): LeaveGroupResponseMemberResponse {
  return { memberId: "", groupInstanceId: "", errorCode: 0 };
}

function writeLeaveGroupResponse(w: Writer, v: LeaveGroupResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 1) {
    w.int32(v_throttleTimeMs);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_members = v.members === undefined ? [] : v.members;
  if (version >= 3) {
    writeArray(w, version >= 4, nonNull(v_members, "LeaveGroupResponse", "members", version), (ew, e) => writeLeaveGroupResponseMemberResponse(ew, e, version));
  } else if (v.members !== undefined && (v.members === null || v.members.length > 0)) {
    unsupportedField("LeaveGroupResponse", "members", version);
  }
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readLeaveGroupResponse(r: Reader, version: number): LeaveGroupResponse {
  const f_throttleTimeMs: number = version >= 1 ? r.int32() : 0;
  const f_errorCode: number = r.int16();
  const f_members: LeaveGroupResponseMemberResponse[] = version >= 3 ? readArray(r, version >= 4, 1, (er) => readLeaveGroupResponseMemberResponse(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: LeaveGroupResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, members: f_members };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeLeaveGroupResponseMemberResponse(w: Writer, v: LeaveGroupResponseMemberResponseInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 4) w.compactString(nonNull(v_memberId, "LeaveGroupResponse", "memberId", version));
  else w.string(nonNull(v_memberId, "LeaveGroupResponse", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? "" : v.groupInstanceId;
  if (version >= 4) w.compactNullableString(v_groupInstanceId);
  else w.nullableString(v_groupInstanceId);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readLeaveGroupResponseMemberResponse(r: Reader, version: number): LeaveGroupResponseMemberResponse {
  const f_memberId: string = (version >= 4 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = (version >= 4 ? r.compactNullableString() : r.nullableString());
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: LeaveGroupResponseMemberResponse = { memberId: f_memberId, groupInstanceId: f_groupInstanceId, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeLeaveGroupResponse(w: Writer, value: LeaveGroupResponseInput, version: number): void {
  checkVersion("LeaveGroupResponse", version, 0, 5);
  writeLeaveGroupResponse(w, value, version);
}

export function decodeLeaveGroupResponse(r: Reader, version: number): LeaveGroupResponse {
  if (version < 0 || version > 5) r.fail(`LeaveGroupResponse has no version ${version}`);
  return readLeaveGroupResponse(r, version);
}
