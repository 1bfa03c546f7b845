// Generated from Kafka's clients/StreamsGroupDescribeResponse.json by packages/protocol/generator. Do not edit.
// response 89, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readInt32, readNullableArray, readString, writeArray, writeCompactString, writeInt32, writeNullableArray, writeString } from '../../primitives/codec-support.ts';

export interface StreamsGroupDescribeResponse {
  throttleTimeMs: number; // versions 0+
  groups: StreamsGroupDescribeResponseDescribedGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseInput {
  throttleTimeMs: number; // versions 0+
  groups: readonly StreamsGroupDescribeResponseDescribedGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseDescribedGroup {
  errorCode: number; // versions 0+
  errorMessage: string | null; // versions 0+, nullable 0+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  groupEpoch: number; // versions 0+
  assignmentEpoch: number; // versions 0+
  topology: StreamsGroupDescribeResponseTopology | null; // versions 0+, nullable 0+
  members: StreamsGroupDescribeResponseMember[]; // versions 0+
  authorizedOperations: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseDescribedGroupInput {
  errorCode: number; // versions 0+
  errorMessage?: string | null; // versions 0+, nullable 0+
  groupId: string; // versions 0+
  groupState: string; // versions 0+
  groupEpoch: number; // versions 0+
  assignmentEpoch: number; // versions 0+
  topology?: StreamsGroupDescribeResponseTopologyInput | null; // versions 0+, nullable 0+
  members: readonly StreamsGroupDescribeResponseMemberInput[]; // versions 0+
  authorizedOperations?: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopology {
  epoch: number; // versions 0+
  subtopologies: StreamsGroupDescribeResponseSubtopology[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopologyInput {
  epoch: number; // versions 0+
  subtopologies?: readonly StreamsGroupDescribeResponseSubtopologyInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseSubtopology {
  subtopologyId: string; // versions 0+
  sourceTopics: string[]; // versions 0+
  repartitionSinkTopics: string[]; // versions 0+
  stateChangelogTopics: StreamsGroupDescribeResponseTopicInfo[]; // versions 0+
  repartitionSourceTopics: StreamsGroupDescribeResponseTopicInfo[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseSubtopologyInput {
  subtopologyId: string; // versions 0+
  sourceTopics: readonly string[]; // versions 0+
  repartitionSinkTopics: readonly string[]; // versions 0+
  stateChangelogTopics: readonly StreamsGroupDescribeResponseTopicInfoInput[]; // versions 0+
  repartitionSourceTopics: readonly StreamsGroupDescribeResponseTopicInfoInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopicInfo {
  name: string; // versions 0+
  partitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  topicConfigs: StreamsGroupDescribeResponseKeyValue[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTopicInfoInput {
  name: string; // versions 0+
  partitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  topicConfigs: readonly StreamsGroupDescribeResponseKeyValueInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseKeyValue {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseKeyValueInput {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseMember {
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  topologyEpoch: number; // versions 0+
  processId: string; // versions 0+
  userEndpoint: StreamsGroupDescribeResponseEndpoint | null; // versions 0+, nullable 0+
  clientTags: StreamsGroupDescribeResponseKeyValue[]; // versions 0+
  taskOffsets: StreamsGroupDescribeResponseTaskOffset[]; // versions 0+
  taskEndOffsets: StreamsGroupDescribeResponseTaskOffset[]; // versions 0+
  assignment: StreamsGroupDescribeResponseAssignment; // versions 0+
  targetAssignment: StreamsGroupDescribeResponseAssignment; // versions 0+
  isClassic: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseMemberInput {
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  instanceId?: string | null; // versions 0+, nullable 0+
  rackId?: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  topologyEpoch: number; // versions 0+
  processId: string; // versions 0+
  userEndpoint?: StreamsGroupDescribeResponseEndpointInput | null; // versions 0+, nullable 0+
  clientTags: readonly StreamsGroupDescribeResponseKeyValueInput[]; // versions 0+
  taskOffsets: readonly StreamsGroupDescribeResponseTaskOffsetInput[]; // versions 0+
  taskEndOffsets: readonly StreamsGroupDescribeResponseTaskOffsetInput[]; // versions 0+
  assignment?: StreamsGroupDescribeResponseAssignmentInput; // versions 0+
  targetAssignment?: StreamsGroupDescribeResponseAssignmentInput; // versions 0+
  isClassic: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseEndpoint {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseEndpointInput {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskOffset {
  subtopologyId: string; // versions 0+
  partition: number; // versions 0+
  offset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskOffsetInput {
  subtopologyId: string; // versions 0+
  partition: number; // versions 0+
  offset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseAssignment {
  activeTasks: StreamsGroupDescribeResponseTaskIds[]; // versions 0+
  standbyTasks: StreamsGroupDescribeResponseTaskIds[]; // versions 0+
  warmupTasks: StreamsGroupDescribeResponseTaskIds[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseAssignmentInput {
  activeTasks: readonly StreamsGroupDescribeResponseTaskIdsInput[]; // versions 0+
  standbyTasks: readonly StreamsGroupDescribeResponseTaskIdsInput[]; // versions 0+
  warmupTasks: readonly StreamsGroupDescribeResponseTaskIdsInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskIds {
  subtopologyId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeResponseTaskIdsInput {
  subtopologyId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupDescribeResponse(): StreamsGroupDescribeResponse {
  return { throttleTimeMs: 0, groups: [] };
}

export function defaultStreamsGroupDescribeResponseDescribedGroup(): StreamsGroupDescribeResponseDescribedGroup {
  return { errorCode: 0, errorMessage: null, groupId: "", groupState: "", groupEpoch: 0, assignmentEpoch: 0, topology: null, members: [], authorizedOperations: -2147483648 };
}

export function defaultStreamsGroupDescribeResponseTopology(): StreamsGroupDescribeResponseTopology {
  return { epoch: 0, subtopologies: null };
}

export function defaultStreamsGroupDescribeResponseSubtopology(): StreamsGroupDescribeResponseSubtopology {
  return { subtopologyId: "", sourceTopics: [], repartitionSinkTopics: [], stateChangelogTopics: [], repartitionSourceTopics: [] };
}

export function defaultStreamsGroupDescribeResponseTopicInfo(): StreamsGroupDescribeResponseTopicInfo {
  return { name: "", partitions: 0, replicationFactor: 0, topicConfigs: [] };
}

export function defaultStreamsGroupDescribeResponseKeyValue(): StreamsGroupDescribeResponseKeyValue {
  return { key: "", value: "" };
}

export function defaultStreamsGroupDescribeResponseMember(): StreamsGroupDescribeResponseMember {
  return { memberId: "", memberEpoch: 0, instanceId: null, rackId: null, clientId: "", clientHost: "", topologyEpoch: 0, processId: "", userEndpoint: null, clientTags: [], taskOffsets: [], taskEndOffsets: [], assignment: defaultStreamsGroupDescribeResponseAssignment(), targetAssignment: defaultStreamsGroupDescribeResponseAssignment(), isClassic: false };
}

export function defaultStreamsGroupDescribeResponseEndpoint(): StreamsGroupDescribeResponseEndpoint {
  return { host: "", port: 0 };
}

export function defaultStreamsGroupDescribeResponseTaskOffset(): StreamsGroupDescribeResponseTaskOffset {
  return { subtopologyId: "", partition: 0, offset: 0n };
}

export function defaultStreamsGroupDescribeResponseAssignment(): StreamsGroupDescribeResponseAssignment {
  return { activeTasks: [], standbyTasks: [], warmupTasks: [] };
}

export function defaultStreamsGroupDescribeResponseTaskIds(): StreamsGroupDescribeResponseTaskIds {
  return { subtopologyId: "", partitions: [] };
}

function writeStreamsGroupDescribeResponse(w: Writer, v: StreamsGroupDescribeResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_groups = v.groups === undefined ? [] : v.groups;
  writeArray(w, true, nonNull(v_groups, "StreamsGroupDescribeResponse", "groups", version), (ew, e) => writeStreamsGroupDescribeResponseDescribedGroup(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponse(r: Reader, version: number): StreamsGroupDescribeResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_groups: StreamsGroupDescribeResponseDescribedGroup[] = readArray(r, true, 23, (er) => readStreamsGroupDescribeResponseDescribedGroup(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponse = { throttleTimeMs: f_throttleTimeMs, groups: f_groups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseDescribedGroup(w: Writer, v: StreamsGroupDescribeResponseDescribedGroupInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? null : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "StreamsGroupDescribeResponse", "groupId", version));
  const v_groupState = v.groupState === undefined ? "" : v.groupState;
  w.compactString(nonNull(v_groupState, "StreamsGroupDescribeResponse", "groupState", version));
  const v_groupEpoch = v.groupEpoch === undefined ? 0 : v.groupEpoch;
  w.int32(v_groupEpoch);
  const v_assignmentEpoch = v.assignmentEpoch === undefined ? 0 : v.assignmentEpoch;
  w.int32(v_assignmentEpoch);
  const v_topology = v.topology === undefined ? null : v.topology;
  if (v_topology === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeStreamsGroupDescribeResponseTopology(w, nonNull(v_topology, "StreamsGroupDescribeResponse", "topology", version), version);
  }
  const v_members = v.members === undefined ? [] : v.members;
  writeArray(w, true, nonNull(v_members, "StreamsGroupDescribeResponse", "members", version), (ew, e) => writeStreamsGroupDescribeResponseMember(ew, e, version));
  const v_authorizedOperations = v.authorizedOperations === undefined ? -2147483648 : v.authorizedOperations;
  w.int32(v_authorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseDescribedGroup(r: Reader, version: number): StreamsGroupDescribeResponseDescribedGroup {
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const f_groupId: string = r.compactString();
  const f_groupState: string = r.compactString();
  const f_groupEpoch: number = r.int32();
  const f_assignmentEpoch: number = r.int32();
  const f_topology: StreamsGroupDescribeResponseTopology | null = (r.int8() < 0 ? null : readStreamsGroupDescribeResponseTopology(r, version));
  const f_members: StreamsGroupDescribeResponseMember[] = readArray(r, true, 27, (er) => readStreamsGroupDescribeResponseMember(er, version));
  const f_authorizedOperations: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseDescribedGroup = { errorCode: f_errorCode, errorMessage: f_errorMessage, groupId: f_groupId, groupState: f_groupState, groupEpoch: f_groupEpoch, assignmentEpoch: f_assignmentEpoch, topology: f_topology, members: f_members, authorizedOperations: f_authorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseTopology(w: Writer, v: StreamsGroupDescribeResponseTopologyInput, version: number): void {
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  const v_subtopologies = v.subtopologies === undefined ? null : v.subtopologies;
  writeNullableArray(w, true, v_subtopologies, (ew, e) => writeStreamsGroupDescribeResponseSubtopology(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseTopology(r: Reader, version: number): StreamsGroupDescribeResponseTopology {
  const f_epoch: number = r.int32();
  const f_subtopologies: StreamsGroupDescribeResponseSubtopology[] | null = readNullableArray(r, true, 5, (er) => readStreamsGroupDescribeResponseSubtopology(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseTopology = { epoch: f_epoch, subtopologies: f_subtopologies };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseSubtopology(w: Writer, v: StreamsGroupDescribeResponseSubtopologyInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupDescribeResponse", "subtopologyId", version));
  const v_sourceTopics = v.sourceTopics === undefined ? [] : v.sourceTopics;
  writeArray(w, true, nonNull(v_sourceTopics, "StreamsGroupDescribeResponse", "sourceTopics", version), writeCompactString);
  const v_repartitionSinkTopics = v.repartitionSinkTopics === undefined ? [] : v.repartitionSinkTopics;
  writeArray(w, true, nonNull(v_repartitionSinkTopics, "StreamsGroupDescribeResponse", "repartitionSinkTopics", version), writeCompactString);
  const v_stateChangelogTopics = v.stateChangelogTopics === undefined ? [] : v.stateChangelogTopics;
  writeArray(w, true, nonNull(v_stateChangelogTopics, "StreamsGroupDescribeResponse", "stateChangelogTopics", version), (ew, e) => writeStreamsGroupDescribeResponseTopicInfo(ew, e, version));
  const v_repartitionSourceTopics = v.repartitionSourceTopics === undefined ? [] : v.repartitionSourceTopics;
  writeArray(w, true, nonNull(v_repartitionSourceTopics, "StreamsGroupDescribeResponse", "repartitionSourceTopics", version), (ew, e) => writeStreamsGroupDescribeResponseTopicInfo(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseSubtopology(r: Reader, version: number): StreamsGroupDescribeResponseSubtopology {
  const f_subtopologyId: string = r.compactString();
  const f_sourceTopics: string[] = readArray(r, true, 1, readCompactString);
  const f_repartitionSinkTopics: string[] = readArray(r, true, 1, readCompactString);
  const f_stateChangelogTopics: StreamsGroupDescribeResponseTopicInfo[] = readArray(r, true, 8, (er) => readStreamsGroupDescribeResponseTopicInfo(er, version));
  const f_repartitionSourceTopics: StreamsGroupDescribeResponseTopicInfo[] = readArray(r, true, 8, (er) => readStreamsGroupDescribeResponseTopicInfo(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseSubtopology = { subtopologyId: f_subtopologyId, sourceTopics: f_sourceTopics, repartitionSinkTopics: f_repartitionSinkTopics, stateChangelogTopics: f_stateChangelogTopics, repartitionSourceTopics: f_repartitionSourceTopics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseTopicInfo(w: Writer, v: StreamsGroupDescribeResponseTopicInfoInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "StreamsGroupDescribeResponse", "name", version));
  const v_partitions = v.partitions === undefined ? 0 : v.partitions;
  w.int32(v_partitions);
  const v_replicationFactor = v.replicationFactor === undefined ? 0 : v.replicationFactor;
  w.int16(v_replicationFactor);
  const v_topicConfigs = v.topicConfigs === undefined ? [] : v.topicConfigs;
  writeArray(w, true, nonNull(v_topicConfigs, "StreamsGroupDescribeResponse", "topicConfigs", version), (ew, e) => writeStreamsGroupDescribeResponseKeyValue(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseTopicInfo(r: Reader, version: number): StreamsGroupDescribeResponseTopicInfo {
  const f_name: string = r.compactString();
  const f_partitions: number = r.int32();
  const f_replicationFactor: number = r.int16();
  const f_topicConfigs: StreamsGroupDescribeResponseKeyValue[] = readArray(r, true, 2, (er) => readStreamsGroupDescribeResponseKeyValue(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseTopicInfo = { name: f_name, partitions: f_partitions, replicationFactor: f_replicationFactor, topicConfigs: f_topicConfigs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseKeyValue(w: Writer, v: StreamsGroupDescribeResponseKeyValueInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  w.compactString(nonNull(v_key, "StreamsGroupDescribeResponse", "key", version));
  const v_value = v.value === undefined ? "" : v.value;
  w.compactString(nonNull(v_value, "StreamsGroupDescribeResponse", "value", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseKeyValue(r: Reader, version: number): StreamsGroupDescribeResponseKeyValue {
  const f_key: string = r.compactString();
  const f_value: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseKeyValue = { key: f_key, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseMember(w: Writer, v: StreamsGroupDescribeResponseMemberInput, version: number): void {
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactString(nonNull(v_memberId, "StreamsGroupDescribeResponse", "memberId", version));
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_instanceId = v.instanceId === undefined ? null : v.instanceId;
  w.compactNullableString(v_instanceId);
  const v_rackId = v.rackId === undefined ? null : v.rackId;
  w.compactNullableString(v_rackId);
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  w.compactString(nonNull(v_clientId, "StreamsGroupDescribeResponse", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  w.compactString(nonNull(v_clientHost, "StreamsGroupDescribeResponse", "clientHost", version));
  const v_topologyEpoch = v.topologyEpoch === undefined ? 0 : v.topologyEpoch;
  w.int32(v_topologyEpoch);
  const v_processId = v.processId === undefined ? "" : v.processId;
  w.compactString(nonNull(v_processId, "StreamsGroupDescribeResponse", "processId", version));
  const v_userEndpoint = v.userEndpoint === undefined ? null : v.userEndpoint;
  if (v_userEndpoint === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeStreamsGroupDescribeResponseEndpoint(w, nonNull(v_userEndpoint, "StreamsGroupDescribeResponse", "userEndpoint", version), version);
  }
  const v_clientTags = v.clientTags === undefined ? [] : v.clientTags;
  writeArray(w, true, nonNull(v_clientTags, "StreamsGroupDescribeResponse", "clientTags", version), (ew, e) => writeStreamsGroupDescribeResponseKeyValue(ew, e, version));
  const v_taskOffsets = v.taskOffsets === undefined ? [] : v.taskOffsets;
  writeArray(w, true, nonNull(v_taskOffsets, "StreamsGroupDescribeResponse", "taskOffsets", version), (ew, e) => writeStreamsGroupDescribeResponseTaskOffset(ew, e, version));
  const v_taskEndOffsets = v.taskEndOffsets === undefined ? [] : v.taskEndOffsets;
  writeArray(w, true, nonNull(v_taskEndOffsets, "StreamsGroupDescribeResponse", "taskEndOffsets", version), (ew, e) => writeStreamsGroupDescribeResponseTaskOffset(ew, e, version));
  const v_assignment = v.assignment === undefined ? defaultStreamsGroupDescribeResponseAssignment() : v.assignment;
  writeStreamsGroupDescribeResponseAssignment(w, nonNull(v_assignment, "StreamsGroupDescribeResponse", "assignment", version), version);
  const v_targetAssignment = v.targetAssignment === undefined ? defaultStreamsGroupDescribeResponseAssignment() : v.targetAssignment;
  writeStreamsGroupDescribeResponseAssignment(w, nonNull(v_targetAssignment, "StreamsGroupDescribeResponse", "targetAssignment", version), version);
  const v_isClassic = v.isClassic === undefined ? false : v.isClassic;
  w.bool(v_isClassic);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseMember(r: Reader, version: number): StreamsGroupDescribeResponseMember {
  const f_memberId: string = r.compactString();
  const f_memberEpoch: number = r.int32();
  const f_instanceId: string | null = r.compactNullableString();
  const f_rackId: string | null = r.compactNullableString();
  const f_clientId: string = r.compactString();
  const f_clientHost: string = r.compactString();
  const f_topologyEpoch: number = r.int32();
  const f_processId: string = r.compactString();
  const f_userEndpoint: StreamsGroupDescribeResponseEndpoint | null = (r.int8() < 0 ? null : readStreamsGroupDescribeResponseEndpoint(r, version));
  const f_clientTags: StreamsGroupDescribeResponseKeyValue[] = readArray(r, true, 2, (er) => readStreamsGroupDescribeResponseKeyValue(er, version));
  const f_taskOffsets: StreamsGroupDescribeResponseTaskOffset[] = readArray(r, true, 13, (er) => readStreamsGroupDescribeResponseTaskOffset(er, version));
  const f_taskEndOffsets: StreamsGroupDescribeResponseTaskOffset[] = readArray(r, true, 13, (er) => readStreamsGroupDescribeResponseTaskOffset(er, version));
  const f_assignment: StreamsGroupDescribeResponseAssignment = readStreamsGroupDescribeResponseAssignment(r, version);
  const f_targetAssignment: StreamsGroupDescribeResponseAssignment = readStreamsGroupDescribeResponseAssignment(r, version);
  const f_isClassic: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseMember = { memberId: f_memberId, memberEpoch: f_memberEpoch, instanceId: f_instanceId, rackId: f_rackId, clientId: f_clientId, clientHost: f_clientHost, topologyEpoch: f_topologyEpoch, processId: f_processId, userEndpoint: f_userEndpoint, clientTags: f_clientTags, taskOffsets: f_taskOffsets, taskEndOffsets: f_taskEndOffsets, assignment: f_assignment, targetAssignment: f_targetAssignment, isClassic: f_isClassic };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseEndpoint(w: Writer, v: StreamsGroupDescribeResponseEndpointInput, version: number): void {
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "StreamsGroupDescribeResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseEndpoint(r: Reader, version: number): StreamsGroupDescribeResponseEndpoint {
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseEndpoint = { host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseTaskOffset(w: Writer, v: StreamsGroupDescribeResponseTaskOffsetInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupDescribeResponse", "subtopologyId", version));
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_offset = v.offset === undefined ? 0n : v.offset;
  w.int64(v_offset);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseTaskOffset(r: Reader, version: number): StreamsGroupDescribeResponseTaskOffset {
  const f_subtopologyId: string = r.compactString();
  const f_partition: number = r.int32();
  const f_offset: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseTaskOffset = { subtopologyId: f_subtopologyId, partition: f_partition, offset: f_offset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseAssignment(w: Writer, v: StreamsGroupDescribeResponseAssignmentInput, version: number): void {
  const v_activeTasks = v.activeTasks === undefined ? [] : v.activeTasks;
  writeArray(w, true, nonNull(v_activeTasks, "StreamsGroupDescribeResponse", "activeTasks", version), (ew, e) => writeStreamsGroupDescribeResponseTaskIds(ew, e, version));
  const v_standbyTasks = v.standbyTasks === undefined ? [] : v.standbyTasks;
  writeArray(w, true, nonNull(v_standbyTasks, "StreamsGroupDescribeResponse", "standbyTasks", version), (ew, e) => writeStreamsGroupDescribeResponseTaskIds(ew, e, version));
  const v_warmupTasks = v.warmupTasks === undefined ? [] : v.warmupTasks;
  writeArray(w, true, nonNull(v_warmupTasks, "StreamsGroupDescribeResponse", "warmupTasks", version), (ew, e) => writeStreamsGroupDescribeResponseTaskIds(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseAssignment(r: Reader, version: number): StreamsGroupDescribeResponseAssignment {
  const f_activeTasks: StreamsGroupDescribeResponseTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupDescribeResponseTaskIds(er, version));
  const f_standbyTasks: StreamsGroupDescribeResponseTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupDescribeResponseTaskIds(er, version));
  const f_warmupTasks: StreamsGroupDescribeResponseTaskIds[] = readArray(r, true, 2, (er) => readStreamsGroupDescribeResponseTaskIds(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseAssignment = { activeTasks: f_activeTasks, standbyTasks: f_standbyTasks, warmupTasks: f_warmupTasks };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupDescribeResponseTaskIds(w: Writer, v: StreamsGroupDescribeResponseTaskIdsInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupDescribeResponse", "subtopologyId", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "StreamsGroupDescribeResponse", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeResponseTaskIds(r: Reader, version: number): StreamsGroupDescribeResponseTaskIds {
  const f_subtopologyId: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeResponseTaskIds = { subtopologyId: f_subtopologyId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupDescribeResponse(w: Writer, value: StreamsGroupDescribeResponseInput, version: number): void {
  checkVersion("StreamsGroupDescribeResponse", version, 0, 0);
  writeStreamsGroupDescribeResponse(w, value, version);
}

export function decodeStreamsGroupDescribeResponse(r: Reader, version: number): StreamsGroupDescribeResponse {
  if (version < 0 || version > 0) r.fail(`StreamsGroupDescribeResponse has no version ${version}`);
  return readStreamsGroupDescribeResponse(r, version);
}
