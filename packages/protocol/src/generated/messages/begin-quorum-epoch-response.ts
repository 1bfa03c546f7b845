// Generated from Kafka's clients/BeginQuorumEpochResponse.json by packages/protocol/generator. Do not edit.
// response 53, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, taggedValue, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface BeginQuorumEpochResponse {
  errorCode: number; // versions 0+
  topics: BeginQuorumEpochResponseTopicData[]; // versions 0+
  nodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseInput {
  errorCode: number; // versions 0+
  topics: readonly BeginQuorumEpochResponseTopicDataInput[]; // versions 0+
  nodeEndpoints?: readonly BeginQuorumEpochResponseNodeEndpointInput[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseTopicData {
  topicName: string; // versions 0+
  partitions: BeginQuorumEpochResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly BeginQuorumEpochResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseNodeEndpoint {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface BeginQuorumEpochResponseNodeEndpointInput {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBeginQuorumEpochResponse(): BeginQuorumEpochResponse {
  return { errorCode: 0, topics: [], nodeEndpoints: [] };
}

export function defaultBeginQuorumEpochResponseTopicData(): BeginQuorumEpochResponseTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultBeginQuorumEpochResponsePartitionData(): BeginQuorumEpochResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, leaderId: 0, leaderEpoch: 0 };
}

export function defaultBeginQuorumEpochResponseNodeEndpoint(): BeginQuorumEpochResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0 };
}

function writeBeginQuorumEpochResponse(w: Writer, v: BeginQuorumEpochResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 1, nonNull(v_topics, "BeginQuorumEpochResponse", "topics", version), (ew, e) => writeBeginQuorumEpochResponseTopicData(ew, e, version));
  if (!(version >= 1) && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) unsupportedField("BeginQuorumEpochResponse", "nodeEndpoints", version);
  if (version >= 1) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) {
      const x = v.nodeEndpoints!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        writeArray(tw, true, nonNull(x, "BeginQuorumEpochResponse", "nodeEndpoints", version), (ew, e) => writeBeginQuorumEpochResponseNodeEndpoint(ew, e, version));
      }));
    }
    w.taggedFields(tagged);
  }
}

function readBeginQuorumEpochResponse(r: Reader, version: number): BeginQuorumEpochResponse {
  const f_errorCode: number = r.int16();
  const f_topics: BeginQuorumEpochResponseTopicData[] = readArray(r, version >= 1, 2, (er) => readBeginQuorumEpochResponseTopicData(er, version));
  let f_nodeEndpoints: BeginQuorumEpochResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_nodeEndpoints = readArray(tr, true, 1, (er) => readBeginQuorumEpochResponseNodeEndpoint(er, version));
          return true;
        default:
          return false;
      }
    });
  }
  const value: BeginQuorumEpochResponse = { errorCode: f_errorCode, topics: f_topics, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBeginQuorumEpochResponseTopicData(w: Writer, v: BeginQuorumEpochResponseTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  if (version >= 1) w.compactString(nonNull(v_topicName, "BeginQuorumEpochResponse", "topicName", version));
  else w.string(nonNull(v_topicName, "BeginQuorumEpochResponse", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 1, nonNull(v_partitions, "BeginQuorumEpochResponse", "partitions", version), (ew, e) => writeBeginQuorumEpochResponsePartitionData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readBeginQuorumEpochResponseTopicData(r: Reader, version: number): BeginQuorumEpochResponseTopicData {
  const f_topicName: string = (version >= 1 ? r.compactString() : r.string());
  const f_partitions: BeginQuorumEpochResponsePartitionData[] = readArray(r, version >= 1, 14, (er) => readBeginQuorumEpochResponsePartitionData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: BeginQuorumEpochResponseTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBeginQuorumEpochResponsePartitionData(w: Writer, v: BeginQuorumEpochResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readBeginQuorumEpochResponsePartitionData(r: Reader, version: number): BeginQuorumEpochResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: BeginQuorumEpochResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBeginQuorumEpochResponseNodeEndpoint(w: Writer, v: BeginQuorumEpochResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "BeginQuorumEpochResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readBeginQuorumEpochResponseNodeEndpoint(r: Reader, version: number): BeginQuorumEpochResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: BeginQuorumEpochResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeBeginQuorumEpochResponse(w: Writer, value: BeginQuorumEpochResponseInput, version: number): void {
  checkVersion("BeginQuorumEpochResponse", version, 0, 1);
  writeBeginQuorumEpochResponse(w, value, version);
}

export function decodeBeginQuorumEpochResponse(r: Reader, version: number): BeginQuorumEpochResponse {
  if (version < 0 || version > 1) r.fail(`BeginQuorumEpochResponse has no version ${version}`);
  return readBeginQuorumEpochResponse(r, version);
}
