// Generated from Kafka's clients/ConsumerProtocolAssignment.json by packages/protocol/generator. Do not edit.
// data, versions 0-3, flexible none
/* eslint-disable */
import { type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ConsumerProtocolAssignment {
  assignedPartitions: ConsumerProtocolAssignmentTopicPartition[]; // versions 0+
  userData: Buffer | null; // versions 0+, nullable 0+
}

export interface ConsumerProtocolAssignmentInput {
  assignedPartitions: readonly ConsumerProtocolAssignmentTopicPartitionInput[]; // versions 0+
  userData?: Buffer | null; // versions 0+, nullable 0+
}

export interface ConsumerProtocolAssignmentTopicPartition {
  topic: string; // versions 0+
  partitions: number[]; // versions 0+
}

export interface ConsumerProtocolAssignmentTopicPartitionInput {
  topic: string; // versions 0+
  partitions: readonly number[]; // versions 0+
}

export function defaultConsumerProtocolAssignment(): ConsumerProtocolAssignment {
  return { assignedPartitions: [], userData: null };
}

export function defaultConsumerProtocolAssignmentTopicPartition(): ConsumerProtocolAssignmentTopicPartition {
  return { topic: "", partitions: [] };
}

function writeConsumerProtocolAssignment(w: Writer, v: ConsumerProtocolAssignmentInput, version: number): void {
  const v_assignedPartitions = v.assignedPartitions === undefined ? [] : v.assignedPartitions;
  writeArray(w, false, nonNull(v_assignedPartitions, "ConsumerProtocolAssignment", "assignedPartitions", version), (ew, e) => writeConsumerProtocolAssignmentTopicPartition(ew, e, version));
  const v_userData = v.userData === undefined ? null : v.userData;
  w.nullableBytes(v_userData);
}

function readConsumerProtocolAssignment(r: Reader, version: number): ConsumerProtocolAssignment {
  const f_assignedPartitions: ConsumerProtocolAssignmentTopicPartition[] = readArray(r, false, 2, (er) => readConsumerProtocolAssignmentTopicPartition(er, version));
  const f_userData: Buffer | null = r.nullableBytes();
  return { assignedPartitions: f_assignedPartitions, userData: f_userData };
}

function writeConsumerProtocolAssignmentTopicPartition(w: Writer, v: ConsumerProtocolAssignmentTopicPartitionInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  w.string(nonNull(v_topic, "ConsumerProtocolAssignment", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, false, nonNull(v_partitions, "ConsumerProtocolAssignment", "partitions", version), writeInt32);
}

function readConsumerProtocolAssignmentTopicPartition(r: Reader, version: number): ConsumerProtocolAssignmentTopicPartition {
  const f_topic: string = r.string();
  const f_partitions: number[] = readArray(r, false, 4, readInt32);
  return { topic: f_topic, partitions: f_partitions };
}

export function encodeConsumerProtocolAssignment(w: Writer, value: ConsumerProtocolAssignmentInput, version: number): void {
  checkVersion("ConsumerProtocolAssignment", version, 0, 3);
  writeConsumerProtocolAssignment(w, value, version);
}

export function decodeConsumerProtocolAssignment(r: Reader, version: number): ConsumerProtocolAssignment {
  if (version < 0 || version > 3) r.fail(`ConsumerProtocolAssignment has no version ${version}`);
  return readConsumerProtocolAssignment(r, version);
}
