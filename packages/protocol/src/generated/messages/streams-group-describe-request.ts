// Generated from Kafka's clients/StreamsGroupDescribeRequest.json by packages/protocol/generator. Do not edit.
// request 89, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface StreamsGroupDescribeRequest {
  groupIds: string[]; // versions 0+
  includeAuthorizedOperations: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface StreamsGroupDescribeRequestInput {
  groupIds: readonly string[]; // versions 0+
  includeAuthorizedOperations: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultStreamsGroupDescribeRequest(): StreamsGroupDescribeRequest {
  return { groupIds: [], includeAuthorizedOperations: false };
}

function writeStreamsGroupDescribeRequest(w: Writer, v: StreamsGroupDescribeRequestInput, version: number): void {
  const v_groupIds = v.groupIds === undefined ? [] : v.groupIds;
  writeArray(w, true, nonNull(v_groupIds, "StreamsGroupDescribeRequest", "groupIds", version), writeCompactString);
  const v_includeAuthorizedOperations = v.includeAuthorizedOperations === undefined ? false : v.includeAuthorizedOperations;
  w.bool(v_includeAuthorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readStreamsGroupDescribeRequest(r: Reader, version: number): StreamsGroupDescribeRequest {
  const f_groupIds: string[] = readArray(r, true, 1, readCompactString);
  const f_includeAuthorizedOperations: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: StreamsGroupDescribeRequest = { groupIds: f_groupIds, includeAuthorizedOperations: f_includeAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeStreamsGroupDescribeRequest(w: Writer, value: StreamsGroupDescribeRequestInput, version: number): void {
  checkVersion("StreamsGroupDescribeRequest", version, 0, 0);
  writeStreamsGroupDescribeRequest(w, value, version);
}

export function decodeStreamsGroupDescribeRequest(r: Reader, version: number): StreamsGroupDescribeRequest {
  if (version < 0 || version > 0) r.fail(`StreamsGroupDescribeRequest has no version ${version}`);
  return readStreamsGroupDescribeRequest(r, version);
}
