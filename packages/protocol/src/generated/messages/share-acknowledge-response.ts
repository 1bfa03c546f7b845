// Generated from Kafka's clients/ShareAcknowledgeResponse.json by packages/protocol/generator. Do not edit.
// response 79, versions 1-2, flexible 1-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ShareAcknowledgeResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  acquisitionLockTimeoutMs: number; // versions 2+, ignorable
  responses: ShareAcknowledgeResponseShareAcknowledgeTopicResponse[]; // versions 0+
  nodeEndpoints: ShareAcknowledgeResponseNodeEndpoint[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  acquisitionLockTimeoutMs?: number; // versions 2+, ignorable
  responses: readonly ShareAcknowledgeResponseShareAcknowledgeTopicResponseInput[]; // versions 0+
  nodeEndpoints: readonly ShareAcknowledgeResponseNodeEndpointInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  topicId: string; // versions 0+
  partitions: ShareAcknowledgeResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseShareAcknowledgeTopicResponseInput {
  topicId: string; // versions 0+
  partitions: readonly ShareAcknowledgeResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  currentLeader: ShareAcknowledgeResponseLeaderIdAndEpoch; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  currentLeader?: ShareAcknowledgeResponseLeaderIdAndEpochInput; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseLeaderIdAndEpoch {
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseLeaderIdAndEpochInput {
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseNodeEndpoint {
  nodeId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeResponseNodeEndpointInput {
  nodeId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareAcknowledgeResponse(): ShareAcknowledgeResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, acquisitionLockTimeoutMs: 0, responses: [], nodeEndpoints: [] };
}

export function defaultShareAcknowledgeResponseShareAcknowledgeTopicResponse(): ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultShareAcknowledgeResponsePartitionData(): ShareAcknowledgeResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, errorMessage: null, currentLeader: defaultShareAcknowledgeResponseLeaderIdAndEpoch() };
}

export function defaultShareAcknowledgeResponseLeaderIdAndEpoch(): ShareAcknowledgeResponseLeaderIdAndEpoch {
  return { leaderId: 0, leaderEpoch: 0 };
}

export function defaultShareAcknowledgeResponseNodeEndpoint(): ShareAcknowledgeResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0, rack: null };
}

function writeShareAcknowledgeResponse(w: Writer, v: ShareAcknowledgeResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_acquisitionLockTimeoutMs = v.acquisitionLockTimeoutMs === undefined ? 0 : v.acquisitionLockTimeoutMs;
  if (version >= 2) {
    w.int32(v_acquisitionLockTimeoutMs);
  }
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, true, nonNull(v_responses, "ShareAcknowledgeResponse", "responses", version), (ew, e) => writeShareAcknowledgeResponseShareAcknowledgeTopicResponse(ew, e, version));
  const v_nodeEndpoints = v.nodeEndpoints === undefined ? [] : v.nodeEndpoints;
  writeArray(w, true, nonNull(v_nodeEndpoints, "ShareAcknowledgeResponse", "nodeEndpoints", version), (ew, e) => writeShareAcknowledgeResponseNodeEndpoint(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeResponse(r: Reader, version: number): ShareAcknowledgeResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_acquisitionLockTimeoutMs: number = version >= 2 ? r.int32() : 0;
  const f_responses: ShareAcknowledgeResponseShareAcknowledgeTopicResponse[] = readArray(r, true, 17, (er) => readShareAcknowledgeResponseShareAcknowledgeTopicResponse(er, version));
  const f_nodeEndpoints: ShareAcknowledgeResponseNodeEndpoint[] = readArray(r, true, 10, (er) => readShareAcknowledgeResponseNodeEndpoint(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, acquisitionLockTimeoutMs: f_acquisitionLockTimeoutMs, responses: f_responses, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareAcknowledgeResponseShareAcknowledgeTopicResponse(w: Writer, v: ShareAcknowledgeResponseShareAcknowledgeTopicResponseInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareAcknowledgeResponse", "partitions", version), (ew, e) => writeShareAcknowledgeResponsePartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeResponseShareAcknowledgeTopicResponse(r: Reader, version: number): ShareAcknowledgeResponseShareAcknowledgeTopicResponse {
  const f_topicId: string = r.uuid();
  const f_partitions: ShareAcknowledgeResponsePartitionData[] = readArray(r, true, 15, (er) => readShareAcknowledgeResponsePartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeResponseShareAcknowledgeTopicResponse = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareAcknowledgeResponsePartitionData(w: Writer, v: ShareAcknowledgeResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_currentLeader = v.currentLeader === undefined ? defaultShareAcknowledgeResponseLeaderIdAndEpoch() : v.currentLeader;
  writeShareAcknowledgeResponseLeaderIdAndEpoch(w, nonNull(v_currentLeader, "ShareAcknowledgeResponse", "currentLeader", version), version);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeResponsePartitionData(r: Reader, version: number): ShareAcknowledgeResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_currentLeader: ShareAcknowledgeResponseLeaderIdAndEpoch = readShareAcknowledgeResponseLeaderIdAndEpoch(r, version);
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, errorMessage: f_errorMessage, currentLeader: f_currentLeader };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareAcknowledgeResponseLeaderIdAndEpoch(w: Writer, v: ShareAcknowledgeResponseLeaderIdAndEpochInput, version: number): void {
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeResponseLeaderIdAndEpoch(r: Reader, version: number): ShareAcknowledgeResponseLeaderIdAndEpoch {
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeResponseLeaderIdAndEpoch = { leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareAcknowledgeResponseNodeEndpoint(w: Writer, v: ShareAcknowledgeResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "ShareAcknowledgeResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  const v_rack = v.rack === undefined ? null : v.rack;
  w.compactNullableString(v_rack);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeResponseNodeEndpoint(r: Reader, version: number): ShareAcknowledgeResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.int32();
  const f_rack: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port, rack: f_rack };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareAcknowledgeResponse(w: Writer, value: ShareAcknowledgeResponseInput, version: number): void {
  checkVersion("ShareAcknowledgeResponse", version, 1, 2);
  writeShareAcknowledgeResponse(w, value, version);
}

export function decodeShareAcknowledgeResponse(r: Reader, version: number): ShareAcknowledgeResponse {
  if (version < 1 || version > 2) r.fail(`ShareAcknowledgeResponse has no version ${version}`);
  return readShareAcknowledgeResponse(r, version);
}
