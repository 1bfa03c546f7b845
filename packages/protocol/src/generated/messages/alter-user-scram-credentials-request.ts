// Generated from Kafka's clients/AlterUserScramCredentialsRequest.json by packages/protocol/generator. Do not edit.
// request 51, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface AlterUserScramCredentialsRequest {
  deletions: AlterUserScramCredentialsRequestScramCredentialDeletion[]; // versions 0+
  upsertions: AlterUserScramCredentialsRequestScramCredentialUpsertion[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestInput {
  deletions: readonly AlterUserScramCredentialsRequestScramCredentialDeletionInput[]; // versions 0+
  upsertions: readonly AlterUserScramCredentialsRequestScramCredentialUpsertionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialDeletion {
  name: string; // versions 0+
  mechanism: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialDeletionInput {
  name: string; // versions 0+
  mechanism: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialUpsertion {
  name: string; // versions 0+
  mechanism: number; // versions 0+
  iterations: number; // versions 0+
  salt: Buffer; // versions 0+
  saltedPassword: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterUserScramCredentialsRequestScramCredentialUpsertionInput {
  name: string; // versions 0+
  mechanism: number; // versions 0+
  iterations: number; // versions 0+
  salt: Buffer; // versions 0+
  saltedPassword: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterUserScramCredentialsRequest(): AlterUserScramCredentialsRequest {
  return { deletions: [], upsertions: [] };
}

export function defaultAlterUserScramCredentialsRequestScramCredentialDeletion(): AlterUserScramCredentialsRequestScramCredentialDeletion {
  return { name: "", mechanism: 0 };
}

export function defaultAlterUserScramCredentialsRequestScramCredentialUpsertion(): AlterUserScramCredentialsRequestScramCredentialUpsertion {
  return { name: "", mechanism: 0, iterations: 0, salt: EMPTY_BYTES, saltedPassword: EMPTY_BYTES };
}

function writeAlterUserScramCredentialsRequest(w: Writer, v: AlterUserScramCredentialsRequestInput, version: number): void {
  const v_deletions = v.deletions === undefined ? [] : v.deletions;
  writeArray(w, true, nonNull(v_deletions, "AlterUserScramCredentialsRequest", "deletions", version), (ew, e) => writeAlterUserScramCredentialsRequestScramCredentialDeletion(ew, e, version));
  const v_upsertions = v.upsertions === undefined ? [] : v.upsertions;
  writeArray(w, true, nonNull(v_upsertions, "AlterUserScramCredentialsRequest", "upsertions", version), (ew, e) => writeAlterUserScramCredentialsRequestScramCredentialUpsertion(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterUserScramCredentialsRequest(r: Reader, version: number): AlterUserScramCredentialsRequest {
  const f_deletions: AlterUserScramCredentialsRequestScramCredentialDeletion[] = readArray(r, true, 2, (er) => readAlterUserScramCredentialsRequestScramCredentialDeletion(er, version));
  const f_upsertions: AlterUserScramCredentialsRequestScramCredentialUpsertion[] = readArray(r, true, 8, (er) => readAlterUserScramCredentialsRequestScramCredentialUpsertion(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterUserScramCredentialsRequest = { deletions: f_deletions, upsertions: f_upsertions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterUserScramCredentialsRequestScramCredentialDeletion(w: Writer, v: AlterUserScramCredentialsRequestScramCredentialDeletionInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "AlterUserScramCredentialsRequest", "name", version));
  const v_mechanism = v.mechanism === undefined ? 0 : v.mechanism;
  w.int8(v_mechanism);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterUserScramCredentialsRequestScramCredentialDeletion(r: Reader, version: number): AlterUserScramCredentialsRequestScramCredentialDeletion {
  const f_name: string = r.compactString();
  const f_mechanism: number = r.int8();
  const unknown = r.taggedFields(null);
  const value: AlterUserScramCredentialsRequestScramCredentialDeletion = { name: f_name, mechanism: f_mechanism };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterUserScramCredentialsRequestScramCredentialUpsertion(w: Writer, v: AlterUserScramCredentialsRequestScramCredentialUpsertionInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "AlterUserScramCredentialsRequest", "name", version));
  const v_mechanism = v.mechanism === undefined ? 0 : v.mechanism;
  w.int8(v_mechanism);
  const v_iterations = v.iterations === undefined ? 0 : v.iterations;
  w.int32(v_iterations);
  const v_salt = v.salt === undefined ? EMPTY_BYTES : v.salt;
  w.compactBytes(nonNull(v_salt, "AlterUserScramCredentialsRequest", "salt", version));
  const v_saltedPassword = v.saltedPassword === undefined ? EMPTY_BYTES : v.saltedPassword;
  w.compactBytes(nonNull(v_saltedPassword, "AlterUserScramCredentialsRequest", "saltedPassword", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterUserScramCredentialsRequestScramCredentialUpsertion(r: Reader, version: number): AlterUserScramCredentialsRequestScramCredentialUpsertion {
  const f_name: string = r.compactString();
  const f_mechanism: number = r.int8();
  const f_iterations: number = r.int32();
  const f_salt: Buffer = r.compactBytes();
  const f_saltedPassword: Buffer = r.compactBytes();
  const unknown = r.taggedFields(null);
  const value: AlterUserScramCredentialsRequestScramCredentialUpsertion = { name: f_name, mechanism: f_mechanism, iterations: f_iterations, salt: f_salt, saltedPassword: f_saltedPassword };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterUserScramCredentialsRequest(w: Writer, value: AlterUserScramCredentialsRequestInput, version: number): void {
  checkVersion("AlterUserScramCredentialsRequest", version, 0, 0);
  writeAlterUserScramCredentialsRequest(w, value, version);
}

export function decodeAlterUserScramCredentialsRequest(r: Reader, version: number): AlterUserScramCredentialsRequest {
  if (version < 0 || version > 0) r.fail(`AlterUserScramCredentialsRequest has no version ${version}`);
  return readAlterUserScramCredentialsRequest(r, version);
}
