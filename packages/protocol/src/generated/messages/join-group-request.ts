// Generated from Kafka's clients/JoinGroupRequest.json by packages/protocol/generator. Do not edit.
// request 11, versions 0-9, flexible 6-9
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface JoinGroupRequest {
  groupId: string; // versions 0+
  sessionTimeoutMs: number; // versions 0+
  rebalanceTimeoutMs: number; // versions 1+, ignorable
  memberId: string; // versions 0+
  groupInstanceId: string | null; // versions 5+, nullable 5+
  protocolType: string; // versions 0+
  protocols: JoinGroupRequestProtocol[]; // versions 0+
  reason: string | null; // versions 8+, nullable 8+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupRequestInput {
  groupId: string; // versions 0+
  sessionTimeoutMs: number; // versions 0+
  rebalanceTimeoutMs?: number; // versions 1+, ignorable
  memberId: string; // versions 0+
  groupInstanceId?: string | null; // versions 5+, nullable 5+
  protocolType: string; // versions 0+
  protocols: readonly JoinGroupRequestProtocolInput[]; // versions 0+
  reason?: string | null; // versions 8+, nullable 8+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupRequestProtocol {
  name: string; // versions 0+
  metadata: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface JoinGroupRequestProtocolInput {
  name: string; // versions 0+
  metadata: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultJoinGroupRequest(): JoinGroupRequest {
  return { groupId: "", sessionTimeoutMs: 0, rebalanceTimeoutMs: -1, memberId: "", groupInstanceId: null, protocolType: "", protocols: [], reason: null };
}

export function defaultJoinGroupRequestProtocol(): JoinGroupRequestProtocol {
  return { name: "", metadata: EMPTY_BYTES };
}

function writeJoinGroupRequest(w: Writer, v: JoinGroupRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 6) w.compactString(nonNull(v_groupId, "JoinGroupRequest", "groupId", version));
  else w.string(nonNull(v_groupId, "JoinGroupRequest", "groupId", version));
  const v_sessionTimeoutMs = v.sessionTimeoutMs === undefined ? 0 : v.sessionTimeoutMs;
  w.int32(v_sessionTimeoutMs);
  const v_rebalanceTimeoutMs = v.rebalanceTimeoutMs === undefined ? -1 : v.rebalanceTimeoutMs;
  if (version >= 1) {
    w.int32(v_rebalanceTimeoutMs);
  }
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 6) w.compactString(nonNull(v_memberId, "JoinGroupRequest", "memberId", version));
  else w.string(nonNull(v_memberId, "JoinGroupRequest", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 5) {
    if (version >= 6) w.compactNullableString(v_groupInstanceId);
    else w.nullableString(v_groupInstanceId);
  } else if (v.groupInstanceId !== undefined && v.groupInstanceId !== null) {
    unsupportedField("JoinGroupRequest", "groupInstanceId", version);
  }
  const v_protocolType = v.protocolType === undefined ? "" : v.protocolType;
  if (version >= 6) w.compactString(nonNull(v_protocolType, "JoinGroupRequest", "protocolType", version));
  else w.string(nonNull(v_protocolType, "JoinGroupRequest", "protocolType", version));
  const v_protocols = v.protocols === undefined ? [] : v.protocols;
  writeArray(w, version >= 6, nonNull(v_protocols, "JoinGroupRequest", "protocols", version), (ew, e) => writeJoinGroupRequestProtocol(ew, e, version));
  const v_reason = v.reason === undefined ? null : v.reason;
  if (version >= 8) {
    w.compactNullableString(v_reason);
  }
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readJoinGroupRequest(r: Reader, version: number): JoinGroupRequest {
  const f_groupId: string = (version >= 6 ? r.compactString() : r.string());
  const f_sessionTimeoutMs: number = r.int32();
  const f_rebalanceTimeoutMs: number = version >= 1 ? r.int32() : -1;
  const f_memberId: string = (version >= 6 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = version >= 5 ? (version >= 6 ? r.compactNullableString() : r.nullableString()) : null;
  const f_protocolType: string = (version >= 6 ? r.compactString() : r.string());
  const f_protocols: JoinGroupRequestProtocol[] = readArray(r, version >= 6, 2, (er) => readJoinGroupRequestProtocol(er, version));
  const f_reason: string | null = version >= 8 ? r.compactNullableString() : null;
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: JoinGroupRequest = { groupId: f_groupId, sessionTimeoutMs: f_sessionTimeoutMs, rebalanceTimeoutMs: f_rebalanceTimeoutMs, memberId: f_memberId, groupInstanceId: f_groupInstanceId, protocolType: f_protocolType, protocols: f_protocols, reason: f_reason };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeJoinGroupRequestProtocol(w: Writer, v: JoinGroupRequestProtocolInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 6) w.compactString(nonNull(v_name, "JoinGroupRequest", "name", version));
  else w.string(nonNull(v_name, "JoinGroupRequest", "name", version));
  const v_metadata = v.metadata === undefined ? EMPTY_BYTES : v.metadata;
  if (version >= 6) w.compactBytes(nonNull(v_metadata, "JoinGroupRequest", "metadata", version));
  else w.bytes(nonNull(v_metadata, "JoinGroupRequest", "metadata", version));
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readJoinGroupRequestProtocol(r: Reader, version: number): JoinGroupRequestProtocol {
  const f_name: string = (version >= 6 ? r.compactString() : r.string());
  const f_metadata: Buffer = (version >= 6 ? r.compactBytes() : r.bytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: JoinGroupRequestProtocol = { name: f_name, metadata: f_metadata };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeJoinGroupRequest(w: Writer, value: JoinGroupRequestInput, version: number): void {
  checkVersion("JoinGroupRequest", version, 0, 9);
  writeJoinGroupRequest(w, value, version);
}

export function decodeJoinGroupRequest(r: Reader, version: number): JoinGroupRequest {
  if (version < 0 || version > 9) r.fail(`JoinGroupRequest has no version ${version}`);
  return readJoinGroupRequest(r, version);
}
