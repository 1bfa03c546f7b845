// Generated from Kafka's clients/JoinGroupResponse.json by packages/protocol/generator. Do not edit.
// response 11, versions 0-9, flexible 6-9
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface JoinGroupResponse {
  throttleTimeMs: number; // versions 2+, ignorable
  errorCode: number; // versions 0+
  generationId: number; // versions 0+
  protocolType: string | null; // versions 7+, nullable 7+, ignorable
  protocolName: string | null; // versions 0+, nullable 7+
  leader: string; // versions 0+
  skipAssignment: boolean; // versions 9+
  memberId: string; // versions 0+
  members: JoinGroupResponseMember[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupResponseInput {
  throttleTimeMs?: number; // versions 2+, ignorable
  errorCode: number; // versions 0+
  generationId?: number; // versions 0+
  protocolType?: string | null; // versions 7+, nullable 7+, ignorable
  protocolName: string | null; // versions 0+, nullable 7+
  leader: string; // versions 0+
  skipAssignment?: boolean; // versions 9+
  memberId: string; // versions 0+
  members: readonly JoinGroupResponseMemberInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupResponseMember {
  memberId: string; // versions 0+
  groupInstanceId: string | null; // versions 5+, nullable 5+, ignorable
  metadata: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupResponseMemberInput {
  memberId: string; // versions 0+
  groupInstanceId?: string | null; // versions 5+, nullable 5+, ignorable
  metadata: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupResponse(): JoinGroupResponse {
  return { throttleTimeMs: 0, errorCode: 0, generationId: -1, protocolType: null, protocolName: "", leader: "", skipAssignment: false, memberId: "", members: [] };
}

export function defaultJoinGroupResponseMember(): JoinGroupResponseMember {
  return { memberId: "", groupInstanceId: null, metadata: EMPTY_BYTES };
}

function writeJoinGroupResponse(w: Writer, v: JoinGroupResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 2) {
    w.int32(v_throttleTimeMs);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_generationId = v.generationId === undefined ? -1 : v.generationId;
  w.int32(v_generationId);
  const v_protocolType = v.protocolType === undefined ? null : v.protocolType;
  if (version >= 7) {
    w.compactNullableString(v_protocolType);
  }
  const v_protocolName = v.protocolName === undefined ? "" : v.protocolName;
  if (version >= 7) {
    if (version >= 6) w.compactNullableString(v_protocolName);
    else w.nullableString(v_protocolName);
  } else {
    if (version >= 6) w.compactString(nonNull(v_protocolName, "JoinGroupResponse", "protocolName", version));
    else w.string(nonNull(v_protocolName, "JoinGroupResponse", "protocolName", version));
  }
  const v_leader = v.leader === undefined ? "" : v.leader;
  if (version >= 6) w.compactString(nonNull(v_leader, "JoinGroupResponse", "leader", version));
  else w.string(nonNull(v_leader, "JoinGroupResponse", "leader", version));
  const v_skipAssignment = v.skipAssignment === undefined ? false : v.skipAssignment;
  if (version >= 9) {
    w.bool(v_skipAssignment);
  } else if (v.skipAssignment !== undefined && v.skipAssignment !== false) {
    unsupportedField("JoinGroupResponse", "skipAssignment", version);
  }
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 6) w.compactString(nonNull(v_memberId, "JoinGroupResponse", "memberId", version));
  else w.string(nonNull(v_memberId, "JoinGroupResponse", "memberId", version));
  const v_members = v.members === undefined ? [] : v.members;
  writeArray(w, version >= 6, nonNull(v_members, "JoinGroupResponse", "members", version), (ew, e) => writeJoinGroupResponseMember(ew, e, version));
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readJoinGroupResponse(r: Reader, version: number): JoinGroupResponse {
  const f_throttleTimeMs: number = version >= 2 ? r.int32() : 0;
  const f_errorCode: number = r.int16();
  const f_generationId: number = r.int32();
  const f_protocolType: string | null = version >= 7 ? r.compactNullableString() : null;
  const f_protocolName: string | null = (version >= 6 ? (version >= 7 ? r.compactNullableString() : r.compactString()) : (version >= 7 ? r.nullableString() : r.string()));
  const f_leader: string = (version >= 6 ? r.compactString() : r.string());
  const f_skipAssignment: boolean = version >= 9 ? r.bool() : false;
  const f_memberId: string = (version >= 6 ? r.compactString() : r.string());
  const f_members: JoinGroupResponseMember[] = readArray(r, version >= 6, 2, (er) => readJoinGroupResponseMember(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: JoinGroupResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, generationId: f_generationId, protocolType: f_protocolType, protocolName: f_protocolName, leader: f_leader, skipAssignment: f_skipAssignment, memberId: f_memberId, members: f_members };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeJoinGroupResponseMember(w: Writer, v: JoinGroupResponseMemberInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 6) w.compactString(nonNull(v_memberId, "JoinGroupResponse", "memberId", version));
  else w.string(nonNull(v_memberId, "JoinGroupResponse", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 5) {
    if (version >= 6) w.compactNullableString(v_groupInstanceId);
    else w.nullableString(v_groupInstanceId);
  }
  const v_metadata = v.metadata === undefined ? EMPTY_BYTES : v.metadata;
  if (version >= 6) w.compactBytes(nonNull(v_metadata, "JoinGroupResponse", "metadata", version));
  else w.bytes(nonNull(v_metadata, "JoinGroupResponse", "metadata", version));
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readJoinGroupResponseMember(r: Reader, version: number): JoinGroupResponseMember {
  const f_memberId: string = (version >= 6 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = version >= 5 ? (version >= 6 ? r.compactNullableString() : r.nullableString()) : null;
  const f_metadata: Buffer = (version >= 6 ? r.compactBytes() : r.bytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: JoinGroupResponseMember = { memberId: f_memberId, groupInstanceId: f_groupInstanceId, metadata: f_metadata };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeJoinGroupResponse(w: Writer, value: JoinGroupResponseInput, version: number): void {
  checkVersion("JoinGroupResponse", version, 0, 9);
  writeJoinGroupResponse(w, value, version);
}

export function decodeJoinGroupResponse(r: Reader, version: number): JoinGroupResponse {
  if (version < 0 || version > 9) r.fail(`JoinGroupResponse has no version ${version}`);
  return readJoinGroupResponse(r, version);
}
