// Generated from Kafka's clients/EndQuorumEpochRequest.json by packages/protocol/generator. Do not edit.
// request 54, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface EndQuorumEpochRequest {
  clusterId: string | null; // versions 0+, nullable 0+
  topics: EndQuorumEpochRequestTopicData[]; // versions 0+
  leaderEndpoints: EndQuorumEpochRequestLeaderEndpoint[]; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestInput {
  clusterId?: string | null; // versions 0+, nullable 0+
  topics: readonly EndQuorumEpochRequestTopicDataInput[]; // versions 0+
  leaderEndpoints?: readonly EndQuorumEpochRequestLeaderEndpointInput[]; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestTopicData {
  topicName: string; // versions 0+
  partitions: EndQuorumEpochRequestPartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly EndQuorumEpochRequestPartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestPartitionData {
  partitionIndex: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  preferredSuccessors: number[]; // versions 0, ignorable
  preferredCandidates: EndQuorumEpochRequestReplicaInfo[]; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestPartitionDataInput {
  partitionIndex: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  preferredSuccessors?: readonly number[]; // versions 0, ignorable
  preferredCandidates?: readonly EndQuorumEpochRequestReplicaInfoInput[]; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestReplicaInfo {
  candidateId: number; // versions 1+
  candidateDirectoryId: string; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestReplicaInfoInput {
  candidateId: number; // versions 1+
  candidateDirectoryId: string; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestLeaderEndpoint {
  name: string; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochRequestLeaderEndpointInput {
  name: string; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochRequest(): EndQuorumEpochRequest {
  return { clusterId: null, topics: [], leaderEndpoints: [] };
}

export function defaultEndQuorumEpochRequestTopicData(): EndQuorumEpochRequestTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultEndQuorumEpochRequestPartitionData(): EndQuorumEpochRequestPartitionData {
  return { partitionIndex: 0, leaderId: 0, leaderEpoch: 0, preferredSuccessors: [], preferredCandidates: [] };
}

export function defaultEndQuorumEpochRequestReplicaInfo(): EndQuorumEpochRequestReplicaInfo {
  return { candidateId: 0, candidateDirectoryId: ZERO_UUID };
}

export function defaultEndQuorumEpochRequestLeaderEndpoint(): EndQuorumEpochRequestLeaderEndpoint {
  return { name: "", host: "", port: 0 };
}

function writeEndQuorumEpochRequest(w: Writer, v: EndQuorumEpochRequestInput, version: number): void {
  const v_clusterId = v.clusterId === undefined ? null : v.clusterId;
  if (version >= 1) w.compactNullableString(v_clusterId);
  else w.nullableString(v_clusterId);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 1, nonNull(v_topics, "EndQuorumEpochRequest", "topics", version), (ew, e) => writeEndQuorumEpochRequestTopicData(ew, e, version));
  const v_leaderEndpoints = v.leaderEndpoints === undefined ? [] : v.leaderEndpoints;
  if (version >= 1) {
    writeArray(w, true, nonNull(v_leaderEndpoints, "EndQuorumEpochRequest", "leaderEndpoints", version), (ew, e) => writeEndQuorumEpochRequestLeaderEndpoint(ew, e, version));
  }
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readEndQuorumEpochRequest(r: Reader, version: number): EndQuorumEpochRequest {
  const f_clusterId: string | null = (version >= 1 ? r.compactNullableString() : r.nullableString());
  const f_topics: EndQuorumEpochRequestTopicData[] = readArray(r, version >= 1, 2, (er) => readEndQuorumEpochRequestTopicData(er, version));
  const f_leaderEndpoints: EndQuorumEpochRequestLeaderEndpoint[] = version >= 1 ? readArray(r, true, 1, (er) => readEndQuorumEpochRequestLeaderEndpoint(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: EndQuorumEpochRequest = { clusterId: f_clusterId, topics: f_topics, leaderEndpoints: f_leaderEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeEndQuorumEpochRequestTopicData(w: Writer, v: EndQuorumEpochRequestTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  if (version >= 1) w.compactString(nonNull(v_topicName, "EndQuorumEpochRequest", "topicName", version));
  else w.string(nonNull(v_topicName, "EndQuorumEpochRequest", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 1, nonNull(v_partitions, "EndQuorumEpochRequest", "partitions", version), (ew, e) => writeEndQuorumEpochRequestPartitionData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readEndQuorumEpochRequestTopicData(r: Reader, version: number): EndQuorumEpochRequestTopicData {
  const f_topicName: string = (version >= 1 ? r.compactString() : r.string());
  const f_partitions: EndQuorumEpochRequestPartitionData[] = readArray(r, version >= 1, 12, (er) => readEndQuorumEpochRequestPartitionData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: EndQuorumEpochRequestTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeEndQuorumEpochRequestPartitionData(w: Writer, v: EndQuorumEpochRequestPartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_preferredSuccessors = v.preferredSuccessors === undefined ? [] : v.preferredSuccessors;
  if (version <= 0) {
    writeArray(w, false, nonNull(v_preferredSuccessors, "EndQuorumEpochRequest", "preferredSuccessors", version), writeInt32);
  }
  const v_preferredCandidates = v.preferredCandidates === undefined ? [] : v.preferredCandidates;
  if (version >= 1) {
    writeArray(w, true, nonNull(v_preferredCandidates, "EndQuorumEpochRequest", "preferredCandidates", version), (ew, e) => writeEndQuorumEpochRequestReplicaInfo(ew, e, version));
  }
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readEndQuorumEpochRequestPartitionData(r: Reader, version: number): EndQuorumEpochRequestPartitionData {
  const f_partitionIndex: number = r.int32();
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_preferredSuccessors: number[] = version <= 0 ? readArray(r, false, 4, readInt32) : [];
  const f_preferredCandidates: EndQuorumEpochRequestReplicaInfo[] = version >= 1 ? readArray(r, true, 1, (er) => readEndQuorumEpochRequestReplicaInfo(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: EndQuorumEpochRequestPartitionData = { partitionIndex: f_partitionIndex, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, preferredSuccessors: f_preferredSuccessors, preferredCandidates: f_preferredCandidates };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeEndQuorumEpochRequestReplicaInfo(w: Writer, v: EndQuorumEpochRequestReplicaInfoInput, version: number): void {
  const v_candidateId = v.candidateId === undefined ? 0 : v.candidateId;
  w.int32(v_candidateId);
  const v_candidateDirectoryId = v.candidateDirectoryId === undefined ? ZERO_UUID : v.candidateDirectoryId;
  w.uuid(v_candidateDirectoryId);
  w.taggedFields(v._unknownTaggedFields);
}

function readEndQuorumEpochRequestReplicaInfo(r: Reader, version: number): EndQuorumEpochRequestReplicaInfo {
  const f_candidateId: number = r.int32();
  const f_candidateDirectoryId: string = r.uuid();
  const unknown = r.taggedFields(null);
  const value: EndQuorumEpochRequestReplicaInfo = { candidateId: f_candidateId, candidateDirectoryId: f_candidateDirectoryId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeEndQuorumEpochRequestLeaderEndpoint(w: Writer, v: EndQuorumEpochRequestLeaderEndpointInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "EndQuorumEpochRequest", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "EndQuorumEpochRequest", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readEndQuorumEpochRequestLeaderEndpoint(r: Reader, version: number): EndQuorumEpochRequestLeaderEndpoint {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: EndQuorumEpochRequestLeaderEndpoint = { name: f_name, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeEndQuorumEpochRequest(w: Writer, value: EndQuorumEpochRequestInput, version: number): void {
  checkVersion("EndQuorumEpochRequest", version, 0, 1);
  writeEndQuorumEpochRequest(w, value, version);
}

export function decodeEndQuorumEpochRequest(r: Reader, version: number): EndQuorumEpochRequest {
  if (version < 0 || version > 1) r.fail(`EndQuorumEpochRequest has no version ${version}`);
  return readEndQuorumEpochRequest(r, version);
}
