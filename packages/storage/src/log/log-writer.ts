/**
 * The write side of a partition log: appends, their durability and their failure.
 *
 * Appends take their offsets synchronously, in call order, and are then written at positions given
 * out in the same order, so several can be in flight. Durability follows flush.messages/flush.ms:
 * with flush.messages=1 (Sluice's default) an append resolves only after a datasync covering it,
 * and one datasync covers every append whose write completed before it started (group commit).
 * The high watermark — what readers may see — only moves over a contiguous run of appends that
 * are durable, so nothing a crash could take back is ever served. A failed write or sync rolls the
 * log back to its last durable point and fails every append after it, so no hole is ever left.
 * Rolling to a new segment is here too, since it happens inside an append; the roll persists the
 * old segment's indexes and moves the recovery point once its appends are durable.
 *
 * Transactions: producer state (open transactions included) changes when an append takes its
 * offsets and is undone if the append fails. A marker (appendMarker) closes its producer's
 * transaction at once, but the transaction keeps holding the last stable offset until the marker
 * is durable, and only then is an aborted one added to its segment's .txnindex: a read_committed
 * reader never sees a transaction decided by a marker that a power cut could still take back.
 */
import {
  Attributes,
  ErrorCode,
  LOG_OVERHEAD,
  NO_PRODUCER_ID,
  Offsets,
  crc32c,
  encodeTransactionMarkerBatch,
  setBaseOffset,
  setPartitionLeaderEpoch,
} from '@sluice/protocol';
import { LogClosedError, StorageError, asWriteError } from '../errors.ts';
import { RECOVERY_POINT } from '../state-files/offset-files.ts';
import { writeStateFile } from '../state-files/state-file.ts';
import type { LogState } from './log-state.ts';
import { type BatchMetadata, type ProducerEntry, type ProducerStateManager, type TransactionMarker, lastSequence } from './producer-state.ts';
import type { Segment } from './segment.ts';
import { type CompletedTxn, lastStableOffset } from './transactions.ts';

export interface AppendResult {
  baseOffset: bigint;
  lastOffset: bigint;
  /** The broker's time for LogAppendTime topics, else -1. */
  logAppendTime: bigint;
  logStartOffset: bigint;
}

export interface AppendOptions {
  /** Written into each batch's partitionLeaderEpoch. */
  leaderEpoch?: number;
  /** Resolve only once durable even under an interval flush policy (the broker's own records). */
  forceDurable?: boolean;
  /**
   * 'durable' (default): resolve when the append is as durable as the flush policy makes it and
   * readable. 'written': resolve as soon as the bytes are written (Produce with acks=1).
   */
  acknowledge?: 'written' | 'durable';
  /**
   * The transaction version the broker serves this producer's transaction with: 2 (KIP-890, the
   * partition added by the broker at the first Produce) makes a producer unknown here start its
   * transaction at sequence 0. Absent: 0.
   */
  transactionVersion?: number;
}

/** What one append does to producer state: the undo of each change, and the transactions its markers closed. */
interface ProducerChanges {
  undo: { producerId: bigint; snapshot: ProducerEntry | undefined }[];
  completed: CompletedTxn[];
}

interface PendingAppend {
  endOffset: bigint;
  write: Promise<void>;
  segment: Segment;
  endPosition: number;
  written: boolean;
  durable: boolean;
  failed: boolean;
  changes: ProducerChanges;
  resolveDurable: () => void;
  rejectDurable: (e: unknown) => void;
}

/** Appends, group commit, rollback of failed writes, and rolling; see the top of this file. */
export class LogWriter {
  private checkpointing: Promise<void> = Promise.resolve();
  private readonly pending: PendingAppend[] = [];
  private syncing: Promise<void> | null = null;
  private syncWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private unflushedMessages = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  /** Set while a failure is being rolled back: appends wait for it. */
  private recovering: Promise<void> | null = null;
  /** The last stable offset last announced with a 'lastStableOffset' event. */
  private announcedLso = -1n;
  /** Transactions closed by markers in flight (not durable yet): usually none, so reads of the LSO skip the walk. */
  private closingCount = 0;

