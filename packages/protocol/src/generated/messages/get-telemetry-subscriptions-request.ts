// Generated from Kafka's clients/GetTelemetrySubscriptionsRequest.json by packages/protocol/generator. Do not edit.
// request 71, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion } from '../../primitives/codec-support.ts';

export interface GetTelemetrySubscriptionsRequest {
  clientInstanceId: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface GetTelemetrySubscriptionsRequestInput {
  clientInstanceId: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultGetTelemetrySubscriptionsRequest(): GetTelemetrySubscriptionsRequest {
  return { clientInstanceId: ZERO_UUID };
}

function writeGetTelemetrySubscriptionsRequest(w: Writer, v: GetTelemetrySubscriptionsRequestInput, version: number): void {
  const v_clientInstanceId = v.clientInstanceId === undefined ? ZERO_UUID : v.clientInstanceId;
  w.uuid(v_clientInstanceId);
  w.taggedFields(v._unknownTaggedFields);
}

function readGetTelemetrySubscriptionsRequest(r: Reader, version: number): GetTelemetrySubscriptionsRequest {
  const f_clientInstanceId: string = r.uuid();
  const unknown = r.taggedFields(null);
  const value: GetTelemetrySubscriptionsRequest = { clientInstanceId: f_clientInstanceId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeGetTelemetrySubscriptionsRequest(w: Writer, value: GetTelemetrySubscriptionsRequestInput, version: number): void {
  checkVersion("GetTelemetrySubscriptionsRequest", version, 0, 0);
  writeGetTelemetrySubscriptionsRequest(w, value, version);
}

export function decodeGetTelemetrySubscriptionsRequest(r: Reader, version: number): GetTelemetrySubscriptionsRequest {
  if (version < 0 || version > 0) r.fail(`GetTelemetrySubscriptionsRequest has no version ${version}`);
  return readGetTelemetrySubscriptionsRequest(r, version);
}
