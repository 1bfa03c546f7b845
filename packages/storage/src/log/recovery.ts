/**
 * Opening a partition log. After a clean shutdown (the marker file is there) indexes, producer
 * state and segment sizes are loaded as written. Otherwise every segment is scanned batch by batch
 * (length, magic, CRC-32C, offsets): a torn tail — nothing valid after the bad bytes — is cut off,
 * with any later segment, since none of it can have been acknowledged; damage with valid batches
 * after it is reported with its file and position and the log is not opened.
 */
import { NO_PRODUCER_ID } from '@sluice/protocol';
import { CorruptLogError } from '../errors.js';
import { finishCompaction } from './compaction-swap.js';
import type { PartitionLog } from './partition-log.js';
import { CLEAN_SHUTDOWN_FILE, LOG_START_FILE, PRODUCER_STATE_FILE, RECOVERY_POINT_FILE } from './partition-log.js';
import { lastSequence } from './producer-state.js';
import { scanSegment } from './scan.js';
import type { Segment } from './segment.js';

interface CleanState {
  logEndOffset: string;
  cleanerCheckpoint: string;
  segments: { base: string; size: number; next: string; maxTimestamp: string; offsetOfMaxTimestamp: string }[];
}

/**
 * A small file of the partition's folder, or null if it is not there or cannot be read. Whether
 * it is there comes from the folder's listing, not from a call per file: start-up opens every
 * partition, and each call to the file system is a trip through libuv's few threads.
 */
async function readOptional(log: PartitionLog, names: ReadonlySet<string>, name: string): Promise<Buffer | null> {
  if (!names.has(name)) return null;
  try {
    return await log.cache.fs.readFile(`${log.dir}/${name}`);
  } catch {
    return null;
  }
}

