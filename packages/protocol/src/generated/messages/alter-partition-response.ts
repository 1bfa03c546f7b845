// Generated from Kafka's clients/AlterPartitionResponse.json by packages/protocol/generator. Do not edit.
// response 56, versions 2-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface AlterPartitionResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  topics: AlterPartitionResponseTopicData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  topics: readonly AlterPartitionResponseTopicDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponseTopicData {
  topicId: string; // versions 2+, ignorable
  partitions: AlterPartitionResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponseTopicDataInput {
  topicId: string; // versions 2+, ignorable
  partitions: readonly AlterPartitionResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  isr: number[]; // versions 0+
  leaderRecoveryState: number; // versions 1+, ignorable
  partitionEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  isr: readonly number[]; // versions 0+
  leaderRecoveryState?: number; // versions 1+, ignorable
  partitionEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionResponse(): AlterPartitionResponse {
  return { throttleTimeMs: 0, errorCode: 0, topics: [] };
}

export function defaultAlterPartitionResponseTopicData(): AlterPartitionResponseTopicData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultAlterPartitionResponsePartitionData(): AlterPartitionResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, leaderId: 0, leaderEpoch: 0, isr: [], leaderRecoveryState: 0, partitionEpoch: 0 };
}

function writeAlterPartitionResponse(w: Writer, v: AlterPartitionResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "AlterPartitionResponse", "topics", version), (ew, e) => writeAlterPartitionResponseTopicData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionResponse(r: Reader, version: number): AlterPartitionResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_topics: AlterPartitionResponseTopicData[] = readArray(r, true, 17, (er) => readAlterPartitionResponseTopicData(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionResponseTopicData(w: Writer, v: AlterPartitionResponseTopicDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AlterPartitionResponse", "partitions", version), (ew, e) => writeAlterPartitionResponsePartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionResponseTopicData(r: Reader, version: number): AlterPartitionResponseTopicData {
  const f_topicId: string = r.uuid();
  const f_partitions: AlterPartitionResponsePartitionData[] = readArray(r, true, 20, (er) => readAlterPartitionResponsePartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionResponseTopicData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionResponsePartitionData(w: Writer, v: AlterPartitionResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_isr = v.isr === undefined ? [] : v.isr;
  writeArray(w, true, nonNull(v_isr, "AlterPartitionResponse", "isr", version), writeInt32);
  const v_leaderRecoveryState = v.leaderRecoveryState === undefined ? 0 : v.leaderRecoveryState;
  w.int8(v_leaderRecoveryState);
  const v_partitionEpoch = v.partitionEpoch === undefined ? 0 : v.partitionEpoch;
  w.int32(v_partitionEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionResponsePartitionData(r: Reader, version: number): AlterPartitionResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_isr: number[] = readArray(r, true, 4, readInt32);
  const f_leaderRecoveryState: number = r.int8();
  const f_partitionEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: AlterPartitionResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, isr: f_isr, leaderRecoveryState: f_leaderRecoveryState, partitionEpoch: f_partitionEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterPartitionResponse(w: Writer, value: AlterPartitionResponseInput, version: number): void {
  checkVersion("AlterPartitionResponse", version, 2, 3);
  writeAlterPartitionResponse(w, value, version);
}

export function decodeAlterPartitionResponse(r: Reader, version: number): AlterPartitionResponse {
  if (version < 2 || version > 3) r.fail(`AlterPartitionResponse has no version ${version}`);
  return readAlterPartitionResponse(r, version);
}
