// Generated from Kafka's clients/SaslHandshakeRequest.json by packages/protocol/generator. Do not edit.
// request 17, versions 0-1, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface SaslHandshakeRequest {
  mechanism: string; // versions 0+
}

export interface SaslHandshakeRequestInput {
  mechanism: string; // versions 0+
}

export function defaultSaslHandshakeRequest(): SaslHandshakeRequest {
  return { mechanism: "" };
}

function writeSaslHandshakeRequest(w: Writer, v: SaslHandshakeRequestInput, version: number): void {
  const v_mechanism = v.mechanism === undefined ? "" : v.mechanism;
  w.string(nonNull(v_mechanism, "SaslHandshakeRequest", "mechanism", version));
}

function readSaslHandshakeRequest(r: Reader, version: number): SaslHandshakeRequest {
  const f_mechanism: string = r.string();
  return { mechanism: f_mechanism };
}

export function encodeSaslHandshakeRequest(w: Writer, value: SaslHandshakeRequestInput, version: number): void {
  checkVersion("SaslHandshakeRequest", version, 0, 1);
  writeSaslHandshakeRequest(w, value, version);
}

export function decodeSaslHandshakeRequest(r: Reader, version: number): SaslHandshakeRequest {
  if (version < 0 || version > 1) r.fail(`SaslHandshakeRequest has no version ${version}`);
  return readSaslHandshakeRequest(r, version);
}
