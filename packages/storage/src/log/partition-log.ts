/**
 * The log of one partition: a folder of segments, appended to at the end and read from anywhere.
 *
 * PartitionLog is the facade the broker and the log manager use. It owns the log's lifecycle
 * (open, close, abandon) and its events, and composes the parts that each own one concern over
 * the shared LogState (log-state.ts):
 * - LogWriter (log-writer.ts): appends, group commit, rollback of failed writes, rolling;
 * - LogReader (log-reader.ts): reads, bytes available, lookups by time, the compaction swap's
 *   exclusion of reads;
 * - LogRetention (log-retention.ts): retention by time and size, DeleteRecords, truncation;
 * - recoverLog (recovery.ts): opening the folder, after a clean shutdown or not.
 * The small state files they write are each named, written and read by one module of
 * ../state-files (docs/storage-formats.md).
 *
 * Events: 'highWatermark' (new data is readable); 'lastStableOffset' (the LSO moved, with its
 * value; it only rises with the high watermark, so it follows a 'highWatermark' event, or after
 * retention, DeleteRecords or a truncation); 'writeFailed' (a StorageError: a write or sync
 * failed, so did the appends it carried, and the log was rolled back; it is for the operator's
 * log, the appends' own promises already reject). 'error' is never emitted.
 */
import { EventEmitter } from 'node:events';
import { LogCloseError, StorageError } from '../errors.ts';
import type { FileCache } from '../file-cache.ts';
import { CLEAN_SHUTDOWN, type CleanShutdown } from '../state-files/clean-shutdown.ts';
import { PRODUCER_SNAPSHOT } from '../state-files/producer-snapshot.ts';
import { writeStateFile } from '../state-files/state-file.ts';
import type { LogConfig } from '../topic-config.ts';
import { LogReader } from './log-reader.ts';
import { LogRetention } from './log-retention.ts';
import { LogState } from './log-state.ts';
import { type AppendOptions, type AppendResult, LogWriter } from './log-writer.ts';
import { type ActiveProducer, ProducerStateManager, type TransactionMarker } from './producer-state.ts';
import { recoverLog } from './recovery.ts';
import type { Segment } from './segment.ts';
import { collectAbortedTransactions } from './transactions.ts';
import type { AbortedTransaction } from './txn-index.ts';

export type { AppendOptions, AppendResult } from './log-writer.ts';
export type { ActiveProducer, TransactionMarker } from './producer-state.ts';
export type { AbortedTransaction } from './txn-index.ts';

export interface PartitionLogOptions {
  cache: FileCache;
  dir: string;
  config: LogConfig;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
}

export class PartitionLog extends EventEmitter {
  readonly producers = new ProducerStateManager();
  private readonly state: LogState;
  private readonly writer: LogWriter;
  private readonly reader: LogReader;
  private readonly retention: LogRetention;

  private constructor(options: PartitionLogOptions) {
    super();
    this.setMaxListeners(0);
    this.state = new LogState(options.dir, options.cache, options.config, options.now ?? Date.now, this);
    this.writer = new LogWriter(this.state, this.producers);
    this.reader = new LogReader(this.state);
    this.retention = new LogRetention(this.state, this.writer, this.producers);
  }

  static async open(options: PartitionLogOptions): Promise<PartitionLog> {
    const log = new PartitionLog(options);
    await recoverLog(log.state, log.producers); // creates the folder of a new partition
    log.writer.scheduleFlush();
    return log;
  }

  // ------------------------------------------------------------------ state

  get dir(): string {
    return this.state.dir;
  }

  get cache(): FileCache {
    return this.state.cache;
  }

  get now(): () => number {
    return this.state.now;
  }

  get segments(): Segment[] {
    return this.state.segments;
  }

  get logStartOffset(): bigint {
    return this.state.logStartOffset;
  }

  /** The offset the next append gets. */
  get logEndOffset(): bigint {
    return this.state.logEndOffset;
  }

  /** Readers see offsets below it: the end of the contiguous durable (or, under an interval policy, written) appends. */
  get highWatermark(): bigint {
    return this.state.highWatermark;
  }

  /** Offset below which all segments are complete and durable (persisted at each roll). */
  get recoveryPoint(): bigint {
    return this.state.recoveryPoint;
  }

