// Generated from Kafka's clients/FetchResponse.json by packages/protocol/generator. Do not edit.
// response 1, versions 4-18, flexible 12-18
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, isDefaultValue, nonNull, readArray, readNullableArray, taggedValue, unsupportedField, writeArray, writeNullableArray } from '../../primitives/codec-support.ts';

export interface FetchResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  errorCode: number; // versions 7+, ignorable
  sessionId: number; // versions 7+
  responses: FetchResponseFetchableTopicResponse[]; // versions 0+
  nodeEndpoints: FetchResponseNodeEndpoint[]; // versions 16+, tag 0 in 16+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseInput {
  throttleTimeMs: number; // versions 1+, ignorable
  errorCode?: number; // versions 7+, ignorable
  sessionId?: number; // versions 7+
  responses: readonly FetchResponseFetchableTopicResponseInput[]; // versions 0+
  nodeEndpoints?: readonly FetchResponseNodeEndpointInput[]; // versions 16+, tag 0 in 16+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseFetchableTopicResponse {
  topic: string; // versions 0-12, ignorable
  topicId: string; // versions 13+, ignorable
  partitions: FetchResponsePartitionData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseFetchableTopicResponseInput {
  topic?: string; // versions 0-12, ignorable
  topicId?: string; // versions 13+, ignorable
  partitions: readonly FetchResponsePartitionDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponsePartitionData {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  highWatermark: bigint; // versions 0+
  lastStableOffset: bigint; // versions 4+, ignorable
  logStartOffset: bigint; // versions 5+, ignorable
  divergingEpoch: FetchResponseEpochEndOffset; // versions 12+, tag 0 in 12+
  currentLeader: FetchResponseLeaderIdAndEpoch; // versions 12+, tag 1 in 12+
  snapshotId: FetchResponseSnapshotId; // versions 12+, tag 2 in 12+
  abortedTransactions: FetchResponseAbortedTransaction[] | null; // versions 4+, nullable 4+, ignorable
  preferredReadReplica: number; // versions 11+
  records: Buffer | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponsePartitionDataInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  highWatermark: bigint; // versions 0+
  lastStableOffset?: bigint; // versions 4+, ignorable
  logStartOffset?: bigint; // versions 5+, ignorable
  divergingEpoch?: FetchResponseEpochEndOffsetInput; // versions 12+, tag 0 in 12+
  currentLeader?: FetchResponseLeaderIdAndEpochInput; // versions 12+, tag 1 in 12+
  snapshotId?: FetchResponseSnapshotIdInput; // versions 12+, tag 2 in 12+
  abortedTransactions: readonly FetchResponseAbortedTransactionInput[] | null; // versions 4+, nullable 4+, ignorable
  preferredReadReplica?: number; // versions 11+
  records: Buffer | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseEpochEndOffset {
  epoch: number; // versions 12+
  endOffset: bigint; // versions 12+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseEpochEndOffsetInput {
  epoch?: number; // versions 12+
  endOffset?: bigint; // versions 12+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseLeaderIdAndEpoch {
  leaderId: number; // versions 12+
  leaderEpoch: number; // versions 12+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseLeaderIdAndEpochInput {
  leaderId?: number; // versions 12+
  leaderEpoch?: number; // versions 12+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseSnapshotId {
  endOffset: bigint; // versions 0+
  epoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseSnapshotIdInput {
  endOffset?: bigint; // versions 0+
  epoch?: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseAbortedTransaction {
  producerId: bigint; // versions 4+
  firstOffset: bigint; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseAbortedTransactionInput {
  producerId: bigint; // versions 4+
  firstOffset: bigint; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseNodeEndpoint {
  nodeId: number; // versions 16+
  host: string; // versions 16+
  port: number; // versions 16+
  rack: string | null; // versions 16+, nullable 16+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchResponseNodeEndpointInput {
  nodeId: number; // versions 16+
  host: string; // versions 16+
  port: number; // versions 16+
  rack?: string | null; // versions 16+, nullable 16+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchResponse(): FetchResponse {
  return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: [], nodeEndpoints: [] };
}

export function defaultFetchResponseFetchableTopicResponse(): FetchResponseFetchableTopicResponse {
  return { topic: "", topicId: ZERO_UUID, partitions: [] };
}

export function defaultFetchResponsePartitionData(): FetchResponsePartitionData {
  return { partitionIndex: 0, errorCode: 0, highWatermark: 0n, lastStableOffset: -1n, logStartOffset: -1n, divergingEpoch: defaultFetchResponseEpochEndOffset(), currentLeader: defaultFetchResponseLeaderIdAndEpoch(), snapshotId: defaultFetchResponseSnapshotId(), abortedTransactions: [], preferredReadReplica: -1, records: null };
}

export function defaultFetchResponseEpochEndOffset(): FetchResponseEpochEndOffset {
  return { epoch: -1, endOffset: -1n };
}

export function defaultFetchResponseLeaderIdAndEpoch(): FetchResponseLeaderIdAndEpoch {
  return { leaderId: -1, leaderEpoch: -1 };
}

export function defaultFetchResponseSnapshotId(): FetchResponseSnapshotId {
  return { endOffset: -1n, epoch: -1 };
}

export function defaultFetchResponseAbortedTransaction(): FetchResponseAbortedTransaction {
  return { producerId: 0n, firstOffset: 0n };
}

export function defaultFetchResponseNodeEndpoint(): FetchResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0, rack: null };
}

function writeFetchResponse(w: Writer, v: FetchResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  if (version >= 7) {
    w.int16(v_errorCode);
  }
  const v_sessionId = v.sessionId === undefined ? 0 : v.sessionId;
  if (version >= 7) {
    w.int32(v_sessionId);
  } else if (v.sessionId !== undefined && v.sessionId !== 0) {
    unsupportedField("FetchResponse", "sessionId", version);
  }
  const v_responses = v.responses === undefined ? [] : v.responses;
  writeArray(w, version >= 12, nonNull(v_responses, "FetchResponse", "responses", version), (ew, e) => writeFetchResponseFetchableTopicResponse(ew, e, version));
  if (!(version >= 16) && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) unsupportedField("FetchResponse", "nodeEndpoints", version);
  if (version >= 12) {
    let tagged = v._unknownTaggedFields?.slice();
    if (version >= 16 && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) {
      const x = v.nodeEndpoints!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        writeArray(tw, true, nonNull(x, "FetchResponse", "nodeEndpoints", version), (ew, e) => writeFetchResponseNodeEndpoint(ew, e, version));
      }));
    }
    w.taggedFields(tagged);
  }
}

