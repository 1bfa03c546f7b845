// Generated from Kafka's clients/ElectLeadersResponse.json by packages/protocol/generator. Do not edit.
// response 43, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface ElectLeadersResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 1+
  replicaElectionResults: ElectLeadersResponseReplicaElectionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode?: number; // versions 1+
  replicaElectionResults: readonly ElectLeadersResponseReplicaElectionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponseReplicaElectionResult {
  topic: string; // versions 0+
  partitionResult: ElectLeadersResponsePartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponseReplicaElectionResultInput {
  topic: string; // versions 0+
  partitionResult: readonly ElectLeadersResponsePartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponsePartitionResult {
  partitionId: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ElectLeadersResponsePartitionResultInput {
  partitionId: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultElectLeadersResponse(): ElectLeadersResponse {
  return { throttleTimeMs: 0, errorCode: 0, replicaElectionResults: [] };
}

export function defaultElectLeadersResponseReplicaElectionResult(): ElectLeadersResponseReplicaElectionResult {
  return { topic: "", partitionResult: [] };
}

export function defaultElectLeadersResponsePartitionResult(): ElectLeadersResponsePartitionResult {
  return { partitionId: 0, errorCode: 0, errorMessage: "" };
}

function writeElectLeadersResponse(w: Writer, v: ElectLeadersResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  if (version >= 1) {
    w.int16(v_errorCode);
  } else if (v.errorCode !== undefined && v.errorCode !== 0) {
    unsupportedField("ElectLeadersResponse", "errorCode", version);
  }
  const v_replicaElectionResults = v.replicaElectionResults === undefined ? [] : v.replicaElectionResults;
  writeArray(w, version >= 2, nonNull(v_replicaElectionResults, "ElectLeadersResponse", "replicaElectionResults", version), (ew, e) => writeElectLeadersResponseReplicaElectionResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readElectLeadersResponse(r: Reader, version: number): ElectLeadersResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = version >= 1 ? r.int16() : 0;
  const f_replicaElectionResults: ElectLeadersResponseReplicaElectionResult[] = readArray(r, version >= 2, 2, (er) => readElectLeadersResponseReplicaElectionResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: ElectLeadersResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, replicaElectionResults: f_replicaElectionResults };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeElectLeadersResponseReplicaElectionResult(w: Writer, v: ElectLeadersResponseReplicaElectionResultInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version >= 2) w.compactString(nonNull(v_topic, "ElectLeadersResponse", "topic", version));
  else w.string(nonNull(v_topic, "ElectLeadersResponse", "topic", version));
  const v_partitionResult = v.partitionResult === undefined ? [] : v.partitionResult;
  writeArray(w, version >= 2, nonNull(v_partitionResult, "ElectLeadersResponse", "partitionResult", version), (ew, e) => writeElectLeadersResponsePartitionResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readElectLeadersResponseReplicaElectionResult(r: Reader, version: number): ElectLeadersResponseReplicaElectionResult {
  const f_topic: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitionResult: ElectLeadersResponsePartitionResult[] = readArray(r, version >= 2, 7, (er) => readElectLeadersResponsePartitionResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: ElectLeadersResponseReplicaElectionResult = { topic: f_topic, partitionResult: f_partitionResult };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeElectLeadersResponsePartitionResult(w: Writer, v: ElectLeadersResponsePartitionResultInput, version: number): void {
  const v_partitionId = v.partitionId === undefined ? 0 : v.partitionId;
  w.int32(v_partitionId);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if (version >= 2) w.compactNullableString(v_errorMessage);
  else w.nullableString(v_errorMessage);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readElectLeadersResponsePartitionResult(r: Reader, version: number): ElectLeadersResponsePartitionResult {
  const f_partitionId: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = (version >= 2 ? r.compactNullableString() : r.nullableString());
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: ElectLeadersResponsePartitionResult = { partitionId: f_partitionId, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeElectLeadersResponse(w: Writer, value: ElectLeadersResponseInput, version: number): void {
  checkVersion("ElectLeadersResponse", version, 0, 2);
  writeElectLeadersResponse(w, value, version);
}

export function decodeElectLeadersResponse(r: Reader, version: number): ElectLeadersResponse {
  if (version < 0 || version > 2) r.fail(`ElectLeadersResponse has no version ${version}`);
  return readElectLeadersResponse(r, version);
}
