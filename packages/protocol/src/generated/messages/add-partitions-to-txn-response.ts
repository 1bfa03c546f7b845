// Generated from Kafka's clients/AddPartitionsToTxnResponse.json by packages/protocol/generator. Do not edit.
// response 24, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface AddPartitionsToTxnResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 4+, ignorable
  resultsByTransaction: AddPartitionsToTxnResponseAddPartitionsToTxnResult[]; // versions 4+
  resultsByTopicV3AndBelow: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[]; // versions 0-3
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode?: number; // versions 4+, ignorable
  resultsByTransaction?: readonly AddPartitionsToTxnResponseAddPartitionsToTxnResultInput[]; // versions 4+
  resultsByTopicV3AndBelow?: readonly AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput[]; // versions 0-3
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  transactionalId: string; // versions 4+
  topicResults: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnResultInput {
  transactionalId: string; // versions 4+
  topicResults: readonly AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  name: string; // versions 0+
  resultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput {
  name: string; // versions 0+
  resultsByPartition: readonly AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  partitionIndex: number; // versions 0+
  partitionErrorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResultInput {
  partitionIndex: number; // versions 0+
  partitionErrorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddPartitionsToTxnResponse(): AddPartitionsToTxnResponse {
  return { throttleTimeMs: 0, errorCode: 0, resultsByTransaction: [], resultsByTopicV3AndBelow: [] };
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnResult(): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  return { transactionalId: "", topicResults: [] };
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  return { name: "", resultsByPartition: [] };
}

export function defaultAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  return { partitionIndex: 0, partitionErrorCode: 0 };
}

function writeAddPartitionsToTxnResponse(w: Writer, v: AddPartitionsToTxnResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  if (version >= 4) {
    w.int16(v_errorCode);
  }
  const v_resultsByTransaction = v.resultsByTransaction === undefined ? [] : v.resultsByTransaction;
  if (version >= 4) {
    writeArray(w, true, nonNull(v_resultsByTransaction, "AddPartitionsToTxnResponse", "resultsByTransaction", version), (ew, e) => writeAddPartitionsToTxnResponseAddPartitionsToTxnResult(ew, e, version));
  } else if (v.resultsByTransaction !== undefined && (v.resultsByTransaction === null || v.resultsByTransaction.length > 0)) {
    unsupportedField("AddPartitionsToTxnResponse", "resultsByTransaction", version);
  }
  const v_resultsByTopicV3AndBelow = v.resultsByTopicV3AndBelow === undefined ? [] : v.resultsByTopicV3AndBelow;
  if (version <= 3) {
    writeArray(w, version >= 3, nonNull(v_resultsByTopicV3AndBelow, "AddPartitionsToTxnResponse", "resultsByTopicV3AndBelow", version), (ew, e) => writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(ew, e, version));
  } else if (v.resultsByTopicV3AndBelow !== undefined && (v.resultsByTopicV3AndBelow === null || v.resultsByTopicV3AndBelow.length > 0)) {
    unsupportedField("AddPartitionsToTxnResponse", "resultsByTopicV3AndBelow", version);
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAddPartitionsToTxnResponse(r: Reader, version: number): AddPartitionsToTxnResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = version >= 4 ? r.int16() : 0;
  const f_resultsByTransaction: AddPartitionsToTxnResponseAddPartitionsToTxnResult[] = version >= 4 ? readArray(r, true, 1, (er) => readAddPartitionsToTxnResponseAddPartitionsToTxnResult(er, version)) : [];
  const f_resultsByTopicV3AndBelow: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[] = version <= 3 ? readArray(r, version >= 3, 2, (er) => readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: AddPartitionsToTxnResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, resultsByTransaction: f_resultsByTransaction, resultsByTopicV3AndBelow: f_resultsByTopicV3AndBelow };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnResult(w: Writer, v: AddPartitionsToTxnResponseAddPartitionsToTxnResultInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  w.compactString(nonNull(v_transactionalId, "AddPartitionsToTxnResponse", "transactionalId", version));
  const v_topicResults = v.topicResults === undefined ? [] : v.topicResults;
  writeArray(w, true, nonNull(v_topicResults, "AddPartitionsToTxnResponse", "topicResults", version), (ew, e) => writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnResult(r: Reader, version: number): AddPartitionsToTxnResponseAddPartitionsToTxnResult {
  const f_transactionalId: string = r.compactString();
  const f_topicResults: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[] = readArray(r, true, 2, (er) => readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(er, version));
  const unknown = r.taggedFields(null);
  const value: AddPartitionsToTxnResponseAddPartitionsToTxnResult = { transactionalId: f_transactionalId, topicResults: f_topicResults };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(w: Writer, v: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResultInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 3) w.compactString(nonNull(v_name, "AddPartitionsToTxnResponse", "name", version));
  else w.string(nonNull(v_name, "AddPartitionsToTxnResponse", "name", version));
  const v_resultsByPartition = v.resultsByPartition === undefined ? [] : v.resultsByPartition;
  writeArray(w, version >= 3, nonNull(v_resultsByPartition, "AddPartitionsToTxnResponse", "resultsByPartition", version), (ew, e) => writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(ew, e, version));
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnTopicResult(r: Reader, version: number): AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  const f_name: string = (version >= 3 ? r.compactString() : r.string());
  const f_resultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[] = readArray(r, version >= 3, 6, (er) => readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult = { name: f_name, resultsByPartition: f_resultsByPartition };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(w: Writer, v: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResultInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_partitionErrorCode = v.partitionErrorCode === undefined ? 0 : v.partitionErrorCode;
  w.int16(v_partitionErrorCode);
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readAddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult(r: Reader, version: number): AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  const f_partitionIndex: number = r.int32();
  const f_partitionErrorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult = { partitionIndex: f_partitionIndex, partitionErrorCode: f_partitionErrorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAddPartitionsToTxnResponse(w: Writer, value: AddPartitionsToTxnResponseInput, version: number): void {
  checkVersion("AddPartitionsToTxnResponse", version, 0, 5);
  writeAddPartitionsToTxnResponse(w, value, version);
}

export function decodeAddPartitionsToTxnResponse(r: Reader, version: number): AddPartitionsToTxnResponse {
  if (version < 0 || version > 5) r.fail(`AddPartitionsToTxnResponse has no version ${version}`);
  return readAddPartitionsToTxnResponse(r, version);
}
