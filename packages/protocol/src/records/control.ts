/**
 * Control records: the transaction markers a broker writes when a transaction commits or aborts.
 * Key: version int16 (0), type int16 (0 abort, 1 commit). Value (end-transaction marker):
 * version int16 (0), coordinator epoch int32.
 */
import { DecodeError } from '../primitives/errors.ts';
import { TimestampType } from './batch-header.ts';
import { encodeUncompressedRecordBatch } from './batch.ts';

export const ControlRecordType = { Abort: 0, Commit: 1 } as const;
export type ControlRecordType = (typeof ControlRecordType)[keyof typeof ControlRecordType];

export function encodeControlKey(type: ControlRecordType): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt16BE(0, 0);
  b.writeInt16BE(type, 2);
  return b;
}

export function decodeControlKey(key: Buffer | null): { version: number; type: number } {
  if (key === null || key.length < 4) throw new DecodeError('control record key must have at least 4 bytes', 0);
  return { version: key.readInt16BE(0), type: key.readInt16BE(2) };
}

export function encodeEndTxnMarkerValue(coordinatorEpoch: number): Buffer {
  const b = Buffer.alloc(6);
  b.writeInt16BE(0, 0);
  b.writeInt32BE(coordinatorEpoch, 2);
  return b;
}

export function decodeEndTxnMarkerValue(value: Buffer | null): { version: number; coordinatorEpoch: number } {
  if (value === null || value.length < 6) throw new DecodeError('end-transaction marker value must have at least 6 bytes', 0);
  return { version: value.readInt16BE(0), coordinatorEpoch: value.readInt32BE(2) };
}

export interface TransactionMarkerOptions {
  producerId: bigint;
  producerEpoch: number;
  commit: boolean;
  coordinatorEpoch: number;
  baseOffset?: bigint;
  partitionLeaderEpoch?: number;
  timestamp?: bigint;
}

/** A control batch with one commit or abort marker, as the broker appends it to a partition. */
export function encodeTransactionMarkerBatch(o: TransactionMarkerOptions): Buffer {
  const timestamp = o.timestamp ?? BigInt(Date.now());
  return encodeUncompressedRecordBatch({
    baseOffset: o.baseOffset,
    partitionLeaderEpoch: o.partitionLeaderEpoch,
    producerId: o.producerId,
    producerEpoch: o.producerEpoch,
    transactional: true,
    control: true,
    timestampType: TimestampType.CreateTime,
    now: timestamp,
    records: [{ key: encodeControlKey(o.commit ? ControlRecordType.Commit : ControlRecordType.Abort), value: encodeEndTxnMarkerValue(o.coordinatorEpoch), timestamp }],
  });
}
