// Generated from Kafka's clients/FetchRequest.json by packages/protocol/generator. Do not edit.
// request 1, versions 4-18, flexible 12-18
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, isDefaultValue, nonNull, readArray, readInt32, readNullableArray, taggedValue, unsupportedField, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface FetchRequest {
  clusterId: string | null; // versions 12+, tag 0 in 12+, nullable 12+, ignorable
  replicaId: number; // versions 0-14
  replicaState: FetchRequestReplicaState; // versions 15+, tag 1 in 15+
  maxWaitMs: number; // versions 0+
  minBytes: number; // versions 0+
  maxBytes: number; // versions 3+, ignorable
  isolationLevel: number; // versions 4+, ignorable
  sessionId: number; // versions 7+, ignorable
  sessionEpoch: number; // versions 7+, ignorable
  topics: FetchRequestFetchTopic[]; // versions 0+
  forgottenTopicsData: FetchRequestForgottenTopic[]; // versions 7+
  rackId: string; // versions 11+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestInput {
  clusterId?: string | null; // versions 12+, tag 0 in 12+, nullable 12+, ignorable
  replicaId?: number; // versions 0-14
  replicaState?: FetchRequestReplicaStateInput; // versions 15+, tag 1 in 15+
  maxWaitMs: number; // versions 0+
  minBytes: number; // versions 0+
  maxBytes?: number; // versions 3+, ignorable
  isolationLevel?: number; // versions 4+, ignorable
  sessionId?: number; // versions 7+, ignorable
  sessionEpoch?: number; // versions 7+, ignorable
  topics: readonly FetchRequestFetchTopicInput[]; // versions 0+
  forgottenTopicsData?: readonly FetchRequestForgottenTopicInput[]; // versions 7+
  rackId?: string; // versions 11+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestReplicaState {
  replicaId: number; // versions 15+
  replicaEpoch: bigint; // versions 15+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestReplicaStateInput {
  replicaId?: number; // versions 15+
  replicaEpoch?: bigint; // versions 15+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchTopic {
  topic: string; // versions 0-12, ignorable
  topicId: string; // versions 13+, ignorable
  partitions: FetchRequestFetchPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchTopicInput {
  topic?: string; // versions 0-12, ignorable
  topicId?: string; // versions 13+, ignorable
  partitions: readonly FetchRequestFetchPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchPartition {
  partition: number; // versions 0+
  currentLeaderEpoch: number; // versions 9+, ignorable
  fetchOffset: bigint; // versions 0+
  lastFetchedEpoch: number; // versions 12+
  logStartOffset: bigint; // versions 5+, ignorable
  partitionMaxBytes: number; // versions 0+
  replicaDirectoryId: string; // versions 17+, tag 0 in 17+, ignorable
  highWatermark: bigint; // versions 18+, tag 1 in 18+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestFetchPartitionInput {
  partition: number; // versions 0+
  currentLeaderEpoch?: number; // versions 9+, ignorable
  fetchOffset: bigint; // versions 0+
  lastFetchedEpoch?: number; // versions 12+
  logStartOffset?: bigint; // versions 5+, ignorable
  partitionMaxBytes: number; // versions 0+
  replicaDirectoryId?: string; // versions 17+, tag 0 in 17+, ignorable
  highWatermark?: bigint; // versions 18+, tag 1 in 18+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestForgottenTopic {
  topic: string; // versions 7-12, ignorable
  topicId: string; // versions 13+, ignorable
  partitions: number[]; // versions 7+
  _unknownTaggedFields?: TaggedField[];
}

export interface FetchRequestForgottenTopicInput {
  topic?: string; // versions 7-12, ignorable
  topicId?: string; // versions 13+, ignorable
  partitions: readonly number[]; // versions 7+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFetchRequest(): FetchRequest {
  return { clusterId: null, replicaId: -1, replicaState: defaultFetchRequestReplicaState(), maxWaitMs: 0, minBytes: 0, maxBytes: 2147483647, isolationLevel: 0, sessionId: 0, sessionEpoch: -1, topics: [], forgottenTopicsData: [], rackId: "" };
}

export function defaultFetchRequestReplicaState(): FetchRequestReplicaState {
  return { replicaId: -1, replicaEpoch: -1n };
}

export function defaultFetchRequestFetchTopic(): FetchRequestFetchTopic {
  return { topic: "", topicId: ZERO_UUID, partitions: [] };
}

export function defaultFetchRequestFetchPartition(): FetchRequestFetchPartition {
  return { partition: 0, currentLeaderEpoch: -1, fetchOffset: 0n, lastFetchedEpoch: -1, logStartOffset: -1n, partitionMaxBytes: 0, replicaDirectoryId: ZERO_UUID, highWatermark: 9223372036854775807n };
}

export function defaultFetchRequestForgottenTopic(): FetchRequestForgottenTopic {
  return { topic: "", topicId: ZERO_UUID, partitions: [] };
}

function writeFetchRequest(w: Writer, v: FetchRequestInput, version: number): void {
  const v_replicaId = v.replicaId === undefined ? -1 : v.replicaId;
  if (version <= 14) {
    w.int32(v_replicaId);
  } else if (v.replicaId !== undefined && v.replicaId !== -1) {
    unsupportedField("FetchRequest", "replicaId", version);
  }
  if (!(version >= 15) && v.replicaState !== undefined && (v.replicaState === null || !isDefaultValue(v.replicaState, defaultFetchRequestReplicaState()))) unsupportedField("FetchRequest", "replicaState", version);
  const v_maxWaitMs = v.maxWaitMs === undefined ? 0 : v.maxWaitMs;
  w.int32(v_maxWaitMs);
  const v_minBytes = v.minBytes === undefined ? 0 : v.minBytes;
  w.int32(v_minBytes);
  const v_maxBytes = v.maxBytes === undefined ? 2147483647 : v.maxBytes;
  w.int32(v_maxBytes);
  const v_isolationLevel = v.isolationLevel === undefined ? 0 : v.isolationLevel;
  w.int8(v_isolationLevel);
  const v_sessionId = v.sessionId === undefined ? 0 : v.sessionId;
  if (version >= 7) {
    w.int32(v_sessionId);
  }
  const v_sessionEpoch = v.sessionEpoch === undefined ? -1 : v.sessionEpoch;
  if (version >= 7) {
    w.int32(v_sessionEpoch);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 12, nonNull(v_topics, "FetchRequest", "topics", version), (ew, e) => writeFetchRequestFetchTopic(ew, e, version));
  const v_forgottenTopicsData = v.forgottenTopicsData === undefined ? [] : v.forgottenTopicsData;
  if (version >= 7) {
    writeArray(w, version >= 12, nonNull(v_forgottenTopicsData, "FetchRequest", "forgottenTopicsData", version), (ew, e) => writeFetchRequestForgottenTopic(ew, e, version));
  } else if (v.forgottenTopicsData !== undefined && (v.forgottenTopicsData === null || v.forgottenTopicsData.length > 0)) {
    unsupportedField("FetchRequest", "forgottenTopicsData", version);
  }
  const v_rackId = v.rackId === undefined ? "" : v.rackId;
  if (version >= 11) {
    if (version >= 12) w.compactString(nonNull(v_rackId, "FetchRequest", "rackId", version));
    else w.string(nonNull(v_rackId, "FetchRequest", "rackId", version));
  }
  if (version >= 12) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.clusterId !== undefined && v.clusterId !== null) {
      const x = v.clusterId!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        tw.compactNullableString(x);
      }));
    }
    if (version >= 15 && v.replicaState !== undefined && (v.replicaState === null || !isDefaultValue(v.replicaState, defaultFetchRequestReplicaState()))) {
      const x = v.replicaState!;
      (tagged ??= []).push(taggedValue(1, (tw) => {
        writeFetchRequestReplicaState(tw, nonNull(x, "FetchRequest", "replicaState", version), version);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readFetchRequest(r: Reader, version: number): FetchRequest {
  let f_clusterId: string | null = null;
  const f_replicaId: number = version <= 14 ? r.int32() : -1;
  let f_replicaState: FetchRequestReplicaState = defaultFetchRequestReplicaState();
  const f_maxWaitMs: number = r.int32();
  const f_minBytes: number = r.int32();
  const f_maxBytes: number = r.int32();
  const f_isolationLevel: number = r.int8();
  const f_sessionId: number = version >= 7 ? r.int32() : 0;
  const f_sessionEpoch: number = version >= 7 ? r.int32() : -1;
  const f_topics: FetchRequestFetchTopic[] = readArray(r, version >= 12, 1, (er) => readFetchRequestFetchTopic(er, version));
  const f_forgottenTopicsData: FetchRequestForgottenTopic[] = version >= 7 ? readArray(r, version >= 12, 1, (er) => readFetchRequestForgottenTopic(er, version)) : [];
  const f_rackId: string = version >= 11 ? (version >= 12 ? r.compactString() : r.string()) : "";
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_clusterId = tr.compactNullableString();
          return true;
        case 1:
          if (!(version >= 15)) return false;
          f_replicaState = readFetchRequestReplicaState(tr, version);
          return true;
        default:
          return false;
      }
    });
  }
  const value: FetchRequest = { clusterId: f_clusterId, replicaId: f_replicaId, replicaState: f_replicaState, maxWaitMs: f_maxWaitMs, minBytes: f_minBytes, maxBytes: f_maxBytes, isolationLevel: f_isolationLevel, sessionId: f_sessionId, sessionEpoch: f_sessionEpoch, topics: f_topics, forgottenTopicsData: f_forgottenTopicsData, rackId: f_rackId };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchRequestReplicaState(w: Writer, v: FetchRequestReplicaStateInput, version: number): void {
  const v_replicaId = v.replicaId === undefined ? -1 : v.replicaId;
  w.int32(v_replicaId);
  const v_replicaEpoch = v.replicaEpoch === undefined ? -1n : v.replicaEpoch;
  w.int64(v_replicaEpoch);
  w.taggedFields(v._unknownTaggedFields);
}

function readFetchRequestReplicaState(r: Reader, version: number): FetchRequestReplicaState {
  const f_replicaId: number = r.int32();
  const f_replicaEpoch: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: FetchRequestReplicaState = { replicaId: f_replicaId, replicaEpoch: f_replicaEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchRequestFetchTopic(w: Writer, v: FetchRequestFetchTopicInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version <= 12) {
    if (version >= 12) w.compactString(nonNull(v_topic, "FetchRequest", "topic", version));
    else w.string(nonNull(v_topic, "FetchRequest", "topic", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 13) {
    w.uuid(v_topicId);
  }
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 12, nonNull(v_partitions, "FetchRequest", "partitions", version), (ew, e) => writeFetchRequestFetchPartition(ew, e, version));
  if (version >= 12) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readFetchRequestFetchTopic(r: Reader, version: number): FetchRequestFetchTopic {
  const f_topic: string = version <= 12 ? (version >= 12 ? r.compactString() : r.string()) : "";
  const f_topicId: string = version >= 13 ? r.uuid() : ZERO_UUID;
  const f_partitions: FetchRequestFetchPartition[] = readArray(r, version >= 12, 16, (er) => readFetchRequestFetchPartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields(null);
  }
  const value: FetchRequestFetchTopic = { topic: f_topic, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchRequestFetchPartition(w: Writer, v: FetchRequestFetchPartitionInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_currentLeaderEpoch = v.currentLeaderEpoch === undefined ? -1 : v.currentLeaderEpoch;
  if (version >= 9) {
    w.int32(v_currentLeaderEpoch);
  }
  const v_fetchOffset = v.fetchOffset === undefined ? 0n : v.fetchOffset;
  w.int64(v_fetchOffset);
  const v_lastFetchedEpoch = v.lastFetchedEpoch === undefined ? -1 : v.lastFetchedEpoch;
  if (version >= 12) {
    w.int32(v_lastFetchedEpoch);
  } else if (v.lastFetchedEpoch !== undefined && v.lastFetchedEpoch !== -1) {
    unsupportedField("FetchRequest", "lastFetchedEpoch", version);
  }
  const v_logStartOffset = v.logStartOffset === undefined ? -1n : v.logStartOffset;
  if (version >= 5) {
    w.int64(v_logStartOffset);
  }
  const v_partitionMaxBytes = v.partitionMaxBytes === undefined ? 0 : v.partitionMaxBytes;
  w.int32(v_partitionMaxBytes);
  if (version >= 12) {
    let tagged = v._unknownTaggedFields?.slice();
    if (version >= 17 && v.replicaDirectoryId !== undefined && v.replicaDirectoryId !== ZERO_UUID) {
      const x = v.replicaDirectoryId!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        tw.uuid(x);
      }));
    }
    if (version >= 18 && v.highWatermark !== undefined && v.highWatermark !== 9223372036854775807n) {
      const x = v.highWatermark!;
      (tagged ??= []).push(taggedValue(1, (tw) => {
        tw.int64(x);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readFetchRequestFetchPartition(r: Reader, version: number): FetchRequestFetchPartition {
  const f_partition: number = r.int32();
  const f_currentLeaderEpoch: number = version >= 9 ? r.int32() : -1;
  const f_fetchOffset: bigint = r.int64();
  const f_lastFetchedEpoch: number = version >= 12 ? r.int32() : -1;
  const f_logStartOffset: bigint = version >= 5 ? r.int64() : -1n;
  const f_partitionMaxBytes: number = r.int32();
  let f_replicaDirectoryId: string = ZERO_UUID;
  let f_highWatermark: bigint = 9223372036854775807n;
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          if (!(version >= 17)) return false;
          f_replicaDirectoryId = tr.uuid();
          return true;
        case 1:
          if (!(version >= 18)) return false;
          f_highWatermark = tr.int64();
          return true;
        default:
          return false;
      }
    });
  }
  const value: FetchRequestFetchPartition = { partition: f_partition, currentLeaderEpoch: f_currentLeaderEpoch, fetchOffset: f_fetchOffset, lastFetchedEpoch: f_lastFetchedEpoch, logStartOffset: f_logStartOffset, partitionMaxBytes: f_partitionMaxBytes, replicaDirectoryId: f_replicaDirectoryId, highWatermark: f_highWatermark };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFetchRequestForgottenTopic(w: Writer, v: FetchRequestForgottenTopicInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version <= 12) {
    if (version >= 12) w.compactString(nonNull(v_topic, "FetchRequest", "topic", version));
    else w.string(nonNull(v_topic, "FetchRequest", "topic", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 13) {
    w.uuid(v_topicId);
  }
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 12, nonNull(v_partitions, "FetchRequest", "partitions", version), writeInt32);
  if (version >= 12) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readFetchRequestForgottenTopic(r: Reader, version: number): FetchRequestForgottenTopic {
  const f_topic: string = version <= 12 ? (version >= 12 ? r.compactString() : r.string()) : "";
  const f_topicId: string = version >= 13 ? r.uuid() : ZERO_UUID;
  const f_partitions: number[] = readArray(r, version >= 12, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 12) {
    unknown = r.taggedFields(null);
  }
  const value: FetchRequestForgottenTopic = { topic: f_topic, topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeFetchRequest(w: Writer, value: FetchRequestInput, version: number): void {
  checkVersion("FetchRequest", version, 4, 18);
  writeFetchRequest(w, value, version);
}

export function decodeFetchRequest(r: Reader, version: number): FetchRequest {
  if (version < 4 || version > 18) r.fail(`FetchRequest has no version ${version}`);
  return readFetchRequest(r, version);
}
