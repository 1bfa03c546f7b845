// Generated from Kafka's clients/DescribeProducersRequest.json by packages/protocol/generator. Do not edit.
// request 61, versions 0, flexible 0
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface DescribeProducersRequest {
  topics: DescribeProducersRequestTopicRequest[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersRequestInput {
  topics: readonly DescribeProducersRequestTopicRequestInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersRequestTopicRequest {
  name: string; // versions 0+
  partitionIndexes: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeProducersRequestTopicRequestInput {
  name: string; // versions 0+
  partitionIndexes: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeProducersRequest(): DescribeProducersRequest {
  return { topics: [] };
}

export function defaultDescribeProducersRequestTopicRequest(): DescribeProducersRequestTopicRequest {
  return { name: "", partitionIndexes: [] };
}

function writeDescribeProducersRequest(w: Writer, v: DescribeProducersRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "DescribeProducersRequest", "topics", version), (ew, e) => writeDescribeProducersRequestTopicRequest(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeProducersRequest(r: Reader, version: number): DescribeProducersRequest {
  const f_topics: DescribeProducersRequestTopicRequest[] = readArray(r, true, 2, (er) => readDescribeProducersRequestTopicRequest(er, version));
  const unknown = r.taggedFields(null);
  const value: DescribeProducersRequest = { topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeProducersRequestTopicRequest(w: Writer, v: DescribeProducersRequestTopicRequestInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "DescribeProducersRequest", "name", version));
  const v_partitionIndexes = v.partitionIndexes === undefined ? [] : v.partitionIndexes;
  writeArray(w, true, nonNull(v_partitionIndexes, "DescribeProducersRequest", "partitionIndexes", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readDescribeProducersRequestTopicRequest(r: Reader, version: number): DescribeProducersRequestTopicRequest {
  const f_name: string = r.compactString();
  const f_partitionIndexes: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: DescribeProducersRequestTopicRequest = { name: f_name, partitionIndexes: f_partitionIndexes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeProducersRequest(w: Writer, value: DescribeProducersRequestInput, version: number): void {
  checkVersion("DescribeProducersRequest", version, 0, 0);
  writeDescribeProducersRequest(w, value, version);
}

export function decodeDescribeProducersRequest(r: Reader, version: number): DescribeProducersRequest {
  if (version < 0 || version > 0) r.fail(`DescribeProducersRequest has no version ${version}`);
  return readDescribeProducersRequest(r, version);
}
