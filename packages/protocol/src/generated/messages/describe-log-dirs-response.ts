// Generated from Kafka's clients/DescribeLogDirsResponse.json by packages/protocol/generator. Do not edit.
// response 35, versions 1-5, flexible 2-5
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface DescribeLogDirsResponse {
  throttleTimeMs: number; // versions 0+
  errorCode: number; // versions 3+, ignorable
  results: DescribeLogDirsResponseDescribeLogDirsResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseInput {
  throttleTimeMs: number; // versions 0+
  errorCode?: number; // versions 3+, ignorable
  results: readonly DescribeLogDirsResponseDescribeLogDirsResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsResult {
  errorCode: number; // versions 0+
  logDir: string; // versions 0+
  topics: DescribeLogDirsResponseDescribeLogDirsTopic[]; // versions 0+
  totalBytes: bigint; // versions 4+, ignorable
  usableBytes: bigint; // versions 4+, ignorable
  isCordoned: boolean; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsResultInput {
  errorCode: number; // versions 0+
  logDir: string; // versions 0+
  topics: readonly DescribeLogDirsResponseDescribeLogDirsTopicInput[]; // versions 0+
  totalBytes?: bigint; // versions 4+, ignorable
  usableBytes?: bigint; // versions 4+, ignorable
  isCordoned?: boolean; // versions 5+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsTopic {
  name: string; // versions 0+
  partitions: DescribeLogDirsResponseDescribeLogDirsPartition[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsTopicInput {
  name: string; // versions 0+
  partitions: readonly DescribeLogDirsResponseDescribeLogDirsPartitionInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsPartition {
  partitionIndex: number; // versions 0+
  partitionSize: bigint; // versions 0+
  offsetLag: bigint; // versions 0+
  isFutureKey: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface DescribeLogDirsResponseDescribeLogDirsPartitionInput {
  partitionIndex: number; // versions 0+
  partitionSize: bigint; // versions 0+
  offsetLag: bigint; // versions 0+
  isFutureKey: boolean; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultDescribeLogDirsResponse(): DescribeLogDirsResponse {
  return { throttleTimeMs: 0, errorCode: 0, results: [] };
}

export function defaultDescribeLogDirsResponseDescribeLogDirsResult(): DescribeLogDirsResponseDescribeLogDirsResult {
  return { errorCode: 0, logDir: "", topics: [], totalBytes: -1n, usableBytes: -1n, isCordoned: false };
}

export function defaultDescribeLogDirsResponseDescribeLogDirsTopic(): DescribeLogDirsResponseDescribeLogDirsTopic {
  return { name: "", partitions: [] };
}

export function defaultDescribeLogDirsResponseDescribeLogDirsPartition(): DescribeLogDirsResponseDescribeLogDirsPartition {
  return { partitionIndex: 0, partitionSize: 0n, offsetLag: 0n, isFutureKey: false };
}

function writeDescribeLogDirsResponse(w: Writer, v: DescribeLogDirsResponseInput, version: number): void {
  const v_throttleTimeMs = v.throttleTimeMs === undefined ? 0 : v.throttleTimeMs;
  w.int32(v_throttleTimeMs);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  if (version >= 3) {
    w.int16(v_errorCode);
  }
  const v_results = v.results === undefined ? [] : v.results;
  writeArray(w, version >= 2, nonNull(v_results, "DescribeLogDirsResponse", "results", version), (ew, e) => writeDescribeLogDirsResponseDescribeLogDirsResult(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeLogDirsResponse(r: Reader, version: number): DescribeLogDirsResponse {
  const f_throttleTimeMs: number = r.int32();
  const f_errorCode: number = version >= 3 ? r.int16() : 0;
  const f_results: DescribeLogDirsResponseDescribeLogDirsResult[] = readArray(r, version >= 2, 4, (er) => readDescribeLogDirsResponseDescribeLogDirsResult(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeLogDirsResponse = { throttleTimeMs: f_throttleTimeMs, errorCode: f_errorCode, results: f_results };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeLogDirsResponseDescribeLogDirsResult(w: Writer, v: DescribeLogDirsResponseDescribeLogDirsResultInput, version: number): void {
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  const v_logDir = v.logDir === undefined ? "" : v.logDir;
  if (version >= 2) w.compactString(nonNull(v_logDir, "DescribeLogDirsResponse", "logDir", version));
  else w.string(nonNull(v_logDir, "DescribeLogDirsResponse", "logDir", version));
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, version >= 2, nonNull(v_topics, "DescribeLogDirsResponse", "topics", version), (ew, e) => writeDescribeLogDirsResponseDescribeLogDirsTopic(ew, e, version));
  const v_totalBytes = v.totalBytes === undefined ? -1n : v.totalBytes;
  if (version >= 4) {
    w.int64(v_totalBytes);
  }
  const v_usableBytes = v.usableBytes === undefined ? -1n : v.usableBytes;
  if (version >= 4) {
    w.int64(v_usableBytes);
  }
  const v_isCordoned = v.isCordoned === undefined ? false : v.isCordoned;
  if (version >= 5) {
    w.bool(v_isCordoned);
  }
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsResult(r: Reader, version: number): DescribeLogDirsResponseDescribeLogDirsResult {
  const f_errorCode: number = r.int16();
  const f_logDir: string = (version >= 2 ? r.compactString() : r.string());
  const f_topics: DescribeLogDirsResponseDescribeLogDirsTopic[] = readArray(r, version >= 2, 2, (er) => readDescribeLogDirsResponseDescribeLogDirsTopic(er, version));
  const f_totalBytes: bigint = version >= 4 ? r.int64() : -1n;
  const f_usableBytes: bigint = version >= 4 ? r.int64() : -1n;
  const f_isCordoned: boolean = version >= 5 ? r.bool() : false;
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeLogDirsResponseDescribeLogDirsResult = { errorCode: f_errorCode, logDir: f_logDir, topics: f_topics, totalBytes: f_totalBytes, usableBytes: f_usableBytes, isCordoned: f_isCordoned };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeLogDirsResponseDescribeLogDirsTopic(w: Writer, v: DescribeLogDirsResponseDescribeLogDirsTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version >= 2) w.compactString(nonNull(v_name, "DescribeLogDirsResponse", "name", version));
  else w.string(nonNull(v_name, "DescribeLogDirsResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, version >= 2, nonNull(v_partitions, "DescribeLogDirsResponse", "partitions", version), (ew, e) => writeDescribeLogDirsResponseDescribeLogDirsPartition(ew, e, version));
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsTopic(r: Reader, version: number): DescribeLogDirsResponseDescribeLogDirsTopic {
  const f_name: string = (version >= 2 ? r.compactString() : r.string());
  const f_partitions: DescribeLogDirsResponseDescribeLogDirsPartition[] = readArray(r, version >= 2, 21, (er) => readDescribeLogDirsResponseDescribeLogDirsPartition(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeLogDirsResponseDescribeLogDirsTopic = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeDescribeLogDirsResponseDescribeLogDirsPartition(w: Writer, v: DescribeLogDirsResponseDescribeLogDirsPartitionInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_partitionSize = v.partitionSize === undefined ? 0n : v.partitionSize;
  w.int64(v_partitionSize);
  const v_offsetLag = v.offsetLag === undefined ? 0n : v.offsetLag;
  w.int64(v_offsetLag);
  const v_isFutureKey = v.isFutureKey === undefined ? false : v.isFutureKey;
  w.bool(v_isFutureKey);
  if (version >= 2) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readDescribeLogDirsResponseDescribeLogDirsPartition(r: Reader, version: number): DescribeLogDirsResponseDescribeLogDirsPartition {
  const f_partitionIndex: number = r.int32();
  const f_partitionSize: bigint = r.int64();
  const f_offsetLag: bigint = r.int64();
  const f_isFutureKey: boolean = r.bool();
  let unknown: TaggedField[] | undefined;
  if (version >= 2) {
    unknown = r.taggedFields(null);
  }
  const value: DescribeLogDirsResponseDescribeLogDirsPartition = { partitionIndex: f_partitionIndex, partitionSize: f_partitionSize, offsetLag: f_offsetLag, isFutureKey: f_isFutureKey };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeDescribeLogDirsResponse(w: Writer, value: DescribeLogDirsResponseInput, version: number): void {
  checkVersion("DescribeLogDirsResponse", version, 1, 5);
  writeDescribeLogDirsResponse(w, value, version);
}

export function decodeDescribeLogDirsResponse(r: Reader, version: number): DescribeLogDirsResponse {
  if (version < 1 || version > 5) r.fail(`DescribeLogDirsResponse has no version ${version}`);
  return readDescribeLogDirsResponse(r, version);
}
