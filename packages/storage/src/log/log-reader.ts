/**
 * The read side of a partition log: whole batches from any offset up to the high watermark, the
 * bytes a fetch may wait for, and lookups by timestamp. It owns the reads in flight, so that a
 * compaction's swap of segment files (swapSegments) runs with none in progress and none starting.
 * It changes nothing in the log but each segment's read-ahead hint.
 */
import { BATCH_HEADER_SIZE, LOG_OVERHEAD, Offsets, decodeRecordBatch, isControl } from '@sluice/protocol';
import { CorruptLogError, OffsetOutOfRangeError } from '../errors.ts';
import type { LogState } from './log-state.ts';
import type { Segment } from './segment.ts';

const EMPTY = Buffer.alloc(0);

/** Reads of one partition's log; see the top of this file. */
export class LogReader {
  /** Reads in progress, and a compaction's swap waiting for them to end (see swapSegments). */
  private readsInFlight = 0;
  private readsDrained: (() => void) | null = null;
  private swapping: Promise<void> | null = null;

  private readonly state: LogState;

  constructor(state: LogState) {
    this.state = state;
  }

  /**
   * Whole batches from the one containing `offset`, up to `maxBytes` — but at least one whole
   * batch when `minOneBatch` (KIP-74) — and never a batch starting at or after `maxOffset`.
   */
  async read(offset: bigint, maxBytes: number, maxOffset: bigint = this.state.highWatermark, minOneBatch = true): Promise<Buffer[]> {
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
    if (offset < this.state.logStartOffset || offset > this.state.logEndOffset) {
      throw new OffsetOutOfRangeError(`Offset ${offset} is outside the log [${this.state.logStartOffset}, ${this.state.logEndOffset}] of ${this.state.dir}`);
    }
    const limit = maxOffset < this.state.highWatermark ? maxOffset : this.state.highWatermark;
    const out: Buffer[] = [];
    let budget = maxBytes;
    let from = offset;
    for (let i = this.state.segmentFor(offset); i >= 0 && i < this.state.segments.length && from < limit; i++) {
      const segment = this.state.segments[i];
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
      if (i + 1 < this.state.segments.length) from = this.state.segments[i + 1].baseOffset;
    }
    return out;
  }

  /**
   * Whole batches of one segment from the one holding `offset`, within `budget` (at least one when
   * `minOne`), and whether the read reached the end of the segment's readable data — only then may
   * an answer continue with the next segment.
   */
  private async readSegment(segment: Segment, offset: bigint, budget: number, limit: bigint, minOne: boolean): Promise<{ data: Buffer; toEnd: boolean }> {
    const end = this.state.hwPosition.get(segment) ?? 0;
    // A consumer reading on from where its last read ended starts exactly at a batch, and so does
    // a read from the segment's base offset (an answer going on from the previous segment): its
    // first batch is the wanted one. Otherwise start at the indexed batch before the offset and
    // read past the budget by the index interval.
    const hint = segment.readHint;
    const onHint = hint !== null && hint.offset === offset;
    const exact = onHint || offset <= segment.baseOffset;
    const slack = exact ? 0 : this.state.config.indexIntervalBytes;
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
    if (offset >= this.state.highWatermark) return 0;
    let total = 0;
    const i = Math.max(0, this.state.segmentFor(offset));
    for (let j = i; j < this.state.segments.length; j++) {
      const s = this.state.segments[j];
      const end = this.state.hwPosition.get(s) ?? 0;
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
    for (const s of this.state.segments) {
      if (s.maxTimestamp < timestamp) continue;
      const approx = s.offsetForTimestamp(timestamp);
      if (approx === null) continue;
      let from = approx < this.state.logStartOffset ? this.state.logStartOffset : approx;
      while (from < this.state.highWatermark) {
        const chunks = await this.read(from, 1 << 20, this.state.highWatermark);
        const before = from;
        for (const chunk of chunks) {
          for (let p = 0; p + BATCH_HEADER_SIZE <= chunk.length; p += chunk.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD) {
            const size = chunk.readInt32BE(p + Offsets.batchLength) + LOG_OVERHEAD;
            from = chunk.readBigInt64BE(p) + BigInt(chunk.readInt32BE(p + Offsets.lastOffsetDelta)) + 1n;
            if (chunk.readBigInt64BE(p + Offsets.maxTimestamp) < timestamp || isControl(chunk.readInt16BE(p + Offsets.attributes))) continue;
            const { records } = await decodeRecordBatch(chunk.subarray(p, p + size), 0, { verifyCrc: false });
            for (const r of records) {
              if (r.timestamp >= timestamp && r.offset >= this.state.logStartOffset) return { offset: r.offset, timestamp: r.timestamp };
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
    for (const s of this.state.segments) {
      if (s.maxTimestamp >= 0n && (best === null || s.maxTimestamp > best.timestamp) && s.offsetOfMaxTimestamp < this.state.highWatermark) {
        best = { offset: s.offsetOfMaxTimestamp, timestamp: s.maxTimestamp };
      }
    }
    return best;
  }
}
