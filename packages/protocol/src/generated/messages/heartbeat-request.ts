// Generated from Kafka's clients/HeartbeatRequest.json by packages/protocol/generator. Do not edit.
// request 12, versions 0-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, unsupportedField } from '../../primitives/codec-support.ts';

export interface HeartbeatRequest {
  groupId: string; // versions 0+
  generationId: number; // versions 0+
  memberId: string; // versions 0+
  groupInstanceId: string | null; // versions 3+, nullable 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface HeartbeatRequestInput {
  groupId: string; // versions 0+
  generationId: number; // versions 0+
  memberId: string; // versions 0+
  groupInstanceId?: string | null; // versions 3+, nullable 3+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultHeartbeatRequest(): HeartbeatRequest {
  return { groupId: "", generationId: 0, memberId: "", groupInstanceId: null };
}

function writeHeartbeatRequest(w: Writer, v: HeartbeatRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 4) w.compactString(nonNull(v_groupId, "HeartbeatRequest", "groupId", version));
  else w.string(nonNull(v_groupId, "HeartbeatRequest", "groupId", version));
  const v_generationId = v.generationId === undefined ? 0 : v.generationId;
  w.int32(v_generationId);
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 4) w.compactString(nonNull(v_memberId, "HeartbeatRequest", "memberId", version));
  else w.string(nonNull(v_memberId, "HeartbeatRequest", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 3) {
    if (version >= 4) w.compactNullableString(v_groupInstanceId);
    else w.nullableString(v_groupInstanceId);
  } else if (v.groupInstanceId !== undefined && v.groupInstanceId !== null) {
    unsupportedField("HeartbeatRequest", "groupInstanceId", version);
  }
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readHeartbeatRequest(r: Reader, version: number): HeartbeatRequest {
  const f_groupId: string = (version >= 4 ? r.compactString() : r.string());
  const f_generationId: number = r.int32();
  const f_memberId: string = (version >= 4 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = version >= 3 ? (version >= 4 ? r.compactNullableString() : r.nullableString()) : null;
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: HeartbeatRequest = { groupId: f_groupId, generationId: f_generationId, memberId: f_memberId, groupInstanceId: f_groupInstanceId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeHeartbeatRequest(w: Writer, value: HeartbeatRequestInput, version: number): void {
  checkVersion("HeartbeatRequest", version, 0, 4);
  writeHeartbeatRequest(w, value, version);
}

export function decodeHeartbeatRequest(r: Reader, version: number): HeartbeatRequest {
  if (version < 0 || version > 4) r.fail(`HeartbeatRequest has no version ${version}`);
  return readHeartbeatRequest(r, version);
}
