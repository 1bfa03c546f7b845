// Generated from Kafka's clients/OffsetForLeaderEpochRequest.json by packages/protocol/generator. Do not edit.
// request 23, versions 2-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface OffsetForLeaderEpochRequest {
  replicaId: number; // versions 3+, ignorable
  topics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestInput {
  replicaId?: number; // versions 3+, ignorable
  topics: readonly OffsetForLeaderEpochRequestOffsetForLeaderTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  topic: string; // versions 0+
  partitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderTopicInput {
  topic: string; // versions 0+
  partitions: readonly OffsetForLeaderEpochRequestOffsetForLeaderPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  partition: number; // versions 0+
  currentLeaderEpoch: number; // versions 2+, ignorable
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochRequestOffsetForLeaderPartitionInput {
  partition: number; // versions 0+
  currentLeaderEpoch?: number; // versions 2+, ignorable
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochRequest(): OffsetForLeaderEpochRequest {
  return { replicaId: -2, topics: [] };
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderTopic(): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  return { topic: "", partitions: [] };
}

export function defaultOffsetForLeaderEpochRequestOffsetForLeaderPartition(): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  return { partition: 0, currentLeaderEpoch: -1, leaderEpoch: 0 };
}

function writeOffsetForLeaderEpochRequest(w: Writer, v: OffsetForLeaderEpochRequestInput, version: number): void {
  const v_replicaId = v.replicaId === undefined ? -2 : v.replicaId;
  if (version >= 3) {
    w.int32(v_replicaId);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 4, nonNull(v_topics, "OffsetForLeaderEpochRequest", "topics", version), (ew, e) => writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetForLeaderEpochRequest(r: Reader, version: number): OffsetForLeaderEpochRequest {
  const f_replicaId: number = version >= 3 ? r.int32() : -2;
  const f_topics: OffsetForLeaderEpochRequestOffsetForLeaderTopic[] = readArray(r, version >= 4, 2, (er) => readOffsetForLeaderEpochRequestOffsetForLeaderTopic(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetForLeaderEpochRequest = { replicaId: f_replicaId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderTopic(w: Writer, v: OffsetForLeaderEpochRequestOffsetForLeaderTopicInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version >= 4) w.compactString(nonNull(v_topic, "OffsetForLeaderEpochRequest", "topic", version));
  else w.string(nonNull(v_topic, "OffsetForLeaderEpochRequest", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 4, nonNull(v_partitions, "OffsetForLeaderEpochRequest", "partitions", version), (ew, e) => writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderTopic(r: Reader, version: number): OffsetForLeaderEpochRequestOffsetForLeaderTopic {
  const f_topic: string = (version >= 4 ? r.compactString() : r.string());
  const f_partitions: OffsetForLeaderEpochRequestOffsetForLeaderPartition[] = readArray(r, version >= 4, 12, (er) => readOffsetForLeaderEpochRequestOffsetForLeaderPartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetForLeaderEpochRequestOffsetForLeaderTopic = { topic: f_topic, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetForLeaderEpochRequestOffsetForLeaderPartition(w: Writer, v: OffsetForLeaderEpochRequestOffsetForLeaderPartitionInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_currentLeaderEpoch = v.currentLeaderEpoch === undefined ? -1 : v.currentLeaderEpoch;
  w.int32(v_currentLeaderEpoch);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetForLeaderEpochRequestOffsetForLeaderPartition(r: Reader, version: number): OffsetForLeaderEpochRequestOffsetForLeaderPartition {
  const f_partition: number = r.int32();
  const f_currentLeaderEpoch: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetForLeaderEpochRequestOffsetForLeaderPartition = { partition: f_partition, currentLeaderEpoch: f_currentLeaderEpoch, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeOffsetForLeaderEpochRequest(w: Writer, value: OffsetForLeaderEpochRequestInput, version: number): void {
  checkVersion("OffsetForLeaderEpochRequest", version, 2, 4);
  writeOffsetForLeaderEpochRequest(w, value, version);
}

export function decodeOffsetForLeaderEpochRequest(r: Reader, version: number): OffsetForLeaderEpochRequest {
  if (version < 2 || version > 4) r.fail(`OffsetForLeaderEpochRequest has no version ${version}`);
  return readOffsetForLeaderEpochRequest(r, version);
}
