// Generated from Kafka's clients/CreateTopicsRequest.json by packages/protocol/generator. Do not edit.
// request 19, versions 2-7, flexible 5-7
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface CreateTopicsRequest {
  topics: CreateTopicsRequestCreatableTopic[]; // versions 0+
  timeoutMs: number; // versions 0+
  validateOnly: boolean; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestInput {
  topics: readonly CreateTopicsRequestCreatableTopicInput[]; // versions 0+
  timeoutMs?: number; // versions 0+
  validateOnly?: boolean; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopic {
  name: string; // versions 0+
  numPartitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  assignments: CreateTopicsRequestCreatableReplicaAssignment[]; // versions 0+
  configs: CreateTopicsRequestCreatableTopicConfig[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopicInput {
  name: string; // versions 0+
  numPartitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  assignments: readonly CreateTopicsRequestCreatableReplicaAssignmentInput[]; // versions 0+
  configs: readonly CreateTopicsRequestCreatableTopicConfigInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableReplicaAssignment {
  partitionIndex: number; // versions 0+
  brokerIds: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableReplicaAssignmentInput {
  partitionIndex: number; // versions 0+
  brokerIds: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopicConfig {
  name: string; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface CreateTopicsRequestCreatableTopicConfigInput {
  name: string; // versions 0+
  value: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultCreateTopicsRequest(): CreateTopicsRequest {
  return { topics: [], timeoutMs: 60000, validateOnly: false };
}

export function defaultCreateTopicsRequestCreatableTopic(): CreateTopicsRequestCreatableTopic {
  return { name: "", numPartitions: 0, replicationFactor: 0, assignments: [], configs: [] };
}

export function defaultCreateTopicsRequestCreatableReplicaAssignment(): CreateTopicsRequestCreatableReplicaAssignment {
  return { partitionIndex: 0, brokerIds: [] };
}

export function defaultCreateTopicsRequestCreatableTopicConfig(): CreateTopicsRequestCreatableTopicConfig {
  return { name: "", value: "" };
}

function writeCreateTopicsRequest(w: Writer, v: CreateTopicsRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 5, nonNull(v_topics, "CreateTopicsRequest", "topics", version), (ew, e) => writeCreateTopicsRequestCreatableTopic(ew, e, version));
  const v_timeoutMs = v.timeoutMs === undefined ? 60000 : v.timeoutMs;
  w.int32(v_timeoutMs);
  const v_validateOnly = v.validateOnly === undefined ? false : v.validateOnly;
  w.bool(v_validateOnly);
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateTopicsRequest(r: Reader, version: number): CreateTopicsRequest {
  const f_topics: CreateTopicsRequestCreatableTopic[] = readArray(r, version >= 5, 9, (er) => readCreateTopicsRequestCreatableTopic(er, version));
  const f_timeoutMs: number = r.int32();
  const f_validateOnly: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: CreateTopicsRequest = { topics: f_topics, timeoutMs: f_timeoutMs, validateOnly: f_validateOnly };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateTopicsRequestCreatableTopic(w: Writer, v: CreateTopicsRequestCreatableTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 5) w.compactString(nonNull(v_name, "CreateTopicsRequest", "name", version));
  else w.string(nonNull(v_name, "CreateTopicsRequest", "name", version));
  const v_numPartitions = v.numPartitions === undefined ? 0 : v.numPartitions;
  w.int32(v_numPartitions);
  const v_replicationFactor = v.replicationFactor === undefined ? 0 : v.replicationFactor;
  w.int16(v_replicationFactor);
  const v_assignments = v.assignments === undefined ? [] : v.assignments;
  writeArray(w, version >= 5, nonNull(v_assignments, "CreateTopicsRequest", "assignments", version), (ew, e) => writeCreateTopicsRequestCreatableReplicaAssignment(ew, e, version));
  const v_configs = v.configs === undefined ? [] : v.configs;
  writeArray(w, version >= 5, nonNull(v_configs, "CreateTopicsRequest", "configs", version), (ew, e) => writeCreateTopicsRequestCreatableTopicConfig(ew, e, version));
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateTopicsRequestCreatableTopic(r: Reader, version: number): CreateTopicsRequestCreatableTopic {
  const f_name: string = (version >= 5 ? r.compactString() : r.string());
  const f_numPartitions: number = r.int32();
  const f_replicationFactor: number = r.int16();
  const f_assignments: CreateTopicsRequestCreatableReplicaAssignment[] = readArray(r, version >= 5, 5, (er) => readCreateTopicsRequestCreatableReplicaAssignment(er, version));
  const f_configs: CreateTopicsRequestCreatableTopicConfig[] = readArray(r, version >= 5, 2, (er) => readCreateTopicsRequestCreatableTopicConfig(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: CreateTopicsRequestCreatableTopic = { name: f_name, numPartitions: f_numPartitions, replicationFactor: f_replicationFactor, assignments: f_assignments, configs: f_configs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateTopicsRequestCreatableReplicaAssignment(w: Writer, v: CreateTopicsRequestCreatableReplicaAssignmentInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_brokerIds = v.brokerIds === undefined ? [] : v.brokerIds;
  writeArray(w, version >= 5, nonNull(v_brokerIds, "CreateTopicsRequest", "brokerIds", version), writeInt32);
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateTopicsRequestCreatableReplicaAssignment(r: Reader, version: number): CreateTopicsRequestCreatableReplicaAssignment {
  const f_partitionIndex: number = r.int32();
  const f_brokerIds: number[] = readArray(r, version >= 5, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: CreateTopicsRequestCreatableReplicaAssignment = { partitionIndex: f_partitionIndex, brokerIds: f_brokerIds };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeCreateTopicsRequestCreatableTopicConfig(w: Writer, v: CreateTopicsRequestCreatableTopicConfigInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 5) w.compactString(nonNull(v_name, "CreateTopicsRequest", "name", version));
  else w.string(nonNull(v_name, "CreateTopicsRequest", "name", version));
  const v_value = v.value === undefined ? "" : v.value;
  if (version >= 5) w.compactNullableString(v_value);
  else w.nullableString(v_value);
  if (version >= 5) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readCreateTopicsRequestCreatableTopicConfig(r: Reader, version: number): CreateTopicsRequestCreatableTopicConfig {
  const f_name: string = (version >= 5 ? r.compactString() : r.string());
  const f_value: string | null = (version >= 5 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 5) {
    unknown = r.taggedFields(null);
  }
  const value: CreateTopicsRequestCreatableTopicConfig = { name: f_name, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeCreateTopicsRequest(w: Writer, value: CreateTopicsRequestInput, version: number): void {
  checkVersion("CreateTopicsRequest", version, 2, 7);
  writeCreateTopicsRequest(w, value, version);
}

export function decodeCreateTopicsRequest(r: Reader, version: number): CreateTopicsRequest {
  if (version < 2 || version > 7) r.fail(`CreateTopicsRequest has no version ${version}`);
  return readCreateTopicsRequest(r, version);
}
