// Generated from Kafka's clients/WriteTxnMarkersResponse.json by packages/protocol/generator. Do not edit.
// response 27, versions 1-2, flexible 1-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface WriteTxnMarkersResponse {
  markers: WriteTxnMarkersResponseWritableTxnMarkerResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseInput {
  markers: readonly WriteTxnMarkersResponseWritableTxnMarkerResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerResult {
  producerId: bigint; // versions 0+
  topics: WriteTxnMarkersResponseWritableTxnMarkerTopicResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerResultInput {
  producerId: bigint; // versions 0+
  topics: readonly WriteTxnMarkersResponseWritableTxnMarkerTopicResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  name: string; // versions 0+
  partitions: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerTopicResultInput {
  name: string; // versions 0+
  partitions: readonly WriteTxnMarkersResponseWritableTxnMarkerPartitionResultInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersResponseWritableTxnMarkerPartitionResultInput {
  partitionIndex: number; // versions 0+
  errorCode: number; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersResponse(): WriteTxnMarkersResponse {
  return { markers: [] };
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerResult(): WriteTxnMarkersResponseWritableTxnMarkerResult {
  return { producerId: 0n, topics: [] };
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerTopicResult(): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  return { name: "", partitions: [] };
}

export function defaultWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  return { partitionIndex: 0, errorCode: 0 };
}

function writeWriteTxnMarkersResponse(w: Writer, v: WriteTxnMarkersResponseInput, version: number): void {
  const v_markers = v.markers === undefined ? [] : v.markers;
  writeArray(w, true, nonNull(v_markers, "WriteTxnMarkersResponse", "markers", version), (ew, e) => writeWriteTxnMarkersResponseWritableTxnMarkerResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteTxnMarkersResponse(r: Reader, version: number): WriteTxnMarkersResponse {
  const f_markers: WriteTxnMarkersResponseWritableTxnMarkerResult[] = readArray(r, true, 9, (er) => readWriteTxnMarkersResponseWritableTxnMarkerResult(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteTxnMarkersResponse = { markers: f_markers };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteTxnMarkersResponseWritableTxnMarkerResult(w: Writer, v: WriteTxnMarkersResponseWritableTxnMarkerResultInput, version: number): void {
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "WriteTxnMarkersResponse", "topics", version), (ew, e) => writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteTxnMarkersResponseWritableTxnMarkerResult(r: Reader, version: number): WriteTxnMarkersResponseWritableTxnMarkerResult {
  const f_producerId: bigint = r.int64();
  const f_topics: WriteTxnMarkersResponseWritableTxnMarkerTopicResult[] = readArray(r, true, 2, (er) => readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteTxnMarkersResponseWritableTxnMarkerResult = { producerId: f_producerId, topics: f_topics };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteTxnMarkersResponseWritableTxnMarkerTopicResult(w: Writer, v: WriteTxnMarkersResponseWritableTxnMarkerTopicResultInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "WriteTxnMarkersResponse", "name", version));
  const v_partitions = v.partitions === undefined ? [] : v.partitions;
  writeArray(w, true, nonNull(v_partitions, "WriteTxnMarkersResponse", "partitions", version), (ew, e) => writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteTxnMarkersResponseWritableTxnMarkerTopicResult(r: Reader, version: number): WriteTxnMarkersResponseWritableTxnMarkerTopicResult {
  const f_name: string = r.compactString();
  const f_partitions: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult[] = readArray(r, true, 6, (er) => readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteTxnMarkersResponseWritableTxnMarkerTopicResult = { name: f_name, partitions: f_partitions };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(w: Writer, v: WriteTxnMarkersResponseWritableTxnMarkerPartitionResultInput, version: number): void {
  const v_partitionIndex = v.partitionIndex === undefined ? 0 : v.partitionIndex;
  w.int32(v_partitionIndex);
  const v_errorCode = v.errorCode === undefined ? 0 : v.errorCode;
  w.int16(v_errorCode);
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteTxnMarkersResponseWritableTxnMarkerPartitionResult(r: Reader, version: number): WriteTxnMarkersResponseWritableTxnMarkerPartitionResult {
  const f_partitionIndex: number = r.int32();
  const f_errorCode: number = r.int16();
  const unknown = r.taggedFields(null);
  const value: WriteTxnMarkersResponseWritableTxnMarkerPartitionResult = { partitionIndex: f_partitionIndex, errorCode: f_errorCode };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeWriteTxnMarkersResponse(w: Writer, value: WriteTxnMarkersResponseInput, version: number): void {
  checkVersion("WriteTxnMarkersResponse", version, 1, 2);
  writeWriteTxnMarkersResponse(w, value, version);
}

export function decodeWriteTxnMarkersResponse(r: Reader, version: number): WriteTxnMarkersResponse {
  if (version < 1 || version > 2) r.fail(`WriteTxnMarkersResponse has no version ${version}`);
  return readWriteTxnMarkersResponse(r, version);
}
