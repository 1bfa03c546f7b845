/**
 * A segment: one .log file of record batches exactly as they travel on the wire, named by its base
 * offset, with a sparse offset index (.index: relative offset int32, position int32) and a time
 * index (.timeindex: timestamp int64, relative offset int32), both in Kafka's formats, and the
 * aborted-transaction index (.txnindex, txn-index.ts). The indexes live in memory while the
 * segment is open and are written out when it is rolled or the log is closed; recovery rebuilds
 * them from the .log when they are missing or do not match it.
 */
import type { FileCache } from '../file-cache.ts';
import { TransactionIndex } from './txn-index.ts';

export function segmentName(baseOffset: bigint): string {
  return baseOffset.toString().padStart(20, '0');
}

export interface SegmentFiles {
  log: string;
  index: string;
  timeIndex: string;
  txnIndex: string;
}

export function segmentFiles(dir: string, baseOffset: bigint): SegmentFiles {
  const name = `${dir}/${segmentName(baseOffset)}`;
  return { log: `${name}.log`, index: `${name}.index`, timeIndex: `${name}.timeindex`, txnIndex: `${name}.txnindex` };
}

export class Segment {
  readonly files: SegmentFiles;
  /** Bytes given out to appends (the next append's position). */
  size = 0;
  /** The offset after the last batch. */
  nextOffset: bigint;
  maxTimestamp = -1n;
  offsetOfMaxTimestamp = -1n;
  /** Wall-clock creation time, for segment.ms. */
  readonly createdMs: number;
  // Sparse offset index: relative offsets and positions of batch starts.
  private readonly indexOffsets: number[] = [];
  private readonly indexPositions: number[] = [];
  private bytesSinceIndex = 0;
  // Time index: strictly increasing timestamps with the first relative offset reaching them.
  private readonly timeStamps: bigint[] = [];
  private readonly timeOffsets: number[] = [];
  /** The transactions aborted by markers in this segment. */
  readonly txnIndex = new TransactionIndex();
  /** Entries of txnIndex known to be in its file (-1: unknown), so an unchanged one is not rewritten. */
  txnIndexPersisted = -1;
  /** Written since the last datasync of this file. */
  dirty = false;
  /**
   * Where the last read of this segment ended (the next offset, its position) and the bytes it
   * read beyond that: a consumer reading on starts there without a lookup or a second read.
   */
  readHint: { offset: bigint; position: number; ahead: Buffer } | null = null;
  /** Set once the file exists and its directory entry is durable. */
  private created: Promise<void> | null = null;

  readonly dir: string;
  readonly baseOffset: bigint;
  readonly cache: FileCache;
  private readonly indexInterval: number;

  constructor(dir: string, baseOffset: bigint, cache: FileCache, indexInterval: number, createdMs: number) {
    this.dir = dir;
    this.baseOffset = baseOffset;
    this.cache = cache;
    this.indexInterval = indexInterval;
    this.files = segmentFiles(dir, baseOffset);
    this.nextOffset = baseOffset;
    this.createdMs = createdMs;
  }

  get indexEntries(): number {
    return this.indexOffsets.length;
  }

  /** Records a batch placed at `position` (in the indexes and the segment's bounds). */
  addBatch(baseOffset: bigint, lastOffset: bigint, maxTimestamp: bigint, position: number, size: number): void {
    if (this.indexOffsets.length === 0 || this.bytesSinceIndex >= this.indexInterval) {
      this.indexOffsets.push(Number(baseOffset - this.baseOffset));
      this.indexPositions.push(position);
      this.bytesSinceIndex = 0;
    }
    this.bytesSinceIndex += size;
    if (maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = maxTimestamp;
      this.offsetOfMaxTimestamp = lastOffset;
      this.timeStamps.push(maxTimestamp);
      this.timeOffsets.push(Number(baseOffset - this.baseOffset));
    }
    this.nextOffset = lastOffset + 1n;
    this.size = Math.max(this.size, position + size);
  }

