// Generated from Kafka's group-coordinator/ConsumerGroupMemberMetadataValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 5, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { EMPTY_BYTES, checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, taggedValue, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ConsumerGroupMemberMetadataValue {
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: string[]; // versions 0+
  subscribedTopicRegex: string | null; // versions 0+, nullable 0+
  rebalanceTimeoutMs: number; // versions 0+
  serverAssignor: string | null; // versions 0+, nullable 0+
  classicMemberMetadata: ConsumerGroupMemberMetadataValueClassicMemberMetadata | null; // versions 0+, tag 0 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupMemberMetadataValueInput {
  instanceId: string | null; // versions 0+, nullable 0+
  rackId: string | null; // versions 0+, nullable 0+
  clientId: string; // versions 0+
  clientHost: string; // versions 0+
  subscribedTopicNames: readonly string[]; // versions 0+
  subscribedTopicRegex: string | null; // versions 0+, nullable 0+
  rebalanceTimeoutMs?: number; // versions 0+
  serverAssignor: string | null; // versions 0+, nullable 0+
  classicMemberMetadata?: ConsumerGroupMemberMetadataValueClassicMemberMetadataInput | null; // versions 0+, tag 0 in 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupMemberMetadataValueClassicMemberMetadata {
  sessionTimeoutMs: number; // versions 0+
  supportedProtocols: ConsumerGroupMemberMetadataValueClassicProtocol[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupMemberMetadataValueClassicMemberMetadataInput {
  sessionTimeoutMs: number; // versions 0+
  supportedProtocols: readonly ConsumerGroupMemberMetadataValueClassicProtocolInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupMemberMetadataValueClassicProtocol {
  name: string; // versions 0+
  metadata: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupMemberMetadataValueClassicProtocolInput {
  name: string; // versions 0+
  metadata: Buffer; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupMemberMetadataValue(): ConsumerGroupMemberMetadataValue {
  return { instanceId: "", rackId: "", clientId: "", clientHost: "", subscribedTopicNames: [], subscribedTopicRegex: "", rebalanceTimeoutMs: -1, serverAssignor: "", classicMemberMetadata: null };
}

export function defaultConsumerGroupMemberMetadataValueClassicMemberMetadata(): ConsumerGroupMemberMetadataValueClassicMemberMetadata {
  return { sessionTimeoutMs: 0, supportedProtocols: [] };
}

export function defaultConsumerGroupMemberMetadataValueClassicProtocol(): ConsumerGroupMemberMetadataValueClassicProtocol {
  return { name: "", metadata: EMPTY_BYTES };
}

function writeConsumerGroupMemberMetadataValue(w: Writer, v: ConsumerGroupMemberMetadataValueInput, version: number): void {
  const v_instanceId = v.instanceId === undefined ? "" : v.instanceId;
  w.compactNullableString(v_instanceId);
  const v_rackId = v.rackId === undefined ? "" : v.rackId;
  w.compactNullableString(v_rackId);
  const v_clientId = v.clientId === undefined ? "" : v.clientId;
  w.compactString(nonNull(v_clientId, "ConsumerGroupMemberMetadataValue", "clientId", version));
  const v_clientHost = v.clientHost === undefined ? "" : v.clientHost;
  w.compactString(nonNull(v_clientHost, "ConsumerGroupMemberMetadataValue", "clientHost", version));
  const v_subscribedTopicNames = v.subscribedTopicNames === undefined ? [] : v.subscribedTopicNames;
  writeArray(w, true, nonNull(v_subscribedTopicNames, "ConsumerGroupMemberMetadataValue", "subscribedTopicNames", version), writeCompactString);
  const v_subscribedTopicRegex = v.subscribedTopicRegex === undefined ? "" : v.subscribedTopicRegex;
  w.compactNullableString(v_subscribedTopicRegex);
  const v_rebalanceTimeoutMs = v.rebalanceTimeoutMs === undefined ? -1 : v.rebalanceTimeoutMs;
  w.int32(v_rebalanceTimeoutMs);
  const v_serverAssignor = v.serverAssignor === undefined ? "" : v.serverAssignor;
  w.compactNullableString(v_serverAssignor);
  let tagged = v._unknownTaggedFields?.slice();
  if (v.classicMemberMetadata != null) {
    const x = v.classicMemberMetadata!;
    (tagged ??= []).push(taggedValue(0, (tw) => {
      if (x === null) {
        tw.int8(-1);
      } else {
        tw.int8(1);
        writeConsumerGroupMemberMetadataValueClassicMemberMetadata(tw, nonNull(x, "ConsumerGroupMemberMetadataValue", "classicMemberMetadata", version), version);
      }
    }));
  }
  w.taggedFields(tagged);
}

function readConsumerGroupMemberMetadataValue(r: Reader, version: number): ConsumerGroupMemberMetadataValue {
  const f_instanceId: string | null = r.compactNullableString();
  const f_rackId: string | null = r.compactNullableString();
  const f_clientId: string = r.compactString();
  const f_clientHost: string = r.compactString();
  const f_subscribedTopicNames: string[] = readArray(r, true, 1, readCompactString);
  const f_subscribedTopicRegex: string | null = r.compactNullableString();
  const f_rebalanceTimeoutMs: number = r.int32();
  const f_serverAssignor: string | null = r.compactNullableString();
  let f_classicMemberMetadata: ConsumerGroupMemberMetadataValueClassicMemberMetadata | null = null;
  const unknown = r.taggedFields((tag, tr) => {
    switch (tag) {
      case 0:
        f_classicMemberMetadata = (tr.int8() < 0 ? null : readConsumerGroupMemberMetadataValueClassicMemberMetadata(tr, version));
        return true;
      default:
        return false;
    }
  });
  const value: ConsumerGroupMemberMetadataValue = { instanceId: f_instanceId, rackId: f_rackId, clientId: f_clientId, clientHost: f_clientHost, subscribedTopicNames: f_subscribedTopicNames, subscribedTopicRegex: f_subscribedTopicRegex, rebalanceTimeoutMs: f_rebalanceTimeoutMs, serverAssignor: f_serverAssignor, classicMemberMetadata: f_classicMemberMetadata };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupMemberMetadataValueClassicMemberMetadata(w: Writer, v: ConsumerGroupMemberMetadataValueClassicMemberMetadataInput, version: number): void {
  const v_sessionTimeoutMs = v.sessionTimeoutMs === undefined ? 0 : v.sessionTimeoutMs;
  w.int32(v_sessionTimeoutMs);
  const v_supportedProtocols = v.supportedProtocols === undefined ? [] : v.supportedProtocols;
  writeArray(w, true, nonNull(v_supportedProtocols, "ConsumerGroupMemberMetadataValue", "supportedProtocols", version), (ew, e) => writeConsumerGroupMemberMetadataValueClassicProtocol(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupMemberMetadataValueClassicMemberMetadata(r: Reader, version: number): ConsumerGroupMemberMetadataValueClassicMemberMetadata {
  const f_sessionTimeoutMs: number = r.int32();
  const f_supportedProtocols: ConsumerGroupMemberMetadataValueClassicProtocol[] = readArray(r, true, 2, (er) => readConsumerGroupMemberMetadataValueClassicProtocol(er, version));
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupMemberMetadataValueClassicMemberMetadata = { sessionTimeoutMs: f_sessionTimeoutMs, supportedProtocols: f_supportedProtocols };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeConsumerGroupMemberMetadataValueClassicProtocol(w: Writer, v: ConsumerGroupMemberMetadataValueClassicProtocolInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "ConsumerGroupMemberMetadataValue", "name", version));
  const v_metadata = v.metadata === undefined ? EMPTY_BYTES : v.metadata;
  w.compactBytes(nonNull(v_metadata, "ConsumerGroupMemberMetadataValue", "metadata", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupMemberMetadataValueClassicProtocol(r: Reader, version: number): ConsumerGroupMemberMetadataValueClassicProtocol {
  const f_name: string = r.compactString();
  const f_metadata: Buffer = r.compactBytes();
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupMemberMetadataValueClassicProtocol = { name: f_name, metadata: f_metadata };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupMemberMetadataValue(w: Writer, value: ConsumerGroupMemberMetadataValueInput, version: number): void {
  checkVersion("ConsumerGroupMemberMetadataValue", version, 0, 0);
  writeConsumerGroupMemberMetadataValue(w, value, version);
}

export function decodeConsumerGroupMemberMetadataValue(r: Reader, version: number): ConsumerGroupMemberMetadataValue {
  if (version < 0 || version > 0) r.fail(`ConsumerGroupMemberMetadataValue has no version ${version}`);
  return readConsumerGroupMemberMetadataValue(r, version);
}
