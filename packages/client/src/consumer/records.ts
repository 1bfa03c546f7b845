/**
 * Decoding fetched record batches for the consumer, on the hot path: one pass over the bytes
 * with inline varint reads, keys and values as views into the fetched buffer (no copies),
 * per-batch BigInt work only (a record's offset is computed when first read), records below the
 * fetch position dropped, control batches skipped, and for read_committed the batches of aborted
 * transactions left out using the fetch response's aborted-transaction list.
 */
import { BATCH_HEADER_SIZE, type CompressionType, LOG_OVERHEAD, Offsets, crc32c, decompress } from '@sluice/protocol';
import { ClientErrorCode, KafkaError } from '../errors.ts';

export interface RecordHeader {
  key: string;
  value: Buffer | null;
}

const NO_HEADERS: RecordHeader[] = [];
Object.freeze(NO_HEADERS);

/** One consumed record. `offset` is computed on first access. */
export class ConsumerRecord {
  private offsetValue: bigint | undefined = undefined;
  readonly topic: string;
  readonly partition: number;
  private readonly baseOffset: bigint;
  private readonly offsetDelta: number;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly timestampType: 'CreateTime' | 'LogAppendTime';
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: RecordHeader[];
  /** The partition leader epoch the record was written in (-1 when unknown). */
  readonly leaderEpoch: number;

  constructor(
    topic: string,
    partition: number,
    baseOffset: bigint,
    offsetDelta: number,
    timestamp: number,
    timestampType: 'CreateTime' | 'LogAppendTime',
    key: Buffer | null,
    value: Buffer | null,
    headers: RecordHeader[],
    leaderEpoch: number,
  ) {
    this.topic = topic;
    this.partition = partition;
    this.baseOffset = baseOffset;
    this.offsetDelta = offsetDelta;
    this.timestamp = timestamp;
    this.timestampType = timestampType;
    this.key = key;
    this.value = value;
    this.headers = headers;
    this.leaderEpoch = leaderEpoch;
  }

  get offset(): bigint {
    return (this.offsetValue ??= this.baseOffset + BigInt(this.offsetDelta));
  }

  /** The first header with this key, or undefined. */
  header(key: string): Buffer | null | undefined {
    for (const h of this.headers) if (h.key === key) return h.value;
    return undefined;
  }

  toJSON(): object {
    return {
      topic: this.topic,
      partition: this.partition,
      offset: this.offset.toString(),
      timestamp: this.timestamp,
      key: this.key?.toString() ?? null,
      value: this.value?.toString() ?? null,
      headers: this.headers.map((h) => ({ key: h.key, value: h.value?.toString() ?? null })),
    };
  }
}

export interface AbortedTransaction {
  producerId: bigint;
  firstOffset: bigint;
}

export interface DecodeOptions {
  topic: string;
  partition: number;
  /** Records below this offset are dropped (the broker returns whole batches). */
  fetchOffset: bigint;
  checkCrcs: boolean;
  readCommitted: boolean;
  /** From the fetch response (read_committed only), any order. */
  abortedTransactions: readonly AbortedTransaction[] | null;
}

export interface DecodedRecords {
  records: ConsumerRecord[];
  /** The offset after the last whole batch read: where the next fetch starts. */
  nextOffset: bigint;
  /** Bytes of whole batches read. */
  bytes: number;
}

function corrupt(message: string, o: DecodeOptions): never {
  throw new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `corrupt record data from ${o.topic}-${o.partition}: ${message}`, { topic: o.topic, partition: o.partition });
}

let pos = 0;

function readUvarint(b: Buffer, end: number): number {
  let raw = 0;
  let shift = 0;
  for (;;) {
    if (pos >= end) throw new RangeError('varint runs past the end');
    const x = b[pos++];
    if (shift < 28) {
      raw |= (x & 0x7f) << shift;
    } else {
      if (shift > 28 || x > 0x0f) throw new RangeError('varint exceeds 32 bits');
      raw += (x & 0x7f) * 2 ** 28;
    }
    if ((x & 0x80) === 0) return raw >>> 0;
    shift += 7;
  }
}

function readVarint(b: Buffer, end: number): number {
  const raw = readUvarint(b, end);
  return (raw >>> 1) ^ -(raw & 1);
}

function readVarlongNumber(b: Buffer, end: number): number {
  let raw = 0;
  let mult = 1;
  for (let i = 0; i < 10; i++) {
    if (pos >= end) throw new RangeError('varlong runs past the end');
    const x = b[pos++];
    raw += (x & 0x7f) * mult;
    if ((x & 0x80) === 0) {
      if (!Number.isSafeInteger(raw)) throw new RangeError('varlong exceeds the safe integer range');
      return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
    }
    mult *= 128;
  }
  throw new RangeError('varlong is longer than 10 bytes');
}

function readBytes(b: Buffer, end: number): Buffer | null {
  const len = readVarint(b, end);
  if (len < 0) return null;
  if (pos + len > end) throw new RangeError('bytes run past the end');
  const out = b.subarray(pos, pos + len);
  pos += len;
  return out;
}

