// Generated from Kafka's clients/VotersRecord.json by packages/protocol/generator. Do not edit.
// data, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface VotersRecord {
  version: number; // versions 0+
  voters: VotersRecordVoter[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordInput {
  version: number; // versions 0+
  voters: readonly VotersRecordVoterInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordVoter {
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  endpoints: VotersRecordEndpoint[]; // versions 0+
  kRaftVersionFeature: VotersRecordKRaftVersionFeature; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordVoterInput {
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  endpoints: readonly VotersRecordEndpointInput[]; // versions 0+
  kRaftVersionFeature?: VotersRecordKRaftVersionFeatureInput; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordEndpoint {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordEndpointInput {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordKRaftVersionFeature {
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface VotersRecordKRaftVersionFeatureInput {
  minSupportedVersion: number; // versions 0+
  maxSupportedVersion: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultVotersRecord(): VotersRecord {
  return { version: 0, voters: [] };
}

export function defaultVotersRecordVoter(): VotersRecordVoter {
  return { voterId: 0, voterDirectoryId: ZERO_UUID, endpoints: [], kRaftVersionFeature: defaultVotersRecordKRaftVersionFeature() };
}

export function defaultVotersRecordEndpoint(): VotersRecordEndpoint {
  return { name: "", host: "", port: 0 };
}

export function defaultVotersRecordKRaftVersionFeature(): VotersRecordKRaftVersionFeature {
  return { minSupportedVersion: 0, maxSupportedVersion: 0 };
}

function writeVotersRecord(w: Writer, v: VotersRecordInput, version: number): void {
  const v_version = v.version === undefined ? 0 : v.version;
  w.int16(v_version);
  const v_voters = v.voters === undefined ? [] : v.voters;
  writeArray(w, true, nonNull(v_voters, "VotersRecord", "voters", version), (ew, e) => writeVotersRecordVoter(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readVotersRecord(r: Reader, version: number): VotersRecord {
  const f_version: number = r.int16();
  const f_voters: VotersRecordVoter[] = readArray(r, true, 25, (er) => readVotersRecordVoter(er, version));
  const unknown = r.taggedFields(null);
  const value: VotersRecord = { version: f_version, voters: f_voters };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVotersRecordVoter(w: Writer, v: VotersRecordVoterInput, version: number): void {
  const v_voterId = v.voterId === undefined ? 0 : v.voterId;
  w.int32(v_voterId);
  const v_voterDirectoryId = v.voterDirectoryId === undefined ? ZERO_UUID : v.voterDirectoryId;
  w.uuid(v_voterDirectoryId);
  const v_endpoints = v.endpoints === undefined ? [] : v.endpoints;
  writeArray(w, true, nonNull(v_endpoints, "VotersRecord", "endpoints", version), (ew, e) => writeVotersRecordEndpoint(ew, e, version));
  const v_kRaftVersionFeature = v.kRaftVersionFeature === undefined ? defaultVotersRecordKRaftVersionFeature() : v.kRaftVersionFeature;
  writeVotersRecordKRaftVersionFeature(w, nonNull(v_kRaftVersionFeature, "VotersRecord", "kRaftVersionFeature", version), version);
  w.taggedFields(v._unknownTaggedFields);
}

function readVotersRecordVoter(r: Reader, version: number): VotersRecordVoter {
  const f_voterId: number = r.int32();
  const f_voterDirectoryId: string = r.uuid();
  const f_endpoints: VotersRecordEndpoint[] = readArray(r, true, 4, (er) => readVotersRecordEndpoint(er, version));
  const f_kRaftVersionFeature: VotersRecordKRaftVersionFeature = readVotersRecordKRaftVersionFeature(r, version);
  const unknown = r.taggedFields(null);
  const value: VotersRecordVoter = { voterId: f_voterId, voterDirectoryId: f_voterDirectoryId, endpoints: f_endpoints, kRaftVersionFeature: f_kRaftVersionFeature };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVotersRecordEndpoint(w: Writer, v: VotersRecordEndpointInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "VotersRecord", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "VotersRecord", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readVotersRecordEndpoint(r: Reader, version: number): VotersRecordEndpoint {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: VotersRecordEndpoint = { name: f_name, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeVotersRecordKRaftVersionFeature(w: Writer, v: VotersRecordKRaftVersionFeatureInput, version: number): void {
  const v_minSupportedVersion = v.minSupportedVersion === undefined ? 0 : v.minSupportedVersion;
  w.int16(v_minSupportedVersion);
  const v_maxSupportedVersion = v.maxSupportedVersion === undefined ? 0 : v.maxSupportedVersion;
  w.int16(v_maxSupportedVersion);
  w.taggedFields(v._unknownTaggedFields);
}

function readVotersRecordKRaftVersionFeature(r: Reader, version: number): VotersRecordKRaftVersionFeature {
  const f_minSupportedVersion: number = r.int16();
  const f_maxSupportedVersion: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: VotersRecordKRaftVersionFeature = { minSupportedVersion: f_minSupportedVersion, maxSupportedVersion: f_maxSupportedVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeVotersRecord(w: Writer, value: VotersRecordInput, version: number): void {
  checkVersion("VotersRecord", version, 0, 0);
  writeVotersRecord(w, value, version);
}

export function decodeVotersRecord(r: Reader, version: number): VotersRecord {
  if (version < 0 || version > 0) r.fail(`VotersRecord has no version ${version}`);
  return readVotersRecord(r, version);
}
