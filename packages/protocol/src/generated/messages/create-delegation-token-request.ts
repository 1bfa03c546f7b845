// Generated from Kafka's clients/CreateDelegationTokenRequest.json by packages/protocol/generator. Do not edit.
// request 38, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface CreateDelegationTokenRequest {
  ownerPrincipalType: string | null; // versions 3+, nullable 3+
  ownerPrincipalName: string | null; // versions 3+, nullable 3+
  renewers: CreateDelegationTokenRequestCreatableRenewers[]; // versions 0+
  maxLifetimeMs: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenRequestInput {
  ownerPrincipalType?: string | null; // versions 3+, nullable 3+
  ownerPrincipalName?: string | null; // versions 3+, nullable 3+
  renewers: readonly CreateDelegationTokenRequestCreatableRenewersInput[]; // versions 0+
  maxLifetimeMs: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenRequestCreatableRenewers {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateDelegationTokenRequestCreatableRenewersInput {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateDelegationTokenRequest(): CreateDelegationTokenRequest {
  return { ownerPrincipalType: "", ownerPrincipalName: "", renewers: [], maxLifetimeMs: 0n };
}

export function defaultCreateDelegationTokenRequestCreatableRenewers(): CreateDelegationTokenRequestCreatableRenewers {
  return { principalType: "", principalName: "" };
}

function writeCreateDelegationTokenRequest(w: Writer, v: CreateDelegationTokenRequestInput, version: number): void {
  const v_ownerPrincipalType = v.ownerPrincipalType === undefined ? "" : v.ownerPrincipalType;
  if (version >= 3) {
    w.compactNullableString(v_ownerPrincipalType);
  } else if (v.ownerPrincipalType !== undefined && v.ownerPrincipalType !== "") {
    unsupportedField("CreateDelegationTokenRequest", "ownerPrincipalType", version);
  }
  const v_ownerPrincipalName = v.ownerPrincipalName === undefined ? "" : v.ownerPrincipalName;
  if (version >= 3) {
    w.compactNullableString(v_ownerPrincipalName);
  } else if (v.ownerPrincipalName !== undefined && v.ownerPrincipalName !== "") {
    unsupportedField("CreateDelegationTokenRequest", "ownerPrincipalName", version);
  }
  const v_renewers = v.renewers === undefined ? [] : v.renewers;
  writeArray(w, version >= 2, nonNull(v_renewers, "CreateDelegationTokenRequest", "renewers", version), (ew, e) => writeCreateDelegationTokenRequestCreatableRenewers(ew, e, version));
  const v_maxLifetimeMs = v.maxLifetimeMs === undefined ? 0n : v.maxLifetimeMs;
  w.int64(v_maxLifetimeMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateDelegationTokenRequest(r: Reader, version: number): CreateDelegationTokenRequest {
  const f_ownerPrincipalType: string | null = version >= 3 ? r.compactNullableString() : "";
  const f_ownerPrincipalName: string | null = version >= 3 ? r.compactNullableString() : "";
  const f_renewers: CreateDelegationTokenRequestCreatableRenewers[] = readArray(r, version >= 2, 2, (er) => readCreateDelegationTokenRequestCreatableRenewers(er, version));
  const f_maxLifetimeMs: bigint = r.int64();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreateDelegationTokenRequest = { ownerPrincipalType: f_ownerPrincipalType, ownerPrincipalName: f_ownerPrincipalName, renewers: f_renewers, maxLifetimeMs: f_maxLifetimeMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateDelegationTokenRequestCreatableRenewers(w: Writer, v: CreateDelegationTokenRequestCreatableRenewersInput, version: number): void {
  const v_principalType = v.principalType === undefined ? "" : v.principalType;
  if (version >= 2) w.compactString(nonNull(v_principalType, "CreateDelegationTokenRequest", "principalType", version));
  else w.string(nonNull(v_principalType, "CreateDelegationTokenRequest", "principalType", version));
  const v_principalName = v.principalName === undefined ? "" : v.principalName;
  if (version >= 2) w.compactString(nonNull(v_principalName, "CreateDelegationTokenRequest", "principalName", version));
  else w.string(nonNull(v_principalName, "CreateDelegationTokenRequest", "principalName", version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateDelegationTokenRequestCreatableRenewers(r: Reader, version: number): CreateDelegationTokenRequestCreatableRenewers {
  const f_principalType: string = (version >= 2 ? r.compactString() : r.string());
  const f_principalName: string = (version >= 2 ? r.compactString() : r.string());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreateDelegationTokenRequestCreatableRenewers = { principalType: f_principalType, principalName: f_principalName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreateDelegationTokenRequest(w: Writer, value: CreateDelegationTokenRequestInput, version: number): void {
  checkVersion("CreateDelegationTokenRequest", version, 1, 3);
  writeCreateDelegationTokenRequest(w, value, version);
}

export function decodeCreateDelegationTokenRequest(r: Reader, version: number): CreateDelegationTokenRequest {
  if (version < 1 || version > 3) r.fail(`CreateDelegationTokenRequest has no version ${version}`);
  return readCreateDelegationTokenRequest(r, version);
}
