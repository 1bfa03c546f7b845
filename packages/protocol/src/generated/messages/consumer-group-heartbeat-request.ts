// Generated from Kafka's clients/ConsumerGroupHeartbeatRequest.json by packages/protocol/generator. Do not edit.
// request 68, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readCompactString, readInt32, readNullableArray, readString, unsupportedField, writeArray, writeCompactString, writeInt32, writeNullableArray, writeString } from '../../primitives/codec-support.ts';

export interface ConsumerGroupHeartbeatRequest {
  groupId: string; // versions 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  rebalanceTimeoutMs: number; // versions 0+
  subscribedTopicNames: string[] | null; // versions 0+, nullable 0+
  subscribedTopicRegex: string | null; // versions 1+, nullable 1+
  serverAssignor: string | null; // versions 0+, nullable 0+
  topicPartitions: ConsumerGroupHeartbeatRequestTopicPartitions[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatRequestInput {
  groupId: string; // versions 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  instanceId?: string | null; // versions 0+, nullable 0+
  rackId?: string | null; // versions 0+, nullable 0+
  rebalanceTimeoutMs?: number; // versions 0+
  subscribedTopicNames?: readonly string[] | null; // versions 0+, nullable 0+
  subscribedTopicRegex?: string | null; // versions 1+, nullable 1+
  serverAssignor?: string | null; // versions 0+, nullable 0+
  topicPartitions?: readonly ConsumerGroupHeartbeatRequestTopicPartitionsInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatRequestTopicPartitions {
  topicId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupHeartbeatRequestTopicPartitionsInput {
  topicId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupHeartbeatRequest(): ConsumerGroupHeartbeatRequest {
  return { groupId: "", memberId: "", memberEpoch: 0, instanceId: null, rackId: null, rebalanceTimeoutMs: -1, subscribedTopicNames: null, subscribedTopicRegex: null, serverAssignor: null, topicPartitions: null };
}

export function defaultConsumerGroupHeartbeatRequestTopicPartitions(): ConsumerGroupHeartbeatRequestTopicPartitions {
  return { topicId: ZERO_UUID, partitions: [] };
}

function writeConsumerGroupHeartbeatRequest(w: Writer, v: ConsumerGroupHeartbeatRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "ConsumerGroupHeartbeatRequest", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactString(nonNull(v_memberId, "ConsumerGroupHeartbeatRequest", "memberId", version));
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_instanceId = v.instanceId === undefined ? null : v.instanceId;
  w.compactNullableString(v_instanceId);
  const v_rackId = v.rackId === undefined ? null : v.rackId;
  w.compactNullableString(v_rackId);
  const v_rebalanceTimeoutMs = v.rebalanceTimeoutMs === undefined ? -1 : v.rebalanceTimeoutMs;
  w.int32(v_rebalanceTimeoutMs);
  const v_subscribedTopicNames = v.subscribedTopicNames === undefined ? null : v.subscribedTopicNames;
  writeNullableArray(w, true, v_subscribedTopicNames, writeCompactString);
  const v_subscribedTopicRegex = v.subscribedTopicRegex === undefined ? null : v.subscribedTopicRegex;
  if (version >= 1) {
    w.compactNullableString(v_subscribedTopicRegex);
  } else if (v.subscribedTopicRegex !== undefined && v.subscribedTopicRegex !== null) {
    unsupportedField("ConsumerGroupHeartbeatRequest", "subscribedTopicRegex", version);
  }
  const v_serverAssignor = v.serverAssignor === undefined ? null : v.serverAssignor;
  w.compactNullableString(v_serverAssignor);
  const v_topicPartitions = v.topicPartitions === undefined ? null : v.topicPartitions;
  writeNullableArray(w, true, v_topicPartitions, (ew, e) => writeConsumerGroupHeartbeatRequestTopicPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupHeartbeatRequest(r: Reader, version: number): ConsumerGroupHeartbeatRequest {
  const f_groupId: string = r.compactString();
  const f_memberId: string = r.compactString();
  const f_memberEpoch: number = r.int32();
  const f_instanceId: string | null = r.compactNullableString();
  const f_rackId: string | null = r.compactNullableString();
  const f_rebalanceTimeoutMs: number = r.int32();
  const f_subscribedTopicNames: string[] | null = readNullableArray(r, true, 1, readCompactString);
  const f_subscribedTopicRegex: string | null = version >= 1 ? r.compactNullableString() : null;
  const f_serverAssignor: string | null = r.compactNullableString();
  const f_topicPartitions: ConsumerGroupHeartbeatRequestTopicPartitions[] | null = readNullableArray(r, true, 17, (er) => readConsumerGroupHeartbeatRequestTopicPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupHeartbeatRequest = { groupId: f_groupId, memberId: f_memberId, memberEpoch: f_memberEpoch, instanceId: f_instanceId, rackId: f_rackId, rebalanceTimeoutMs: f_rebalanceTimeoutMs, subscribedTopicNames: f_subscribedTopicNames, subscribedTopicRegex: f_subscribedTopicRegex, serverAssignor: f_serverAssignor, topicPartitions: f_topicPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupHeartbeatRequestTopicPartitions(w: Writer, v: ConsumerGroupHeartbeatRequestTopicPartitionsInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ConsumerGroupHeartbeatRequest", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupHeartbeatRequestTopicPartitions(r: Reader, version: number): ConsumerGroupHeartbeatRequestTopicPartitions {
  const f_topicId: string = r.uuid();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupHeartbeatRequestTopicPartitions = { topicId: f_topicId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupHeartbeatRequest(w: Writer, value: ConsumerGroupHeartbeatRequestInput, version: number): void {
  checkVersion("ConsumerGroupHeartbeatRequest", version, 0, 1);
  writeConsumerGroupHeartbeatRequest(w, value, version);
}

export function decodeConsumerGroupHeartbeatRequest(r: Reader, version: number): ConsumerGroupHeartbeatRequest {
  if (version < 0 || version > 1) r.fail(`ConsumerGroupHeartbeatRequest has no version ${version}`);
  return readConsumerGroupHeartbeatRequest(r, version);
}
