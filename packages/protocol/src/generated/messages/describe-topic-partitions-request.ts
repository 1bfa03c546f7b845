// Generated from Kafka's clients/DescribeTopicPartitionsRequest.json by packages/protocol/generator. Do not edit.
// request 75, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeTopicPartitionsRequest {
  topics: DescribeTopicPartitionsRequestTopicRequest[]; // versions 0+
  responsePartitionLimit: number; // versions 0+
  cursor: DescribeTopicPartitionsRequestCursor | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestInput {
  topics: readonly DescribeTopicPartitionsRequestTopicRequestInput[]; // versions 0+
  responsePartitionLimit?: number; // versions 0+
  cursor?: DescribeTopicPartitionsRequestCursorInput | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestTopicRequest {
  name: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestTopicRequestInput {
  name: string; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestCursor {
  topicName: string; // versions 0+
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeTopicPartitionsRequestCursorInput {
  topicName: string; // versions 0+
  partitionIndex: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeTopicPartitionsRequest(): DescribeTopicPartitionsRequest {
  return { topics: [], responsePartitionLimit: 2000, cursor: null };
}

export function defaultDescribeTopicPartitionsRequestTopicRequest(): DescribeTopicPartitionsRequestTopicRequest {
  return { name: "" };
}

export function defaultDescribeTopicPartitionsRequestCursor(): DescribeTopicPartitionsRequestCursor {
  return { topicName: "", partitionIndex: 0 };
}

function writeDescribeTopicPartitionsRequest(w: Writer, v: DescribeTopicPartitionsRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeTopicPartitionsRequest", "topics", version), (ew, e) => writeDescribeTopicPartitionsRequestTopicRequest(ew, e, version));
  const v_responsePartitionLimit = v.responsePartitionLimit === undefined ? 2000 : v.responsePartitionLimit;
  w.int32(v_responsePartitionLimit);
  const v_cursor = v.cursor === undefined ? null : v.cursor;
  if (v_cursor === null) {
    w.int8(-1);
  } else {
    w.int8(1);
    writeDescribeTopicPartitionsRequestCursor(w, nonNull(v_cursor, "DescribeTopicPartitionsRequest", "cursor", version), version);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTopicPartitionsRequest(r: Reader, version: number): DescribeTopicPartitionsRequest {
  const f_topics: DescribeTopicPartitionsRequestTopicRequest[] = readArray(r, true, 1, (er) => readDescribeTopicPartitionsRequestTopicRequest(er, version));
  const f_responsePartitionLimit: number = r.int32();
  const f_cursor: DescribeTopicPartitionsRequestCursor | null = (r.int8() < 0 ? null : readDescribeTopicPartitionsRequestCursor(r, version));
  const unknown = r.taggedFields(null);
  const value: DescribeTopicPartitionsRequest = { topics: f_topics, responsePartitionLimit: f_responsePartitionLimit, cursor: f_cursor };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeTopicPartitionsRequestTopicRequest(w: Writer, v: DescribeTopicPartitionsRequestTopicRequestInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "DescribeTopicPartitionsRequest", "name", version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTopicPartitionsRequestTopicRequest(r: Reader, version: number): DescribeTopicPartitionsRequestTopicRequest {
  const f_name: string = r.compactString();
  const unknown = r.taggedFields(null);
  const value: DescribeTopicPartitionsRequestTopicRequest = { name: f_name };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeTopicPartitionsRequestCursor(w: Writer, v: DescribeTopicPartitionsRequestCursorInput, version: number): void {
  const v_topicName = v.topicName === undefined ? "" : v.topicName;
  w.compactString(nonNull(v_topicName, "DescribeTopicPartitionsRequest", "topicName", version));
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeTopicPartitionsRequestCursor(r: Reader, version: number): DescribeTopicPartitionsRequestCursor {
  const f_topicName: string = r.compactString();
  const f_partitionIndex: number = r.int32();
  const unknown = r.taggedFields(null);
  const value: DescribeTopicPartitionsRequestCursor = { topicName: f_topicName, partitionIndex: f_partitionIndex };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeTopicPartitionsRequest(w: Writer, value: DescribeTopicPartitionsRequestInput, version: number): void {
  checkVersion("DescribeTopicPartitionsRequest", version, 0, 0);
  writeDescribeTopicPartitionsRequest(w, value, version);
}

export function decodeDescribeTopicPartitionsRequest(r: Reader, version: number): DescribeTopicPartitionsRequest {
  if (version < 0 || version > 0) r.fail(`DescribeTopicPartitionsRequest has no version ${version}`);
  return readDescribeTopicPartitionsRequest(r, version);
}
