// Generated from Kafka's clients/AddOffsetsToTxnResponse.json by packages/protocol/generator. Do not edit.
// response 25, versions 0-4, flexible 3-4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface AddOffsetsToTxnResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddOffsetsToTxnResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddOffsetsToTxnResponse(): AddOffsetsToTxnResponse {
  return { throttleTimeMs: 0, errorCode: 0 };
}

function writeAddOffsetsToTxnResponse(w: Writer, v: AddOffsetsToTxnResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAddOffsetsToTxnResponse(r: Reader, version: number): AddOffsetsToTxnResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: AddOffsetsToTxnResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAddOffsetsToTxnResponse(w: Writer, value: AddOffsetsToTxnResponseInput, version: number): void {
  checkVersion("AddOffsetsToTxnResponse", version, 0, 4);
  writeAddOffsetsToTxnResponse(w, value, version);
}

export function decodeAddOffsetsToTxnResponse(r: Reader, version: number): AddOffsetsToTxnResponse {
  if (version < 0 || version > 4) r.fail(`AddOffsetsToTxnResponse has no version ${version}`);
  return readAddOffsetsToTxnResponse(r, version);
}
