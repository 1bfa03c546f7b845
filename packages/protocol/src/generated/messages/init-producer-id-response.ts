// Generated from Kafka's clients/InitProducerIdResponse.json by packages/protocol/generator. Do not edit.
// response 22, versions 0-6, flexible 2-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, unsupportedField } from '../../primitives/codec-support.ts';

export interface InitProducerIdResponse {
  throttleTimeMs: number; // versions 0+, ignorable
  errorCode: number; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  ongoingTxnProducerId: bigint; // versions 6+
  ongoingTxnProducerEpoch: number; // versions 6+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitProducerIdResponseInput {
  throttleTimeMs: number; // versions 0+, ignorable
  errorCode: number; // versions 0+
  producerId?: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  ongoingTxnProducerId?: bigint; // versions 6+
  ongoingTxnProducerEpoch?: number; // versions 6+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultInitProducerIdResponse(): InitProducerIdResponse {
  return { throttleTimeMs: 0, errorCode: 0, producerId: -1n, producerEpoch: 0, ongoingTxnProducerId: -1n, ongoingTxnProducerEpoch: -1 };
}

function writeInitProducerIdResponse(w: Writer, v: InitProducerIdResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_producerId = v.producerId === undefined ? -1n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  const v_ongoingTxnProducerId = v.ongoingTxnProducerId === undefined ? -1n : v.ongoingTxnProducerId;
  if (version >= 6) {
    w.int64(v_ongoingTxnProducerId);
  } else if (v.ongoingTxnProducerId !== undefined && v.ongoingTxnProducerId !== -1n) {
    unsupportedField("InitProducerIdResponse", "ongoingTxnProducerId", version);
  }
  const v_ongoingTxnProducerEpoch = v.ongoingTxnProducerEpoch === undefined ? -1 : v.ongoingTxnProducerEpoch;
  if (version >= 6) {
    w.int16(v_ongoingTxnProducerEpoch);
  } else if (v.ongoingTxnProducerEpoch !== undefined && v.ongoingTxnProducerEpoch !== -1) {
    unsupportedField("InitProducerIdResponse", "ongoingTxnProducerEpoch", version);
  }
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readInitProducerIdResponse(r: Reader, version: number): InitProducerIdResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int16();
  const f_ongoingTxnProducerId: bigint = version >= 6 ? r.int64() : -1n;
  const f_ongoingTxnProducerEpoch: number = version >= 6 ? r.int16() : -1;
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: InitProducerIdResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, producerId: f_producerId, producerEpoch: f_producerEpoch, ongoingTxnProducerId: f_ongoingTxnProducerId, ongoingTxnProducerEpoch: f_ongoingTxnProducerEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeInitProducerIdResponse(w: Writer, value: InitProducerIdResponseInput, version: number): void {
  checkVersion("InitProducerIdResponse", version, 0, 6);
  writeInitProducerIdResponse(w, value, version);
}

export function decodeInitProducerIdResponse(r: Reader, version: number): InitProducerIdResponse {
  if (version < 0 || version > 6) r.fail(`InitProducerIdResponse has no version ${version}`);
  return readInitProducerIdResponse(r, version);
}
