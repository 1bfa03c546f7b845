/**
 * The records of __transaction_state in Kafka's own format, so that a data folder reads the way
 * Kafka's coordinator reads its log: the key is an int16 record type (0, TransactionLogKey) and
 * the transactional id; the value an int16 version and TransactionLogValue, v1 (flexible, with
 * the KIP-890 tagged fields) when the finalized transaction.version is at least 1, else v0. A
 * null value (tombstone) is an expired transactional id.
 */
import {
  Reader,
  Writer,
  decodeTransactionLogKey,
  decodeTransactionLogValue,
  encodeTransactionLogKey,
  encodeTransactionLogValue,
} from '@sluice/protocol';
import { offsetsPartitionFor } from '../groups/records.ts';
import { type TopicPartition, type TxnSnapshot, type TxnStateName, stateFromId, stateId, topicPartitionsOf, txnPartitionKey } from './metadata.ts';

/** CoordinatorRecordType.TRANSACTION_LOG: the key version Kafka writes and the only one it reads. */
const KEY_VERSION = 0;

export interface TransactionRecord {
  key: Buffer;
  value: Buffer | null;
}

/**
 * Kafka's partition of __transaction_state for a transactional id: abs(Java String.hashCode)
 * modulo the partition count, the same function that places a group in __consumer_offsets.
 */
export function transactionPartitionFor(transactionalId: string, partitions: number): number {
  return offsetsPartitionFor(transactionalId, partitions);
}

function keyOf(transactionalId: string): Buffer {
  const w = new Writer(32 + transactionalId.length * 3);
  w.int16(KEY_VERSION);
  encodeTransactionLogKey(w, { transactionalId }, 0);
  return w.finish();
}

/** The value version Kafka 4.x writes at a finalized transaction.version (TransactionVersion.transactionLogValueVersion). */
export function valueVersionFor(transactionVersionLevel: number): number {
  return transactionVersionLevel >= 1 ? 1 : 0;
}

/** The record of one transition. Empty keeps no partitions: Kafka writes null there and refuses any. */
export function transactionRecord(transactionalId: string, s: TxnSnapshot, valueVersion: number): TransactionRecord {
  if (s.state === 'Dead' || s.state === 'PrepareEpochFence') throw new Error(`state ${s.state} of ${transactionalId} is never written`);
  const byTopic = topicPartitionsOf(s.partitions);
  const w = new Writer(128);
  w.int16(valueVersion);
  encodeTransactionLogValue(
    w,
    {
      producerId: s.producerId,
      producerEpoch: s.producerEpoch,
      transactionTimeoutMs: s.timeoutMs,
      transactionStatus: stateId(s.state),
      transactionPartitions: s.state === 'Empty' ? null : byTopic.map(({ topic, partitions }) => ({ topic, partitionIds: partitions })),
      transactionLastUpdateTimestampMs: BigInt(s.lastUpdateTimestamp),
      transactionStartTimestampMs: BigInt(s.startTimestamp),
      ...(valueVersion >= 1
        ? { previousProducerId: s.previousProducerId, nextProducerId: s.nextProducerId, clientTransactionVersion: s.clientTransactionVersion, nextProducerEpoch: -1 }
        : {}),
    },
    valueVersion,
  );
  return { key: keyOf(transactionalId), value: w.finish() };
}

export function transactionTombstone(transactionalId: string): TransactionRecord {
  return { key: keyOf(transactionalId), value: null };
}

export type ReadTransactionRecord = { transactionalId: string; snapshot: TxnSnapshot | null };

/**
 * A record read back from the log; null for a key version this broker does not know (Kafka's
 * loader skips those too). The last producer epoch is not stored: it reads back as -1, as in
 * Kafka's TransactionLog.readTxnRecordValue.
 */
export function readTransactionRecord(key: Buffer, value: Buffer | null): ReadTransactionRecord | null {
  const kr = new Reader(key);
  if (kr.int16() !== KEY_VERSION) return null;
  const { transactionalId } = decodeTransactionLogKey(kr, 0);
  if (value === null) return { transactionalId, snapshot: null };
  const vr = new Reader(value);
  const version = vr.int16();
  if (version < 0 || version > 1) throw new Error(`__transaction_state value version ${version} of ${transactionalId} is newer than this broker reads (0-1)`);
  const v = decodeTransactionLogValue(vr, version);
  const state: TxnStateName = stateFromId(v.transactionStatus);
  const partitions = new Map<string, TopicPartition>();
  for (const t of v.transactionPartitions ?? []) for (const p of t.partitionIds) partitions.set(txnPartitionKey(t.topic, p), { topic: t.topic, partition: p });
  return {
    transactionalId,
    snapshot: {
      producerId: v.producerId,
      previousProducerId: v.previousProducerId,
      nextProducerId: v.nextProducerId,
      producerEpoch: v.producerEpoch,
      lastProducerEpoch: -1,
      timeoutMs: v.transactionTimeoutMs,
      state,
      partitions,
      startTimestamp: Number(v.transactionStartTimestampMs),
      lastUpdateTimestamp: Number(v.transactionLastUpdateTimestampMs),
      clientTransactionVersion: v.clientTransactionVersion,
    },
  };
}
