// Generated from Kafka's clients/BeginQuorumEpochRequest.json by packages/protocol/generator. Do not edit.
// request 53, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface BeginQuorumEpochRequest {
  clusterId: string | null; // versions 0+, nullable 0+
  voterId: number; // versions 1+, ignorable
  topics: BeginQuorumEpochRequestTopicData[]; // versions 0+
  leaderEndpoints: BeginQuorumEpochRequestLeaderEndpoint[]; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestInput {
  clusterId?: string | null; // versions 0+, nullable 0+
  voterId?: number; // versions 1+, ignorable
  topics: readonly BeginQuorumEpochRequestTopicDataInput[]; // versions 0+
  leaderEndpoints?: readonly BeginQuorumEpochRequestLeaderEndpointInput[]; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestTopicData {
  topicName: string; // versions 0+
  partitions: BeginQuorumEpochRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly BeginQuorumEpochRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestPartitionData {
  partitionIndex: number; // versions 0+
  voterDirectoryId: string; // versions 1+, ignorable
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestPartitionDataInput {
  partitionIndex: number; // versions 0+
  voterDirectoryId?: string; // versions 1+, ignorable
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestLeaderEndpoint {
  name: string; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochRequestLeaderEndpointInput {
  name: string; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochRequest(): BeginQuorumEpochRequest {
  return { clusterId: null, voterId: -1, topics: [], leaderEndpoints: [] };
}

export function defaultBeginQuorumEpochRequestTopicData(): BeginQuorumEpochRequestTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultBeginQuorumEpochRequestPartitionData(): BeginQuorumEpochRequestPartitionData {
  return { partitionIndex: 0, voterDirectoryId: ZERO_UUID, leaderId: 0, leaderEpoch: 0 };
}

export function defaultBeginQuorumEpochRequestLeaderEndpoint(): BeginQuorumEpochRequestLeaderEndpoint {
  return { name: "", host: "", port: 0 };
}

function writeBeginQuorumEpochRequest(w: Writer, v: BeginQuorumEpochRequestInput, version: number): void {
  const v_clusterId = v.clusterId === undefined ? null : v.clusterId;
  if (version >= 1) w.compactNullableString(v_clusterId);
  else w.nullableString(v_clusterId);
  const v_voterId = v.voterId === undefined ? -1 : v.voterId;
  if (version >= 1) {
    w.int32(v_voterId);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 1, nonNull(v_topics, "BeginQuorumEpochRequest", "topics", version), (ew, e) => writeBeginQuorumEpochRequestTopicData(ew, e, version));
  const v_leaderEndpoints = v.leaderEndpoints === undefined ? [] : v.leaderEndpoints;
  if (version >= 1) {
    writeArray(w, true, nonNull(v_leaderEndpoints, "BeginQuorumEpochRequest", "leaderEndpoints", version), (ew, e) => writeBeginQuorumEpochRequestLeaderEndpoint(ew, e, version));
  }
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readBeginQuorumEpochRequest(r: Reader, version: number): BeginQuorumEpochRequest {
  const f_clusterId: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  const f_voterId: number = version >= 1 ? r.int32() : -1;
  const f_topics: BeginQuorumEpochRequestTopicData[] = readArray(r, version >= 1, 2, (er) => readBeginQuorumEpochRequestTopicData(er, version));
  const f_leaderEndpoints: BeginQuorumEpochRequestLeaderEndpoint[] = version >= 1 ? readArray(r, true, 1, (er) => readBeginQuorumEpochRequestLeaderEndpoint(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: BeginQuorumEpochRequest = { clusterId: f_clusterId, voterId: f_voterId, topics: f_topics, leaderEndpoints: f_leaderEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBeginQuorumEpochRequestTopicData(w: Writer, v: BeginQuorumEpochRequestTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  if (version >= 1) w.compactString(nonNull(v_topicName, "BeginQuorumEpochRequest", "topicName", version));
  else w.string(nonNull(v_topicName, "BeginQuorumEpochRequest", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 1, nonNull(v_partitions, "BeginQuorumEpochRequest", "partitions", version), (ew, e) => writeBeginQuorumEpochRequestPartitionData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readBeginQuorumEpochRequestTopicData(r: Reader, version: number): BeginQuorumEpochRequestTopicData {
  const f_topicName: string = (version >= 1 ? r.compactString() : r.string());
  const f_partitions: BeginQuorumEpochRequestPartitionData[] = readArray(r, version >= 1, 12, (er) => readBeginQuorumEpochRequestPartitionData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: BeginQuorumEpochRequestTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBeginQuorumEpochRequestPartitionData(w: Writer, v: BeginQuorumEpochRequestPartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_voterDirectoryId = v.voterDirectoryId === undefined ? ZERO_UUID : v.voterDirectoryId;
  if (version >= 1) {
    w.uuid(v_voterDirectoryId);
  }
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readBeginQuorumEpochRequestPartitionData(r: Reader, version: number): BeginQuorumEpochRequestPartitionData {
  const f_partitionIndex: number = r.int32();
  const f_voterDirectoryId: string = version >= 1 ? r.uuid() : ZERO_UUID;
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: BeginQuorumEpochRequestPartitionData = { partitionIndex: f_partitionIndex, voterDirectoryId: f_voterDirectoryId, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBeginQuorumEpochRequestLeaderEndpoint(w: Writer, v: BeginQuorumEpochRequestLeaderEndpointInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "BeginQuorumEpochRequest", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "BeginQuorumEpochRequest", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readBeginQuorumEpochRequestLeaderEndpoint(r: Reader, version: number): BeginQuorumEpochRequestLeaderEndpoint {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: BeginQuorumEpochRequestLeaderEndpoint = { name: f_name, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeBeginQuorumEpochRequest(w: Writer, value: BeginQuorumEpochRequestInput, version: number): void {
  checkVersion("BeginQuorumEpochRequest", version, 0, 1);
  writeBeginQuorumEpochRequest(w, value, version);
}

export function decodeBeginQuorumEpochRequest(r: Reader, version: number): BeginQuorumEpochRequest {
  if (version < 0 || version > 1) r.fail(`BeginQuorumEpochRequest has no version ${version}`);
  return readBeginQuorumEpochRequest(r, version);
}
