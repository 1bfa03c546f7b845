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
 */
import {
  Attributes,
  LOG_OVERHEAD,
  NO_PRODUCER_ID,
  Offsets,
  crc32c,
  setBaseOffset,
  setPartitionLeaderEpoch,
} from '@sluice/protocol';
import { LogClosedError, StorageError, asWriteError } from '../errors.js';
import { RECOVERY_POINT } from '../state-files/offset-files.js';
import { writeStateFile } from '../state-files/state-file.js';
import type { LogState } from './log-state.js';
import { type BatchMetadata, type ProducerEntry, type ProducerStateManager, lastSequence } from './producer-state.js';
import type { Segment } from './segment.js';

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
}

interface PendingAppend {
  endOffset: bigint;
  write: Promise<void>;
  segment: Segment;
  endPosition: number;
  written: boolean;
  durable: boolean;
  failed: boolean;
  undo: { producerId: bigint; snapshot: ProducerEntry | undefined }[];
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

  constructor(
    private readonly state: LogState,
    private readonly producers: ProducerStateManager,
  ) {}

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
      };
    });
    let duplicate: BatchMetadata | null = null;
    try {
      for (const pb of producerBatches) {
        if (pb === null) continue;
        const verdict = this.producers.check(pb);
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

    this.maybeRoll(batches.length, nowMs);
    const segment = this.state.activeSegment;
    const baseOffset = this.state.logEndOffset;
    let next = baseOffset;
    const logAppendTime = this.state.config.logAppendTime ? BigInt(nowMs) : -1n;
    const position = segment.size;
    const undo: PendingAppend['undo'] = [];
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
      const pb = producerBatches[i];
      if (pb !== null) undo.push({ producerId: pb.producerId, snapshot: this.producers.record(pb, next, last, nowMs) });
      next = last + 1n;
    });
    this.state.logEndOffset = next;

    let resolveDurable!: () => void;
    let rejectDurable!: (e: unknown) => void;
    const durable = new Promise<void>((res, rej) => {
      resolveDurable = res;
      rejectDurable = rej;
    });
    const write = segment.write(batches, position);
    const entry: PendingAppend = { endOffset: next, write, segment, endPosition: position + batches.length, written: false, durable: false, failed: false, undo, resolveDurable, rejectDurable };
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
      done.resolveDurable();
      moved = true;
    }
    if (moved) this.state.events.emit('highWatermark', this.state.highWatermark);
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
    for (const f of failed) f.failed = true;
    for (const f of [...failed].reverse()) for (const u of [...f.undo].reverse()) this.producers.restore(u.producerId, u.snapshot);
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
