// Generated from Kafka's clients/GetTelemetrySubscriptionsResponse.json by packages/protocol/generator. Do not edit.
// response 71, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readCompactString, readInt8, readNullableArray, readString, writeArray, writeCompactString, writeInt8, writeString } from '../../primitives/codec-support.ts';

export interface GetTelemetrySubscriptionsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  clientInstanceId: string; // versions 0+
  subscriptionId: number; // versions 0+
  acceptedCompressionTypes: number[]; // versions 0+
  pushIntervalMs: number; // versions 0+
  telemetryMaxBytes: number; // versions 0+
  deltaTemporality: boolean; // versions 0+
  requestedMetrics: string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface GetTelemetrySubscriptionsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  clientInstanceId: string; // versions 0+
  subscriptionId: number; // versions 0+
  acceptedCompressionTypes: readonly number[]; // versions 0+
  pushIntervalMs: number; // versions 0+
  telemetryMaxBytes: number; // versions 0+
  deltaTemporality: boolean; // versions 0+
  requestedMetrics: readonly string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultGetTelemetrySubscriptionsResponse(): GetTelemetrySubscriptionsResponse {
  return { throttleTimeMs: 0, errorCode: 0, clientInstanceId: ZERO_UUID, subscriptionId: 0, acceptedCompressionTypes: [], pushIntervalMs: 0, telemetryMaxBytes: 0, deltaTemporality: false, requestedMetrics: [] };
}

function writeGetTelemetrySubscriptionsResponse(w: Writer, v: GetTelemetrySubscriptionsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_clientInstanceId = v.clientInstanceId === undefined ? ZERO_UUID : v.clientInstanceId;
  w.uuid(v_clientInstanceId);
  const v_subscriptionId = v.subscriptionId === undefined ? 0 : v.subscriptionId;
  w.int32(v_subscriptionId);
  const v_acceptedCompressionTypes = v.acceptedCompressionTypes === undefined ? [] : v.acceptedCompressionTypes;
  writeArray(w, true, nonNull(v_acceptedCompressionTypes, "GetTelemetrySubscriptionsResponse", "acceptedCompressionTypes", version), writeInt8);
  const v_pushIntervalMs = v.pushIntervalMs === undefined ? 0 : v.pushIntervalMs;
  w.int32(v_pushIntervalMs);
  const v_telemetryMaxBytes = v.telemetryMaxBytes === undefined ? 0 : v.telemetryMaxBytes;
  w.int32(v_telemetryMaxBytes);
  const v_deltaTemporality = v.deltaTemporality === undefined ? false : v.deltaTemporality;
  w.bool(v_deltaTemporality);
  const v_requestedMetrics = v.requestedMetrics === undefined ? [] : v.requestedMetrics;
  writeArray(w, true, nonNull(v_requestedMetrics, "GetTelemetrySubscriptionsResponse", "requestedMetrics", version), writeCompactString);
  w.taggedFields(v._unknownTaggedFields);
}

function readGetTelemetrySubscriptionsResponse(r: Reader, version: number): GetTelemetrySubscriptionsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_clientInstanceId: string = r.uuid();
  const f_subscriptionId: number = r.int32();
  const f_acceptedCompressionTypes: number[] = readArray(r, true, 1, readInt8);
  const f_pushIntervalMs: number = r.int32();
  const f_telemetryMaxBytes: number = r.int32();
  const f_deltaTemporality: boolean = r.bool();
  const f_requestedMetrics: string[] = readArray(r, true, 1, readCompactString);
  const unknown = r.taggedFields(null);
  const value: GetTelemetrySubscriptionsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, clientInstanceId: f_clientInstanceId, subscriptionId: f_subscriptionId, acceptedCompressionTypes: f_acceptedCompressionTypes, pushIntervalMs: f_pushIntervalMs, telemetryMaxBytes: f_telemetryMaxBytes, deltaTemporality: f_deltaTemporality, requestedMetrics: f_requestedMetrics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeGetTelemetrySubscriptionsResponse(w: Writer, value: GetTelemetrySubscriptionsResponseInput, version: number): void {
  checkVersion("GetTelemetrySubscriptionsResponse", version, 0, 0);
  writeGetTelemetrySubscriptionsResponse(w, value, version);
}

export function decodeGetTelemetrySubscriptionsResponse(r: Reader, version: number): GetTelemetrySubscriptionsResponse {
  if (version < 0 || version > 0) r.fail(`GetTelemetrySubscriptionsResponse has no version ${version}`);
  return readGetTelemetrySubscriptionsResponse(r, version);
}
