// Generated from Kafka's clients/FetchSnapshotResponse.json by packages/protocol/generator. Do not edit.
// response 59, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, isDefaultValue, nonNull, readArray, readNullableArray, taggedValue, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface FetchSnapshotResponse {
  throttleTimeMs: number; // versions 0+, ignorable
  errorCode: number; // versions 0+
  topics: FetchSnapshotResponseTopicSnapshot[]; // versions 0+
  nodeEndpoints: FetchSnapshotResponseNodeEndpoint[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseInput {
  throttleTimeMs: number; // versions 0+, ignorable
  errorCode: number; // versions 0+
  topics: readonly FetchSnapshotResponseTopicSnapshotInput[]; // versions 0+
  nodeEndpoints?: readonly FetchSnapshotResponseNodeEndpointInput[]; // versions 1+, tag 0 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseTopicSnapshot {
  name: string; // versions 0+
  partitions: FetchSnapshotResponsePartitionSnapshot[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseTopicSnapshotInput {
  name: string; // versions 0+
  partitions: readonly FetchSnapshotResponsePartitionSnapshotInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponsePartitionSnapshot {
  index: number; // versions 0+
  errorCode: number; // versions 0+
  snapshotId: FetchSnapshotResponseSnapshotId; // versions 0+
  currentLeader: FetchSnapshotResponseLeaderIdAndEpoch; // versions 0+, tag 0 in 0+
  size: bigint; // versions 0+
  position: bigint; // versions 0+
  unalignedRecords: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponsePartitionSnapshotInput {
  index: number; // versions 0+
  errorCode: number; // versions 0+
  snapshotId?: FetchSnapshotResponseSnapshotIdInput; // versions 0+
  currentLeader?: FetchSnapshotResponseLeaderIdAndEpochInput; // versions 0+, tag 0 in 0+
  size: bigint; // versions 0+
  position: bigint; // versions 0+
  unalignedRecords: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseSnapshotId {
  endOffset: bigint; // versions 0+
  epoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseSnapshotIdInput {
  endOffset: bigint; // versions 0+
  epoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseLeaderIdAndEpoch {
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseLeaderIdAndEpochInput {
  leaderId: number; // versions 0+
  leaderEpoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseNodeEndpoint {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotResponseNodeEndpointInput {
  nodeId: number; // versions 1+
  host: string; // versions 1+
  port: number; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotResponse(): FetchSnapshotResponse {
  return { throttleTimeMs: 0, errorCode: 0, topics: [], nodeEndpoints: [] };
}

export function defaultFetchSnapshotResponseTopicSnapshot(): FetchSnapshotResponseTopicSnapshot {
  return { name: "", partitions: [] };
}

export function defaultFetchSnapshotResponsePartitionSnapshot(): FetchSnapshotResponsePartitionSnapshot {
  return { index: 0, errorCode: 0, snapshotId: defaultFetchSnapshotResponseSnapshotId(), currentLeader: defaultFetchSnapshotResponseLeaderIdAndEpoch(), size: 0n, position: 0n, unalignedRecords: EMPTY_BYTES };
}

export function defaultFetchSnapshotResponseSnapshotId(): FetchSnapshotResponseSnapshotId {
  return { endOffset: 0n, epoch: 0 };
}

export function defaultFetchSnapshotResponseLeaderIdAndEpoch(): FetchSnapshotResponseLeaderIdAndEpoch {
  return { leaderId: 0, leaderEpoch: 0 };
}

export function defaultFetchSnapshotResponseNodeEndpoint(): FetchSnapshotResponseNodeEndpoint {
  return { nodeId: 0, host: "", port: 0 };
}

function writeFetchSnapshotResponse(w: Writer, v: FetchSnapshotResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "FetchSnapshotResponse", "topics", version), (ew, e) => writeFetchSnapshotResponseTopicSnapshot(ew, e, version));
  if (!(version >= 1) && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) unsupportedField("FetchSnapshotResponse", "nodeEndpoints", version);
  let tagged = v._unknownTaggedFields?.slice();
  if (version >= 1 && v.nodeEndpoints !== undefined && (v.nodeEndpoints === null || v.nodeEndpoints.length > 0)) {
    const x = v.nodeEndpoints!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      writeArray(tw, true, nonNull(x, "FetchSnapshotResponse", "nodeEndpoints", version), (ew, e) => writeFetchSnapshotResponseNodeEndpoint(ew, e, version));
    }));
  }
  w.taggedFields(tagged);
}

function readFetchSnapshotResponse(r: Reader, version: number): FetchSnapshotResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_topics: FetchSnapshotResponseTopicSnapshot[] = readArray(r, true, 2, (er) => readFetchSnapshotResponseTopicSnapshot(er, version));
  let f_nodeEndpoints: FetchSnapshotResponseNodeEndpoint[] = [];
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        if (!(version >= 1)) return false;
        f_nodeEndpoints = readArray(tr, true, 1, (er) => readFetchSnapshotResponseNodeEndpoint(er, version));
        return true;
      default:
        return false;
    }
  });
  const value: FetchSnapshotResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, topics: f_topics, nodeEndpoints: f_nodeEndpoints };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotResponseTopicSnapshot(w: Writer, v: FetchSnapshotResponseTopicSnapshotInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "FetchSnapshotResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "FetchSnapshotResponse", "partitions", version), (ew, e) => writeFetchSnapshotResponsePartitionSnapshot(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchSnapshotResponseTopicSnapshot(r: Reader, version: number): FetchSnapshotResponseTopicSnapshot {
  const f_name: string = r.compactString();
  const f_partitions: FetchSnapshotResponsePartitionSnapshot[] = readArray(r, true, 35, (er) => readFetchSnapshotResponsePartitionSnapshot(er, version));
  const unknown = r.taggedFields(null);
  const value: FetchSnapshotResponseTopicSnapshot = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotResponsePartitionSnapshot(w: Writer, v: FetchSnapshotResponsePartitionSnapshotInput, version: number): void {
  const v_index = v.index === undefined ? 0 : v.index;
  w.int32(v_index);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_snapshotId = v.snapshotId === undefined ? defaultFetchSnapshotResponseSnapshotId() : v.snapshotId;
  writeFetchSnapshotResponseSnapshotId(w, nonNull(v_snapshotId, "FetchSnapshotResponse", "snapshotId", version), version);
  const v_size = v.size === undefined ? 0n : v.size;
  w.int64(v_size);
  const v_position = v.position === undefined ? 0n : v.position;
  w.int64(v_position);
  const v_unalignedRecords = v.unalignedRecords === undefined ? EMPTY_BYTES : v.unalignedRecords;
  w.compactBytes(nonNull(v_unalignedRecords, "FetchSnapshotResponse", "unalignedRecords", version));
  let tagged = v._unknownTaggedFields?.slice();
  if (v.currentLeader !== undefined && (v.currentLeader === null || !isDefaultValue(v.currentLeader, defaultFetchSnapshotResponseLeaderIdAndEpoch()))) {
    const x = v.currentLeader!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      writeFetchSnapshotResponseLeaderIdAndEpoch(tw, nonNull(x, "FetchSnapshotResponse", "currentLeader", version), version);
    }));
  }
  w.taggedFields(tagged);
}

function readFetchSnapshotResponsePartitionSnapshot(r: Reader, version: number): FetchSnapshotResponsePartitionSnapshot {
  const f_index: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_snapshotId: FetchSnapshotResponseSnapshotId = readFetchSnapshotResponseSnapshotId(r, version);
  let f_currentLeader: FetchSnapshotResponseLeaderIdAndEpoch = defaultFetchSnapshotResponseLeaderIdAndEpoch();
  const f_size: bigint = r.int64();
  const f_position: bigint = r.int64();
  const f_unalignedRecords: Buffer = r.compactBytes();
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_currentLeader = readFetchSnapshotResponseLeaderIdAndEpoch(tr, version);
        return true;
      default:
        return false;
    }
  });
  const value: FetchSnapshotResponsePartitionSnapshot = { index: f_index, errorCode: f_errorCode, snapshotId: f_snapshotId, currentLeader: f_currentLeader, size: f_size, position: f_position, unalignedRecords: f_unalignedRecords };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotResponseSnapshotId(w: Writer, v: FetchSnapshotResponseSnapshotIdInput, version: number): void {
  const v_endOffset = v.endOffset === undefined ? 0n : v.endOffset;
  w.int64(v_endOffset);
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchSnapshotResponseSnapshotId(r: Reader, version: number): FetchSnapshotResponseSnapshotId {
  const f_endOffset: bigint = r.int64();
  const f_epoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: FetchSnapshotResponseSnapshotId = { endOffset: f_endOffset, epoch: f_epoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotResponseLeaderIdAndEpoch(w: Writer, v: FetchSnapshotResponseLeaderIdAndEpochInput, version: number): void {
  const v_leaderId = v.leaderId === undefined ? 0 : v.leaderId;
  w.int32(v_leaderId);
  const v_leaderEpoch = v.leaderEpoch === undefined ? 0 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchSnapshotResponseLeaderIdAndEpoch(r: Reader, version: number): FetchSnapshotResponseLeaderIdAndEpoch {
  const f_leaderId: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: FetchSnapshotResponseLeaderIdAndEpoch = { leaderId: f_leaderId, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotResponseNodeEndpoint(w: Writer, v: FetchSnapshotResponseNodeEndpointInput, version: number): void {
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "FetchSnapshotResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchSnapshotResponseNodeEndpoint(r: Reader, version: number): FetchSnapshotResponseNodeEndpoint {
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: FetchSnapshotResponseNodeEndpoint = { nodeId: f_nodeId, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeFetchSnapshotResponse(w: Writer, value: FetchSnapshotResponseInput, version: number): void {
  checkVersion("FetchSnapshotResponse", version, 0, 1);
  writeFetchSnapshotResponse(w, value, version);
}

export function decodeFetchSnapshotResponse(r: Reader, version: number): FetchSnapshotResponse {
  if (version < 0 || version > 1) r.fail(`FetchSnapshotResponse has no version ${version}`);
  return readFetchSnapshotResponse(r, version);
}
