// Generated from Kafka's clients/AddRaftVoterResponse.json by packages/protocol/generator. Do not edit.
// response 80, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface AddRaftVoterResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddRaftVoterResponse(): AddRaftVoterResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "" };
}

function writeAddRaftVoterResponse(w: Writer, v: AddRaftVoterResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readAddRaftVoterResponse(r: Reader, version: number): AddRaftVoterResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: AddRaftVoterResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAddRaftVoterResponse(w: Writer, value: AddRaftVoterResponseInput, version: number): void {
  checkVersion("AddRaftVoterResponse", version, 0, 1);
  writeAddRaftVoterResponse(w, value, version);
}

export function decodeAddRaftVoterResponse(r: Reader, version: number): AddRaftVoterResponse {
  if (version < 0 || version > 1) r.fail(`AddRaftVoterResponse has no version ${version}`);
  return readAddRaftVoterResponse(r, version);
}
