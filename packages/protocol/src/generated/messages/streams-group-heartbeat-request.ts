// Generated from Kafka's clients/StreamsGroupHeartbeatRequest.json by packages/protocol/generator. Do not edit.
// request 88, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readInt16, readInt32, readNullableArray, readString, writeArray, writeCompactString, writeInt16, writeInt32, writeNullableArray, writeString } from '../../primitives/codec-support.ts';

export interface StreamsGroupHeartbeatRequest {
  groupId: string; // versions 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  endpointInformationEpoch: number; // versions 0+
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  rebalanceTimeoutMs: number; // versions 0+
  topology: StreamsGroupHeartbeatRequestTopology | null; // versions 0+, nullable 0+
  activeTasks: StreamsGroupHeartbeatRequestTaskIds[] | null; // versions 0+, nullable 0+
  standbyTasks: StreamsGroupHeartbeatRequestTaskIds[] | null; // versions 0+, nullable 0+
  warmupTasks: StreamsGroupHeartbeatRequestTaskIds[] | null; // versions 0+, nullable 0+
  processId: string | null; // versions 0+, nullable 0+
  userEndpoint: StreamsGroupHeartbeatRequestEndpoint | null; // versions 0+, nullable 0+
  clientTags: StreamsGroupHeartbeatRequestKeyValue[] | null; // versions 0+, nullable 0+
  taskOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null; // versions 0+, nullable 0+
  taskEndOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null; // versions 0+, nullable 0+
  shutdownApplication: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestInput {
  groupId: string; // versions 0+
  memberId: string; // versions 0+
  memberEpoch: number; // versions 0+
  endpointInformationEpoch: number; // versions 0+
  instanceId?: string | null; // versions 0+, nullable 0+
  rackId?: string | null; // versions 0+, nullable 0+
  rebalanceTimeoutMs?: number; // versions 0+
  topology?: StreamsGroupHeartbeatRequestTopologyInput | null; // versions 0+, nullable 0+
  activeTasks?: readonly StreamsGroupHeartbeatRequestTaskIdsInput[] | null; // versions 0+, nullable 0+
  standbyTasks?: readonly StreamsGroupHeartbeatRequestTaskIdsInput[] | null; // versions 0+, nullable 0+
  warmupTasks?: readonly StreamsGroupHeartbeatRequestTaskIdsInput[] | null; // versions 0+, nullable 0+
  processId?: string | null; // versions 0+, nullable 0+
  userEndpoint?: StreamsGroupHeartbeatRequestEndpointInput | null; // versions 0+, nullable 0+
  clientTags?: readonly StreamsGroupHeartbeatRequestKeyValueInput[] | null; // versions 0+, nullable 0+
  taskOffsets?: readonly StreamsGroupHeartbeatRequestTaskOffsetInput[] | null; // versions 0+, nullable 0+
  taskEndOffsets?: readonly StreamsGroupHeartbeatRequestTaskOffsetInput[] | null; // versions 0+, nullable 0+
  shutdownApplication?: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopology {
  epoch: number; // versions 0+
  subtopologies: StreamsGroupHeartbeatRequestSubtopology[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopologyInput {
  epoch: number; // versions 0+
  subtopologies: readonly StreamsGroupHeartbeatRequestSubtopologyInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestSubtopology {
  subtopologyId: string; // versions 0+
  sourceTopics: string[]; // versions 0+
  sourceTopicRegex: string[]; // versions 0+
  stateChangelogTopics: StreamsGroupHeartbeatRequestTopicInfo[]; // versions 0+
  repartitionSinkTopics: string[]; // versions 0+
  repartitionSourceTopics: StreamsGroupHeartbeatRequestTopicInfo[]; // versions 0+
  copartitionGroups: StreamsGroupHeartbeatRequestCopartitionGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestSubtopologyInput {
  subtopologyId: string; // versions 0+
  sourceTopics: readonly string[]; // versions 0+
  sourceTopicRegex: readonly string[]; // versions 0+
  stateChangelogTopics: readonly StreamsGroupHeartbeatRequestTopicInfoInput[]; // versions 0+
  repartitionSinkTopics: readonly string[]; // versions 0+
  repartitionSourceTopics: readonly StreamsGroupHeartbeatRequestTopicInfoInput[]; // versions 0+
  copartitionGroups: readonly StreamsGroupHeartbeatRequestCopartitionGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopicInfo {
  name: string; // versions 0+
  partitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  topicConfigs: StreamsGroupHeartbeatRequestKeyValue[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTopicInfoInput {
  name: string; // versions 0+
  partitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  topicConfigs: readonly StreamsGroupHeartbeatRequestKeyValueInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestKeyValue {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestKeyValueInput {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestCopartitionGroup {
  sourceTopics: number[]; // versions 0+
  sourceTopicRegex: number[]; // versions 0+
  repartitionSourceTopics: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestCopartitionGroupInput {
  sourceTopics: readonly number[]; // versions 0+
  sourceTopicRegex: readonly number[]; // versions 0+
  repartitionSourceTopics: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskIds {
  subtopologyId: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskIdsInput {
  subtopologyId: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestEndpoint {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestEndpointInput {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskOffset {
  subtopologyId: string; // versions 0+
  partition: number; // versions 0+
  offset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupHeartbeatRequestTaskOffsetInput {
  subtopologyId: string; // versions 0+
  partition: number; // versions 0+
  offset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupHeartbeatRequest(): StreamsGroupHeartbeatRequest {
  return { groupId: "", memberId: "", memberEpoch: 0, endpointInformationEpoch: 0, instanceId: null, rackId: null, rebalanceTimeoutMs: -1, topology: null, activeTasks: null, standbyTasks: null, warmupTasks: null, processId: null, userEndpoint: null, clientTags: null, taskOffsets: null, taskEndOffsets: null, shutdownApplication: false };
}

export function defaultStreamsGroupHeartbeatRequestTopology(): StreamsGroupHeartbeatRequestTopology {
  return { epoch: 0, subtopologies: [] };
}

export function defaultStreamsGroupHeartbeatRequestSubtopology(): StreamsGroupHeartbeatRequestSubtopology {
  return { subtopologyId: "", sourceTopics: [], sourceTopicRegex: [], stateChangelogTopics: [], repartitionSinkTopics: [], repartitionSourceTopics: [], copartitionGroups: [] };
}

export function defaultStreamsGroupHeartbeatRequestTopicInfo(): StreamsGroupHeartbeatRequestTopicInfo {
  return { name: "", partitions: 0, replicationFactor: 0, topicConfigs: [] };
}

export function defaultStreamsGroupHeartbeatRequestKeyValue(): StreamsGroupHeartbeatRequestKeyValue {
  return { key: "", value: "" };
}

export function defaultStreamsGroupHeartbeatRequestCopartitionGroup(): StreamsGroupHeartbeatRequestCopartitionGroup {
  return { sourceTopics: [], sourceTopicRegex: [], repartitionSourceTopics: [] };
}

export function defaultStreamsGroupHeartbeatRequestTaskIds(): StreamsGroupHeartbeatRequestTaskIds {
  return { subtopologyId: "", partitions: [] };
}

export function defaultStreamsGroupHeartbeatRequestEndpoint(): StreamsGroupHeartbeatRequestEndpoint {
  return { host: "", port: 0 };
}

export function defaultStreamsGroupHeartbeatRequestTaskOffset(): StreamsGroupHeartbeatRequestTaskOffset {
  return { subtopologyId: "", partition: 0, offset: 0n };
}

function writeStreamsGroupHeartbeatRequest(w: Writer, v: StreamsGroupHeartbeatRequestInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  w.compactString(nonNull(v_groupId, "StreamsGroupHeartbeatRequest", "groupId", version));
  const v_memberId = v.memberId === undefined ? "" : v.memberId;
  w.compactString(nonNull(v_memberId, "StreamsGroupHeartbeatRequest", "memberId", version));
  const v_memberEpoch = v.memberEpoch === undefined ? 0 : v.memberEpoch;
  w.int32(v_memberEpoch);
  const v_endpointInformationEpoch = v.endpointInformationEpoch === undefined ? 0 : v.endpointInformationEpoch;
  w.int32(v_endpointInformationEpoch);
  const v_instanceId = v.instanceId === undefined ? null : v.instanceId;
  w.compactNullableString(v_instanceId);
  const v_rackId = v.rackId === undefined ? null : v.rackId;
  w.compactNullableString(v_rackId);
  const v_rebalanceTimeoutMs = v.rebalanceTimeoutMs === undefined ? -1 : v.rebalanceTimeoutMs;
  w.int32(v_rebalanceTimeoutMs);
  const v_topology = v.topology === undefined ? null : v.topology;
  if (v_topology === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeStreamsGroupHeartbeatRequestTopology(w, nonNull(v_topology, "StreamsGroupHeartbeatRequest", "topology", version), version);
  }
  const v_activeTasks = v.activeTasks === undefined ? null : v.activeTasks;
  writeNullableArray(w, true, v_activeTasks, (ew, e) => writeStreamsGroupHeartbeatRequestTaskIds(ew, e, version));
  const v_standbyTasks = v.standbyTasks === undefined ? null : v.standbyTasks;
  writeNullableArray(w, true, v_standbyTasks, (ew, e) => writeStreamsGroupHeartbeatRequestTaskIds(ew, e, version));
  const v_warmupTasks = v.warmupTasks === undefined ? null : v.warmupTasks;
  writeNullableArray(w, true, v_warmupTasks, (ew, e) => writeStreamsGroupHeartbeatRequestTaskIds(ew, e, version));
  const v_processId = v.processId === undefined ? null : v.processId;
  w.compactNullableString(v_processId);
  const v_userEndpoint = v.userEndpoint === undefined ? null : v.userEndpoint;
  if (v_userEndpoint === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeStreamsGroupHeartbeatRequestEndpoint(w, nonNull(v_userEndpoint, "StreamsGroupHeartbeatRequest", "userEndpoint", version), version);
  }
  const v_clientTags = v.clientTags === undefined ? null : v.clientTags;
  writeNullableArray(w, true, v_clientTags, (ew, e) => writeStreamsGroupHeartbeatRequestKeyValue(ew, e, version));
  const v_taskOffsets = v.taskOffsets === undefined ? null : v.taskOffsets;
  writeNullableArray(w, true, v_taskOffsets, (ew, e) => writeStreamsGroupHeartbeatRequestTaskOffset(ew, e, version));
  const v_taskEndOffsets = v.taskEndOffsets === undefined ? null : v.taskEndOffsets;
  writeNullableArray(w, true, v_taskEndOffsets, (ew, e) => writeStreamsGroupHeartbeatRequestTaskOffset(ew, e, version));
  const v_shutdownApplication = v.shutdownApplication === undefined ? false : v.shutdownApplication;
  w.bool(v_shutdownApplication);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequest(r: Reader, version: number): StreamsGroupHeartbeatRequest {
  const f_groupId: string = r.compactString();
  const f_memberId: string = r.compactString();
  const f_memberEpoch: number = r.int32();
  const f_endpointInformationEpoch: number = r.int32();
  const f_instanceId: string | null = r.compactNullableString();
  const f_rackId: string | null = r.compactNullableString();
  const f_rebalanceTimeoutMs: number = r.int32();
  const f_topology: StreamsGroupHeartbeatRequestTopology | null = (r.int8() < 0 ? null : readStreamsGroupHeartbeatRequestTopology(r, version));
  const f_activeTasks: StreamsGroupHeartbeatRequestTaskIds[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatRequestTaskIds(er, version));
  const f_standbyTasks: StreamsGroupHeartbeatRequestTaskIds[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatRequestTaskIds(er, version));
  const f_warmupTasks: StreamsGroupHeartbeatRequestTaskIds[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatRequestTaskIds(er, version));
  const f_processId: string | null = r.compactNullableString();
  const f_userEndpoint: StreamsGroupHeartbeatRequestEndpoint | null = (r.int8() < 0 ? null : readStreamsGroupHeartbeatRequestEndpoint(r, version));
  const f_clientTags: StreamsGroupHeartbeatRequestKeyValue[] | null = readNullableArray(r, true, 2, (er) => readStreamsGroupHeartbeatRequestKeyValue(er, version));
  const f_taskOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null = readNullableArray(r, true, 13, (er) => readStreamsGroupHeartbeatRequestTaskOffset(er, version));
  const f_taskEndOffsets: StreamsGroupHeartbeatRequestTaskOffset[] | null = readNullableArray(r, true, 13, (er) => readStreamsGroupHeartbeatRequestTaskOffset(er, version));
  const f_shutdownApplication: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequest = { groupId: f_groupId, memberId: f_memberId, memberEpoch: f_memberEpoch, endpointInformationEpoch: f_endpointInformationEpoch, instanceId: f_instanceId, rackId: f_rackId, rebalanceTimeoutMs: f_rebalanceTimeoutMs, topology: f_topology, activeTasks: f_activeTasks, standbyTasks: f_standbyTasks, warmupTasks: f_warmupTasks, processId: f_processId, userEndpoint: f_userEndpoint, clientTags: f_clientTags, taskOffsets: f_taskOffsets, taskEndOffsets: f_taskEndOffsets, shutdownApplication: f_shutdownApplication };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestTopology(w: Writer, v: StreamsGroupHeartbeatRequestTopologyInput, version: number): void {
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  const v_subtopologies = v.subtopologies === undefined ? [] : v.subtopologies;
  writeArray(w, true, nonNull(v_subtopologies, "StreamsGroupHeartbeatRequest", "subtopologies", version), (ew, e) => writeStreamsGroupHeartbeatRequestSubtopology(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestTopology(r: Reader, version: number): StreamsGroupHeartbeatRequestTopology {
  const f_epoch: number = r.int32();
  const f_subtopologies: StreamsGroupHeartbeatRequestSubtopology[] = readArray(r, true, 7, (er) => readStreamsGroupHeartbeatRequestSubtopology(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestTopology = { epoch: f_epoch, subtopologies: f_subtopologies };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestSubtopology(w: Writer, v: StreamsGroupHeartbeatRequestSubtopologyInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupHeartbeatRequest", "subtopologyId", version));
  const v_sourceTopics = v.sourceTopics === undefined ? [] : v.sourceTopics;
  writeArray(w, true, nonNull(v_sourceTopics, "StreamsGroupHeartbeatRequest", "sourceTopics", version), writeCompactString);
  const v_sourceTopicRegex = v.sourceTopicRegex === undefined ? [] : v.sourceTopicRegex;
  writeArray(w, true, nonNull(v_sourceTopicRegex, "StreamsGroupHeartbeatRequest", "sourceTopicRegex", version), writeCompactString);
  const v_stateChangelogTopics = v.stateChangelogTopics === undefined ? [] : v.stateChangelogTopics;
  writeArray(w, true, nonNull(v_stateChangelogTopics, "StreamsGroupHeartbeatRequest", "stateChangelogTopics", version), (ew, e) => writeStreamsGroupHeartbeatRequestTopicInfo(ew, e, version));
  const v_repartitionSinkTopics = v.repartitionSinkTopics === undefined ? [] : v.repartitionSinkTopics;
  writeArray(w, true, nonNull(v_repartitionSinkTopics, "StreamsGroupHeartbeatRequest", "repartitionSinkTopics", version), writeCompactString);
  const v_repartitionSourceTopics = v.repartitionSourceTopics === undefined ? [] : v.repartitionSourceTopics;
  writeArray(w, true, nonNull(v_repartitionSourceTopics, "StreamsGroupHeartbeatRequest", "repartitionSourceTopics", version), (ew, e) => writeStreamsGroupHeartbeatRequestTopicInfo(ew, e, version));
  const v_copartitionGroups = v.copartitionGroups === undefined ? [] : v.copartitionGroups;
  writeArray(w, true, nonNull(v_copartitionGroups, "StreamsGroupHeartbeatRequest", "copartitionGroups", version), (ew, e) => writeStreamsGroupHeartbeatRequestCopartitionGroup(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestSubtopology(r: Reader, version: number): StreamsGroupHeartbeatRequestSubtopology {
  const f_subtopologyId: string = r.compactString();
  const f_sourceTopics: string[] = readArray(r, true, 1, readCompactString);
  const f_sourceTopicRegex: string[] = readArray(r, true, 1, readCompactString);
  const f_stateChangelogTopics: StreamsGroupHeartbeatRequestTopicInfo[] = readArray(r, true, 8, (er) => readStreamsGroupHeartbeatRequestTopicInfo(er, version));
  const f_repartitionSinkTopics: string[] = readArray(r, true, 1, readCompactString);
  const f_repartitionSourceTopics: StreamsGroupHeartbeatRequestTopicInfo[] = readArray(r, true, 8, (er) => readStreamsGroupHeartbeatRequestTopicInfo(er, version));
  const f_copartitionGroups: StreamsGroupHeartbeatRequestCopartitionGroup[] = readArray(r, true, 3, (er) => readStreamsGroupHeartbeatRequestCopartitionGroup(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestSubtopology = { subtopologyId: f_subtopologyId, sourceTopics: f_sourceTopics, sourceTopicRegex: f_sourceTopicRegex, stateChangelogTopics: f_stateChangelogTopics, repartitionSinkTopics: f_repartitionSinkTopics, repartitionSourceTopics: f_repartitionSourceTopics, copartitionGroups: f_copartitionGroups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestTopicInfo(w: Writer, v: StreamsGroupHeartbeatRequestTopicInfoInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "StreamsGroupHeartbeatRequest", "name", version));
  const v_partitions = v.partitions === undefined ? 0 : v.partitions;
  w.int32(v_partitions);
  const v_replicationFactor = v.replicationFactor === undefined ? 0 : v.replicationFactor;
  w.int16(v_replicationFactor);
  const v_topicConfigs = v.topicConfigs === undefined ? [] : v.topicConfigs;
  writeArray(w, true, nonNull(v_topicConfigs, "StreamsGroupHeartbeatRequest", "topicConfigs", version), (ew, e) => writeStreamsGroupHeartbeatRequestKeyValue(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestTopicInfo(r: Reader, version: number): StreamsGroupHeartbeatRequestTopicInfo {
  const f_name: string = r.compactString();
  const f_partitions: number = r.int32();
  const f_replicationFactor: number = r.int16();
  const f_topicConfigs: StreamsGroupHeartbeatRequestKeyValue[] = readArray(r, true, 2, (er) => readStreamsGroupHeartbeatRequestKeyValue(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestTopicInfo = { name: f_name, partitions: f_partitions, replicationFactor: f_replicationFactor, topicConfigs: f_topicConfigs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestKeyValue(w: Writer, v: StreamsGroupHeartbeatRequestKeyValueInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  w.compactString(nonNull(v_key, "StreamsGroupHeartbeatRequest", "key", version));
  const v_value = v.value === undefined ? "" : v.value;
  w.compactString(nonNull(v_value, "StreamsGroupHeartbeatRequest", "value", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestKeyValue(r: Reader, version: number): StreamsGroupHeartbeatRequestKeyValue {
  const f_key: string = r.compactString();
  const f_value: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestKeyValue = { key: f_key, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestCopartitionGroup(w: Writer, v: StreamsGroupHeartbeatRequestCopartitionGroupInput, version: number): void {
  const v_sourceTopics = v.sourceTopics === undefined ? [] : v.sourceTopics;
  writeArray(w, true, nonNull(v_sourceTopics, "StreamsGroupHeartbeatRequest", "sourceTopics", version), writeInt16);
  const v_sourceTopicRegex = v.sourceTopicRegex === undefined ? [] : v.sourceTopicRegex;
  writeArray(w, true, nonNull(v_sourceTopicRegex, "StreamsGroupHeartbeatRequest", "sourceTopicRegex", version), writeInt16);
  const v_repartitionSourceTopics = v.repartitionSourceTopics === undefined ? [] : v.repartitionSourceTopics;
  writeArray(w, true, nonNull(v_repartitionSourceTopics, "StreamsGroupHeartbeatRequest", "repartitionSourceTopics", version), writeInt16);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestCopartitionGroup(r: Reader, version: number): StreamsGroupHeartbeatRequestCopartitionGroup {
  const f_sourceTopics: number[] = readArray(r, true, 2, readInt16);
  const f_sourceTopicRegex: number[] = readArray(r, true, 2, readInt16);
  const f_repartitionSourceTopics: number[] = readArray(r, true, 2, readInt16);
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestCopartitionGroup = { sourceTopics: f_sourceTopics, sourceTopicRegex: f_sourceTopicRegex, repartitionSourceTopics: f_repartitionSourceTopics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestTaskIds(w: Writer, v: StreamsGroupHeartbeatRequestTaskIdsInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupHeartbeatRequest", "subtopologyId", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "StreamsGroupHeartbeatRequest", "partitions", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestTaskIds(r: Reader, version: number): StreamsGroupHeartbeatRequestTaskIds {
  const f_subtopologyId: string = r.compactString();
  const f_partitions: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestTaskIds = { subtopologyId: f_subtopologyId, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestEndpoint(w: Writer, v: StreamsGroupHeartbeatRequestEndpointInput, version: number): void {
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "StreamsGroupHeartbeatRequest", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestEndpoint(r: Reader, version: number): StreamsGroupHeartbeatRequestEndpoint {
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestEndpoint = { host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupHeartbeatRequestTaskOffset(w: Writer, v: StreamsGroupHeartbeatRequestTaskOffsetInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupHeartbeatRequest", "subtopologyId", version));
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_offset = v.offset === undefined ? 0n : v.offset;
  w.int64(v_offset);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupHeartbeatRequestTaskOffset(r: Reader, version: number): StreamsGroupHeartbeatRequestTaskOffset {
  const f_subtopologyId: string = r.compactString();
  const f_partition: number = r.int32();
  const f_offset: bigint = r.int64();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupHeartbeatRequestTaskOffset = { subtopologyId: f_subtopologyId, partition: f_partition, offset: f_offset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupHeartbeatRequest(w: Writer, value: StreamsGroupHeartbeatRequestInput, version: number): void {
  checkVersion("StreamsGroupHeartbeatRequest", version, 0, 0);
  writeStreamsGroupHeartbeatRequest(w, value, version);
}

export function decodeStreamsGroupHeartbeatRequest(r: Reader, version: number): StreamsGroupHeartbeatRequest {
  if (version < 0 || version > 0) r.fail(`StreamsGroupHeartbeatRequest has no version ${version}`);
  return readStreamsGroupHeartbeatRequest(r, version);
}
