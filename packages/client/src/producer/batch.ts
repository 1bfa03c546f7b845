/**
 * A producer batch for one partition: protocol's record batch writer (RecordBatchBuilder), which
 * encodes records straight into one buffer as they are sent and seals them with the header and
 * CRC, plus what only a producer needs: the promises of the records' sends, retries, and the
 * producer id, epoch and sequence. Those live in the header, so a batch whose sequence is reset
 * is re-stamped and its CRC recomputed, without touching the records.
 */
import { BATCH_HEADER_SIZE, type CompressionType, RecordBatchBuilder, decodeRecords, readBatchHeader, recordSizeInBatch, stampProducer } from '@sluice/protocol';
import type { KafkaError } from '../errors.ts';

export interface RecordMetadata {
  topic: string;
  partition: number;
  /** The record's offset; -1n when the broker did not say (acks=0, or a duplicate it no longer remembers). */
  offset: bigint;
  /** The record's timestamp: its create time, or the broker's append time on LogAppendTime topics. */
  timestamp: number;
}

/** Completion of one `send` or `sendBatch` call, shared by all of its records. */
export class SendGroup {
  readonly results: RecordMetadata[];
  private remaining: number;
  private failed = false;
  private readonly onDone: (results: RecordMetadata[]) => void;
  private readonly onError: (error: KafkaError) => void;

  constructor(size: number, onDone: (results: RecordMetadata[]) => void, onError: (error: KafkaError) => void) {
    this.onDone = onDone;
    this.onError = onError;
    this.results = new Array(size);
    this.remaining = size;
  }

  complete(index: number, meta: RecordMetadata): void {
    if (this.failed) return;
    this.results[index] = meta;
    if (--this.remaining === 0) this.onDone(this.results);
  }

  fail(error: KafkaError): void {
    if (this.failed) return;
    this.failed = true;
    this.onError(error);
  }

  get isFailed(): boolean {
    return this.failed;
  }
}

export interface HeaderInput {
  key: string;
  value: Buffer | string | null;
}

interface Span {
  group: SendGroup;
  index: number;
  count: number;
  /** Offset delta of the span's first record in this batch. */
  first: number;
  /** Timestamps of the span's records (for the results). */
  timestamps: number[] | number;
}

export class ProducerBatch extends RecordBatchBuilder {
  readonly createdAt: number;
  private spans: Span[] = [];
  /** The whole encoded batch, once closed. */
  encoded: Buffer | null = null;
  /** Bytes reserved against the producer's buffer memory. */
  readonly reserved: number;
  attempts = 0;
  /** Not before this time (retry backoff). */
  retryAt = 0;
  /** Why the last attempt failed, when the batch waits to go again (named if it then expires). */
  lastError: Error | null = null;
  producerId = -1n;
  producerEpoch = -1;
  baseSequence = -1;
  /** Part of a transaction (the header's transactional bit). */
  transactional = false;
  /** The sequence was reassigned after an epoch bump (Java's sequenceHasBeenReset). */
  sequenceReset = false;
  inFlight = false;
  done = false;
  /** A record did not fit, or the batch reached batch.size: no more appends. */
  full = false;
  private stampedOnce = false;
  /** The leader epoch of the partition when the batch was last sent (for retry decisions). */
  leaderEpoch = -1;

  readonly topic: string;
  readonly partition: number;

  /** `capacity` is the uncompressed batch's, header included; appends are sized with recordSizeInBatch. */
  constructor(topic: string, partition: number, capacity: number, now: number, reserved = capacity) {
    super(capacity);
    this.topic = topic;
    this.partition = partition;
    this.reserved = reserved;
    this.createdAt = now;
  }

  get isClosed(): boolean {
    return this.encoded !== null;
  }

  get lastSequence(): number {
    return this.baseSequence + this.count - 1;
  }

  /** Registers the record at `index` of a send group, appended at offset delta `delta`. */
  addRecord(group: SendGroup, index: number, delta: number, timestamp: number): void {
    const spans = this.spans;
    const last = spans.length > 0 ? spans[spans.length - 1] : undefined;
    if (last && last.group === group && last.index + last.count === index && last.first + last.count === delta) {
      if (typeof last.timestamps === 'number') {
        if (last.timestamps !== timestamp) {
          const list = new Array<number>(last.count).fill(last.timestamps);
          list.push(timestamp);
          last.timestamps = list;
        }
      } else {
        last.timestamps.push(timestamp);
      }
      last.count++;
      return;
    }
    spans.push({ group, index, count: 1, first: delta, timestamps: timestamp });
  }

  /** Seals the batch: compresses its records if asked to and writes the header. */
  async close(compression: CompressionType, level: number | undefined): Promise<void> {
    if (this.encoded) return;
    const { producerId, producerEpoch, baseSequence, transactional } = this;
    const options = { compression, compressionLevel: level, producerId, producerEpoch, baseSequence, transactional };
    // Uncompressed, the batch is sealed before close returns, without waiting for a promise.
    const encoded = compression === 0 ? this.sealUncompressed(options) : await this.seal(options);
    this.encoded = encoded;
    this.stampedOnce = true;
    // Stamped while its records were being compressed: the header takes the new values.
    if (this.producerId !== producerId || this.producerEpoch !== producerEpoch || this.baseSequence !== baseSequence || this.transactional !== transactional) {
      stampProducer(encoded, this.producerId, this.producerEpoch, this.baseSequence, this.transactional);
    }
  }

