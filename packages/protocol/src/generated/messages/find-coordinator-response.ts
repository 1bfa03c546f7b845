// Generated from Kafka's clients/FindCoordinatorResponse.json by packages/protocol/generator. Do not edit.
// response 10, versions 0-6, flexible 3-6
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface FindCoordinatorResponse {
  throttleTimeMs: number; // versions 1+, ignorable
  errorCode: number; // versions 0-3
  errorMessage: string | null; // versions 1-3, nullable 1-3, ignorable
  nodeId: number; // versions 0-3
  host: string; // versions 0-3
  port: number; // versions 0-3
  coordinators: FindCoordinatorResponseCoordinator[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorResponseInput {
  throttleTimeMs?: number; // versions 1+, ignorable
  errorCode?: number; // versions 0-3
  errorMessage?: string | null; // versions 1-3, nullable 1-3, ignorable
  nodeId?: number; // versions 0-3
  host?: string; // versions 0-3
  port?: number; // versions 0-3
  coordinators?: readonly FindCoordinatorResponseCoordinatorInput[]; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorResponseCoordinator {
  key: string; // versions 4+
  nodeId: number; // versions 4+
  host: string; // versions 4+
  port: number; // versions 4+
  errorCode: number; // versions 4+
  errorMessage: string | null; // versions 4+, nullable 4+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface FindCoordinatorResponseCoordinatorInput {
  key: string; // versions 4+
  nodeId: number; // versions 4+
  host: string; // versions 4+
  port: number; // versions 4+
  errorCode: number; // versions 4+
  errorMessage: string | null; // versions 4+, nullable 4+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export function defaultFindCoordinatorResponse(): FindCoordinatorResponse {
  return { throttleTimeMs: 0, errorCode: 0, errorMessage: "", nodeId: 0, host: "", port: 0, coordinators: [] };
}

export function defaultFindCoordinatorResponseCoordinator(): FindCoordinatorResponseCoordinator {
  return { key: "", nodeId: 0, host: "", port: 0, errorCode: 0, errorMessage: "" };
}

function writeFindCoordinatorResponse(w: Writer, v: FindCoordinatorResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 1) {
    w.int32(v_throttleTimeMs);
  }
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  if (version <= 3) {
    w.int16(v_errorCode);
  } else if (v.errorCode !== undefined && v.errorCode !== 0) {
    unsupportedField("FindCoordinatorResponse", "errorCode", version);
  }
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  if ((version >= 1 && version <= 3)) {
    if (version >= 3) w.compactNullableString(v_errorMessage);
    else w.nullableString(v_errorMessage);
  }
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  if (version <= 3) {
    w.int32(v_nodeId);
  } else if (v.nodeId !== undefined && v.nodeId !== 0) {
    unsupportedField("FindCoordinatorResponse", "nodeId", version);
  }
  const v_host = v.host === undefined ? "" : v.host;
  if (version <= 3) {
    if (version >= 3) w.compactString(nonNull(v_host, "FindCoordinatorResponse", "host", version));
    else w.string(nonNull(v_host, "FindCoordinatorResponse", "host", version));
  } else if (v.host !== undefined && v.host !== "") {
    unsupportedField("FindCoordinatorResponse", "host", version);
  }
  const v_port = v.port === undefined ? 0 : v.port;
  if (version <= 3) {
    w.int32(v_port);
  } else if (v.port !== undefined && v.port !== 0) {
    unsupportedField("FindCoordinatorResponse", "port", version);
  }
  const v_coordinators = v.coordinators === undefined ? [] : v.coordinators;
  if (version >= 4) {
    writeArray(w, true, nonNull(v_coordinators, "FindCoordinatorResponse", "coordinators", version), (ew, e) => writeFindCoordinatorResponseCoordinator(ew, e, version));
  } else if (v.coordinators !== undefined && (v.coordinators === null || v.coordinators.length > 0)) {
    unsupportedField("FindCoordinatorResponse", "coordinators", version);
  }
  if (version >= 3) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readFindCoordinatorResponse(r: Reader, version: number): FindCoordinatorResponse {
  const f_throttleTimeMs: number = version >= 1 ? r.int32() : 0;
  const f_errorCode: number = version <= 3 ? r.int16() : 0;
  const f_errorMessage: string | null = (version >= 1 && version <= 3) ? (version >= 3 ? r.compactNullableString() : r.nullableString()) : "";
  const f_nodeId: number = version <= 3 ? r.int32() : 0;
  const f_host: string = version <= 3 ? (version >= 3 ? r.compactString() : r.string()) : "";
  const f_port: number = version <= 3 ? r.int32() : 0;
  const f_coordinators: FindCoordinatorResponseCoordinator[] = version >= 4 ? readArray(r, true, 1, (er) => readFindCoordinatorResponseCoordinator(er, version)) : [];
  let unknown: TaggedField[] | undefined;
  if (version >= 3) {
    unknown = r.taggedFields(null);
  }
  const value: FindCoordinatorResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, errorMessage: f_errorMessage, nodeId: f_nodeId, host: f_host, port: f_port, coordinators: f_coordinators };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeFindCoordinatorResponseCoordinator(w: Writer, v: FindCoordinatorResponseCoordinatorInput, version: number): void {
  const v_key = v.key === undefined ? "" : v.key;
  w.compactString(nonNull(v_key, "FindCoordinatorResponse", "key", version));
  const v_nodeId = v.nodeId === undefined ? 0 : v.nodeId;
  w.int32(v_nodeId);
  const v_host = v.host === undefined ? "" : v.host;
  w.compactString(nonNull(v_host, "FindCoordinatorResponse", "host", version));
  const v_port = v.port === undefined ? 0 : v.port;
  w.int32(v_port);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_errorMessage = v.errorMessage === undefined ? "" : v.errorMessage;
  w.compactNullableString(v_errorMessage);
  w.taggedFields(v._unknownTaggedFields);
}

function readFindCoordinatorResponseCoordinator(r: Reader, version: number): FindCoordinatorResponseCoordinator {
  const f_key: string = r.compactString();
  const f_nodeId: number = r.int32();
  const f_host: string = r.compactString();
  const f_port: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_errorMessage: string | null = r.compactNullableString();
  const unknown = r.taggedFields(null);
  const value: FindCoordinatorResponseCoordinator = { key: f_key, nodeId: f_nodeId, host: f_host, port: f_port, errorCode: f_errorCode, errorMessage: f_errorMessage };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeFindCoordinatorResponse(w: Writer, value: FindCoordinatorResponseInput, version: number): void {
  checkVersion("FindCoordinatorResponse", version, 0, 6);
  writeFindCoordinatorResponse(w, value, version);
}

export function decodeFindCoordinatorResponse(r: Reader, version: number): FindCoordinatorResponse {
  if (version < 0 || version > 6) r.fail(`FindCoordinatorResponse has no version ${version}`);
  return readFindCoordinatorResponse(r, version);
}
