// Generated from Kafka's group-coordinator/ShareGroupTargetAssignmentMemberValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 13, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ShareGroupTargetAssignmentMemberValue {
  topicPartitions: ShareGroupTargetAssignmentMemberValueTopicPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupTargetAssignmentMemberValueInput {
  topicPartitions: readonly ShareGroupTargetAssignmentMemberValueTopicPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupTargetAssignmentMemberValueTopicPartition {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupTargetAssignmentMemberValueTopicPartitionInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupTargetAssignmentMemberValue(): ShareGroupTargetAssignmentMemberValue {
  return { topicPartitions: [] };
}

export function defaultShareGroupTargetAssignmentMemberValueTopicPartition(): ShareGroupTargetAssignmentMemberValueTopicPartition {
  return { topicId: ZERO_UUID, partitions: [] };
}

function writeShareGroupTargetAssignmentMemberValue(w: Writer, v: ShareGroupTargetAssignmentMemberValueInput, version: number): void {
  const v_topicPartitions = v.topicPartitions === undefined ? [] : v.topicPartitions;
  writeArray(w, true, nonNull(v_topicPartitions, "ShareGroupTargetAssignmentMemberValue", "topicPartitions", version), (ew, e) => writeShareGroupTargetAssignmentMemberValueTopicPartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupTargetAssignmentMemberValue(r: Reader, version: number): ShareGroupTargetAssignmentMemberValue {
  const f_topicPartitions: ShareGroupTargetAssignmentMemberValueTopicPartition[] = readArray(r, true, 17, (er) => readShareGroupTargetAssignmentMemberValueTopicPartition(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareGroupTargetAssignmentMemberValue = { topicPartitions: f_topicPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupTargetAssignmentMemberValueTopicPartition(w: Writer, v: ShareGroupTargetAssignmentMemberValueTopicPartitionInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareGroupTargetAssignmentMemberValue", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupTargetAssignmentMemberValueTopicPartition(r: Reader, version: number): ShareGroupTargetAssignmentMemberValueTopicPartition {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ShareGroupTargetAssignmentMemberValueTopicPartition = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupTargetAssignmentMemberValue(w: Writer, value: ShareGroupTargetAssignmentMemberValueInput, version: number): void {
  checkVersion("ShareGroupTargetAssignmentMemberValue", version, 0, 0);
  writeShareGroupTargetAssignmentMemberValue(w, value, version);
}

export function decodeShareGroupTargetAssignmentMemberValue(r: Reader, version: number): ShareGroupTargetAssignmentMemberValue {
  if (version < 0 || version > 0) r.fail(`ShareGroupTargetAssignmentMemberValue has no version ${version}`);
  return readShareGroupTargetAssignmentMemberValue(r, version);
}
