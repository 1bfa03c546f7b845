// Generated from Kafka's clients/ReadShareGroupStateSummaryResponse.json by packages/protocol/generator. Do not edit.
// response 87, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ReadShareGroupStateSummaryResponse {
  results: ReadShareGroupStateSummaryResponseReadStateSummaryResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponseInput {
  results: readonly ReadShareGroupStateSummaryResponseReadStateSummaryResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  topicId: string; // versions 0+
  partitions: ReadShareGroupStateSummaryResponsePartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponseReadStateSummaryResultInput {
  topicId: string; // versions 0+
  partitions: readonly ReadShareGroupStateSummaryResponsePartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponsePartitionResult {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  stateEpoch: number; // versions 0+
  leaderEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  deliveryCompleteCount: number; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ReadShareGroupStateSummaryResponsePartitionResultInput {
  partition: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  stateEpoch: number; // versions 0+
  leaderEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  deliveryCompleteCount?: number; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultReadShareGroupStateSummaryResponse(): ReadShareGroupStateSummaryResponse {
  return { results: [] };
}

export function defaultReadShareGroupStateSummaryResponseReadStateSummaryResult(): ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultReadShareGroupStateSummaryResponsePartitionResult(): ReadShareGroupStateSummaryResponsePartitionResult {
  return { partition: 0, errorCode: 0, errorMessage: null, stateEpoch: 0, leaderEpoch: 0, startOffset: 0n, deliveryCompleteCount: -1 };
}

function writeReadShareGroupStateSummaryResponse(w: Writer, v: ReadShareGroupStateSummaryResponseInput, version: number): void {
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, true, nonNull(v_results, "ReadShareGroupStateSummaryResponse", "results", version), (ew, e) => writeReadShareGroupStateSummaryResponseReadStateSummaryResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateSummaryResponse(r: Reader, version: number): ReadShareGroupStateSummaryResponse {
  const f_results: ReadShareGroupStateSummaryResponseReadStateSummaryResult[] = readArray(r, true, 17, (er) => readReadShareGroupStateSummaryResponseReadStateSummaryResult(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateSummaryResponse = { results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateSummaryResponseReadStateSummaryResult(w: Writer, v: ReadShareGroupStateSummaryResponseReadStateSummaryResultInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ReadShareGroupStateSummaryResponse", "partitions", version), (ew, e) => writeReadShareGroupStateSummaryResponsePartitionResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateSummaryResponseReadStateSummaryResult(r: Reader, version: number): ReadShareGroupStateSummaryResponseReadStateSummaryResult {
  const f_topicId: string = r.uuid();
  const f_partitions: ReadShareGroupStateSummaryResponsePartitionResult[] = readArray(r, true, 23, (er) => readReadShareGroupStateSummaryResponsePartitionResult(er, version));
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateSummaryResponseReadStateSummaryResult = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeReadShareGroupStateSummaryResponsePartitionResult(w: Writer, v: ReadShareGroupStateSummaryResponsePartitionResultInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_stateEpoch = v.stateEpoch === undefined ? 0 : v.stateEpoch;
  w.int32(v_stateEpoch);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_startOffset = v.startOffset === undefined ? 0n : v.startOffset;
  w.int64(v_startOffset);
  const v_deliveryCompleteCount = v.deliveryCompleteCount === undefined ? -1 : v.deliveryCompleteCount;
  if (version >= 1) {
    w.int32(v_deliveryCompleteCount);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readReadShareGroupStateSummaryResponsePartitionResult(r: Reader, version: number): ReadShareGroupStateSummaryResponsePartitionResult {
  const f_partition: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_stateEpoch: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_startOffset: bigint = r.int64();
  const f_deliveryCompleteCount: number = version >= 1 ? r.int32() : -1;
  const unknown = r.taggedFields(null);
  const value: ReadShareGroupStateSummaryResponsePartitionResult = { partition: f_partition, errorCode: f_errorCode, errorMessage: f_errorMessage, stateEpoch: f_stateEpoch, leaderEpoch: f_leaderEpoch, startOffset: f_startOffset, deliveryCompleteCount: f_deliveryCompleteCount };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeReadShareGroupStateSummaryResponse(w: Writer, value: ReadShareGroupStateSummaryResponseInput, version: number): void {
  checkVersion("ReadShareGroupStateSummaryResponse", version, 0, 1);
  writeReadShareGroupStateSummaryResponse(w, value, version);
}

export function decodeReadShareGroupStateSummaryResponse(r: Reader, version: number): ReadShareGroupStateSummaryResponse {
  if (version < 0 || version > 1) r.fail(`ReadShareGroupStateSummaryResponse has no version ${version}`);
  return readReadShareGroupStateSummaryResponse(r, version);
}
