// Generated from Kafka's clients/StreamsGroupHeartbeatResponse.json by packages/protocol/generator. Do not edit.
// response 88, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface StreamsGroupHeartbeatResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  heartbeatIntervalMs: number; // versions 0+
  acceptableRecoveryLag: number; // versions 0+
  taskOffsetIntervalMs: number; // versions 0+
  status: StreamsGroupHeartbeatResponseStatus[] | null; // versions 0+, nullable 0+
  activeTasks: StreamsGroupHeartbeatResponseTaskIds[] | null; // versions 0+, nullable 0+
  standbyTasks: StreamsGroupHeartbeatResponseTaskIds[] | null; // versions 0+, nullable 0+
  warmupTasks: StreamsGroupHeartbeatResponseTaskIds[] | null; // versions 0+, nullable 0+
  endpointInformationEpoch: number; // versions 0+
  partitionsByUserEndpoint: StreamsGroupHeartbeatResponseEndpointToPartitions[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  heartbeatIntervalMs: number; // versions 0+
  acceptableRecoveryLag: number; // versions 0+
  taskOffsetIntervalMs: number; // versions 0+
  status: readonly StreamsGroupHeartbeatResponseStatusInput[] | null; // versions 0+, nullable 0+
  activeTasks?: readonly StreamsGroupHeartbeatResponseTaskIdsInput[] | null; // versions 0+, nullable 0+
  standbyTasks?: readonly StreamsGroupHeartbeatResponseTaskIdsInput[] | null; // versions 0+, nullable 0+
  warmupTasks?: readonly StreamsGroupHeartbeatResponseTaskIdsInput[] | null; // versions 0+, nullable 0+
  endpointInformationEpoch: number; // versions 0+
  partitionsByUserEndpoint?: readonly StreamsGroupHeartbeatResponseEndpointToPartitionsInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseStatus {
  statusCode: number; // versions 0+
  statusDetail: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseStatusInput {
  statusCode: number; // versions 0+
  statusDetail: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTaskIds {
  subtopologyId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTaskIdsInput {
  subtopologyId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpointToPartitions {
  userEndpoint: StreamsGroupHeartbeatResponseEndpoint; // versions 0+
  activePartitions: StreamsGroupHeartbeatResponseTopicPartition[]; // versions 0+
  standbyPartitions: StreamsGroupHeartbeatResponseTopicPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpointToPartitionsInput {
  userEndpoint?: StreamsGroupHeartbeatResponseEndpointInput; // versions 0+
  activePartitions: readonly StreamsGroupHeartbeatResponseTopicPartitionInput[]; // versions 0+
  standbyPartitions: readonly StreamsGroupHeartbeatResponseTopicPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpoint {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseEndpointInput {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTopicPartition {
  topic: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatResponseTopicPartitionInput {
  topic: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupHeartbeatResponse(): StreamsGroupHeartbeatResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: null, memberId: "", memberEpoch: 0, heartbeatIntervalMs: 0, acceptableRecoveryLag: 0, taskOffsetIntervalMs: 0, status: [], activeTasks: null, standbyTasks: null, warmupTasks: null, endpointInformationEpoch: 0, partitionsByUserEndpoint: null };
}

export function defaultStreamsGroupHeartbeatResponseStatus(): StreamsGroupHeartbeatResponseStatus {
  return { statusCode: 0, statusDetail: "" };
}

export function defaultStreamsGroupHeartbeatResponseTaskIds(): StreamsGroupHeartbeatResponseTaskIds {
  return { subtopologyId: "", partitions: [] };
}

export function defaultStreamsGroupHeartbeatResponseEndpointToPartitions(): StreamsGroupHeartbeatResponseEndpointToPartitions {
  return { userEndpoint: defaultStreamsGroupHeartbeatResponseEndpoint(), activePartitions: [], standbyPartitions: [] };
}

export function defaultStreamsGroupHeartbeatResponseEndpoint(): StreamsGroupHeartbeatResponseEndpoint {
  return { host: "", port: 0 };
}

export function defaultStreamsGroupHeartbeatResponseTopicPartition(): StreamsGroupHeartbeatResponseTopicPartition {
  return { topic: "", partitions: [] };
}

function writeStreamsGroupHeartbeatResponse(w: Writer, v: StreamsGroupHeartbeatResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactString(nonNull(v_memberId, "StreamsGroupHeartbeatResponse", "memberId", version));
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_heartbeatIntervalMs = v.heartbeatIntervalMs === undefined ? 0 : v.heartbeatIntervalMs;
  w.int32(v_heartbeatIntervalMs);
  const v_acceptableRecoveryLag = v.acceptableRecoveryLag === undefined ? 0 : v.acceptableRecoveryLag;
  w.int32(v_acceptableRecoveryLag);
  const v_taskOffsetIntervalMs = v.taskOffsetIntervalMs === undefined ? 0 : v.taskOffsetIntervalMs;
  w.int32(v_taskOffsetIntervalMs);
  const v_status = v.status === undefined ? [] : v.status;
  writeNullableArray(w, true, v_status, (ew, e) => writeStreamsGroupHeartbeatResponseStatus(ew, e, version));
  const v_activeTasks = v.activeTasks === undefined ? null : v.activeTasks;
  writeNullableArray(w, true, v_activeTasks, (ew, e) => writeStreamsGroupHeartbeatResponseTaskIds(ew, e, version));
  const v_standbyTasks = v.standbyTasks === undefined ? null : v.standbyTasks;
  writeNullableArray(w, true, v_standbyTasks, (ew, e) => writeStreamsGroupHeartbeatResponseTaskIds(ew, e, version));
  const v_warmupTasks = v.warmupTasks === undefined ? null : v.warmupTasks;
  writeNullableArray(w, true, v_warmupTasks, (ew, e) => writeStreamsGroupHeartbeatResponseTaskIds(ew, e, version));
  const v_endpointInformationEpoch = v.endpointInformationEpoch === undefined ? 0 : v.endpointInformationEpoch;
  w.int32(v_endpointInformationEpoch);
  const v_partitionsByUserEndpoint = v.partitionsByUserEndpoint === undefined ? null : v.partitionsByUserEndpoint;
  writeNullableArray(w, true, v_partitionsByUserEndpoint, (ew, e) => writeStreamsGroupHeartbeatResponseEndpointToPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatResponse(r: Reader, version: number): StreamsGroupHeartbeatResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_memberId: string = r.compactString();
  const f_memberEpoch: number = r.int32();
  const f_heartbeatIntervalMs: number = r.int32();
  const f_acceptableRecoveryLag: number = r.int32();
  const f_taskOffsetIntervalMs: number = r.int32();
  const f_status: StreamsGroupHeartbeatResponseStatus[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatResponseStatus(er, version));
  const f_activeTasks: StreamsGroupHeartbeatResponseTaskIds[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatResponseTaskIds(er, version));
  const f_standbyTasks: StreamsGroupHeartbeatResponseTaskIds[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatResponseTaskIds(er, version));
  const f_warmupTasks: StreamsGroupHeartbeatResponseTaskIds[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatResponseTaskIds(er, version));
  const f_endpointInformationEpoch: number = r.int32();
  const f_partitionsByUserEndpoint: StreamsGroupHeartbeatResponseEndpointToPartitions[] | null = readNullableArray(r, true, 5, (er) => readStreamsGroupHeartbeatResponseEndpointToPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, memberId: f_memberId, memberEpoch: f_memberEpoch, heartbeatIntervalMs: f_heartbeatIntervalMs, acceptableRecoveryLag: f_acceptableRecoveryLag, taskOffsetIntervalMs: f_taskOffsetIntervalMs, status: f_status, activeTasks: f_activeTasks, standbyTasks: f_standbyTasks, warmupTasks: f_warmupTasks, endpointInformationEpoch: f_endpointInformationEpoch, partitionsByUserEndpoint: f_partitionsByUserEndpoint };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatResponseStatus(w: Writer, v: StreamsGroupHeartbeatResponseStatusInput, version: number): void {
  const v_statusCode = v.statusCode === undefined ? 0 : v.statusCode;
  w.int8(v_statusCode);
  const v_statusDetail = v.statusDetail === undefined ? "" : v.statusDetail;
  w.compactString(nonNull(v_statusDetail, "StreamsGroupHeartbeatResponse", "statusDetail", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatResponseStatus(r: Reader, version: number): StreamsGroupHeartbeatResponseStatus {
  const f_statusCode: number = r.int8();
  const f_statusDetail: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatResponseStatus = { statusCode: f_statusCode, statusDetail: f_statusDetail };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatResponseTaskIds(w: Writer, v: StreamsGroupHeartbeatResponseTaskIdsInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupHeartbeatResponse", "subtopologyId", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "StreamsGroupHeartbeatResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatResponseTaskIds(r: Reader, version: number): StreamsGroupHeartbeatResponseTaskIds {
  const f_subtopologyId: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatResponseTaskIds = { subtopologyId: f_subtopologyId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatResponseEndpointToPartitions(w: Writer, v: StreamsGroupHeartbeatResponseEndpointToPartitionsInput, version: number): void {
  const v_userEndpoint = v.userEndpoint === undefined ? defaultStreamsGroupHeartbeatResponseEndpoint() : v.userEndpoint;
  writeStreamsGroupHeartbeatResponseEndpoint(w, nonNull(v_userEndpoint, "StreamsGroupHeartbeatResponse", "userEndpoint", version), version);
  const v_activePartitions = v.activePartitions === undefined ? [] : v.activePartitions;
  writeArray(w, true, nonNull(v_activePartitions, "StreamsGroupHeartbeatResponse", "activePartitions", version), (ew, e) => writeStreamsGroupHeartbeatResponseTopicPartition(ew, e, version));
  const v_standbyPartitions = v.standbyPartitions === undefined ? [] : v.standbyPartitions;
  writeArray(w, true, nonNull(v_standbyPartitions, "StreamsGroupHeartbeatResponse", "standbyPartitions", version), (ew, e) => writeStreamsGroupHeartbeatResponseTopicPartition(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatResponseEndpointToPartitions(r: Reader, version: number): StreamsGroupHeartbeatResponseEndpointToPartitions {
  const f_userEndpoint: StreamsGroupHeartbeatResponseEndpoint = readStreamsGroupHeartbeatResponseEndpoint(r, version);
  const f_activePartitions: StreamsGroupHeartbeatResponseTopicPartition[] = readArray(r, true, 2, (er) => readStreamsGroupHeartbeatResponseTopicPartition(er, version));
  const f_standbyPartitions: StreamsGroupHeartbeatResponseTopicPartition[] = readArray(r, true, 2, (er) => readStreamsGroupHeartbeatResponseTopicPartition(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatResponseEndpointToPartitions = { userEndpoint: f_userEndpoint, activePartitions: f_activePartitions, standbyPartitions: f_standbyPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatResponseEndpoint(w: Writer, v: StreamsGroupHeartbeatResponseEndpointInput, version: number): void {
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "StreamsGroupHeartbeatResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatResponseEndpoint(r: Reader, version: number): StreamsGroupHeartbeatResponseEndpoint {
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatResponseEndpoint = { host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatResponseTopicPartition(w: Writer, v: StreamsGroupHeartbeatResponseTopicPartitionInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  w.compactString(nonNull(v_topic, "StreamsGroupHeartbeatResponse", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "StreamsGroupHeartbeatResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatResponseTopicPartition(r: Reader, version: number): StreamsGroupHeartbeatResponseTopicPartition {
  const f_topic: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatResponseTopicPartition = { topic: f_topic, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupHeartbeatResponse(w: Writer, value: StreamsGroupHeartbeatResponseInput, version: number): void {
  checkVersion("StreamsGroupHeartbeatResponse", version, 0, 0);
  writeStreamsGroupHeartbeatResponse(w, value, version);
}

export function decodeStreamsGroupHeartbeatResponse(r: Reader, version: number): StreamsGroupHeartbeatResponse {
  if (version < 0 || version > 0) r.fail(`StreamsGroupHeartbeatResponse has no version ${version}`);
  return readStreamsGroupHeartbeatResponse(r, version);
}
