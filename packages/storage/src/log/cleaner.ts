/**
 * Log compaction (cleanup.policy=compact): keeps the newest record of each key in the segments
 * before the active one and leaves the active segment alone, so appends never wait for it.
 * Tombstones (null values) follow Kafka's delete horizon (KIP-534): the first clean that keeps a
 * batch with tombstones stamps it with a horizon of now + delete.retention.ms, and a clean after
 * the horizon drops them, so a consumer has delete.retention.ms from the first clean to see a
 * deletion, whatever time the tombstone itself carries. Retained records keep their offsets; a
 * batch whose records all stay (and needs no horizon) is copied byte for byte, one that changes
 * is re-encoded with the same codec, producer fields and offset range, and an emptied one goes.
 *
 * A batch whose records cannot be read (stored before the broker validated records, say) is kept
 * byte for byte and reported, and the rest of the log is compacted around it: the cleaner never
 * drops what it cannot read, and one such batch does not stop compaction of its log. A segment
 * whose batches cannot even be framed is not compacted at all (StorageError): a replacement
 * written from it would lose whatever follows the damage.
 *
 * Transactions: nothing at or past the last stable offset is cleaned (Kafka's bound), so every
 * transaction in the cleaned range is decided. Records of aborted transactions (found through the
 * segments' .txnindex) never count as a key's newest value, since a read_committed reader skips
 * them and would otherwise lose the committed value they shadowed; their batches are kept as they
 * are, as are markers and the aborted-transaction indexes. Removing aborted data and markers past
 * the delete horizon (Kafka does both) is not done: it saves space only, and dropping a producer's
 * last batches would also drop the sequences a scan rebuilds its state from.
 */
import {
  BATCH_HEADER_SIZE,
  type CompressionType,
  type KafkaRecord,
  LOG_OVERHEAD,
  Offsets,
  compressionOf,
  decodeRecordBatch,
  deleteHorizonOf,
  encodeRecordBatch,
  isControl,
  isTransactional,
  readBatchHeader,
  timestampTypeOf,
} from '@sluice/protocol';
import { StorageError } from '../errors.ts';
import { commitCompaction } from './compaction-swap.ts';
import type { PartitionLog } from './partition-log.ts';
import type { Segment } from './segment.ts';
import type { AbortedTxn } from './txn-index.ts';

export interface CompactionResult {
  segments: number;
  bytesBefore: number;
  bytesAfter: number;
  recordsRemoved: number;
  /** Batches kept as they were because their records could not be read. */
  unreadable: UnreadableBatch[];
}

export interface UnreadableBatch {
  file: string;
  position: number;
  baseOffset: bigint;
  lastOffset: bigint;
  reason: string;
}

async function readWhole(s: Segment): Promise<Buffer> {
  return s.read(0, s.size);
}

/** The batches of a whole segment, which must frame exactly (recovery checked it when it was opened). */
function* batchesOf(data: Buffer, file: string): Generator<{ position: number; bytes: Buffer }> {
  for (let p = 0; p < data.length; ) {
    const size = p + BATCH_HEADER_SIZE <= data.length ? data.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD : -1;
    if (size < BATCH_HEADER_SIZE || p + size > data.length) {
      throw new StorageError(
        'STORAGE_CORRUPT',
        `The cleaner cannot frame the batch at byte ${p} of ${file} (${size < 0 ? 'too few bytes for a header' : `length ${size}`}); this partition is not compacted until the segment is repaired or removed by retention. Restarting the broker runs recovery, which reports the damage with its offsets.`,
      );
    }
    yield { position: p, bytes: data.subarray(p, p + size) };
    p += size;
  }
}

