// Generated from Kafka's clients/VoteRequest.json by packages/protocol/generator. Do not edit.
// request 52, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface VoteRequest {
  clusterId: string | null; // versions 0+, nullable 0+
  voterId: number; // versions 1+, ignorable
  topics: VoteRequestTopicData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestInput {
  clusterId?: string | null; // versions 0+, nullable 0+
  voterId?: number; // versions 1+, ignorable
  topics: readonly VoteRequestTopicDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestTopicData {
  topicName: string; // versions 0+
  partitions: VoteRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly VoteRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestPartitionData {
  partitionIndex: number; // versions 0+
  replicaEpoch: number; // versions 0+
  replicaId: number; // versions 0+
  replicaDirectoryId: string; // versions 1+, ignorable
  voterDirectoryId: string; // versions 1+, ignorable
  lastOffsetEpoch: number; // versions 0+
  lastOffset: bigint; // versions 0+
  preVote: boolean; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteRequestPartitionDataInput {
  partitionIndex: number; // versions 0+
  replicaEpoch: number; // versions 0+
  replicaId: number; // versions 0+
  replicaDirectoryId?: string; // versions 1+, ignorable
  voterDirectoryId?: string; // versions 1+, ignorable
  lastOffsetEpoch: number; // versions 0+
  lastOffset: bigint; // versions 0+
  preVote?: boolean; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteRequest(): VoteRequest {
  return { clusterId: null, voterId: -1, topics: [] };
}

export function defaultVoteRequestTopicData(): VoteRequestTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultVoteRequestPartitionData(): VoteRequestPartitionData {
  return { partitionIndex: 0, replicaEpoch: 0, replicaId: 0, replicaDirectoryId: ZERO_UUID, voterDirectoryId: ZERO_UUID, lastOffsetEpoch: 0, lastOffset: 0n, preVote: false };
}

function writeVoteRequest(w: Writer, v: VoteRequestInput, version: number): void {
  const v_clusterId = v.clusterId === undefined ? null : v.clusterId;
  w.compactNullableString(v_clusterId);
  const v_voterId = v.voterId === undefined ? -1 : v.voterId;
  if (version >= 1) {
    w.int32(v_voterId);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "VoteRequest", "topics", version), (ew, e) => writeVoteRequestTopicData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readVoteRequest(r: Reader, version: number): VoteRequest {
  const f_clusterId: string | null = r.compactNullableString();
  const f_voterId: number = version >= 1 ? r.int32() : -1;
  const f_topics: VoteRequestTopicData[] = readArray(r, true, 2, (er) => readVoteRequestTopicData(er, version));
  const unknown = r.taggedFields(null);
  const value: VoteRequest = { clusterId: f_clusterId, voterId: f_voterId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVoteRequestTopicData(w: Writer, v: VoteRequestTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "VoteRequest", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "VoteRequest", "partitions", version), (ew, e) => writeVoteRequestPartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readVoteRequestTopicData(r: Reader, version: number): VoteRequestTopicData {
  const f_topicName: string = r.compactString();
  const f_partitions: VoteRequestPartitionData[] = readArray(r, true, 24, (er) => readVoteRequestPartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: VoteRequestTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVoteRequestPartitionData(w: Writer, v: VoteRequestPartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_replicaEpoch = v.replicaEpoch === undefined ? 0 : v.replicaEpoch;
  w.int32(v_replicaEpoch);
  const v_replicaId = v.replicaId === undefined ? 0 : v.replicaId;
  w.int32(v_replicaId);
  const v_replicaDirectoryId = v.replicaDirectoryId === undefined ? ZERO_UUID : v.replicaDirectoryId;
  if (version >= 1) {
    w.uuid(v_replicaDirectoryId);
  }
  const v_voterDirectoryId = v.voterDirectoryId === undefined ? ZERO_UUID : v.voterDirectoryId;
  if (version >= 1) {
    w.uuid(v_voterDirectoryId);
  }
  const v_lastOffsetEpoch = v.lastOffsetEpoch === undefined ? 0 : v.lastOffsetEpoch;
  w.int32(v_lastOffsetEpoch);
  const v_lastOffset = v.lastOffset === undefined ? 0n : v.lastOffset;
  w.int64(v_lastOffset);
  const v_preVote = v.preVote === undefined ? false : v.preVote;
  if (version >= 2) {
    w.bool(v_preVote);
  } else if (v.preVote !== undefined && v.preVote !== false) {
    unsupportedField("VoteRequest", "preVote", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readVoteRequestPartitionData(r: Reader, version: number): VoteRequestPartitionData {
  const f_partitionIndex: number = r.int32();
  const f_replicaEpoch: number = r.int32();
  const f_replicaId: number = r.int32();
  const f_replicaDirectoryId: string = version >= 1 ? r.uuid() : ZERO_UUID;
  const f_voterDirectoryId: string = version >= 1 ? r.uuid() : ZERO_UUID;
  const f_lastOffsetEpoch: number = r.int32();
  const f_lastOffset: bigint = r.int64();
  const f_preVote: boolean = version >= 2 ? r.bool() : false;
  const unknown = r.taggedFields(null);
  const value: VoteRequestPartitionData = { partitionIndex: f_partitionIndex, replicaEpoch: f_replicaEpoch, replicaId: f_replicaId, replicaDirectoryId: f_replicaDirectoryId, voterDirectoryId: f_voterDirectoryId, lastOffsetEpoch: f_lastOffsetEpoch, lastOffset: f_lastOffset, preVote: f_preVote };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeVoteRequest(w: Writer, value: VoteRequestInput, version: number): void {
  checkVersion("VoteRequest", version, 0, 2);
  writeVoteRequest(w, value, version);
}

export function decodeVoteRequest(r: Reader, version: number): VoteRequest {
  if (version < 0 || version > 2) r.fail(`VoteRequest has no version ${version}`);
  return readVoteRequest(r, version);
}
