// Generated from Kafka's clients/HeartbeatResponse.json by packages/protocol/generator. Do not edit.
// response 12, versions 0-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface HeartbeatResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface HeartbeatResponseInput {
  throttleTimeMs?: number; // versions 1+, ignorable
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultHeartbeatResponse(): HeartbeatResponse {
  return { throttleTimeMs: 0, errorCode: 0 };
}

function writeHeartbeatResponse(w: Writer, v: HeartbeatResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 1) {
    w.int32(v_throttleTimeMs);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readHeartbeatResponse(r: Reader, version: number): HeartbeatResponse {
  const f_throttleTimeMs: number = version >= 1 ? r.int32() : 0;
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: HeartbeatResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeHeartbeatResponse(w: Writer, value: HeartbeatResponseInput, version: number): void {
  checkVersion("HeartbeatResponse", version, 0, 4);
  writeHeartbeatResponse(w, value, version);
}

export function decodeHeartbeatResponse(r: Reader, version: number): HeartbeatResponse {
  if (version < 0 || version > 4) r.fail(`HeartbeatResponse has no version ${version}`);
  return readHeartbeatResponse(r, version);
}
