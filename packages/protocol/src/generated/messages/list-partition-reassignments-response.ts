// Generated from Kafka's clients/ListPartitionReassignmentsResponse.json by packages/protocol/generator. Do not edit.
// response 46, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ListPartitionReassignmentsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  topics: ListPartitionReassignmentsResponseOngoingTopicReassignment[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  topics: readonly ListPartitionReassignmentsResponseOngoingTopicReassignmentInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingTopicReassignment {
  name: string; // versions 0+
  partitions: ListPartitionReassignmentsResponseOngoingPartitionReassignment[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingTopicReassignmentInput {
  name: string; // versions 0+
  partitions: readonly ListPartitionReassignmentsResponseOngoingPartitionReassignmentInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  partitionIndex: number; // versions 0+
  replicas: number[]; // versions 0+
  addingReplicas: number[]; // versions 0+
  removingReplicas: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsResponseOngoingPartitionReassignmentInput {
  partitionIndex: number; // versions 0+
  replicas: readonly number[]; // versions 0+
  addingReplicas: readonly number[]; // versions 0+
  removingReplicas: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsResponse(): ListPartitionReassignmentsResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "", topics: [] };
}

export function defaultListPartitionReassignmentsResponseOngoingTopicReassignment(): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  return { name: "", partitions: [] };
}

export function defaultListPartitionReassignmentsResponseOngoingPartitionReassignment(): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  return { partitionIndex: 0, replicas: [], addingReplicas: [], removingReplicas: [] };
}

function writeListPartitionReassignmentsResponse(w: Writer, v: ListPartitionReassignmentsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "ListPartitionReassignmentsResponse", "topics", version), (ew, e) => writeListPartitionReassignmentsResponseOngoingTopicReassignment(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readListPartitionReassignmentsResponse(r: Reader, version: number): ListPartitionReassignmentsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_topics: ListPartitionReassignmentsResponseOngoingTopicReassignment[] = readArray(r, true, 2, (er) => readListPartitionReassignmentsResponseOngoingTopicReassignment(er, version));
  const unknown = r.taggedFields(null);
  const value: ListPartitionReassignmentsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListPartitionReassignmentsResponseOngoingTopicReassignment(w: Writer, v: ListPartitionReassignmentsResponseOngoingTopicReassignmentInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "ListPartitionReassignmentsResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ListPartitionReassignmentsResponse", "partitions", version), (ew, e) => writeListPartitionReassignmentsResponseOngoingPartitionReassignment(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readListPartitionReassignmentsResponseOngoingTopicReassignment(r: Reader, version: number): ListPartitionReassignmentsResponseOngoingTopicReassignment {
  const f_name: string = r.compactString();
  const f_partitions: ListPartitionReassignmentsResponseOngoingPartitionReassignment[] = readArray(r, true, 7, (er) => readListPartitionReassignmentsResponseOngoingPartitionReassignment(er, version));
  const unknown = r.taggedFields(null);
  const value: ListPartitionReassignmentsResponseOngoingTopicReassignment = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListPartitionReassignmentsResponseOngoingPartitionReassignment(w: Writer, v: ListPartitionReassignmentsResponseOngoingPartitionReassignmentInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_replicas = v.replicas === undefined ? [] : v.replicas;
  writeArray(w, true, nonNull(v_replicas, "ListPartitionReassignmentsResponse", "replicas", version), writeInt32);
  const v_addingReplicas = v.addingReplicas === undefined ? [] : v.addingReplicas;
  writeArray(w, true, nonNull(v_addingReplicas, "ListPartitionReassignmentsResponse", "addingReplicas", version), writeInt32);
  const v_removingReplicas = v.removingReplicas === undefined ? [] : v.removingReplicas;
  writeArray(w, true, nonNull(v_removingReplicas, "ListPartitionReassignmentsResponse", "removingReplicas", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readListPartitionReassignmentsResponseOngoingPartitionReassignment(r: Reader, version: number): ListPartitionReassignmentsResponseOngoingPartitionReassignment {
  const f_partitionIndex: number = r.int32();
  const f_replicas: number[] = readArray(r, true, 4, readInt32);
  const f_addingReplicas: number[] = readArray(r, true, 4, readInt32);
  const f_removingReplicas: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ListPartitionReassignmentsResponseOngoingPartitionReassignment = { partitionIndex: f_partitionIndex, replicas: f_replicas, addingReplicas: f_addingReplicas, removingReplicas: f_removingReplicas };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListPartitionReassignmentsResponse(w: Writer, value: ListPartitionReassignmentsResponseInput, version: number): void {
  checkVersion("ListPartitionReassignmentsResponse", version, 0, 0);
  writeListPartitionReassignmentsResponse(w, value, version);
}

export function decodeListPartitionReassignmentsResponse(r: Reader, version: number): ListPartitionReassignmentsResponse {
  if (version < 0 || version > 0) r.fail(`ListPartitionReassignmentsResponse has no version ${version}`);
  return readListPartitionReassignmentsResponse(r, version);
}
