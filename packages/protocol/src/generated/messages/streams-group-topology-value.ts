// Generated from Kafka's group-coordinator/StreamsGroupTopologyValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 23, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readInt16, readNullableArray, readString, writeArray, writeCompactString, writeInt16, writeString } from '../../primitives/codec-support.ts';

export interface StreamsGroupTopologyValue {
  epoch: number; // versions 0+
  subtopologies: StreamsGroupTopologyValueSubtopology[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueInput {
  epoch: number; // versions 0+
  subtopologies: readonly StreamsGroupTopologyValueSubtopologyInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueSubtopology {
  subtopologyId: string; // versions 0+
  sourceTopics: string[]; // versions 0+
  sourceTopicRegex: string[]; // versions 0+
  stateChangelogTopics: StreamsGroupTopologyValueTopicInfo[]; // versions 0+
  repartitionSinkTopics: string[]; // versions 0+
  repartitionSourceTopics: StreamsGroupTopologyValueTopicInfo[]; // versions 0+
  copartitionGroups: StreamsGroupTopologyValueCopartitionGroup[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueSubtopologyInput {
  subtopologyId: string; // versions 0+
  sourceTopics: readonly string[]; // versions 0+
  sourceTopicRegex: readonly string[]; // versions 0+
  stateChangelogTopics: readonly StreamsGroupTopologyValueTopicInfoInput[]; // versions 0+
  repartitionSinkTopics: readonly string[]; // versions 0+
  repartitionSourceTopics: readonly StreamsGroupTopologyValueTopicInfoInput[]; // versions 0+
  copartitionGroups: readonly StreamsGroupTopologyValueCopartitionGroupInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueTopicInfo {
  name: string; // versions 0+
  partitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  topicConfigs: StreamsGroupTopologyValueTopicConfig[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueTopicInfoInput {
  name: string; // versions 0+
  partitions: number; // versions 0+
  replicationFactor: number; // versions 0+
  topicConfigs: readonly StreamsGroupTopologyValueTopicConfigInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueTopicConfig {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueTopicConfigInput {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueCopartitionGroup {
  sourceTopics: number[]; // versions 0+
  sourceTopicRegex: number[]; // versions 0+
  repartitionSourceTopics: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupTopologyValueCopartitionGroupInput {
  sourceTopics: readonly number[]; // versions 0+
  sourceTopicRegex: readonly number[]; // versions 0+
  repartitionSourceTopics: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupTopologyValue(): StreamsGroupTopologyValue {
  return { epoch: 0, subtopologies: [] };
}

export function defaultStreamsGroupTopologyValueSubtopology(): StreamsGroupTopologyValueSubtopology {
  return { subtopologyId: "", sourceTopics: [], sourceTopicRegex: [], stateChangelogTopics: [], repartitionSinkTopics: [], repartitionSourceTopics: [], copartitionGroups: [] };
}

export function defaultStreamsGroupTopologyValueTopicInfo(): StreamsGroupTopologyValueTopicInfo {
  return { name: "", partitions: 0, replicationFactor: 0, topicConfigs: [] };
}

export function defaultStreamsGroupTopologyValueTopicConfig(): StreamsGroupTopologyValueTopicConfig {
  return { key: "", value: "" };
}

export function defaultStreamsGroupTopologyValueCopartitionGroup(): StreamsGroupTopologyValueCopartitionGroup {
  return { sourceTopics: [], sourceTopicRegex: [], repartitionSourceTopics: [] };
}

function writeStreamsGroupTopologyValue(w: Writer, v: StreamsGroupTopologyValueInput, version: number): void {
  const v_epoch = v.epoch === undefined ? 0 : v.epoch;
  w.int32(v_epoch);
  const v_subtopologies = v.subtopologies === undefined ? [] : v.subtopologies;
  writeArray(w, true, nonNull(v_subtopologies, "StreamsGroupTopologyValue", "subtopologies", version), (ew, e) => writeStreamsGroupTopologyValueSubtopology(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupTopologyValue(r: Reader, version: number): StreamsGroupTopologyValue {
  const f_epoch: number = r.int32();
  const f_subtopologies: StreamsGroupTopologyValueSubtopology[] = readArray(r, true, 7, (er) => readStreamsGroupTopologyValueSubtopology(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupTopologyValue = { epoch: f_epoch, subtopologies: f_subtopologies };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupTopologyValueSubtopology(w: Writer, v: StreamsGroupTopologyValueSubtopologyInput, version: number): void {
  const v_subtopologyId = v.subtopologyId === undefined ? "" : v.subtopologyId;
  w.compactString(nonNull(v_subtopologyId, "StreamsGroupTopologyValue", "subtopologyId", version));
  const v_sourceTopics = v.sourceTopics === undefined ? [] : v.sourceTopics;
  writeArray(w, true, nonNull(v_sourceTopics, "StreamsGroupTopologyValue", "sourceTopics", version), writeCompactString);
  const v_sourceTopicRegex = v.sourceTopicRegex === undefined ? [] : v.sourceTopicRegex;
  writeArray(w, true, nonNull(v_sourceTopicRegex, "StreamsGroupTopologyValue", "sourceTopicRegex", version), writeCompactString);
  const v_stateChangelogTopics = v.stateChangelogTopics === undefined ? [] : v.stateChangelogTopics;
  writeArray(w, true, nonNull(v_stateChangelogTopics, "StreamsGroupTopologyValue", "stateChangelogTopics", version), (ew, e) => writeStreamsGroupTopologyValueTopicInfo(ew, e, version));
  const v_repartitionSinkTopics = v.repartitionSinkTopics === undefined ? [] : v.repartitionSinkTopics;
  writeArray(w, true, nonNull(v_repartitionSinkTopics, "StreamsGroupTopologyValue", "repartitionSinkTopics", version), writeCompactString);
  const v_repartitionSourceTopics = v.repartitionSourceTopics === undefined ? [] : v.repartitionSourceTopics;
  writeArray(w, true, nonNull(v_repartitionSourceTopics, "StreamsGroupTopologyValue", "repartitionSourceTopics", version), (ew, e) => writeStreamsGroupTopologyValueTopicInfo(ew, e, version));
  const v_copartitionGroups = v.copartitionGroups === undefined ? [] : v.copartitionGroups;
  writeArray(w, true, nonNull(v_copartitionGroups, "StreamsGroupTopologyValue", "copartitionGroups", version), (ew, e) => writeStreamsGroupTopologyValueCopartitionGroup(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupTopologyValueSubtopology(r: Reader, version: number): StreamsGroupTopologyValueSubtopology {
  const f_subtopologyId: string = r.compactString();
  const f_sourceTopics: string[] = readArray(r, true, 1, readCompactString);
  const f_sourceTopicRegex: string[] = readArray(r, true, 1, readCompactString);
  const f_stateChangelogTopics: StreamsGroupTopologyValueTopicInfo[] = readArray(r, true, 8, (er) => readStreamsGroupTopologyValueTopicInfo(er, version));
  const f_repartitionSinkTopics: string[] = readArray(r, true, 1, readCompactString);
  const f_repartitionSourceTopics: StreamsGroupTopologyValueTopicInfo[] = readArray(r, true, 8, (er) => readStreamsGroupTopologyValueTopicInfo(er, version));
  const f_copartitionGroups: StreamsGroupTopologyValueCopartitionGroup[] = readArray(r, true, 3, (er) => readStreamsGroupTopologyValueCopartitionGroup(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupTopologyValueSubtopology = { subtopologyId: f_subtopologyId, sourceTopics: f_sourceTopics, sourceTopicRegex: f_sourceTopicRegex, stateChangelogTopics: f_stateChangelogTopics, repartitionSinkTopics: f_repartitionSinkTopics, repartitionSourceTopics: f_repartitionSourceTopics, copartitionGroups: f_copartitionGroups };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupTopologyValueTopicInfo(w: Writer, v: StreamsGroupTopologyValueTopicInfoInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "StreamsGroupTopologyValue", "name", version));
  const v_partitions = v.partitions === undefined ? 0 : v.partitions;
  w.int32(v_partitions);
  const v_replicationFactor = v.replicationFactor === undefined ? 0 : v.replicationFactor;
  w.int16(v_replicationFactor);
  const v_topicConfigs = v.topicConfigs === undefined ? [] : v.topicConfigs;
  writeArray(w, true, nonNull(v_topicConfigs, "StreamsGroupTopologyValue", "topicConfigs", version), (ew, e) => writeStreamsGroupTopologyValueTopicConfig(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupTopologyValueTopicInfo(r: Reader, version: number): StreamsGroupTopologyValueTopicInfo {
  const f_name: string = r.compactString();
  const f_partitions: number = r.int32();
  const f_replicationFactor: number = r.int16();
  const f_topicConfigs: StreamsGroupTopologyValueTopicConfig[] = readArray(r, true, 2, (er) => readStreamsGroupTopologyValueTopicConfig(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupTopologyValueTopicInfo = { name: f_name, partitions: f_partitions, replicationFactor: f_replicationFactor, topicConfigs: f_topicConfigs };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupTopologyValueTopicConfig(w: Writer, v: StreamsGroupTopologyValueTopicConfigInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  w.compactString(nonNull(v_key, "StreamsGroupTopologyValue", "key", version));
  const v_value = v.value === undefined ? "" : v.value;
  w.compactString(nonNull(v_value, "StreamsGroupTopologyValue", "value", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupTopologyValueTopicConfig(r: Reader, version: number): StreamsGroupTopologyValueTopicConfig {
  const f_key: string = r.compactString();
  const f_value: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupTopologyValueTopicConfig = { key: f_key, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupTopologyValueCopartitionGroup(w: Writer, v: StreamsGroupTopologyValueCopartitionGroupInput, version: number): void {
  const v_sourceTopics = v.sourceTopics === undefined ? [] : v.sourceTopics;
  writeArray(w, true, nonNull(v_sourceTopics, "StreamsGroupTopologyValue", "sourceTopics", version), writeInt16);
  const v_sourceTopicRegex = v.sourceTopicRegex === undefined ? [] : v.sourceTopicRegex;
  writeArray(w, true, nonNull(v_sourceTopicRegex, "StreamsGroupTopologyValue", "sourceTopicRegex", version), writeInt16);
  const v_repartitionSourceTopics = v.repartitionSourceTopics === undefined ? [] : v.repartitionSourceTopics;
  writeArray(w, true, nonNull(v_repartitionSourceTopics, "StreamsGroupTopologyValue", "repartitionSourceTopics", version), writeInt16);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupTopologyValueCopartitionGroup(r: Reader, version: number): StreamsGroupTopologyValueCopartitionGroup {
  const f_sourceTopics: number[] = readArray(r, true, 2, readInt16);
  const f_sourceTopicRegex: number[] = readArray(r, true, 2, readInt16);
  const f_repartitionSourceTopics: number[] = readArray(r, true, 2, readInt16);
  const unknown = r.taggedFields(null);
  const value: StreamsGroupTopologyValueCopartitionGroup = { sourceTopics: f_sourceTopics, sourceTopicRegex: f_sourceTopicRegex, repartitionSourceTopics: f_repartitionSourceTopics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupTopologyValue(w: Writer, value: StreamsGroupTopologyValueInput, version: number): void {
  checkVersion("StreamsGroupTopologyValue", version, 0, 0);
  writeStreamsGroupTopologyValue(w, value, version);
}

export function decodeStreamsGroupTopologyValue(r: Reader, version: number): StreamsGroupTopologyValue {
  if (version < 0 || version > 0) r.fail(`StreamsGroupTopologyValue has no version ${version}`);
  return readStreamsGroupTopologyValue(r, version);
}
