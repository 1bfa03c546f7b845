// Generated from Kafka's transaction-coordinator/TransactionLogValue.json by packages/protocol/generator. Do not edit.
// coordinator-value 0, versions 0-1, flexible 1
/* eslint-disable */
import { type TaggedField, type Reader, type Writer } from '../../primitives/index.ts';
import { checkVersion, nonNull, readArray, readInt32, readNullableArray, taggedValue, unsupportedField, writeArray, writeInt32, writeNullableArray } from '../../primitives/codec-support.ts';

export interface TransactionLogValue {
  producerId: bigint; // versions 0+
  previousProducerId: bigint; // versions 1+, tag 0 in 1+
  nextProducerId: bigint; // versions 1+, tag 1 in 1+
  producerEpoch: number; // versions 0+
  nextProducerEpoch: number; // versions 1+, tag 3 in 1+
  transactionTimeoutMs: number; // versions 0+
  transactionStatus: number; // versions 0+
  transactionPartitions: TransactionLogValuePartitionsSchema[] | null; // versions 0+, nullable 0+
  transactionLastUpdateTimestampMs: bigint; // versions 0+
  transactionStartTimestampMs: bigint; // versions 0+
  clientTransactionVersion: number; // versions 1+, tag 2 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface TransactionLogValueInput {
  producerId: bigint; // versions 0+
  previousProducerId?: bigint; // versions 1+, tag 0 in 1+
  nextProducerId?: bigint; // versions 1+, tag 1 in 1+
  producerEpoch: number; // versions 0+
  nextProducerEpoch?: number; // versions 1+, tag 3 in 1+
  transactionTimeoutMs: number; // versions 0+
  transactionStatus: number; // versions 0+
  transactionPartitions: readonly TransactionLogValuePartitionsSchemaInput[] | null; // versions 0+, nullable 0+
  transactionLastUpdateTimestampMs: bigint; // versions 0+
  transactionStartTimestampMs: bigint; // versions 0+
  clientTransactionVersion?: number; // versions 1+, tag 2 in 1+
  _unknownTaggedFields?: TaggedField[];
}

