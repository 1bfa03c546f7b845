/**
 * Idempotent producer state of one partition, with Kafka's rules (ProducerStateManager and
 * ProducerAppendInfo): per producer id the epoch and the last five batches' sequence ranges and
 * offsets. A batch equal to one of those five is a duplicate (answered with the original offsets,
 * not written again); otherwise its first sequence must follow the last one (wrapping after
 * Int32.MAX), an older epoch is refused, and a new epoch must start at sequence 0.
 */
import { ErrorCode } from '@sluice/protocol';
import { ProducerStateError } from '../errors.js';

export const BATCHES_KEPT = 5;
const INT32_MAX = 2147483647;

export interface BatchMetadata {
  firstSeq: number;
  lastSeq: number;
  firstOffset: bigint;
  lastOffset: bigint;
  timestamp: bigint;
}

export interface ProducerEntry {
  producerId: bigint;
  epoch: number;
  batches: BatchMetadata[];
  /** Wall-clock time of the last append, for producer.id.expiration.ms. */
  lastUpdateMs: number;
}

export interface ProducerBatch {
  producerId: bigint;
  epoch: number;
  firstSeq: number;
  lastSeq: number;
  timestamp: bigint;
}

export type ProducerCheck = { kind: 'append' } | { kind: 'duplicate'; batch: BatchMetadata };

/** The sequence a batch of `count` records starting at `firstSeq` ends at. */
export function lastSequence(firstSeq: number, count: number): number {
  const last = firstSeq + count - 1;
  return last > INT32_MAX ? last - INT32_MAX - 1 : last;
}

function inSequence(lastSeq: number, nextSeq: number): boolean {
  return nextSeq === lastSeq + 1 || (lastSeq === INT32_MAX && nextSeq === 0);
}

export class ProducerStateManager {
  private readonly producers = new Map<bigint, ProducerEntry>();

  get size(): number {
    return this.producers.size;
  }

  entries(): IterableIterator<ProducerEntry> {
    return this.producers.values();
  }

  get(producerId: bigint): ProducerEntry | undefined {
    return this.producers.get(producerId);
  }

  /** Decides what to do with a batch, throwing ProducerStateError when it must be refused. */
  check(b: ProducerBatch): ProducerCheck {
    const entry = this.producers.get(b.producerId);
    if (entry === undefined) return { kind: 'append' }; // a new producer may start at any sequence
    if (b.epoch === entry.epoch) {
      const dup = entry.batches.find((m) => m.firstSeq === b.firstSeq && m.lastSeq === b.lastSeq);
      if (dup !== undefined) return { kind: 'duplicate', batch: dup };
    }
    if (b.epoch < entry.epoch) {
      throw new ProducerStateError('INVALID_PRODUCER_EPOCH', `Producer ${b.producerId} epoch ${b.epoch} is older than the current epoch ${entry.epoch}`, ErrorCode.INVALID_PRODUCER_EPOCH);
    }
    if (b.epoch > entry.epoch) {
      if (b.firstSeq !== 0) {
        throw new ProducerStateError('OUT_OF_ORDER_SEQUENCE_NUMBER', `Producer ${b.producerId} started epoch ${b.epoch} at sequence ${b.firstSeq}; a new epoch starts at 0`, ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER);
      }
      return { kind: 'append' };
    }
    const last = entry.batches.length > 0 ? entry.batches[entry.batches.length - 1].lastSeq : -1;
    if (entry.batches.length > 0 && !inSequence(last, b.firstSeq)) {
      throw new ProducerStateError(
        'OUT_OF_ORDER_SEQUENCE_NUMBER',
        `Producer ${b.producerId} epoch ${b.epoch} sent sequence ${b.firstSeq} after ${last}; expected ${last === INT32_MAX ? 0 : last + 1}`,
        ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER,
      );
    }
    return { kind: 'append' };
  }

  /** Records an appended batch; returns what to give back to undo it if the write fails. */
  record(b: ProducerBatch, firstOffset: bigint, lastOffset: bigint, nowMs: number): ProducerEntry | undefined {
    const before = this.producers.get(b.producerId);
    const snapshot = before === undefined ? undefined : { ...before, batches: [...before.batches] };
    const entry: ProducerEntry = before !== undefined && before.epoch === b.epoch ? before : { producerId: b.producerId, epoch: b.epoch, batches: [], lastUpdateMs: nowMs };
    entry.batches.push({ firstSeq: b.firstSeq, lastSeq: b.lastSeq, firstOffset, lastOffset, timestamp: b.timestamp });
    if (entry.batches.length > BATCHES_KEPT) entry.batches.shift();
    entry.lastUpdateMs = nowMs;
    this.producers.set(b.producerId, entry);
    return snapshot;
  }

  /** Puts back what record() replaced. */
  restore(producerId: bigint, snapshot: ProducerEntry | undefined): void {
    if (snapshot === undefined) this.producers.delete(producerId);
    else this.producers.set(producerId, snapshot);
  }

  /** Forgets producers idle for longer than `expirationMs`. */
  expire(nowMs: number, expirationMs: number): number {
    let removed = 0;
    for (const [id, e] of this.producers) {
      if (nowMs - e.lastUpdateMs > expirationMs) {
        this.producers.delete(id);
        removed++;
      }
    }
    return removed;
  }

  /** Drops batch metadata at or after `offset` (after a truncation). */
  truncateFrom(offset: bigint): void {
    for (const [id, e] of this.producers) {
      e.batches = e.batches.filter((b) => b.lastOffset < offset);
      if (e.batches.length === 0) this.producers.delete(id);
    }
  }

  clear(): void {
    this.producers.clear();
  }

  /** Replaces every producer's state with `entries` (a snapshot loaded at a clean start). */
  replaceAll(entries: Iterable<ProducerEntry>): void {
    this.producers.clear();
    for (const e of entries) this.producers.set(e.producerId, e);
  }
}
