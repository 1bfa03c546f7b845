// Generated from Kafka's group-coordinator/StreamsGroupMemberMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 19, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface StreamsGroupMemberMetadataValue {
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  rebalanceTimeoutMs: number; // versions 0+
  topologyEpoch: number; // versions 0+
  processId: string; // versions 0+
  userEndpoint: StreamsGroupMemberMetadataValueEndpoint | null; // versions 0+, nullable 0+
  clientTags: StreamsGroupMemberMetadataValueKeyValue[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMemberMetadataValueInput {
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  rebalanceTimeoutMs?: number; // versions 0+
  topologyEpoch: number; // versions 0+
  processId: string; // versions 0+
  userEndpoint?: StreamsGroupMemberMetadataValueEndpointInput | null; // versions 0+, nullable 0+
  clientTags: readonly StreamsGroupMemberMetadataValueKeyValueInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMemberMetadataValueEndpoint {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMemberMetadataValueEndpointInput {
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMemberMetadataValueKeyValue {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupMemberMetadataValueKeyValueInput {
  key: string; // versions 0+
  value: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupMemberMetadataValue(): StreamsGroupMemberMetadataValue {
  return { instanceId: "", rackId: "", clientId: "", clientHost: "", rebalanceTimeoutMs: -1, topologyEpoch: 0, processId: "", userEndpoint: null, clientTags: [] };
}

export function defaultStreamsGroupMemberMetadataValueEndpoint(): StreamsGroupMemberMetadataValueEndpoint {
  return { host: "", port: 0 };
}

export function defaultStreamsGroupMemberMetadataValueKeyValue(): StreamsGroupMemberMetadataValueKeyValue {
  return { key: "", value: "" };
}

function writeStreamsGroupMemberMetadataValue(w: Writer, v: StreamsGroupMemberMetadataValueInput, version: number): void {
  const v_instanceId = v.instanceId === undefined ? "" : v.instanceId;
  w.compactNullableString(v_instanceId);
  const v_rackId = v.rackId === undefined ? "" : v.rackId;
  w.compactNullableString(v_rackId);
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  w.compactString(nonNull(v_clientId, "StreamsGroupMemberMetadataValue", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  w.compactString(nonNull(v_clientHost, "StreamsGroupMemberMetadataValue", "clientHost", version));
  const v_rebalanceTimeoutMs = v.rebalanceTimeoutMs === undefined ? -1 : v.rebalanceTimeoutMs;
  w.int32(v_rebalanceTimeoutMs);
  const v_topologyEpoch = v.topologyEpoch === undefined ? 0 : v.topologyEpoch;
  w.int32(v_topologyEpoch);
  const v_processId = v.processId === undefined ? "" : v.processId;
  w.compactString(nonNull(v_processId, "StreamsGroupMemberMetadataValue", "processId", version));
  const v_userEndpoint = v.userEndpoint === undefined ? null : v.userEndpoint;
  if (v_userEndpoint === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeStreamsGroupMemberMetadataValueEndpoint(w, nonNull(v_userEndpoint, "StreamsGroupMemberMetadataValue", "userEndpoint", version), version);
  }
  const v_clientTags = v.clientTags === undefined ? [] : v.clientTags;
  writeArray(w, true, nonNull(v_clientTags, "StreamsGroupMemberMetadataValue", "clientTags", version), (ew, e) => writeStreamsGroupMemberMetadataValueKeyValue(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupMemberMetadataValue(r: Reader, version: number): StreamsGroupMemberMetadataValue {
  const f_instanceId: string | null = r.compactNullableString();
  const f_rackId: string | null = r.compactNullableString();
  const f_clientId: string = r.compactString();
  const f_clientHost: string = r.compactString();
  const f_rebalanceTimeoutMs: number = r.int32();
  const f_topologyEpoch: number = r.int32();
  const f_processId: string = r.compactString();
  const f_userEndpoint: StreamsGroupMemberMetadataValueEndpoint | null = (r.int8() < 0 ? null : readStreamsGroupMemberMetadataValueEndpoint(r, version));
  const f_clientTags: StreamsGroupMemberMetadataValueKeyValue[] = readArray(r, true, 2, (er) => readStreamsGroupMemberMetadataValueKeyValue(er, version));
  const unknown = r.taggedFields(null);
  const value: StreamsGroupMemberMetadataValue = { instanceId: f_instanceId, rackId: f_rackId, clientId: f_clientId, clientHost: f_clientHost, rebalanceTimeoutMs: f_rebalanceTimeoutMs, topologyEpoch: f_topologyEpoch, processId: f_processId, userEndpoint: f_userEndpoint, clientTags: f_clientTags };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupMemberMetadataValueEndpoint(w: Writer, v: StreamsGroupMemberMetadataValueEndpointInput, version: number): void {
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "StreamsGroupMemberMetadataValue", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupMemberMetadataValueEndpoint(r: Reader, version: number): StreamsGroupMemberMetadataValueEndpoint {
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupMemberMetadataValueEndpoint = { host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeStreamsGroupMemberMetadataValueKeyValue(w: Writer, v: StreamsGroupMemberMetadataValueKeyValueInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  w.compactString(nonNull(v_key, "StreamsGroupMemberMetadataValue", "key", version));
  const v_value = v.value === undefined ? "" : v.value;
  w.compactString(nonNull(v_value, "StreamsGroupMemberMetadataValue", "value", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupMemberMetadataValueKeyValue(r: Reader, version: number): StreamsGroupMemberMetadataValueKeyValue {
  const f_key: string = r.compactString();
  const f_value: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupMemberMetadataValueKeyValue = { key: f_key, value: f_value };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupMemberMetadataValue(w: Writer, value: StreamsGroupMemberMetadataValueInput, version: number): void {
  checkVersion("StreamsGroupMemberMetadataValue", version, 0, 0);
  writeStreamsGroupMemberMetadataValue(w, value, version);
}

export function decodeStreamsGroupMemberMetadataValue(r: Reader, version: number): StreamsGroupMemberMetadataValue {
  if (version < 0 || version > 0) r.fail(`StreamsGroupMemberMetadataValue has no version ${version}`);
  return readStreamsGroupMemberMetadataValue(r, version);
}
