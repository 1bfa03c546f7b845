// Generated from Kafka's clients/ShareAcknowledgeRequest.json by packages/protocol/generator. Do not edit.
// request 79, versions 1-2, flexible 1-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt8, readNullableArray, unsupportedField, writeArray, writeInt8 } from '../../primitives/codec-support.ts';

export interface ShareAcknowledgeRequest {
  groupId: string | null; // versions 0+, nullable 0+
  memberId: string | null; // versions 0+, nullable 0+
  shareSessionEpoch: number; // versions 0+
  isRenewAck: boolean; // versions 2+
  topics: ShareAcknowledgeRequestAcknowledgeTopic[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestInput {
  groupId?: string | null; // versions 0+, nullable 0+
  memberId: string | null; // versions 0+, nullable 0+
  shareSessionEpoch: number; // versions 0+
  isRenewAck?: boolean; // versions 2+
  topics: readonly ShareAcknowledgeRequestAcknowledgeTopicInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgeTopic {
  topicId: string; // versions 0+
  partitions: ShareAcknowledgeRequestAcknowledgePartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgeTopicInput {
  topicId: string; // versions 0+
  partitions: readonly ShareAcknowledgeRequestAcknowledgePartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgePartition {
  partitionIndex: number; // versions 0+
  acknowledgementBatches: ShareAcknowledgeRequestAcknowledgementBatch[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgePartitionInput {
  partitionIndex: number; // versions 0+
  acknowledgementBatches: readonly ShareAcknowledgeRequestAcknowledgementBatchInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgementBatch {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  acknowledgeTypes: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareAcknowledgeRequestAcknowledgementBatchInput {
  firstOffset: bigint; // versions 0+
  lastOffset: bigint; // versions 0+
  acknowledgeTypes: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareAcknowledgeRequest(): ShareAcknowledgeRequest {
  return { groupId: null, memberId: "", shareSessionEpoch: 0, isRenewAck: false, topics: [] };
}

export function defaultShareAcknowledgeRequestAcknowledgeTopic(): ShareAcknowledgeRequestAcknowledgeTopic {
  return { topicId: ZERO_UUID, partitions: [] };
}

export function defaultShareAcknowledgeRequestAcknowledgePartition(): ShareAcknowledgeRequestAcknowledgePartition {
  return { partitionIndex: 0, acknowledgementBatches: [] };
}

export function defaultShareAcknowledgeRequestAcknowledgementBatch(): ShareAcknowledgeRequestAcknowledgementBatch {
  return { firstOffset: 0n, lastOffset: 0n, acknowledgeTypes: [] };
}

function writeShareAcknowledgeRequest(w: Writer, v: ShareAcknowledgeRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? null : v.groupId;
  w.compactNullableString(v_groupId);
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactNullableString(v_memberId);
  const v_shareSessionEpoch = v.shareSessionEpoch === undefined ? 0 : v.shareSessionEpoch;
  w.int32(v_shareSessionEpoch);
  const v_isRenewAck = v.isRenewAck === undefined ? false : v.isRenewAck;
  if (version >= 2) {
    w.bool(v_isRenewAck);
  } else if (v.isRenewAck !== undefined && v.isRenewAck !== false) {
    unsupportedField("ShareAcknowledgeRequest", "isRenewAck", version);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "ShareAcknowledgeRequest", "topics", version), (ew, e) => writeShareAcknowledgeRequestAcknowledgeTopic(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeRequest(r: Reader, version: number): ShareAcknowledgeRequest {
  const f_groupId: string | null = r.compactNullableString();
  const f_memberId: string | null = r.compactNullableString();
  const f_shareSessionEpoch: number = r.int32();
  const f_isRenewAck: boolean = version >= 2 ? r.bool() : false;
  const f_topics: ShareAcknowledgeRequestAcknowledgeTopic[] = readArray(r, true, 17, (er) => readShareAcknowledgeRequestAcknowledgeTopic(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeRequest = { groupId: f_groupId, memberId: f_memberId, shareSessionEpoch: f_shareSessionEpoch, isRenewAck: f_isRenewAck, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareAcknowledgeRequestAcknowledgeTopic(w: Writer, v: ShareAcknowledgeRequestAcknowledgeTopicInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareAcknowledgeRequest", "partitions", version), (ew, e) => writeShareAcknowledgeRequestAcknowledgePartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeRequestAcknowledgeTopic(r: Reader, version: number): ShareAcknowledgeRequestAcknowledgeTopic {
  const f_topicId: string = r.uuid();
  const f_partitions: ShareAcknowledgeRequestAcknowledgePartition[] = readArray(r, true, 5, (er) => readShareAcknowledgeRequestAcknowledgePartition(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeRequestAcknowledgeTopic = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareAcknowledgeRequestAcknowledgePartition(w: Writer, v: ShareAcknowledgeRequestAcknowledgePartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_acknowledgementBatches = v.acknowledgementBatches === undefined ? [] : v.acknowledgementBatches;
  writeArray(w, true, nonNull(v_acknowledgementBatches, "ShareAcknowledgeRequest", "acknowledgementBatches", version), (ew, e) => writeShareAcknowledgeRequestAcknowledgementBatch(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeRequestAcknowledgePartition(r: Reader, version: number): ShareAcknowledgeRequestAcknowledgePartition {
  const f_partitionIndex: number = r.int32();
  const f_acknowledgementBatches: ShareAcknowledgeRequestAcknowledgementBatch[] = readArray(r, true, 17, (er) => readShareAcknowledgeRequestAcknowledgementBatch(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeRequestAcknowledgePartition = { partitionIndex: f_partitionIndex, acknowledgementBatches: f_acknowledgementBatches };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareAcknowledgeRequestAcknowledgementBatch(w: Writer, v: ShareAcknowledgeRequestAcknowledgementBatchInput, version: number): void {
  const v_firstOffset = v.firstOffset === undefined ? 0n : v.firstOffset;
  w.int64(v_firstOffset);
  const v_lastOffset = v.lastOffset === undefined ? 0n : v.lastOffset;
  w.int64(v_lastOffset);
  const v_acknowledgeTypes = v.acknowledgeTypes === undefined ? [] : v.acknowledgeTypes;
  writeArray(w, true, nonNull(v_acknowledgeTypes, "ShareAcknowledgeRequest", "acknowledgeTypes", version), writeInt8);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareAcknowledgeRequestAcknowledgementBatch(r: Reader, version: number): ShareAcknowledgeRequestAcknowledgementBatch {
  const f_firstOffset: bigint = r.int64();
  const f_lastOffset: bigint = r.int64();
  const f_acknowledgeTypes: number[] = readArray(r, true, 1, readInt8);
  const unknown = r.taggedFields(null);
  const value: ShareAcknowledgeRequestAcknowledgementBatch = { firstOffset: f_firstOffset, lastOffset: f_lastOffset, acknowledgeTypes: f_acknowledgeTypes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareAcknowledgeRequest(w: Writer, value: ShareAcknowledgeRequestInput, version: number): void {
  checkVersion("ShareAcknowledgeRequest", version, 1, 2);
  writeShareAcknowledgeRequest(w, value, version);
}

export function decodeShareAcknowledgeRequest(r: Reader, version: number): ShareAcknowledgeRequest {
  if (version < 1 || version > 2) r.fail(`ShareAcknowledgeRequest has no version ${version}`);
  return readShareAcknowledgeRequest(r, version);
}
