/**
 * Opening a partition log. After a clean shutdown (the marker file is there) indexes, producer
 * state and segment sizes are loaded as written. Otherwise every segment is scanned batch by batch
 * (length, magic, CRC-32C, offsets): a torn tail — nothing valid after the bad bytes — is cut off,
 * with any later segment, since none of it can have been acknowledged; damage with valid batches
 * after it is reported with its file and position and the log is not opened.
 *
 * Transactions: a clean start loads the open transactions with the producer snapshot and each
 * segment's aborted transactions from its .txnindex; a scan rebuilds both from the batches and
 * markers (replay.ts). A .clean-shutdown of version 2 or later records how many entries each
 * segment's .txnindex holds, and only a segment with some has (and needs) the file, so a clean
 * start opens no file for the others; one that should hold entries but is missing, malformed or
 * holds another number was lost, and the log is scanned. An older .clean-shutdown does not say:
 * every segment's file is read, as then. Beside a snapshot of version 2 or later every segment
 * had one written, so a missing one means it was lost; an older snapshot predates transactions,
 * and its segments have no aborted transactions to index.
 *
 * Start-up opens every partition this way, and its time goes by the number of file calls (each a
 * trip through libuv's few threads), not by bytes: so the folder's one listing answers every
 * "is it there?" (the folder itself, the compaction manifest, each state file and index), and a
 * clean start makes only the calls test/clean-start-file-operations.test.ts lists.
 */
import { CorruptLogError } from '../errors.ts';
import { type FileSystem, mkdirDurable } from '../fs/types.ts';
import { CLEAN_SHUTDOWN, type CleanSegment, type CleanShutdown } from '../state-files/clean-shutdown.ts';
import { COMPACTION_MANIFEST } from '../state-files/compaction-manifest.ts';
import { LOG_START_OFFSET, RECOVERY_POINT } from '../state-files/offset-files.ts';
import { PRODUCER_SNAPSHOT, type ProducerSnapshot, TRANSACTIONAL_SNAPSHOT_VERSION } from '../state-files/producer-snapshot.ts';
import { readListedFile, readStateFile } from '../state-files/state-file.ts';
import { finishCompaction } from './compaction-swap.ts';
import type { LogState } from './log-state.ts';
import type { ProducerStateManager } from './producer-state.ts';
import { replayBatch } from './replay.ts';
import { scanSegment } from './scan.ts';
import type { Segment } from './segment.ts';
import { type AbortedTxn, decodeTxnIndex } from './txn-index.ts';

/** Opens the log in `log`'s folder (created if missing) into it (segments, offsets) and `producers`. */
export async function recoverLog(log: LogState, producers: ProducerStateManager): Promise<void> {
  const fs = log.cache.fs;
  let names = await listOrCreate(fs, log.dir);
  if (names.includes(COMPACTION_MANIFEST.name)) {
    await finishCompaction(log);
    names = await fs.list(log.dir);
  }
  for (const n of names) {
    if (n.endsWith('.tmp') || n.endsWith('.deleted') || n.endsWith('.cleaned')) await fs.remove(`${log.dir}/${n}`);
  }
  const present = new Set(names);
  const bases = names
    .filter((n) => /^\d{20}\.log$/.test(n))
    .map((n) => BigInt(n.slice(0, 20)))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Unreadable offset files count as absent (0), as before versions; a newer format throws.
  let logStartOffset = (await readStateFile(fs, log.dir, present, LOG_START_OFFSET)) ?? 0n;
  const recoveryPoint = (await readStateFile(fs, log.dir, present, RECOVERY_POINT)) ?? 0n;

  const clean = await readStateFile(fs, log.dir, present, CLEAN_SHUTDOWN);
  let segments: Segment[] | null = null;
  let cleanerCheckpoint = 0n;
  if (clean !== null) {
    let snapshot: ProducerSnapshot | null = null;
    if (present.has(PRODUCER_SNAPSHOT.name)) snapshot = await readStateFile(fs, log.dir, present, PRODUCER_SNAPSHOT);
    // An unreadable snapshot: rebuild everything from the log.
    const usable = snapshot !== null || !present.has(PRODUCER_SNAPSHOT.name);
    if (usable) segments = await loadClean(log, present, bases, clean, (snapshot?.version ?? 0) >= TRANSACTIONAL_SNAPSHOT_VERSION);
    if (segments !== null) {
      cleanerCheckpoint = clean.cleanerCheckpoint;
      if (snapshot !== null) producers.replaceAll(snapshot.producers);
    }
  }
  if (segments === null) segments = await scanAll(log, producers, bases, recoveryPoint);
  if (segments.length === 0) {
    const first = log.newSegment(logStartOffset);
    await first.create();
    segments.push(first);
  }
  // A crash later must be noticed: the marker goes before anything new is written.
  if (present.has(CLEAN_SHUTDOWN.name)) await fs.remove(`${log.dir}/${CLEAN_SHUTDOWN.name}`);
  await fs.syncDir(log.dir);
  if (logStartOffset < segments[0].baseOffset) logStartOffset = segments[0].baseOffset;
  log.restore(segments, logStartOffset, cleanerCheckpoint, recoveryPoint);
}

