// Generated from Kafka's clients/BrokerRegistrationRequest.json by packages/protocol/generator. Do not edit.
// request 62, versions 0-4, flexible 0-4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, readUuid, unsupportedField, writeArray, writeUuid } from '../../primitives/codec-support.ts';

export interface BrokerRegistrationRequest {
  brokerId: number; // versions 0+
  clusterId: string; // versions 0+
  incarnationId: string; // versions 0+
  listeners: BrokerRegistrationRequestListener[]; // versions 0+
  features: BrokerRegistrationRequestFeature[]; // versions 0+
  rack: string | null; // versions 0+, nullable 0+
  isMigratingZkBroker: boolean; // versions 1+
  logDirs: string[]; // versions 2+, ignorable
  previousBrokerEpoch: bigint; // versions 3+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestInput {
  brokerId: number; // versions 0+
  clusterId: string; // versions 0+
  incarnationId: string; // versions 0+
  listeners: readonly BrokerRegistrationRequestListenerInput[]; // versions 0+
  features: readonly BrokerRegistrationRequestFeatureInput[]; // versions 0+
  rack: string | null; // versions 0+, nullable 0+
  isMigratingZkBroker?: boolean; // versions 1+
  logDirs?: readonly string[]; // versions 2+, ignorable
  previousBrokerEpoch?: bigint; // versions 3+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestListener {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  securityProtocol: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestListenerInput {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  securityProtocol: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestFeature {
  name: string; // versions 0+
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface BrokerRegistrationRequestFeatureInput {
  name: string; // versions 0+
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultBrokerRegistrationRequest(): BrokerRegistrationRequest {
  return { brokerId: 0, clusterId: "", incarnationId: ZERO_UUID, listeners: [], features: [], rack: "", isMigratingZkBroker: false, logDirs: [], previousBrokerEpoch: -1n };
}

export function defaultBrokerRegistrationRequestListener(): BrokerRegistrationRequestListener {
  return { name: "", host: "", port: 0, securityProtocol: 0 };
}

export function defaultBrokerRegistrationRequestFeature(): BrokerRegistrationRequestFeature {
  return { name: "", minSupportedVersion: 0, maxSupportedVersion: 0 };
}

function writeBrokerRegistrationRequest(w: Writer, v: BrokerRegistrationRequestInput, version: number): void {
  const v_brokerId = v.brokerId === undefined ? 0 : v.brokerId;
  w.int32(v_brokerId);
  const v_clusterId = v.clusterId === undefined ? "" : v.clusterId;
  w.compactString(nonNull(v_clusterId, "BrokerRegistrationRequest", "clusterId", version));
  const v_incarnationId = v.incarnationId === undefined ? ZERO_UUID : v.incarnationId;
  w.uuid(v_incarnationId);
  const v_listeners = v.listeners === undefined ? [] : v.listeners;
  writeArray(w, true, nonNull(v_listeners, "BrokerRegistrationRequest", "listeners", version), (ew, e) => writeBrokerRegistrationRequestListener(ew, e, version));
  const v_features = v.features === undefined ? [] : v.features;
  writeArray(w, true, nonNull(v_features, "BrokerRegistrationRequest", "features", version), (ew, e) => writeBrokerRegistrationRequestFeature(ew, e, version));
  const v_rack = v.rack === undefined ? "" : v.rack;
  w.compactNullableString(v_rack);
  const v_isMigratingZkBroker = v.isMigratingZkBroker === undefined ? false : v.isMigratingZkBroker;
  if (version >= 1) {
    w.bool(v_isMigratingZkBroker);
  } else if (v.isMigratingZkBroker !== undefined && v.isMigratingZkBroker !== false) {
    unsupportedField("BrokerRegistrationRequest", "isMigratingZkBroker", version);
  }
  const v_logDirs = v.logDirs === undefined ? [] : v.logDirs;
  if (version >= 2) {
    writeArray(w, true, nonNull(v_logDirs, "BrokerRegistrationRequest", "logDirs", version), writeUuid);
  }
  const v_previousBrokerEpoch = v.previousBrokerEpoch === undefined ? -1n : v.previousBrokerEpoch;
  if (version >= 3) {
    w.int64(v_previousBrokerEpoch);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readBrokerRegistrationRequest(r: Reader, version: number): BrokerRegistrationRequest {
  const f_brokerId: number = r.int32();
  const f_clusterId: string = r.compactString();
  const f_incarnationId: string = r.uuid();
  const f_listeners: BrokerRegistrationRequestListener[] = readArray(r, true, 6, (er) => readBrokerRegistrationRequestListener(er, version));
  const f_features: BrokerRegistrationRequestFeature[] = readArray(r, true, 5, (er) => readBrokerRegistrationRequestFeature(er, version));
  const f_rack: string | null = r.compactNullableString();
  const f_isMigratingZkBroker: boolean = version >= 1 ? r.bool() : false;
  const f_logDirs: string[] = version >= 2 ? readArray(r, true, 16, readUuid) : [];
  const f_previousBrokerEpoch: bigint = version >= 3 ? r.int64() : -1n;
  const unknown = r.taggedFields(null);
  const value: BrokerRegistrationRequest = { brokerId: f_brokerId, clusterId: f_clusterId, incarnationId: f_incarnationId, listeners: f_listeners, features: f_features, rack: f_rack, isMigratingZkBroker: f_isMigratingZkBroker, logDirs: f_logDirs, previousBrokerEpoch: f_previousBrokerEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBrokerRegistrationRequestListener(w: Writer, v: BrokerRegistrationRequestListenerInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "BrokerRegistrationRequest", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "BrokerRegistrationRequest", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  const v_securityProtocol = v.securityProtocol === undefined ? 0 : v.securityProtocol;
  w.int16(v_securityProtocol);
  w.taggedFields(v._unknownTaggedFields);
}

function readBrokerRegistrationRequestListener(r: Reader, version: number): BrokerRegistrationRequestListener {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const f_securityProtocol: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: BrokerRegistrationRequestListener = { name: f_name, host: f_host, port: f_port, securityProtocol: f_securityProtocol };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeBrokerRegistrationRequestFeature(w: Writer, v: BrokerRegistrationRequestFeatureInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "BrokerRegistrationRequest", "name", version));
  const v_minSupportedVersion = v.minSupportedVersion === undefined ? 0 : v.minSupportedVersion;
  w.int16(v_minSupportedVersion);
  const v_maxSupportedVersion = v.maxSupportedVersion === undefined ? 0 : v.maxSupportedVersion;
  w.int16(v_maxSupportedVersion);
  w.taggedFields(v._unknownTaggedFields);
}

function readBrokerRegistrationRequestFeature(r: Reader, version: number): BrokerRegistrationRequestFeature {
  const f_name: string = r.compactString();
  const f_minSupportedVersion: number = r.int16();
  const f_maxSupportedVersion: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: BrokerRegistrationRequestFeature = { name: f_name, minSupportedVersion: f_minSupportedVersion, maxSupportedVersion: f_maxSupportedVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeBrokerRegistrationRequest(w: Writer, value: BrokerRegistrationRequestInput, version: number): void {
  checkVersion("BrokerRegistrationRequest", version, 0, 4);
  writeBrokerRegistrationRequest(w, value, version);
}

export function decodeBrokerRegistrationRequest(r: Reader, version: number): BrokerRegistrationRequest {
  if (version < 0 || version > 4) r.fail(`BrokerRegistrationRequest has no version ${version}`);
  return readBrokerRegistrationRequest(r, version);
}
