// Generated from Kafka's clients/ShareFetchRequest.json by packages/protocol/generator. Do not edit.
// request 78, versions 1-2, flexible 1-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readInt8, readNullableArray, unsupportedField, writeArray, writeInt32, writeInt8 } from '../../primitives/codec-support.ts';

export interface ShareFetchRequest {
  groupId: string | null; // versions 0+, nullable 0+
  memberId: string | null; // versions 0+, nullable 0+
  shareSessionEpoch: number; // versions 0+
  maxWaitMs: number; // versions 0+
  minBytes: number; // versions 0+
  maxBytes: number; // versions 0+
  maxRecords: number; // versions 1+
  batchSize: number; // versions 1+
  shareAcquireMode: number; // versions 2+, ignorable
  isRenewAck: boolean; // versions 2+
  topics: ShareFetchRequestFetchTopic[]; // versions 0+
  forgottenTopicsData: ShareFetchRequestForgottenTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestInput {
  groupId?: string | null; // versions 0+, nullable 0+
  memberId: string | null; // versions 0+, nullable 0+
  shareSessionEpoch: number; // versions 0+
  maxWaitMs: number; // versions 0+
  minBytes: number; // versions 0+
  maxBytes?: number; // versions 0+
  maxRecords: number; // versions 1+
  batchSize: number; // versions 1+
  shareAcquireMode?: number; // versions 2+, ignorable
  isRenewAck?: boolean; // versions 2+
  topics: readonly ShareFetchRequestFetchTopicInput[]; // versions 0+
  forgottenTopicsData: readonly ShareFetchRequestForgottenTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchTopic {
  topicId: string; // versions 0+
  partitions: ShareFetchRequestFetchPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchTopicInput {
  topicId: string; // versions 0+
  partitions: readonly ShareFetchRequestFetchPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchPartition {
  partitionIndex: number; // versions 0+
  partitionMaxBytes: number; // versions 0
  acknowledgementBatches: ShareFetchRequestAcknowledgementBatch[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestFetchPartitionInput {
  partitionIndex: number; // versions 0+
  partitionMaxBytes?: number; // versions 0
  acknowledgementBatches: readonly ShareFetchRequestAcknowledgementBatchInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestAcknowledgementBatch {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  acknowledgeTypes: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestAcknowledgementBatchInput {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  acknowledgeTypes: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestForgottenTopic {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareFetchRequestForgottenTopicInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareFetchRequest(): ShareFetchRequest {
  return { groupId: null, memberId: "", shareSessionEpoch: 0, maxWaitMs: 0, minBytes: 0, maxBytes: 2147483647, maxRecords: 0, batchSize: 0, shareAcquireMode: 0, isRenewAck: false, topics: [], forgottenTopicsData: [] };
}

export function defaultShareFetchRequestFetchTopic(): ShareFetchRequestFetchTopic {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultShareFetchRequestFetchPartition(): ShareFetchRequestFetchPartition {
  return { partitionIndex: 0, partitionMaxBytes: 0, acknowledgementBatches: [] };
}

export function defaultShareFetchRequestAcknowledgementBatch(): ShareFetchRequestAcknowledgementBatch {
  return { firstOffset: 0n, lastOffset: 0n, acknowledgeTypes: [] };
}

export function defaultShareFetchRequestForgottenTopic(): ShareFetchRequestForgottenTopic {
  return { topicId: ZERO_UUID, partitions: [] };
}

function writeShareFetchRequest(w: Writer, v: ShareFetchRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? null : v.groupId;
  w.compactNullableString(v_groupId);
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactNullableString(v_memberId);
  const v_shareSessionEpoch = v.shareSessionEpoch === undefined ? 0 : v.shareSessionEpoch;
  w.int32(v_shareSessionEpoch);
  const v_maxWaitMs = v.maxWaitMs === undefined ? 0 : v.maxWaitMs;
  w.int32(v_maxWaitMs);
  const v_minBytes = v.minBytes === undefined ? 0 : v.minBytes;
  w.int32(v_minBytes);
  const v_maxBytes = v.maxBytes === undefined ? 2147483647 : v.maxBytes;
  w.int32(v_maxBytes);
  const v_maxRecords = v.maxRecords === undefined ? 0 : v.maxRecords;
  w.int32(v_maxRecords);
  const v_batchSize = v.batchSize === undefined ? 0 : v.batchSize;
  w.int32(v_batchSize);
  const v_shareAcquireMode = v.shareAcquireMode === undefined ? 0 : v.shareAcquireMode;
  if (version >= 2) {
    w.int8(v_shareAcquireMode);
  }
  const v_isRenewAck = v.isRenewAck === undefined ? false : v.isRenewAck;
  if (version >= 2) {
    w.bool(v_isRenewAck);
  } else if (v.isRenewAck !== undefined && v.isRenewAck !== false) {
    unsupportedField("ShareFetchRequest", "isRenewAck", version);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "ShareFetchRequest", "topics", version), (ew, e) => writeShareFetchRequestFetchTopic(ew, e, version));
  const v_forgottenTopicsData = v.forgottenTopicsData === undefined ? [] : v.forgottenTopicsData;
  writeArray(w, true, nonNull(v_forgottenTopicsData, "ShareFetchRequest", "forgottenTopicsData", version), (ew, e) => writeShareFetchRequestForgottenTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchRequest(r: Reader, version: number): ShareFetchRequest {
  const f_groupId: string | null = r.compactNullableString();
  const f_memberId: string | null = r.compactNullableString();
  const f_shareSessionEpoch: number = r.int32();
  const f_maxWaitMs: number = r.int32();
  const f_minBytes: number = r.int32();
  const f_maxBytes: number = r.int32();
  const f_maxRecords: number = r.int32();
  const f_batchSize: number = r.int32();
  const f_shareAcquireMode: number = version >= 2 ? r.int8() : 0;
  const f_isRenewAck: boolean = version >= 2 ? r.bool() : false;
  const f_topics: ShareFetchRequestFetchTopic[] = readArray(r, true, 17, (er) => readShareFetchRequestFetchTopic(er, version));
  const f_forgottenTopicsData: ShareFetchRequestForgottenTopic[] = readArray(r, true, 17, (er) => readShareFetchRequestForgottenTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareFetchRequest = { groupId: f_groupId, memberId: f_memberId, shareSessionEpoch: f_shareSessionEpoch, maxWaitMs: f_maxWaitMs, minBytes: f_minBytes, maxBytes: f_maxBytes, maxRecords: f_maxRecords, batchSize: f_batchSize, shareAcquireMode: f_shareAcquireMode, isRenewAck: f_isRenewAck, topics: f_topics, forgottenTopicsData: f_forgottenTopicsData };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchRequestFetchTopic(w: Writer, v: ShareFetchRequestFetchTopicInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareFetchRequest", "partitions", version), (ew, e) => writeShareFetchRequestFetchPartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchRequestFetchTopic(r: Reader, version: number): ShareFetchRequestFetchTopic {
  const f_topicId: string = r.uuid();
  const f_partitions: ShareFetchRequestFetchPartition[] = readArray(r, true, 5, (er) => readShareFetchRequestFetchPartition(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareFetchRequestFetchTopic = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchRequestFetchPartition(w: Writer, v: ShareFetchRequestFetchPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  if (!(false) && v.partitionMaxBytes !== undefined && v.partitionMaxBytes !== 0) unsupportedField("ShareFetchRequest", "partitionMaxBytes", version);
  const v_acknowledgementBatches = v.acknowledgementBatches === undefined ? [] : v.acknowledgementBatches;
  writeArray(w, true, nonNull(v_acknowledgementBatches, "ShareFetchRequest", "acknowledgementBatches", version), (ew, e) => writeShareFetchRequestAcknowledgementBatch(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchRequestFetchPartition(r: Reader, version: number): ShareFetchRequestFetchPartition {
  const f_partitionIndex: number = r.int32();
  const f_partitionMaxBytes: number = 0;
  const f_acknowledgementBatches: ShareFetchRequestAcknowledgementBatch[] = readArray(r, true, 17, (er) => readShareFetchRequestAcknowledgementBatch(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareFetchRequestFetchPartition = { partitionIndex: f_partitionIndex, partitionMaxBytes: f_partitionMaxBytes, acknowledgementBatches: f_acknowledgementBatches };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchRequestAcknowledgementBatch(w: Writer, v: ShareFetchRequestAcknowledgementBatchInput, version: number): void {
  const v_firstOffset = v.firstOffset === undefined ? 0n : v.firstOffset;
  w.int64(v_firstOffset);
  const v_lastOffset = v.lastOffset === undefined ? 0n : v.lastOffset;
  w.int64(v_lastOffset);
  const v_acknowledgeTypes = v.acknowledgeTypes === undefined ? [] : v.acknowledgeTypes;
  writeArray(w, true, nonNull(v_acknowledgeTypes, "ShareFetchRequest", "acknowledgeTypes", version), writeInt8);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchRequestAcknowledgementBatch(r: Reader, version: number): ShareFetchRequestAcknowledgementBatch {
  const f_firstOffset: bigint = r.int64();
  const f_lastOffset: bigint = r.int64();
  const f_acknowledgeTypes: number[] = readArray(r, true, 1, readInt8);
  const unknown = r.taggedFields(null);
  const value: ShareFetchRequestAcknowledgementBatch = { firstOffset: f_firstOffset, lastOffset: f_lastOffset, acknowledgeTypes: f_acknowledgeTypes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareFetchRequestForgottenTopic(w: Writer, v: ShareFetchRequestForgottenTopicInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareFetchRequest", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareFetchRequestForgottenTopic(r: Reader, version: number): ShareFetchRequestForgottenTopic {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ShareFetchRequestForgottenTopic = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareFetchRequest(w: Writer, value: ShareFetchRequestInput, version: number): void {
  checkVersion("ShareFetchRequest", version, 1, 2);
  writeShareFetchRequest(w, value, version);
}

export function decodeShareFetchRequest(r: Reader, version: number): ShareFetchRequest {
  if (version < 1 || version > 2) r.fail(`ShareFetchRequest has no version ${version}`);
  return readShareFetchRequest(r, version);
}