/** The entries of a partition's folder; one not there yet (a new partition) is created, durably. */
async function listOrCreate(fs: FileSystem, dir: string): Promise<string[]> {
  try {
    return await fs.list(dir);
  } catch (e) {
    if (await fs.exists(dir)) throw e; // there but unreadable: that error is the one to report
    await mkdirDurable(fs, dir);
    return [];
  }
}

/**
 * Segments as the clean shutdown left them, or null if the files disagree with the record (or a
 * .txnindex that must be there is missing or malformed, see loadAbortedTxns).
 */
async function loadClean(log: LogState, present: ReadonlySet<string>, bases: bigint[], clean: CleanShutdown, txnIndexesWritten: boolean): Promise<Segment[] | null> {
  if (clean.segments.length !== bases.length || clean.segments.some((s, i) => s.baseOffset !== bases[i])) return null;
  const out: Segment[] = [];
  for (const recorded of clean.segments) {
    const s = log.newSegment(recorded.baseOffset);
    s.markExisting();
    if ((await s.fileSize()) !== recorded.size) return null;
    const aborted = await loadAbortedTxns(log, present, s, recorded, txnIndexesWritten);
    if (aborted === null) return null; // lost or damaged: only a scan of the markers can rebuild it
    const index = (await readListedFile(log.cache.fs, log.dir, present, s.files.index.slice(log.dir.length + 1))) ?? Buffer.alloc(0);
    const timeIndex = (await readListedFile(log.cache.fs, log.dir, present, s.files.timeIndex.slice(log.dir.length + 1))) ?? Buffer.alloc(0);
    const ok = s.loadIndexes(index, timeIndex, recorded.size, recorded.nextOffset, recorded.maxTimestamp, recorded.offsetOfMaxTimestamp);
    if (!ok) {
      // Damaged or missing indexes: rebuild this segment's from its batches.
      const rebuilt = log.newSegment(s.baseOffset);
      rebuilt.markExisting();
      const problem = await scanSegment(rebuilt, recorded.size, rebuilt.baseOffset, (b) => rebuilt.addBatch(b.baseOffset, b.lastOffset, b.maxTimestamp, b.position, b.size));
      if (problem !== null) return null;
      out.push(rebuilt);
    } else out.push(s);
    const loaded = out[out.length - 1];
    loaded.txnIndex.replaceAll(aborted.entries);
    loaded.txnIndexPersisted = aborted.persisted;
  }
  return out;
}

/**
 * The aborted transactions of a segment on a clean start, with how many of them are known to be in
 * its .txnindex (-1: unknown), or null when the file was lost or damaged.
 */
async function loadAbortedTxns(log: LogState, present: ReadonlySet<string>, s: Segment, recorded: CleanSegment, txnIndexesWritten: boolean): Promise<{ entries: AbortedTxn[]; persisted: number } | null> {
  // Version 2 says none: no file to open (one left empty by an older Sluice is as good as none).
  if (recorded.abortedTxns === 0) return { entries: [], persisted: 0 };
  const txnIndexFile = await readListedFile(log.cache.fs, log.dir, present, s.files.txnIndex.slice(log.dir.length + 1));
  if (txnIndexFile === null) return recorded.abortedTxns === undefined && !txnIndexesWritten ? { entries: [], persisted: -1 } : null;
  const aborted = decodeTxnIndex(s.files.txnIndex, txnIndexFile, recorded.baseOffset, recorded.nextOffset);
  if (aborted === null || (recorded.abortedTxns !== undefined && aborted.length !== recorded.abortedTxns)) return null;
  return { entries: aborted, persisted: aborted.length };
}

/**
 * Scans every segment. Damage in a segment wholly below the recovery point (known durable), or
 * with valid batches after it, is reported; a torn tail past the recovery point is cut off.
 */
async function scanAll(log: LogState, producers: ProducerStateManager, bases: bigint[], recoveryPoint: bigint): Promise<Segment[]> {
  const segments: Segment[] = [];
  let expected = 0n;
  const now = log.now();
  producers.clear();
  for (let i = 0; i < bases.length; i++) {
    const s = log.newSegment(bases[i]);
    s.markExisting();
    const fileSize = await s.fileSize();
    const problem = await scanSegment(s, fileSize, expected, (b) => {
      s.addBatch(b.baseOffset, b.lastOffset, b.maxTimestamp, b.position, b.size);
      replayBatch(producers, s, b, now);
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
