// Generated from Kafka's clients/EndQuorumEpochResponse.json by packages/protocol/generator. Do not edit.
// response 54, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, taggedValue, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface EndQuorumEpochResponse {
  errorCode: number; // versions 0+
  topics: EndQuorumEpochResponseTopicData[]; // versions 0+
  nodeEndpoints: EndQuorumEpochResponseNodeEndpoint[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseInput {
  errorCode: number; // versions 0+
  topics: readonly EndQuorumEpochResponseTopicDataInput[]; // versions 0+
  nodeEndpoints?: readonly EndQuorumEpochResponseNodeEndpointInput[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseTopicData {
  topicName: string; // versions 0+
  partitions: EndQuorumEpochResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseTopicDataInput {
  topicName: string; // versions 0+
  partitions: readonly EndQuorumEpochResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseNodeEndpoint {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface EndQuorumEpochResponseNodeEndpointInput {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultEndQuorumEpochResponse(): EndQuorumEpochResponse {
  return { errorCode: 0, topics: [], nodeEndpoints: [] };
}

export function defaultEndQuorumEpochResponseTopicData(): EndQuorumEpochResponseTopicData {
  return { topicName: "", partitions: [] };
}

export function defaultEndQuorumEpochResponsePartitionData(): EndQuorumEpochResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, leaderId: 0, leaderEpoch: 0 };
}

export function defaultEndQuorumEpochResponseNodeEndpoint(): EndQuorumEpochResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0 };
}

function writeEndQuorumEpochResponse(w: Writer, v: EndQuorumEpochResponseInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 1, nonNull(v_topics, "EndQuorumEpochResponse", "topics", version), (ew, e) => writeEndQuorumEpochResponseTopicData(ew, e, version));
  if (!(version >= 1) && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) unsupportedField("EndQuorumEpochResponse", "nodeEndpoints", version);
  if (version >= 1) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) {
      const x = v.nodeEndpoints!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        writeArray(tw, true, nonNull(x, "EndQuorumEpochResponse", "nodeEndpoints", version), (ew, e) => writeEndQuorumEpochResponseNodeEndpoint(ew, e, version));
      }));
    }
    w.taggedFields(tagged);
  }
}

function readEndQuorumEpochResponse(r: Reader, version: number): EndQuorumEpochResponse {
  const f_errorCode: number = r.int16();
  const f_topics: EndQuorumEpochResponseTopicData[] = readArray(r, version >= 1, 2, (er) => readEndQuorumEpochResponseTopicData(er, version));
  let f_nodeEndpoints: EndQuorumEpochResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_nodeEndpoints = readArray(tr, true, 1, (er) => readEndQuorumEpochResponseNodeEndpoint(er, version));
          return true;
        default:
          return false;
      }
    });
  }
  const value: EndQuorumEpochResponse = { errorCode: f_errorCode, topics: f_topics, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeEndQuorumEpochResponseTopicData(w: Writer, v: EndQuorumEpochResponseTopicDataInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  if (version >= 1) w.compactString(nonNull(v_topicName, "EndQuorumEpochResponse", "topicName", version));
  else w.string(nonNull(v_topicName, "EndQuorumEpochResponse", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 1, nonNull(v_partitions, "EndQuorumEpochResponse", "partitions", version), (ew, e) => writeEndQuorumEpochResponsePartitionData(ew, e, version));
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readEndQuorumEpochResponseTopicData(r: Reader, version: number): EndQuorumEpochResponseTopicData {
  const f_topicName: string = (version >= 1 ? r.compactString() : r.string());
  const f_partitions: EndQuorumEpochResponsePartitionData[] = readArray(r, version >= 1, 14, (er) => readEndQuorumEpochResponsePartitionData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: EndQuorumEpochResponseTopicData = { topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeEndQuorumEpochResponsePartitionData(w: Writer, v: EndQuorumEpochResponsePartitionDataInput, version: number): void {
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

function readEndQuorumEpochResponsePartitionData(r: Reader, version: number): EndQuorumEpochResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: EndQuorumEpochResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeEndQuorumEpochResponseNodeEndpoint(w: Writer, v: EndQuorumEpochResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "EndQuorumEpochResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readEndQuorumEpochResponseNodeEndpoint(r: Reader, version: number): EndQuorumEpochResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: EndQuorumEpochResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeEndQuorumEpochResponse(w: Writer, value: EndQuorumEpochResponseInput, version: number): void {
  checkVersion("EndQuorumEpochResponse", version, 0, 1);
  writeEndQuorumEpochResponse(w, value, version);
}

export function decodeEndQuorumEpochResponse(r: Reader, version: number): EndQuorumEpochResponse {
  if (version < 0 || version > 1) r.fail(`EndQuorumEpochResponse has no version ${version}`);
  return readEndQuorumEpochResponse(r, version);
}
