// Generated from Kafka's clients/SyncGroupResponse.json by packages/protocol/generator. Do not edit.
// response 14, versions 0-5, flexible 4-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface SyncGroupResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  protocolType: string | null; // versions 5+, nullable 5+, ignorable
  protocolName: string | null; // versions 5+, nullable 5+, ignorable
  assignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface SyncGroupResponseInput {
  throttleTimeMs?: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  protocolType?: string | null; // versions 5+, nullable 5+, ignorable
  protocolName?: string | null; // versions 5+, nullable 5+, ignorable
  assignment: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSyncGroupResponse(): SyncGroupResponse {
  return { throttleTimeMs: 0, errorCode: 0, protocolType: null, protocolName: null, assignment: EMPTY_BYTES };
}

function writeSyncGroupResponse(w: Writer, v: SyncGroupResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 1) {
    w.int32(v_throttleTimeMs);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_protocolType = v.protocolType === undefined ? null : v.protocolType;
  if (version >= 5) {
    w.compactNullableString(v_protocolType);
  }
  const v_protocolName = v.protocolName === undefined ? null : v.protocolName;
  if (version >= 5) {
    w.compactNullableString(v_protocolName);
  }
  const v_assignment = v.assignment === undefined ? EMPTY_BYTES : v.assignment;
  if (version >= 4) w.compactBytes(nonNull(v_assignment, "SyncGroupResponse", "assignment", version));
  else w.bytes(nonNull(v_assignment, "SyncGroupResponse", "assignment", version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readSyncGroupResponse(r: Reader, version: number): SyncGroupResponse {
  const f_throttleTimeMs: number = version >= 1 ? r.int32() : 0;
  const f_errorCode: number = r.int16();
  const f_protocolType: string | null = version >= 5 ? r.compactNullableString() : null;
  const f_protocolName: string | null = version >= 5 ? r.compactNullableString() : null;
  const f_assignment: Buffer = (version >= 4 ? r.compactBytes() : r.bytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: SyncGroupResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, protocolType: f_protocolType, protocolName: f_protocolName, assignment: f_assignment };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeSyncGroupResponse(w: Writer, value: SyncGroupResponseInput, version: number): void {
  checkVersion("SyncGroupResponse", version, 0, 5);
  writeSyncGroupResponse(w, value, version);
}

export function decodeSyncGroupResponse(r: Reader, version: number): SyncGroupResponse {
  if (version < 0 || version > 5) r.fail(`SyncGroupResponse has no version ${version}`);
  return readSyncGroupResponse(r, version);
}
