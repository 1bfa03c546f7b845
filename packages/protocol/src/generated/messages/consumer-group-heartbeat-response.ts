// Generated from Kafka's clients/ConsumerGroupHeartbeatResponse.json by packages/protocol/generator. Do not edit.
// response 68, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ConsumerGroupHeartbeatResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  memberId: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  heartbeatIntervalMs: number; // versions 0+
  assignment: ConsumerGroupHeartbeatResponseAssignment | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  memberId?: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  heartbeatIntervalMs: number; // versions 0+
  assignment?: ConsumerGroupHeartbeatResponseAssignmentInput | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseAssignment {
  topicPartitions: ConsumerGroupHeartbeatResponseTopicPartitions[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseAssignmentInput {
  topicPartitions: readonly ConsumerGroupHeartbeatResponseTopicPartitionsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseTopicPartitions {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatResponseTopicPartitionsInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupHeartbeatResponse(): ConsumerGroupHeartbeatResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, memberId: null, memberEpoch: 0, heartbeatIntervalMs: 0, assignment: null };
}

export function defaultConsumerGroupHeartbeatResponseAssignment(): ConsumerGroupHeartbeatResponseAssignment {
  return { topicPartitions: [] };
}

export function defaultConsumerGroupHeartbeatResponseTopicPartitions(): ConsumerGroupHeartbeatResponseTopicPartitions {
  return { topicId: ZERO_UUID, partitions: [] };
}

function writeConsumerGroupHeartbeatResponse(w: Writer, v: ConsumerGroupHeartbeatResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_memberId = v.memberId === undefined ? null : v.memberId;
  w.compactNullableString(v_memberId);
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_heartbeatIntervalMs = v.heartbeatIntervalMs === undefined ? 0 : v.heartbeatIntervalMs;
  w.int32(v_heartbeatIntervalMs);
  const v_assignment = v.assignment === undefined ? null : v.assignment;
  if (v_assignment === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeConsumerGroupHeartbeatResponseAssignment(w, nonNull(v_assignment, "ConsumerGroupHeartbeatResponse", "assignment", version), version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupHeartbeatResponse(r: Reader, version: number): ConsumerGroupHeartbeatResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_memberId: string | null = r.compactNullableString();
  const f_memberEpoch: number = r.int32();
  const f_heartbeatIntervalMs: number = r.int32();
  const f_assignment: ConsumerGroupHeartbeatResponseAssignment | null = (r.int8() < 0 ? null : readConsumerGroupHeartbeatResponseAssignment(r, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupHeartbeatResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, memberId: f_memberId, memberEpoch: f_memberEpoch, heartbeatIntervalMs: f_heartbeatIntervalMs, assignment: f_assignment };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupHeartbeatResponseAssignment(w: Writer, v: ConsumerGroupHeartbeatResponseAssignmentInput, version: number): void {
  const v_topicPartitions = v.topicPartitions === undefined ? [] : v.topicPartitions;
  writeArray(w, true, nonNull(v_topicPartitions, "ConsumerGroupHeartbeatResponse", "topicPartitions", version), (ew, e) => writeConsumerGroupHeartbeatResponseTopicPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupHeartbeatResponseAssignment(r: Reader, version: number): ConsumerGroupHeartbeatResponseAssignment {
  const f_topicPartitions: ConsumerGroupHeartbeatResponseTopicPartitions[] = readArray(r, true, 17, (er) => readConsumerGroupHeartbeatResponseTopicPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupHeartbeatResponseAssignment = { topicPartitions: f_topicPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupHeartbeatResponseTopicPartitions(w: Writer, v: ConsumerGroupHeartbeatResponseTopicPartitionsInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ConsumerGroupHeartbeatResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupHeartbeatResponseTopicPartitions(r: Reader, version: number): ConsumerGroupHeartbeatResponseTopicPartitions {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupHeartbeatResponseTopicPartitions = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupHeartbeatResponse(w: Writer, value: ConsumerGroupHeartbeatResponseInput, version: number): void {
  checkVersion("ConsumerGroupHeartbeatResponse", version, 0, 1);
  writeConsumerGroupHeartbeatResponse(w, value, version);
}

export function decodeConsumerGroupHeartbeatResponse(r: Reader, version: number): ConsumerGroupHeartbeatResponse {
  if (version < 0 || version > 1) r.fail(`ConsumerGroupHeartbeatResponse has no version ${version}`);
  return readConsumerGroupHeartbeatResponse(r, version);
}
