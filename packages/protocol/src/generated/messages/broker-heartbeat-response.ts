// Generated from Kafka's clients/BrokerHeartbeatResponse.json by packages/protocol/generator. Do not edit.
// response 63, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface BrokerHeartbeatResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  isCaughtUp: boolean; // versions 0+
  isFenced: boolean; // versions 0+
  shouldShutDown: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerHeartbeatResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  isCaughtUp?: boolean; // versions 0+
  isFenced?: boolean; // versions 0+
  shouldShutDown: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerHeartbeatResponse(): BrokerHeartbeatResponse {
  return { throttleTimeMs: 0, errorCode: 0, isCaughtUp: false, isFenced: true, shouldShutDown: false };
}

function writeBrokerHeartbeatResponse(w: Writer, v: BrokerHeartbeatResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_isCaughtUp = v.isCaughtUp === undefined ? false : v.isCaughtUp;
  w.bool(v_isCaughtUp);
  const v_isFenced = v.isFenced === undefined ? true : v.isFenced;
  w.bool(v_isFenced);
  const v_shouldShutDown = v.shouldShutDown === undefined ? false : v.shouldShutDown;
  w.bool(v_shouldShutDown);
  w.taggedFields(v._unknownTaggedFields);
}

function readBrokerHeartbeatResponse(r: Reader, version: number): BrokerHeartbeatResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_isCaughtUp: boolean = r.bool();
  const f_isFenced: boolean = r.bool();
  const f_shouldShutDown: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: BrokerHeartbeatResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, isCaughtUp: f_isCaughtUp, isFenced: f_isFenced, shouldShutDown: f_shouldShutDown };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeBrokerHeartbeatResponse(w: Writer, value: BrokerHeartbeatResponseInput, version: number): void {
  checkVersion("BrokerHeartbeatResponse", version, 0, 2);
  writeBrokerHeartbeatResponse(w, value, version);
}

export function decodeBrokerHeartbeatResponse(r: Reader, version: number): BrokerHeartbeatResponse {
  if (version < 0 || version > 2) r.fail(`BrokerHeartbeatResponse has no version ${version}`);
  return readBrokerHeartbeatResponse(r, version);
}
