// Generated from Kafka's clients/DeleteGroupsResponse.json by packages/protocol/generator. Do not edit.
// response 42, versions 0-2, flexible 2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DeleteGroupsResponse {
  throttleTimeMs: number; // versions 0+
  results: DeleteGroupsResponseDeletableGroupResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsResponseInput {
  throttleTimeMs: number; // versions 0+
  results: readonly DeleteGroupsResponseDeletableGroupResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsResponseDeletableGroupResult {
  groupId: string; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DeleteGroupsResponseDeletableGroupResultInput {
  groupId: string; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDeleteGroupsResponse(): DeleteGroupsResponse {
  return { throttleTimeMs: 0, results: [] };
}

export function defaultDeleteGroupsResponseDeletableGroupResult(): DeleteGroupsResponseDeletableGroupResult {
  return { groupId: "", errorCode: 0 };
}

function writeDeleteGroupsResponse(w: Writer, v: DeleteGroupsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, version >= 2, nonNull(v_results, "DeleteGroupsResponse", "results", version), (ew, e) => writeDeleteGroupsResponseDeletableGroupResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteGroupsResponse(r: Reader, version: number): DeleteGroupsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_results: DeleteGroupsResponseDeletableGroupResult[] = readArray(r, version >= 2, 3, (er) => readDeleteGroupsResponseDeletableGroupResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteGroupsResponse = { throttleTimeMs: f_throttleTimeMs, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDeleteGroupsResponseDeletableGroupResult(w: Writer, v: DeleteGroupsResponseDeletableGroupResultInput, version: number): void {
  const v_groupId = v.groupId === undefined ? "" : v.groupId;
  if (version >= 2) w.compactString(nonNull(v_groupId, "DeleteGroupsResponse", "groupId", version));
  else w.string(nonNull(v_groupId, "DeleteGroupsResponse", "groupId", version));
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDeleteGroupsResponseDeletableGroupResult(r: Reader, version: number): DeleteGroupsResponseDeletableGroupResult {
  const f_groupId: string = (version >= 2 ? r.compactString() : r.string());
  const f_errorCode: number = r.int16();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DeleteGroupsResponseDeletableGroupResult = { groupId: f_groupId, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDeleteGroupsResponse(w: Writer, value: DeleteGroupsResponseInput, version: number): void {
  checkVersion("DeleteGroupsResponse", version, 0, 2);
  writeDeleteGroupsResponse(w, value, version);
}

export function decodeDeleteGroupsResponse(r: Reader, version: number): DeleteGroupsResponse {
  if (version < 0 || version > 2) r.fail(`DeleteGroupsResponse has no version ${version}`);
  return readDeleteGroupsResponse(r, version);
}
