// Generated from Kafka's clients/UpdateRaftVoterRequest.json by packages/protocol/generator. Do not edit.
// request 82, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface UpdateRaftVoterRequest {
  clusterId: string | null; // versions 0+, nullable 0+
  currentLeaderEpoch: number; // versions 0+
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  listeners: UpdateRaftVoterRequestListener[]; // versions 0+
  kRaftVersionFeature: UpdateRaftVoterRequestKRaftVersionFeature; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestInput {
  clusterId: string | null; // versions 0+, nullable 0+
  currentLeaderEpoch: number; // versions 0+
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  listeners: readonly UpdateRaftVoterRequestListenerInput[]; // versions 0+
  kRaftVersionFeature?: UpdateRaftVoterRequestKRaftVersionFeatureInput; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestListener {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestListenerInput {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestKRaftVersionFeature {
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface UpdateRaftVoterRequestKRaftVersionFeatureInput {
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultUpdateRaftVoterRequest(): UpdateRaftVoterRequest {
  return { clusterId: "", currentLeaderEpoch: 0, voterId: 0, voterDirectoryId: ZERO_UUID, listeners: [], kRaftVersionFeature: defaultUpdateRaftVoterRequestKRaftVersionFeature() };
}

export function defaultUpdateRaftVoterRequestListener(): UpdateRaftVoterRequestListener {
  return { name: "", host: "", port: 0 };
}

export function defaultUpdateRaftVoterRequestKRaftVersionFeature(): UpdateRaftVoterRequestKRaftVersionFeature {
  return { minSupportedVersion: 0, maxSupportedVersion: 0 };
}

function writeUpdateRaftVoterRequest(w: Writer, v: UpdateRaftVoterRequestInput, version: number): void {
  const v_clusterId = v.clusterId === undefined ? "" : v.clusterId;
  w.compactNullableString(v_clusterId);
  const v_currentLeaderEpoch = v.currentLeaderEpoch === undefined ? 0 : v.currentLeaderEpoch;
  w.int32(v_currentLeaderEpoch);
  const v_voterId = v.voterId === undefined ? 0 : v.voterId;
  w.int32(v_voterId);
  const v_voterDirectoryId = v.voterDirectoryId === undefined ? ZERO_UUID : v.voterDirectoryId;
  w.uuid(v_voterDirectoryId);
  const v_listeners = v.listeners === undefined ? [] : v.listeners;
  writeArray(w, true, nonNull(v_listeners, "UpdateRaftVoterRequest", "listeners", version), (ew, e) => writeUpdateRaftVoterRequestListener(ew, e, version));
  const v_kRaftVersionFeature = v.kRaftVersionFeature === undefined ? defaultUpdateRaftVoterRequestKRaftVersionFeature() : v.kRaftVersionFeature;
  writeUpdateRaftVoterRequestKRaftVersionFeature(w, nonNull(v_kRaftVersionFeature, "UpdateRaftVoterRequest", "kRaftVersionFeature", version), version);
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateRaftVoterRequest(r: Reader, version: number): UpdateRaftVoterRequest {
  const f_clusterId: string | null = r.compactNullableString();
  const f_currentLeaderEpoch: number = r.int32();
  const f_voterId: number = r.int32();
  const f_voterDirectoryId: string = r.uuid();
  const f_listeners: UpdateRaftVoterRequestListener[] = readArray(r, true, 4, (er) => readUpdateRaftVoterRequestListener(er, version));
  const f_kRaftVersionFeature: UpdateRaftVoterRequestKRaftVersionFeature = readUpdateRaftVoterRequestKRaftVersionFeature(r, version);
  const unknown = r.taggedFields(null);
  const value: UpdateRaftVoterRequest = { clusterId: f_clusterId, currentLeaderEpoch: f_currentLeaderEpoch, voterId: f_voterId, voterDirectoryId: f_voterDirectoryId, listeners: f_listeners, kRaftVersionFeature: f_kRaftVersionFeature };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeUpdateRaftVoterRequestListener(w: Writer, v: UpdateRaftVoterRequestListenerInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "UpdateRaftVoterRequest", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "UpdateRaftVoterRequest", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateRaftVoterRequestListener(r: Reader, version: number): UpdateRaftVoterRequestListener {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: UpdateRaftVoterRequestListener = { name: f_name, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeUpdateRaftVoterRequestKRaftVersionFeature(w: Writer, v: UpdateRaftVoterRequestKRaftVersionFeatureInput, version: number): void {
  const v_minSupportedVersion = v.minSupportedVersion === undefined ? 0 : v.minSupportedVersion;
  w.int16(v_minSupportedVersion);
  const v_maxSupportedVersion = v.maxSupportedVersion === undefined ? 0 : v.maxSupportedVersion;
  w.int16(v_maxSupportedVersion);
  w.taggedFields(v._unknownTaggedFields);
}

function readUpdateRaftVoterRequestKRaftVersionFeature(r: Reader, version: number): UpdateRaftVoterRequestKRaftVersionFeature {
  const f_minSupportedVersion: number = r.int16();
  const f_maxSupportedVersion: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: UpdateRaftVoterRequestKRaftVersionFeature = { minSupportedVersion: f_minSupportedVersion, maxSupportedVersion: f_maxSupportedVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeUpdateRaftVoterRequest(w: Writer, value: UpdateRaftVoterRequestInput, version: number): void {
  checkVersion("UpdateRaftVoterRequest", version, 0, 0);
  writeUpdateRaftVoterRequest(w, value, version);
}

export function decodeUpdateRaftVoterRequest(r: Reader, version: number): UpdateRaftVoterRequest {
  if (version < 0 || version > 0) r.fail(`UpdateRaftVoterRequest has no version ${version}`);
  return readUpdateRaftVoterRequest(r, version);
}