export async function recoverLog(log: PartitionLog): Promise<void> {
  const fs = log.cache.fs;
  await finishCompaction(log);
  const names = await fs.list(log.dir);
  for (const n of names) {
    if (n.endsWith('.tmp') || n.endsWith('.deleted') || n.endsWith('.cleaned')) await fs.remove(`${log.dir}/${n}`);
  }
  const present = new Set(names);
  const bases = names
    .filter((n) => /^\d{20}\.log$/.test(n))
    .map((n) => BigInt(n.slice(0, 20)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const startText = (await readOptional(log, present, LOG_START_FILE))?.toString().trim();
  let logStartOffset = startText && /^\d+$/.test(startText) ? BigInt(startText) : 0n;
  const pointText = (await readOptional(log, present, RECOVERY_POINT_FILE))?.toString().trim();
  const recoveryPoint = pointText && /^\d+$/.test(pointText) ? BigInt(pointText) : 0n;

  const cleanRaw = await readOptional(log, present, CLEAN_SHUTDOWN_FILE);
  let clean: CleanState | null = null;
  try {
    clean = cleanRaw === null ? null : (JSON.parse(cleanRaw.toString()) as CleanState);
  } catch {
    clean = null;
  }
  let segments: Segment[] | null = null;
  let cleanerCheckpoint = 0n;
  if (clean !== null) {
    segments = await loadClean(log, present, bases, clean);
    if (segments !== null) {
      cleanerCheckpoint = BigInt(clean.cleanerCheckpoint);
      const snapshot = await readOptional(log, present, PRODUCER_STATE_FILE);
      try {
        if (snapshot !== null) log.producers.load(JSON.parse(snapshot.toString()));
      } catch {
        segments = null; // an unreadable snapshot: rebuild everything from the log
      }
    }
  }
  if (segments === null) segments = await scanAll(log, bases, recoveryPoint);
  if (segments.length === 0) {
    const first = log.newSegment(logStartOffset);
    await first.create();
    segments.push(first);
  }
  // A crash later must be noticed: the marker goes before anything new is written.
  if (cleanRaw !== null) await fs.remove(`${log.dir}/${CLEAN_SHUTDOWN_FILE}`);
  await fs.syncDir(log.dir);
  if (logStartOffset < segments[0].baseOffset) logStartOffset = segments[0].baseOffset;
  log.restore(segments, logStartOffset, cleanerCheckpoint, recoveryPoint);
}

/** Segments as the clean shutdown left them, or null if the files disagree with the record. */
async function loadClean(log: PartitionLog, present: ReadonlySet<string>, bases: bigint[], clean: CleanState): Promise<Segment[] | null> {
  if (clean.segments.length !== bases.length || clean.segments.some((s, i) => BigInt(s.base) !== bases[i])) return null;
  const out: Segment[] = [];
  for (const recorded of clean.segments) {
    const s = log.newSegment(BigInt(recorded.base));
    s.markExisting();
    if ((await s.fileSize()) !== recorded.size) return null;
    const index = (await readOptional(log, present, s.files.index.slice(log.dir.length + 1))) ?? Buffer.alloc(0);
    const timeIndex = (await readOptional(log, present, s.files.timeIndex.slice(log.dir.length + 1))) ?? Buffer.alloc(0);
    const ok = s.loadIndexes(index, timeIndex, recorded.size, BigInt(recorded.next), BigInt(recorded.maxTimestamp), BigInt(recorded.offsetOfMaxTimestamp));
    if (!ok) {
      // Damaged or missing indexes: rebuild this segment's from its batches.
      const rebuilt = log.newSegment(s.baseOffset);
      rebuilt.markExisting();
      const problem = await scanSegment(rebuilt, recorded.size, rebuilt.baseOffset, (b) => rebuilt.addBatch(b.baseOffset, b.lastOffset, b.maxTimestamp, b.position, b.size));
      if (problem !== null) return null;
      out.push(rebuilt);
    } else out.push(s);
  }
  return out;
}

/**
 * Scans every segment. Damage in a segment wholly below the recovery point (known durable), or
 * with valid batches after it, is reported; a torn tail past the recovery point is cut off.
 */
async function scanAll(log: PartitionLog, bases: bigint[], recoveryPoint: bigint): Promise<Segment[]> {
  const segments: Segment[] = [];
  let expected = 0n;
  const now = log.now();
  log.producers.clear();
  for (let i = 0; i < bases.length; i++) {
    const s = log.newSegment(bases[i]);
    s.markExisting();
    const fileSize = await s.fileSize();
    const problem = await scanSegment(s, fileSize, expected, (b) => {
      s.addBatch(b.baseOffset, b.lastOffset, b.maxTimestamp, b.position, b.size);
      if (b.producerId !== NO_PRODUCER_ID && !b.isControl) {
        log.producers.record({ producerId: b.producerId, epoch: b.producerEpoch, firstSeq: b.baseSequence, lastSeq: lastSequence(b.baseSequence, b.recordCount), timestamp: b.maxTimestamp }, b.baseOffset, b.lastOffset, now);
      }
    });
    if (s.nextOffset < s.baseOffset) s.nextOffset = s.baseOffset;
    segments.push(s);
    expected = s.nextOffset;
    const durableSegment = i + 1 < bases.length && bases[i + 1] <= recoveryPoint;
    if (problem !== null && (!problem.atTail || durableSegment)) throw new CorruptLogError(s.files.log, problem.position, problem.reason);
    // Past the recovery point, a segment that stops short of where the next begins lost its
    // tail in the crash (compaction gaps are all below the recovery point).
    const stopsShort = i + 1 < bases.length && !durableSegment && s.nextOffset < bases[i + 1];
    if (problem !== null || stopsShort) {
      // A torn write: cut it, and drop every later segment (nothing there was acknowledged).
      if (problem !== null) {
        s.truncateIndexes(s.nextOffset, problem.position);
        await s.truncateFile(problem.position);
      }
      for (const later of bases.slice(i + 1)) {
        const doomed = log.newSegment(later);
        await log.removeSegmentFiles(doomed);
      }
      break;
    }
  }
  return segments;
}
