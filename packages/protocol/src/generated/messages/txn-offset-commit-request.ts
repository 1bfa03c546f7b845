// Generated from Kafka's clients/TxnOffsetCommitRequest.json by packages/protocol/generator. Do not edit.
// request 28, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface TxnOffsetCommitRequest {
  transactionalId: string; // versions 0+
  groupId: string; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  generationId: number; // versions 3+
  memberId: string; // versions 3+
  groupInstanceId: string | null; // versions 3+, nullable 3+
  topics: TxnOffsetCommitRequestTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestInput {
  transactionalId: string; // versions 0+
  groupId: string; // versions 0+
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  generationId?: number; // versions 3+
  memberId?: string; // versions 3+
  groupInstanceId?: string | null; // versions 3+, nullable 3+
  topics: readonly TxnOffsetCommitRequestTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestTopic {
  name: string; // versions 0+
  partitions: TxnOffsetCommitRequestPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestTopicInput {
  name: string; // versions 0+
  partitions: readonly TxnOffsetCommitRequestPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestPartition {
  partitionIndex: number; // versions 0+
  committedOffset: bigint; // versions 0+
  committedLeaderEpoch: number; // versions 2+, ignorable
  committedMetadata: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitRequestPartitionInput {
  partitionIndex: number; // versions 0+
  committedOffset: bigint; // versions 0+
  committedLeaderEpoch?: number; // versions 2+, ignorable
  committedMetadata: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitRequest(): TxnOffsetCommitRequest {
  return { transactionalId: "", groupId: "", producerId: 0n, producerEpoch: 0, generationId: -1, memberId: "", groupInstanceId: null, topics: [] };
}

export function defaultTxnOffsetCommitRequestTopic(): TxnOffsetCommitRequestTopic {
  return { name: "", partitions: [] };
}

export function defaultTxnOffsetCommitRequestPartition(): TxnOffsetCommitRequestPartition {
  return { partitionIndex: 0, committedOffset: 0n, committedLeaderEpoch: -1, committedMetadata: "" };
}

function writeTxnOffsetCommitRequest(w: Writer, v: TxnOffsetCommitRequestInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? "" : v.transactionalId;
  if (version >= 3) w.compactString(nonNull(v_transactionalId, "TxnOffsetCommitRequest", "transactionalId", version));
  else w.string(nonNull(v_transactionalId, "TxnOffsetCommitRequest", "transactionalId", version));
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 3) w.compactString(nonNull(v_groupId, "TxnOffsetCommitRequest", "groupId", version));
  else w.string(nonNull(v_groupId, "TxnOffsetCommitRequest", "groupId", version));
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  const v_generationId = v.generationId === undefined ? -1 : v.generationId;
  if (version >= 3) {
    w.int32(v_generationId);
  } else if (v.generationId !== undefined && v.generationId !== -1) {
    unsupportedField("TxnOffsetCommitRequest", "generationId", version);
  }
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  if (version >= 3) {
    w.compactString(nonNull(v_memberId, "TxnOffsetCommitRequest", "memberId", version));
  } else if (v.memberId !== undefined && v.memberId !== "") {
    unsupportedField("TxnOffsetCommitRequest", "memberId", version);
  }
  const v_groupInstanceId = v.groupInstanceId === undefined ? null : v.groupInstanceId;
  if (version >= 3) {
    w.compactNullableString(v_groupInstanceId);
  } else if (v.groupInstanceId !== undefined && v.groupInstanceId !== null) {
    unsupportedField("TxnOffsetCommitRequest", "groupInstanceId", version);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 3, nonNull(v_topics, "TxnOffsetCommitRequest", "topics", version), (ew, e) => writeTxnOffsetCommitRequestTopic(ew, e, version));
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readTxnOffsetCommitRequest(r: Reader, version: number): TxnOffsetCommitRequest {
  const f_transactionalId: string = (version >= 3 ? r.compactString() : r.string());
  const f_groupId: string = (version >= 3 ? r.compactString() : r.string());
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int16();
  const f_generationId: number = version >= 3 ? r.int32() : -1;
  const f_memberId: string = version >= 3 ? r.compactString() : "";
  const f_groupInstanceId: string | null = version >= 3 ? r.compactNullableString() : null;
  const f_topics: TxnOffsetCommitRequestTopic[] = readArray(r, version >= 3, 2, (er) => readTxnOffsetCommitRequestTopic(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: TxnOffsetCommitRequest = { transactionalId: f_transactionalId, groupId: f_groupId, producerId: f_producerId, producerEpoch: f_producerEpoch, generationId: f_generationId, memberId: f_memberId, groupInstanceId: f_groupInstanceId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeTxnOffsetCommitRequestTopic(w: Writer, v: TxnOffsetCommitRequestTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 3) w.compactString(nonNull(v_name, "TxnOffsetCommitRequest", "name", version));
  else w.string(nonNull(v_name, "TxnOffsetCommitRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 3, nonNull(v_partitions, "TxnOffsetCommitRequest", "partitions", version), (ew, e) => writeTxnOffsetCommitRequestPartition(ew, e, version));
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readTxnOffsetCommitRequestTopic(r: Reader, version: number): TxnOffsetCommitRequestTopic {
  const f_name: string = (version >= 3 ? r.compactString() : r.string());
  const f_partitions: TxnOffsetCommitRequestPartition[] = readArray(r, version >= 3, 13, (er) => readTxnOffsetCommitRequestPartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: TxnOffsetCommitRequestTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeTxnOffsetCommitRequestPartition(w: Writer, v: TxnOffsetCommitRequestPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_committedOffset = v.committedOffset === undefined ? 0n : v.committedOffset;
  w.int64(v_committedOffset);
  const v_committedLeaderEpoch = v.committedLeaderEpoch === undefined ? -1 : v.committedLeaderEpoch;
  if (version >= 2) {
    w.int32(v_committedLeaderEpoch);
  }
  const v_committedMetadata = v.committedMetadata === undefined ? "" : v.committedMetadata;
  if (version >= 3) w.compactNullableString(v_committedMetadata);
  else w.nullableString(v_committedMetadata);
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readTxnOffsetCommitRequestPartition(r: Reader, version: number): TxnOffsetCommitRequestPartition {
  const f_partitionIndex: number = r.int32();
  const f_committedOffset: bigint = r.int64();
  const f_committedLeaderEpoch: number = version >= 2 ? r.int32() : -1;
  const f_committedMetadata: string | null = (version >= 3 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: TxnOffsetCommitRequestPartition = { partitionIndex: f_partitionIndex, committedOffset: f_committedOffset, committedLeaderEpoch: f_committedLeaderEpoch, committedMetadata: f_committedMetadata };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeTxnOffsetCommitRequest(w: Writer, value: TxnOffsetCommitRequestInput, version: number): void {
  checkVersion("TxnOffsetCommitRequest", version, 0, 5);
  writeTxnOffsetCommitRequest(w, value, version);
}

export function decodeTxnOffsetCommitRequest(r: Reader, version: number): TxnOffsetCommitRequest {
  if (version < 0 || version > 5) r.fail(`TxnOffsetCommitRequest has no version ${version}`);
  return readTxnOffsetCommitRequest(r, version);
}
