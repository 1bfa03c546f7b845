/**
 * Target: what the broker checks of a produced partition's records before it stores them. The input
 * is a Produce request's `records` for one partition (one or more batches).
 * Property: validation refuses with InvalidRecordBatchError (a Kafka error code for the producer) or
 * accepts; and whatever it accepts decodes completely, every batch decompressed and every record
 * read, since readers get exactly the stored bytes (a batch that does not decode wedges every
 * consumer of the partition).
 */
import {
  BATCH_HEADER_SIZE,
  InvalidRecordBatchError,
  LOG_OVERHEAD,
  Offsets,
  compress,
  compressionOf,
  crc32c,
  decodeRecordBatch,
  decompress,
  validateBatchesAndRecords,
  type CompressionType,
} from '@sluice/protocol';
import type { Mutator } from '../engine/mutate.ts';
import { PropertyViolation, type FuzzTarget } from '../engine/fuzzer.ts';
import { capturedScenarios } from '../seeds.ts';

/**
 * The produce handler's checks of one partition's records (validate.ts): requireKeys is what a
 * compacted topic adds.
 */
async function validateProduced(records: Buffer, requireKeys: boolean): Promise<'accepted' | 'refused'> {
  try {
    await validateBatchesAndRecords(records, { requireKeys });
    return 'accepted';
  } catch (e) {
    if (e instanceof InvalidRecordBatchError) return 'refused';
    throw new PropertyViolation(`validation threw ${(e as Error)?.name} instead of InvalidRecordBatchError: ${(e as Error)?.message}`, { cause: e });
  }
}

async function run(records: Buffer): Promise<void> {
  const forCompaction = await validateProduced(records, true);
  if ((await validateProduced(records, false)) === 'refused') {
    if (forCompaction === 'accepted') throw new PropertyViolation('records refused for any topic were accepted for a compacted one');
    return;
  }
  let pos = 0;
  while (pos < records.length) {
    let batch;
    try {
      batch = await decodeRecordBatch(records, pos);
    } catch (e) {
      throw new PropertyViolation(`validation accepted a batch at byte ${pos} that does not decode: ${(e as Error)?.message}`, { cause: e });
    }
    if (forCompaction === 'accepted' && batch.records.some((r) => r.key === null)) {
      throw new PropertyViolation(`validation for a compacted topic accepted a record without a key in the batch at byte ${pos}`);
    }
    pos += batch.header.batchLength + LOG_OVERHEAD;
  }
}

/** Whole batches of `records`, as [start, end) positions (a short tail counts as one more). */
function batchesOf(records: Buffer): [number, number][] {
  const out: [number, number][] = [];
  let pos = 0;
  while (pos < records.length) {
    const end = records.length - pos >= LOG_OVERHEAD ? Math.min(records.length, pos + LOG_OVERHEAD + Math.max(0, records.readInt32BE(pos + Offsets.batchLength))) : records.length;
    out.push([pos, Math.max(end, pos + 1)]);
    pos = Math.max(end, pos + 1);
  }
  return out;
}

/** Sets the batch's length to its size and its CRC to its contents, as a producer would. */
function seal(batch: Buffer): Buffer {
  if (batch.length < BATCH_HEADER_SIZE) return batch;
  batch.writeInt32BE(batch.length - LOG_OVERHEAD, Offsets.batchLength);
  batch.writeUInt32BE(crc32c(batch.subarray(Offsets.attributes)), Offsets.crc);
  return batch;
}

/**
 * Mutates one batch: its header fields, its (compressed) records bytes, or, for a compressed
 * batch, the records inside it (decompressed, mutated, compressed again); then usually seals it
 * again so that the mutation gets past the CRC to the checks behind it.
 */
async function mutate(records: Buffer, m: Mutator): Promise<Buffer> {
  const r = m.rnd;
  if (r.chance(0.1)) return m.mutate(records);
  const batches = batchesOf(records);
  const [start, end] = batches[r.int(0, batches.length - 1)];
  let batch: Buffer = Buffer.from(records.subarray(start, end));
  const codec = batch.length >= BATCH_HEADER_SIZE ? compressionOf(batch.readInt16BE(Offsets.attributes)) : 0;
  if (batch.length >= BATCH_HEADER_SIZE && codec >= 1 && codec <= 4 && r.chance(0.4)) {
    try {
      const inner = await decompress(codec as CompressionType, batch.subarray(BATCH_HEADER_SIZE), 1 << 20);
      const mutated = await compress(codec as CompressionType, m.mutate(inner));
      batch = Buffer.concat([batch.subarray(0, BATCH_HEADER_SIZE), mutated]);
    } catch {
      batch = m.mutate(batch);
    }
  } else if (batch.length >= BATCH_HEADER_SIZE && r.chance(0.5)) {
    batch = Buffer.concat([batch.subarray(0, BATCH_HEADER_SIZE), m.mutate(batch.subarray(BATCH_HEADER_SIZE))]);
  } else {
    batch = m.mutate(batch);
  }
  if (r.chance(0.85)) seal(batch);
  if (batches.length > 1 && r.chance(0.2)) return batch; // one batch alone
  return Buffer.concat([records.subarray(0, start), batch, records.subarray(end)]);
}

/** The records of every Produce request the clients sent (every codec). */
function seeds(): Buffer[] {
  const out: Buffer[] = [];
  for (const s of capturedScenarios()) {
    for (const req of s.requests) {
      if (req.apiKey !== 0) continue;
      // The records are the frame's last bytes; find each batch by its magic and a matching CRC.
      for (let pos = 0; pos + BATCH_HEADER_SIZE <= req.frame.length; pos++) {
        if (req.frame[pos + Offsets.magic] !== 2) continue;
        const size = req.frame.readInt32BE(pos + Offsets.batchLength) + LOG_OVERHEAD;
        if (size < BATCH_HEADER_SIZE || pos + size > req.frame.length) continue;
        const batch = req.frame.subarray(pos, pos + size);
        if (crc32c(batch.subarray(Offsets.attributes)) === batch.readUInt32BE(Offsets.crc)) out.push(Buffer.from(batch));
      }
    }
  }
  return out;
}

export function recordBatchesTarget(): FuzzTarget & { seeds(): Buffer[] } {
  return {
    name: 'record-batches',
    batch: 16,
    maxInputBytes: 256 * 1024,
    covers: (url) => url.includes('/packages/protocol/src/records/') || url.includes('/packages/protocol/src/compression/') || url.includes('/packages/protocol/src/primitives/'),
    run,
    mutate,
    seeds,
  };
}

