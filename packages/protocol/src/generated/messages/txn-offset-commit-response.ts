// Generated from Kafka's clients/TxnOffsetCommitResponse.json by packages/protocol/generator. Do not edit.
// response 28, versions 0-5, flexible 3-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface TxnOffsetCommitResponse {
  throttleTimeMs: number; // versions 0+
  topics: TxnOffsetCommitResponseTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseInput {
  throttleTimeMs: number; // versions 0+
  topics: readonly TxnOffsetCommitResponseTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseTopic {
  name: string; // versions 0+
  partitions: TxnOffsetCommitResponsePartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponseTopicInput {
  name: string; // versions 0+
  partitions: readonly TxnOffsetCommitResponsePartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponsePartition {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TxnOffsetCommitResponsePartitionInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTxnOffsetCommitResponse(): TxnOffsetCommitResponse {
  return { throttleTimeMs: 0, topics: [] };
}

export function defaultTxnOffsetCommitResponseTopic(): TxnOffsetCommitResponseTopic {
  return { name: "", partitions: [] };
}

export function defaultTxnOffsetCommitResponsePartition(): TxnOffsetCommitResponsePartition {
  return { partitionIndex: 0, errorCode: 0 };
}

function writeTxnOffsetCommitResponse(w: Writer, v: TxnOffsetCommitResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 3, nonNull(v_topics, "TxnOffsetCommitResponse", "topics", version), (ew, e) => writeTxnOffsetCommitResponseTopic(ew, e, version));
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readTxnOffsetCommitResponse(r: Reader, version: number): TxnOffsetCommitResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_topics: TxnOffsetCommitResponseTopic[] = readArray(r, version >= 3, 2, (er) => readTxnOffsetCommitResponseTopic(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: TxnOffsetCommitResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeTxnOffsetCommitResponseTopic(w: Writer, v: TxnOffsetCommitResponseTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 3) w.compactString(nonNull(v_name, "TxnOffsetCommitResponse", "name", version));
  else w.string(nonNull(v_name, "TxnOffsetCommitResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 3, nonNull(v_partitions, "TxnOffsetCommitResponse", "partitions", version), (ew, e) => writeTxnOffsetCommitResponsePartition(ew, e, version));
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readTxnOffsetCommitResponseTopic(r: Reader, version: number): TxnOffsetCommitResponseTopic {
  const f_name: string = (version >= 3 ? r.compactString() : r.string());
  const f_partitions: TxnOffsetCommitResponsePartition[] = readArray(r, version >= 3, 6, (er) => readTxnOffsetCommitResponsePartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: TxnOffsetCommitResponseTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeTxnOffsetCommitResponsePartition(w: Writer, v: TxnOffsetCommitResponsePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readTxnOffsetCommitResponsePartition(r: Reader, version: number): TxnOffsetCommitResponsePartition {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: TxnOffsetCommitResponsePartition = { partitionIndex: f_partitionIndex, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeTxnOffsetCommitResponse(w: Writer, value: TxnOffsetCommitResponseInput, version: number): void {
  checkVersion("TxnOffsetCommitResponse", version, 0, 5);
  writeTxnOffsetCommitResponse(w, value, version);
}

export function decodeTxnOffsetCommitResponse(r: Reader, version: number): TxnOffsetCommitResponse {
  if (version < 0 || version > 5) r.fail(`TxnOffsetCommitResponse has no version ${version}`);
  return readTxnOffsetCommitResponse(r, version);
}
