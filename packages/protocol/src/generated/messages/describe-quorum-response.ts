// Generated from Kafka's clients/DescribeQuorumResponse.json by packages/protocol/generator. Do not edit.
// response 55, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeQuorumResponse {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 2+, nullable 2+, ignorable
  topics: DescribeQuorumResponseTopicData[]; // versions 0+
  nodes: DescribeQuorumResponseNode[]; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseInput {
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 2+, nullable 2+, ignorable
  topics: readonly DescribeQuorumResponseTopicDataInput[]; // versions 0+
  nodes?: readonly DescribeQuorumResponseNodeInput[]; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseTopicData {
  topicName: string; // versions 0+
  partitions: DescribeQuorumResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly DescribeQuorumResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 2+, nullable 2+, ignorable
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  highWatermark: bigint; // versions 0+
  currentVoters: DescribeQuorumResponseReplicaState[]; // versions 0+
  observers: DescribeQuorumResponseReplicaState[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 2+, nullable 2+, ignorable
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  highWatermark: bigint; // versions 0+
  currentVoters: readonly DescribeQuorumResponseReplicaStateInput[]; // versions 0+
  observers: readonly DescribeQuorumResponseReplicaStateInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseReplicaState {
  replicaId: number; // versions 0+
  replicaDirectoryId: string; // versions 2+
  logEndOffset: bigint; // versions 0+
  lastFetchTimestamp: bigint; // versions 1+, ignorable
  lastCaughtUpTimestamp: bigint; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseReplicaStateInput {
  replicaId: number; // versions 0+
  replicaDirectoryId?: string; // versions 2+
  logEndOffset: bigint; // versions 0+
  lastFetchTimestamp?: bigint; // versions 1+, ignorable
  lastCaughtUpTimestamp?: bigint; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseNode {
  nodeId: number; // versions 2+
  listeners: DescribeQuorumResponseListener[]; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseNodeInput {
  nodeId: number; // versions 2+
  listeners: readonly DescribeQuorumResponseListenerInput[]; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseListener {
  name: string; // versions 2+
  host: string; // versions 2+
  port: number; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeQuorumResponseListenerInput {
  name: string; // versions 2+
  host: string; // versions 2+
  port: number; // versions 2+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeQuorumResponse(): DescribeQuorumResponse {
  return { errorCode: 0, errorMessage: "", topics: [], nodes: [] };
}

export function defaultDescribeQuorumResponseTopicData(): DescribeQuorumResponseTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultDescribeQuorumResponsePartitionData(): DescribeQuorumResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, errorMessage: "", leaderId: 0, leaderEpoch: 0, highWatermark: 0n, currentVoters: [], observers: [] };
}

export function defaultDescribeQuorumResponseReplicaState(): DescribeQuorumResponseReplicaState {
  return { replicaId: 0, replicaDirectoryId: ZERO_UUID, logEndOffset: 0n, lastFetchTimestamp: -1n, lastCaughtUpTimestamp: -1n };
}

export function defaultDescribeQuorumResponseNode(): DescribeQuorumResponseNode {
  return { nodeId: 0, listeners: [] };
}

export function defaultDescribeQuorumResponseListener(): DescribeQuorumResponseListener {
  return { name: "", host: "", port: 0 };
}

function writeDescribeQuorumResponse(w: Writer, v: DescribeQuorumResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) {
    w.compactNullableString(v_errorMessage);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeQuorumResponse", "topics", version), (ew, e) => writeDescribeQuorumResponseTopicData(ew, e, version));
  const v_nodes = v.nodes === undefined ? [] : v.nodes;
  if (version >= 2) {
    writeArray(w, true, nonNull(v_nodes, "DescribeQuorumResponse", "nodes", version), (ew, e) => writeDescribeQuorumResponseNode(ew, e, version));
  } else if (v.nodes !== undefined && (v.nodes === null || v.nodes.length > 0)) {
    unsupportedField("DescribeQuorumResponse", "nodes", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumResponse(r: Reader, version: number): DescribeQuorumResponse {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = version >= 2 ? r.compactNullableString() : "";
  const f_topics: DescribeQuorumResponseTopicData[] = readArray(r, true, 2, (er) => readDescribeQuorumResponseTopicData(er, version));
  const f_nodes: DescribeQuorumResponseNode[] = version >= 2 ? readArray(r, true, 1, (er) => readDescribeQuorumResponseNode(er, version)) : [];
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumResponse = { errorCode: f_errorCode, errorMessage: f_errorMessage, topics: f_topics, nodes: f_nodes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeQuorumResponseTopicData(w: Writer, v: DescribeQuorumResponseTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DescribeQuorumResponse", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "DescribeQuorumResponse", "partitions", version), (ew, e) => writeDescribeQuorumResponsePartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumResponseTopicData(r: Reader, version: number): DescribeQuorumResponseTopicData {
  const f_topicName: string = r.compactString();
  const f_partitions: DescribeQuorumResponsePartitionData[] = readArray(r, true, 24, (er) => readDescribeQuorumResponsePartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumResponseTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeQuorumResponsePartitionData(w: Writer, v: DescribeQuorumResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) {
    w.compactNullableString(v_errorMessage);
  }
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_highWatermark = v.highWatermark === undefined ? 0n : v.highWatermark;
  w.int64(v_highWatermark);
  const v_currentVoters = v.currentVoters === undefined ? [] : v.currentVoters;
  writeArray(w, true, nonNull(v_currentVoters, "DescribeQuorumResponse", "currentVoters", version), (ew, e) => writeDescribeQuorumResponseReplicaState(ew, e, version));
  const v_observers = v.observers === undefined ? [] : v.observers;
  writeArray(w, true, nonNull(v_observers, "DescribeQuorumResponse", "observers", version), (ew, e) => writeDescribeQuorumResponseReplicaState(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumResponsePartitionData(r: Reader, version: number): DescribeQuorumResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = version >= 2 ? r.compactNullableString() : "";
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_highWatermark: bigint = r.int64();
  const f_currentVoters: DescribeQuorumResponseReplicaState[] = readArray(r, true, 12, (er) => readDescribeQuorumResponseReplicaState(er, version));
  const f_observers: DescribeQuorumResponseReplicaState[] = readArray(r, true, 12, (er) => readDescribeQuorumResponseReplicaState(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, errorMessage: f_errorMessage, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, highWatermark: f_highWatermark, currentVoters: f_currentVoters, observers: f_observers };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeQuorumResponseReplicaState(w: Writer, v: DescribeQuorumResponseReplicaStateInput, version: number): void {
  const v_replicaId = v.replicaId === undefined ? 0 : v.replicaId;
  w.int32(v_replicaId);
  const v_replicaDirectoryId = v.replicaDirectoryId === undefined ? ZERO_UUID : v.replicaDirectoryId;
  if (version >= 2) {
    w.uuid(v_replicaDirectoryId);
  } else if (v.replicaDirectoryId !== undefined && v.replicaDirectoryId !== ZERO_UUID) {
    unsupportedField("DescribeQuorumResponse", "replicaDirectoryId", version);
  }
  const v_logEndOffset = v.logEndOffset === undefined ? 0n : v.logEndOffset;
  w.int64(v_logEndOffset);
  const v_lastFetchTimestamp = v.lastFetchTimestamp === undefined ? -1n : v.lastFetchTimestamp;
  if (version >= 1) {
    w.int64(v_lastFetchTimestamp);
  }
  const v_lastCaughtUpTimestamp = v.lastCaughtUpTimestamp === undefined ? -1n : v.lastCaughtUpTimestamp;
  if (version >= 1) {
    w.int64(v_lastCaughtUpTimestamp);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumResponseReplicaState(r: Reader, version: number): DescribeQuorumResponseReplicaState {
  const f_replicaId: number = r.int32();
  const f_replicaDirectoryId: string = version >= 2 ? r.uuid() : ZERO_UUID;
  const f_logEndOffset: bigint = r.int64();
  const f_lastFetchTimestamp: bigint = version >= 1 ? r.int64() : -1n;
  const f_lastCaughtUpTimestamp: bigint = version >= 1 ? r.int64() : -1n;
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumResponseReplicaState = { replicaId: f_replicaId, replicaDirectoryId: f_replicaDirectoryId, logEndOffset: f_logEndOffset, lastFetchTimestamp: f_lastFetchTimestamp, lastCaughtUpTimestamp: f_lastCaughtUpTimestamp };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeQuorumResponseNode(w: Writer, v: DescribeQuorumResponseNodeInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_listeners = v.listeners === undefined ? [] : v.listeners;
  writeArray(w, true, nonNull(v_listeners, "DescribeQuorumResponse", "listeners", version), (ew, e) => writeDescribeQuorumResponseListener(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumResponseNode(r: Reader, version: number): DescribeQuorumResponseNode {
  const f_nodeId: number = r.int32();
  const f_listeners: DescribeQuorumResponseListener[] = readArray(r, true, 1, (er) => readDescribeQuorumResponseListener(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumResponseNode = { nodeId: f_nodeId, listeners: f_listeners };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeQuorumResponseListener(w: Writer, v: DescribeQuorumResponseListenerInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "DescribeQuorumResponse", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "DescribeQuorumResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeQuorumResponseListener(r: Reader, version: number): DescribeQuorumResponseListener {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: DescribeQuorumResponseListener = { name: f_name, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeQuorumResponse(w: Writer, value: DescribeQuorumResponseInput, version: number): void {
  checkVersion("DescribeQuorumResponse", version, 0, 2);
  writeDescribeQuorumResponse(w, value, version);
}

export function decodeDescribeQuorumResponse(r: Reader, version: number): DescribeQuorumResponse {
  if (version < 0 || version > 2) r.fail(`DescribeQuorumResponse has no version ${version}`);
  return readDescribeQuorumResponse(r, version);
}
