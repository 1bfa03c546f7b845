// Generated from Kafka's clients/ExpireDelegationTokenRequest.json by packages/protocol/generator. Do not edit.
// request 40, versions 1-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface ExpireDelegationTokenRequest {
  hmac: Buffer; // versions 0+
  expiryTimePeriodMs: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ExpireDelegationTokenRequestInput {
  hmac: Buffer; // versions 0+
  expiryTimePeriodMs: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultExpireDelegationTokenRequest(): ExpireDelegationTokenRequest {
  return { hmac: EMPTY_BYTES, expiryTimePeriodMs: 0n };
}

function writeExpireDelegationTokenRequest(w: Writer, v: ExpireDelegationTokenRequestInput, version: number): void {
  const v_hmac = v.hmac === undefined ? EMPTY_BYTES : v.hmac;
  if (version >= 2) w.compactBytes(nonNull(v_hmac, "ExpireDelegationTokenRequest", "hmac", version));
  else w.bytes(nonNull(v_hmac, "ExpireDelegationTokenRequest", "hmac", version));
  const v_expiryTimePeriodMs = v.expiryTimePeriodMs === undefined ? 0n : v.expiryTimePeriodMs;
  w.int64(v_expiryTimePeriodMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readExpireDelegationTokenRequest(r: Reader, version: number): ExpireDelegationTokenRequest {
  const f_hmac: Buffer = (version >= 2 ? r.compactBytes() : r.bytes());
  const f_expiryTimePeriodMs: bigint = r.int64();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: ExpireDelegationTokenRequest = { hmac: f_hmac, expiryTimePeriodMs: f_expiryTimePeriodMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeExpireDelegationTokenRequest(w: Writer, value: ExpireDelegationTokenRequestInput, version: number): void {
  checkVersion("ExpireDelegationTokenRequest", version, 1, 2);
  writeExpireDelegationTokenRequest(w, value, version);
}

export function decodeExpireDelegationTokenRequest(r: Reader, version: number): ExpireDelegationTokenRequest {
  if (version < 1 || version > 2) r.fail(`ExpireDelegationTokenRequest has no version ${version}`);
  return readExpireDelegationTokenRequest(r, version);
}
