// Generated from Kafka's clients/ProduceResponse.json by packages/protocol/generator. Do not edit.
// response 0, versions 3-13, flexible 9-13
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, isDefaultValue, nonNull, readArray, readNullableArray, taggedValue, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface ProduceResponse {
  responses: ProduceResponseTopicProduceResponse[]; // versions 0+
  throttleTimeMs: number; // versions 1+, ignorable
  nodeEndpoints: ProduceResponseNodeEndpoint[]; // versions 10+, tag 0 in 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseInput {
  responses: readonly ProduceResponseTopicProduceResponseInput[]; // versions 0+
  throttleTimeMs?: number; // versions 1+, ignorable
  nodeEndpoints?: readonly ProduceResponseNodeEndpointInput[]; // versions 10+, tag 0 in 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseTopicProduceResponse {
  name: string; // versions 0-12, ignorable
  topicId: string; // versions 13+, ignorable
  partitionResponses: ProduceResponsePartitionProduceResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseTopicProduceResponseInput {
  name?: string; // versions 0-12, ignorable
  topicId?: string; // versions 13+, ignorable
  partitionResponses: readonly ProduceResponsePartitionProduceResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponsePartitionProduceResponse {
  index: number; // versions 0+
  errorCode: number; // versions 0+
  baseOffset: bigint; // versions 0+
  logAppendTimeMs: bigint; // versions 2+, ignorable
  logStartOffset: bigint; // versions 5+, ignorable
  recordErrors: ProduceResponseBatchIndexAndErrorMessage[]; // versions 8+, ignorable
  errorMessage: string | null; // versions 8+, nullable 8+, ignorable
  currentLeader: ProduceResponseLeaderIdAndEpoch; // versions 10+, tag 0 in 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponsePartitionProduceResponseInput {
  index: number; // versions 0+
  errorCode: number; // versions 0+
  baseOffset: bigint; // versions 0+
  logAppendTimeMs?: bigint; // versions 2+, ignorable
  logStartOffset?: bigint; // versions 5+, ignorable
  recordErrors?: readonly ProduceResponseBatchIndexAndErrorMessageInput[]; // versions 8+, ignorable
  errorMessage?: string | null; // versions 8+, nullable 8+, ignorable
  currentLeader?: ProduceResponseLeaderIdAndEpochInput; // versions 10+, tag 0 in 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseBatchIndexAndErrorMessage {
  batchIndex: number; // versions 8+
  batchIndexErrorMessage: string | null; // versions 8+, nullable 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseBatchIndexAndErrorMessageInput {
  batchIndex: number; // versions 8+
  batchIndexErrorMessage?: string | null; // versions 8+, nullable 8+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseLeaderIdAndEpoch {
  leaderId: number; // versions 10+
  leaderEpoch: number; // versions 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseLeaderIdAndEpochInput {
  leaderId?: number; // versions 10+
  leaderEpoch?: number; // versions 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseNodeEndpoint {
  nodeId: number; // versions 10+
  host: string; // versions 10+
  port: number; // versions 10+
  rack: string | null; // versions 10+, nullable 10+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceResponseNodeEndpointInput {
  nodeId: number; // versions 10+
  host: string; // versions 10+
  port: number; // versions 10+
  rack?: string | null; // versions 10+, nullable 10+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceResponse(): ProduceResponse {
  return { responses: [], throttleTimeMs: 0, nodeEndpoints: [] };
}

export function defaultProduceResponseTopicProduceResponse(): ProduceResponseTopicProduceResponse {
  return { name: "", topicId: ZERO_UUID, partitionResponses: [] };
}

export function defaultProduceResponsePartitionProduceResponse(): ProduceResponsePartitionProduceResponse {
  return { index: 0, errorCode: 0, baseOffset: 0n, logAppendTimeMs: -1n, logStartOffset: -1n, recordErrors: [], errorMessage: null, currentLeader: defaultProduceResponseLeaderIdAndEpoch() };
}

export function defaultProduceResponseBatchIndexAndErrorMessage(): ProduceResponseBatchIndexAndErrorMessage {
  return { batchIndex: 0, batchIndexErrorMessage: null };
}

export function defaultProduceResponseLeaderIdAndEpoch(): ProduceResponseLeaderIdAndEpoch {
  return { leaderId: -1, leaderEpoch: -1 };
}

export function defaultProduceResponseNodeEndpoint(): ProduceResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0, rack: null };
}

