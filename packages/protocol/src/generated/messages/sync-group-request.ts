// Generated from Kafka's clients/SyncGroupRequest.json by packages/protocol/generator. Do not edit.
// request 14, versions 0-5, flexible 4-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface SyncGroupRequest {
  groupId: string; // versions 0+
  generationId: number; // versions 0+
  memberId: string; // versions 0+
  groupInstanceId: string | null; // versions 3+, nullable 3+
  protocolType: string | null; // versions 5+, nullable 5+, ignorable
  protocolName: string | null; // versions 5+, nullable 5+, ignorable
  assignments: SyncGroupRequestAssignment[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupRequestInput {
  groupId: string; // versions 0+
  generationId: number; // versions 0+
  memberId: string; // versions 0+
  groupInstanceId?: string | null; // versions 3+, nullable 3+
  protocolType?: string | null; // versions 5+, nullable 5+, ignorable
  protocolName?: string | null; // versions 5+, nullable 5+, ignorable
  assignments: readonly SyncGroupRequestAssignmentInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupRequestAssignment {
  memberId: string; // versions 0+
  assignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupRequestAssignmentInput {
  memberId: string; // versions 0+
  assignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSyncGroupRequest(): SyncGroupRequest {
  return { groupId: "", generationId: 0, memberId: "", groupInstanceId: null, protocolType: null, protocolName: null, assignments: [] };
}

export function defaultSyncGroupRequestAssignment(): SyncGroupRequestAssignment {
  return { memberId: "", assignment: EMPTY_BYTES };
}

function writeSyncGroupRequest(w: Writer, v: SyncGroupRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 4) w.compactString(nonNull(v_groupId, "SyncGroupRequest", "groupId", version));
  else w.string(nonNull(v_groupId, "SyncGroupRequest", "groupId", version));
  const v_generationId = v.generationId === undefined ? 0 : v.generationId;
  w.int32(v_generationId);
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 4) w.compactString(nonNull(v_memberId, "SyncGroupRequest", "memberId", version));
  else w.string(nonNull(v_memberId, "SyncGroupRequest", "memberId", version));
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 3) {
    if (version >= 4) w.compactNullableString(v_groupInstanceId);
    else w.nullableString(v_groupInstanceId);
  } else if (v.groupInstanceId !== undefined && v.groupInstanceId !== null) {
    unsupportedField("SyncGroupRequest", "groupInstanceId", version);
  }
  const v_protocolType = v.protocolType === undefined ? null : v.protocolType;
  if (version >= 5) {
    w.compactNullableString(v_protocolType);
  }
  const v_protocolName = v.protocolName === undefined ? null : v.protocolName;
  if (version >= 5) {
    w.compactNullableString(v_protocolName);
  }
  const v_assignments = v.assignments === undefined ? [] : v.assignments;
  writeArray(w, version >= 4, nonNull(v_assignments, "SyncGroupRequest", "assignments", version), (ew, e) => writeSyncGroupRequestAssignment(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readSyncGroupRequest(r: Reader, version: number): SyncGroupRequest {
  const f_groupId: string = (version >= 4 ? r.compactString() : r.string());
  const f_generationId: number = r.int32();
  const f_memberId: string = (version >= 4 ? r.compactString() : r.string());
  const f_groupInstanceId: string | null = version >= 3 ? (version >= 4 ? r.compactNullableString() : r.nullableString()) : null;
  const f_protocolType: string | null = version >= 5 ? r.compactNullableString() : null;
  const f_protocolName: string | null = version >= 5 ? r.compactNullableString() : null;
  const f_assignments: SyncGroupRequestAssignment[] = readArray(r, version >= 4, 2, (er) => readSyncGroupRequestAssignment(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: SyncGroupRequest = { groupId: f_groupId, generationId: f_generationId, memberId: f_memberId, groupInstanceId: f_groupInstanceId, protocolType: f_protocolType, protocolName: f_protocolName, assignments: f_assignments };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeSyncGroupRequestAssignment(w: Writer, v: SyncGroupRequestAssignmentInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 4) w.compactString(nonNull(v_memberId, "SyncGroupRequest", "memberId", version));
  else w.string(nonNull(v_memberId, "SyncGroupRequest", "memberId", version));
  const v_assignment = v.assignment === undefined ? EMPTY_BYTES : v.assignment;
  if (version >= 4) w.compactBytes(nonNull(v_assignment, "SyncGroupRequest", "assignment", version));
  else w.bytes(nonNull(v_assignment, "SyncGroupRequest", "assignment", version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readSyncGroupRequestAssignment(r: Reader, version: number): SyncGroupRequestAssignment {
  const f_memberId: string = (version >= 4 ? r.compactString() : r.string());
  const f_assignment: Buffer = (version >= 4 ? r.compactBytes() : r.bytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: SyncGroupRequestAssignment = { memberId: f_memberId, assignment: f_assignment };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeSyncGroupRequest(w: Writer, value: SyncGroupRequestInput, version: number): void {
  checkVersion("SyncGroupRequest", version, 0, 5);
  writeSyncGroupRequest(w, value, version);
}

export function decodeSyncGroupRequest(r: Reader, version: number): SyncGroupRequest {
  if (version < 0 || version > 5) r.fail(`SyncGroupRequest has no version ${version}`);
  return readSyncGroupRequest(r, version);
}
