// Generated from Kafka's clients/PushTelemetryRequest.json by packages/protocol/generator. Do not edit.
// request 72, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, ZERO_UUID, checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface PushTelemetryRequest {
  clientInstanceId: string; // versions 0+
  subscriptionId: number; // versions 0+
  terminating: boolean; // versions 0+
  compressionType: number; // versions 0+
  metrics: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface PushTelemetryRequestInput {
  clientInstanceId: string; // versions 0+
  subscriptionId: number; // versions 0+
  terminating: boolean; // versions 0+
  compressionType: number; // versions 0+
  metrics: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultPushTelemetryRequest(): PushTelemetryRequest {
  return { clientInstanceId: ZERO_UUID, subscriptionId: 0, terminating: false, compressionType: 0, metrics: EMPTY_BYTES };
}

function writePushTelemetryRequest(w: Writer, v: PushTelemetryRequestInput, version: number): void {
  const v_clientInstanceId = v.clientInstanceId === undefined ? ZERO_UUID : v.clientInstanceId;
  w.uuid(v_clientInstanceId);
  const v_subscriptionId = v.subscriptionId === undefined ? 0 : v.subscriptionId;
  w.int32(v_subscriptionId);
  const v_terminating = v.terminating === undefined ? false : v.terminating;
  w.bool(v_terminating);
  const v_compressionType = v.compressionType === undefined ? 0 : v.compressionType;
  w.int8(v_compressionType);
  const v_metrics = v.metrics === undefined ? EMPTY_BYTES : v.metrics;
  w.compactBytes(nonNull(v_metrics, "PushTelemetryRequest", "metrics", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readPushTelemetryRequest(r: Reader, version: number): PushTelemetryRequest {
  const f_clientInstanceId: string = r.uuid();
  const f_subscriptionId: number = r.int32();
  const f_terminating: boolean = r.bool();
  const f_compressionType: number = r.int8();
  const f_metrics: Buffer = r.compactBytes();
  const unknown = r.taggedFields(null);
  const value: PushTelemetryRequest = { clientInstanceId: f_clientInstanceId, subscriptionId: f_subscriptionId, terminating: f_terminating, compressionType: f_compressionType, metrics: f_metrics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodePushTelemetryRequest(w: Writer, value: PushTelemetryRequestInput, version: number): void {
  checkVersion("PushTelemetryRequest", version, 0, 0);
  writePushTelemetryRequest(w, value, version);
}

export function decodePushTelemetryRequest(r: Reader, version: number): PushTelemetryRequest {
  if (version < 0 || version > 0) r.fail(`PushTelemetryRequest has no version ${version}`);
  return readPushTelemetryRequest(r, version);
}
