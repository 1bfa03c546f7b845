// Generated from Kafka's clients/DescribeTopicPartitionsResponse.json by packages/protocol/generator. Do not edit.
// response 75, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface DescribeTopicPartitionsResponse {
  throttleTimeMs: number; // versions 0+, ignorable
  topics: DescribeTopicPartitionsResponseTopic[]; // versions 0+
  nextCursor: DescribeTopicPartitionsResponseCursor | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseInput {
  throttleTimeMs: number; // versions 0+, ignorable
  topics: readonly DescribeTopicPartitionsResponseTopicInput[]; // versions 0+
  nextCursor?: DescribeTopicPartitionsResponseCursorInput | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseTopic {
  errorCode: number; // versions 0+
  name: string | null; // versions 0+, nullable 0+
  topicId: string; // versions 0+, ignorable
  isInternal: boolean; // versions 0+, ignorable
  partitions: DescribeTopicPartitionsResponsePartition[]; // versions 0+
  topicAuthorizedOperations: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseTopicInput {
  errorCode: number; // versions 0+
  name: string | null; // versions 0+, nullable 0+
  topicId: string; // versions 0+, ignorable
  isInternal?: boolean; // versions 0+, ignorable
  partitions: readonly DescribeTopicPartitionsResponsePartitionInput[]; // versions 0+
  topicAuthorizedOperations?: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponsePartition {
  errorCode: number; // versions 0+
  partitionIndex: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+, ignorable
  replicaNodes: number[]; // versions 0+
  isrNodes: number[]; // versions 0+
  eligibleLeaderReplicas: number[] | null; // versions 0+, nullable 0+
  lastKnownElr: number[] | null; // versions 0+, nullable 0+
  offlineReplicas: number[]; // versions 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponsePartitionInput {
  errorCode: number; // versions 0+
  partitionIndex: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch?: number; // versions 0+, ignorable
  replicaNodes: readonly number[]; // versions 0+
  isrNodes: readonly number[]; // versions 0+
  eligibleLeaderReplicas?: readonly number[] | null; // versions 0+, nullable 0+
  lastKnownElr?: readonly number[] | null; // versions 0+, nullable 0+
  offlineReplicas: readonly number[]; // versions 0+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseCursor {
  topicName: string; // versions 0+
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsResponseCursorInput {
  topicName: string; // versions 0+
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsResponse(): DescribeTopicPartitionsResponse {
  return { throttleTimeMs: 0, topics: [], nextCursor: null };
}

export function defaultDescribeTopicPartitionsResponseTopic(): DescribeTopicPartitionsResponseTopic {
  return { errorCode: 0, name: "", topicId: ZERO_UUID, isInternal: false, partitions: [], topicAuthorizedOperations: -2147483648 };
}

export function defaultDescribeTopicPartitionsResponsePartition(): DescribeTopicPartitionsResponsePartition {
  return { errorCode: 0, partitionIndex: 0, leaderId: 0, leaderEpoch: -1, replicaNodes: [], isrNodes: [], eligibleLeaderReplicas: null, lastKnownElr: null, offlineReplicas: [] };
}

export function defaultDescribeTopicPartitionsResponseCursor(): DescribeTopicPartitionsResponseCursor {
  return { topicName: "", partitionIndex: 0 };
}

function writeDescribeTopicPartitionsResponse(w: Writer, v: DescribeTopicPartitionsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeTopicPartitionsResponse", "topics", version), (ew, e) => writeDescribeTopicPartitionsResponseTopic(ew, e, version));
  const v_nextCursor = v.nextCursor === undefined ? null : v.nextCursor;
  if (v_nextCursor === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeDescribeTopicPartitionsResponseCursor(w, nonNull(v_nextCursor, "DescribeTopicPartitionsResponse", "nextCursor", version), version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTopicPartitionsResponse(r: Reader, version: number): DescribeTopicPartitionsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_topics: DescribeTopicPartitionsResponseTopic[] = readArray(r, true, 25, (er) => readDescribeTopicPartitionsResponseTopic(er, version));
  const f_nextCursor: DescribeTopicPartitionsResponseCursor | null = (r.int8() < 0 ? null : readDescribeTopicPartitionsResponseCursor(r, version));
  const unknown = r.taggedFields(null);
  const value: DescribeTopicPartitionsResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics, nextCursor: f_nextCursor };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeTopicPartitionsResponseTopic(w: Writer, v: DescribeTopicPartitionsResponseTopicInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_name = v.name === undefined ? "" : v.name;
  w.compactNullableString(v_name);
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_isInternal = v.isInternal === undefined ? false : v.isInternal;
  w.bool(v_isInternal);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DescribeTopicPartitionsResponse", "partitions", version), (ew, e) => writeDescribeTopicPartitionsResponsePartition(ew, e, version));
  const v_topicAuthorizedOperations = v.topicAuthorizedOperations === undefined ? -2147483648 : v.topicAuthorizedOperations;
  w.int32(v_topicAuthorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTopicPartitionsResponseTopic(r: Reader, version: number): DescribeTopicPartitionsResponseTopic {
  const f_errorCode: number = r.int16();
  const f_name: string | null = r.compactNullableString();
  const f_topicId: string = r.uuid();
  const f_isInternal: boolean = r.bool();
  const f_partitions: DescribeTopicPartitionsResponsePartition[] = readArray(r, true, 19, (er) => readDescribeTopicPartitionsResponsePartition(er, version));
  const f_topicAuthorizedOperations: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: DescribeTopicPartitionsResponseTopic = { errorCode: f_errorCode, name: f_name, topicId: f_topicId, isInternal: f_isInternal, partitions: f_partitions, topicAuthorizedOperations: f_topicAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeTopicPartitionsResponsePartition(w: Writer, v: DescribeTopicPartitionsResponsePartitionInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_replicaNodes = v.replicaNodes === undefined ? [] : v.replicaNodes;
  writeArray(w, true, nonNull(v_replicaNodes, "DescribeTopicPartitionsResponse", "replicaNodes", version), writeInt32);
  const v_isrNodes = v.isrNodes === undefined ? [] : v.isrNodes;
  writeArray(w, true, nonNull(v_isrNodes, "DescribeTopicPartitionsResponse", "isrNodes", version), writeInt32);
  const v_eligibleLeaderReplicas = v.eligibleLeaderReplicas === undefined ? null : v.eligibleLeaderReplicas;
  writeNullableArray(w, true, v_eligibleLeaderReplicas, writeInt32);
  const v_lastKnownElr = v.lastKnownElr === undefined ? null : v.lastKnownElr;
  writeNullableArray(w, true, v_lastKnownElr, writeInt32);
  const v_offlineReplicas = v.offlineReplicas === undefined ? [] : v.offlineReplicas;
  writeArray(w, true, nonNull(v_offlineReplicas, "DescribeTopicPartitionsResponse", "offlineReplicas", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTopicPartitionsResponsePartition(r: Reader, version: number): DescribeTopicPartitionsResponsePartition {
  const f_errorCode: number = r.int16();
  const f_partitionIndex: number = r.int32();
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_replicaNodes: number[] = readArray(r, true, 4, readInt32);
  const f_isrNodes: number[] = readArray(r, true, 4, readInt32);
  const f_eligibleLeaderReplicas: number[] | null = readNullableArray(r, true, 4, readInt32);
  const f_lastKnownElr: number[] | null = readNullableArray(r, true, 4, readInt32);
  const f_offlineReplicas: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: DescribeTopicPartitionsResponsePartition = { errorCode: f_errorCode, partitionIndex: f_partitionIndex, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, replicaNodes: f_replicaNodes, isrNodes: f_isrNodes, eligibleLeaderReplicas: f_eligibleLeaderReplicas, lastKnownElr: f_lastKnownElr, offlineReplicas: f_offlineReplicas };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeTopicPartitionsResponseCursor(w: Writer, v: DescribeTopicPartitionsResponseCursorInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DescribeTopicPartitionsResponse", "topicName", version));
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTopicPartitionsResponseCursor(r: Reader, version: number): DescribeTopicPartitionsResponseCursor {
  const f_topicName: string = r.compactString();
  const f_partitionIndex: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: DescribeTopicPartitionsResponseCursor = { topicName: f_topicName, partitionIndex: f_partitionIndex };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeTopicPartitionsResponse(w: Writer, value: DescribeTopicPartitionsResponseInput, version: number): void {
  checkVersion("DescribeTopicPartitionsResponse", version, 0, 0);
  writeDescribeTopicPartitionsResponse(w, value, version);
}

export function decodeDescribeTopicPartitionsResponse(r: Reader, version: number): DescribeTopicPartitionsResponse {
  if (version < 0 || version > 0) r.fail(`DescribeTopicPartitionsResponse has no version ${version}`);
  return readDescribeTopicPartitionsResponse(r, version);
}
