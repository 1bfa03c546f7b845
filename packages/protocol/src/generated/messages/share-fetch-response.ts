// Generated from Kafka's clients/ShareFetchResponse.json by packages/protocol/generator. Do not edit.
// response 78, versions 1-2, flexible 1-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ShareFetchResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  acquisitionLockTimeoutMs: number; // versions 1+
  responses: ShareFetchResponseShareFetchableTopicResponse[]; // versions 0+
  nodeEndpoints: ShareFetchResponseNodeEndpoint[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  acquisitionLockTimeoutMs: number; // versions 1+
  responses: readonly ShareFetchResponseShareFetchableTopicResponseInput[]; // versions 0+
  nodeEndpoints: readonly ShareFetchResponseNodeEndpointInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseShareFetchableTopicResponse {
  topicId: string; // versions 0+
  partitions: ShareFetchResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseShareFetchableTopicResponseInput {
  topicId: string; // versions 0+
  partitions: readonly ShareFetchResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  acknowledgeErrorCode: number; // versions 0+
  acknowledgeErrorMessage: string | null; // versions 0+, nullable 0+
  currentLeader: ShareFetchResponseLeaderIdAndEpoch; // versions 0+
  records: Buffer; // versions 0+, nullable 0
  acquiredRecords: ShareFetchResponseAcquiredRecords[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  acknowledgeErrorCode: number; // versions 0+
  acknowledgeErrorMessage?: string | null; // versions 0+, nullable 0+
  currentLeader?: ShareFetchResponseLeaderIdAndEpochInput; // versions 0+
  records: Buffer; // versions 0+, nullable 0
  acquiredRecords: readonly ShareFetchResponseAcquiredRecordsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseLeaderIdAndEpoch {
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseLeaderIdAndEpochInput {
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseAcquiredRecords {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  deliveryCount: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseAcquiredRecordsInput {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  deliveryCount: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseNodeEndpoint {
  nodeId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchResponseNodeEndpointInput {
  nodeId: number; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  rack?: string | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareFetchResponse(): ShareFetchResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, acquisitionLockTimeoutMs: 0, responses: [], nodeEndpoints: [] };
}

export function defaultShareFetchResponseShareFetchableTopicResponse(): ShareFetchResponseShareFetchableTopicResponse {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultShareFetchResponsePartitionData(): ShareFetchResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, errorMessage: null, acknowledgeErrorCode: 0, acknowledgeErrorMessage: null, currentLeader: defaultShareFetchResponseLeaderIdAndEpoch(), records: EMPTY_BYTES, acquiredRecords: [] };
}

export function defaultShareFetchResponseLeaderIdAndEpoch(): ShareFetchResponseLeaderIdAndEpoch {
  return { leaderId: 0, leaderEpoch: 0 };
}

export function defaultShareFetchResponseAcquiredRecords(): ShareFetchResponseAcquiredRecords {
  return { firstOffset: 0n, lastOffset: 0n, deliveryCount: 0 };
}

export function defaultShareFetchResponseNodeEndpoint(): ShareFetchResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0, rack: null };
}

function writeShareFetchResponse(w: Writer, v: ShareFetchResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_acquisitionLockTimeoutMs = v.acquisitionLockTimeoutMs === undefined ? 0 : v.acquisitionLockTimeoutMs;
  w.int32(v_acquisitionLockTimeoutMs);
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, true, nonNull(v_responses, "ShareFetchResponse", "responses", version), (ew, e) => writeShareFetchResponseShareFetchableTopicResponse(ew, e, version));
  const v_nodeEndpoints = v.nodeEndpoints === undefined ? [] : v.nodeEndpoints;
  writeArray(w, true, nonNull(v_nodeEndpoints, "ShareFetchResponse", "nodeEndpoints", version), (ew, e) => writeShareFetchResponseNodeEndpoint(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchResponse(r: Reader, version: number): ShareFetchResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_acquisitionLockTimeoutMs: number = r.int32();
  const f_responses: ShareFetchResponseShareFetchableTopicResponse[] = readArray(r, true, 17, (er) => readShareFetchResponseShareFetchableTopicResponse(er, version));
  const f_nodeEndpoints: ShareFetchResponseNodeEndpoint[] = readArray(r, true, 10, (er) => readShareFetchResponseNodeEndpoint(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareFetchResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, acquisitionLockTimeoutMs: f_acquisitionLockTimeoutMs, responses: f_responses, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchResponseShareFetchableTopicResponse(w: Writer, v: ShareFetchResponseShareFetchableTopicResponseInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareFetchResponse", "partitions", version), (ew, e) => writeShareFetchResponsePartitionData(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchResponseShareFetchableTopicResponse(r: Reader, version: number): ShareFetchResponseShareFetchableTopicResponse {
  const f_topicId: string = r.uuid();
  const f_partitions: ShareFetchResponsePartitionData[] = readArray(r, true, 20, (er) => readShareFetchResponsePartitionData(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareFetchResponseShareFetchableTopicResponse = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchResponsePartitionData(w: Writer, v: ShareFetchResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_acknowledgeErrorCode = v.acknowledgeErrorCode === undefined ? 0 : v.acknowledgeErrorCode;
  w.int16(v_acknowledgeErrorCode);
  const v_acknowledgeErrorMessage = v.acknowledgeErrorMessage === undefined ? null : v.acknowledgeErrorMessage;
  w.compactNullableString(v_acknowledgeErrorMessage);
  const v_currentLeader = v.currentLeader === undefined ? defaultShareFetchResponseLeaderIdAndEpoch() : v.currentLeader;
  writeShareFetchResponseLeaderIdAndEpoch(w, nonNull(v_currentLeader, "ShareFetchResponse", "currentLeader", version), version);
  const v_records = v.records === undefined ? EMPTY_BYTES : v.records;
  w.compactBytes(nonNull(v_records, "ShareFetchResponse", "records", version));
  const v_acquiredRecords = v.acquiredRecords === undefined ? [] : v.acquiredRecords;
  writeArray(w, true, nonNull(v_acquiredRecords, "ShareFetchResponse", "acquiredRecords", version), (ew, e) => writeShareFetchResponseAcquiredRecords(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchResponsePartitionData(r: Reader, version: number): ShareFetchResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_acknowledgeErrorCode: number = r.int16();
  const f_acknowledgeErrorMessage: string | null = r.compactNullableString();
  const f_currentLeader: ShareFetchResponseLeaderIdAndEpoch = readShareFetchResponseLeaderIdAndEpoch(r, version);
  const f_records: Buffer = r.compactBytes();
  const f_acquiredRecords: ShareFetchResponseAcquiredRecords[] = readArray(r, true, 18, (er) => readShareFetchResponseAcquiredRecords(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareFetchResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, errorMessage: f_errorMessage, acknowledgeErrorCode: f_acknowledgeErrorCode, acknowledgeErrorMessage: f_acknowledgeErrorMessage, currentLeader: f_currentLeader, records: f_records, acquiredRecords: f_acquiredRecords };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchResponseLeaderIdAndEpoch(w: Writer, v: ShareFetchResponseLeaderIdAndEpochInput, version: number): void {
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchResponseLeaderIdAndEpoch(r: Reader, version: number): ShareFetchResponseLeaderIdAndEpoch {
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: ShareFetchResponseLeaderIdAndEpoch = { leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchResponseAcquiredRecords(w: Writer, v: ShareFetchResponseAcquiredRecordsInput, version: number): void {
  const v_firstOffset = v.firstOffset === undefined ? 0n : v.firstOffset;
  w.int64(v_firstOffset);
  const v_lastOffset = v.lastOffset === undefined ? 0n : v.lastOffset;
  w.int64(v_lastOffset);
  const v_deliveryCount = v.deliveryCount === undefined ? 0 : v.deliveryCount;
  w.int16(v_deliveryCount);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchResponseAcquiredRecords(r: Reader, version: number): ShareFetchResponseAcquiredRecords {
  const f_firstOffset: bigint = r.int64();
  const f_lastOffset: bigint = r.int64();
  const f_deliveryCount: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: ShareFetchResponseAcquiredRecords = { firstOffset: f_firstOffset, lastOffset: f_lastOffset, deliveryCount: f_deliveryCount };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchResponseNodeEndpoint(w: Writer, v: ShareFetchResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "ShareFetchResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  const v_rack = v.rack === undefined ? null : v.rack;
  w.compactNullableString(v_rack);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchResponseNodeEndpoint(r: Reader, version: number): ShareFetchResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.int32();
  const f_rack: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: ShareFetchResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port, rack: f_rack };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareFetchResponse(w: Writer, value: ShareFetchResponseInput, version: number): void {
  checkVersion("ShareFetchResponse", version, 1, 2);
  writeShareFetchResponse(w, value, version);
}

export function decodeShareFetchResponse(r: Reader, version: number): ShareFetchResponse {
  if (version < 1 || version > 2) r.fail(`ShareFetchResponse has no version ${version}`);
  return readShareFetchResponse(r, version);
}
