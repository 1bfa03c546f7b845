// Generated from Kafka's group-coordinator/ConsumerGroupPartitionMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 4, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ConsumerGroupPartitionMetadataValue {
  topics: ConsumerGroupPartitionMetadataValueTopicMetadata[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupPartitionMetadataValueInput {
  topics: readonly ConsumerGroupPartitionMetadataValueTopicMetadataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupPartitionMetadataValueTopicMetadata {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  numPartitions: number; // versions 0+
  partitionMetadata: ConsumerGroupPartitionMetadataValuePartitionMetadata[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupPartitionMetadataValueTopicMetadataInput {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  numPartitions: number; // versions 0+
  partitionMetadata: readonly ConsumerGroupPartitionMetadataValuePartitionMetadataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupPartitionMetadataValuePartitionMetadata {
  partition: number; // versions 0+
  racks: string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupPartitionMetadataValuePartitionMetadataInput {
  partition: number; // versions 0+
  racks: readonly string[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupPartitionMetadataValue(): ConsumerGroupPartitionMetadataValue {
  return { topics: [] };
}

export function defaultConsumerGroupPartitionMetadataValueTopicMetadata(): ConsumerGroupPartitionMetadataValueTopicMetadata {
  return { topicId: ZERO_UUID, topicName: "", numPartitions: 0, partitionMetadata: [] };
}

export function defaultConsumerGroupPartitionMetadataValuePartitionMetadata(): ConsumerGroupPartitionMetadataValuePartitionMetadata {
  return { partition: 0, racks: [] };
}

function writeConsumerGroupPartitionMetadataValue(w: Writer, v: ConsumerGroupPartitionMetadataValueInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "ConsumerGroupPartitionMetadataValue", "topics", version), (ew, e) => writeConsumerGroupPartitionMetadataValueTopicMetadata(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupPartitionMetadataValue(r: Reader, version: number): ConsumerGroupPartitionMetadataValue {
  const f_topics: ConsumerGroupPartitionMetadataValueTopicMetadata[] = readArray(r, true, 22, (er) => readConsumerGroupPartitionMetadataValueTopicMetadata(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupPartitionMetadataValue = { topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupPartitionMetadataValueTopicMetadata(w: Writer, v: ConsumerGroupPartitionMetadataValueTopicMetadataInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "ConsumerGroupPartitionMetadataValue", "topicName", version));
  const v_numPartitions = v.numPartitions === undefined ? 0 : v.numPartitions;
  w.int32(v_numPartitions);
  const v_partitionMetadata = v.partitionMetadata === undefined ? [] : v.partitionMetadata;
  writeArray(w, true, nonNull(v_partitionMetadata, "ConsumerGroupPartitionMetadataValue", "partitionMetadata", version), (ew, e) => writeConsumerGroupPartitionMetadataValuePartitionMetadata(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupPartitionMetadataValueTopicMetadata(r: Reader, version: number): ConsumerGroupPartitionMetadataValueTopicMetadata {
  const f_topicId: string = r.uuid();
  const f_topicName: string = r.compactString();
  const f_numPartitions: number = r.int32();
  const f_partitionMetadata: ConsumerGroupPartitionMetadataValuePartitionMetadata[] = readArray(r, true, 5, (er) => readConsumerGroupPartitionMetadataValuePartitionMetadata(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupPartitionMetadataValueTopicMetadata = { topicId: f_topicId, topicName: f_topicName, numPartitions: f_numPartitions, partitionMetadata: f_partitionMetadata };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupPartitionMetadataValuePartitionMetadata(w: Writer, v: ConsumerGroupPartitionMetadataValuePartitionMetadataInput, version: number): void {
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_racks = v.racks === undefined ? [] : v.racks;
  writeArray(w, true, nonNull(v_racks, "ConsumerGroupPartitionMetadataValue", "racks", version), writeCompactString);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupPartitionMetadataValuePartitionMetadata(r: Reader, version: number): ConsumerGroupPartitionMetadataValuePartitionMetadata {
  const f_partition: number = r.int32();
  const f_racks: string[] = readArray(r, true, 1, readCompactString);
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupPartitionMetadataValuePartitionMetadata = { partition: f_partition, racks: f_racks };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupPartitionMetadataValue(w: Writer, value: ConsumerGroupPartitionMetadataValueInput, version: number): void {
  checkVersion("ConsumerGroupPartitionMetadataValue", version, 0, 0);
  writeConsumerGroupPartitionMetadataValue(w, value, version);
}

export function decodeConsumerGroupPartitionMetadataValue(r: Reader, version: number): ConsumerGroupPartitionMetadataValue {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupPartitionMetadataValue has no version ${version}`);
  return readConsumerGroupPartitionMetadataValue(r, version);
}