  private readonly state: LogState;
  private readonly producers: ProducerStateManager;

  constructor(state: LogState, producers: ProducerStateManager) {
    this.state = state;
    this.producers = producers;
  }

  /** Whether appends are in flight (written or not yet durable). */
  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  stopFlushTimer(): void {
    clearInterval(this.flushTimer);
    this.flushTimer = undefined;
  }

  private syncsEveryAppend(): boolean {
    return this.state.config.flushMessages <= 1;
  }

  /** (Re)starts the flush.ms timer for the settings in force; none when every append is synced. */
  scheduleFlush(): void {
    this.stopFlushTimer();
    if (!this.syncsEveryAppend() && Number.isFinite(this.state.config.flushMs) && this.state.config.flushMs > 0) {
      this.flushTimer = setInterval(() => void this.flush().catch((e) => this.state.events.emit('writeFailed', asWriteError('syncing', this.state.dir, e))), Math.min(this.state.config.flushMs, 2 ** 31 - 1));
      this.flushTimer.unref();
    }
  }

  /**
   * Appends one or more validated record batches, rewriting their base offsets (and leader epoch,
   * and for LogAppendTime topics their max timestamp). Offsets are taken before this returns.
   */
  append(batches: Buffer, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.state.closed) return Promise.reject(new LogClosedError(this.state.dir));
    if (this.recovering !== null) {
      const waiting = this.recovering;
      return waiting.then(() => this.append(batches, options));
    }
    const nowMs = this.state.now();
    // Parse the batch headers, and decide on idempotent producer state before changing anything.
    const positions: number[] = [];
    for (let p = 0; p < batches.length; ) {
      positions.push(p);
      p += batches.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
    }
    if (positions.some((p) => (batches.readInt16BE(p + Offsets.attributes) & Attributes.control) !== 0)) {
      return Promise.reject(new StorageError('INVALID_RECORD', 'A control batch was given to append; transaction markers are written with appendMarker, by the coordinator', ErrorCode.INVALID_RECORD));
    }
    const producerBatches = positions.map((p) => {
      const producerId = batches.readBigInt64BE(p + Offsets.producerId);
      if (producerId === NO_PRODUCER_ID) return null;
      const firstSeq = batches.readInt32BE(p + Offsets.baseSequence);
      return {
        producerId,
        epoch: batches.readInt16BE(p + Offsets.producerEpoch),
        firstSeq,
        lastSeq: lastSequence(firstSeq, batches.readInt32BE(p + Offsets.recordCount)),
        timestamp: batches.readBigInt64BE(p + Offsets.maxTimestamp),
        isTransactional: (batches.readInt16BE(p + Offsets.attributes) & Attributes.transactional) !== 0,
      };
    });
    let duplicate: BatchMetadata | null = null;
    try {
      for (const pb of producerBatches) {
        if (pb === null) continue;
        const verdict = this.producers.check(pb, options.transactionVersion);
        if (verdict.kind === 'duplicate') duplicate = verdict.batch;
      }
    } catch (e) {
      return Promise.reject(e);
    }
    if (duplicate !== null) {
      // Already appended: answer with the original offsets once those are durable.
      const dup = duplicate;
      return this.waitForOffset(dup.lastOffset + 1n).then(() => ({ baseOffset: dup.firstOffset, lastOffset: dup.lastOffset, logAppendTime: -1n, logStartOffset: this.state.logStartOffset }));
    }
    return this.place(batches, positions, options, nowMs, (i, first, last, changes) => {
      const pb = producerBatches[i];
      if (pb !== null) changes.undo.push({ producerId: pb.producerId, snapshot: this.producers.record(pb, first, last, nowMs) });
    });
  }

  /**
   * Appends a COMMIT or ABORT marker for a producer's transaction, as its coordinator asks
   * (Kafka's appendAsLeader with origin COORDINATOR: no sequence check; the epoch and coordinator
   * epoch checks of ProducerStateManager.checkMarker). Resolves with its offset once durable, even
   * under an interval flush policy: the coordinator records the transaction complete after it.
   */
  appendMarker(marker: TransactionMarker): Promise<{ offset: bigint }> {
    if (this.state.closed) return Promise.reject(new LogClosedError(this.state.dir));
    if (this.recovering !== null) {
      const waiting = this.recovering;
      return waiting.then(() => this.appendMarker(marker));
    }
    try {
      this.producers.checkMarker(marker);
    } catch (e) {
      return Promise.reject(e);
    }
    const nowMs = this.state.now();
    const batch = encodeTransactionMarkerBatch({ producerId: marker.producerId, producerEpoch: marker.producerEpoch, commit: marker.commit, coordinatorEpoch: marker.coordinatorEpoch, timestamp: BigInt(nowMs) });
    const timestamp = batch.readBigInt64BE(Offsets.maxTimestamp);
    return this.place(batch, [0], { forceDurable: true }, nowMs, (_i, offset, _last, changes) => {
      const { completed, snapshot } = this.producers.applyMarker(marker, offset, timestamp, nowMs);
      changes.undo.push({ producerId: marker.producerId, snapshot });
      if (completed !== null) changes.completed.push(completed);
    }).then((r) => ({ offset: r.baseOffset }));
  }

  /**
   * The first offset of the earliest transaction closed by a marker that is not durable yet (so
   * still holding the last stable offset), or null.
   */
  private firstClosingOffset(): bigint | null {
    let first: bigint | null = null;
    if (this.closingCount === 0) return first;
    for (const p of this.pending) for (const c of p.changes.completed) if (first === null || c.firstOffset < first) first = c.firstOffset;
    return first;
  }

  /** See transactions.ts: open transactions and those whose marker is not durable hold it. */
  get lastStableOffset(): bigint {
    const open = this.producers.ongoing.firstOffset();
    const closing = this.firstClosingOffset();
    const first = open === null ? closing : closing === null || open < closing ? open : closing;
    return lastStableOffset(this.state.logStartOffset, this.state.highWatermark, first);
  }

  /** Emits 'lastStableOffset' when it moved since the last time (read_committed fetches wait on it). */
  announceLastStableOffset(): void {
    const lso = this.lastStableOffset;
    if (lso === this.announcedLso) return;
    this.announcedLso = lso;
    this.state.events.emit('lastStableOffset', lso);
  }

  /**
   * Takes offsets for validated batches at `positions` of `batches` and writes them; `apply` makes
   * each batch's producer-state change (batch index, first and last offset) into `changes`.
   */
  private place(batches: Buffer, positions: number[], options: AppendOptions, nowMs: number, apply: (i: number, first: bigint, last: bigint, changes: ProducerChanges) => void): Promise<AppendResult> {
    this.maybeRoll(batches.length, nowMs);
    const segment = this.state.activeSegment;
    const baseOffset = this.state.logEndOffset;
    let next = baseOffset;
    const logAppendTime = this.state.config.logAppendTime ? BigInt(nowMs) : -1n;
    const position = segment.size;
    const changes: ProducerChanges = { undo: [], completed: [] };
    positions.forEach((p, i) => {
      const lastDelta = batches.readInt32BE(p + Offsets.lastOffsetDelta);
      setBaseOffset(batches, next, p);
      setPartitionLeaderEpoch(batches, options.leaderEpoch ?? 0, p);
      if (logAppendTime >= 0n) {
        batches.writeBigInt64BE(logAppendTime, p + Offsets.maxTimestamp);
        batches.writeInt16BE(batches.readInt16BE(p + Offsets.attributes) | Attributes.logAppendTime, p + Offsets.attributes);
        const end = p + batches.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
        batches.writeUInt32BE(crc32c(batches.subarray(p + Offsets.attributes, end)), p + Offsets.crc);
      }
      const size = batches.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
      const last = next + BigInt(lastDelta);
      segment.addBatch(next, last, batches.readBigInt64BE(p + Offsets.maxTimestamp), position + p, size);
      apply(i, next, last, changes);
      next = last + 1n;
    });
    this.closingCount += changes.completed.length;
    this.state.logEndOffset = next;

    let resolveDurable!: () => void;
    let rejectDurable!: (e: unknown) => void;
    const durable = new Promise<void>((res, rej) => {
      resolveDurable = res;
      rejectDurable = rej;
    });
    const write = segment.write(batches, position);
    const entry: PendingAppend = { endOffset: next, write, segment, endPosition: position + batches.length, written: false, durable: false, failed: false, changes, resolveDurable, rejectDurable };
    this.pending.push(entry);
    const recordCount = positions.reduce((n, p) => n + batches.readInt32BE(p + Offsets.recordCount), 0);
    write.then(
      () => this.onWritten(entry, recordCount, options.forceDurable === true),
      (e) => this.fail(entry, asWriteError('writing', segment.files.log, e)),
    );
    const result = () => ({ baseOffset, lastOffset: next - 1n, logAppendTime, logStartOffset: this.state.logStartOffset });
    if (options.acknowledge === 'written') {
      durable.catch(() => {}); // failures after the write are the durable waiters' business
      return write.then(() => (entry.failed ? durable : undefined)).then(result, (e) => Promise.reject(asWriteError('writing', segment.files.log, e)));
    }
    return durable.then(result);
  }

  /** Resolves once `offset` is below the high watermark (or fails with the append that held it). */
  private waitForOffset(offset: bigint): Promise<void> {
    if (this.state.highWatermark >= offset) return Promise.resolve();
    const holder = this.pending.find((p) => p.endOffset >= offset);
    if (holder === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.state.highWatermark < offset && !holder.failed) return;
        this.state.events.off('highWatermark', check);
        this.state.events.off('rollback', check);
        if (holder.failed) reject(new StorageError('STORAGE_IO_FAILED', 'the original append of this duplicate failed; retry'));
        else resolve();
      };
      this.state.events.on('highWatermark', check);
      this.state.events.on('rollback', check);
    });
  }

  private onWritten(entry: PendingAppend, recordCount: number, forceDurable: boolean): void {
    if (entry.failed) return;
    entry.written = true;
    if (this.syncsEveryAppend() || forceDurable) {
      this.requestSync().then(
        () => this.markDurable(entry),
        (e) => this.fail(entry, asWriteError('syncing', entry.segment.files.log, e)),
      );
      return;
    }
    // Interval policy: readable once written; synced after flush.messages or by the flush.ms timer.
    this.markDurable(entry);
    this.unflushedMessages += recordCount;
    if (this.unflushedMessages >= this.state.config.flushMessages) {
      this.unflushedMessages = 0;
      void this.flush().catch((e) => this.state.events.emit('writeFailed', asWriteError('syncing', this.state.dir, e)));
    }
  }

  private markDurable(entry: PendingAppend): void {
    if (entry.failed) return;
    entry.durable = true;
    let moved = false;
    while (this.pending.length > 0 && this.pending[0].durable) {
      const done = this.pending.shift()!;
      this.state.highWatermark = done.endOffset;
      this.state.hwPosition.set(done.segment, done.endPosition);
      // Its markers are durable: the transactions they aborted go into the segment's index.
      for (const c of done.changes.completed) if (c.isAborted) done.segment.txnIndex.append(c);
      this.closingCount -= done.changes.completed.length;
      done.resolveDurable();
      moved = true;
    }
    if (moved) {
      this.state.events.emit('highWatermark', this.state.highWatermark);
      this.announceLastStableOffset();
    }
  }

  /** A datasync that starts after this call: the caller's completed writes are covered when it resolves. */
  private requestSync(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.syncWaiters.push({ resolve, reject });
      if (this.syncing === null) this.runSyncRound();
    });
  }

  private runSyncRound(): void {
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    const dirty = this.state.segments.filter((s) => s.dirty);
    this.syncing = Promise.all(dirty.map((s) => s.sync())).then(
      () => {
        for (const w of waiters) w.resolve();
      },
      (e) => {
        for (const d of dirty) d.dirty = true;
        for (const w of waiters) w.reject(e);
      },
    );
    void this.syncing.finally(() => {
      this.syncing = null;
      if (this.syncWaiters.length > 0) this.runSyncRound();
    });
  }

  /** Syncs everything written so far (the interval policy's flush, and close). */
  async flush(): Promise<void> {
    if (this.state.segments.some((s) => s.dirty)) await this.requestSync();
  }

  /**
   * A write or sync failed: fail that append and every one after it, undo their effects on the
   * producer state and indexes, and cut the files back to the durable end, so the log has no hole
   * and the next append goes where the failed one would have.
   */
  private fail(entry: PendingAppend, error: StorageError): void {
    if (entry.failed) return;
    const index = this.pending.indexOf(entry);
    if (index < 0) return;
    const failed = this.pending.splice(index);
    this.state.events.emit('writeFailed', error);
    for (const f of failed) {
      f.failed = true;
      this.closingCount -= f.changes.completed.length;
    }
    for (const f of [...failed].reverse()) for (const u of [...f.changes.undo].reverse()) this.producers.restore(u.producerId, u.snapshot);
    const keep = this.pending.length > 0 ? this.pending[this.pending.length - 1] : null;
    const restartOffset = keep !== null ? keep.endOffset : this.state.highWatermark;
    const target = keep !== null ? keep.segment : this.state.segments[Math.max(0, this.state.segmentFor(restartOffset))];
    const cut = keep !== null ? keep.endPosition : (this.state.hwPosition.get(target) ?? 0);
    this.state.logEndOffset = restartOffset;
    this.recovering = (async () => {
      try {
        // Later writes of the failed appends may still be landing: let them, then cut them off.
        await Promise.allSettled(failed.map((f) => f.write));
        const doomed = this.state.segments.filter((s) => s.baseOffset > target.baseOffset);
        this.state.segments = this.state.segments.filter((s) => !doomed.includes(s));
        for (const s of doomed) {
          this.state.hwPosition.delete(s);
          await this.state.removeSegmentFiles(s).catch(() => {});
        }
        target.truncateIndexes(restartOffset, cut);
        target.nextOffset = restartOffset;
        await target.truncateFile(cut).catch(() => {});
      } finally {
        this.recovering = null;
        for (const f of failed) f.rejectDurable(error);
        this.state.events.emit('rollback');
      }
    })();
  }

  /** Resolves when every append in flight is durable or failed. */
  async settlePending(): Promise<void> {
    while (this.recovering !== null) await this.recovering;
    const waiting = [...this.pending];
    await Promise.allSettled(
      waiting.map(
        (p) =>
          new Promise<void>((resolve) => {
            const done = () => {
              if (!p.durable && !p.failed) return;
              this.state.events.off('highWatermark', done);
              this.state.events.off('rollback', done);
              resolve();
            };
            this.state.events.on('highWatermark', done);
            this.state.events.on('rollback', done);
            done();
          }),
      ),
    );
    while (this.recovering !== null) await this.recovering;
  }

  private maybeRoll(incoming: number, nowMs: number): void {
    const active = this.state.activeSegment;
    if (active.size === 0) return;
    const tooBig = active.size + incoming > this.state.config.segmentBytes;
    const tooOld = nowMs - active.createdMs >= this.state.config.segmentMs;
    if (tooBig || tooOld) this.roll();
  }

  /** Starts a new active segment at the log end; the old one's indexes are written out. */
  roll(): Segment {
    const old = this.state.activeSegment;
    const fresh = this.state.newSegment(this.state.logEndOffset);
    this.state.segments.push(fresh);
    // Once the old segment's appends have all landed, make it durable and move the recovery point.
    const until = this.state.logEndOffset;
    this.checkpointing = this.checkpointing
      .then(() => this.waitForOffset(until))
      .then(async () => {
        if (!this.state.segments.includes(old)) return;
        await old.sync();
        await this.state.persistIndexes(old);
        if (until > this.state.recoveryPoint) {
          await writeStateFile(this.state.cache.fs, this.state.dir, RECOVERY_POINT, until);
          this.state.recoveryPoint = until;
        }
      })
      .catch(() => {});
    return fresh;
  }

  /** Resolves once the work started by earlier rolls (syncs, indexes, recovery point) is done. */
  checkpointed(): Promise<void> {
    return this.checkpointing;
  }
}
