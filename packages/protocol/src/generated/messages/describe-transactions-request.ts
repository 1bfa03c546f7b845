// Generated from Kafka's clients/DescribeTransactionsRequest.json by packages/protocol/generator. Do not edit.
// request 65, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface DescribeTransactionsRequest {
  transactionalIds: string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsRequestInput {
  transactionalIds: readonly string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsRequest(): DescribeTransactionsRequest {
  return { transactionalIds: [] };
}

function writeDescribeTransactionsRequest(w: Writer, v: DescribeTransactionsRequestInput, version: number): void {
  const v_transactionalIds = v.transactionalIds === undefined ? [] : v.transactionalIds;
  writeArray(w, true, nonNull(v_transactionalIds, "DescribeTransactionsRequest", "transactionalIds", version), writeCompactString);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTransactionsRequest(r: Reader, version: number): DescribeTransactionsRequest {
  const f_transactionalIds: string[] = readArray(r, true, 1, readCompactString);
  const unknown = r.taggedFields(null);
  const value: DescribeTransactionsRequest = { transactionalIds: f_transactionalIds };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeTransactionsRequest(w: Writer, value: DescribeTransactionsRequestInput, version: number): void {
  checkVersion("DescribeTransactionsRequest", version, 0, 0);
  writeDescribeTransactionsRequest(w, value, version);
}

export function decodeDescribeTransactionsRequest(r: Reader, version: number): DescribeTransactionsRequest {
  if (version < 0 || version > 0) r.fail(`DescribeTransactionsRequest has no version ${version}`);
  return readDescribeTransactionsRequest(r, version);
}
