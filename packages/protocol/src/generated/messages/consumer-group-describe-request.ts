// Generated from Kafka's clients/ConsumerGroupDescribeRequest.json by packages/protocol/generator. Do not edit.
// request 69, versions 0-1, flexible 0-1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readCompactString, readNullableArray, readString, writeArray, writeCompactString, writeString } from '../../primitives/codec-support.ts';

export interface ConsumerGroupDescribeRequest {
  groupIds: string[]; // versions 0+
  includeAuthorizedOperations: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ConsumerGroupDescribeRequestInput {
  groupIds: readonly string[]; // versions 0+
  includeAuthorizedOperations: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultConsumerGroupDescribeRequest(): ConsumerGroupDescribeRequest {
  return { groupIds: [], includeAuthorizedOperations: false };
}

function writeConsumerGroupDescribeRequest(w: Writer, v: ConsumerGroupDescribeRequestInput, version: number): void {
  const v_groupIds = v.groupIds === undefined ? [] : v.groupIds;
  writeArray(w, true, nonNull(v_groupIds, "ConsumerGroupDescribeRequest", "groupIds", version), writeCompactString);
  const v_includeAuthorizedOperations = v.includeAuthorizedOperations === undefined ? false : v.includeAuthorizedOperations;
  w.bool(v_includeAuthorizedOperations);
  w.taggedFields(v._unknownTaggedFields);
}

function readConsumerGroupDescribeRequest(r: Reader, version: number): ConsumerGroupDescribeRequest {
  const f_groupIds: string[] = readArray(r, true, 1, readCompactString);
  const f_includeAuthorizedOperations: boolean = r.bool();
  const unknown = r.taggedFields(null);
  const value: ConsumerGroupDescribeRequest = { groupIds: f_groupIds, includeAuthorizedOperations: f_includeAuthorizedOperations };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeConsumerGroupDescribeRequest(w: Writer, value: ConsumerGroupDescribeRequestInput, version: number): void {
  checkVersion("ConsumerGroupDescribeRequest", version, 0, 1);
  writeConsumerGroupDescribeRequest(w, value, version);
}

export function decodeConsumerGroupDescribeRequest(r: Reader, version: number): ConsumerGroupDescribeRequest {
  if (version < 0 || version > 1) r.fail(`ConsumerGroupDescribeRequest has no version ${version}`);
  return readConsumerGroupDescribeRequest(r, version);
}
