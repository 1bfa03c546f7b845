// Generated from Kafka's clients/WriteShareGroupStateRequest.json by packages/protocol/generator. Do not edit.
// request 85, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface WriteShareGroupStateRequest {
  groupId: string; // versions 0+
  topics: WriteShareGroupStateRequestWriteStateData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestInput {
  groupId: string; // versions 0+
  topics: readonly WriteShareGroupStateRequestWriteStateDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestWriteStateData {
  topicId: string; // versions 0+
  partitions: WriteShareGroupStateRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestWriteStateDataInput {
  topicId: string; // versions 0+
  partitions: readonly WriteShareGroupStateRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestPartitionData {
  partition: number; // versions 0+
  stateEpoch: number; // versions 0+
  leaderEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  deliveryCompleteCount: number; // versions 1+, ignorable
  stateBatches: WriteShareGroupStateRequestStateBatch[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestPartitionDataInput {
  partition: number; // versions 0+
  stateEpoch: number; // versions 0+
  leaderEpoch: number; // versions 0+
  startOffset: bigint; // versions 0+
  deliveryCompleteCount?: number; // versions 1+, ignorable
  stateBatches: readonly WriteShareGroupStateRequestStateBatchInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestStateBatch {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  deliveryState: number; // versions 0+
  deliveryCount: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteShareGroupStateRequestStateBatchInput {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  deliveryState: number; // versions 0+
  deliveryCount: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteShareGroupStateRequest(): WriteShareGroupStateRequest {
  return { groupId: "", topics: [] };
}

export function defaultWriteShareGroupStateRequestWriteStateData(): WriteShareGroupStateRequestWriteStateData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultWriteShareGroupStateRequestPartitionData(): WriteShareGroupStateRequestPartitionData {
  return { partition: 0, stateEpoch: 0, leaderEpoch: 0, startOffset: 0n, deliveryCompleteCount: -1, stateBatches: [] };
}

export function defaultWriteShareGroupStateRequestStateBatch(): WriteShareGroupStateRequestStateBatch {
  return { firstOffset: 0n, lastOffset: 0n, deliveryState: 0, deliveryCount: 0 };
}

function writeWriteShareGroupStateRequest(w: Writer, v: WriteShareGroupStateRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "WriteShareGroupStateRequest", "groupId", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "WriteShareGroupStateRequest", "topics", version), (ew, e) => writeWriteShareGroupStateRequestWriteStateData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteShareGroupStateRequest(r: Reader, version: number): WriteShareGroupStateRequest {
  const f_groupId: string = r.compactString();
  const f_topics: WriteShareGroupStateRequestWriteStateData[] = readArray(r, true, 17, (er) => readWriteShareGroupStateRequestWriteStateData(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteShareGroupStateRequest = { groupId: f_groupId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteShareGroupStateRequestWriteStateData(w: Writer, v: WriteShareGroupStateRequestWriteStateDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "WriteShareGroupStateRequest", "partitions", version), (ew, e) => writeWriteShareGroupStateRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteShareGroupStateRequestWriteStateData(r: Reader, version: number): WriteShareGroupStateRequestWriteStateData {
  const f_topicId: string = r.uuid();
  const f_partitions: WriteShareGroupStateRequestPartitionData[] = readArray(r, true, 21, (er) => readWriteShareGroupStateRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteShareGroupStateRequestWriteStateData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteShareGroupStateRequestPartitionData(w: Writer, v: WriteShareGroupStateRequestPartitionDataInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
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
  const v_stateBatches = v.stateBatches === undefined ? [] : v.stateBatches;
  writeArray(w, true, nonNull(v_stateBatches, "WriteShareGroupStateRequest", "stateBatches", version), (ew, e) => writeWriteShareGroupStateRequestStateBatch(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteShareGroupStateRequestPartitionData(r: Reader, version: number): WriteShareGroupStateRequestPartitionData {
  const f_partition: number = r.int32();
  const f_stateEpoch: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_startOffset: bigint = r.int64();
  const f_deliveryCompleteCount: number = version >= 1 ? r.int32() : -1;
  const f_stateBatches: WriteShareGroupStateRequestStateBatch[] = readArray(r, true, 19, (er) => readWriteShareGroupStateRequestStateBatch(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteShareGroupStateRequestPartitionData = { partition: f_partition, stateEpoch: f_stateEpoch, leaderEpoch: f_leaderEpoch, startOffset: f_startOffset, deliveryCompleteCount: f_deliveryCompleteCount, stateBatches: f_stateBatches };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteShareGroupStateRequestStateBatch(w: Writer, v: WriteShareGroupStateRequestStateBatchInput, version: number): void {
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

function readWriteShareGroupStateRequestStateBatch(r: Reader, version: number): WriteShareGroupStateRequestStateBatch {
  const f_firstOffset: bigint = r.int64();
  const f_lastOffset: bigint = r.int64();
  const f_deliveryState: number = r.int8();
  const f_deliveryCount: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: WriteShareGroupStateRequestStateBatch = { firstOffset: f_firstOffset, lastOffset: f_lastOffset, deliveryState: f_deliveryState, deliveryCount: f_deliveryCount };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeWriteShareGroupStateRequest(w: Writer, value: WriteShareGroupStateRequestInput, version: number): void {
  checkVersion("WriteShareGroupStateRequest", version, 0, 1);
  writeWriteShareGroupStateRequest(w, value, version);
}

export function decodeWriteShareGroupStateRequest(r: Reader, version: number): WriteShareGroupStateRequest {
  if (version < 0 || version > 1) r.fail(`WriteShareGroupStateRequest has no version ${version}`);
  return readWriteShareGroupStateRequest(r, version);
}
