// Generated from Kafka's clients/ListPartitionReassignmentsRequest.json by packages/protocol/generator. Do not edit.
// request 46, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface ListPartitionReassignmentsRequest {
  timeoutMs: number; // versions 0+
  topics: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsRequestInput {
  timeoutMs?: number; // versions 0+
  topics?: readonly ListPartitionReassignmentsRequestListPartitionReassignmentsTopicsInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  name: string; // versions 0+
  partitionIndexes: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListPartitionReassignmentsRequestListPartitionReassignmentsTopicsInput {
  name: string; // versions 0+
  partitionIndexes: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListPartitionReassignmentsRequest(): ListPartitionReassignmentsRequest {
  return { timeoutMs: 60000, topics: null };
}

export function defaultListPartitionReassignmentsRequestListPartitionReassignmentsTopics(): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  return { name: "", partitionIndexes: [] };
}

function writeListPartitionReassignmentsRequest(w: Writer, v: ListPartitionReassignmentsRequestInput, version: number): void {
  const v_timeoutMs = v.timeoutMs === undefined ? 60000 : v.timeoutMs;
  w.int32(v_timeoutMs);
  const v_topics = v.topics === undefined ? null : v.topics;
  writeNullableArray(w, true, v_topics, (ew, e) => writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readListPartitionReassignmentsRequest(r: Reader, version: number): ListPartitionReassignmentsRequest {
  const f_timeoutMs: number = r.int32();
  const f_topics: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics[] | null = readNullableArray(r, true, 2, (er) => readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(er, version));
  const unknown = r.taggedFields(null);
  const value: ListPartitionReassignmentsRequest = { timeoutMs: f_timeoutMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListPartitionReassignmentsRequestListPartitionReassignmentsTopics(w: Writer, v: ListPartitionReassignmentsRequestListPartitionReassignmentsTopicsInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "ListPartitionReassignmentsRequest", "name", version));
  const v_partitionIndexes = v.partitionIndexes === undefined ? [] : v.partitionIndexes;
  writeArray(w, true, nonNull(v_partitionIndexes, "ListPartitionReassignmentsRequest", "partitionIndexes", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readListPartitionReassignmentsRequestListPartitionReassignmentsTopics(r: Reader, version: number): ListPartitionReassignmentsRequestListPartitionReassignmentsTopics {
  const f_name: string = r.compactString();
  const f_partitionIndexes: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ListPartitionReassignmentsRequestListPartitionReassignmentsTopics = { name: f_name, partitionIndexes: f_partitionIndexes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListPartitionReassignmentsRequest(w: Writer, value: ListPartitionReassignmentsRequestInput, version: number): void {
  checkVersion("ListPartitionReassignmentsRequest", version, 0, 0);
  writeListPartitionReassignmentsRequest(w, value, version);
}

export function decodeListPartitionReassignmentsRequest(r: Reader, version: number): ListPartitionReassignmentsRequest {
  if (version < 0 || version > 0) r.fail(`ListPartitionReassignmentsRequest has no version ${version}`);
  return readListPartitionReassignmentsRequest(r, version);
}
