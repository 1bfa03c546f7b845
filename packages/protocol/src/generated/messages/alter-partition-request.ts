// Generated from Kafka's clients/AlterPartitionRequest.json by packages/protocol/generator. Do not edit.
// request 56, versions 2-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, unsupportedField, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface AlterPartitionRequest {
  brokerId: number; // versions 0+
  brokerEpoch: bigint; // versions 0+
  topics: AlterPartitionRequestTopicData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestInput {
  brokerId: number; // versions 0+
  brokerEpoch?: bigint; // versions 0+
  topics: readonly AlterPartitionRequestTopicDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestTopicData {
  topicId: string; // versions 2+, ignorable
  partitions: AlterPartitionRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestTopicDataInput {
  topicId: string; // versions 2+, ignorable
  partitions: readonly AlterPartitionRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestPartitionData {
  partitionIndex: number; // versions 0+
  leaderEpoch: number; // versions 0+
  newIsr: number[]; // versions 0-2
  newIsrWithEpochs: AlterPartitionRequestBrokerState[]; // versions 3+
  leaderRecoveryState: number; // versions 1+
  partitionEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestPartitionDataInput {
  partitionIndex: number; // versions 0+
  leaderEpoch: number; // versions 0+
  newIsr?: readonly number[]; // versions 0-2
  newIsrWithEpochs?: readonly AlterPartitionRequestBrokerStateInput[]; // versions 3+
  leaderRecoveryState?: number; // versions 1+
  partitionEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestBrokerState {
  brokerId: number; // versions 3+
  brokerEpoch: bigint; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionRequestBrokerStateInput {
  brokerId: number; // versions 3+
  brokerEpoch?: bigint; // versions 3+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionRequest(): AlterPartitionRequest {
  return { brokerId: 0, brokerEpoch: -1n, topics: [] };
}

export function defaultAlterPartitionRequestTopicData(): AlterPartitionRequestTopicData {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultAlterPartitionRequestPartitionData(): AlterPartitionRequestPartitionData {
  return { partitionIndex: 0, leaderEpoch: 0, newIsr: [], newIsrWithEpochs: [], leaderRecoveryState: 0, partitionEpoch: 0 };
}

export function defaultAlterPartitionRequestBrokerState(): AlterPartitionRequestBrokerState {
  return { brokerId: 0, brokerEpoch: -1n };
}

function writeAlterPartitionRequest(w: Writer, v: AlterPartitionRequestInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  const v_brokerEpoch = v.brokerEpoch === undefined ? -1n : v.brokerEpoch;
  w.int64(v_brokerEpoch);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "AlterPartitionRequest", "topics", version), (ew, e) => writeAlterPartitionRequestTopicData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionRequest(r: Reader, version: number): AlterPartitionRequest {
  const f_brokerId: number = r.int32();
  const f_brokerEpoch: bigint = r.int64();
  const f_topics: AlterPartitionRequestTopicData[] = readArray(r, true, 17, (er) => readAlterPartitionRequestTopicData(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionRequest = { brokerId: f_brokerId, brokerEpoch: f_brokerEpoch, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionRequestTopicData(w: Writer, v: AlterPartitionRequestTopicDataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AlterPartitionRequest", "partitions", version), (ew, e) => writeAlterPartitionRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionRequestTopicData(r: Reader, version: number): AlterPartitionRequestTopicData {
  const f_topicId: string = r.uuid();
  const f_partitions: AlterPartitionRequestPartitionData[] = readArray(r, true, 13, (er) => readAlterPartitionRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionRequestTopicData = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionRequestPartitionData(w: Writer, v: AlterPartitionRequestPartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_newIsr = v.newIsr === undefined ? [] : v.newIsr;
  if (version <= 2) {
    writeArray(w, true, nonNull(v_newIsr, "AlterPartitionRequest", "newIsr", version), writeInt32);
  } else if (v.newIsr !== undefined && (v.newIsr === null || v.newIsr.length > 0)) {
    unsupportedField("AlterPartitionRequest", "newIsr", version);
  }
  const v_newIsrWithEpochs = v.newIsrWithEpochs === undefined ? [] : v.newIsrWithEpochs;
  if (version >= 3) {
    writeArray(w, true, nonNull(v_newIsrWithEpochs, "AlterPartitionRequest", "newIsrWithEpochs", version), (ew, e) => writeAlterPartitionRequestBrokerState(ew, e, version));
  } else if (v.newIsrWithEpochs !== undefined && (v.newIsrWithEpochs === null || v.newIsrWithEpochs.length > 0)) {
    unsupportedField("AlterPartitionRequest", "newIsrWithEpochs", version);
  }
  const v_leaderRecoveryState = v.leaderRecoveryState === undefined ? 0 : v.leaderRecoveryState;
  w.int8(v_leaderRecoveryState);
  const v_partitionEpoch = v.partitionEpoch === undefined ? 0 : v.partitionEpoch;
  w.int32(v_partitionEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionRequestPartitionData(r: Reader, version: number): AlterPartitionRequestPartitionData {
  const f_partitionIndex: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_newIsr: number[] = version <= 2 ? readArray(r, true, 4, readInt32) : [];
  const f_newIsrWithEpochs: AlterPartitionRequestBrokerState[] = version >= 3 ? readArray(r, true, 1, (er) => readAlterPartitionRequestBrokerState(er, version)) : [];
  const f_leaderRecoveryState: number = r.int8();
  const f_partitionEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: AlterPartitionRequestPartitionData = { partitionIndex: f_partitionIndex, leaderEpoch: f_leaderEpoch, newIsr: f_newIsr, newIsrWithEpochs: f_newIsrWithEpochs, leaderRecoveryState: f_leaderRecoveryState, partitionEpoch: f_partitionEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionRequestBrokerState(w: Writer, v: AlterPartitionRequestBrokerStateInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  const v_brokerEpoch = v.brokerEpoch === undefined ? -1n : v.brokerEpoch;
  w.int64(v_brokerEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionRequestBrokerState(r: Reader, version: number): AlterPartitionRequestBrokerState {
  const f_brokerId: number = r.int32();
  const f_brokerEpoch: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: AlterPartitionRequestBrokerState = { brokerId: f_brokerId, brokerEpoch: f_brokerEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterPartitionRequest(w: Writer, value: AlterPartitionRequestInput, version: number): void {
  checkVersion("AlterPartitionRequest", version, 2, 3);
  writeAlterPartitionRequest(w, value, version);
}

export function decodeAlterPartitionRequest(r: Reader, version: number): AlterPartitionRequest {
  if (version < 2 || version > 3) r.fail(`AlterPartitionRequest has no version ${version}`);
  return readAlterPartitionRequest(r, version);
}