  /** Offset from which the log has not been compacted yet (maintained by the cleaner). */
  get cleanerCheckpoint(): bigint {
    return this.state.cleanerCheckpoint;
  }

  set cleanerCheckpoint(offset: bigint) {
    this.state.cleanerCheckpoint = offset;
  }

  get logConfig(): LogConfig {
    return this.state.config;
  }

  /** The topic settings in force, parsed (the topic's overrides over the broker's defaults). */
  get settings(): Readonly<LogConfig> {
    return this.state.config;
  }

  get activeSegment(): Segment {
    return this.state.activeSegment;
  }

  /** Bytes held by all segments. */
  get size(): number {
    return this.state.size;
  }

  get isClosed(): boolean {
    return this.state.closed;
  }

  updateConfig(config: LogConfig): void {
    this.state.config = config;
    this.writer.scheduleFlush();
  }

  newSegment(baseOffset: bigint): Segment {
    return this.state.newSegment(baseOffset);
  }

  // ------------------------------------------------------------------ writing (log-writer.ts)

  /**
   * Appends one or more validated record batches, rewriting their base offsets (and leader epoch,
   * and for LogAppendTime topics their max timestamp). Offsets are taken before this returns.
   */
  append(batches: Buffer, options: AppendOptions = {}): Promise<AppendResult> {
    return this.writer.append(batches, options);
  }

  /**
   * Appends a transaction's COMMIT or ABORT marker for the coordinator (durable when it
   * resolves). Refused with ProducerStateError INVALID_PRODUCER_EPOCH (an older epoch; from
   * transaction version 2 also the same one, so a marker sent again after a restart is refused) or
   * TRANSACTION_COORDINATOR_FENCED (an older coordinator epoch than the producer's last marker).
   */
  appendMarker(marker: TransactionMarker): Promise<{ offset: bigint }> {
    return this.writer.appendMarker(marker);
  }

  /** Syncs everything written so far (the interval policy's flush, and close). */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /** Starts a new active segment at the log end; the old one's indexes are written out. */
  roll(): Segment {
    return this.writer.roll();
  }

  /** Resolves once the work started by earlier rolls (syncs, indexes, recovery point) is done. */
  checkpointed(): Promise<void> {
    return this.writer.checkpointed();
  }

  persistIndexes(segment: Segment): Promise<void> {
    return this.state.persistIndexes(segment);
  }

  // ------------------------------------------------------------------ transactions (transactions.ts)

  /**
   * read_committed readers see offsets below it: the first offset of the earliest transaction not
   * durably decided (open, or closed by a marker not yet durable), else the high watermark.
   */
  get lastStableOffset(): bigint {
    return this.writer.lastStableOffset;
  }

  /** Whether the producer has a transaction open on this partition. */
  hasOngoingTransaction(producerId: bigint): boolean {
    return this.producers.hasOngoingTransaction(producerId);
  }

  /**
   * The aborted transactions a read_committed fetch of [fetchOffset, upperBound) answers with
   * (upperBound: the offset after the last batch returned), from the .txnindex of the segment
   * holding `fetchOffset` and later ones, as Kafka's collectAbortedTransactions.
   */
  abortedTransactions(fetchOffset: bigint, upperBound: bigint): AbortedTransaction[] {
    return collectAbortedTransactions(this.state.segments, this.state.segmentFor(fetchOffset), fetchOffset, upperBound);
  }

  /**
   * Forgets the producers idle for `expirationMs` or longer (producer.id.expiration.ms), keeping
   * any with a transaction open here; returns how many went. A forgotten producer's next batch is
   * taken at whatever sequence it has, as from a new producer (Kafka does the same).
   */
  expireProducers(expirationMs: number): number {
    return this.producers.expire(this.state.now(), expirationMs);
  }

  /** Every producer this partition knows, for DescribeProducers. */
  activeProducers(): ActiveProducer[] {
    return this.producers.activeProducers();
  }

  // ------------------------------------------------------------------ reading (log-reader.ts)

  /**
   * Whole batches from the one containing `offset`, up to `maxBytes` — but at least one whole
   * batch when `minOneBatch` (KIP-74) — and never a batch starting at or after `maxOffset`.
   */
  read(offset: bigint, maxBytes: number, maxOffset: bigint = this.state.highWatermark, minOneBatch = true): Promise<Buffer[]> {
    return this.reader.read(offset, maxBytes, maxOffset, minOneBatch);
  }

