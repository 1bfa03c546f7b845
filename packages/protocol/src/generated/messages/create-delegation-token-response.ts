// Generated from Kafka's clients/CreateDelegationTokenResponse.json by packages/protocol/generator. Do not edit.
// response 38, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, unsupportedField } from '../../primitives/codec-support.ts';

export interface CreateDelegationTokenResponse {
  errorCode: number; // versions 0+
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  tokenRequesterPrincipalType: string; // versions 3+
  tokenRequesterPrincipalName: string; // versions 3+
  issueTimestampMs: bigint; // versions 0+
  expiryTimestampMs: bigint; // versions 0+
  maxTimestampMs: bigint; // versions 0+
  tokenId: string; // versions 0+
  hmac: Buffer; // versions 0+
  throttleTimeMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenResponseInput {
  errorCode: number; // versions 0+
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  tokenRequesterPrincipalType?: string; // versions 3+
  tokenRequesterPrincipalName?: string; // versions 3+
  issueTimestampMs: bigint; // versions 0+
  expiryTimestampMs: bigint; // versions 0+
  maxTimestampMs: bigint; // versions 0+
  tokenId: string; // versions 0+
  hmac: Buffer; // versions 0+
  throttleTimeMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateDelegationTokenResponse(): CreateDelegationTokenResponse {
  return { errorCode: 0, principalType: "", principalName: "", tokenRequesterPrincipalType: "", tokenRequesterPrincipalName: "", issueTimestampMs: 0n, expiryTimestampMs: 0n, maxTimestampMs: 0n, tokenId: "", hmac: EMPTY_BYTES, throttleTimeMs: 0 };
}

function writeCreateDelegationTokenResponse(w: Writer, v: CreateDelegationTokenResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_principalType = v.principalType === undefined ? "" : v.principalType;
  if (version >= 2) w.compactString(nonNull(v_principalType, "CreateDelegationTokenResponse", "principalType", version));
  else w.string(nonNull(v_principalType, "CreateDelegationTokenResponse", "principalType", version));
  const v_principalName = v.principalName === undefined ? "" : v.principalName;
  if (version >= 2) w.compactString(nonNull(v_principalName, "CreateDelegationTokenResponse", "principalName", version));
  else w.string(nonNull(v_principalName, "CreateDelegationTokenResponse", "principalName", version));
  const v_tokenRequesterPrincipalType = v.tokenRequesterPrincipalType === undefined ? "" : v.tokenRequesterPrincipalType;
  if (version >= 3) {
    w.compactString(nonNull(v_tokenRequesterPrincipalType, "CreateDelegationTokenResponse", "tokenRequesterPrincipalType", version));
  } else if (v.tokenRequesterPrincipalType !== undefined && v.tokenRequesterPrincipalType !== "") {
    unsupportedField("CreateDelegationTokenResponse", "tokenRequesterPrincipalType", version);
  }
  const v_tokenRequesterPrincipalName = v.tokenRequesterPrincipalName === undefined ? "" : v.tokenRequesterPrincipalName;
  if (version >= 3) {
    w.compactString(nonNull(v_tokenRequesterPrincipalName, "CreateDelegationTokenResponse", "tokenRequesterPrincipalName", version));
  } else if (v.tokenRequesterPrincipalName !== undefined && v.tokenRequesterPrincipalName !== "") {
    unsupportedField("CreateDelegationTokenResponse", "tokenRequesterPrincipalName", version);
  }
  const v_issueTimestampMs = v.issueTimestampMs === undefined ? 0n : v.issueTimestampMs;
  w.int64(v_issueTimestampMs);
  const v_expiryTimestampMs = v.expiryTimestampMs === undefined ? 0n : v.expiryTimestampMs;
  w.int64(v_expiryTimestampMs);
  const v_maxTimestampMs = v.maxTimestampMs === undefined ? 0n : v.maxTimestampMs;
  w.int64(v_maxTimestampMs);
  const v_tokenId = v.tokenId === undefined ? "" : v.tokenId;
  if (version >= 2) w.compactString(nonNull(v_tokenId, "CreateDelegationTokenResponse", "tokenId", version));
  else w.string(nonNull(v_tokenId, "CreateDelegationTokenResponse", "tokenId", version));
  const v_hmac = v.hmac === undefined ? EMPTY_BYTES : v.hmac;
  if (version >= 2) w.compactBytes(nonNull(v_hmac, "CreateDelegationTokenResponse", "hmac", version));
  else w.bytes(nonNull(v_hmac, "CreateDelegationTokenResponse", "hmac", version));
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateDelegationTokenResponse(r: Reader, version: number): CreateDelegationTokenResponse {
  const f_errorCode: number = r.int16();
  const f_principalType: string = (version >= 2 ? r.compactString() : r.string());
  const f_principalName: string = (version >= 2 ? r.compactString() : r.string());
  const f_tokenRequesterPrincipalType: string = version >= 3 ? r.compactString() : "";
  const f_tokenRequesterPrincipalName: string = version >= 3 ? r.compactString() : "";
  const f_issueTimestampMs: bigint = r.int64();
  const f_expiryTimestampMs: bigint = r.int64();
  const f_maxTimestampMs: bigint = r.int64();
  const f_tokenId: string = (version >= 2 ? r.compactString() : r.string());
  const f_hmac: Buffer = (version >= 2 ? r.compactBytes() : r.bytes());
  const f_throttleTimeMs: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreateDelegationTokenResponse = { errorCode: f_errorCode, principalType: f_principalType, principalName: f_principalName, tokenRequesterPrincipalType: f_tokenRequesterPrincipalType, tokenRequesterPrincipalName: f_tokenRequesterPrincipalName, issueTimestampMs: f_issueTimestampMs, expiryTimestampMs: f_expiryTimestampMs, maxTimestampMs: f_maxTimestampMs, tokenId: f_tokenId, hmac: f_hmac, throttleTimeMs: f_throttleTimeMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreateDelegationTokenResponse(w: Writer, value: CreateDelegationTokenResponseInput, version: number): void {
  checkVersion("CreateDelegationTokenResponse", version, 1, 3);
  writeCreateDelegationTokenResponse(w, value, version);
}

export function decodeCreateDelegationTokenResponse(r: Reader, version: number): CreateDelegationTokenResponse {
  if (version < 1 || version > 3) r.fail(`CreateDelegationTokenResponse has no version ${version}`);
  return readCreateDelegationTokenResponse(r, version);
}
