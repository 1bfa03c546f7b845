// Generated from Kafka's clients/OffsetForLeaderEpochResponse.json by packages/protocol/generator. Do not edit.
// response 23, versions 2-4, flexible 4
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface OffsetForLeaderEpochResponse {
  throttleTimeMs: number; // versions 2+, ignorable
  topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseInput {
  throttleTimeMs: number; // versions 2+, ignorable
  topics: readonly OffsetForLeaderEpochResponseOffsetForLeaderTopicResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  topic: string; // versions 0+
  partitions: OffsetForLeaderEpochResponseEpochEndOffset[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseOffsetForLeaderTopicResultInput {
  topic: string; // versions 0+
  partitions: readonly OffsetForLeaderEpochResponseEpochEndOffsetInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseEpochEndOffset {
  errorCode: number; // versions 0+
  partition: number; // versions 0+
  leaderEpoch: number; // versions 1+, ignorable
  endOffset: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface OffsetForLeaderEpochResponseEpochEndOffsetInput {
  errorCode: number; // versions 0+
  partition: number; // versions 0+
  leaderEpoch?: number; // versions 1+, ignorable
  endOffset?: bigint; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultOffsetForLeaderEpochResponse(): OffsetForLeaderEpochResponse {
  return { throttleTimeMs: 0, topics: [] };
}

export function defaultOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  return { topic: "", partitions: [] };
}

export function defaultOffsetForLeaderEpochResponseEpochEndOffset(): OffsetForLeaderEpochResponseEpochEndOffset {
  return { errorCode: 0, partition: 0, leaderEpoch: -1, endOffset: -1n };
}

function writeOffsetForLeaderEpochResponse(w: Writer, v: OffsetForLeaderEpochResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 4, nonNull(v_topics, "OffsetForLeaderEpochResponse", "topics", version), (ew, e) => writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetForLeaderEpochResponse(r: Reader, version: number): OffsetForLeaderEpochResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_topics: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult[] = readArray(r, version >= 4, 2, (er) => readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetForLeaderEpochResponse = { throttleTimeMs: f_throttleTimeMs, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(w: Writer, v: OffsetForLeaderEpochResponseOffsetForLeaderTopicResultInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version >= 4) w.compactString(nonNull(v_topic, "OffsetForLeaderEpochResponse", "topic", version));
  else w.string(nonNull(v_topic, "OffsetForLeaderEpochResponse", "topic", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 4, nonNull(v_partitions, "OffsetForLeaderEpochResponse", "partitions", version), (ew, e) => writeOffsetForLeaderEpochResponseEpochEndOffset(ew, e, version));
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetForLeaderEpochResponseOffsetForLeaderTopicResult(r: Reader, version: number): OffsetForLeaderEpochResponseOffsetForLeaderTopicResult {
  const f_topic: string = (version >= 4 ? r.compactString() : r.string());
  const f_partitions: OffsetForLeaderEpochResponseEpochEndOffset[] = readArray(r, version >= 4, 18, (er) => readOffsetForLeaderEpochResponseEpochEndOffset(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetForLeaderEpochResponseOffsetForLeaderTopicResult = { topic: f_topic, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeOffsetForLeaderEpochResponseEpochEndOffset(w: Writer, v: OffsetForLeaderEpochResponseEpochEndOffsetInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_partition = v.partition === undefined ? 0 : v.partition;
  w.int32(v_partition);
  const v_leaderEpoch = v.leaderEpoch === undefined ? -1 : v.leaderEpoch;
  w.int32(v_leaderEpoch);
  const v_endOffset = v.endOffset === undefined ? -1n : v.endOffset;
  w.int64(v_endOffset);
  if (version >= 4) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readOffsetForLeaderEpochResponseEpochEndOffset(r: Reader, version: number): OffsetForLeaderEpochResponseEpochEndOffset {
  const f_errorCode: number = r.int16();
  const f_partition: number = r.int32();
  const f_leaderEpoch: number = r.int32();
  const f_endOffset: bigint = r.int64();
  let unknown: TaggedField[] | undefined;
  if (version >= 4) {
    unknown = r.taggedFields(null);
  }
  const value: OffsetForLeaderEpochResponseEpochEndOffset = { errorCode: f_errorCode, partition: f_partition, leaderEpoch: f_leaderEpoch, endOffset: f_endOffset };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeOffsetForLeaderEpochResponse(w: Writer, value: OffsetForLeaderEpochResponseInput, version: number): void {
  checkVersion("OffsetForLeaderEpochResponse", version, 2, 4);
  writeOffsetForLeaderEpochResponse(w, value, version);
}

export function decodeOffsetForLeaderEpochResponse(r: Reader, version: number): OffsetForLeaderEpochResponse {
  if (version < 2 || version > 4) r.fail(`OffsetForLeaderEpochResponse has no version ${version}`);
  return readOffsetForLeaderEpochResponse(r, version);
}
