// Generated from Kafka's group-coordinator/ShareGroupCurrentMemberAssignmentValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 14, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ShareGroupCurrentMemberAssignmentValue {
  memberEpoch: number; // versions 0+
  previousMemberEpoch: number; // versions 0+
  state: number; // versions 0+
  assignedPartitions: ShareGroupCurrentMemberAssignmentValueTopicPartitions[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupCurrentMemberAssignmentValueInput {
  memberEpoch: number; // versions 0+
  previousMemberEpoch: number; // versions 0+
  state: number; // versions 0+
  assignedPartitions: readonly ShareGroupCurrentMemberAssignmentValueTopicPartitionsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupCurrentMemberAssignmentValueTopicPartitions {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupCurrentMemberAssignmentValueTopicPartitionsInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupCurrentMemberAssignmentValue(): ShareGroupCurrentMemberAssignmentValue {
  return { memberEpoch: 0, previousMemberEpoch: 0, state: 0, assignedPartitions: [] };
}

export function defaultShareGroupCurrentMemberAssignmentValueTopicPartitions(): ShareGroupCurrentMemberAssignmentValueTopicPartitions {
  return { topicId: ZERO_UUID, partitions: [] };
}

function writeShareGroupCurrentMemberAssignmentValue(w: Writer, v: ShareGroupCurrentMemberAssignmentValueInput, version: number): void {
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_previousMemberEpoch = v.previousMemberEpoch === undefined ? 0 : v.previousMemberEpoch;
  w.int32(v_previousMemberEpoch);
  const v_state = v.state === undefined ? 0 : v.state;
  w.int8(v_state);
  const v_assignedPartitions = v.assignedPartitions === undefined ? [] : v.assignedPartitions;
  writeArray(w, true, nonNull(v_assignedPartitions, "ShareGroupCurrentMemberAssignmentValue", "assignedPartitions", version), (ew, e) => writeShareGroupCurrentMemberAssignmentValueTopicPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupCurrentMemberAssignmentValue(r: Reader, version: number): ShareGroupCurrentMemberAssignmentValue {
  const f_memberEpoch: number = r.int32();
  const f_previousMemberEpoch: number = r.int32();
  const f_state: number = r.int8();
  const f_assignedPartitions: ShareGroupCurrentMemberAssignmentValueTopicPartitions[] = readArray(r, true, 17, (er) => readShareGroupCurrentMemberAssignmentValueTopicPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareGroupCurrentMemberAssignmentValue = { memberEpoch: f_memberEpoch, previousMemberEpoch: f_previousMemberEpoch, state: f_state, assignedPartitions: f_assignedPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupCurrentMemberAssignmentValueTopicPartitions(w: Writer, v: ShareGroupCurrentMemberAssignmentValueTopicPartitionsInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareGroupCurrentMemberAssignmentValue", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupCurrentMemberAssignmentValueTopicPartitions(r: Reader, version: number): ShareGroupCurrentMemberAssignmentValueTopicPartitions {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ShareGroupCurrentMemberAssignmentValueTopicPartitions = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupCurrentMemberAssignmentValue(w: Writer, value: ShareGroupCurrentMemberAssignmentValueInput, version: number): void {
  checkVersion("ShareGroupCurrentMemberAssignmentValue", version, 0, 0);
  writeShareGroupCurrentMemberAssignmentValue(w, value, version);
}

export function decodeShareGroupCurrentMemberAssignmentValue(r: Reader, version: number): ShareGroupCurrentMemberAssignmentValue {
  if (version < 0 || version > 0) r.fail(`ShareGroupCurrentMemberAssignmentValue has no version ${version}`);
  return readShareGroupCurrentMemberAssignmentValue(r, version);
}
