/**
 * The log of one partition: a folder of segments, appended to at the end and read from anywhere.
 *
 * Appends take their offsets synchronously, in call order, and are then written at positions given
 * out in the same order, so several can be in flight. Durability follows flush.messages/flush.ms:
 * with flush.messages=1 (Sluice's default) an append resolves only after a datasync covering it,
 * and one datasync covers every append whose write completed before it started (group commit).
 * The high watermark — what readers may see — only moves over a contiguous run of appends that
 * are durable, so nothing a crash could take back is ever served. A failed write or sync rolls the
 * log back to its last durable point and fails every append after it, so no hole is ever left.
 */
import { EventEmitter } from 'node:events';
import {
  Attributes,
  BATCH_HEADER_SIZE,
  LOG_OVERHEAD,
  NO_PRODUCER_ID,
  Offsets,
  crc32c,
  decodeRecordBatch,
  isControl,
  setBaseOffset,
  setPartitionLeaderEpoch,
} from '@sluice/protocol';
import { CorruptLogError, LogCloseError, LogClosedError, OffsetOutOfRangeError, StorageError, asWriteError } from '../errors.js';
import type { FileCache } from '../file-cache.js';
import { mkdirDurable, writeFileAtomic } from '../fs/types.js';
import type { LogConfig } from '../topic-config.js';
import { type BatchMetadata, type ProducerEntry, ProducerStateManager, lastSequence } from './producer-state.js';
import { recoverLog } from './recovery.js';
import { Segment } from './segment.js';

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

export interface PartitionLogOptions {
  cache: FileCache;
  dir: string;
  config: LogConfig;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
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

const EMPTY = Buffer.alloc(0);

export const CLEAN_SHUTDOWN_FILE = '.clean-shutdown';
export const LOG_START_FILE = 'log-start-offset';
export const PRODUCER_STATE_FILE = 'producer-state.json';
/** Offset below which every segment is known complete and durable; recovery trusts nothing past it. */
export const RECOVERY_POINT_FILE = 'recovery-point';

/**
 * Events: 'highWatermark' (new data is readable); 'writeFailed' (a StorageError: a write or sync
 * failed, so did the appends it carried, and the log was rolled back; it is for the operator's
 * log, the appends' own promises already reject). 'error' is never emitted.
 */
export class PartitionLog extends EventEmitter {
  segments: Segment[] = [];
  readonly producers = new ProducerStateManager();
  logStartOffset = 0n;
  /** The offset the next append gets. */
  logEndOffset = 0n;
  /** Readers see offsets below it: the end of the contiguous durable (or, under an interval policy, written) appends. */
  highWatermark = 0n;
  /** Offset from which the log has not been compacted yet (maintained by the cleaner). */
  cleanerCheckpoint = 0n;
  /** Offset below which all segments are complete and durable (persisted at each roll). */
  recoveryPoint = 0n;
  private checkpointing: Promise<void> = Promise.resolve();
  private config: LogConfig;
  private readonly pending: PendingAppend[] = [];
  private syncing: Promise<void> | null = null;
  private syncWaiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  private unflushedMessages = 0;
  private flushTimer: NodeJS.Timeout | undefined;
  private closed = false;
  /** Set while a failure is being rolled back: appends wait for it. */
  private recovering: Promise<void> | null = null;
  readonly now: () => number;
  readonly dir: string;
  readonly cache: FileCache;

  private constructor(options: PartitionLogOptions) {
    super();
    this.setMaxListeners(0);
    this.dir = options.dir;
    this.cache = options.cache;
    this.config = options.config;
    this.now = options.now ?? Date.now;
  }

  static async open(options: PartitionLogOptions): Promise<PartitionLog> {
    const log = new PartitionLog(options);
    await mkdirDurable(options.cache.fs, options.dir);
    await recoverLog(log);
    log.scheduleFlush();
    return log;
  }

  get logConfig(): LogConfig {
    return this.config;
  }

  get activeSegment(): Segment {
    return this.segments[this.segments.length - 1];
  }

  /** Bytes held by all segments. */
  get size(): number {
    let total = 0;
    for (const s of this.segments) total += s.size;
    return total;
  }

  /** The topic settings in force, parsed (the topic's overrides over the broker's defaults). */
  get settings(): Readonly<LogConfig> {
    return this.config;
  }

  updateConfig(config: LogConfig): void {
    this.config = config;
    this.scheduleFlush();
  }

