// Generated from Kafka's group-coordinator/ShareGroupStatePartitionMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 15, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ShareGroupStatePartitionMetadataValue {
  initializingTopics: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo[]; // versions 0+
  initializedTopics: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo[]; // versions 0+
  deletingTopics: ShareGroupStatePartitionMetadataValueTopicInfo[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupStatePartitionMetadataValueInput {
  initializingTopics: readonly ShareGroupStatePartitionMetadataValueTopicPartitionsInfoInput[]; // versions 0+
  initializedTopics: readonly ShareGroupStatePartitionMetadataValueTopicPartitionsInfoInput[]; // versions 0+
  deletingTopics: readonly ShareGroupStatePartitionMetadataValueTopicInfoInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupStatePartitionMetadataValueTopicPartitionsInfo {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupStatePartitionMetadataValueTopicPartitionsInfoInput {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupStatePartitionMetadataValueTopicInfo {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupStatePartitionMetadataValueTopicInfoInput {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupStatePartitionMetadataValue(): ShareGroupStatePartitionMetadataValue {
  return { initializingTopics: [], initializedTopics: [], deletingTopics: [] };
}

export function defaultShareGroupStatePartitionMetadataValueTopicPartitionsInfo(): ShareGroupStatePartitionMetadataValueTopicPartitionsInfo {
  return { topicId: ZERO_UUID, topicName: "", partitions: [] };
}

export function defaultShareGroupStatePartitionMetadataValueTopicInfo(): ShareGroupStatePartitionMetadataValueTopicInfo {
  return { topicId: ZERO_UUID, topicName: "" };
}

function writeShareGroupStatePartitionMetadataValue(w: Writer, v: ShareGroupStatePartitionMetadataValueInput, version: number): void {
  const v_initializingTopics = v.initializingTopics === undefined ? [] : v.initializingTopics;
  writeArray(w, true, nonNull(v_initializingTopics, "ShareGroupStatePartitionMetadataValue", "initializingTopics", version), (ew, e) => writeShareGroupStatePartitionMetadataValueTopicPartitionsInfo(ew, e, version));
  const v_initializedTopics = v.initializedTopics === undefined ? [] : v.initializedTopics;
  writeArray(w, true, nonNull(v_initializedTopics, "ShareGroupStatePartitionMetadataValue", "initializedTopics", version), (ew, e) => writeShareGroupStatePartitionMetadataValueTopicPartitionsInfo(ew, e, version));
  const v_deletingTopics = v.deletingTopics === undefined ? [] : v.deletingTopics;
  writeArray(w, true, nonNull(v_deletingTopics, "ShareGroupStatePartitionMetadataValue", "deletingTopics", version), (ew, e) => writeShareGroupStatePartitionMetadataValueTopicInfo(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupStatePartitionMetadataValue(r: Reader, version: number): ShareGroupStatePartitionMetadataValue {
  const f_initializingTopics: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo[] = readArray(r, true, 18, (er) => readShareGroupStatePartitionMetadataValueTopicPartitionsInfo(er, version));
  const f_initializedTopics: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo[] = readArray(r, true, 18, (er) => readShareGroupStatePartitionMetadataValueTopicPartitionsInfo(er, version));
  const f_deletingTopics: ShareGroupStatePartitionMetadataValueTopicInfo[] = readArray(r, true, 17, (er) => readShareGroupStatePartitionMetadataValueTopicInfo(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareGroupStatePartitionMetadataValue = { initializingTopics: f_initializingTopics, initializedTopics: f_initializedTopics, deletingTopics: f_deletingTopics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupStatePartitionMetadataValueTopicPartitionsInfo(w: Writer, v: ShareGroupStatePartitionMetadataValueTopicPartitionsInfoInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "ShareGroupStatePartitionMetadataValue", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareGroupStatePartitionMetadataValue", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupStatePartitionMetadataValueTopicPartitionsInfo(r: Reader, version: number): ShareGroupStatePartitionMetadataValueTopicPartitionsInfo {
  const f_topicId: string = r.uuid();
  const f_topicName: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ShareGroupStatePartitionMetadataValueTopicPartitionsInfo = { topicId: f_topicId, topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupStatePartitionMetadataValueTopicInfo(w: Writer, v: ShareGroupStatePartitionMetadataValueTopicInfoInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "ShareGroupStatePartitionMetadataValue", "topicName", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupStatePartitionMetadataValueTopicInfo(r: Reader, version: number): ShareGroupStatePartitionMetadataValueTopicInfo {
  const f_topicId: string = r.uuid();
  const f_topicName: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: ShareGroupStatePartitionMetadataValueTopicInfo = { topicId: f_topicId, topicName: f_topicName };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupStatePartitionMetadataValue(w: Writer, value: ShareGroupStatePartitionMetadataValueInput, version: number): void {
  checkVersion("ShareGroupStatePartitionMetadataValue", version, 0, 0);
  writeShareGroupStatePartitionMetadataValue(w, value, version);
}

export function decodeShareGroupStatePartitionMetadataValue(r: Reader, version: number): ShareGroupStatePartitionMetadataValue {
  if (version < 0 || version > 0) r.fail(`ShareGroupStatePartitionMetadataValue has no version ${version}`);
  return readShareGroupStatePartitionMetadataValue(r, version);
}