export interface TransactionLogValuePartitionsSchema {
  topic: string; // versions 0+
  partitionIds: number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export interface TransactionLogValuePartitionsSchemaInput {
  topic: string; // versions 0+
  partitionIds: readonly number[]; // versions 0+
  _unknownTaggedFields?: TaggedField[];
}

export function defaultTransactionLogValue(): TransactionLogValue {
  return { producerId: 0n, previousProducerId: -1n, nextProducerId: -1n, producerEpoch: 0, nextProducerEpoch: -1, transactionTimeoutMs: 0, transactionStatus: 0, transactionPartitions: [], transactionLastUpdateTimestampMs: 0n, transactionStartTimestampMs: 0n, clientTransactionVersion: 0 };
}

export function defaultTransactionLogValuePartitionsSchema(): TransactionLogValuePartitionsSchema {
  return { topic: "", partitionIds: [] };
}

function writeTransactionLogValue(w: Writer, v: TransactionLogValueInput, version: number): void {
  const v_producerId = v.producerId === undefined ? 0n : v.producerId;
  w.int64(v_producerId);
  if (!(version >= 1) && v.previousProducerId !== undefined && v.previousProducerId !== -1n) unsupportedField("TransactionLogValue", "previousProducerId", version);
  if (!(version >= 1) && v.nextProducerId !== undefined && v.nextProducerId !== -1n) unsupportedField("TransactionLogValue", "nextProducerId", version);
  const v_producerEpoch = v.producerEpoch === undefined ? 0 : v.producerEpoch;
  w.int16(v_producerEpoch);
  if (!(version >= 1) && v.nextProducerEpoch !== undefined && v.nextProducerEpoch !== -1) unsupportedField("TransactionLogValue", "nextProducerEpoch", version);
  const v_transactionTimeoutMs = v.transactionTimeoutMs === undefined ? 0 : v.transactionTimeoutMs;
  w.int32(v_transactionTimeoutMs);
  const v_transactionStatus = v.transactionStatus === undefined ? 0 : v.transactionStatus;
  w.int8(v_transactionStatus);
  const v_transactionPartitions = v.transactionPartitions === undefined ? [] : v.transactionPartitions;
  writeNullableArray(w, version >= 1, v_transactionPartitions, (ew, e) => writeTransactionLogValuePartitionsSchema(ew, e, version));
  const v_transactionLastUpdateTimestampMs = v.transactionLastUpdateTimestampMs === undefined ? 0n : v.transactionLastUpdateTimestampMs;
  w.int64(v_transactionLastUpdateTimestampMs);
  const v_transactionStartTimestampMs = v.transactionStartTimestampMs === undefined ? 0n : v.transactionStartTimestampMs;
  w.int64(v_transactionStartTimestampMs);
  if (!(version >= 1) && v.clientTransactionVersion !== undefined && v.clientTransactionVersion !== 0) unsupportedField("TransactionLogValue", "clientTransactionVersion", version);
  if (version >= 1) {
    let tagged = v._unknownTaggedFields?.slice();
    if (v.previousProducerId !== undefined && v.previousProducerId !== -1n) {
      const x = v.previousProducerId!;
      (tagged ??= []).push(taggedValue(0, (tw) => {
        tw.int64(x);
      }));
    }
    if (v.nextProducerId !== undefined && v.nextProducerId !== -1n) {
      const x = v.nextProducerId!;
      (tagged ??= []).push(taggedValue(1, (tw) => {
        tw.int64(x);
      }));
    }
    if (v.clientTransactionVersion !== undefined && v.clientTransactionVersion !== 0) {
      const x = v.clientTransactionVersion!;
      (tagged ??= []).push(taggedValue(2, (tw) => {
        tw.int16(x);
      }));
    }
    if (v.nextProducerEpoch !== undefined && v.nextProducerEpoch !== -1) {
      const x = v.nextProducerEpoch!;
      (tagged ??= []).push(taggedValue(3, (tw) => {
        tw.int16(x);
      }));
    }
    w.taggedFields(tagged);
  }
}

function readTransactionLogValue(r: Reader, version: number): TransactionLogValue {
  const f_producerId: bigint = r.int64();
  let f_previousProducerId: bigint = -1n;
  let f_nextProducerId: bigint = -1n;
  const f_producerEpoch: number = r.int16();
  let f_nextProducerEpoch: number = -1;
  const f_transactionTimeoutMs: number = r.int32();
  const f_transactionStatus: number = r.int8();
  const f_transactionPartitions: TransactionLogValuePartitionsSchema[] | null = readNullableArray(r, version >= 1, 2, (er) => readTransactionLogValuePartitionsSchema(er, version));
  const f_transactionLastUpdateTimestampMs: bigint = r.int64();
  const f_transactionStartTimestampMs: bigint = r.int64();
  let f_clientTransactionVersion: number = 0;
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields((tag, tr) => {
      switch (tag) {
        case 0:
          f_previousProducerId = tr.int64();
          return true;
        case 1:
          f_nextProducerId = tr.int64();
          return true;
        case 2:
          f_clientTransactionVersion = tr.int16();
          return true;
        case 3:
          f_nextProducerEpoch = tr.int16();
          return true;
        default:
          return false;
      }
    });
  }
  const value: TransactionLogValue = { producerId: f_producerId, previousProducerId: f_previousProducerId, nextProducerId: f_nextProducerId, producerEpoch: f_producerEpoch, nextProducerEpoch: f_nextProducerEpoch, transactionTimeoutMs: f_transactionTimeoutMs, transactionStatus: f_transactionStatus, transactionPartitions: f_transactionPartitions, transactionLastUpdateTimestampMs: f_transactionLastUpdateTimestampMs, transactionStartTimestampMs: f_transactionStartTimestampMs, clientTransactionVersion: f_clientTransactionVersion };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

function writeTransactionLogValuePartitionsSchema(w: Writer, v: TransactionLogValuePartitionsSchemaInput, version: number): void {
  const v_topic = v.topic === undefined ? "" : v.topic;
  if (version >= 1) w.compactString(nonNull(v_topic, "TransactionLogValue", "topic", version));
  else w.string(nonNull(v_topic, "TransactionLogValue", "topic", version));
  const v_partitionIds = v.partitionIds === undefined ? [] : v.partitionIds;
  writeArray(w, version >= 1, nonNull(v_partitionIds, "TransactionLogValue", "partitionIds", version), writeInt32);
  if (version >= 1) {
    w.taggedFields(v._unknownTaggedFields);
  }
}

function readTransactionLogValuePartitionsSchema(r: Reader, version: number): TransactionLogValuePartitionsSchema {
  const f_topic: string = (version >= 1 ? r.compactString() : r.string());
  const f_partitionIds: number[] = readArray(r, version >= 1, 4, readInt32);
  let unknown: TaggedField[] | undefined;
  if (version >= 1) {
    unknown = r.taggedFields(null);
  }
  const value: TransactionLogValuePartitionsSchema = { topic: f_topic, partitionIds: f_partitionIds };
  if (unknown !== undefined) value._unknownTaggedFields = unknown;
  return value;
}

export function encodeTransactionLogValue(w: Writer, value: TransactionLogValueInput, version: number): void {
  checkVersion("TransactionLogValue", version, 0, 1);
  writeTransactionLogValue(w, value, version);
}

export function decodeTransactionLogValue(r: Reader, version: number): TransactionLogValue {
  if (version < 0 || version > 1) r.fail(`TransactionLogValue has no version ${version}`);
  return readTransactionLogValue(r, version);
}