  newSegment(baseOffset: bigint): Segment {
    return new Segment(this.dir, baseOffset, this.cache, this.config.indexIntervalBytes, this.now());
  }

  private syncsEveryAppend(): boolean {
    return this.config.flushMessages <= 1;
  }

  private scheduleFlush(): void {
    clearInterval(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.syncsEveryAppend() && Number.isFinite(this.config.flushMs) && this.config.flushMs > 0) {
      this.flushTimer = setInterval(() => void this.flush().catch((e) => this.emit('writeFailed', asWriteError('syncing', this.dir, e))), Math.min(this.config.flushMs, 2 ** 31 - 1));
      this.flushTimer.unref();
    }
  }

  // ------------------------------------------------------------------ append

  /**
   * Appends one or more validated record batches, rewriting their base offsets (and leader epoch,
   * and for LogAppendTime topics their max timestamp). Offsets are taken before this returns.
   */
  append(batches: Buffer, options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new LogClosedError(this.dir));
    if (this.recovering !== null) {
      const waiting = this.recovering;
      return waiting.then(() => this.append(batches, options));
    }
    const nowMs = this.now();
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
      return this.waitForOffset(dup.lastOffset + 1n).then(() => ({ baseOffset: dup.firstOffset, lastOffset: dup.lastOffset, logAppendTime: -1n, logStartOffset: this.logStartOffset }));
    }