function parseRecords(
  body: Buffer,
  count: number,
  o: DecodeOptions,
  baseOffset: bigint,
  skipBelowDelta: number,
  baseTimestamp: number,
  logAppendTime: boolean,
  maxTimestamp: number,
  leaderEpoch: number,
  out: ConsumerRecord[],
): void {
  pos = 0;
  const end = body.length;
  const type = logAppendTime ? 'LogAppendTime' : 'CreateTime';
  for (let i = 0; i < count; i++) {
    const length = readVarint(body, end);
    const recordEnd = pos + length;
    if (length < 0 || recordEnd > end) throw new RangeError(`record length ${length} runs past the batch`);
    pos++; // attributes
    const timestampDelta = readVarlongNumber(body, recordEnd);
    const offsetDelta = readVarint(body, recordEnd);
    const key = readBytes(body, recordEnd);
    const value = readBytes(body, recordEnd);
    const headerCount = readVarint(body, recordEnd);
    let headers = NO_HEADERS;
    if (headerCount !== 0) {
      if (headerCount < 0 || headerCount * 2 > recordEnd - pos) throw new RangeError(`bad header count ${headerCount}`);
      headers = new Array(headerCount);
      for (let h = 0; h < headerCount; h++) {
        const kl = readVarint(body, recordEnd);
        if (kl < 0 || pos + kl > recordEnd) throw new RangeError('header key runs past the record');
        const hk = body.toString('utf8', pos, pos + kl);
        pos += kl;
        headers[h] = { key: hk, value: readBytes(body, recordEnd) };
      }
    }
    if (pos !== recordEnd) throw new RangeError(`record fields end at ${pos}, its length says ${recordEnd}`);
    if (offsetDelta < skipBelowDelta) continue;
    out.push(
      new ConsumerRecord(o.topic, o.partition, baseOffset, offsetDelta, logAppendTime ? maxTimestamp : baseTimestamp + timestampDelta, type, key, value, headers, leaderEpoch),
    );
  }
  if (pos !== end) throw new RangeError(`${end - pos} bytes after the last of ${count} records`);
}

/**
 * Decodes the record batches of one partition in a fetch response. A truncated batch at the end
 * (the broker cuts at max bytes) is left for the next fetch.
 */
export async function decodeFetchedRecords(buf: Buffer, o: DecodeOptions): Promise<DecodedRecords> {
  const records: ConsumerRecord[] = [];
  let nextOffset = o.fetchOffset;
  let at = 0;
  // read_committed: aborted transactions by first offset; producers whose aborted data we are inside.
  const aborted = o.readCommitted && o.abortedTransactions && o.abortedTransactions.length > 0 ? [...o.abortedTransactions].sort((a, b) => (a.firstOffset < b.firstOffset ? -1 : a.firstOffset > b.firstOffset ? 1 : 0)) : null;
  let abortedIndex = 0;
  const abortedProducers = new Set<bigint>();
  while (buf.length - at >= LOG_OVERHEAD + 5) {
    const batchLength = buf.readInt32BE(at + Offsets.batchLength);
    const size = batchLength + LOG_OVERHEAD;
    if (at + size > buf.length) break;
    if (batchLength < BATCH_HEADER_SIZE - LOG_OVERHEAD) corrupt(`batch length ${batchLength}`, o);
    const magic = buf[at + Offsets.magic];
    if (magic !== 2) corrupt(`record batch magic ${magic}; only magic 2 is supported`, o);
    const baseOffset = buf.readBigInt64BE(at);
    const lastOffsetDelta = buf.readInt32BE(at + Offsets.lastOffsetDelta);
    const lastOffset = baseOffset + BigInt(lastOffsetDelta);
    if (lastOffset < o.fetchOffset) {
      at += size;
      continue;
    }
    if (o.checkCrcs) {
      const stored = buf.readUInt32BE(at + Offsets.crc);
      if (crc32c(buf.subarray(at + Offsets.attributes, at + size)) !== stored) corrupt(`CRC mismatch in the batch at offset ${baseOffset}`, o);
    }
    const attributes = buf.readInt16BE(at + Offsets.attributes);
    const control = (attributes & 0x20) !== 0;
    const transactional = (attributes & 0x10) !== 0;
    if (aborted) {
      while (abortedIndex < aborted.length && aborted[abortedIndex].firstOffset <= lastOffset) abortedProducers.add(aborted[abortedIndex++].producerId);
    }
    let skip = control;
    if (transactional && abortedProducers.size > 0) {
      const producerId = buf.readBigInt64BE(at + Offsets.producerId);
      if (abortedProducers.has(producerId)) {
        // The abort marker ends that producer's aborted data.
        if (control && isAbortMarker(buf, at, size)) abortedProducers.delete(producerId);
        skip = true;
      }
    }
    if (!skip) {
      const count = buf.readInt32BE(at + Offsets.recordCount);
      const codec = (attributes & 7) as CompressionType;
      const raw = buf.subarray(at + BATCH_HEADER_SIZE, at + size);
      const body = codec === 0 ? raw : await decompress(codec, raw);
      const skipBelowDelta = o.fetchOffset > baseOffset ? Number(o.fetchOffset - baseOffset) : 0;
      try {
        parseRecords(
          body,
          count,
          o,
          baseOffset,
          skipBelowDelta,
          Number(buf.readBigInt64BE(at + Offsets.baseTimestamp)),
          (attributes & 0x08) !== 0,
          Number(buf.readBigInt64BE(at + Offsets.maxTimestamp)),
          buf.readInt32BE(at + Offsets.partitionLeaderEpoch),
          records,
        );
      } catch (e) {
        corrupt(`${(e as Error).message} (batch at offset ${baseOffset})`, o);
      }
    }
    nextOffset = lastOffset + 1n;
    at += size;
  }
  return { records, nextOffset, bytes: at };
}

function isAbortMarker(buf: Buffer, at: number, size: number): boolean {
  // A control batch holds one uncompressed record whose key is (version int16, type int16); 0 = abort.
  try {
    pos = at + BATCH_HEADER_SIZE;
    const end = at + size;
    readVarint(buf, end);
    pos++;
    readVarlongNumber(buf, end);
    readVarint(buf, end);
    const key = readBytes(buf, end);
    return key !== null && key.length >= 4 && key.readInt16BE(2) === 0;
  } catch {
    return false;
  }
}
