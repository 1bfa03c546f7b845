// Generated from Kafka's clients/ControllerRegistrationRequest.json by packages/protocol/generator. Do not edit.
// request 70, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ControllerRegistrationRequest {
  controllerId: number; // versions 0+
  incarnationId: string; // versions 0+
  zkMigrationReady: boolean; // versions 0+
  listeners: ControllerRegistrationRequestListener[]; // versions 0+
  features: ControllerRegistrationRequestFeature[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestInput {
  controllerId: number; // versions 0+
  incarnationId: string; // versions 0+
  zkMigrationReady: boolean; // versions 0+
  listeners: readonly ControllerRegistrationRequestListenerInput[]; // versions 0+
  features: readonly ControllerRegistrationRequestFeatureInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestListener {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  securityProtocol: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestListenerInput {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  securityProtocol: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestFeature {
  name: string; // versions 0+
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ControllerRegistrationRequestFeatureInput {
  name: string; // versions 0+
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultControllerRegistrationRequest(): ControllerRegistrationRequest {
  return { controllerId: 0, incarnationId: ZERO_UUID, zkMigrationReady: false, listeners: [], features: [] };
}

export function defaultControllerRegistrationRequestListener(): ControllerRegistrationRequestListener {
  return { name: "", host: "", port: 0, securityProtocol: 0 };
}

export function defaultControllerRegistrationRequestFeature(): ControllerRegistrationRequestFeature {
  return { name: "", minSupportedVersion: 0, maxSupportedVersion: 0 };
}

function writeControllerRegistrationRequest(w: Writer, v: ControllerRegistrationRequestInput, version: number): void {
  const v_controllerId = v.controllerId === undefined ? 0 : v.controllerId;
  w.int32(v_controllerId);
  const v_incarnationId = v.incarnationId === undefined ? ZERO_UUID : v.incarnationId;
  w.uuid(v_incarnationId);
  const v_zkMigrationReady = v.zkMigrationReady === undefined ? false : v.zkMigrationReady;
  w.bool(v_zkMigrationReady);
  const v_listeners = v.listeners === undefined ? [] : v.listeners;
  writeArray(w, true, nonNull(v_listeners, "ControllerRegistrationRequest", "listeners", version), (ew, e) => writeControllerRegistrationRequestListener(ew, e, version));
  const v_features = v.features === undefined ? [] : v.features;
  writeArray(w, true, nonNull(v_features, "ControllerRegistrationRequest", "features", version), (ew, e) => writeControllerRegistrationRequestFeature(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readControllerRegistrationRequest(r: Reader, version: number): ControllerRegistrationRequest {
  const f_controllerId: number = r.int32();
  const f_incarnationId: string = r.uuid();
  const f_zkMigrationReady: boolean = r.bool();
  const f_listeners: ControllerRegistrationRequestListener[] = readArray(r, true, 6, (er) => readControllerRegistrationRequestListener(er, version));
  const f_features: ControllerRegistrationRequestFeature[] = readArray(r, true, 5, (er) => readControllerRegistrationRequestFeature(er, version));
  const unknown = r.taggedFields(null);
  const value: ControllerRegistrationRequest = { controllerId: f_controllerId, incarnationId: f_incarnationId, zkMigrationReady: f_zkMigrationReady, listeners: f_listeners, features: f_features };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeControllerRegistrationRequestListener(w: Writer, v: ControllerRegistrationRequestListenerInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "ControllerRegistrationRequest", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "ControllerRegistrationRequest", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  const v_securityProtocol = v.securityProtocol === undefined ? 0 : v.securityProtocol;
  w.int16(v_securityProtocol);
  w.taggedFields(v._unknownTaggedFields);
}

function readControllerRegistrationRequestListener(r: Reader, version: number): ControllerRegistrationRequestListener {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const f_securityProtocol: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: ControllerRegistrationRequestListener = { name: f_name, host: f_host, port: f_port, securityProtocol: f_securityProtocol };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeControllerRegistrationRequestFeature(w: Writer, v: ControllerRegistrationRequestFeatureInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "ControllerRegistrationRequest", "name", version));
  const v_minSupportedVersion = v.minSupportedVersion === undefined ? 0 : v.minSupportedVersion;
  w.int16(v_minSupportedVersion);
  const v_maxSupportedVersion = v.maxSupportedVersion === undefined ? 0 : v.maxSupportedVersion;
  w.int16(v_maxSupportedVersion);
  w.taggedFields(v._unknownTaggedFields);
}

function readControllerRegistrationRequestFeature(r: Reader, version: number): ControllerRegistrationRequestFeature {
  const f_name: string = r.compactString();
  const f_minSupportedVersion: number = r.int16();
  const f_maxSupportedVersion: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: ControllerRegistrationRequestFeature = { name: f_name, minSupportedVersion: f_minSupportedVersion, maxSupportedVersion: f_maxSupportedVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeControllerRegistrationRequest(w: Writer, value: ControllerRegistrationRequestInput, version: number): void {
  checkVersion("ControllerRegistrationRequest", version, 0, 0);
  writeControllerRegistrationRequest(w, value, version);
}

export function decodeControllerRegistrationRequest(r: Reader, version: number): ControllerRegistrationRequest {
  if (version < 0 || version > 0) r.fail(`ControllerRegistrationRequest has no version ${version}`);
  return readControllerRegistrationRequest(r, version);
}