/** The batch's records, or the reason they cannot be read. */
async function recordsOf(bytes: Buffer): Promise<KafkaRecord[] | string> {
  try {
    return (await decodeRecordBatch(bytes)).records;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Segments that may be compacted now: closed, readable, and older than min.compaction.lag.ms. */
export function cleanableSegments(log: PartitionLog): Segment[] {
  const lagLimit = BigInt(log.now() - log.logConfig.minCompactionLagMs);
  const out: Segment[] = [];
  for (const s of log.segments.slice(0, -1)) {
    // Only segments below the recovery point: recovery tells torn tails from compaction gaps by it.
    // Nor past the last stable offset: an undecided transaction cannot be told from a committed one.
    if (s.nextOffset > log.lastStableOffset || s.nextOffset > log.recoveryPoint || s.maxTimestamp > lagLimit) break;
    out.push(s);
  }
  return out;
}

/** Share of the cleanable bytes not compacted yet. */
export function dirtyRatio(log: PartitionLog, segments: Segment[]): number {
  let total = 0;
  let dirty = 0;
  for (const s of segments) {
    total += s.size;
    if (s.nextOffset > log.cleanerCheckpoint) dirty += s.size;
  }
  return total === 0 ? 0 : dirty / total;
}

/** Whether a transactional batch of `producerId` at `baseOffset` belongs to a transaction aborted by a marker. */
function abortedBatchTest(log: PartitionLog): (producerId: bigint, baseOffset: bigint) => boolean {
  const byProducer = new Map<bigint, AbortedTxn[]>();
  for (const s of log.segments) for (const e of s.txnIndex.all()) byProducer.set(e.producerId, [...(byProducer.get(e.producerId) ?? []), e]);
  return (producerId, baseOffset) => (byProducer.get(producerId) ?? []).some((e) => e.firstOffset <= baseOffset && baseOffset < e.lastOffset);
}

/** Compacts the log if its dirty ratio calls for it (or always, with `force`). */
export async function compactLog(log: PartitionLog, force = false): Promise<CompactionResult | null> {
  const config = log.logConfig;
  if (!config.cleanupPolicy.compact) return null;
  await log.checkpointed();
  const segments = cleanableSegments(log);
  if (segments.length === 0) return null;
  if (!force && dirtyRatio(log, segments) < config.minCleanableDirtyRatio) return null;

  // Pass 1: the newest offset of every key.
  // Every segment is read and framed before anything is written, so a damaged one stops this
  // compaction before it has any effect.
  const latest = new Map<string, bigint>();
  const contents = new Map<Segment, Buffer>();
  const unreadable: UnreadableBatch[] = [];
  const isAborted = abortedBatchTest(log);
  const aborted = (header: ReturnType<typeof readBatchHeader>) => isTransactional(header.attributes) && isAborted(header.producerId, header.baseOffset);
  for (const s of segments) {
    const data = await readWhole(s);
    contents.set(s, data);
    for (const { position, bytes } of batchesOf(data, s.files.log)) {
      const header = readBatchHeader(bytes);
      if (isControl(header.attributes) || aborted(header)) continue;
      const records = await recordsOf(bytes);
      if (typeof records === 'string') {
        unreadable.push({ file: s.files.log, position, baseOffset: header.baseOffset, lastOffset: header.baseOffset + BigInt(header.lastOffsetDelta), reason: records });
        continue;
      }
      for (const r of records) if (r.key !== null) latest.set(r.key.toString('base64'), r.offset);
    }
  }

  // Pass 2: write the retained records beside each segment.
  const now = BigInt(log.now());
  const newHorizon = now + BigInt(Math.min(config.deleteRetentionMs, Number.MAX_SAFE_INTEGER));
  const fs = log.cache.fs;
  const replacements: Segment[] = [];
  let bytesBefore = 0;
  let bytesAfter = 0;
  let recordsRemoved = 0;
  for (const s of segments) {
    const data = contents.get(s)!;
    const out: Buffer[] = [];
    const fresh = log.newSegment(s.baseOffset);
    let position = 0;
    for (const { bytes } of batchesOf(data, s.files.log)) {
      const header = readBatchHeader(bytes);
      let kept: Buffer | null = bytes;
      const records = isControl(header.attributes) || aborted(header) ? null : await recordsOf(bytes);
      // Control batches, aborted transactions' batches and batches that cannot be read are kept as they are.
      if (records !== null && typeof records !== 'string') {
        const batch = { records };
        const horizon = deleteHorizonOf(header);
        const retained = batch.records.filter((r) => {
          if (r.key === null) return true;
          if (latest.get(r.key.toString('base64')) !== r.offset) return false;
          return !(r.value === null && horizon !== null && horizon <= now);
        });
        recordsRemoved += batch.records.length - retained.length;
        const needsHorizon = horizon === null && retained.some((r) => r.value === null);
        if (retained.length === 0) kept = null;
        else if (retained.length < batch.records.length || needsHorizon) {
          kept = await encodeRecordBatch({
            baseOffset: header.baseOffset,
            partitionLeaderEpoch: header.partitionLeaderEpoch,
            compression: compressionOf(header.attributes) as CompressionType,
            timestampType: timestampTypeOf(header.attributes),
            transactional: isTransactional(header.attributes),
            producerId: header.producerId,
            producerEpoch: header.producerEpoch,
            baseSequence: header.baseSequence,
            lastOffsetDelta: header.lastOffsetDelta,
            deleteHorizonMs: horizon ?? (needsHorizon ? newHorizon : undefined),
            records: retained.map((r) => ({ key: r.key, value: r.value, headers: r.headers, timestamp: r.timestamp, offsetDelta: Number(r.offset - header.baseOffset) })),
          });
        }
      }
      if (kept === null) continue;
      out.push(kept);
      const h = readBatchHeader(kept);
      fresh.addBatch(h.baseOffset, h.baseOffset + BigInt(h.lastOffsetDelta), h.maxTimestamp, position, kept.length);
      position += kept.length;
    }
    const body = Buffer.concat(out);
    bytesBefore += data.length;
    bytesAfter += body.length;
    const handle = await fs.open(`${s.files.log}.cleaned`, true);
    try {
      await handle.truncate(0);
      if (body.length > 0) await handle.write(body, 0);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    fresh.nextOffset = s.nextOffset;
    fresh.txnIndex.replaceAll(s.txnIndex.all()); // markers are all kept, so are their entries
    fresh.markExisting();
    replacements.push(fresh);
  }
  await fs.syncDir(log.dir);
  // The swap waits for reads in progress and holds new ones back; appends carry on.
  await log.swapSegments(async () => {
    await commitCompaction(log, segments.map((s) => s.baseOffset));
    log.replaceSegments(segments, replacements);
    log.cleanerCheckpoint = segments[segments.length - 1].nextOffset;
  });
  return { segments: segments.length, bytesBefore, bytesAfter, recordsRemoved, unreadable };
}
