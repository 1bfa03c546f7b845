// Generated from Kafka's clients/SaslHandshakeResponse.json by packages/protocol/generator. Do not edit.
// response 17, versions 0-1, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface SaslHandshakeResponse {
  errorCode: number; // versions 0+
  mechanisms: string[]; // versions 0+
}

export interface SaslHandshakeResponseInput {
  errorCode: number; // versions 0+
  mechanisms: readonly string[]; // versions 0+
}

export function defaultSaslHandshakeResponse(): SaslHandshakeResponse {
  return { errorCode: 0, mechanisms: [] };
}

function writeSaslHandshakeResponse(w: Writer, v: SaslHandshakeResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_mechanisms = v.mechanisms === undefined ? [] : v.mechanisms;
  writeArray(w, false, nonNull(v_mechanisms, "SaslHandshakeResponse", "mechanisms", version), writeString);
}

function readSaslHandshakeResponse(r: Reader, version: number): SaslHandshakeResponse {
  const f_errorCode: number = r.int16();
  const f_mechanisms: string[] = readArray(r, false, 1, readString);
  return { errorCode: f_errorCode, mechanisms: f_mechanisms };
}

export function encodeSaslHandshakeResponse(w: Writer, value: SaslHandshakeResponseInput, version: number): void {
  checkVersion("SaslHandshakeResponse", version, 0, 1);
  writeSaslHandshakeResponse(w, value, version);
}

export function decodeSaslHandshakeResponse(r: Reader, version: number): SaslHandshakeResponse {
  if (version < 0 || version > 1) r.fail(`SaslHandshakeResponse has no version ${version}`);
  return readSaslHandshakeResponse(r, version);
}
