/**
 * The fixed 61-byte header of a v2 record batch ("magic 2"), read and patched in place.
 *
 *   baseOffset int64 @0 · batchLength int32 @8 · partitionLeaderEpoch int32 @12 · magic int8 @16 ·
 *   crc uint32 @17 · attributes int16 @21 · lastOffsetDelta int32 @23 · baseTimestamp int64 @27 ·
 *   maxTimestamp int64 @35 · producerId int64 @43 · producerEpoch int16 @51 · baseSequence int32 @53 ·
 *   recordCount int32 @57 · records @61
 *
 * The CRC covers attributes to the end, so baseOffset and partitionLeaderEpoch can be rewritten
 * by the broker without recomputing it.
 */

export const BATCH_HEADER_SIZE = 61;
/** Bytes before batchLength's count starts: baseOffset and batchLength themselves. */
export const LOG_OVERHEAD = 12;
export const MAGIC_V2 = 2;

export const Offsets = {
  baseOffset: 0,
  batchLength: 8,
  partitionLeaderEpoch: 12,
  magic: 16,
  crc: 17,
  attributes: 21,
  lastOffsetDelta: 23,
  baseTimestamp: 27,
  maxTimestamp: 35,
  producerId: 43,
  producerEpoch: 51,
  baseSequence: 53,
  recordCount: 57,
} as const;

export const Attributes = {
  compressionMask: 0x07,
  logAppendTime: 0x08,
  transactional: 0x10,
  control: 0x20,
  deleteHorizon: 0x40,
} as const;

export const TimestampType = { CreateTime: 0, LogAppendTime: 1 } as const;
export type TimestampType = (typeof TimestampType)[keyof typeof TimestampType];

/** No producer id / epoch / sequence: a batch from a producer without idempotence. */
export const NO_PRODUCER_ID = -1n;
export const NO_PRODUCER_EPOCH = -1;
export const NO_SEQUENCE = -1;

export interface RecordBatchHeader {
  baseOffset: bigint;
  /** Bytes after the batchLength field; the batch takes batchLength + 12 bytes. */
  batchLength: number;
  partitionLeaderEpoch: number;
  magic: number;
  crc: number;
  attributes: number;
  lastOffsetDelta: number;
  baseTimestamp: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
}

/** Reads the header of the batch at `pos`; the caller has checked that 61 bytes exist. */
export function readBatchHeader(buf: Buffer, pos = 0): RecordBatchHeader {
  return {
    baseOffset: buf.readBigInt64BE(pos),
    batchLength: buf.readInt32BE(pos + Offsets.batchLength),
    partitionLeaderEpoch: buf.readInt32BE(pos + Offsets.partitionLeaderEpoch),
    magic: buf.readInt8(pos + Offsets.magic),
    crc: buf.readUInt32BE(pos + Offsets.crc),
    attributes: buf.readInt16BE(pos + Offsets.attributes),
    lastOffsetDelta: buf.readInt32BE(pos + Offsets.lastOffsetDelta),
    baseTimestamp: buf.readBigInt64BE(pos + Offsets.baseTimestamp),
    maxTimestamp: buf.readBigInt64BE(pos + Offsets.maxTimestamp),
    producerId: buf.readBigInt64BE(pos + Offsets.producerId),
    producerEpoch: buf.readInt16BE(pos + Offsets.producerEpoch),
    baseSequence: buf.readInt32BE(pos + Offsets.baseSequence),
    recordCount: buf.readInt32BE(pos + Offsets.recordCount),
  };
}

export function compressionOf(attributes: number): number {
  return attributes & Attributes.compressionMask;
}

export function timestampTypeOf(attributes: number): TimestampType {
  return attributes & Attributes.logAppendTime ? TimestampType.LogAppendTime : TimestampType.CreateTime;
}

export function isTransactional(attributes: number): boolean {
  return (attributes & Attributes.transactional) !== 0;
}

/** The batch's delete horizon (KIP-534: base timestamp with attribute bit 6), or null when it has none. */
export function deleteHorizonOf(h: RecordBatchHeader): bigint | null {
  return (h.attributes & Attributes.deleteHorizon) !== 0 ? h.baseTimestamp : null;
}

export function isControl(attributes: number): boolean {
  return (attributes & Attributes.control) !== 0;
}

/** The offset of the batch's last record. */
export function lastOffsetOf(h: RecordBatchHeader): bigint {
  return h.baseOffset + BigInt(h.lastOffsetDelta);
}

/** Total bytes of the batch at `pos` (its batchLength plus the 12 bytes before it). */
export function batchSizeAt(buf: Buffer, pos = 0): number {
  return buf.readInt32BE(pos + Offsets.batchLength) + LOG_OVERHEAD;
}

/** Rewrites baseOffset in place (outside the CRC). */
export function setBaseOffset(buf: Buffer, baseOffset: bigint, pos = 0): void {
  buf.writeBigInt64BE(baseOffset, pos + Offsets.baseOffset);
}

/** Rewrites partitionLeaderEpoch in place (outside the CRC). */
export function setPartitionLeaderEpoch(buf: Buffer, epoch: number, pos = 0): void {
  buf.writeInt32BE(epoch, pos + Offsets.partitionLeaderEpoch);
}
