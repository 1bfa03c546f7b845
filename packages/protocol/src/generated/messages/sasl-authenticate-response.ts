// Generated from Kafka's clients/SaslAuthenticateResponse.json by packages/protocol/generator. Do not edit.
// response 36, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface SaslAuthenticateResponse {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  authBytes: Buffer; // versions 0+
  sessionLifetimeMs: bigint; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface SaslAuthenticateResponseInput {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  authBytes: Buffer; // versions 0+
  sessionLifetimeMs?: bigint; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSaslAuthenticateResponse(): SaslAuthenticateResponse {
  return { errorCode: 0, errorMessage: "", authBytes: EMPTY_BYTES, sessionLifetimeMs: 0n };
}

function writeSaslAuthenticateResponse(w: Writer, v: SaslAuthenticateResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  const v_authBytes = v.authBytes === undefined ? EMPTY_BYTES : v.authBytes;
  if (version >= 2) w.compactBytes(nonNull(v_authBytes, "SaslAuthenticateResponse", "authBytes", version));
  else w.bytes(nonNull(v_authBytes, "SaslAuthenticateResponse", "authBytes", version));
  const v_sessionLifetimeMs = v.sessionLifetimeMs === undefined ? 0n : v.sessionLifetimeMs;
  if (version >= 1) {
    w.int64(v_sessionLifetimeMs);
  }
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readSaslAuthenticateResponse(r: Reader, version: number): SaslAuthenticateResponse {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_authBytes: Buffer = (version >= 2 ? r.compactBytes() : r.bytes());
  const f_sessionLifetimeMs: bigint = version >= 1 ? r.int64() : 0n;
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: SaslAuthenticateResponse = { errorCode: f_errorCode, errorMessage: f_errorMessage, authBytes: f_authBytes, sessionLifetimeMs: f_sessionLifetimeMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeSaslAuthenticateResponse(w: Writer, value: SaslAuthenticateResponseInput, version: number): void {
  checkVersion("SaslAuthenticateResponse", version, 0, 2);
  writeSaslAuthenticateResponse(w, value, version);
}

export function decodeSaslAuthenticateResponse(r: Reader, version: number): SaslAuthenticateResponse {
  if (version < 0 || version > 2) r.fail(`SaslAuthenticateResponse has no version ${version}`);
  return readSaslAuthenticateResponse(r, version);
}
