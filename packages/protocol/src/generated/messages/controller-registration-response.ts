// Generated from Kafka's clients/ControllerRegistrationResponse.json by packages/protocol/generator. Do not edit.
// response 70, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface ControllerRegistrationResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControllerRegistrationResponse(): ControllerRegistrationResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "" };
}

function writeControllerRegistrationResponse(w: Writer, v: ControllerRegistrationResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readControllerRegistrationResponse(r: Reader, version: number): ControllerRegistrationResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: ControllerRegistrationResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeControllerRegistrationResponse(w: Writer, value: ControllerRegistrationResponseInput, version: number): void {
  checkVersion("ControllerRegistrationResponse", version, 0, 0);
  writeControllerRegistrationResponse(w, value, version);
}

export function decodeControllerRegistrationResponse(r: Reader, version: number): ControllerRegistrationResponse {
  if (version < 0 || version > 0) r.fail(`ControllerRegistrationResponse has no version ${version}`);
  return readControllerRegistrationResponse(r, version);
}
