// Generated from Kafka's clients/ListTransactionsRequest.json by packages/protocol/generator. Do not edit.
// request 66, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readInt64, readNullableArray, readString, unsupportedField, writeArray, writeCompactString, writeInt64, writeString } from '../../primitives/codec-support.ts';

export interface ListTransactionsRequest {
  stateFilters: string[]; // versions 0+
  producerIdFilters: bigint[]; // versions 0+
  durationFilter: bigint; // versions 1+
  transactionalIdPattern: string | null; // versions 2+, nullable 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListTransactionsRequestInput {
  stateFilters: readonly string[]; // versions 0+
  producerIdFilters: readonly bigint[]; // versions 0+
  durationFilter?: bigint; // versions 1+
  transactionalIdPattern?: string | null; // versions 2+, nullable 2+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListTransactionsRequest(): ListTransactionsRequest {
  return { stateFilters: [], producerIdFilters: [], durationFilter: -1n, transactionalIdPattern: null };
}

function writeListTransactionsRequest(w: Writer, v: ListTransactionsRequestInput, version: number): void {
  const v_stateFilters = v.stateFilters === undefined ? [] : v.stateFilters;
  writeArray(w, true, nonNull(v_stateFilters, "ListTransactionsRequest", "stateFilters", version), writeCompactString);
  const v_producerIdFilters = v.producerIdFilters === undefined ? [] : v.producerIdFilters;
  writeArray(w, true, nonNull(v_producerIdFilters, "ListTransactionsRequest", "producerIdFilters", version), writeInt64);
  const v_durationFilter = v.durationFilter === undefined ? -1n : v.durationFilter;
  if (version >= 1) {
    w.int64(v_durationFilter);
  } else if (v.durationFilter !== undefined && v.durationFilter !== -1n) {
    unsupportedField("ListTransactionsRequest", "durationFilter", version);
  }
  const v_transactionalIdPattern = v.transactionalIdPattern === undefined ? null : v.transactionalIdPattern;
  if (version >= 2) {
    w.compactNullableString(v_transactionalIdPattern);
  } else if (v.transactionalIdPattern !== undefined && v.transactionalIdPattern !== null) {
    unsupportedField("ListTransactionsRequest", "transactionalIdPattern", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readListTransactionsRequest(r: Reader, version: number): ListTransactionsRequest {
  const f_stateFilters: string[] = readArray(r, true, 1, readCompactString);
  const f_producerIdFilters: bigint[] = readArray(r, true, 8, readInt64);
  const f_durationFilter: bigint = version >= 1 ? r.int64() : -1n;
  const f_transactionalIdPattern: string | null = version >= 2 ? r.compactNullableString() : null;
  const unknown = r.taggedFields(null);
  const value: ListTransactionsRequest = { stateFilters: f_stateFilters, producerIdFilters: f_producerIdFilters, durationFilter: f_durationFilter, transactionalIdPattern: f_transactionalIdPattern };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListTransactionsRequest(w: Writer, value: ListTransactionsRequestInput, version: number): void {
  checkVersion("ListTransactionsRequest", version, 0, 2);
  writeListTransactionsRequest(w, value, version);
}

export function decodeListTransactionsRequest(r: Reader, version: number): ListTransactionsRequest {
  if (version < 0 || version > 2) r.fail(`ListTransactionsRequest has no version ${version}`);
  return readListTransactionsRequest(r, version);
}
