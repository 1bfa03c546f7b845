// Generated from Kafka's clients/RemoveRaftVoterResponse.json by packages/protocol/generator. Do not edit.
// response 81, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface RemoveRaftVoterResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface RemoveRaftVoterResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRemoveRaftVoterResponse(): RemoveRaftVoterResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "" };
}

function writeRemoveRaftVoterResponse(w: Writer, v: RemoveRaftVoterResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readRemoveRaftVoterResponse(r: Reader, version: number): RemoveRaftVoterResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: RemoveRaftVoterResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeRemoveRaftVoterResponse(w: Writer, value: RemoveRaftVoterResponseInput, version: number): void {
  checkVersion("RemoveRaftVoterResponse", version, 0, 0);
  writeRemoveRaftVoterResponse(w, value, version);
}

export function decodeRemoveRaftVoterResponse(r: Reader, version: number): RemoveRaftVoterResponse {
  if (version < 0 || version > 0) r.fail(`RemoveRaftVoterResponse has no version ${version}`);
  return readRemoveRaftVoterResponse(r, version);
}
