// Generated from Kafka's clients/AlterPartitionReassignmentsRequest.json by packages/protocol/generator. Do not edit.
// request 45, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, unsupportedField, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface AlterPartitionReassignmentsRequest {
  timeoutMs: number; // versions 0+
  allowReplicationFactorChange: boolean; // versions 1+
  topics: AlterPartitionReassignmentsRequestReassignableTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestInput {
  timeoutMs?: number; // versions 0+
  allowReplicationFactorChange?: boolean; // versions 1+
  topics: readonly AlterPartitionReassignmentsRequestReassignableTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignableTopic {
  name: string; // versions 0+
  partitions: AlterPartitionReassignmentsRequestReassignablePartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignableTopicInput {
  name: string; // versions 0+
  partitions: readonly AlterPartitionReassignmentsRequestReassignablePartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignablePartition {
  partitionIndex: number; // versions 0+
  replicas: number[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AlterPartitionReassignmentsRequestReassignablePartitionInput {
  partitionIndex: number; // versions 0+
  replicas?: readonly number[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAlterPartitionReassignmentsRequest(): AlterPartitionReassignmentsRequest {
  return { timeoutMs: 60000, allowReplicationFactorChange: true, topics: [] };
}

export function defaultAlterPartitionReassignmentsRequestReassignableTopic(): AlterPartitionReassignmentsRequestReassignableTopic {
  return { name: "", partitions: [] };
}

export function defaultAlterPartitionReassignmentsRequestReassignablePartition(): AlterPartitionReassignmentsRequestReassignablePartition {
  return { partitionIndex: 0, replicas: null };
}

function writeAlterPartitionReassignmentsRequest(w: Writer, v: AlterPartitionReassignmentsRequestInput, version: number): void {
  const v_timeoutMs = v.timeoutMs === undefined ? 60000 : v.timeoutMs;
  w.int32(v_timeoutMs);
  const v_allowReplicationFactorChange = v.allowReplicationFactorChange === undefined ? true : v.allowReplicationFactorChange;
  if (version >= 1) {
    w.bool(v_allowReplicationFactorChange);
  } else if (v.allowReplicationFactorChange !== undefined && v.allowReplicationFactorChange !== true) {
    unsupportedField("AlterPartitionReassignmentsRequest", "allowReplicationFactorChange", version);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "AlterPartitionReassignmentsRequest", "topics", version), (ew, e) => writeAlterPartitionReassignmentsRequestReassignableTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionReassignmentsRequest(r: Reader, version: number): AlterPartitionReassignmentsRequest {
  const f_timeoutMs: number = r.int32();
  const f_allowReplicationFactorChange: boolean = version >= 1 ? r.bool() : true;
  const f_topics: AlterPartitionReassignmentsRequestReassignableTopic[] = readArray(r, true, 2, (er) => readAlterPartitionReassignmentsRequestReassignableTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionReassignmentsRequest = { timeoutMs: f_timeoutMs, allowReplicationFactorChange: f_allowReplicationFactorChange, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionReassignmentsRequestReassignableTopic(w: Writer, v: AlterPartitionReassignmentsRequestReassignableTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "AlterPartitionReassignmentsRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "AlterPartitionReassignmentsRequest", "partitions", version), (ew, e) => writeAlterPartitionReassignmentsRequestReassignablePartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionReassignmentsRequestReassignableTopic(r: Reader, version: number): AlterPartitionReassignmentsRequestReassignableTopic {
  const f_name: string = r.compactString();
  const f_partitions: AlterPartitionReassignmentsRequestReassignablePartition[] = readArray(r, true, 5, (er) => readAlterPartitionReassignmentsRequestReassignablePartition(er, version));
  const unknown = r.taggedFields(null);
  const value: AlterPartitionReassignmentsRequestReassignableTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAlterPartitionReassignmentsRequestReassignablePartition(w: Writer, v: AlterPartitionReassignmentsRequestReassignablePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_replicas = v.replicas === undefined ? null : v.replicas;
  writeNullableArray(w, true, v_replicas, writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readAlterPartitionReassignmentsRequestReassignablePartition(r: Reader, version: number): AlterPartitionReassignmentsRequestReassignablePartition {
  const f_partitionIndex: number = r.int32();
  const f_replicas: number[] | null = readNullableArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: AlterPartitionReassignmentsRequestReassignablePartition = { partitionIndex: f_partitionIndex, replicas: f_replicas };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAlterPartitionReassignmentsRequest(w: Writer, value: AlterPartitionReassignmentsRequestInput, version: number): void {
  checkVersion("AlterPartitionReassignmentsRequest", version, 0, 1);
  writeAlterPartitionReassignmentsRequest(w, value, version);
}

export function decodeAlterPartitionReassignmentsRequest(r: Reader, version: number): AlterPartitionReassignmentsRequest {
  if (version < 0 || version > 1) r.fail(`AlterPartitionReassignmentsRequest has no version ${version}`);
  return readAlterPartitionReassignmentsRequest(r, version);
}
