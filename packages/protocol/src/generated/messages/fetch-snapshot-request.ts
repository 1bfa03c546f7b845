// Generated from Kafka's clients/FetchSnapshotRequest.json by packages/protocol/generator. Do not edit.
// request 59, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, taggedValue, writeArray } from '../../primitives/codec-support.ts';

export interface FetchSnapshotRequest {
  clusterId: string | null; // versions 0+, tag 0 in 0+, nullable 0+
  replicaId: number; // versions 0+
  maxBytes: number; // versions 0+
  topics: FetchSnapshotRequestTopicSnapshot[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestInput {
  clusterId?: string | null; // versions 0+, tag 0 in 0+, nullable 0+
  replicaId?: number; // versions 0+
  maxBytes?: number; // versions 0+
  topics: readonly FetchSnapshotRequestTopicSnapshotInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestTopicSnapshot {
  name: string; // versions 0+
  partitions: FetchSnapshotRequestPartitionSnapshot[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestTopicSnapshotInput {
  name: string; // versions 0+
  partitions: readonly FetchSnapshotRequestPartitionSnapshotInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestPartitionSnapshot {
  partition: number; // versions 0+
  currentLeaderEpoch: number; // versions 0+
  snapshotId: FetchSnapshotRequestSnapshotId; // versions 0+
  position: bigint; // versions 0+
  replicaDirectoryId: string; // versions 1+, tag 0 in 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestPartitionSnapshotInput {
  partition: number; // versions 0+
  currentLeaderEpoch: number; // versions 0+
  snapshotId?: FetchSnapshotRequestSnapshotIdInput; // versions 0+
  position: bigint; // versions 0+
  replicaDirectoryId?: string; // versions 1+, tag 0 in 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestSnapshotId {
  endOffset: bigint; // versions 0+
  epoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchSnapshotRequestSnapshotIdInput {
  endOffset: bigint; // versions 0+
  epoch: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchSnapshotRequest(): FetchSnapshotRequest {
  return { clusterId: null, replicaId: -1, maxBytes: 2147483647, topics: [] };
}

export function defaultFetchSnapshotRequestTopicSnapshot(): FetchSnapshotRequestTopicSnapshot {
  return { name: "", partitions: [] };
}

export function defaultFetchSnapshotRequestPartitionSnapshot(): FetchSnapshotRequestPartitionSnapshot {
  return { partition: 0, currentLeaderEpoch: 0, snapshotId: defaultFetchSnapshotRequestSnapshotId(), position: 0n, replicaDirectoryId: ZERO_UUID };
}

export function defaultFetchSnapshotRequestSnapshotId(): FetchSnapshotRequestSnapshotId {
  return { endOffset: 0n, epoch: 0 };
}

function writeFetchSnapshotRequest(w: Writer, v: FetchSnapshotRequestInput, version: number): void {
  const v_replicaId = v.replicaId === undefined ? -1 : v.replicaId;
  w.int32(v_replicaId);
  const v_maxBytes = v.maxBytes === undefined ? 2147483647 : v.maxBytes;
  w.int32(v_maxBytes);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "FetchSnapshotRequest", "topics", version), (ew, e) => writeFetchSnapshotRequestTopicSnapshot(ew, e, version));
  let tagged = v._unknownTaggedFields?.slice();
  if (v.clusterId !== undefined && v.clusterId !== null) {
    const x = v.clusterId!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      tw.compactNullableString(x);
    }));
  }
  w.taggedFields(tagged);
}

function readFetchSnapshotRequest(r: Reader, version: number): FetchSnapshotRequest {
  let f_clusterId: string | null = null;
  const f_replicaId: number = r.int32();
  const f_maxBytes: number = r.int32();
  const f_topics: FetchSnapshotRequestTopicSnapshot[] = readArray(r, true, 2, (er) => readFetchSnapshotRequestTopicSnapshot(er, version));
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_clusterId = tr.compactNullableString();
        return true;
      default:
        return false;
    }
  });
  const value: FetchSnapshotRequest = { clusterId: f_clusterId, replicaId: f_replicaId, maxBytes: f_maxBytes, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotRequestTopicSnapshot(w: Writer, v: FetchSnapshotRequestTopicSnapshotInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "FetchSnapshotRequest", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "FetchSnapshotRequest", "partitions", version), (ew, e) => writeFetchSnapshotRequestPartitionSnapshot(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchSnapshotRequestTopicSnapshot(r: Reader, version: number): FetchSnapshotRequestTopicSnapshot {
  const f_name: string = r.compactString();
  const f_partitions: FetchSnapshotRequestPartitionSnapshot[] = readArray(r, true, 28, (er) => readFetchSnapshotRequestPartitionSnapshot(er, version));
  const unknown = r.taggedFields(null);
  const value: FetchSnapshotRequestTopicSnapshot = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotRequestPartitionSnapshot(w: Writer, v: FetchSnapshotRequestPartitionSnapshotInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_currentLeaderEpoch = v.currentLeaderEpoch === undefined ? 0 : v.currentLeaderEpoch;
  w.int32(v_currentLeaderEpoch);
  const v_snapshotId = v.snapshotId === undefined ? defaultFetchSnapshotRequestSnapshotId() : v.snapshotId;
  writeFetchSnapshotRequestSnapshotId(w, nonNull(v_snapshotId, "FetchSnapshotRequest", "snapshotId", version), version);
  const v_position = v.position === undefined ? 0n : v.position;
  w.int64(v_position);
  let tagged = v._unknownTaggedFields?.slice();
  if (version >= 1 && v.replicaDirectoryId !== undefined && v.replicaDirectoryId !== ZERO_UUID) {
    const x = v.replicaDirectoryId!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      tw.uuid(x);
    }));
  }
  w.taggedFields(tagged);
}

function readFetchSnapshotRequestPartitionSnapshot(r: Reader, version: number): FetchSnapshotRequestPartitionSnapshot {
  const f_partition: number = r.int32();
  const f_currentLeaderEpoch: number = r.int32();
  const f_snapshotId: FetchSnapshotRequestSnapshotId = readFetchSnapshotRequestSnapshotId(r, version);
  const f_position: bigint = r.int64();
  let f_replicaDirectoryId: string = ZERO_UUID;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        if (!(version >= 1)) return false;
        f_replicaDirectoryId = tr.uuid();
        return true;
      default:
        return false;
    }
  });
  const value: FetchSnapshotRequestPartitionSnapshot = { partition: f_partition, currentLeaderEpoch: f_currentLeaderEpoch, snapshotId: f_snapshotId, position: f_position, replicaDirectoryId: f_replicaDirectoryId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchSnapshotRequestSnapshotId(w: Writer, v: FetchSnapshotRequestSnapshotIdInput, version: number): void {
  const v_endOffset = v.endOffset === undefined ? 0n : v.endOffset;
  w.int64(v_endOffset);
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchSnapshotRequestSnapshotId(r: Reader, version: number): FetchSnapshotRequestSnapshotId {
  const f_endOffset: bigint = r.int64();
  const f_epoch: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: FetchSnapshotRequestSnapshotId = { endOffset: f_endOffset, epoch: f_epoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeFetchSnapshotRequest(w: Writer, value: FetchSnapshotRequestInput, version: number): void {
  checkVersion("FetchSnapshotRequest", version, 0, 1);
  writeFetchSnapshotRequest(w, value, version);
}

export function decodeFetchSnapshotRequest(r: Reader, version: number): FetchSnapshotRequest {
  if (version < 0 || version > 1) r.fail(`FetchSnapshotRequest has no version ${version}`);
  return readFetchSnapshotRequest(r, version);
}
