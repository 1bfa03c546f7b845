// Generated from Kafka's clients/BrokerRegistrationResponse.json by packages/protocol/generator. Do not edit.
// response 62, versions 0-4, flexible 0-4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface BrokerRegistrationResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  brokerEpoch: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  brokerEpoch?: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationResponse(): BrokerRegistrationResponse {
  return { throttleTimeMs: 0, errorCode: 0, brokerEpoch: -1n };
}

function writeBrokerRegistrationResponse(w: Writer, v: BrokerRegistrationResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_brokerEpoch = v.brokerEpoch === undefined ? -1n : v.brokerEpoch;
  w.int64(v_brokerEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readBrokerRegistrationResponse(r: Reader, version: number): BrokerRegistrationResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_brokerEpoch: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: BrokerRegistrationResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, brokerEpoch: f_brokerEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeBrokerRegistrationResponse(w: Writer, value: BrokerRegistrationResponseInput, version: number): void {
  checkVersion("BrokerRegistrationResponse", version, 0, 4);
  writeBrokerRegistrationResponse(w, value, version);
}

export function decodeBrokerRegistrationResponse(r: Reader, version: number): BrokerRegistrationResponse {
  if (version < 0 || version > 4) r.fail(`BrokerRegistrationResponse has no version ${version}`);
  return readBrokerRegistrationResponse(r, version);
}
