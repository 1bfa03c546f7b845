// Generated from Kafka's clients/DescribeUserScramCredentialsRequest.json by packages/protocol/generator. Do not edit.
// request 50, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeNullableArray } from '../../primitives/codec-support.ts';

export interface DescribeUserScramCredentialsRequest {
  users: DescribeUserScramCredentialsRequestUserName[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsRequestInput {
  users: readonly DescribeUserScramCredentialsRequestUserNameInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsRequestUserName {
  name: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeUserScramCredentialsRequestUserNameInput {
  name: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeUserScramCredentialsRequest(): DescribeUserScramCredentialsRequest {
  return { users: [] };
}

export function defaultDescribeUserScramCredentialsRequestUserName(): DescribeUserScramCredentialsRequestUserName {
  return { name: "" };
}

function writeDescribeUserScramCredentialsRequest(w: Writer, v: DescribeUserScramCredentialsRequestInput, version: number): void {
  const v_users = v.users === undefined ? [] : v.users;
  writeNullableArray(w, true, v_users, (ew, e) => writeDescribeUserScramCredentialsRequestUserName(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeUserScramCredentialsRequest(r: Reader, version: number): DescribeUserScramCredentialsRequest {
  const f_users: DescribeUserScramCredentialsRequestUserName[] | null = readNullableArray(r, true, 1, (er) => readDescribeUserScramCredentialsRequestUserName(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeUserScramCredentialsRequest = { users: f_users };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeUserScramCredentialsRequestUserName(w: Writer, v: DescribeUserScramCredentialsRequestUserNameInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "DescribeUserScramCredentialsRequest", "name", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeUserScramCredentialsRequestUserName(r: Reader, version: number): DescribeUserScramCredentialsRequestUserName {
  const f_name: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: DescribeUserScramCredentialsRequestUserName = { name: f_name };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeUserScramCredentialsRequest(w: Writer, value: DescribeUserScramCredentialsRequestInput, version: number): void {
  checkVersion("DescribeUserScramCredentialsRequest", version, 0, 0);
  writeDescribeUserScramCredentialsRequest(w, value, version);
}

export function decodeDescribeUserScramCredentialsRequest(r: Reader, version: number): DescribeUserScramCredentialsRequest {
  if (version < 0 || version > 0) r.fail(`DescribeUserScramCredentialsRequest has no version ${version}`);
  return readDescribeUserScramCredentialsRequest(r, version);
}
