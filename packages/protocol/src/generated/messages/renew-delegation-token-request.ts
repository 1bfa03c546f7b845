// Generated from Kafka's clients/RenewDelegationTokenRequest.json by packages/protocol/generator. Do not edit.
// request 39, versions 1-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface RenewDelegationTokenRequest {
  hmac: Buffer; // versions 0+
  renewPeriodMs: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface RenewDelegationTokenRequestInput {
  hmac: Buffer; // versions 0+
  renewPeriodMs: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultRenewDelegationTokenRequest(): RenewDelegationTokenRequest {
  return { hmac: EMPTY_BYTES, renewPeriodMs: 0n };
}

function writeRenewDelegationTokenRequest(w: Writer, v: RenewDelegationTokenRequestInput, version: number): void {
  const v_hmac = v.hmac === undefined ? EMPTY_BYTES : v.hmac;
  if (version >= 2) w.compactBytes(nonNull(v_hmac, "RenewDelegationTokenRequest", "hmac", version));
  else w.bytes(nonNull(v_hmac, "RenewDelegationTokenRequest", "hmac", version));
  const v_renewPeriodMs = v.renewPeriodMs === undefined ? 0n : v.renewPeriodMs;
  w.int64(v_renewPeriodMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readRenewDelegationTokenRequest(r: Reader, version: number): RenewDelegationTokenRequest {
  const f_hmac: Buffer = (version >= 2 ? r.compactBytes() : r.bytes());
  const f_renewPeriodMs: bigint = r.int64();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: RenewDelegationTokenRequest = { hmac: f_hmac, renewPeriodMs: f_renewPeriodMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeRenewDelegationTokenRequest(w: Writer, value: RenewDelegationTokenRequestInput, version: number): void {
  checkVersion("RenewDelegationTokenRequest", version, 1, 2);
  writeRenewDelegationTokenRequest(w, value, version);
}

export function decodeRenewDelegationTokenRequest(r: Reader, version: number): RenewDelegationTokenRequest {
  if (version < 1 || version > 2) r.fail(`RenewDelegationTokenRequest has no version ${version}`);
  return readRenewDelegationTokenRequest(r, version);
}