  /** Bytes readable from `offset` up to the high watermark (a fetch's min_bytes check). */
  bytesAvailable(offset: bigint): number {
    return this.reader.bytesAvailable(offset);
  }

  /** The first record at or after `timestamp` (ListOffsets by time), with its own timestamp. */
  offsetForTimestamp(timestamp: bigint): Promise<{ offset: bigint; timestamp: bigint } | null> {
    return this.reader.offsetForTimestamp(timestamp);
  }

  /** The offset and timestamp of the largest timestamp in the log (ListOffsets MAX_TIMESTAMP). */
  maxTimestamp(): { offset: bigint; timestamp: bigint } | null {
    return this.reader.maxTimestamp();
  }

  /** Runs a compaction's swap of segment files with no read in progress (see LogReader). */
  swapSegments(swap: () => Promise<void>): Promise<void> {
    return this.reader.swapSegments(swap);
  }

  /** Replaces segments after compaction (see cleaner.ts). */
  replaceSegments(removed: Segment[], added: Segment[]): void {
    this.state.replaceSegments(removed, added);
  }

  // ------------------------------------------------------------------ removing (log-retention.ts)

  /** Moves the log start offset forward (DeleteRecords) and removes segments wholly below it. */
  deleteRecordsBefore(offset: bigint): Promise<bigint> {
    return this.retention.deleteRecordsBefore(offset);
  }

  /** Deletes old segments, oldest first, while `shouldDelete(segment, nextSegment)` holds. */
  deleteSegments(shouldDelete: (s: Segment, next: Segment | undefined) => boolean): Promise<number> {
    return this.retention.deleteSegments(shouldDelete);
  }

  /** Retention by time and size (cleanup.policy=delete): returns how many segments went. */
  applyRetention(): Promise<number> {
    return this.retention.applyRetention();
  }

  /** Truncates the log back to `offset` (everything at or after it goes). */
  truncateTo(offset: bigint): Promise<void> {
    return this.retention.truncateTo(offset);
  }

  removeSegmentFiles(s: Segment): Promise<void> {
    return this.state.removeSegmentFiles(s);
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Syncs, writes indexes and producer state, and leaves the clean-shutdown marker. If any of it
   * fails (a full disk), the error is thrown after the log's files are closed anyway, and no marker
   * is left, so the next open scans the log; what was acknowledged was synced before.
   */
  async close(): Promise<void> {
    if (this.state.closed) return;
    this.writer.stopFlushTimer();
    try {
      // Let appends in flight finish (or fail) before the files are finalised.
      await this.writer.settlePending();
      await this.writer.checkpointed();
      this.state.closed = true;
      await this.writer.flush();
      const fs = this.cache.fs;
      for (const s of this.segments) await this.state.persistIndexes(s);
      await writeStateFile(fs, this.dir, PRODUCER_SNAPSHOT, { producers: [...this.producers.entries()], version: PRODUCER_SNAPSHOT.version });
      await writeStateFile(fs, this.dir, CLEAN_SHUTDOWN, this.cleanState());
    } catch (e) {
      throw e instanceof LogCloseError ? e : new LogCloseError(this.dir, e instanceof StorageError && e.cause !== undefined ? e.cause : e);
    } finally {
      this.state.closed = true;
      await this.cache.closeUnder(this.dir).catch(() => {}); // closing a descriptor releases it even when it reports an error
      this.removeAllListeners();
    }
  }

  /** Closes without writing anything (the log's folder is about to be removed). */
  async abandon(): Promise<void> {
    this.state.closed = true;
    this.writer.stopFlushTimer();
    await this.cache.closeUnder(this.dir);
    this.removeAllListeners();
  }

  /** What a clean start needs to skip the scan. */
  private cleanState(): CleanShutdown {
    return {
      logEndOffset: this.logEndOffset,
      cleanerCheckpoint: this.cleanerCheckpoint,
      segments: this.segments.map((s) => ({ baseOffset: s.baseOffset, size: s.size, nextOffset: s.nextOffset, maxTimestamp: s.maxTimestamp, offsetOfMaxTimestamp: s.offsetOfMaxTimestamp, abortedTxns: s.txnIndex.size })),
    };
  }
}
