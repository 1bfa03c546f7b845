// Generated from Kafka's clients/ProduceRequest.json by packages/protocol/generator. Do not edit.
// request 0, versions 3-13, flexible 9-13
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { ZERO_UUID, checkVersion, nonNull, readArray, readNullableArray, writeArray } from '../../primitives/codec-support.ts';

export interface ProduceRequest {
  transactionalId: string | null; // versions 3+, nullable 3+
  acks: number; // versions 0+
  timeoutMs: number; // versions 0+
  topicData: ProduceRequestTopicProduceData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestInput {
  transactionalId?: string | null; // versions 3+, nullable 3+
  acks: number; // versions 0+
  timeoutMs: number; // versions 0+
  topicData: readonly ProduceRequestTopicProduceDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestTopicProduceData {
  name: string; // versions 0-12, ignorable
  topicId: string; // versions 13+, ignorable
  partitionData: ProduceRequestPartitionProduceData[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestTopicProduceDataInput {
  name?: string; // versions 0-12, ignorable
  topicId?: string; // versions 13+, ignorable
  partitionData: readonly ProduceRequestPartitionProduceDataInput[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestPartitionProduceData {
  index: number; // versions 0+
  records: Buffer | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface ProduceRequestPartitionProduceDataInput {
  index: number; // versions 0+
  records: Buffer | null; // versions 0+, nullable 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultProduceRequest(): ProduceRequest {
  return { transactionalId: null, acks: 0, timeoutMs: 0, topicData: [] };
}

export function defaultProduceRequestTopicProduceData(): ProduceRequestTopicProduceData {
  return { name: "", topicId: ZERO_UUID, partitionData: [] };
}

export function defaultProduceRequestPartitionProduceData(): ProduceRequestPartitionProduceData {
  return { index: 0, records: null };
}

function writeProduceRequest(w: Writer, v: ProduceRequestInput, version: number): void {
  const v_transactionalId = v.transactionalId === undefined ? null : v.transactionalId;
  if (version >= 9) w.compactNullableString(v_transactionalId);
  else w.nullableString(v_transactionalId);
  const v_acks = v.acks === undefined ? 0 : v.acks;
  w.int16(v_acks);
  const v_timeoutMs = v.timeoutMs === undefined ? 0 : v.timeoutMs;
  w.int32(v_timeoutMs);
  const v_topicData = v.topicData === undefined ? [] : v.topicData;
  writeArray(w, version >= 9, nonNull(v_topicData, "ProduceRequest", "topicData", version), (ew, e) => writeProduceRequestTopicProduceData(ew, e, version));
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readProduceRequest(r: Reader, version: number): ProduceRequest {
  const f_transactionalId: string | null = (version >= 9 ? r.compactNullableString() : r.nullableString());
  const f_acks: number = r.int16();
  const f_timeoutMs: number = r.int32();
  const f_topicData: ProduceRequestTopicProduceData[] = readArray(r, version >= 9, 1, (er) => readProduceRequestTopicProduceData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: ProduceRequest = { transactionalId: f_transactionalId, acks: f_acks, timeoutMs: f_timeoutMs, topicData: f_topicData };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeProduceRequestTopicProduceData(w: Writer, v: ProduceRequestTopicProduceDataInput, version: number): void {
  const v_name = v.name === undefined ? "" : v.name;
  if (version <= 12) {
    if (version >= 9) w.compactString(nonNull(v_name, "ProduceRequest", "name", version));
    else w.string(nonNull(v_name, "ProduceRequest", "name", version));
  }
  const v_topicId = v.topicId === undefined ? ZERO_UUID : v.topicId;
  if (version >= 13) {
    w.uuid(v_topicId);
  }
  const v_partitionData = v.partitionData === undefined ? [] : v.partitionData;
  writeArray(w, version >= 9, nonNull(v_partitionData, "ProduceRequest", "partitionData", version), (ew, e) => writeProduceRequestPartitionProduceData(ew, e, version));
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readProduceRequestTopicProduceData(r: Reader, version: number): ProduceRequestTopicProduceData {
  const f_name: string = version <= 12 ? (version >= 9 ? r.compactString() : r.string()) : "";
  const f_topicId: string = version >= 13 ? r.uuid() : ZERO_UUID;
  const f_partitionData: ProduceRequestPartitionProduceData[] = readArray(r, version >= 9, 5, (er) => readProduceRequestPartitionProduceData(er, version));
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: ProduceRequestTopicProduceData = { name: f_name, topicId: f_topicId, partitionData: f_partitionData };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeProduceRequestPartitionProduceData(w: Writer, v: ProduceRequestPartitionProduceDataInput, version: number): void {
  const v_index = v.index === undefined ? 0 : v.index;
  w.int32(v_index);
  const v_records = v.records === undefined ? null : v.records;
  if (version >= 9) w.compactNullableBytes(v_records);
  else w.nullableBytes(v_records);
  if (version >= 9) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readProduceRequestPartitionProduceData(r: Reader, version: number): ProduceRequestPartitionProduceData {
  const f_index: number = r.int32();
  const f_records: Buffer | null = (version >= 9 ? r.compactNullableBytes() : r.nullableBytes());
  let unknown: TaggedField[] | undefined;
  if (version >= 9) {
    unknown = r.taggedFields(null);
  }
  const value: ProduceRequestPartitionProduceData = { index: f_index, records: f_records };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeProduceRequest(w: Writer, value: ProduceRequestInput, version: number): void {
  checkVersion("ProduceRequest", version, 3, 13);
  writeProduceRequest(w, value, version);
}

export function decodeProduceRequest(r: Reader, version: number): ProduceRequest {
  if (version < 3 || version > 13) r.fail(`ProduceRequest has no version ${version}`);
  return readProduceRequest(r, version);
}
