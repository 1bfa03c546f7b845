// Generated from Kafka's clients/AddRaftVoterRequest.json by packages/protocol/generator. Do not edit.
// request 80, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface AddRaftVoterRequest {
  clusterId: string | null; // versions 0+, nullable 0+
  timeoutMs: number; // versions 0+
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  listeners: AddRaftVoterRequestListener[]; // versions 0+
  ackWhenCommitted: boolean; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterRequestInput {
  clusterId: string | null; // versions 0+, nullable 0+
  timeoutMs: number; // versions 0+
  voterId: number; // versions 0+
  voterDirectoryId: string; // versions 0+
  listeners: readonly AddRaftVoterRequestListenerInput[]; // versions 0+
  ackWhenCommitted?: boolean; // versions 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterRequestListener {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface AddRaftVoterRequestListenerInput {
  name: string; // versions 0+
  host: string; // versions 0+
  port: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultAddRaftVoterRequest(): AddRaftVoterRequest {
  return { clusterId: "", timeoutMs: 0, voterId: 0, voterDirectoryId: ZERO_UUID, listeners: [], ackWhenCommitted: true };
}

export function defaultAddRaftVoterRequestListener(): AddRaftVoterRequestListener {
  return { name: "", host: "", port: 0 };
}

function writeAddRaftVoterRequest(w: Writer, v: AddRaftVoterRequestInput, version: number): void {
  const v_clusterId = v.clusterId === undefined ? "" : v.clusterId;
  w.compactNullableString(v_clusterId);
  const v_timeoutMs = v.timeoutMs === undefined ? 0 : v.timeoutMs;
  w.int32(v_timeoutMs);
  const v_voterId = v.voterId === undefined ? 0 : v.voterId;
  w.int32(v_voterId);
  const v_voterDirectoryId = v.voterDirectoryId === undefined ? ZERO_UUID : v.voterDirectoryId;
  w.uuid(v_voterDirectoryId);
  const v_listeners = v.listeners === undefined ? [] : v.listeners;
  writeArray(w, true, nonNull(v_listeners, "AddRaftVoterRequest", "listeners", version), (ew, e) => writeAddRaftVoterRequestListener(ew, e, version));
  const v_ackWhenCommitted = v.ackWhenCommitted === undefined ? true : v.ackWhenCommitted;
  if (version >= 1) {
    w.bool(v_ackWhenCommitted);
  } else if (v.ackWhenCommitted !== undefined && v.ackWhenCommitted !== true) {
    unsupportedField("AddRaftVoterRequest", "ackWhenCommitted", version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readAddRaftVoterRequest(r: Reader, version: number): AddRaftVoterRequest {
  const f_clusterId: string | null = r.compactNullableString();
  const f_timeoutMs: number = r.int32();
  const f_voterId: number = r.int32();
  const f_voterDirectoryId: string = r.uuid();
  const f_listeners: AddRaftVoterRequestListener[] = readArray(r, true, 4, (er) => readAddRaftVoterRequestListener(er, version));
  const f_ackWhenCommitted: boolean = version >= 1 ? r.bool() : true;
  const unknown = r.taggedFields(null);
  const value: AddRaftVoterRequest = { clusterId: f_clusterId, timeoutMs: f_timeoutMs, voterId: f_voterId, voterDirectoryId: f_voterDirectoryId, listeners: f_listeners, ackWhenCommitted: f_ackWhenCommitted };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeAddRaftVoterRequestListener(w: Writer, v: AddRaftVoterRequestListenerInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "AddRaftVoterRequest", "name", version));
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "AddRaftVoterRequest", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.uint16(v_port);
  w.taggedFields(v._unknownTaggedFields);
}

function readAddRaftVoterRequestListener(r: Reader, version: number): AddRaftVoterRequestListener {
  const f_name: string = r.compactString();
  const f_host: string = r.compactString();
  const f_port: number = r.uint16();
  const unknown = r.taggedFields(null);
  const value: AddRaftVoterRequestListener = { name: f_name, host: f_host, port: f_port };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeAddRaftVoterRequest(w: Writer, value: AddRaftVoterRequestInput, version: number): void {
  checkVersion("AddRaftVoterRequest", version, 0, 1);
  writeAddRaftVoterRequest(w, value, version);
}

export function decodeAddRaftVoterRequest(r: Reader, version: number): AddRaftVoterRequest {
  if (version < 0 || version > 1) r.fail(`AddRaftVoterRequest has no version ${version}`);
  return readAddRaftVoterRequest(r, version);
}