  /** Sets the producer id, epoch and base sequence (and the transactional bit), recomputing the CRC. */
  stamp(producerId: bigint, producerEpoch: number, baseSequence: number, transactional: boolean): void {
    this.producerId = producerId;
    this.producerEpoch = producerEpoch;
    this.baseSequence = baseSequence;
    this.transactional = transactional;
    if (!this.encoded) return;
    // The old bytes may still sit in a socket's write queue: stamp a copy.
    const b = this.stampedOnce ? Buffer.from(this.encoded) : this.encoded;
    this.stampedOnce = true;
    this.encoded = b;
    stampProducer(b, producerId, producerEpoch, baseSequence, transactional);
  }

  /**
   * Splits a sent batch that the broker refused as too large (MESSAGE_TOO_LARGE) into batches of
   * at most `batchSize` bytes (one record each where records are bigger), as Java's producer
   * does: the records keep their order, timestamps and promises, and a record that is too large
   * on its own then fails alone. With idempotence the parts take consecutive sequences from this
   * batch's own, which the broker never wrote. The parts share this batch's memory reservation
   * (the first part carries it) and its creation time (the delivery timeout still counts from
   * the send). This batch is done afterwards, without settling any promise; `whenDone` waits
   * for the parts.
   */
  split(batchSize: number): ProducerBatch[] {
    if (!this.encoded) throw new Error('only a closed (sent) batch is split');
    const records = decodeRecords(readBatchHeader(this.encoded), this.records());
    const owners = new Array<{ group: SendGroup; index: number }>(this.count);
    for (const s of this.spans) for (let i = 0; i < s.count; i++) owners[s.first + i] = { group: s.group, index: s.index + i };
    const parts: ProducerBatch[] = [];
    let part: ProducerBatch | undefined;
    for (let d = 0; d < records.length; d++) {
      const r = records[d]!;
      const timestamp = Number(r.timestamp);
      const keyLen = r.key === null ? -1 : r.key.length;
      const valueLen = r.value === null ? -1 : r.value.length;
      let size = part ? recordSizeInBatch(part.count, timestamp - part.baseTimestamp, keyLen, valueLen, r.headers) : 0;
      if (!part || !part.hasRoomFor(size)) {
        size = recordSizeInBatch(0, 0, keyLen, valueLen, r.headers);
        part = new ProducerBatch(this.topic, this.partition, Math.max(batchSize, BATCH_HEADER_SIZE + size), this.createdAt, parts.length === 0 ? this.reserved : 0);
        // Its sequence range is fixed below: nothing more may be appended.
        part.full = true;
        parts.push(part);
      }
      const delta = part.append(timestamp, r.key, r.value, r.headers, size);
      part.addRecord(owners[d]!.group, owners[d]!.index, delta, timestamp);
    }
    if (this.baseSequence >= 0) {
      let sequence = this.baseSequence;
      for (const p of parts) {
        p.stamp(this.producerId, this.producerEpoch, sequence, this.transactional);
        p.sequenceReset = this.sequenceReset;
        sequence += p.count;
      }
    }
    this.done = true;
    const waiters = this.waiters;
    this.waiters = null;
    if (waiters) void Promise.all(parts.map((p) => p.whenDone())).then(() => waiters.forEach((w) => w()));
    this.release();
    return parts;
  }

  /** Resolves every record's promise with its offset. */
  complete(baseOffset: bigint, logAppendTime: number): void {
    if (this.done) return;
    this.done = true;
    const topic = this.topic;
    const partition = this.partition;
    const known = baseOffset >= 0n;
    for (const s of this.spans) {
      for (let i = 0; i < s.count; i++) {
        const delta = s.first + i;
        const ts = logAppendTime >= 0 ? logAppendTime : typeof s.timestamps === 'number' ? s.timestamps : s.timestamps[i];
        s.group.complete(s.index + i, { topic, partition, offset: known ? baseOffset + BigInt(delta) : -1n, timestamp: ts });
      }
    }
    this.release();
  }

  /** Fails every record's promise. */
  fail(error: KafkaError): void {
    if (this.done) return;
    this.done = true;
    for (const s of this.spans) s.group.fail(error);
    this.release();
  }

  private waiters: Array<() => void> | null = null;

  /** Resolves once the batch is done, whichever way. */
  whenDone(): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise((resolve) => (this.waiters ??= []).push(resolve));
  }

  private release(): void {
    if (this.waiters) for (const w of this.waiters) w();
    this.waiters = null;
    this.spans = [];
    // Keep `encoded` only as long as a retry could need it.
    this.encoded = null;
    this.discard();
  }
}
