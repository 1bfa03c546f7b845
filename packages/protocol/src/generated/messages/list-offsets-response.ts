// Generated from Kafka's clients/ListOffsetsResponse.json by packages/protocol/generator. Do not edit.
// response 2, versions 1-11, flexible 6-11
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, unsupportedField, writeArray } from '../../primitives/codec-support.ts';

export interface ListOffsetsResponse {
  throttleTimeMs: number; // versions 2+, ignorable
  topics: ListOffsetsResponseListOffsetsTopicResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseInput {
  throttleTimeMs?: number; // versions 2+, ignorable
  topics: readonly ListOffsetsResponseListOffsetsTopicResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsTopicResponse {
  name: string; // versions 0+
  partitions: ListOffsetsResponseListOffsetsPartitionResponse[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsTopicResponseInput {
  name: string; // versions 0+
  partitions: readonly ListOffsetsResponseListOffsetsPartitionResponseInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsPartitionResponse {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  timestamp: bigint; // versions 1+
  offset: bigint; // versions 1+
  leaderEpoch: number; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export interface ListOffsetsResponseListOffsetsPartitionResponseInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  timestamp?: bigint; // versions 1+
  offset?: bigint; // versions 1+
  leaderEpoch?: number; // versions 4+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultListOffsetsResponse(): ListOffsetsResponse {
  return { throttleTimeMs: 0, topics: [] };
}

export function defaultListOffsetsResponseListOffsetsTopicResponse(): ListOffsetsResponseListOffsetsTopicResponse {
  return { name: "", partitions: [] };
}

export function defaultListOffsetsResponseListOffsetsPartitionResponse(): ListOffsetsResponseListOffsetsPartitionResponse {
  return { partitionIndex: 0, errorCode: 0, timestamp: -1n, offset: -1n, leaderEpoch: -1 };
}

function writeListOffsetsResponse(w: Writer, v: ListOffsetsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  if (version >= 2) {
    w.int32(v_throttleTimeMs);
  }
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 6, nonNull(v_topics, "ListOffsetsResponse", "topics", version), (ew, e) => writeListOffsetsResponseListOffsetsTopicResponse(ew, e, version));
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListOffsetsResponse(r: Reader, version: number): ListOffsetsResponse {
  const f_throttleTimeMs: number = version >= 2 ? r.int32() : 0;
  const f_topics: ListOffsetsResponseListOffsetsTopicResponse[] = readArray(r, version >= 6, 2, (er) => readListOffsetsResponseListOffsetsTopicResponse(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: ListOffsetsResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListOffsetsResponseListOffsetsTopicResponse(w: Writer, v: ListOffsetsResponseListOffsetsTopicResponseInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 6) w.compactString(nonNull(v_name, "ListOffsetsResponse", "name", version));
  else w.string(nonNull(v_name, "ListOffsetsResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 6, nonNull(v_partitions, "ListOffsetsResponse", "partitions", version), (ew, e) => writeListOffsetsResponseListOffsetsPartitionResponse(ew, e, version));
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListOffsetsResponseListOffsetsTopicResponse(r: Reader, version: number): ListOffsetsResponseListOffsetsTopicResponse {
  const f_name: string = (version >= 6 ? r.compactString() : r.string());
  const f_partitions: ListOffsetsResponseListOffsetsPartitionResponse[] = readArray(r, version >= 6, 22, (er) => readListOffsetsResponseListOffsetsPartitionResponse(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: ListOffsetsResponseListOffsetsTopicResponse = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeListOffsetsResponseListOffsetsPartitionResponse(w: Writer, v: ListOffsetsResponseListOffsetsPartitionResponseInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_timestamp = v.timestamp === undefined ? -1n : v.timestamp;
  w.int64(v_timestamp);
  const v_offset = v.offset === undefined ? -1n : v.offset;
  w.int64(v_offset);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  if (version >= 4) {
    w.int32(v_leaderEpoch);
  } else if (v.leaderEpoch !== undefined && v.leaderEpoch !== -1) {
    unsupportedField("ListOffsetsResponse", "leaderEpoch", version);
  }
  if (version >= 6) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readListOffsetsResponseListOffsetsPartitionResponse(r: Reader, version: number): ListOffsetsResponseListOffsetsPartitionResponse {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const f_timestamp: bigint = r.int64();
  const f_offset: bigint = r.int64();
  const f_leaderEpoch: number = version >= 4 ? r.int32() : -1;
  let unknown: TaggedField[] | undefined;
  if (version >= 6) {
    unknown = r.taggedFields(null);
  }
  const value: ListOffsetsResponseListOffsetsPartitionResponse = { partitionIndex: f_partitionIndex, errorCode: f_errorCode, timestamp: f_timestamp, offset: f_offset, leaderEpoch: f_leaderEpoch };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeListOffsetsResponse(w: Writer, value: ListOffsetsResponseInput, version: number): void {
  checkVersion("ListOffsetsResponse", version, 1, 11);
  writeListOffsetsResponse(w, value, version);
}

export function decodeListOffsetsResponse(r: Reader, version: number): ListOffsetsResponse {
  if (version < 1 || version > 11) r.fail(`ListOffsetsResponse has no version ${version}`);
  return readListOffsetsResponse(r, version);
}
