// Generated from Kafka's clients/ShareGroupHeartbeatResponse.json by packages/protocol/generator. Do not edit.
// response 76, versions 1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface ShareGroupHeartbeatResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  memberId: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  heartbeatIntervalMs: number; // versions 0+
  assignment: ShareGroupHeartbeatResponseAssignment | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  memberId?: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  heartbeatIntervalMs: number; // versions 0+
  assignment?: ShareGroupHeartbeatResponseAssignmentInput | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseAssignment {
  topicPartitions: ShareGroupHeartbeatResponseTopicPartitions[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseAssignmentInput {
  topicPartitions: readonly ShareGroupHeartbeatResponseTopicPartitionsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseTopicPartitions {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupHeartbeatResponseTopicPartitionsInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupHeartbeatResponse(): ShareGroupHeartbeatResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, memberId: null, memberEpoch: 0, heartbeatIntervalMs: 0, assignment: null };
}

export function defaultShareGroupHeartbeatResponseAssignment(): ShareGroupHeartbeatResponseAssignment {
  return { topicPartitions: [] };
}

export function defaultShareGroupHeartbeatResponseTopicPartitions(): ShareGroupHeartbeatResponseTopicPartitions {
  return { topicId: ZERO_UUID, partitions: [] };
}

function writeShareGroupHeartbeatResponse(w: Writer, v: ShareGroupHeartbeatResponseInput, version: number): void {
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
    writeShareGroupHeartbeatResponseAssignment(w, nonNull(v_assignment, "ShareGroupHeartbeatResponse", "assignment", version), version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupHeartbeatResponse(r: Reader, version: number): ShareGroupHeartbeatResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_memberId: string | null = r.compactNullableString();
  const f_memberEpoch: number = r.int32();
  const f_heartbeatIntervalMs: number = r.int32();
  const f_assignment: ShareGroupHeartbeatResponseAssignment | null = (r.int8() < 0 ? null : readShareGroupHeartbeatResponseAssignment(r, version));
  const unknown = r.taggedFields(null);
  const value: ShareGroupHeartbeatResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, memberId: f_memberId, memberEpoch: f_memberEpoch, heartbeatIntervalMs: f_heartbeatIntervalMs, assignment: f_assignment };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupHeartbeatResponseAssignment(w: Writer, v: ShareGroupHeartbeatResponseAssignmentInput, version: number): void {
  const v_topicPartitions = v.topicPartitions === undefined ? [] : v.topicPartitions;
  writeArray(w, true, nonNull(v_topicPartitions, "ShareGroupHeartbeatResponse", "topicPartitions", version), (ew, e) => writeShareGroupHeartbeatResponseTopicPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupHeartbeatResponseAssignment(r: Reader, version: number): ShareGroupHeartbeatResponseAssignment {
  const f_topicPartitions: ShareGroupHeartbeatResponseTopicPartitions[] = readArray(r, true, 17, (er) => readShareGroupHeartbeatResponseTopicPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareGroupHeartbeatResponseAssignment = { topicPartitions: f_topicPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupHeartbeatResponseTopicPartitions(w: Writer, v: ShareGroupHeartbeatResponseTopicPartitionsInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareGroupHeartbeatResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupHeartbeatResponseTopicPartitions(r: Reader, version: number): ShareGroupHeartbeatResponseTopicPartitions {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ShareGroupHeartbeatResponseTopicPartitions = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupHeartbeatResponse(w: Writer, value: ShareGroupHeartbeatResponseInput, version: number): void {
  checkVersion("ShareGroupHeartbeatResponse", version, 1, 1);
  writeShareGroupHeartbeatResponse(w, value, version);
}

export function decodeShareGroupHeartbeatResponse(r: Reader, version: number): ShareGroupHeartbeatResponse {
  if (version < 1 || version > 1) r.fail(`ShareGroupHeartbeatResponse has no version ${version}`);
  return readShareGroupHeartbeatResponse(r, version);
}
