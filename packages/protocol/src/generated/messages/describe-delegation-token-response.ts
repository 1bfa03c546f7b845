// Generated from Kafka's clients/DescribeDelegationTokenResponse.json by packages/protocol/generator. Do not edit.
// response 41, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeDelegationTokenResponse {
  errorCode: number; // versions 0+
  tokens: DescribeDelegationTokenResponseDescribedDelegationToken[]; // versions 0+
  throttleTimeMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseInput {
  errorCode: number; // versions 0+
  tokens: readonly DescribeDelegationTokenResponseDescribedDelegationTokenInput[]; // versions 0+
  throttleTimeMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationToken {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  tokenRequesterPrincipalType: string; // versions 3+
  tokenRequesterPrincipalName: string; // versions 3+
  issueTimestamp: bigint; // versions 0+
  expiryTimestamp: bigint; // versions 0+
  maxTimestamp: bigint; // versions 0+
  tokenId: string; // versions 0+
  hmac: Buffer; // versions 0+
  renewers: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationTokenInput {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  tokenRequesterPrincipalType?: string; // versions 3+
  tokenRequesterPrincipalName?: string; // versions 3+
  issueTimestamp: bigint; // versions 0+
  expiryTimestamp: bigint; // versions 0+
  maxTimestamp: bigint; // versions 0+
  tokenId: string; // versions 0+
  hmac: Buffer; // versions 0+
  renewers: readonly DescribeDelegationTokenResponseDescribedDelegationTokenRenewerInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenResponseDescribedDelegationTokenRenewerInput {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenResponse(): DescribeDelegationTokenResponse {
  return { errorCode: 0, tokens: [], throttleTimeMs: 0 };
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationToken(): DescribeDelegationTokenResponseDescribedDelegationToken {
  return { principalType: "", principalName: "", tokenRequesterPrincipalType: "", tokenRequesterPrincipalName: "", issueTimestamp: 0n, expiryTimestamp: 0n, maxTimestamp: 0n, tokenId: "", hmac: EMPTY_BYTES, renewers: [] };
}

export function defaultDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  return { principalType: "", principalName: "" };
}

function writeDescribeDelegationTokenResponse(w: Writer, v: DescribeDelegationTokenResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_tokens = v.tokens === undefined ? [] : v.tokens;
  writeArray(w, version >= 2, nonNull(v_tokens, "DescribeDelegationTokenResponse", "tokens", version), (ew, e) => writeDescribeDelegationTokenResponseDescribedDelegationToken(ew, e, version));
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeDelegationTokenResponse(r: Reader, version: number): DescribeDelegationTokenResponse {
  const f_errorCode: number = r.int16();
  const f_tokens: DescribeDelegationTokenResponseDescribedDelegationToken[] = readArray(r, version >= 2, 29, (er) => readDescribeDelegationTokenResponseDescribedDelegationToken(er, version));
  const f_throttleTimeMs: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeDelegationTokenResponse = { errorCode: f_errorCode, tokens: f_tokens, throttleTimeMs: f_throttleTimeMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeDelegationTokenResponseDescribedDelegationToken(w: Writer, v: DescribeDelegationTokenResponseDescribedDelegationTokenInput, version: number): void {
  const v_principalType = v.principalType === undefined ? "" : v.principalType;
  if (version >= 2) w.compactString(nonNull(v_principalType, "DescribeDelegationTokenResponse", "principalType", version));
  else w.string(nonNull(v_principalType, "DescribeDelegationTokenResponse", "principalType", version));
  const v_principalName = v.principalName === undefined ? "" : v.principalName;
  if (version >= 2) w.compactString(nonNull(v_principalName, "DescribeDelegationTokenResponse", "principalName", version));
  else w.string(nonNull(v_principalName, "DescribeDelegationTokenResponse", "principalName", version));
  const v_tokenRequesterPrincipalType = v.tokenRequesterPrincipalType === undefined ? "" : v.tokenRequesterPrincipalType;
  if (version >= 3) {
    w.compactString(nonNull(v_tokenRequesterPrincipalType, "DescribeDelegationTokenResponse", "tokenRequesterPrincipalType", version));
  } else if (v.tokenRequesterPrincipalType !== undefined && v.tokenRequesterPrincipalType !== "") {
    unsupportedField("DescribeDelegationTokenResponse", "tokenRequesterPrincipalType", version);
  }
  const v_tokenRequesterPrincipalName = v.tokenRequesterPrincipalName === undefined ? "" : v.tokenRequesterPrincipalName;
  if (version >= 3) {
    w.compactString(nonNull(v_tokenRequesterPrincipalName, "DescribeDelegationTokenResponse", "tokenRequesterPrincipalName", version));
  } else if (v.tokenRequesterPrincipalName !== undefined && v.tokenRequesterPrincipalName !== "") {
    unsupportedField("DescribeDelegationTokenResponse", "tokenRequesterPrincipalName", version);
  }
  const v_issueTimestamp = v.issueTimestamp === undefined ? 0n : v.issueTimestamp;
  w.int64(v_issueTimestamp);
  const v_expiryTimestamp = v.expiryTimestamp === undefined ? 0n : v.expiryTimestamp;
  w.int64(v_expiryTimestamp);
  const v_maxTimestamp = v.maxTimestamp === undefined ? 0n : v.maxTimestamp;
  w.int64(v_maxTimestamp);
  const v_tokenId = v.tokenId === undefined ? "" : v.tokenId;
  if (version >= 2) w.compactString(nonNull(v_tokenId, "DescribeDelegationTokenResponse", "tokenId", version));
  else w.string(nonNull(v_tokenId, "DescribeDelegationTokenResponse", "tokenId", version));
  const v_hmac = v.hmac === undefined ? EMPTY_BYTES : v.hmac;
  if (version >= 2) w.compactBytes(nonNull(v_hmac, "DescribeDelegationTokenResponse", "hmac", version));
  else w.bytes(nonNull(v_hmac, "DescribeDelegationTokenResponse", "hmac", version));
  const v_renewers = v.renewers === undefined ? [] : v.renewers;
  writeArray(w, version >= 2, nonNull(v_renewers, "DescribeDelegationTokenResponse", "renewers", version), (ew, e) => writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeDelegationTokenResponseDescribedDelegationToken(r: Reader, version: number): DescribeDelegationTokenResponseDescribedDelegationToken {
  const f_principalType: string = (version >= 2 ? r.compactString() : r.string());
  const f_principalName: string = (version >= 2 ? r.compactString() : r.string());
  const f_tokenRequesterPrincipalType: string = version >= 3 ? r.compactString() : "";
  const f_tokenRequesterPrincipalName: string = version >= 3 ? r.compactString() : "";
  const f_issueTimestamp: bigint = r.int64();
  const f_expiryTimestamp: bigint = r.int64();
  const f_maxTimestamp: bigint = r.int64();
  const f_tokenId: string = (version >= 2 ? r.compactString() : r.string());
  const f_hmac: Buffer = (version >= 2 ? r.compactBytes() : r.bytes());
  const f_renewers: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer[] = readArray(r, version >= 2, 2, (er) => readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeDelegationTokenResponseDescribedDelegationToken = { principalType: f_principalType, principalName: f_principalName, tokenRequesterPrincipalType: f_tokenRequesterPrincipalType, tokenRequesterPrincipalName: f_tokenRequesterPrincipalName, issueTimestamp: f_issueTimestamp, expiryTimestamp: f_expiryTimestamp, maxTimestamp: f_maxTimestamp, tokenId: f_tokenId, hmac: f_hmac, renewers: f_renewers };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(w: Writer, v: DescribeDelegationTokenResponseDescribedDelegationTokenRenewerInput, version: number): void {
  const v_principalType = v.principalType === undefined ? "" : v.principalType;
  if (version >= 2) w.compactString(nonNull(v_principalType, "DescribeDelegationTokenResponse", "principalType", version));
  else w.string(nonNull(v_principalType, "DescribeDelegationTokenResponse", "principalType", version));
  const v_principalName = v.principalName === undefined ? "" : v.principalName;
  if (version >= 2) w.compactString(nonNull(v_principalName, "DescribeDelegationTokenResponse", "principalName", version));
  else w.string(nonNull(v_principalName, "DescribeDelegationTokenResponse", "principalName", version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeDelegationTokenResponseDescribedDelegationTokenRenewer(r: Reader, version: number): DescribeDelegationTokenResponseDescribedDelegationTokenRenewer {
  const f_principalType: string = (version >= 2 ? r.compactString() : r.string());
  const f_principalName: string = (version >= 2 ? r.compactString() : r.string());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeDelegationTokenResponseDescribedDelegationTokenRenewer = { principalType: f_principalType, principalName: f_principalName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeDelegationTokenResponse(w: Writer, value: DescribeDelegationTokenResponseInput, version: number): void {
  checkVersion("DescribeDelegationTokenResponse", version, 1, 3);
  writeDescribeDelegationTokenResponse(w, value, version);
}

export function decodeDescribeDelegationTokenResponse(r: Reader, version: number): DescribeDelegationTokenResponse {
  if (version < 1 || version > 3) r.fail(`DescribeDelegationTokenResponse has no version ${version}`);
  return readDescribeDelegationTokenResponse(r, version);
}
