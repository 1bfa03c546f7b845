// Generated from Kafka's clients/SaslAuthenticateRequest.json by packages/protocol/generator. Do not edit.
// request 36, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface SaslAuthenticateRequest {
  authBytes: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface SaslAuthenticateRequestInput {
  authBytes: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultSaslAuthenticateRequest(): SaslAuthenticateRequest {
  return { authBytes: EMPTY_BYTES };
}

function writeSaslAuthenticateRequest(w: Writer, v: SaslAuthenticateRequestInput, version: number): void {
  const v_authBytes = v.authBytes === undefined ? EMPTY_BYTES : v.authBytes;
  if (version >= 2) w.compactBytes(nonNull(v_authBytes, "SaslAuthenticateRequest", "authBytes", version));
  else w.bytes(nonNull(v_authBytes, "SaslAuthenticateRequest", "authBytes", version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readSaslAuthenticateRequest(r: Reader, version: number): SaslAuthenticateRequest {
  const f_authBytes: Buffer = (version >= 2 ? r.compactBytes() : r.bytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: SaslAuthenticateRequest = { authBytes: f_authBytes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeSaslAuthenticateRequest(w: Writer, value: SaslAuthenticateRequestInput, version: number): void {
  checkVersion("SaslAuthenticateRequest", version, 0, 2);
  writeSaslAuthenticateRequest(w, value, version);
}

export function decodeSaslAuthenticateRequest(r: Reader, version: number): SaslAuthenticateRequest {
  if (version < 0 || version > 2) r.fail(`SaslAuthenticateRequest has no version ${version}`);
  return readSaslAuthenticateRequest(r, version);
}
