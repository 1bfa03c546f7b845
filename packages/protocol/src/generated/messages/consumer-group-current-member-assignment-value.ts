// Generated from Kafka's group-coordinator/ConsumerGroupCurrentMemberAssignmentValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 8, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, taggedValue, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface ConsumerGroupCurrentMemberAssignmentValue {
  memberEpoch: number; // versions 0+
  previousMemberEpoch: number; // versions 0+
  state: number; // versions 0+
  assignedPartitions: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[]; // versions 0+
  partitionsPendingRevocation: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupCurrentMemberAssignmentValueInput {
  memberEpoch: number; // versions 0+
  previousMemberEpoch: number; // versions 0+
  state: number; // versions 0+
  assignedPartitions: readonly ConsumerGroupCurrentMemberAssignmentValueTopicPartitionsInput[]; // versions 0+
  partitionsPendingRevocation: readonly ConsumerGroupCurrentMemberAssignmentValueTopicPartitionsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupCurrentMemberAssignmentValueTopicPartitions {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  assignmentEpochs: number[] | null; // versions 0+, tag 0 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupCurrentMemberAssignmentValueTopicPartitionsInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  assignmentEpochs?: readonly number[] | null; // versions 0+, tag 0 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupCurrentMemberAssignmentValue(): ConsumerGroupCurrentMemberAssignmentValue {
  return { memberEpoch: 0, previousMemberEpoch: 0, state: 0, assignedPartitions: [], partitionsPendingRevocation: [] };
}

export function defaultConsumerGroupCurrentMemberAssignmentValueTopicPartitions(): ConsumerGroupCurrentMemberAssignmentValueTopicPartitions {
  return { topicId: ZERO_UUID, partitions: [], assignmentEpochs: null };
}

function writeConsumerGroupCurrentMemberAssignmentValue(w: Writer, v: ConsumerGroupCurrentMemberAssignmentValueInput, version: number): void {
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_previousMemberEpoch = v.previousMemberEpoch === undefined ? 0 : v.previousMemberEpoch;
  w.int32(v_previousMemberEpoch);
  const v_state = v.state === undefined ? 0 : v.state;
  w.int8(v_state);
  const v_assignedPartitions = v.assignedPartitions === undefined ? [] : v.assignedPartitions;
  writeArray(w, true, nonNull(v_assignedPartitions, "ConsumerGroupCurrentMemberAssignmentValue", "assignedPartitions", version), (ew, e) => writeConsumerGroupCurrentMemberAssignmentValueTopicPartitions(ew, e, version));
  const v_partitionsPendingRevocation = v.partitionsPendingRevocation === undefined ? [] : v.partitionsPendingRevocation;
  writeArray(w, true, nonNull(v_partitionsPendingRevocation, "ConsumerGroupCurrentMemberAssignmentValue", "partitionsPendingRevocation", version), (ew, e) => writeConsumerGroupCurrentMemberAssignmentValueTopicPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupCurrentMemberAssignmentValue(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentValue {
  const f_memberEpoch: number = r.int32();
  const f_previousMemberEpoch: number = r.int32();
  const f_state: number = r.int8();
  const f_assignedPartitions: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[] = readArray(r, true, 17, (er) => readConsumerGroupCurrentMemberAssignmentValueTopicPartitions(er, version));
  const f_partitionsPendingRevocation: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions[] = readArray(r, true, 17, (er) => readConsumerGroupCurrentMemberAssignmentValueTopicPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupCurrentMemberAssignmentValue = { memberEpoch: f_memberEpoch, previousMemberEpoch: f_previousMemberEpoch, state: f_state, assignedPartitions: f_assignedPartitions, partitionsPendingRevocation: f_partitionsPendingRevocation };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupCurrentMemberAssignmentValueTopicPartitions(w: Writer, v: ConsumerGroupCurrentMemberAssignmentValueTopicPartitionsInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ConsumerGroupCurrentMemberAssignmentValue", "partitions", version), writeInt32);
  let tagged = v._unknownTaggedFields?.slice();
  if (v.assignmentEpochs != null) {
    const x = v.assignmentEpochs!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      writeNullableArray(tw, true, x, writeInt32);
    }));
  }
  w.taggedFields(tagged);
}

function readConsumerGroupCurrentMemberAssignmentValueTopicPartitions(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentValueTopicPartitions {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  let f_assignmentEpochs: number[] | null = null;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_assignmentEpochs = readNullableArray(tr, true, 4, readInt32);
        return true;
      default:
        return false;
    }
  });
  const value: ConsumerGroupCurrentMemberAssignmentValueTopicPartitions = { topicId: f_topicId, partitions: f_partitions, assignmentEpochs: f_assignmentEpochs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupCurrentMemberAssignmentValue(w: Writer, value: ConsumerGroupCurrentMemberAssignmentValueInput, version: number): void {
  checkVersion("ConsumerGroupCurrentMemberAssignmentValue", version, 0, 0);
  writeConsumerGroupCurrentMemberAssignmentValue(w, value, version);
}

export function decodeConsumerGroupCurrentMemberAssignmentValue(r: Reader, version: number): ConsumerGroupCurrentMemberAssignmentValue {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupCurrentMemberAssignmentValue has no version ${version}`);
  return readConsumerGroupCurrentMemberAssignmentValue(r, version);
}
