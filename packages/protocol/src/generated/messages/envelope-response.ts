// Generated from Kafka's clients/EnvelopeResponse.json by packages/protocol/generator. Do not edit.
// response 58, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface EnvelopeResponse {
  responseData: Buffer | null; // versions 0+, nullable 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EnvelopeResponseInput {
  responseData?: Buffer | null; // versions 0+, nullable 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEnvelopeResponse(): EnvelopeResponse {
  return { responseData: null, errorCode: 0 };
}

function writeEnvelopeResponse(w: Writer, v: EnvelopeResponseInput, version: number): void {
  const v_responseData = v.responseData === undefined ? null : v.responseData;
  w.compactNullableBytes(v_responseData);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  w.taggedFields(v._unknownTaggedFields);
}

function readEnvelopeResponse(r: Reader, version: number): EnvelopeResponse {
  const f_responseData: Buffer | null = r.compactNullableBytes();
  const f_errorCode: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: EnvelopeResponse = { responseData: f_responseData, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeEnvelopeResponse(w: Writer, value: EnvelopeResponseInput, version: number): void {
  checkVersion("EnvelopeResponse", version, 0, 0);
  writeEnvelopeResponse(w, value, version);
}

export function decodeEnvelopeResponse(r: Reader, version: number): EnvelopeResponse {
  if (version < 0 || version > 0) r.fail(`EnvelopeResponse has no version ${version}`);
  return readEnvelopeResponse(r, version);
}
