// Generated from Kafka's clients/DescribeProducersResponse.json by packages/protocol/generator. Do not edit.
// response 61, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeProducersResponse {
  throttleTimeMs: number; // versions 0+
  topics: DescribeProducersResponseTopicResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseInput {
  throttleTimeMs: number; // versions 0+
  topics: readonly DescribeProducersResponseTopicResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseTopicResponse {
  name: string; // versions 0+
  partitions: DescribeProducersResponsePartitionResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseTopicResponseInput {
  name: string; // versions 0+
  partitions: readonly DescribeProducersResponsePartitionResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponsePartitionResponse {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  activeProducers: DescribeProducersResponseProducerState[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponsePartitionResponseInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  activeProducers: readonly DescribeProducersResponseProducerStateInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseProducerState {
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  lastSequence: number; // versions 0+
  lastTimestamp: bigint; // versions 0+
  coordinatorEpoch: number; // versions 0+
  currentTxnStartOffset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersResponseProducerStateInput {
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  lastSequence?: number; // versions 0+
  lastTimestamp?: bigint; // versions 0+
  coordinatorEpoch: number; // versions 0+
  currentTxnStartOffset?: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersResponse(): DescribeProducersResponse {
  return { throttleTimeMs: 0, topics: [] };
}

export function defaultDescribeProducersResponseTopicResponse(): DescribeProducersResponseTopicResponse {
  return { name: "", partitions: [] };
}

export function defaultDescribeProducersResponsePartitionResponse(): DescribeProducersResponsePartitionResponse {
  return { partitionIndex: 0, errorCode: 0, errorMessage: null, activeProducers: [] };
}

export function defaultDescribeProducersResponseProducerState(): DescribeProducersResponseProducerState {
  return { producerId: 0n, producerEpoch: 0, lastSequence: -1, lastTimestamp: -1n, coordinatorEpoch: 0, currentTxnStartOffset: -1n };
}

function writeDescribeProducersResponse(w: Writer, v: DescribeProducersResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeProducersResponse", "topics", version), (ew, e) => writeDescribeProducersResponseTopicResponse(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeProducersResponse(r: Reader, version: number): DescribeProducersResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_topics: DescribeProducersResponseTopicResponse[] = readArray(r, true, 2, (er) => readDescribeProducersResponseTopicResponse(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeProducersResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeProducersResponseTopicResponse(w: Writer, v: DescribeProducersResponseTopicResponseInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "DescribeProducersResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DescribeProducersResponse", "partitions", version), (ew, e) => writeDescribeProducersResponsePartitionResponse(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeProducersResponseTopicResponse(r: Reader, version: number): DescribeProducersResponseTopicResponse {
  const f_name: string = r.compactString();
  const f_partitions: DescribeProducersResponsePartitionResponse[] = readArray(r, true, 8, (er) => readDescribeProducersResponsePartitionResponse(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeProducersResponseTopicResponse = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeProducersResponsePartitionResponse(w: Writer, v: DescribeProducersResponsePartitionResponseInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_activeProducers = v.activeProducers === undefined ? [] : v.activeProducers;
  writeArray(w, true, nonNull(v_activeProducers, "DescribeProducersResponse", "activeProducers", version), (ew, e) => writeDescribeProducersResponseProducerState(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeProducersResponsePartitionResponse(r: Reader, version: number): DescribeProducersResponsePartitionResponse {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_activeProducers: DescribeProducersResponseProducerState[] = readArray(r, true, 36, (er) => readDescribeProducersResponseProducerState(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeProducersResponsePartitionResponse = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, errorMessage: f_errorMessage, activeProducers: f_activeProducers };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeProducersResponseProducerState(w: Writer, v: DescribeProducersResponseProducerStateInput, version: number): void {
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int32(v_producerEpoch);
  const v_lastSequence = v.lastSequence === undefined ? -1 : v.lastSequence;
  w.int32(v_lastSequence);
  const v_lastTimestamp = v.lastTimestamp === undefined ? -1n : v.lastTimestamp;
  w.int64(v_lastTimestamp);
  const v_coordinatorEpoch = v.coordinatorEpoch === undefined ? 0 : v.coordinatorEpoch;
  w.int32(v_coordinatorEpoch);
  const v_currentTxnStartOffset = v.currentTxnStartOffset === undefined ? -1n : v.currentTxnStartOffset;
  w.int64(v_currentTxnStartOffset);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeProducersResponseProducerState(r: Reader, version: number): DescribeProducersResponseProducerState {
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int32();
  const f_lastSequence: number = r.int32();
  const f_lastTimestamp: bigint = r.int64();
  const f_coordinatorEpoch: number = r.int32();
  const f_currentTxnStartOffset: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: DescribeProducersResponseProducerState = { producerId: f_producerId, producerEpoch: f_producerEpoch, lastSequence: f_lastSequence, lastTimestamp: f_lastTimestamp, coordinatorEpoch: f_coordinatorEpoch, currentTxnStartOffset: f_currentTxnStartOffset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeProducersResponse(w: Writer, value: DescribeProducersResponseInput, version: number): void {
  checkVersion("DescribeProducersResponse", version, 0, 0);
  writeDescribeProducersResponse(w, value, version);
}

export function decodeDescribeProducersResponse(r: Reader, version: number): DescribeProducersResponse {
  if (version < 0 || version > 0) r.fail(`DescribeProducersResponse has no version ${version}`);
  return readDescribeProducersResponse(r, version);
}
