// Generated from Kafka's clients/EndTxnResponse.json by packages/protocol/generator. Do not edit.
// response 26, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface EndTxnResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  producerId: bigint; // versions 5+, ignorable
  producerEpoch: number; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface EndTxnResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  producerId?: bigint; // versions 5+, ignorable
  producerEpoch?: number; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndTxnResponse(): EndTxnResponse {
  return { throttleTimeMs: 0, errorCode: 0, producerId: -1n, producerEpoch: -1 };
}

function writeEndTxnResponse(w: Writer, v: EndTxnResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_producerId = v.producerId === undefined ? -1n : v.producerId;
  if (version >= 5) {
    w.int64(v_producerId);
  }
  const v_producerEpoch = v.producerEpoch === undefined ? -1 : v.producerEpoch;
  if (version >= 5) {
    w.int16(v_producerEpoch);
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readEndTxnResponse(r: Reader, version: number): EndTxnResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_producerId: bigint = version >= 5 ? r.int64() : -1n;
  const f_producerEpoch: number = version >= 5 ? r.int16() : -1;
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: EndTxnResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, producerId: f_producerId, producerEpoch: f_producerEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeEndTxnResponse(w: Writer, value: EndTxnResponseInput, version: number): void {
  checkVersion("EndTxnResponse", version, 0, 5);
  writeEndTxnResponse(w, value, version);
}

export function decodeEndTxnResponse(r: Reader, version: number): EndTxnResponse {
  if (version < 0 || version > 5) r.fail(`EndTxnResponse has no version ${version}`);
  return readEndTxnResponse(r, version);
}
