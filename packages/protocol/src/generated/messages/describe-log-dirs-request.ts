// Generated from Kafka's clients/DescribeLogDirsRequest.json by packages/protocol/generator. Do not edit.
// request 35, versions 1-5, flexible 2-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface DescribeLogDirsRequest {
  topics: DescribeLogDirsRequestDescribableLogDirTopic[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsRequestInput {
  topics: readonly DescribeLogDirsRequestDescribableLogDirTopicInput[] | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsRequestDescribableLogDirTopic {
  topic: string; // versions 0+
  partitions: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsRequestDescribableLogDirTopicInput {
  topic: string; // versions 0+
  partitions: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsRequest(): DescribeLogDirsRequest {
  return { topics: [] };
}

export function defaultDescribeLogDirsRequestDescribableLogDirTopic(): DescribeLogDirsRequestDescribableLogDirTopic {
  return { topic: "", partitions: [] };
}

function writeDescribeLogDirsRequest(w: Writer, v: DescribeLogDirsRequestInput, version: number): void {
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeNullableArray(w, version >= 2, v_topics, (ew, e) => writeDescribeLogDirsRequestDescribableLogDirTopic(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeLogDirsRequest(r: Reader, version: number): DescribeLogDirsRequest {
  const f_topics: DescribeLogDirsRequestDescribableLogDirTopic[] | null = readNullableArray(r, version >= 2, 2, (er) => readDescribeLogDirsRequestDescribableLogDirTopic(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeLogDirsRequest = { topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeLogDirsRequestDescribableLogDirTopic(w: Writer, v: DescribeLogDirsRequestDescribableLogDirTopicInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version >= 2) w.compactString(nonNull(v_topic, "DescribeLogDirsRequest", "topic", version));
  else w.string(nonNull(v_topic, "DescribeLogDirsRequest", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 2, nonNull(v_partitions, "DescribeLogDirsRequest", "partitions", version), writeInt32);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeLogDirsRequestDescribableLogDirTopic(r: Reader, version: number): DescribeLogDirsRequestDescribableLogDirTopic {
  const f_topic: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitions: number[] = readArray(r, version >= 2, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeLogDirsRequestDescribableLogDirTopic = { topic: f_topic, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeLogDirsRequest(w: Writer, value: DescribeLogDirsRequestInput, version: number): void {
  checkVersion("DescribeLogDirsRequest", version, 1, 5);
  writeDescribeLogDirsRequest(w, value, version);
}

export function decodeDescribeLogDirsRequest(r: Reader, version: number): DescribeLogDirsRequest {
  if (version < 1 || version > 5) r.fail(`DescribeLogDirsRequest has no version ${version}`);
  return readDescribeLogDirsRequest(r, version);
}
