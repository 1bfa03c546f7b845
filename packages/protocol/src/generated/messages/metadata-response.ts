// Generated from Kafka's clients/MetadataResponse.json by packages/protocol/generator. Do not edit.
// response 3, versions 0-13, flexible 9-13
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, unsupportedField, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface MetadataResponse {
  throttleTimeMs: number; // versions 3+, ignorable
  brokers: MetadataResponseBroker[]; // versions 0+
  clusterId: string | null; // versions 2+, nullable 2+, ignorable
  controllerId: number; // versions 1+, ignorable
  topics: MetadataResponseTopic[]; // versions 0+
  clusterAuthorizedOperations: number; // versions 8-10
  errorCode: number; // versions 13+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseInput {
  throttleTimeMs?: number; // versions 3+, ignorable
  brokers: readonly MetadataResponseBrokerInput[]; // versions 0+
  clusterId?: string | null; // versions 2+, nullable 2+, ignorable
  controllerId?: number; // versions 1+, ignorable
  topics: readonly MetadataResponseTopicInput[]; // versions 0+
  clusterAuthorizedOperations?: number; // versions 8-10
  errorCode?: number; // versions 13+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseBroker {
  nodeId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack: string | null; // versions 1+, nullable 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseBrokerInput {
  nodeId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack?: string | null; // versions 1+, nullable 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseTopic {
  errorCode: number; // versions 0+
  name: string | null; // versions 0+, nullable 12+
  topicId: string; // versions 10+, ignorable
  isInternal: boolean; // versions 1+, ignorable
  partitions: MetadataResponsePartition[]; // versions 0+
  topicAuthorizedOperations: number; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponseTopicInput {
  errorCode: number; // versions 0+
  name: string | null; // versions 0+, nullable 12+
  topicId?: string; // versions 10+, ignorable
  isInternal?: boolean; // versions 1+, ignorable
  partitions: readonly MetadataResponsePartitionInput[]; // versions 0+
  topicAuthorizedOperations?: number; // versions 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponsePartition {
  errorCode: number; // versions 0+
  partitionIndex: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 7+, ignorable
  replicaNodes: number[]; // versions 0+
  isrNodes: number[]; // versions 0+
  offlineReplicas: number[]; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface MetadataResponsePartitionInput {
  errorCode: number; // versions 0+
  partitionIndex: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch?: number; // versions 7+, ignorable
  replicaNodes: readonly number[]; // versions 0+
  isrNodes: readonly number[]; // versions 0+
  offlineReplicas?: readonly number[]; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultMetadataResponse(): MetadataResponse {
  return { throttleTimeMs: 0, brokers: [], clusterId: null, controllerId: -1, topics: [], clusterAuthorizedOperations: -2147483648, errorCode: 0 };
}

export function defaultMetadataResponseBroker(): MetadataResponseBroker {
  return { nodeId: 0, host: "", port: 0, rack: null };
}

export function defaultMetadataResponseTopic(): MetadataResponseTopic {
  return { errorCode: 0, name: "", topicId: ZERO_UUID, isInternal: false, partitions: [], topicAuthorizedOperations: -2147483648 };
}

export function defaultMetadataResponsePartition(): MetadataResponsePartition {
  return { errorCode: 0, partitionIndex: 0, leaderId: 0, leaderEpoch: -1, replicaNodes: [], isrNodes: [], offlineReplicas: [] };
}

function writeMetadataResponse(w: Writer, v: MetadataResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 3) {
    w.int32(v_throttleTimeMs);
  }
  const v_brokers = v.brokers === undefined ? [] : v.brokers;
  writeArray(w, version >= 9, nonNull(v_brokers, "MetadataResponse", "brokers", version), (ew, e) => writeMetadataResponseBroker(ew, e, version));
  const v_clusterId = v.clusterId === undefined ? null : v.clusterId;
  if (version >= 2) {
    if (version >= 9) w.compactNullableString(v_clusterId);
    else w.nullableString(v_clusterId);
  }
  const v_controllerId = v.controllerId === undefined ? -1 : v.controllerId;
  if (version >= 1) {
    w.int32(v_controllerId);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 9, nonNull(v_topics, "MetadataResponse", "topics", version), (ew, e) => writeMetadataResponseTopic(ew, e, version));
  const v_clusterAuthorizedOperations = v.clusterAuthorizedOperations === undefined ? -2147483648 : v.clusterAuthorizedOperations;
  if ((version >= 8 && version <= 10)) {
    w.int32(v_clusterAuthorizedOperations);
  } else if (v.clusterAuthorizedOperations !== undefined && v.clusterAuthorizedOperations !== -2147483648) {
    unsupportedField("MetadataResponse", "clusterAuthorizedOperations", version);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  if (version >= 13) {
    w.int16(v_errorCode);
  }
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readMetadataResponse(r: Reader, version: number): MetadataResponse {
  const f_throttleTimeMs: number = version >= 3 ? r.int32() : 0;
  const f_brokers: MetadataResponseBroker[] = readArray(r, version >= 9, 9, (er) => readMetadataResponseBroker(er, version));
  const f_clusterId: string | null = version >= 2 ? (version >= 9 ? r.compactNullableString() : r.nullableString()) : null;
  const f_controllerId: number = version >= 1 ? r.int32() : -1;
  const f_topics: MetadataResponseTopic[] = readArray(r, version >= 9, 4, (er) => readMetadataResponseTopic(er, version));
  const f_clusterAuthorizedOperations: number = (version >= 8 && version <= 10) ? r.int32() : -2147483648;
  const f_errorCode: number = version >= 13 ? r.int16() : 0;
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: MetadataResponse = { throttleTimeMs: f_throttleTimeMs, brokers: f_brokers, clusterId: f_clusterId, controllerId: f_controllerId, topics: f_topics, clusterAuthorizedOperations: f_clusterAuthorizedOperations, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeMetadataResponseBroker(w: Writer, v: MetadataResponseBrokerInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  if (version >= 9) w.compactString(nonNull(v_host, "MetadataResponse", "host", version));
  else w.string(nonNull(v_host, "MetadataResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  const v_rack = v.rack === undefined ? null : v.rack;
  if (version >= 1) {
    if (version >= 9) w.compactNullableString(v_rack);
    else w.nullableString(v_rack);
  }
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readMetadataResponseBroker(r: Reader, version: number): MetadataResponseBroker {
  const f_nodeId: number = r.int32();
  const f_host: string = (version >= 9 ? r.compactString() : r.string());
  const f_port: number = r.int32();
  const f_rack: string | null = version >= 1 ? (version >= 9 ? r.compactNullableString() : r.nullableString()) : null;
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: MetadataResponseBroker = { nodeId: f_nodeId, host: f_host, port: f_port, rack: f_rack };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeMetadataResponseTopic(w: Writer, v: MetadataResponseTopicInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 12) {
    if (version >= 9) w.compactNullableString(v_name);
    else w.nullableString(v_name);
  } else {
    if (version >= 9) w.compactString(nonNull(v_name, "MetadataResponse", "name", version));
    else w.string(nonNull(v_name, "MetadataResponse", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 10) {
    w.uuid(v_topicId);
  }
  const v_isInternal = v.isInternal === undefined ? false : v.isInternal;
  if (version >= 1) {
    w.bool(v_isInternal);
  }
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 9, nonNull(v_partitions, "MetadataResponse", "partitions", version), (ew, e) => writeMetadataResponsePartition(ew, e, version));
  const v_topicAuthorizedOperations = v.topicAuthorizedOperations === undefined ? -2147483648 : v.topicAuthorizedOperations;
  if (version >= 8) {
    w.int32(v_topicAuthorizedOperations);
  } else if (v.topicAuthorizedOperations !== undefined && v.topicAuthorizedOperations !== -2147483648) {
    unsupportedField("MetadataResponse", "topicAuthorizedOperations", version);
  }
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readMetadataResponseTopic(r: Reader, version: number): MetadataResponseTopic {
  const f_errorCode: number = r.int16();
  const f_name: string | null = (version >= 9 ? (version >= 12 ? r.compactNullableString() : r.compactString()) : (version >= 12 ? r.nullableString() : r.string()));
  const f_topicId: string = version >= 10 ? r.uuid() : ZERO_UUID;
  const f_isInternal: boolean = version >= 1 ? r.bool() : false;
  const f_partitions: MetadataResponsePartition[] = readArray(r, version >= 9, 12, (er) => readMetadataResponsePartition(er, version));
  const f_topicAuthorizedOperations: number = version >= 8 ? r.int32() : -2147483648;
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: MetadataResponseTopic = { errorCode: f_errorCode, name: f_name, topicId: f_topicId, isInternal: f_isInternal, partitions: f_partitions, topicAuthorizedOperations: f_topicAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeMetadataResponsePartition(w: Writer, v: MetadataResponsePartitionInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  if (version >= 7) {
    w.int32(v_leaderEpoch);
  }
  const v_replicaNodes = v.replicaNodes === undefined ? [] : v.replicaNodes;
  writeArray(w, version >= 9, nonNull(v_replicaNodes, "MetadataResponse", "replicaNodes", version), writeInt32);
  const v_isrNodes = v.isrNodes === undefined ? [] : v.isrNodes;
  writeArray(w, version >= 9, nonNull(v_isrNodes, "MetadataResponse", "isrNodes", version), writeInt32);
  const v_offlineReplicas = v.offlineReplicas === undefined ? [] : v.offlineReplicas;
  if (version >= 5) {
    writeArray(w, version >= 9, nonNull(v_offlineReplicas, "MetadataResponse", "offlineReplicas", version), writeInt32);
  }
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readMetadataResponsePartition(r: Reader, version: number): MetadataResponsePartition {
  const f_errorCode: number = r.int16();
  const f_partitionIndex: number = r.int32();
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = version >= 7 ? r.int32() : -1;
  const f_replicaNodes: number[] = readArray(r, version >= 9, 4, readInt32);
  const f_isrNodes: number[] = readArray(r, version >= 9, 4, readInt32);
  const f_offlineReplicas: number[] = version >= 5 ? readArray(r, version >= 9, 4, readInt32) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: MetadataResponsePartition = { errorCode: f_errorCode, partitionIndex: f_partitionIndex, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, replicaNodes: f_replicaNodes, isrNodes: f_isrNodes, offlineReplicas: f_offlineReplicas };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeMetadataResponse(w: Writer, value: MetadataResponseInput, version: number): void {
  checkVersion("MetadataResponse", version, 0, 13);
  writeMetadataResponse(w, value, version);
}

export function decodeMetadataResponse(r: Reader, version: number): MetadataResponse {
  if (version < 0 || version > 13) r.fail(`MetadataResponse has no version ${version}`);
  return readMetadataResponse(r, version);
}