function writeProduceResponse(w: Writer, v: ProduceResponseInput, version: number): void {
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, version >= 9, nonNull(v_responses, "ProduceResponse", "responses", version), (ew, e) => writeProduceResponseTopicProduceResponse(ew, e, version));
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  if (!(version >= 10) && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) unsupportedField("ProduceResponse", "nodeEndpoints", version);
  if (version >= 9) {
    let tagged = v._unknownTaggedFields?.slice();
    if (version >= 10 && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) {
      const x = v.nodeEndpoints!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        writeArray(tw, true, nonNull(x, "ProduceResponse", "nodeEndpoints", version), (ew, e) => writeProduceResponseNodeEndpoint(ew, e, version));
      }));
    }
    w.taggedFields(tagged);
  }
}

function readProduceResponse(r: Reader, version: number): ProduceResponse {
  const f_responses: ProduceResponseTopicProduceResponse[] = readArray(r, version >= 9, 1, (er) => readProduceResponseTopicProduceResponse(er, version));
  const f_throttleTimeMs: number = r.int32();
  let f_nodeEndpoints: ProduceResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          if (!(version >= 10)) return false;
          f_nodeEndpoints = readArray(tr, true, 1, (er) => readProduceResponseNodeEndpoint(er, version));
          return true;
        default:
          return false;
      }
    });
  }
  const value: ProduceResponse = { responses: f_responses, throttleTimeMs: f_throttleTimeMs, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeProduceResponseTopicProduceResponse(w: Writer, v: ProduceResponseTopicProduceResponseInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version <= 12) {
    if (version >= 9) w.compactString(nonNull(v_name, "ProduceResponse", "name", version));
    else w.string(nonNull(v_name, "ProduceResponse", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 13) {
    w.uuid(v_topicId);
  }
  const v_partitionResponses = v.partitionResponses === undefined ? [] : v.partitionResponses;
  writeArray(w, version >= 9, nonNull(v_partitionResponses, "ProduceResponse", "partitionResponses", version), (ew, e) => writeProduceResponsePartitionProduceResponse(ew, e, version));
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readProduceResponseTopicProduceResponse(r: Reader, version: number): ProduceResponseTopicProduceResponse {
  const f_name: string = version <= 12 ? (version >= 9 ? r.compactString() : r.string()) : "";
  const f_topicId: string = version >= 13 ? r.uuid() : ZERO_UUID;
  const f_partitionResponses: ProduceResponsePartitionProduceResponse[] = readArray(r, version >= 9, 22, (er) => readProduceResponsePartitionProduceResponse(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: ProduceResponseTopicProduceResponse = { name: f_name, topicId: f_topicId, partitionResponses: f_partitionResponses };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeProduceResponsePartitionProduceResponse(w: Writer, v: ProduceResponsePartitionProduceResponseInput, version: number): void {
  const v_index = v.index === undefined ? 0 : v.index;
  w.int32(v_index);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_baseOffset = v.baseOffset === undefined ? 0n : v.baseOffset;
  w.int64(v_baseOffset);
  const v_logAppendTimeMs = v.logAppendTimeMs === undefined ? -1n : v.logAppendTimeMs;
  w.int64(v_logAppendTimeMs);
  const v_logStartOffset = v.logStartOffset === undefined ? -1n : v.logStartOffset;
  if (version >= 5) {
    w.int64(v_logStartOffset);
  }
  const v_recordErrors = v.recordErrors === undefined ? [] : v.recordErrors;
  if (version >= 8) {
    writeArray(w, version >= 9, nonNull(v_recordErrors, "ProduceResponse", "recordErrors", version), (ew, e) => writeProduceResponseBatchIndexAndErrorMessage(ew, e, version));
  }
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  if (version >= 8) {
    if (version >= 9) w.compactNullableString(v_errorMessage);
    else w.nullableString(v_errorMessage);
  }
  if (!(version >= 10) && v.currentLeader !== undefined && (v.currentLeader === null || !isDefaultValue(v.currentLeader, defaultProduceResponseLeaderIdAndEpoch()))) unsupportedField("ProduceResponse", "currentLeader", version);
  if (version >= 9) {
    let tagged = v._unknownTaggedFields?.slice();
    if (version >= 10 && v.currentLeader !== undefined && (v.currentLeader === null || !isDefaultValue(v.currentLeader, defaultProduceResponseLeaderIdAndEpoch()))) {
      const x = v.currentLeader!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        writeProduceResponseLeaderIdAndEpoch(tw, nonNull(x, "ProduceResponse", "currentLeader", version), version);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readProduceResponsePartitionProduceResponse(r: Reader, version: number): ProduceResponsePartitionProduceResponse {
  const f_index: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_baseOffset: bigint = r.int64();
  const f_logAppendTimeMs: bigint = r.int64();
  const f_logStartOffset: bigint = version >= 5 ? r.int64() : -1n;
  const f_recordErrors: ProduceResponseBatchIndexAndErrorMessage[] = version >= 8 ? readArray(r, version >= 9, 1, (er) => readProduceResponseBatchIndexAndErrorMessage(er, version)) : [];
  const f_errorMessage: string | null = version >= 8 ? (version >= 9 ? r.compactNullableString() : r.nullableString()) : null;
  let f_currentLeader: ProduceResponseLeaderIdAndEpoch = defaultProduceResponseLeaderIdAndEpoch();
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          if (!(version >= 10)) return false;
          f_currentLeader = readProduceResponseLeaderIdAndEpoch(tr, version);
          return true;
        default:
          return false;
      }
    });
  }
  const value: ProduceResponsePartitionProduceResponse = { index: f_index, errorCode: f_errorCode, baseOffset: f_baseOffset, logAppendTimeMs: f_logAppendTimeMs, logStartOffset: f_logStartOffset, recordErrors: f_recordErrors, errorMessage: f_errorMessage, currentLeader: f_currentLeader };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeProduceResponseBatchIndexAndErrorMessage(w: Writer, v: ProduceResponseBatchIndexAndErrorMessageInput, version: number): void {
  const v_batchIndex = v.batchIndex === undefined ? 0 : v.batchIndex;
  w.int32(v_batchIndex);
  const v_batchIndexErrorMessage = v.batchIndexErrorMessage === undefined ? null : v.batchIndexErrorMessage;
  if (version >= 9) w.compactNullableString(v_batchIndexErrorMessage);
  else w.nullableString(v_batchIndexErrorMessage);
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readProduceResponseBatchIndexAndErrorMessage(r: Reader, version: number): ProduceResponseBatchIndexAndErrorMessage {
  const f_batchIndex: number = r.int32();
  const f_batchIndexErrorMessage: string | null = (version >= 9 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: ProduceResponseBatchIndexAndErrorMessage = { batchIndex: f_batchIndex, batchIndexErrorMessage: f_batchIndexErrorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeProduceResponseLeaderIdAndEpoch(w: Writer, v: ProduceResponseLeaderIdAndEpochInput, version: number): void {
  const v_leaderId = v.leaderId === undefined ? -1 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readProduceResponseLeaderIdAndEpoch(r: Reader, version: number): ProduceResponseLeaderIdAndEpoch {
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: ProduceResponseLeaderIdAndEpoch = { leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeProduceResponseNodeEndpoint(w: Writer, v: ProduceResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "ProduceResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  const v_rack = v.rack === undefined ? null : v.rack;
  w.compactNullableString(v_rack);
  w.taggedFields(v._unknownTaggedFields);
}

function readProduceResponseNodeEndpoint(r: Reader, version: number): ProduceResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.int32();
  const f_rack: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: ProduceResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port, rack: f_rack };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeProduceResponse(w: Writer, value: ProduceResponseInput, version: number): void {
  checkVersion("ProduceResponse", version, 3, 13);
  writeProduceResponse(w, value, version);
}

export function decodeProduceResponse(r: Reader, version: number): ProduceResponse {
  if (version < 3 || version > 13) r.fail(`ProduceResponse has no version ${version}`);
  return readProduceResponse(r, version);
}
