// Generated from Kafka's clients/ShareGroupDescribeResponse.json by packages/protocol/generator. Do not edit.
// response 77, versions 1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readCompactString, readInt32, readNullableArray, readString, writeArray, writeCompactString, writeInt32, writeString } from '../../primitives/codec-support.ts';

export interface ShareGroupDescribeResponse {
  throttleTimeMs: number; // versions 0+
  groups: ShareGroupDescribeResponseDescribedGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseInput {
  throttleTimeMs: number; // versions 0+
  groups: readonly ShareGroupDescribeResponseDescribedGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseDescribedGroup {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  groupEpoch: number; // versions 0+
  assignmentEpoch: number; // versions 0+
  assignorName: string; // versions 0+
  members: ShareGroupDescribeResponseMember[]; // versions 0+
  authorizedOperations: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseDescribedGroupInput {
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  groupEpoch: number; // versions 0+
  assignmentEpoch: number; // versions 0+
  assignorName: string; // versions 0+
  members: readonly ShareGroupDescribeResponseMemberInput[]; // versions 0+
  authorizedOperations?: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseMember {
  memberId: string; // versions 0+
  rackId: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: string[]; // versions 0+
  assignment: ShareGroupDescribeResponseAssignment; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseMemberInput {
  memberId: string; // versions 0+
  rackId?: string | null; // versions 0+, nullable 0+
  memberEpoch: number; // versions 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: readonly string[]; // versions 0+
  assignment?: ShareGroupDescribeResponseAssignmentInput; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseAssignment {
  topicPartitions: ShareGroupDescribeResponseTopicPartitions[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseAssignmentInput {
  topicPartitions: readonly ShareGroupDescribeResponseTopicPartitionsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseTopicPartitions {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ShareGroupDescribeResponseTopicPartitionsInput {
  topicId: string; // versions 0+
  topicName: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultShareGroupDescribeResponse(): ShareGroupDescribeResponse {
  return { throttleTimeMs: 0, groups: [] };
}

export function defaultShareGroupDescribeResponseDescribedGroup(): ShareGroupDescribeResponseDescribedGroup {
  return { errorCode: 0, errorMessage: null, groupId: "", groupState: "", groupEpoch: 0, assignmentEpoch: 0, assignorName: "", members: [], authorizedOperations: -2147483648 };
}

export function defaultShareGroupDescribeResponseMember(): ShareGroupDescribeResponseMember {
  return { memberId: "", rackId: null, memberEpoch: 0, clientId: "", clientHost: "", subscribedTopicNames: [], assignment: defaultShareGroupDescribeResponseAssignment() };
}

export function defaultShareGroupDescribeResponseAssignment(): ShareGroupDescribeResponseAssignment {
  return { topicPartitions: [] };
}

export function defaultShareGroupDescribeResponseTopicPartitions(): ShareGroupDescribeResponseTopicPartitions {
  return { topicId: ZERO_UUID, topicName: "", partitions: [] };
}

function writeShareGroupDescribeResponse(w: Writer, v: ShareGroupDescribeResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, true, nonNull(v_groups, "ShareGroupDescribeResponse", "groups", version), (ew, e) => writeShareGroupDescribeResponseDescribedGroup(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupDescribeResponse(r: Reader, version: number): ShareGroupDescribeResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_groups: ShareGroupDescribeResponseDescribedGroup[] = readArray(r, true, 19, (er) => readShareGroupDescribeResponseDescribedGroup(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareGroupDescribeResponse = { throttleTimeMs: f_throttleTimeMs, groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupDescribeResponseDescribedGroup(w: Writer, v: ShareGroupDescribeResponseDescribedGroupInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "ShareGroupDescribeResponse", "groupId", version));
  const v_groupState = v.groupState === undefined ? "" : v.groupState;
  w.compactString(nonNull(v_groupState, "ShareGroupDescribeResponse", "groupState", version));
  const v_groupEpoch = v.groupEpoch === undefined ? 0 : v.groupEpoch;
  w.int32(v_groupEpoch);
  const v_assignmentEpoch = v.assignmentEpoch === undefined ? 0 : v.assignmentEpoch;
  w.int32(v_assignmentEpoch);
  const v_assignorName = v.assignorName === undefined ? "" : v.assignorName;
  w.compactString(nonNull(v_assignorName, "ShareGroupDescribeResponse", "assignorName", version));
  const v_members = v.members === undefined ? [] : v.members;
  writeArray(w, true, nonNull(v_members, "ShareGroupDescribeResponse", "members", version), (ew, e) => writeShareGroupDescribeResponseMember(ew, e, version));
  const v_authorizedOperations = v.authorizedOperations === undefined ? -2147483648 : v.authorizedOperations;
  w.int32(v_authorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupDescribeResponseDescribedGroup(r: Reader, version: number): ShareGroupDescribeResponseDescribedGroup {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_groupId: string = r.compactString();
  const f_groupState: string = r.compactString();
  const f_groupEpoch: number = r.int32();
  const f_assignmentEpoch: number = r.int32();
  const f_assignorName: string = r.compactString();
  const f_members: ShareGroupDescribeResponseMember[] = readArray(r, true, 10, (er) => readShareGroupDescribeResponseMember(er, version));
  const f_authorizedOperations: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: ShareGroupDescribeResponseDescribedGroup = { errorCode: f_errorCode, errorMessage: f_errorMessage, groupId: f_groupId, groupState: f_groupState, groupEpoch: f_groupEpoch, assignmentEpoch: f_assignmentEpoch, assignorName: f_assignorName, members: f_members, authorizedOperations: f_authorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupDescribeResponseMember(w: Writer, v: ShareGroupDescribeResponseMemberInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactString(nonNull(v_memberId, "ShareGroupDescribeResponse", "memberId", version));
  const v_rackId = v.rackId === undefined ? null : v.rackId;
  w.compactNullableString(v_rackId);
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  w.compactString(nonNull(v_clientId, "ShareGroupDescribeResponse", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  w.compactString(nonNull(v_clientHost, "ShareGroupDescribeResponse", "clientHost", version));
  const v_subscribedTopicNames = v.subscribedTopicNames === undefined ? [] : v.subscribedTopicNames;
  writeArray(w, true, nonNull(v_subscribedTopicNames, "ShareGroupDescribeResponse", "subscribedTopicNames", version), writeCompactString);
  const v_assignment = v.assignment === undefined ? defaultShareGroupDescribeResponseAssignment() : v.assignment;
  writeShareGroupDescribeResponseAssignment(w, nonNull(v_assignment, "ShareGroupDescribeResponse", "assignment", version), version);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupDescribeResponseMember(r: Reader, version: number): ShareGroupDescribeResponseMember {
  const f_memberId: string = r.compactString();
  const f_rackId: string | null = r.compactNullableString();
  const f_memberEpoch: number = r.int32();
  const f_clientId: string = r.compactString();
  const f_clientHost: string = r.compactString();
  const f_subscribedTopicNames: string[] = readArray(r, true, 1, readCompactString);
  const f_assignment: ShareGroupDescribeResponseAssignment = readShareGroupDescribeResponseAssignment(r, version);
  const unknown = r.taggedFields(null);
  const value: ShareGroupDescribeResponseMember = { memberId: f_memberId, rackId: f_rackId, memberEpoch: f_memberEpoch, clientId: f_clientId, clientHost: f_clientHost, subscribedTopicNames: f_subscribedTopicNames, assignment: f_assignment };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupDescribeResponseAssignment(w: Writer, v: ShareGroupDescribeResponseAssignmentInput, version: number): void {
  const v_topicPartitions = v.topicPartitions === undefined ? [] : v.topicPartitions;
  writeArray(w, true, nonNull(v_topicPartitions, "ShareGroupDescribeResponse", "topicPartitions", version), (ew, e) => writeShareGroupDescribeResponseTopicPartitions(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupDescribeResponseAssignment(r: Reader, version: number): ShareGroupDescribeResponseAssignment {
  const f_topicPartitions: ShareGroupDescribeResponseTopicPartitions[] = readArray(r, true, 18, (er) => readShareGroupDescribeResponseTopicPartitions(er, version));
  const unknown = r.taggedFields(null);
  const value: ShareGroupDescribeResponseAssignment = { topicPartitions: f_topicPartitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeShareGroupDescribeResponseTopicPartitions(w: Writer, v: ShareGroupDescribeResponseTopicPartitionsInput, version: number): void {
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  w.uuid(v_topicId);
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "ShareGroupDescribeResponse", "topicName", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "ShareGroupDescribeResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readShareGroupDescribeResponseTopicPartitions(r: Reader, version: number): ShareGroupDescribeResponseTopicPartitions {
  const f_topicId: string = r.uuid();
  const f_topicName: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: ShareGroupDescribeResponseTopicPartitions = { topicId: f_topicId, topicName: f_topicName, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeShareGroupDescribeResponse(w: Writer, value: ShareGroupDescribeResponseInput, version: number): void {
  checkVersion("ShareGroupDescribeResponse", version, 1, 1);
  writeShareGroupDescribeResponse(w, value, version);
}

export function decodeShareGroupDescribeResponse(r: Reader, version: number): ShareGroupDescribeResponse {
  if (version < 1 || version > 1) r.fail(`ShareGroupDescribeResponse has no version ${version}`);
  return readShareGroupDescribeResponse(r, version);
}
