// Generated from Kafka's clients/CreatePartitionsRequest.json by packages/protocol/generator. Do not edit.
// request 37, versions 0-3, flexible 2-3
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface CreatePartitionsRequest {
  topics: CreatePartitionsRequestCreatePartitionsTopic[]; // versions 0+
  timeoutMs: number; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestInput {
  topics: readonly CreatePartitionsRequestCreatePartitionsTopicInput[]; // versions 0+
  timeoutMs: number; // versions 0+
  validateOnly: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsTopic {
  name: string; // versions 0+
  count: number; // versions 0+
  assignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsTopicInput {
  name: string; // versions 0+
  count: number; // versions 0+
  assignments: readonly CreatePartitionsRequestCreatePartitionsAssignmentInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsAssignment {
  brokerIds: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreatePartitionsRequestCreatePartitionsAssignmentInput {
  brokerIds: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreatePartitionsRequest(): CreatePartitionsRequest {
  return { topics: [], timeoutMs: 0, validateOnly: false };
}

export function defaultCreatePartitionsRequestCreatePartitionsTopic(): CreatePartitionsRequestCreatePartitionsTopic {
  return { name: "", count: 0, assignments: [] };
}

export function defaultCreatePartitionsRequestCreatePartitionsAssignment(): CreatePartitionsRequestCreatePartitionsAssignment {
  return { brokerIds: [] };
}

function writeCreatePartitionsRequest(w: Writer, v: CreatePartitionsRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 2, nonNull(v_topics, "CreatePartitionsRequest", "topics", version), (ew, e) => writeCreatePartitionsRequestCreatePartitionsTopic(ew, e, version));
  const v_timeoutMs = v.timeoutMs === undefined ? 0 : v.timeoutMs;
  w.int32(v_timeoutMs);
  const v_validateOnly = v.validateOnly === undefined ? false : v.validateOnly;
  w.bool(v_validateOnly);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreatePartitionsRequest(r: Reader, version: number): CreatePartitionsRequest {
  const f_topics: CreatePartitionsRequestCreatePartitionsTopic[] = readArray(r, version >= 2, 6, (er) => readCreatePartitionsRequestCreatePartitionsTopic(er, version));
  const f_timeoutMs: number = r.int32();
  const f_validateOnly: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreatePartitionsRequest = { topics: f_topics, timeoutMs: f_timeoutMs, validateOnly: f_validateOnly };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreatePartitionsRequestCreatePartitionsTopic(w: Writer, v: CreatePartitionsRequestCreatePartitionsTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 2) w.compactString(nonNull(v_name, "CreatePartitionsRequest", "name", version));
  else w.string(nonNull(v_name, "CreatePartitionsRequest", "name", version));
  const v_count = v.count === undefined ? 0 : v.count;
  w.int32(v_count);
  const v_assignments = v.assignments === undefined ? [] : v.assignments;
  writeNullableArray(w, version >= 2, v_assignments, (ew, e) => writeCreatePartitionsRequestCreatePartitionsAssignment(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreatePartitionsRequestCreatePartitionsTopic(r: Reader, version: number): CreatePartitionsRequestCreatePartitionsTopic {
  const f_name: string = (version >= 2 ? r.compactString() : r.string());
  const f_count: number = r.int32();
  const f_assignments: CreatePartitionsRequestCreatePartitionsAssignment[] | null = readNullableArray(r, version >= 2, 1, (er) => readCreatePartitionsRequestCreatePartitionsAssignment(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreatePartitionsRequestCreatePartitionsTopic = { name: f_name, count: f_count, assignments: f_assignments };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreatePartitionsRequestCreatePartitionsAssignment(w: Writer, v: CreatePartitionsRequestCreatePartitionsAssignmentInput, version: number): void {
  const v_brokerIds = v.brokerIds === undefined ? [] : v.brokerIds;
  writeArray(w, version >= 2, nonNull(v_brokerIds, "CreatePartitionsRequest", "brokerIds", version), writeInt32);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreatePartitionsRequestCreatePartitionsAssignment(r: Reader, version: number): CreatePartitionsRequestCreatePartitionsAssignment {
  const f_brokerIds: number[] = readArray(r, version >= 2, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: CreatePartitionsRequestCreatePartitionsAssignment = { brokerIds: f_brokerIds };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreatePartitionsRequest(w: Writer, value: CreatePartitionsRequestInput, version: number): void {
  checkVersion("CreatePartitionsRequest", version, 0, 3);
  writeCreatePartitionsRequest(w, value, version);
}

export function decodeCreatePartitionsRequest(r: Reader, version: number): CreatePartitionsRequest {
  if (version < 0 || version > 3) r.fail(`CreatePartitionsRequest has no version ${version}`);
  return readCreatePartitionsRequest(r, version);
}
