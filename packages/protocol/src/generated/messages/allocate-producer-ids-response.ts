// Generated from Kafka's clients/AllocateProducerIdsResponse.json by packages/protocol/generator. Do not edit.
// response 67, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion } from '../../primitives/codec-support.ts';

export interface AllocateProducerIdsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  producerIdStart: bigint; // versions 0+
  producerIdLen: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AllocateProducerIdsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  producerIdStart: bigint; // versions 0+
  producerIdLen: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAllocateProducerIdsResponse(): AllocateProducerIdsResponse {
  return { throttleTimeMs: 0, errorCode: 0, producerIdStart: 0n, producerIdLen: 0 };
}

function writeAllocateProducerIdsResponse(w: Writer, v: AllocateProducerIdsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_producerIdStart = v.producerIdStart === undefined ? 0n : v.producerIdStart;
  w.int64(v_producerIdStart);
  const v_producerIdLen = v.producerIdLen === undefined ? 0 : v.producerIdLen;
  w.int32(v_producerIdLen);
  w.taggedFields(v._unknownTaggedFields);
}

function readAllocateProducerIdsResponse(r: Reader, version: number): AllocateProducerIdsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_producerIdStart: bigint = r.int64();
  const f_producerIdLen: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: AllocateProducerIdsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, producerIdStart: f_producerIdStart, producerIdLen: f_producerIdLen };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAllocateProducerIdsResponse(w: Writer, value: AllocateProducerIdsResponseInput, version: number): void {
  checkVersion("AllocateProducerIdsResponse", version, 0, 0);
  writeAllocateProducerIdsResponse(w, value, version);
}

export function decodeAllocateProducerIdsResponse(r: Reader, version: number): AllocateProducerIdsResponse {
  if (version < 0 || version > 0) r.fail(`AllocateProducerIdsResponse has no version ${version}`);
  return readAllocateProducerIdsResponse(r, version);
}
