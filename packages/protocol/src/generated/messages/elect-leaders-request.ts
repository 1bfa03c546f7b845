// Generated from Kafka's clients/ElectLeadersRequest.json by packages/protocol/generator. Do not edit.
// request 43, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, unsupportedField, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface ElectLeadersRequest {
  electionType: number; // versions 1+
  topicPartitions: ElectLeadersRequestTopicPartitions[] | null; // versions 0+, nullable 0+
  timeoutMs: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersRequestInput {
  electionType?: number; // versions 1+
  topicPartitions: readonly ElectLeadersRequestTopicPartitionsInput[] | null; // versions 0+, nullable 0+
  timeoutMs?: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersRequestTopicPartitions {
  topic: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersRequestTopicPartitionsInput {
  topic: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersRequest(): ElectLeadersRequest {
  return { electionType: 0, topicPartitions: [], timeoutMs: 60000 };
}

export function defaultElectLeadersRequestTopicPartitions(): ElectLeadersRequestTopicPartitions {
  return { topic: "", partitions: [] };
}

function writeElectLeadersRequest(w: Writer, v: ElectLeadersRequestInput, version: number): void {
  const v_electionType = v.electionType === undefined ? 0 : v.electionType;
  if (version >= 1) {
    w.int8(v_electionType);
  } else if (v.electionType !== undefined && v.electionType !== 0) {
    unsupportedField("ElectLeadersRequest", "electionType", version);
  }
  const v_topicPartitions = v.topicPartitions === undefined ? [] : v.topicPartitions;
  writeNullableArray(w, version >= 2, v_topicPartitions, (ew, e) => writeElectLeadersRequestTopicPartitions(ew, e, version));
  const v_timeoutMs = v.timeoutMs === undefined ? 60000 : v.timeoutMs;
  w.int32(v_timeoutMs);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readElectLeadersRequest(r: Reader, version: number): ElectLeadersRequest {
  const f_electionType: number = version >= 1 ? r.int8() : 0;
  const f_topicPartitions: ElectLeadersRequestTopicPartitions[] | null = readNullableArray(r, version >= 2, 2, (er) => readElectLeadersRequestTopicPartitions(er, version));
  const f_timeoutMs: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: ElectLeadersRequest = { electionType: f_electionType, topicPartitions: f_topicPartitions, timeoutMs: f_timeoutMs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeElectLeadersRequestTopicPartitions(w: Writer, v: ElectLeadersRequestTopicPartitionsInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version >= 2) w.compactString(nonNull(v_topic, "ElectLeadersRequest", "topic", version));
  else w.string(nonNull(v_topic, "ElectLeadersRequest", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 2, nonNull(v_partitions, "ElectLeadersRequest", "partitions", version), writeInt32);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readElectLeadersRequestTopicPartitions(r: Reader, version: number): ElectLeadersRequestTopicPartitions {
  const f_topic: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitions: number[] = readArray(r, version >= 2, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: ElectLeadersRequestTopicPartitions = { topic: f_topic, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeElectLeadersRequest(w: Writer, value: ElectLeadersRequestInput, version: number): void {
  checkVersion("ElectLeadersRequest", version, 0, 2);
  writeElectLeadersRequest(w, value, version);
}

export function decodeElectLeadersRequest(r: Reader, version: number): ElectLeadersRequest {
  if (version < 0 || version > 2) r.fail(`ElectLeadersRequest has no version ${version}`);
  return readElectLeadersRequest(r, version);
}
