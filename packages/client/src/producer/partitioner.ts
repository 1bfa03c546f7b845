/**
 * Java's default partitioning. A keyed record goes to `toPositive(murmur2(keyBytes)) % partitions`,
 * the same partition the Java client (and every client that copies it) picks. Unkeyed records
 * stick to one partition until about `batch.size` bytes have gone to it, then switch (KIP-794's
 * built-in partitioner); the next partition is chosen at random, weighted towards partitions
 * with short queues when adaptive partitioning is on.
 */

/** MurmurHash2, 32-bit, seed 0x9747b28c, as Kafka's `Utils.murmur2` computes it over key bytes. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  const m = 0x5bd1e995;
  let h = (0x9747b28c ^ length) | 0;
  const fours = length >> 2;
  for (let i = 0; i < fours; i++) {
    const o = i << 2;
    let k = data[o] | (data[o + 1] << 8) | (data[o + 2] << 16) | (data[o + 3] << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m);
    h ^= k;
  }
  const tail = fours << 2;
  // Java's switch falls through from 3 to 2 to 1.
  const rest = length & 3;
  if (rest === 3) h ^= data[tail + 2] << 16;
  if (rest >= 2) h ^= data[tail + 1] << 8;
  if (rest >= 1) {
    h ^= data[tail];
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `Utils.toPositive`: clears the sign bit (not Math.abs, which differs for negatives). */
export function toPositive(n: number): number {
  return n & 0x7fffffff;
}

/** The partition the Java client chooses for a key. */
export function partitionForKey(key: Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(key)) % numPartitions;
}

/** A custom partitioner: return a partition number, or undefined to use the default. */
export type Partitioner = (record: {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  numPartitions: number;
  /** Partitions that currently have a leader. */
  availablePartitions: readonly number[];
}) => number | undefined;

function randomInt(): number {
  return (Math.random() * 0x80000000) >>> 0;
}

/**
 * The sticky choice for unkeyed records of one topic (Java's BuiltInPartitioner). The producer
 * calls `partition()` for each unkeyed record, then `appended()` with the bytes it added.
 */
export class StickyPartitioner {
  private current = -1;
  private producedBytes = 0;
  /** Cumulative frequency table over `loadIds`, or null to choose uniformly. */
  private cft: number[] | null = null;
  private loadIds: number[] = [];

  private readonly stickyBatchSize: number;

  constructor(stickyBatchSize: number) {
    this.stickyBatchSize = stickyBatchSize;
  }

  partition(available: readonly number[], numPartitions: number): number {
    if (this.current < 0 || this.current >= numPartitions) this.current = this.next(available, numPartitions);
    return this.current;
  }

  /**
   * Records that `bytes` went to the current partition; switches after `stickyBatchSize` bytes
   * when `batchesFull` (the partition's queued batches are all full, so a switch leaves no
   * half-empty batch behind), and unconditionally after twice that.
   */
  appended(bytes: number, batchesFull: boolean, available: readonly number[], numPartitions: number, refreshLoad?: (p: StickyPartitioner) => void): void {
    this.producedBytes += bytes;
    if ((this.producedBytes >= this.stickyBatchSize && batchesFull) || this.producedBytes >= this.stickyBatchSize * 2) {
      this.producedBytes = 0;
      refreshLoad?.(this);
      this.current = this.next(available, numPartitions);
    }
  }

  /**
   * Updates the load statistics from the number of batches queued per partition (partitions
   * without a leader left out). Equal queues, or fewer than two partitions, mean uniform choice.
   */
  updateLoad(queueSizes: readonly number[], partitionIds: readonly number[], numPartitions: number): void {
    if (queueSizes.length < 1 || numPartitions < 2) {
      this.cft = null;
      return;
    }
    let max = queueSizes[0];
    let allEqual = true;
    for (let i = 1; i < queueSizes.length; i++) {
      if (queueSizes[i] !== max) allEqual = false;
      if (queueSizes[i] > max) max = queueSizes[i];
    }
    if (allEqual && queueSizes.length === numPartitions) {
      this.cft = null;
      return;
    }
    // Invert the queue sizes (a short queue gets a high weight) into a running sum.
    const cft: number[] = new Array(queueSizes.length);
    let sum = 0;
    for (let i = 0; i < queueSizes.length; i++) {
      sum += max + 1 - queueSizes[i];
      cft[i] = sum;
    }
    this.cft = cft;
    this.loadIds = [...partitionIds];
  }

  private next(available: readonly number[], numPartitions: number): number {
    const random = randomInt();
    const cft = this.cft;
    if (cft) {
      const weighted = random % cft[cft.length - 1];
      // The first entry strictly greater than `weighted`.
      let lo = 0;
      let hi = cft.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cft[mid] > weighted) hi = mid;
        else lo = mid + 1;
      }
      return this.loadIds[lo];
    }
    if (available.length > 0) return available[random % available.length];
    return random % numPartitions;
  }
}
