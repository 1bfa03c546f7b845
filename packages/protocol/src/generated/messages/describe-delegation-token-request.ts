// Generated from Kafka's clients/DescribeDelegationTokenRequest.json by packages/protocol/generator. Do not edit.
// request 41, versions 1-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeNullableArray } from '../../primitives/codec-support.ts';

export interface DescribeDelegationTokenRequest {
  owners: DescribeDelegationTokenRequestDescribeDelegationTokenOwner[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenRequestInput {
  owners: readonly DescribeDelegationTokenRequestDescribeDelegationTokenOwnerInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeDelegationTokenRequestDescribeDelegationTokenOwnerInput {
  principalType: string; // versions 0+
  principalName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeDelegationTokenRequest(): DescribeDelegationTokenRequest {
  return { owners: [] };
}

export function defaultDescribeDelegationTokenRequestDescribeDelegationTokenOwner(): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  return { principalType: "", principalName: "" };
}

function writeDescribeDelegationTokenRequest(w: Writer, v: DescribeDelegationTokenRequestInput, version: number): void {
  const v_owners = v.owners === undefined ? [] : v.owners;
  writeNullableArray(w, version >= 2, v_owners, (ew, e) => writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeDelegationTokenRequest(r: Reader, version: number): DescribeDelegationTokenRequest {
  const f_owners: DescribeDelegationTokenRequestDescribeDelegationTokenOwner[] | null = readNullableArray(r, version >= 2, 2, (er) => readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeDelegationTokenRequest = { owners: f_owners };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeDelegationTokenRequestDescribeDelegationTokenOwner(w: Writer, v: DescribeDelegationTokenRequestDescribeDelegationTokenOwnerInput, version: number): void {
  const v_principalType = v.principalType === undefined ? "" : v.principalType;
  if (version >= 2) w.compactString(nonNull(v_principalType, "DescribeDelegationTokenRequest", "principalType", version));
  else w.string(nonNull(v_principalType, "DescribeDelegationTokenRequest", "principalType", version));
  const v_principalName = v.principalName === undefined ? "" : v.principalName;
  if (version >= 2) w.compactString(nonNull(v_principalName, "DescribeDelegationTokenRequest", "principalName", version));
  else w.string(nonNull(v_principalName, "DescribeDelegationTokenRequest", "principalName", version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeDelegationTokenRequestDescribeDelegationTokenOwner(r: Reader, version: number): DescribeDelegationTokenRequestDescribeDelegationTokenOwner {
  const f_principalType: string = (version >= 2 ? r.compactString() : r.string());
  const f_principalName: string = (version >= 2 ? r.compactString() : r.string());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeDelegationTokenRequestDescribeDelegationTokenOwner = { principalType: f_principalType, principalName: f_principalName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeDelegationTokenRequest(w: Writer, value: DescribeDelegationTokenRequestInput, version: number): void {
  checkVersion("DescribeDelegationTokenRequest", version, 1, 3);
  writeDescribeDelegationTokenRequest(w, value, version);
}

export function decodeDescribeDelegationTokenRequest(r: Reader, version: number): DescribeDelegationTokenRequest {
  if (version < 1 || version > 3) r.fail(`DescribeDelegationTokenRequest has no version ${version}`);
  return readDescribeDelegationTokenRequest(r, version);
}