function readFetchResponse(r: Reader, version: number): FetchResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = version >= 7 ? r.int16() : 0;
  const f_sessionId: number = version >= 7 ? r.int32() : 0;
  const f_responses: FetchResponseFetchableTopicResponse[] = readArray(r, version >= 12, 1, (er) => readFetchResponseFetchableTopicResponse(er, version));
  let f_nodeEndpoints: FetchResponseNodeEndpoint[] = [];
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          if (!(version >= 16)) return false;
          f_nodeEndpoints = readArray(tr, true, 1, (er) => readFetchResponseNodeEndpoint(er, version));
          return true;
        default:
          return false;
      }
    });
  }
  const value: FetchResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, sessionId: f_sessionId, responses: f_responses, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchResponseFetchableTopicResponse(w: Writer, v: FetchResponseFetchableTopicResponseInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version <= 12) {
    if (version >= 12) w.compactString(nonNull(v_topic, "FetchResponse", "topic", version));
    else w.string(nonNull(v_topic, "FetchResponse", "topic", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 13) {
    w.uuid(v_topicId);
  }
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 12, nonNull(v_partitions, "FetchResponse", "partitions", version), (ew, e) => writeFetchResponsePartitionData(ew, e, version));
  if (version >= 12) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readFetchResponseFetchableTopicResponse(r: Reader, version: number): FetchResponseFetchableTopicResponse {
  const f_topic: string = version <= 12 ? (version >= 12 ? r.compactString() : r.string()) : "";
  const f_topicId: string = version >= 13 ? r.uuid() : ZERO_UUID;
  const f_partitions: FetchResponsePartitionData[] = readArray(r, version >= 12, 24, (er) => readFetchResponsePartitionData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields(null);
  }
  const value: FetchResponseFetchableTopicResponse = { topic: f_topic, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchResponsePartitionData(w: Writer, v: FetchResponsePartitionDataInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_highWatermark = v.highWatermark === undefined ? 0n : v.highWatermark;
  w.int64(v_highWatermark);
  const v_lastStableOffset = v.lastStableOffset === undefined ? -1n : v.lastStableOffset;
  w.int64(v_lastStableOffset);
  const v_logStartOffset = v.logStartOffset === undefined ? -1n : v.logStartOffset;
  if (version >= 5) {
    w.int64(v_logStartOffset);
  }
  if (!(version >= 12) && v.divergingEpoch !== undefined && (v.divergingEpoch === null || !isDefaultValue(v.divergingEpoch, defaultFetchResponseEpochEndOffset()))) unsupportedField("FetchResponse", "divergingEpoch", version);
  if (!(version >= 12) && v.currentLeader !== undefined && (v.currentLeader === null || !isDefaultValue(v.currentLeader, defaultFetchResponseLeaderIdAndEpoch()))) unsupportedField("FetchResponse", "currentLeader", version);
  if (!(version >= 12) && v.snapshotId !== undefined && (v.snapshotId === null || !isDefaultValue(v.snapshotId, defaultFetchResponseSnapshotId()))) unsupportedField("FetchResponse", "snapshotId", version);
  const v_abortedTransactions = v.abortedTransactions === undefined ? [] : v.abortedTransactions;
  writeNullableArray(w, version >= 12, v_abortedTransactions, (ew, e) => writeFetchResponseAbortedTransaction(ew, e, version));
  const v_preferredReadReplica = v.preferredReadReplica === undefined ? -1 : v.preferredReadReplica;
  if (version >= 11) {
    w.int32(v_preferredReadReplica);
  } else if (v.preferredReadReplica !== undefined && v.preferredReadReplica !== -1) {
    unsupportedField("FetchResponse", "preferredReadReplica", version);
  }
  const v_records = v.records === undefined ? null : v.records;
  if (version >= 12) w.compactNullableBytes(v_records);
  else w.nullableBytes(v_records);
  if (version >= 12) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.divergingEpoch !== undefined && (v.divergingEpoch === null || !isDefaultValue(v.divergingEpoch, defaultFetchResponseEpochEndOffset()))) {
      const x = v.divergingEpoch!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        writeFetchResponseEpochEndOffset(tw, nonNull(x, "FetchResponse", "divergingEpoch", version), version);
      }));
    }
    if (v.currentLeader !== undefined && (v.currentLeader === null || !isDefaultValue(v.currentLeader, defaultFetchResponseLeaderIdAndEpoch()))) {
      const x = v.currentLeader!;
      (tagged ??= []).push(taggedValue(1, (tw) => {
        writeFetchResponseLeaderIdAndEpoch(tw, nonNull(x, "FetchResponse", "currentLeader", version), version);
      }));
    }
    if (v.snapshotId !== undefined && (v.snapshotId === null || !isDefaultValue(v.snapshotId, defaultFetchResponseSnapshotId()))) {
      const x = v.snapshotId!;
      (tagged ??= []).push(taggedValue(2, (tw) => {
        writeFetchResponseSnapshotId(tw, nonNull(x, "FetchResponse", "snapshotId", version), version);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readFetchResponsePartitionData(r: Reader, version: number): FetchResponsePartitionData {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_highWatermark: bigint = r.int64();
  const f_lastStableOffset: bigint = r.int64();
  const f_logStartOffset: bigint = version >= 5 ? r.int64() : -1n;
  let f_divergingEpoch: FetchResponseEpochEndOffset = defaultFetchResponseEpochEndOffset();
  let f_currentLeader: FetchResponseLeaderIdAndEpoch = defaultFetchResponseLeaderIdAndEpoch();
  let f_snapshotId: FetchResponseSnapshotId = defaultFetchResponseSnapshotId();
  const f_abortedTransactions: FetchResponseAbortedTransaction[] | null = readNullableArray(r, version >= 12, 16, (er) => readFetchResponseAbortedTransaction(er, version));
  const f_preferredReadReplica: number = version >= 11 ? r.int32() : -1;
  const f_records: Buffer | null = (version >= 12 ? r.compactNullableBytes() : r.nullableBytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_divergingEpoch = readFetchResponseEpochEndOffset(tr, version);
          return true;
        case 1:
          f_currentLeader = readFetchResponseLeaderIdAndEpoch(tr, version);
          return true;
        case 2:
          f_snapshotId = readFetchResponseSnapshotId(tr, version);
          return true;
        default:
          return false;
      }
    });
  }
  const value: FetchResponsePartitionData = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, highWatermark: f_highWatermark, lastStableOffset: f_lastStableOffset, logStartOffset: f_logStartOffset, divergingEpoch: f_divergingEpoch, currentLeader: f_currentLeader, snapshotId: f_snapshotId, abortedTransactions: f_abortedTransactions, preferredReadReplica: f_preferredReadReplica, records: f_records };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchResponseEpochEndOffset(w: Writer, v: FetchResponseEpochEndOffsetInput, version: number): void {
  const v_epoch = v.epoch === undefined ? -1 : v.epoch;
  w.int32(v_epoch);
  const v_endOffset = v.endOffset === undefined ? -1n : v.endOffset;
  w.int64(v_endOffset);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchResponseEpochEndOffset(r: Reader, version: number): FetchResponseEpochEndOffset {
  const f_epoch: number = r.int32();
  const f_endOffset: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: FetchResponseEpochEndOffset = { epoch: f_epoch, endOffset: f_endOffset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchResponseLeaderIdAndEpoch(w: Writer, v: FetchResponseLeaderIdAndEpochInput, version: number): void {
  const v_leaderId = v.leaderId === undefined ? -1 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchResponseLeaderIdAndEpoch(r: Reader, version: number): FetchResponseLeaderIdAndEpoch {
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: FetchResponseLeaderIdAndEpoch = { leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchResponseSnapshotId(w: Writer, v: FetchResponseSnapshotIdInput, version: number): void {
  const v_endOffset = v.endOffset === undefined ? -1n : v.endOffset;
  w.int64(v_endOffset);
  const v_epoch = v.epoch === undefined ? -1 : v.epoch;
  w.int32(v_epoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchResponseSnapshotId(r: Reader, version: number): FetchResponseSnapshotId {
  const f_endOffset: bigint = r.int64();
  const f_epoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: FetchResponseSnapshotId = { endOffset: f_endOffset, epoch: f_epoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchResponseAbortedTransaction(w: Writer, v: FetchResponseAbortedTransactionInput, version: number): void {
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_firstOffset = v.firstOffset === undefined ? 0n : v.firstOffset;
  w.int64(v_firstOffset);
  if (version >= 12) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readFetchResponseAbortedTransaction(r: Reader, version: number): FetchResponseAbortedTransaction {
  const f_producerId: bigint = r.int64();
  const f_firstOffset: bigint = r.int64();
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields(null);
  }
  const value: FetchResponseAbortedTransaction = { producerId: f_producerId, firstOffset: f_firstOffset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchResponseNodeEndpoint(w: Writer, v: FetchResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "FetchResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  const v_rack = v.rack === undefined ? null : v.rack;
  w.compactNullableString(v_rack);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchResponseNodeEndpoint(r: Reader, version: number): FetchResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.int32();
  const f_rack: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: FetchResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port, rack: f_rack };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeFetchResponse(w: Writer, value: FetchResponseInput, version: number): void {
  checkVersion("FetchResponse", version, 4, 18);
  writeFetchResponse(w, value, version);
}

export function decodeFetchResponse(r: Reader, version: number): FetchResponse {
  if (version < 4 || version > 18) r.fail(`FetchResponse has no version ${version}`);
  return readFetchResponse(r, version);
}