    this.maybeRoll(batches.length, nowMs);
    const segment = this.activeSegment;
    const baseOffset = this.logEndOffset;
    let next = baseOffset;
    const logAppendTime = this.config.logAppendTime ? BigInt(nowMs) : -1n;
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
    this.logEndOffset = next;

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
    const result = () => ({ baseOffset, lastOffset: next - 1n, logAppendTime, logStartOffset: this.logStartOffset });
    if (options.acknowledge === 'written') {
      durable.catch(() => {}); // failures after the write are the durable waiters' business
      return write.then(() => (entry.failed ? durable : undefined)).then(result, (e) => Promise.reject(asWriteError('writing', segment.files.log, e)));
    }
    return durable.then(result);
  }

  /** Resolves once `offset` is below the high watermark (or fails with the append that held it). */
  private waitForOffset(offset: bigint): Promise<void> {
    if (this.highWatermark >= offset) return Promise.resolve();
    const holder = this.pending.find((p) => p.endOffset >= offset);
    if (holder === undefined) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.highWatermark < offset && !holder.failed) return;
        this.off('highWatermark', check);
        this.off('rollback', check);
        if (holder.failed) reject(new StorageError('SLUICE_STORAGE_IO', 'the original append of this duplicate failed; retry'));
        else resolve();
      };
      this.on('highWatermark', check);
      this.on('rollback', check);
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
    if (this.unflushedMessages >= this.config.flushMessages) {
      this.unflushedMessages = 0;
      void this.flush().catch((e) => this.emit('writeFailed', asWriteError('syncing', this.dir, e)));
    }
  }

  private markDurable(entry: PendingAppend): void {
    if (entry.failed) return;
    entry.durable = true;
    let moved = false;
    while (this.pending.length > 0 && this.pending[0].durable) {
      const done = this.pending.shift()!;
      this.highWatermark = done.endOffset;
      this.hwPosition.set(done.segment, done.endPosition);
      done.resolveDurable();
      moved = true;
    }
    if (moved) this.emit('highWatermark', this.highWatermark);
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
    const dirty = this.segments.filter((s) => s.dirty);
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
    if (this.segments.some((s) => s.dirty)) await this.requestSync();
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
    this.emit('writeFailed', error);
    for (const f of failed) f.failed = true;
    for (const f of [...failed].reverse()) for (const u of [...f.undo].reverse()) this.producers.restore(u.producerId, u.snapshot);
    const keep = this.pending.length > 0 ? this.pending[this.pending.length - 1] : null;
    const restartOffset = keep !== null ? keep.endOffset : this.highWatermark;
    const target = keep !== null ? keep.segment : this.segments[Math.max(0, this.segmentFor(restartOffset))];
    const cut = keep !== null ? keep.endPosition : (this.hwPosition.get(target) ?? 0);
    this.logEndOffset = restartOffset;
    this.recovering = (async () => {
      try {
        // Later writes of the failed appends may still be landing: let them, then cut them off.
        await Promise.allSettled(failed.map((f) => f.write));
        const doomed = this.segments.filter((s) => s.baseOffset > target.baseOffset);
        this.segments = this.segments.filter((s) => !doomed.includes(s));
        for (const s of doomed) {
          this.hwPosition.delete(s);
          await this.removeSegmentFiles(s).catch(() => {});
        }
        target.truncateIndexes(restartOffset, cut);
        target.nextOffset = restartOffset;
        await target.truncateFile(cut).catch(() => {});
      } finally {
        this.recovering = null;
        for (const f of failed) f.rejectDurable(error);
        this.emit('rollback');
      }
    })();
  }

  /** Reads in progress, and a compaction's swap waiting for them to end (see swapSegments). */
  private readsInFlight = 0;
  private readsDrained: (() => void) | null = null;
  private swapping: Promise<void> | null = null;

  /** Position in each segment up to which the data below the high watermark lies. */
  private readonly hwPosition = new Map<Segment, number>();

  /** Resolves when every append in flight is durable or failed. */
  private async settlePending(): Promise<void> {
    while (this.recovering !== null) await this.recovering;
    const waiting = [...this.pending];
    await Promise.allSettled(
      waiting.map(
        (p) =>
          new Promise<void>((resolve) => {
            const done = () => {
              if (!p.durable && !p.failed) return;
              this.off('highWatermark', done);
              this.off('rollback', done);
              resolve();
            };
            this.on('highWatermark', done);
            this.on('rollback', done);
            done();
          }),
      ),
    );
    while (this.recovering !== null) await this.recovering;
  }

  // ------------------------------------------------------------------ rolling

  private maybeRoll(incoming: number, nowMs: number): void {
    const active = this.activeSegment;
    if (active.size === 0) return;
    const tooBig = active.size + incoming > this.config.segmentBytes;
    const tooOld = nowMs - active.createdMs >= this.config.segmentMs;
    if (tooBig || tooOld) this.roll();
  }

  /** Starts a new active segment at the log end; the old one's indexes are written out. */
  roll(): Segment {
    const old = this.activeSegment;
    const fresh = this.newSegment(this.logEndOffset);
    this.segments.push(fresh);
    // Once the old segment's appends have all landed, make it durable and move the recovery point.
    const until = this.logEndOffset;
    this.checkpointing = this.checkpointing
      .then(() => this.waitForOffset(until))
      .then(async () => {
        if (!this.segments.includes(old)) return;
        await old.sync();
        await this.persistIndexes(old);
        if (until > this.recoveryPoint) {
          await writeFileAtomic(this.cache.fs, `${this.dir}/${RECOVERY_POINT_FILE}`, Buffer.from(`${until}\n`));
          this.recoveryPoint = until;
        }
      })
      .catch(() => {});
    return fresh;
  }

  /** Resolves once the work started by earlier rolls (syncs, indexes, recovery point) is done. */
  checkpointed(): Promise<void> {
    return this.checkpointing;
  }

  async persistIndexes(segment: Segment): Promise<void> {
    const fs = this.cache.fs;
    await writeFileAtomic(fs, segment.files.index, segment.encodeIndex());
    await writeFileAtomic(fs, segment.files.timeIndex, segment.encodeTimeIndex());
  }

  // ------------------------------------------------------------------ reading

  private segmentFor(offset: bigint): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.segments[mid].baseOffset <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /**
   * Whole batches from the one containing `offset`, up to `maxBytes` — but at least one whole
   * batch when `minOneBatch` (KIP-74) — and never a batch starting at or after `maxOffset`.
   */
  async read(offset: bigint, maxBytes: number, maxOffset: bigint = this.highWatermark, minOneBatch = true): Promise<Buffer[]> {
    while (this.swapping !== null) await this.swapping;
    this.readsInFlight++;
    try {
      return await this.readBatches(offset, maxBytes, maxOffset, minOneBatch);
    } finally {
      if (--this.readsInFlight === 0) this.readsDrained?.();
    }
  }

  /**
   * Runs `swap` (a compaction replacing segment files and objects) with no read in progress and
   * none starting: a read must not find a segment object and the file under its name from
   * different sides of the swap, nor reopen the old file into the cache while it is moved aside.
   * Appends go on meanwhile; they only touch the active segment, which compaction leaves alone.
   */
  async swapSegments(swap: () => Promise<void>): Promise<void> {
    while (this.swapping !== null) await this.swapping;
    let done!: () => void;
    this.swapping = new Promise((resolve) => (done = resolve));
    try {
      while (this.readsInFlight > 0) await new Promise<void>((resolve) => (this.readsDrained = resolve));
      this.readsDrained = null;
      await swap();
    } finally {
      this.swapping = null;
      done();
    }
  }

  private async readBatches(offset: bigint, maxBytes: number, maxOffset: bigint, minOneBatch: boolean): Promise<Buffer[]> {
    if (offset < this.logStartOffset || offset > this.logEndOffset) {
      throw new OffsetOutOfRangeError(`Offset ${offset} is outside the log [${this.logStartOffset}, ${this.logEndOffset}] of ${this.dir}`);
    }
    const limit = maxOffset < this.highWatermark ? maxOffset : this.highWatermark;
    const out: Buffer[] = [];
    let budget = maxBytes;
    let from = offset;
    for (let i = this.segmentFor(offset); i >= 0 && i < this.segments.length && from < limit; i++) {
      const segment = this.segments[i];
      const { data, toEnd } = await this.readSegment(segment, from, budget, limit, minOneBatch && out.length === 0);
      if (data.length > 0) out.push(data);
      budget -= data.length;
      // Go on into the next segment only after this one's readable data was read to its end. A
      // read that stopped inside it (the budget was spent, the next batch did not fit, or the
      // bytes read ended) ends the answer there: going on would skip the rest of this segment,
      // and a client takes such a jump for compaction and never comes back for what it skipped.
      if (!toEnd) break;
      // A spent budget ends the answer, unless it still owes its one batch (KIP-74) because the
      // segments so far had nothing from the offset on (compaction emptied them).
      if (budget <= 0 && !(minOneBatch && out.length === 0)) break;
      if (i + 1 < this.segments.length) from = this.segments[i + 1].baseOffset;
    }
    return out;
  }

  /**
   * Whole batches of one segment from the one holding `offset`, within `budget` (at least one when
   * `minOne`), and whether the read reached the end of the segment's readable data — only then may
   * an answer continue with the next segment.
   */
  private async readSegment(segment: Segment, offset: bigint, budget: number, limit: bigint, minOne: boolean): Promise<{ data: Buffer; toEnd: boolean }> {
    const end = this.hwPosition.get(segment) ?? 0;
    // A consumer reading on from where its last read ended starts exactly at a batch, and so does
    // a read from the segment's base offset (an answer going on from the previous segment): its
    // first batch is the wanted one. Otherwise start at the indexed batch before the offset and
    // read past the budget by the index interval.
    const hint = segment.readHint;
    const onHint = hint !== null && hint.offset === offset;
    const exact = onHint || offset <= segment.baseOffset;
    const slack = exact ? 0 : this.config.indexIntervalBytes;
    let start = onHint ? hint.position : exact ? 0 : segment.positionBefore(offset);
    // Offsets as numbers in the scan: exact below 2^53, and no BigInt per batch.
    const wanted = Number(offset);
    const below = Number(limit);
    // Bytes the next pass must read: the whole first wanted batch when it is bigger than the budget.
    let need = 0;
    for (;;) {
      if (start >= end) return { data: EMPTY, toEnd: true };
      let length = Math.min(end - start, Math.max(need, Math.max(0, budget) + slack + BATCH_HEADER_SIZE));
      if (exact && need === 0 && length < end - start) {
        // Read up to an indexed batch start within the budget: whole batches only, so the buffer
        // holds exactly what is returned. Reading into the budget's end would leave a partial
        // batch to carry over, and every fresh buffer costs its page faults (a quarter more per
        // byte returned with 256 KiB batches and 1 MiB reads).
        const cut = segment.indexedPositionAtOrBefore(start + budget);
        if (cut > start) length = cut - start;
      }
      const data = await this.readRange(segment, start, length);
      let p = 0;
      let first = -1;
      let stop = 0;
      let next = wanted;
      // Why the scan ended: the readable end, the bytes read ran out, or the answer is complete
      // (budget spent, a batch that does not fit, or the limit reached).
      let ended: 'end' | 'ranOut' | 'done';
      for (;;) {
        if (start + p >= end) {
          ended = 'end';
          break;
        }
        if (p + BATCH_HEADER_SIZE > data.length) {
          ended = 'ranOut';
          break;
        }
        const base = data.readUInt32BE(p) * 4294967296 + data.readUInt32BE(p + 4);
        if (base >= below) {
          ended = 'done';
          break;
        }
        const size = data.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
        const last = base + data.readInt32BE(p + Offsets.lastOffsetDelta);
        if (last < wanted) {
          // Wholly before the offset: skipped, even when it is not all in the bytes read.
          p += size;
          continue;
        }
        if (p + size > data.length) {
          if (first < 0 && (minOne || size <= budget)) {
            // The first wanted batch is bigger than what was read: the next pass reads it whole.
            need = size;
            ended = 'ranOut';
          } else ended = 'done';
          break;
        }
        if (p + size - (first < 0 ? p : first) > budget && !(minOne && first < 0)) {
          ended = 'done';
          break;
        }
        if (first < 0) first = p;
        stop = p + size;
        next = last + 1;
        p += size;
      }
      if (first >= 0) {
        // Remember where the next sequential read starts, and keep what was read beyond it.
        segment.readHint = { offset: BigInt(next), position: start + stop, ahead: data.subarray(stop) };
        return { data: data.subarray(first, stop), toEnd: ended === 'end' };
      }
      if (ended !== 'ranOut') return { data: EMPTY, toEnd: ended === 'end' };
      // The wanted batch lies beyond the bytes read: read on from the batch start reached. Data
      // below the readable end is whole batches, so a pass that cannot move on means the file
      // holds less than the log has handed out.
      if (data.length < length || (p === 0 && need <= data.length)) {
        throw new CorruptLogError(segment.files.log, start + p, `the file ends before its readable data (up to byte ${end})`);
      }
      start += p;
    }
  }

  /** Reads [start, start+length) of a segment, using bytes a previous read fetched ahead. */
  private async readRange(segment: Segment, start: number, length: number): Promise<Buffer> {
    const ahead = segment.readHint;
    if (ahead === null || ahead.position !== start || ahead.ahead.length === 0) return segment.read(start, length);
    if (ahead.ahead.length >= length) return ahead.ahead.subarray(0, length);
    const out = Buffer.allocUnsafe(length);
    const kept = ahead.ahead.copy(out, 0);
    const read = await segment.readInto(out, kept, length - kept, start + kept);
    return out.subarray(0, kept + read);
  }

  /** Bytes readable from `offset` up to the high watermark (a fetch's min_bytes check). */
  bytesAvailable(offset: bigint): number {
    if (offset >= this.highWatermark) return 0;
    let total = 0;
    const i = Math.max(0, this.segmentFor(offset));
    for (let j = i; j < this.segments.length; j++) {
      const s = this.segments[j];
      const end = this.hwPosition.get(s) ?? 0;
      total += j === i ? Math.max(0, end - s.positionBefore(offset)) : end;
    }
    return total;
  }

  /**
   * The first record at or after the log start whose timestamp is at or after `timestamp`, with
   * that record's own timestamp (Kafka's ListOffsets by time). The time index narrows the search
   * to a batch; the batch is then decoded, as Kafka does, because its records need not be in
   * timestamp order and the answer is a record, not a batch.
   */
  async offsetForTimestamp(timestamp: bigint): Promise<{ offset: bigint; timestamp: bigint } | null> {
    for (const s of this.segments) {
      if (s.maxTimestamp < timestamp) continue;
      const approx = s.offsetForTimestamp(timestamp);
      if (approx === null) continue;
      let from = approx < this.logStartOffset ? this.logStartOffset : approx;
      while (from < this.highWatermark) {
        const chunks = await this.read(from, 1 << 20, this.highWatermark);
        const before = from;
        for (const chunk of chunks) {
          for (let p = 0; p + BATCH_HEADER_SIZE <= chunk.length; p += chunk.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD) {
            const size = chunk.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
            from = chunk.readBigInt64BE(p) + BigInt(chunk.readInt32BE(p + Offsets.lastOffsetDelta)) + 1n;
            if (chunk.readBigInt64BE(p + Offsets.maxTimestamp) < timestamp || isControl(chunk.readInt16BE(p + Offsets.attributes))) continue;
            const { records } = await decodeRecordBatch(chunk.subarray(p, p + size), 0, { verifyCrc: false });
            for (const r of records) {
              if (r.timestamp >= timestamp && r.offset >= this.logStartOffset) return { offset: r.offset, timestamp: r.timestamp };
            }
          }
        }
        if (from === before) break;
      }
    }
    return null;
  }

  /** The offset and timestamp of the largest timestamp in the log (ListOffsets MAX_TIMESTAMP). */
  maxTimestamp(): { offset: bigint; timestamp: bigint } | null {
    let best: { offset: bigint; timestamp: bigint } | null = null;
    for (const s of this.segments) {
      if (s.maxTimestamp >= 0n && (best === null || s.maxTimestamp > best.timestamp) && s.offsetOfMaxTimestamp < this.highWatermark) {
        best = { offset: s.offsetOfMaxTimestamp, timestamp: s.maxTimestamp };
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ truncation and deletion

  /** Moves the log start offset forward (DeleteRecords) and removes segments wholly below it. */
  async deleteRecordsBefore(offset: bigint): Promise<bigint> {
    if (offset > this.highWatermark) throw new OffsetOutOfRangeError(`Cannot delete records before ${offset}: the high watermark is ${this.highWatermark}`);
    if (offset <= this.logStartOffset) return this.logStartOffset;
    this.logStartOffset = offset;
    await writeFileAtomic(this.cache.fs, `${this.dir}/${LOG_START_FILE}`, Buffer.from(`${offset}\n`));
    await this.deleteSegments((s, next) => next !== undefined && next.baseOffset <= offset);
    return this.logStartOffset;
  }

  /**
   * Deletes old segments, oldest first, while `shouldDelete(segment, nextSegment)` holds. The
   * active segment is rolled first if it would be deleted, so the log always has one.
   */
  async deleteSegments(shouldDelete: (s: Segment, next: Segment | undefined) => boolean): Promise<number> {
    let count = 0;
    while (this.segments.length > 0) {
      const s = this.segments[0];
      const next = this.segments[1];
      if (!shouldDelete(s, next)) break;
      if (next === undefined) {
        if (s.size === 0 || this.pending.length > 0) break;
        this.roll();
      }
      this.segments.shift();
      this.hwPosition.delete(s);
      if (this.logStartOffset < this.segments[0].baseOffset) {
        this.logStartOffset = this.segments[0].baseOffset;
      }
      await this.removeSegmentFiles(s);
      count++;
    }
    if (count > 0) await this.cache.fs.syncDir(this.dir);
    return count;
  }

  async removeSegmentFiles(s: Segment): Promise<void> {
    for (const path of [s.files.log, s.files.index, s.files.timeIndex]) {
      await this.cache.close(path);
      await this.cache.fs.remove(path);
    }
  }

  /** Retention by time and size (cleanup.policy=delete): returns how many segments went. */
  async applyRetention(): Promise<number> {
    if (!this.config.cleanupPolicy.delete) return 0;
    const nowMs = BigInt(this.now());
    let deleted = 0;
    const { retentionMs, retentionBytes } = this.config;
    if (retentionMs >= 0 && Number.isFinite(retentionMs)) {
      const expired = (s: Segment) => s.size > 0 && s.maxTimestamp >= 0n && s.maxTimestamp < nowMs - BigInt(retentionMs) && s.nextOffset <= this.highWatermark;
      deleted += await this.deleteSegments((s, next) => {
        if (s.size > 0 || next === undefined) return expired(s);
        // A segment compaction emptied has no timestamp to expire by: it goes with the first
        // segment holding records after it, so it never holds back the retention of later ones.
        const following = this.segments.find((x) => x.baseOffset > s.baseOffset && x.size > 0);
        return following !== undefined && expired(following);
      });
    }
    if (retentionBytes >= 0) {
      let size = this.size;
      deleted += await this.deleteSegments((s, next) => {
        if (next === undefined || size - s.size < retentionBytes) return false;
        size -= s.size;
        return true;
      });
    }
    return deleted;
  }

  /** Truncates the log back to `offset` (everything at or after it goes). */
  async truncateTo(offset: bigint): Promise<void> {
    await this.settlePending();
    if (offset >= this.logEndOffset) return;
    let removed = 0;
    while (this.segments.length > 1 && this.activeSegment.baseOffset >= offset) {
      const s = this.segments.pop()!;
      this.hwPosition.delete(s);
      await this.removeSegmentFiles(s);
      removed++;
    }
    // The removals must be durable before the log goes on: after a power cut, a removed segment
    // whose unlink was not synced comes back with the truncated records in it.
    if (removed > 0) await this.cache.fs.syncDir(this.dir);
    const s = this.activeSegment;
    const position = await this.positionOf(s, offset);
    s.truncateIndexes(offset, position);
    s.nextOffset = offset;
    this.hwPosition.set(s, position);
    await s.truncateFile(position);
    this.logEndOffset = offset;
    if (this.highWatermark > offset) this.highWatermark = offset;
    this.producers.truncateFrom(offset);
    if (this.logStartOffset > offset) this.logStartOffset = offset;
  }

  /** Position of the batch starting at `offset` in `segment` (its end if none does). */
  private async positionOf(segment: Segment, offset: bigint): Promise<number> {
    let p = segment.positionBefore(offset);
    const end = segment.size;
    while (p + LOG_OVERHEAD <= end) {
      const head = await segment.read(p, BATCH_HEADER_SIZE);
      if (head.length < BATCH_HEADER_SIZE) break;
      const base = head.readBigInt64BE(Offsets.baseOffset);
      if (base >= offset) return p;
      const last = base + BigInt(head.readInt32BE(Offsets.lastOffsetDelta));
      if (last >= offset) throw new StorageError('SLUICE_STORAGE_TRUNCATE', `Cannot truncate to ${offset}: it lies inside the batch ${base}-${last}`);
      p += head.readInt32BE(Offsets.batchLength) + LOG_OVERHEAD;
    }
    return Math.min(p, end);
  }

  // ------------------------------------------------------------------ close

  /**
   * Syncs, writes indexes and producer state, and leaves the clean-shutdown marker. If any of it
   * fails (a full disk), the error is thrown after the log's files are closed anyway, and no marker
   * is left, so the next open scans the log; what was acknowledged was synced before.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    clearInterval(this.flushTimer);
    try {
      // Let appends in flight finish (or fail) before the files are finalised.
      await this.settlePending();
      await this.checkpointing;
      this.closed = true;
      await this.flush();
      const fs = this.cache.fs;
      for (const s of this.segments) await this.persistIndexes(s);
      await writeFileAtomic(fs, `${this.dir}/${PRODUCER_STATE_FILE}`, Buffer.from(JSON.stringify(this.producers.toJSON())));
      await writeFileAtomic(fs, `${this.dir}/${CLEAN_SHUTDOWN_FILE}`, Buffer.from(JSON.stringify(this.cleanState())));
    } catch (e) {
      throw e instanceof LogCloseError ? e : new LogCloseError(this.dir, e instanceof StorageError && e.cause !== undefined ? e.cause : e);
    } finally {
      this.closed = true;
      await this.cache.closeUnder(this.dir).catch(() => {}); // closing a descriptor releases it even when it reports an error
      this.removeAllListeners();
    }
  }

  /** Closes without writing anything (the log's folder is about to be removed). */
  async abandon(): Promise<void> {
    this.closed = true;
    clearInterval(this.flushTimer);
    await this.cache.closeUnder(this.dir);
    this.removeAllListeners();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** What a clean start needs to skip the scan. */
  cleanState(): unknown {
    return {
      logEndOffset: this.logEndOffset.toString(),
      cleanerCheckpoint: this.cleanerCheckpoint.toString(),
      segments: this.segments.map((s) => ({
        base: s.baseOffset.toString(),
        size: s.size,
        next: s.nextOffset.toString(),
        maxTimestamp: s.maxTimestamp.toString(),
        offsetOfMaxTimestamp: s.offsetOfMaxTimestamp.toString(),
      })),
    };
  }

  /** Used by recovery: the log's state after opening. */
  restore(segments: Segment[], logStartOffset: bigint, cleanerCheckpoint: bigint, recoveryPoint: bigint): void {
    this.recoveryPoint = recoveryPoint;
    this.segments = segments;
    this.logEndOffset = segments[segments.length - 1].nextOffset;
    this.highWatermark = this.logEndOffset;
    this.logStartOffset = logStartOffset > segments[0].baseOffset ? logStartOffset : segments[0].baseOffset;
    this.cleanerCheckpoint = cleanerCheckpoint;
    for (const s of segments) this.hwPosition.set(s, s.size);
  }

  /** Replaces segments after compaction (see cleaner.ts). */
  replaceSegments(removed: Segment[], added: Segment[]): void {
    const kept = this.segments.filter((s) => !removed.includes(s));
    for (const r of removed) this.hwPosition.delete(r);
    for (const a of added) this.hwPosition.set(a, a.size);
    this.segments = [...kept, ...added].sort((a, b) => (a.baseOffset < b.baseOffset ? -1 : a.baseOffset > b.baseOffset ? 1 : 0));
  }
}
