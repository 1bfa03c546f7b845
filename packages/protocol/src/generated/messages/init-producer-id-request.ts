// Generated from Kafka's clients/InitProducerIdRequest.json by packages/protocol/generator. Do not edit.
// request 22, versions 0-6, flexible 2-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, unsupportedField } from '../../primitives/codec-support.ts';

export interface InitProducerIdRequest {
  transactionalId: string | null; // versions 0+, nullable 0+
  transactionTimeoutMs: number; // versions 0+
  producerId: bigint; // versions 3+
  producerEpoch: number; // versions 3+
  enable2Pc: boolean; // versions 6+
  keepPreparedTxn: boolean; // versions 6+
  _unknownTaggedFields?: TaggedField[];
}

export interface InitProducerIdRequestInput {
  transactionalId: string | null; // versions 0+, nullable 0+
  transactionTimeoutMs: number; // versions 0+
  producerId?: bigint; // versions 3+
  producerEpoch?: number; // versions 3+
  enable2Pc?: boolean; // versions 6+
  keepPreparedTxn?: boolean; // versions 6+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultInitProducerIdRequest(): InitProducerIdRequest {
  return { transactionalId: "", transactionTimeoutMs: 0, producerId: -1n, producerEpoch: -1, enable2Pc: false, keepPreparedTxn: false };
}

function writeInitProducerIdRequest(w: Writer, v: InitProducerIdRequestInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  if (version >= 2) w.compactNullableString(v_transactionalId);
  else w.nullableString(v_transactionalId);
  const v_transactionTimeoutMs = v.transactionTimeoutMs === undefined ? 0 : v.transactionTimeoutMs;
  w.int32(v_transactionTimeoutMs);
  const v_producerId = v.producerId === undefined ? -1n : v.producerId;
  if (version >= 3) {
    w.int64(v_producerId);
  } else if (v.producerId !== undefined && v.producerId !== -1n) {
    unsupportedField("InitProducerIdRequest", "producerId", version);
  }
  const v_producerEpoch = v.producerEpoch === undefined ? -1 : v.producerEpoch;
  if (version >= 3) {
    w.int16(v_producerEpoch);
  } else if (v.producerEpoch !== undefined && v.producerEpoch !== -1) {
    unsupportedField("InitProducerIdRequest", "producerEpoch", version);
  }
  const v_enable2Pc = v.enable2Pc === undefined ? false : v.enable2Pc;
  if (version >= 6) {
    w.bool(v_enable2Pc);
  } else if (v.enable2Pc !== undefined && v.enable2Pc !== false) {
    unsupportedField("InitProducerIdRequest", "enable2Pc", version);
  }
  const v_keepPreparedTxn = v.keepPreparedTxn === undefined ? false : v.keepPreparedTxn;
  if (version >= 6) {
    w.bool(v_keepPreparedTxn);
  } else if (v.keepPreparedTxn !== undefined && v.keepPreparedTxn !== false) {
    unsupportedField("InitProducerIdRequest", "keepPreparedTxn", version);
  }
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readInitProducerIdRequest(r: Reader, version: number): InitProducerIdRequest {
  const f_transactionalId: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  const f_transactionTimeoutMs: number = r.int32();
  const f_producerId: bigint = version >= 3 ? r.int64() : -1n;
  const f_producerEpoch: number = version >= 3 ? r.int16() : -1;
  const f_enable2Pc: boolean = version >= 6 ? r.bool() : false;
  const f_keepPreparedTxn: boolean = version >= 6 ? r.bool() : false;
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: InitProducerIdRequest = { transactionalId: f_transactionalId, transactionTimeoutMs: f_transactionTimeoutMs, producerId: f_producerId, producerEpoch: f_producerEpoch, enable2Pc: f_enable2Pc, keepPreparedTxn: f_keepPreparedTxn };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeInitProducerIdRequest(w: Writer, value: InitProducerIdRequestInput, version: number): void {
  checkVersion("InitProducerIdRequest", version, 0, 6);
  writeInitProducerIdRequest(w, value, version);
}

export function decodeInitProducerIdRequest(r: Reader, version: number): InitProducerIdRequest {
  if (version < 0 || version > 6) r.fail(`InitProducerIdRequest has no version ${version}`);
  return readInitProducerIdRequest(r, version);
}