  /** The largest indexed batch start at or before `position` (0 if none): batches end there. */
  indexedPositionAtOrBefore(position: number): number {
    const positions = this.indexPositions;
    let lo = 0;
    let hi = positions.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (positions[mid]! <= position) {
        best = positions[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** Position of the last indexed batch starting at or before `offset` (0 if none). */
  positionBefore(offset: bigint): number {
    const rel = Number(offset - this.baseOffset);
    let lo = 0;
    let hi = this.indexOffsets.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.indexOffsets[mid] <= rel) {
        best = this.indexPositions[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  /** First offset of the first batch whose max timestamp is at or after `timestamp`, or null. */
  offsetForTimestamp(timestamp: bigint): bigint | null {
    let lo = 0;
    let hi = this.timeStamps.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.timeStamps[mid] >= timestamp) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found < 0 ? null : this.baseOffset + BigInt(this.timeOffsets[found]);
  }

  /** Forgets index entries at or past `offset` / `position`, after a truncation. */
  truncateIndexes(offset: bigint, position: number): void {
    this.readHint = null;
    const rel = Number(offset - this.baseOffset);
    while (this.indexOffsets.length > 0 && (this.indexOffsets[this.indexOffsets.length - 1] >= rel || this.indexPositions[this.indexPositions.length - 1] >= position)) {
      this.indexOffsets.pop();
      this.indexPositions.pop();
    }
    while (this.timeOffsets.length > 0 && this.timeOffsets[this.timeOffsets.length - 1] >= rel) {
      this.timeOffsets.pop();
      this.timeStamps.pop();
    }
    this.txnIndex.truncateFrom(offset);
    this.txnIndexPersisted = -1; // cut and appended again, the count alone would not show the change
    this.bytesSinceIndex = this.indexInterval; // index the next batch
    this.maxTimestamp = this.timeStamps.length > 0 ? this.timeStamps[this.timeStamps.length - 1] : -1n;
    this.size = position;
    this.nextOffset = offset < this.nextOffset ? offset : this.nextOffset;
  }

  /** The offset index in Kafka's file format. */
  encodeIndex(): Buffer {
    const b = Buffer.alloc(this.indexOffsets.length * 8);
    for (let i = 0; i < this.indexOffsets.length; i++) {
      b.writeInt32BE(this.indexOffsets[i], i * 8);
      b.writeInt32BE(this.indexPositions[i], i * 8 + 4);
    }
    return b;
  }

  /** The time index in Kafka's file format. */
  encodeTimeIndex(): Buffer {
    const b = Buffer.alloc(this.timeStamps.length * 12);
    for (let i = 0; i < this.timeStamps.length; i++) {
      b.writeBigInt64BE(this.timeStamps[i], i * 12);
      b.writeInt32BE(this.timeOffsets[i], i * 12 + 8);
    }
    return b;
  }

  /**
   * Loads indexes written by encodeIndex/encodeTimeIndex. Returns false (and loads nothing) when
   * they are malformed or do not fit the segment, so the caller rebuilds them by scanning.
   */
  loadIndexes(index: Buffer, timeIndex: Buffer, size: number, nextOffset: bigint, maxTimestamp: bigint, offsetOfMaxTimestamp: bigint): boolean {
    if (index.length % 8 !== 0 || timeIndex.length % 12 !== 0) return false;
    const span = Number(nextOffset - this.baseOffset);
    let lastRel = -1;
    let lastPos = -1;
    for (let i = 0; i < index.length; i += 8) {
      const rel = index.readInt32BE(i);
      const pos = index.readInt32BE(i + 4);
      if (rel <= lastRel || pos <= lastPos || rel >= span || pos >= size) return false;
      lastRel = rel;
      lastPos = pos;
    }
    let lastTs = -1n;
    for (let i = 0; i < timeIndex.length; i += 12) {
      const ts = timeIndex.readBigInt64BE(i);
      const rel = timeIndex.readInt32BE(i + 8);
      if (ts <= lastTs || rel < 0 || rel >= span) return false;
      lastTs = ts;
    }
    if (size > 0 && index.length === 0) return false;
    // The first batch is always indexed, at position 0.
    if (index.length > 0 && index.readInt32BE(4) !== 0) return false;
    // The time index gains an entry whenever the max timestamp grows, so it is empty exactly when
    // no batch has a timestamp, and otherwise ends at the max timestamp: a missing or shortened
    // one would send lookups by time past the batches it lost.
    if (timeIndex.length === 0 ? maxTimestamp >= 0n : lastTs !== maxTimestamp) return false;
    for (let i = 0; i < index.length; i += 8) {
      this.indexOffsets.push(index.readInt32BE(i));
      this.indexPositions.push(index.readInt32BE(i + 4));
    }
    for (let i = 0; i < timeIndex.length; i += 12) {
      this.timeStamps.push(timeIndex.readBigInt64BE(i));
      this.timeOffsets.push(timeIndex.readInt32BE(i + 8));
    }
    this.size = size;
    this.nextOffset = nextOffset;
    this.maxTimestamp = maxTimestamp;
    this.offsetOfMaxTimestamp = offsetOfMaxTimestamp;
    this.bytesSinceIndex = this.indexInterval;
    return true;
  }

  async read(position: number, length: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafe(length);
    const n = await this.readInto(buf, 0, length, position);
    return n === length ? buf : buf.subarray(0, n);
  }

  /** Reads into `buf` at `offset`; resolves to the bytes read. */
  readInto(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    return this.cache.use(this.files.log, (h) => h.read(buf, offset, length, position));
  }

  /**
   * Creates the file and makes its directory entry durable, once: data synced into a file whose
   * name a crash could take away would be lost all the same.
   */
  create(): Promise<void> {
    this.created ??= (async () => {
      await this.cache.use(this.files.log, async () => {}, true);
      await this.cache.fs.syncDir(this.dir);
    })().catch((e) => {
      this.created = null;
      throw e;
    });
    return this.created;
  }

  /** For segments found on disk at start-up. */
  markExisting(): void {
    this.created = Promise.resolve();
  }

  async write(data: Buffer, position: number): Promise<void> {
    await this.create();
    await this.cache.use(this.files.log, (h) => h.write(data, position));
    // Marked on completion: a sync only covers writes that completed before it started.
    this.dirty = true;
  }

  async sync(): Promise<void> {
    this.dirty = false;
    await this.cache.use(this.files.log, (h) => h.datasync(), true);
  }

  async truncateFile(size: number): Promise<void> {
    await this.cache.use(this.files.log, async (h) => {
      await h.truncate(size);
      await h.datasync();
    });
  }

  async fileSize(): Promise<number> {
    return this.cache.use(this.files.log, (h) => h.size());
  }
}
