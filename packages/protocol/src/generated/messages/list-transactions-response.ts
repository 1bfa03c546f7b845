// Generated from Kafka's clients/ListTransactionsResponse.json by packages/protocol/generator. Do not edit.
// response 66, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ListTransactionsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  unknownStateFilters: string[]; // versions 0+
  transactionStates: ListTransactionsResponseTransactionState[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  unknownStateFilters: readonly string[]; // versions 0+
  transactionStates: readonly ListTransactionsResponseTransactionStateInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsResponseTransactionState {
  transactionalId: string; // versions 0+
  producerId: bigint; // versions 0+
  transactionState: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsResponseTransactionStateInput {
  transactionalId: string; // versions 0+
  producerId: bigint; // versions 0+
  transactionState: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListTransactionsResponse(): ListTransactionsResponse {
  return { throttleTimeMs: 0, errorCode: 0, unknownStateFilters: [], transactionStates: [] };
}

export function defaultListTransactionsResponseTransactionState(): ListTransactionsResponseTransactionState {
  return { transactionalId: "", producerId: 0n, transactionState: "" };
}

function writeListTransactionsResponse(w: Writer, v: ListTransactionsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_unknownStateFilters = v.unknownStateFilters === undefined ? [] : v.unknownStateFilters;
  writeArray(w, true, nonNull(v_unknownStateFilters, "ListTransactionsResponse", "unknownStateFilters", version), writeCompactString);
  const v_transactionStates = v.transactionStates === undefined ? [] : v.transactionStates;
  writeArray(w, true, nonNull(v_transactionStates, "ListTransactionsResponse", "transactionStates", version), (ew, e) => writeListTransactionsResponseTransactionState(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readListTransactionsResponse(r: Reader, version: number): ListTransactionsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_unknownStateFilters: string[] = readArray(r, true, 1, readCompactString);
  const f_transactionStates: ListTransactionsResponseTransactionState[] = readArray(r, true, 10, (er) => readListTransactionsResponseTransactionState(er, version));
  const unknown = r.taggedFields(null);
  const value: ListTransactionsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, unknownStateFilters: f_unknownStateFilters, transactionStates: f_transactionStates };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListTransactionsResponseTransactionState(w: Writer, v: ListTransactionsResponseTransactionStateInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  w.compactString(nonNull(v_transactionalId, "ListTransactionsResponse", "transactionalId", version));
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_transactionState = v.transactionState === undefined ? "" : v.transactionState;
  w.compactString(nonNull(v_transactionState, "ListTransactionsResponse", "transactionState", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readListTransactionsResponseTransactionState(r: Reader, version: number): ListTransactionsResponseTransactionState {
  const f_transactionalId: string = r.compactString();
  const f_producerId: bigint = r.int64();
  const f_transactionState: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: ListTransactionsResponseTransactionState = { transactionalId: f_transactionalId, producerId: f_producerId, transactionState: f_transactionState };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListTransactionsResponse(w: Writer, value: ListTransactionsResponseInput, version: number): void {
  checkVersion("ListTransactionsResponse", version, 0, 2);
  writeListTransactionsResponse(w, value, version);
}

export function decodeListTransactionsResponse(r: Reader, version: number): ListTransactionsResponse {
  if (version < 0 || version > 2) r.fail(`ListTransactionsResponse has no version ${version}`);
  return readListTransactionsResponse(r, version);
}
