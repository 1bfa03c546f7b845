/**
 * Malformed record batches for validation tests, made from real ones: a batch a real client
 * (librdkafka, through confluent-kafka) wrote and Apache Kafka stored, with its records section
 * replaced or header fields patched and the length and CRC recomputed, so that only the record
 * layer is wrong. Their varints come from protocol's Writer: what these batches test is the
 * validator's reading, and the writer's bytes are pinned by the golden tests against real clients.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BATCH_HEADER_SIZE, LOG_OVERHEAD, Offsets, Writer, crc32c } from '@sluice/protocol';
import { repoRoot } from './processes.ts';

/** Segments Apache Kafka wrote, captured for the protocol package's golden tests. */
export const KAFKA_LOG_FIXTURES = join(repoRoot, 'packages', 'protocol', 'test', 'fixtures', 'kafka-log');

/** The batches of a segment file, as views into it. */
export function batchesOf(segment: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let p = 0; p < segment.length; p += segment.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD) {
    out.push(segment.subarray(p, p + segment.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD));
  }
  return out;
}

/** A copy of the first batch a real client wrote with this codec. */
export function realBatch(codec: string): Buffer {
  return Buffer.from(batchesOf(readFileSync(join(KAFKA_LOG_FIXTURES, `confluent-kafka-${codec}.log`)))[0]!);
}

export interface HeaderPatch {
  recordCount?: number;
  lastOffsetDelta?: number;
  attributes?: number;
  baseSequence?: number;
  producerId?: bigint;
  baseTimestamp?: bigint;
}

/** `batch` with its records section replaced and header fields patched, the length and CRC recomputed. */
export function rebuilt(batch: Buffer, records: Buffer, patch: HeaderPatch = {}): Buffer {
  const out = Buffer.concat([batch.subarray(0, BATCH_HEADER_SIZE), records]);
  out.writeInt32BE(out.length - LOG_OVERHEAD, Offsets.batchLength);
  if (patch.recordCount !== undefined) out.writeInt32BE(patch.recordCount, Offsets.recordCount);
  if (patch.lastOffsetDelta !== undefined) out.writeInt32BE(patch.lastOffsetDelta, Offsets.lastOffsetDelta);
  if (patch.attributes !== undefined) out.writeInt16BE(patch.attributes, Offsets.attributes);
  if (patch.baseSequence !== undefined) out.writeInt32BE(patch.baseSequence, Offsets.baseSequence);
  if (patch.producerId !== undefined) out.writeBigInt64BE(patch.producerId, Offsets.producerId);
  if (patch.baseTimestamp !== undefined) out.writeBigInt64BE(patch.baseTimestamp, Offsets.baseTimestamp);
  out.writeUInt32BE(crc32c(out.subarray(Offsets.attributes)), Offsets.crc);
  return out;
}

/** `n` as a zigzag varint, as record fields and lengths are written. */
export function zz(n: number): Buffer {
  const w = new Writer(8);
  w.varint(n);
  return w.finish();
}
