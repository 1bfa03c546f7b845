// Generated from Kafka's clients/DescribeTransactionsResponse.json by packages/protocol/generator. Do not edit.
// response 65, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface DescribeTransactionsResponse {
  throttleTimeMs: number; // versions 0+
  transactionStates: DescribeTransactionsResponseTransactionState[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseInput {
  throttleTimeMs: number; // versions 0+
  transactionStates: readonly DescribeTransactionsResponseTransactionStateInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTransactionState {
  errorCode: number; // versions 0+
  transactionalId: string; // versions 0+
  transactionState: string; // versions 0+
  transactionTimeoutMs: number; // versions 0+
  transactionStartTimeMs: bigint; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  topics: DescribeTransactionsResponseTopicData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTransactionStateInput {
  errorCode: number; // versions 0+
  transactionalId: string; // versions 0+
  transactionState: string; // versions 0+
  transactionTimeoutMs: number; // versions 0+
  transactionStartTimeMs: bigint; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  topics: readonly DescribeTransactionsResponseTopicDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTopicData {
  topic: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTransactionsResponseTopicDataInput {
  topic: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTransactionsResponse(): DescribeTransactionsResponse {
  return { throttleTimeMs: 0, transactionStates: [] };
}

export function defaultDescribeTransactionsResponseTransactionState(): DescribeTransactionsResponseTransactionState {
  return { errorCode: 0, transactionalId: "", transactionState: "", transactionTimeoutMs: 0, transactionStartTimeMs: 0n, producerId: 0n, producerEpoch: 0, topics: [] };
}

export function defaultDescribeTransactionsResponseTopicData(): DescribeTransactionsResponseTopicData {
  return { topic: "", partitions: [] };
}

function writeDescribeTransactionsResponse(w: Writer, v: DescribeTransactionsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_transactionStates = v.transactionStates === undefined ? [] : v.transactionStates;
  writeArray(w, true, nonNull(v_transactionStates, "DescribeTransactionsResponse", "transactionStates", version), (ew, e) => writeDescribeTransactionsResponseTransactionState(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTransactionsResponse(r: Reader, version: number): DescribeTransactionsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_transactionStates: DescribeTransactionsResponseTransactionState[] = readArray(r, true, 27, (er) => readDescribeTransactionsResponseTransactionState(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeTransactionsResponse = { throttleTimeMs: f_throttleTimeMs, transactionStates: f_transactionStates };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeTransactionsResponseTransactionState(w: Writer, v: DescribeTransactionsResponseTransactionStateInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  w.compactString(nonNull(v_transactionalId, "DescribeTransactionsResponse", "transactionalId", version));
  const v_transactionState = v.transactionState === undefined ? "" : v.transactionState;
  w.compactString(nonNull(v_transactionState, "DescribeTransactionsResponse", "transactionState", version));
  const v_transactionTimeoutMs = v.transactionTimeoutMs === undefined ? 0 : v.transactionTimeoutMs;
  w.int32(v_transactionTimeoutMs);
  const v_transactionStartTimeMs = v.transactionStartTimeMs === undefined ? 0n : v.transactionStartTimeMs;
  w.int64(v_transactionStartTimeMs);
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeTransactionsResponse", "topics", version), (ew, e) => writeDescribeTransactionsResponseTopicData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTransactionsResponseTransactionState(r: Reader, version: number): DescribeTransactionsResponseTransactionState {
  const f_errorCode: number = r.int16();
  const f_transactionalId: string = r.compactString();
  const f_transactionState: string = r.compactString();
  const f_transactionTimeoutMs: number = r.int32();
  const f_transactionStartTimeMs: bigint = r.int64();
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int16();
  const f_topics: DescribeTransactionsResponseTopicData[] = readArray(r, true, 2, (er) => readDescribeTransactionsResponseTopicData(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeTransactionsResponseTransactionState = { errorCode: f_errorCode, transactionalId: f_transactionalId, transactionState: f_transactionState, transactionTimeoutMs: f_transactionTimeoutMs, transactionStartTimeMs: f_transactionStartTimeMs, producerId: f_producerId, producerEpoch: f_producerEpoch, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeTransactionsResponseTopicData(w: Writer, v: DescribeTransactionsResponseTopicDataInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  w.compactString(nonNull(v_topic, "DescribeTransactionsResponse", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DescribeTransactionsResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTransactionsResponseTopicData(r: Reader, version: number): DescribeTransactionsResponseTopicData {
  const f_topic: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: DescribeTransactionsResponseTopicData = { topic: f_topic, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeTransactionsResponse(w: Writer, value: DescribeTransactionsResponseInput, version: number): void {
  checkVersion("DescribeTransactionsResponse", version, 0, 0);
  writeDescribeTransactionsResponse(w, value, version);
}

export function decodeDescribeTransactionsResponse(r: Reader, version: number): DescribeTransactionsResponse {
  if (version < 0 || version > 0) r.fail(`DescribeTransactionsResponse has no version ${version}`);
  return readDescribeTransactionsResponse(r, version);
}
