// Generated from Kafka's clients/EnvelopeRequest.json by packages/protocol/generator. Do not edit.
// request 58, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull } from '../../primitives/codec-support.ts';

export interface EnvelopeRequest {
  requestData: Buffer; // versions 0+
  requestPrincipal: Buffer | null; // versions 0+, nullable 0+
  clientHostAddress: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EnvelopeRequestInput {
  requestData: Buffer; // versions 0+
  requestPrincipal: Buffer | null; // versions 0+, nullable 0+
  clientHostAddress: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEnvelopeRequest(): EnvelopeRequest {
  return { requestData: EMPTY_BYTES, requestPrincipal: EMPTY_BYTES, clientHostAddress: EMPTY_BYTES };
}

function writeEnvelopeRequest(w: Writer, v: EnvelopeRequestInput, version: number): void {
  const v_requestData = v.requestData === undefined ? EMPTY_BYTES : v.requestData;
  w.compactBytes(nonNull(v_requestData, "EnvelopeRequest", "requestData", version));
  const v_requestPrincipal = v.requestPrincipal === undefined ? EMPTY_BYTES : v.requestPrincipal;
  w.compactNullableBytes(v_requestPrincipal);
  const v_clientHostAddress = v.clientHostAddress === undefined ? EMPTY_BYTES : v.clientHostAddress;
  w.compactBytes(nonNull(v_clientHostAddress, "EnvelopeRequest", "clientHostAddress", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readEnvelopeRequest(r: Reader, version: number): EnvelopeRequest {
  const f_requestData: Buffer = r.compactBytes();
  const f_requestPrincipal: Buffer | null = r.compactNullableBytes();
  const f_clientHostAddress: Buffer = r.compactBytes();
  const unknown = r.taggedFields(null);
  const value: EnvelopeRequest = { requestData: f_requestData, requestPrincipal: f_requestPrincipal, clientHostAddress: f_clientHostAddress };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeEnvelopeRequest(w: Writer, value: EnvelopeRequestInput, version: number): void {
  checkVersion("EnvelopeRequest", version, 0, 0);
  writeEnvelopeRequest(w, value, version);
}

export function decodeEnvelopeRequest(r: Reader, version: number): EnvelopeRequest {
  if (version < 0 || version > 0) r.fail(`EnvelopeRequest has no version ${version}`);
  return readEnvelopeRequest(r, version);
}
