// Generated from Kafka's clients/RenewDelegationTokenResponse.json by packages/protocol/generator. Do not edit.
// response 39, versions 1-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface RenewDelegationTokenResponse {
  errorCode: number; // versions 0+
  expiryTimestampMs: bigint; // versions 0+
  throttleTimeMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface RenewDelegationTokenResponseInput {
  errorCode: number; // versions 0+
  expiryTimestampMs: bigint; // versions 0+
  throttleTimeMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRenewDelegationTokenResponse(): RenewDelegationTokenResponse {
  return { errorCode: 0, expiryTimestampMs: 0n, throttleTimeMs: 0 };
}

function writeRenewDelegationTokenResponse(w: Writer, v: RenewDelegationTokenResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_expiryTimestampMs = v.expiryTimestampMs === undefined ? 0n : v.expiryTimestampMs;
  w.int64(v_expiryTimestampMs);
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readRenewDelegationTokenResponse(r: Reader, version: number): RenewDelegationTokenResponse {
  const f_errorCode: number = r.int16();
  const f_expiryTimestampMs: bigint = r.int64();
  const f_throttleTimeMs: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: RenewDelegationTokenResponse = { errorCode: f_errorCode, expiryTimestampMs: f_expiryTimestampMs, throttleTimeMs: f_throttleTimeMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeRenewDelegationTokenResponse(w: Writer, value: RenewDelegationTokenResponseInput, version: number): void {
  checkVersion("RenewDelegationTokenResponse", version, 1, 2);
  writeRenewDelegationTokenResponse(w, value, version);
}

export function decodeRenewDelegationTokenResponse(r: Reader, version: number): RenewDelegationTokenResponse {
  if (version < 1 || version > 2) r.fail(`RenewDelegationTokenResponse has no version ${version}`);
  return readRenewDelegationTokenResponse(r, version);
}
