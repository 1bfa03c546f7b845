// Generated from Kafka's clients/ReadShareGroupStateResponse.json by packages/protocol/generator. Do not edit.
// response 84, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ReadShareGroupStateResponse {
  results: ReadShareGroupStateResponseReadStateResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseInput {
  results: readonly ReadShareGroupStateResponseReadStateResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseReadStateResult {
  topicId: string; // versions 0+
  partitions: ReadShareGroupStateResponsePartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseReadStateResultInput {
  topicId: string; // versions 0+
  partitions: readonly ReadShareGroupStateResponsePartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponsePartitionResult {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  stateEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  stateBatches: ReadShareGroupStateResponseStateBatch[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponsePartitionResultInput {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  stateEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  stateBatches: readonly ReadShareGroupStateResponseStateBatchInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseStateBatch {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  deliveryState: number; // versions 0+
  deliveryCount: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateResponseStateBatchInput {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  deliveryState: number; // versions 0+
  deliveryCount: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateResponse(): ReadShareGroupStateResponse {
  return { results: [] };
}

export function defaultReadShareGroupStateResponseReadStateResult(): ReadShareGroupStateResponseReadStateResult {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultReadShareGroupStateResponsePartitionResult(): ReadShareGroupStateResponsePartitionResult {
  return { partition: 0, errorCode: 0, errorMessage: null, stateEpoch: 0, startOffset: 0n, stateBatches: [] };
}

export function defaultReadShareGroupStateResponseStateBatch(): ReadShareGroupStateResponseStateBatch {
  return { firstOffset: 0n, lastOffset: 0n, deliveryState: 0, deliveryCount: 0 };
}

function writeReadShareGroupStateResponse(w: Writer, v: ReadShareGroupStateResponseInput, version: number): void {
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, true, nonNull(v_results, "ReadShareGroupStateResponse", "results", version), (ew, e) => writeReadShareGroupStateResponseReadStateResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateResponse(r: Reader, version: number): ReadShareGroupStateResponse {
  const f_results: ReadShareGroupStateResponseReadStateResult[] = readArray(r, true, 17, (er) => readReadShareGroupStateResponseReadStateResult(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateResponse = { results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateResponseReadStateResult(w: Writer, v: ReadShareGroupStateResponseReadStateResultInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ReadShareGroupStateResponse", "partitions", version), (ew, e) => writeReadShareGroupStateResponsePartitionResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateResponseReadStateResult(r: Reader, version: number): ReadShareGroupStateResponseReadStateResult {
  const f_topicId: string = r.uuid();
  const f_partitions: ReadShareGroupStateResponsePartitionResult[] = readArray(r, true, 20, (er) => readReadShareGroupStateResponsePartitionResult(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateResponseReadStateResult = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateResponsePartitionResult(w: Writer, v: ReadShareGroupStateResponsePartitionResultInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_stateEpoch = v.stateEpoch === undefined ? 0 : v.stateEpoch;
  w.int32(v_stateEpoch);
  const v_startOffset = v.startOffset === undefined ? 0n : v.startOffset;
  w.int64(v_startOffset);
  const v_stateBatches = v.stateBatches === undefined ? [] : v.stateBatches;
  writeArray(w, true, nonNull(v_stateBatches, "ReadShareGroupStateResponse", "stateBatches", version), (ew, e) => writeReadShareGroupStateResponseStateBatch(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateResponsePartitionResult(r: Reader, version: number): ReadShareGroupStateResponsePartitionResult {
  const f_partition: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_stateEpoch: number = r.int32();
  const f_startOffset: bigint = r.int64();
  const f_stateBatches: ReadShareGroupStateResponseStateBatch[] = readArray(r, true, 19, (er) => readReadShareGroupStateResponseStateBatch(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateResponsePartitionResult = { partition: f_partition, errorCode: f_errorCode, errorMessage: f_errorMessage, stateEpoch: f_stateEpoch, startOffset: f_startOffset, stateBatches: f_stateBatches };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateResponseStateBatch(w: Writer, v: ReadShareGroupStateResponseStateBatchInput, version: number): void {
  const v_firstOffset = v.firstOffset === undefined ? 0n : v.firstOffset;
  w.int64(v_firstOffset);
  const v_lastOffset = v.lastOffset === undefined ? 0n : v.lastOffset;
  w.int64(v_lastOffset);
  const v_deliveryState = v.deliveryState === undefined ? 0 : v.deliveryState;
  w.int8(v_deliveryState);
  const v_deliveryCount = v.deliveryCount === undefined ? 0 : v.deliveryCount;
  w.int16(v_deliveryCount);
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateResponseStateBatch(r: Reader, version: number): ReadShareGroupStateResponseStateBatch {
  const f_firstOffset: bigint = r.int64();
  const f_lastOffset: bigint = r.int64();
  const f_deliveryState: number = r.int8();
  const f_deliveryCount: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateResponseStateBatch = { firstOffset: f_firstOffset, lastOffset: f_lastOffset, deliveryState: f_deliveryState, deliveryCount: f_deliveryCount };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeReadShareGroupStateResponse(w: Writer, value: ReadShareGroupStateResponseInput, version: number): void {
  checkVersion("ReadShareGroupStateResponse", version, 0, 0);
  writeReadShareGroupStateResponse(w, value, version);
}

export function decodeReadShareGroupStateResponse(r: Reader, version: number): ReadShareGroupStateResponse {
  if (version < 0 || version > 0) r.fail(`ReadShareGroupStateResponse has no version ${version}`);
  return readReadShareGroupStateResponse(r, version);
}
