/**
 * Walking the record batches of a segment file: in chunks, checking each batch's frame, magic and
 * CRC-32C, for recovery and index rebuilding.
 */
import { Attributes, BATCH_HEADER_SIZE, LOG_OVERHEAD, MAGIC_V2, Offsets, crc32c } from '@sluice/protocol';
import type { Segment } from './segment.ts';
import { readMarker } from './transactions.ts';

export interface ScannedBatch {
  position: number;
  size: number;
  baseOffset: bigint;
  lastOffset: bigint;
  maxTimestamp: bigint;
  producerId: bigint;
  producerEpoch: number;
  baseSequence: number;
  recordCount: number;
  isControl: boolean;
  isTransactional: boolean;
  /** A control batch's transaction marker (null for other batches and empty control batches). */
  marker: { commit: boolean; coordinatorEpoch: number } | null;
}

export interface ScanProblem {
  position: number;
  reason: string;
  /** True when nothing valid follows the problem in the file: a torn write, not damage. */
  atTail: boolean;
}

const CHUNK = 1 << 20;

/**
 * Reads the whole file batch by batch, calling `onBatch` for each valid one, and stops at the first
 * problem, which it returns (or null when the file ends cleanly).
 */
export async function scanSegment(segment: Segment, fileSize: number, minOffset: bigint, onBatch: (b: ScannedBatch) => void): Promise<ScanProblem | null> {
  let position = 0;
  let expected = minOffset;
  let chunk: Buffer = Buffer.alloc(0);
  let chunkStart = 0;
  const ensure = async (from: number, length: number): Promise<Buffer | null> => {
    if (from + length > fileSize) return null;
    if (from < chunkStart || from + length > chunkStart + chunk.length) {
      chunkStart = from;
      chunk = await segment.read(from, Math.min(fileSize - from, Math.max(CHUNK, length)));
      if (chunk.length < length) return null;
    }
    return chunk.subarray(from - chunkStart, from - chunkStart + length);
  };
  while (position < fileSize) {
    const problem = async (reason: string): Promise<ScanProblem> => ({ position, reason, atTail: !(await validBatchFollows(segment, position, fileSize)) });
    const head = await ensure(position, BATCH_HEADER_SIZE);
    if (head === null) return problem(`${fileSize - position} bytes at the end are too few for a batch header`);
    const batchLength = head.readInt32BE(Offsets.batchLength);
    const size = batchLength + LOG_OVERHEAD;
    if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD) return problem(`batch length ${batchLength} is too small`);
    if (position + size > fileSize) return problem(`batch of ${size} bytes runs past the end of the file`);
    if (head.readInt8(Offsets.magic) !== MAGIC_V2) return problem(`magic ${head.readInt8(Offsets.magic)} is not 2`);
    const whole = await ensure(position, size);
    if (whole === null) return problem('batch cannot be read whole');
    if (crc32c(whole.subarray(Offsets.attributes)) !== whole.readUInt32BE(Offsets.crc)) return problem('CRC-32C mismatch');
    const baseOffset = whole.readBigInt64BE(Offsets.baseOffset);
    const lastOffset = baseOffset + BigInt(whole.readInt32BE(Offsets.lastOffsetDelta));
    if (baseOffset < expected || lastOffset < baseOffset) return problem(`batch offsets ${baseOffset}-${lastOffset} go backwards (expected ${expected} or later)`);
    const attributes = whole.readInt16BE(Offsets.attributes);
    const isControl = (attributes & Attributes.control) !== 0;
    let marker: ScannedBatch['marker'] = null;
    if (isControl) {
      try {
        marker = readMarker(whole);
      } catch {
        // Its CRC holds, so these are the bytes written: a control record of a kind this build
        // does not know. Kept, and ignored by producer state, as Kafka ignores unknown types.
        marker = null;
      }
    }
    onBatch({
      position,
      size,
      baseOffset,
      lastOffset,
      maxTimestamp: whole.readBigInt64BE(Offsets.maxTimestamp),
      producerId: whole.readBigInt64BE(Offsets.producerId),
      producerEpoch: whole.readInt16BE(Offsets.producerEpoch),
      baseSequence: whole.readInt32BE(Offsets.baseSequence),
      recordCount: whole.readInt32BE(Offsets.recordCount),
      isControl,
      isTransactional: (attributes & Attributes.transactional) !== 0,
      marker,
    });
    expected = lastOffset + 1n;
    position += size;
  }
  return null;
}

/**
 * Whether any complete, CRC-valid batch starts after `position` (looked for at every byte, since
 * the damaged batch's own length cannot be trusted). A torn tail has none; a flipped bit in the
 * middle of a segment has the rest of the segment after it.
 */
async function validBatchFollows(segment: Segment, position: number, fileSize: number): Promise<boolean> {
  const rest = await segment.read(position, fileSize - position);
  for (let p = 1; p + BATCH_HEADER_SIZE <= rest.length; p++) {
    if (rest[p + Offsets.magic] !== MAGIC_V2) continue;
    const size = rest.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
    if (size < BATCH_HEADER_SIZE || p + size > rest.length) continue;
    if (crc32c(rest.subarray(p + Offsets.attributes, p + size)) === rest.readUInt32BE(p + Offsets.crc)) return true;
  }
  return false;
}
