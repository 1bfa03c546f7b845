// Generated from Kafka's clients/VoteResponse.json by packages/protocol/generator. Do not edit.
// response 52, versions 0-2, flexible 0-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, taggedValue, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface VoteResponse {
  errorCode: number; // versions 0+
  topics: VoteResponseTopicData[]; // versions 0+
  nodeEndpoints: VoteResponseNodeEndpoint[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseInput {
  errorCode: number; // versions 0+
  topics: readonly VoteResponseTopicDataInput[]; // versions 0+
  nodeEndpoints?: readonly VoteResponseNodeEndpointInput[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseTopicData {
  topicName: string; // versions 0+
  partitions: VoteResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly VoteResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  voteGranted: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  voteGranted: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseNodeEndpoint {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface VoteResponseNodeEndpointInput {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVoteResponse(): VoteResponse {
  return { errorCode: 0, topics: [], nodeEndpoints: [] };
}

export function defaultVoteResponseTopicData(): VoteResponseTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultVoteResponsePartitionData(): VoteResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, leaderId: 0, leaderEpoch: 0, voteGranted: false };
}

export function defaultVoteResponseNodeEndpoint(): VoteResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0 };
}

function writeVoteResponse(w: Writer, v: VoteResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "VoteResponse", "topics", version), (ew, e) => writeVoteResponseTopicData(ew, e, version));
  if (!(version >= 1) && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) unsupportedField("VoteResponse", "nodeEndpoints", version);
  let tagged = v._unknownTaggedFields?.slice();
  if (version >= 1 && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) {
    const x = v.nodeEndpoints!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      writeArray(tw, true, nonNull(x, "VoteResponse", "nodeEndpoints", version), (ew, e) => writeVoteResponseNodeEndpoint(ew, e, version));
    }));
  }
  w.taggedFields(tagged);
}

function readVoteResponse(r: Reader, version: number): VoteResponse {
  const f_errorCode: number = r.int16();
  const f_topics: VoteResponseTopicData[] = readArray(r, true, 2, (er) => readVoteResponseTopicData(er, version));
  let f_nodeEndpoints: VoteResponseNodeEndpoint[] = [];
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        if (!(version >= 1)) return false;
        f_nodeEndpoints = readArray(tr, true, 1, (er) => readVoteResponseNodeEndpoint(er, version));
        return true;
      default:
        return false;
    }
  });
  const value: VoteResponse = { errorCode: f_errorCode, topics: f_topics, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVoteResponseTopicData(w: Writer, v: VoteResponseTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "VoteResponse", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "VoteResponse", "partitions", version), (ew, e) => writeVoteResponsePartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readVoteResponseTopicData(r: Reader, version: number): VoteResponseTopicData {
  const f_topicName: string = r.compactString();
  const f_partitions: VoteResponsePartitionData[] = readArray(r, true, 15, (er) => readVoteResponsePartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: VoteResponseTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVoteResponsePartitionData(w: Writer, v: VoteResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_voteGranted = v.voteGranted === undefined ? false : v.voteGranted;
  w.bool(v_voteGranted);
  w.taggedFields(v._unknownTaggedFields);
}

function readVoteResponsePartitionData(r: Reader, version: number): VoteResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_voteGranted: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: VoteResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch, voteGranted: f_voteGranted };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVoteResponseNodeEndpoint(w: Writer, v: VoteResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "VoteResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readVoteResponseNodeEndpoint(r: Reader, version: number): VoteResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: VoteResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeVoteResponse(w: Writer, value: VoteResponseInput, version: number): void {
  checkVersion("VoteResponse", version, 0, 2);
  writeVoteResponse(w, value, version);
}

export function decodeVoteResponse(r: Reader, version: number): VoteResponse {
  if (version < 0 || version > 2) r.fail(`VoteResponse has no version ${version}`);
  return readVoteResponse(r, version);
}
