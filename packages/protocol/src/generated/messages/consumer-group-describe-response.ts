// Generated from Kafka's clients/ConsumerGroupDescribeResponse.json by packages/protocol/generator. Do not edit.
// response 69, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readCompactString, readInt32, readNullableArray, readString, writeArray, writeCompactString, writeInt32, writeString } from '../../primitives/codec-support.ts';

export interface ConsumerGroupDescribeResponse {
  throttleTimeMs: number; // versions 0+
  groups: ConsumerGroupDescribeResponseDescribedGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseInput {
  throttleTimeMs: number; // versions 0+
  groups: readonly ConsumerGroupDescribeResponseDescribedGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseDescribedGroup {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  groupEpoch: number; // versions 0+
  assignmentEpoch: number; // versions 0+
  assignorName: string; // versions 0+
  members: ConsumerGroupDescribeResponseMember[]; // versions 0+
  authorizedOperations: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseDescribedGroupInput {
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  groupEpoch: number; // versions 0+
  assignmentEpoch: number; // versions 0+
  assignorName: string; // versions 0+
  members: readonly ConsumerGroupDescribeResponseMemberInput[]; // versions 0+
  authorizedOperations?: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseMember {
  memberId: string; // versions 0+
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: string[]; // versions 0+
  subscribedTopicRegex: string | null; // versions 0+, nullable 0+
  assignment: ConsumerGroupDescribeResponseAssignment; // versions 0+
  targetAssignment: ConsumerGroupDescribeResponseAssignment; // versions 0+
  memberType: number; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseMemberInput {
  memberId: string; // versions 0+
  instanceId?: string | null; // versions 0+, nullable 0+
  rackId?: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: readonly string[]; // versions 0+
  subscribedTopicRegex?: string | null; // versions 0+, nullable 0+
  assignment?: ConsumerGroupDescribeResponseAssignmentInput; // versions 0+
  targetAssignment?: ConsumerGroupDescribeResponseAssignmentInput; // versions 0+
  memberType?: number; // versions 1+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseAssignment {
  topicPartitions: ConsumerGroupDescribeResponseTopicPartitions[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseAssignmentInput {
  topicPartitions: readonly ConsumerGroupDescribeResponseTopicPartitionsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseTopicPartitions {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeResponseTopicPartitionsInput {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeResponse(): ConsumerGroupDescribeResponse {
  return { throttleTimeMs: 0, groups: [] };
}

export function defaultConsumerGroupDescribeResponseDescribedGroup(): ConsumerGroupDescribeResponseDescribedGroup {
  return { errorCode: 0, errorMessage: null, groupId: "", groupState: "", groupEpoch: 0, assignmentEpoch: 0, assignorName: "", members: [], authorizedOperations: -2147483648 };
}

export function defaultConsumerGroupDescribeResponseMember(): ConsumerGroupDescribeResponseMember {
  return { memberId: "", instanceId: null, rackId: null, memberEpoch: 0, clientId: "", clientHost: "", subscribedTopicNames: [], subscribedTopicRegex: null, assignment: defaultConsumerGroupDescribeResponseAssignment(), targetAssignment: defaultConsumerGroupDescribeResponseAssignment(), memberType: -1 };
}

export function defaultConsumerGroupDescribeResponseAssignment(): ConsumerGroupDescribeResponseAssignment {
  return { topicPartitions: [] };
}

export function defaultConsumerGroupDescribeResponseTopicPartitions(): ConsumerGroupDescribeResponseTopicPartitions {
  return { topicId: ZERO_UUID, topicName: "", partitions: [] };
}

function writeConsumerGroupDescribeResponse(w: Writer, v: ConsumerGroupDescribeResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, true, nonNull(v_groups, "ConsumerGroupDescribeResponse", "groups", version), (ew, e) => writeConsumerGroupDescribeResponseDescribedGroup(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupDescribeResponse(r: Reader, version: number): ConsumerGroupDescribeResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_groups: ConsumerGroupDescribeResponseDescribedGroup[] = readArray(r, true, 19, (er) => readConsumerGroupDescribeResponseDescribedGroup(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupDescribeResponse = { throttleTimeMs: f_throttleTimeMs, groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupDescribeResponseDescribedGroup(w: Writer, v: ConsumerGroupDescribeResponseDescribedGroupInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "ConsumerGroupDescribeResponse", "groupId", version));
  const v_groupState = v.groupState === undefined ? "" : v.groupState;
  w.compactString(nonNull(v_groupState, "ConsumerGroupDescribeResponse", "groupState", version));
  const v_groupEpoch = v.groupEpoch === undefined ? 0 : v.groupEpoch;
  w.int32(v_groupEpoch);
  const v_assignmentEpoch = v.assignmentEpoch === undefined ? 0 : v.assignmentEpoch;
  w.int32(v_assignmentEpoch);
  const v_assignorName = v.assignorName === undefined ? "" : v.assignorName;
  w.compactString(nonNull(v_assignorName, "ConsumerGroupDescribeResponse", "assignorName", version));
  const v_members = v.members === undefined ? [] : v.members;
  writeArray(w, true, nonNull(v_members, "ConsumerGroupDescribeResponse", "members", version), (ew, e) => writeConsumerGroupDescribeResponseMember(ew, e, version));
  const v_authorizedOperations = v.authorizedOperations === undefined ? -2147483648 : v.authorizedOperations;
  w.int32(v_authorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupDescribeResponseDescribedGroup(r: Reader, version: number): ConsumerGroupDescribeResponseDescribedGroup {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_groupId: string = r.compactString();
  const f_groupState: string = r.compactString();
  const f_groupEpoch: number = r.int32();
  const f_assignmentEpoch: number = r.int32();
  const f_assignorName: string = r.compactString();
  const f_members: ConsumerGroupDescribeResponseMember[] = readArray(r, true, 13, (er) => readConsumerGroupDescribeResponseMember(er, version));
  const f_authorizedOperations: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupDescribeResponseDescribedGroup = { errorCode: f_errorCode, errorMessage: f_errorMessage, groupId: f_groupId, groupState: f_groupState, groupEpoch: f_groupEpoch, assignmentEpoch: f_assignmentEpoch, assignorName: f_assignorName, members: f_members, authorizedOperations: f_authorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupDescribeResponseMember(w: Writer, v: ConsumerGroupDescribeResponseMemberInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactString(nonNull(v_memberId, "ConsumerGroupDescribeResponse", "memberId", version));
  const v_instanceId = v.instanceId === undefined ? null : v.instanceId;
  w.compactNullableString(v_instanceId);
  const v_rackId = v.rackId === undefined ? null : v.rackId;
  w.compactNullableString(v_rackId);
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  w.compactString(nonNull(v_clientId, "ConsumerGroupDescribeResponse", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  w.compactString(nonNull(v_clientHost, "ConsumerGroupDescribeResponse", "clientHost", version));
  const v_subscribedTopicNames = v.subscribedTopicNames === undefined ? [] : v.subscribedTopicNames;
  writeArray(w, true, nonNull(v_subscribedTopicNames, "ConsumerGroupDescribeResponse", "subscribedTopicNames", version), writeCompactString);
  const v_subscribedTopicRegex = v.subscribedTopicRegex === undefined ? null : v.subscribedTopicRegex;
  w.compactNullableString(v_subscribedTopicRegex);
  const v_assignment = v.assignment === undefined ? defaultConsumerGroupDescribeResponseAssignment() : v.assignment;
  writeConsumerGroupDescribeResponseAssignment(w, nonNull(v_assignment, "ConsumerGroupDescribeResponse", "assignment", version), version);
  const v_targetAssignment = v.targetAssignment === undefined ? defaultConsumerGroupDescribeResponseAssignment() : v.targetAssignment;
  writeConsumerGroupDescribeResponseAssignment(w, nonNull(v_targetAssignment, "ConsumerGroupDescribeResponse", "targetAssignment", version), version);
  const v_memberType = v.memberType === undefined ? -1 : v.memberType;
  if (version >= 1) {
    w.int8(v_memberType);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupDescribeResponseMember(r: Reader, version: number): ConsumerGroupDescribeResponseMember {
  const f_memberId: string = r.compactString();
  const f_instanceId: string | null = r.compactNullableString();
  const f_rackId: string | null = r.compactNullableString();
  const f_memberEpoch: number = r.int32();
  const f_clientId: string = r.compactString();
  const f_clientHost: string = r.compactString();
  const f_subscribedTopicNames: string[] = readArray(r, true, 1, readCompactString);
  const f_subscribedTopicRegex: string | null = r.compactNullableString();
  const f_assignment: ConsumerGroupDescribeResponseAssignment = readConsumerGroupDescribeResponseAssignment(r, version);
  const f_targetAssignment: ConsumerGroupDescribeResponseAssignment = readConsumerGroupDescribeResponseAssignment(r, version);
  const f_memberType: number = version >= 1 ? r.int8() : -1;
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupDescribeResponseMember = { memberId: f_memberId, instanceId: f_instanceId, rackId: f_rackId, memberEpoch: f_memberEpoch, clientId: f_clientId, clientHost: f_clientHost, subscribedTopicNames: f_subscribedTopicNames, subscribedTopicRegex: f_subscribedTopicRegex, assignment: f_assignment, targetAssignment: f_targetAssignment, memberType: f_memberType };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupDescribeResponseAssignment(w: Writer, v: ConsumerGroupDescribeResponseAssignmentInput, version: number): void {
  const v_topicPartitions = v.topicPartitions === undefined ? [] : v.topicPartitions;
  writeArray(w, true, nonNull(v_topicPartitions, "ConsumerGroupDescribeResponse", "topicPartitions", version), (ew, e) => writeConsumerGroupDescribeResponseTopicPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupDescribeResponseAssignment(r: Reader, version: number): ConsumerGroupDescribeResponseAssignment {
  const f_topicPartitions: ConsumerGroupDescribeResponseTopicPartitions[] = readArray(r, true, 18, (er) => readConsumerGroupDescribeResponseTopicPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupDescribeResponseAssignment = { topicPartitions: f_topicPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupDescribeResponseTopicPartitions(w: Writer, v: ConsumerGroupDescribeResponseTopicPartitionsInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "ConsumerGroupDescribeResponse", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ConsumerGroupDescribeResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupDescribeResponseTopicPartitions(r: Reader, version: number): ConsumerGroupDescribeResponseTopicPartitions {
  const f_topicId: string = r.uuid();
  const f_topicName: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupDescribeResponseTopicPartitions = { topicId: f_topicId, topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupDescribeResponse(w: Writer, value: ConsumerGroupDescribeResponseInput, version: number): void {
  checkVersion("ConsumerGroupDescribeResponse", version, 0, 1);
  writeConsumerGroupDescribeResponse(w, value, version);
}

export function decodeConsumerGroupDescribeResponse(r: Reader, version: number): ConsumerGroupDescribeResponse {
  if (version < 0 || version > 1) r.fail(`ConsumerGroupDescribeResponse has no version ${version}`);
  return readConsumerGroupDescribeResponse(r, version);
}
