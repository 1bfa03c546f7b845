// Generated from Kafka's group-coordinator/ConsumerGroupTargetAssignmentMemberValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 7, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ConsumerGroupTargetAssignmentMemberValue {
  topicPartitions: ConsumerGroupTargetAssignmentMemberValueTopicPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupTargetAssignmentMemberValueInput {
  topicPartitions: readonly ConsumerGroupTargetAssignmentMemberValueTopicPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupTargetAssignmentMemberValueTopicPartition {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupTargetAssignmentMemberValueTopicPartitionInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupTargetAssignmentMemberValue(): ConsumerGroupTargetAssignmentMemberValue {
  return { topicPartitions: [] };
}

export function defaultConsumerGroupTargetAssignmentMemberValueTopicPartition(): ConsumerGroupTargetAssignmentMemberValueTopicPartition {
  return { topicId: ZERO_UUID, partitions: [] };
}

function writeConsumerGroupTargetAssignmentMemberValue(w: Writer, v: ConsumerGroupTargetAssignmentMemberValueInput, version: number): void {
  const v_topicPartitions = v.topicPartitions === undefined ? [] : v.topicPartitions;
  writeArray(w, true, nonNull(v_topicPartitions, "ConsumerGroupTargetAssignmentMemberValue", "topicPartitions", version), (ew, e) => writeConsumerGroupTargetAssignmentMemberValueTopicPartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupTargetAssignmentMemberValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberValue {
  const f_topicPartitions: ConsumerGroupTargetAssignmentMemberValueTopicPartition[] = readArray(r, true, 17, (er) => readConsumerGroupTargetAssignmentMemberValueTopicPartition(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupTargetAssignmentMemberValue = { topicPartitions: f_topicPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupTargetAssignmentMemberValueTopicPartition(w: Writer, v: ConsumerGroupTargetAssignmentMemberValueTopicPartitionInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ConsumerGroupTargetAssignmentMemberValue", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupTargetAssignmentMemberValueTopicPartition(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberValueTopicPartition {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupTargetAssignmentMemberValueTopicPartition = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupTargetAssignmentMemberValue(w: Writer, value: ConsumerGroupTargetAssignmentMemberValueInput, version: number): void {
  checkVersion("ConsumerGroupTargetAssignmentMemberValue", version, 0, 0);
  writeConsumerGroupTargetAssignmentMemberValue(w, value, version);
}

export function decodeConsumerGroupTargetAssignmentMemberValue(r: Reader, version: number): ConsumerGroupTargetAssignmentMemberValue {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupTargetAssignmentMemberValue has no version ${version}`);
  return readConsumerGroupTargetAssignmentMemberValue(r, version);
}
