// Generated from Kafka's clients/PushTelemetryResponse.json by packages/protocol/generator. Do not edit.
// response 72, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface PushTelemetryResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface PushTelemetryResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultPushTelemetryResponse(): PushTelemetryResponse {
  return { throttleTimeMs: 0, errorCode: 0 };
}

function writePushTelemetryResponse(w: Writer, v: PushTelemetryResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  w.taggedFields(v._unknownTaggedFields);
}

function readPushTelemetryResponse(r: Reader, version: number): PushTelemetryResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: PushTelemetryResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodePushTelemetryResponse(w: Writer, value: PushTelemetryResponseInput, version: number): void {
  checkVersion("PushTelemetryResponse", version, 0, 0);
  writePushTelemetryResponse(w, value, version);
}

export function decodePushTelemetryResponse(r: Reader, version: number): PushTelemetryResponse {
  if (version < 0 || version > 0) r.fail(`PushTelemetryResponse has no version ${version}`);
  return readPushTelemetryResponse(r, version);
}
