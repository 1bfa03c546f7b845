// Generated from Kafka's clients/WriteTxnMarkersRequest.json by packages/protocol/generator. Do not edit.
// request 27, versions 1-2, flexible 1-2
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, writeArray, writeInt32 } from '../../primitives/codec-support.ts';

export interface WriteTxnMarkersRequest {
  markers: WriteTxnMarkersRequestWritableTxnMarker[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestInput {
  markers: readonly WriteTxnMarkersRequestWritableTxnMarkerInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarker {
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  transactionResult: boolean; // versions 0+
  topics: WriteTxnMarkersRequestWritableTxnMarkerTopic[]; // versions 0+
  coordinatorEpoch: number; // versions 0+
  transactionVersion: number; // versions 2+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarkerInput {
  producerId: bigint; // versions 0+
  producerEpoch: number; // versions 0+
  transactionResult: boolean; // versions 0+
  topics: readonly WriteTxnMarkersRequestWritableTxnMarkerTopicInput[]; // versions 0+
  coordinatorEpoch: number; // versions 0+
  transactionVersion?: number; // versions 2+, ignorable
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarkerTopic {
  name: string; // versions 0+
  partitionIndexes: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface WriteTxnMarkersRequestWritableTxnMarkerTopicInput {
  name: string; // versions 0+
  partitionIndexes: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultWriteTxnMarkersRequest(): WriteTxnMarkersRequest {
  return { markers: [] };
}

export function defaultWriteTxnMarkersRequestWritableTxnMarker(): WriteTxnMarkersRequestWritableTxnMarker {
  return { producerId: 0n, producerEpoch: 0, transactionResult: false, topics: [], coordinatorEpoch: 0, transactionVersion: 0 };
}

export function defaultWriteTxnMarkersRequestWritableTxnMarkerTopic(): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  return { name: "", partitionIndexes: [] };
}

function writeWriteTxnMarkersRequest(w: Writer, v: WriteTxnMarkersRequestInput, version: number): void {
  const v_markers = v.markers === undefined ? [] : v.markers;
  writeArray(w, true, nonNull(v_markers, "WriteTxnMarkersRequest", "markers", version), (ew, e) => writeWriteTxnMarkersRequestWritableTxnMarker(ew, e, version));
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteTxnMarkersRequest(r: Reader, version: number): WriteTxnMarkersRequest {
  const f_markers: WriteTxnMarkersRequestWritableTxnMarker[] = readArray(r, true, 16, (er) => readWriteTxnMarkersRequestWritableTxnMarker(er, version));
  const unknown = r.taggedFields(null);
  const value: WriteTxnMarkersRequest = { markers: f_markers };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteTxnMarkersRequestWritableTxnMarker(w: Writer, v: WriteTxnMarkersRequestWritableTxnMarkerInput, version: number): void {
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  const v_transactionResult = v.transactionResult === undefined ? false : v.transactionResult;
  w.bool(v_transactionResult);
  const v_topics = v.topics === undefined ? [] : v.topics;
  writeArray(w, true, nonNull(v_topics, "WriteTxnMarkersRequest", "topics", version), (ew, e) => writeWriteTxnMarkersRequestWritableTxnMarkerTopic(ew, e, version));
  const v_coordinatorEpoch = v.coordinatorEpoch === undefined ? 0 : v.coordinatorEpoch;
  w.int32(v_coordinatorEpoch);
  const v_transactionVersion = v.transactionVersion === undefined ? 0 : v.transactionVersion;
  if (version >= 2) {
    w.int8(v_transactionVersion);
  }
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteTxnMarkersRequestWritableTxnMarker(r: Reader, version: number): WriteTxnMarkersRequestWritableTxnMarker {
  const f_producerId: bigint = r.int64();
  const f_producerEpoch: number = r.int16();
  const f_transactionResult: boolean = r.bool();
  const f_topics: WriteTxnMarkersRequestWritableTxnMarkerTopic[] = readArray(r, true, 2, (er) => readWriteTxnMarkersRequestWritableTxnMarkerTopic(er, version));
  const f_coordinatorEpoch: number = r.int32();
  const f_transactionVersion: number = version >= 2 ? r.int8() : 0;
  const unknown = r.taggedFields(null);
  const value: WriteTxnMarkersRequestWritableTxnMarker = { producerId: f_producerId, producerEpoch: f_producerEpoch, transactionResult: f_transactionResult, topics: f_topics, coordinatorEpoch: f_coordinatorEpoch, transactionVersion: f_transactionVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeWriteTxnMarkersRequestWritableTxnMarkerTopic(w: Writer, v: WriteTxnMarkersRequestWritableTxnMarkerTopicInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  w.compactString(nonNull(v_name, "WriteTxnMarkersRequest", "name", version));
  const v_partitionIndexes = v.partitionIndexes === undefined ? [] : v.partitionIndexes;
  writeArray(w, true, nonNull(v_partitionIndexes, "WriteTxnMarkersRequest", "partitionIndexes", version), writeInt32);
  w.taggedFields(v._unknownTaggedFields);
}

function readWriteTxnMarkersRequestWritableTxnMarkerTopic(r: Reader, version: number): WriteTxnMarkersRequestWritableTxnMarkerTopic {
  const f_name: string = r.compactString();
  const f_partitionIndexes: number[] = readArray(r, true, 4, readInt32);
  const unknown = r.taggedFields(null);
  const value: WriteTxnMarkersRequestWritableTxnMarkerTopic = { name: f_name, partitionIndexes: f_partitionIndexes };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeWriteTxnMarkersRequest(w: Writer, value: WriteTxnMarkersRequestInput, version: number): void {
  checkVersion("WriteTxnMarkersRequest", version, 1, 2);
  writeWriteTxnMarkersRequest(w, value, version);
}

export function decodeWriteTxnMarkersRequest(r: Reader, version: number): WriteTxnMarkersRequest {
  if (version < 1 || version > 2) r.fail(`WriteTxnMarkersRequest has no version ${version}`);
  return readWriteTxnMarkersRequest(r, version);
}
