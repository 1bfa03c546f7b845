/**
 * The record accumulator: a queue of batches per partition, the memory they reserve against
 * `bufferMemory` (a `send` waits for space, up to `maxBlockMs`), and the sequence bookkeeping of
 * the idempotent producer, which lives beside each partition's queue.
 */
import { ClientErrorCode, KafkaError, abortError } from '../errors.js';
import { ProducerBatch } from './batch.js';

/** One partition's queue and its idempotence state (Java keeps the latter in TransactionManager). */
export class PartitionQueue {
  readonly batches: ProducerBatch[] = [];
  // ---- idempotence: the producer id/epoch this partition's sequences belong to
  producerId = -1n;
  producerEpoch = -1;
  nextSequence = 0;
  lastAckedSequence = -1;
  lastAckedOffset = -1n;
  /** Batches with a sequence that are not yet done, ordered by sequence. */
  readonly inflight: ProducerBatch[] = [];
  /** When set, a batch expired after being sent: the next sequence after it (Java's unresolved sequences). */
  unresolvedNext = -1;

  constructor(
    readonly topic: string,
    readonly partition: number,
  ) {}

  get last(): ProducerBatch | undefined {
    return this.batches.length > 0 ? this.batches[this.batches.length - 1] : undefined;
  }

  addInflight(batch: ProducerBatch): void {
    const list = this.inflight;
    let i = list.length;
    while (i > 0 && list[i - 1].baseSequence > batch.baseSequence) i--;
    list.splice(i, 0, batch);
  }

  removeInflight(batch: ProducerBatch): void {
    const i = this.inflight.indexOf(batch);
    if (i >= 0) this.inflight.splice(i, 1);
  }

  firstInflightSequence(): number {
    return this.inflight.length > 0 ? this.inflight[0].baseSequence : -1;
  }

  /** Puts a batch back for a retry: at the front, or in sequence order among retried batches. */
  reenqueue(batch: ProducerBatch): void {
    const q = this.batches;
    if (batch.baseSequence < 0) {
      q.unshift(batch);
      return;
    }
    let i = 0;
    while (i < q.length && q[i].baseSequence >= 0 && q[i].baseSequence < batch.baseSequence) i++;
    q.splice(i, 0, batch);
  }
}

interface MemoryWaiter {
  bytes: number;
  resolve(): void;
  reject(e: unknown): void;
}

export class Accumulator {
  private readonly queues = new Map<string, PartitionQueue[]>();
  /** Partitions with queued batches. */
  readonly nonEmpty = new Set<PartitionQueue>();
  /** Batches not yet done, queued or in flight. */
  readonly incomplete = new Set<ProducerBatch>();
  private used = 0;
  private readonly waiters: MemoryWaiter[] = [];

  constructor(private readonly bufferMemory: number) {}

  queue(topic: string, partition: number): PartitionQueue {
    let list = this.queues.get(topic);
    if (!list) {
      list = [];
      this.queues.set(topic, list);
    }
    let q = list[partition];
    if (!q) {
      q = new PartitionQueue(topic, partition);
      list[partition] = q;
    }
    return q;
  }

  /** The queues of a topic, by partition (sparse). */
  topicQueues(topic: string): readonly (PartitionQueue | undefined)[] | undefined {
    return this.queues.get(topic);
  }

  allQueues(): IterableIterator<PartitionQueue[]> {
    return this.queues.values();
  }

  get memoryUsed(): number {
    return this.used;
  }

  /** Someone waits for memory: batches should go out without lingering. */
  get exhausted(): boolean {
    return this.waiters.length > 0;
  }

  tryReserve(bytes: number): boolean {
    if (this.waiters.length > 0 || this.used + bytes > this.bufferMemory) return false;
    this.used += bytes;
    return true;
  }

  /** Waits until `bytes` can be reserved (first come, first served). */
  reserve(bytes: number, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
    if (this.tryReserve(bytes)) return Promise.resolve();
    if (bytes > this.bufferMemory) {
      return Promise.reject(new KafkaError(ClientErrorCode.RECORD_TOO_LARGE, `a batch of ${bytes} bytes is larger than bufferMemory (${this.bufferMemory})`));
    }
    return new Promise<void>((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
      };
      const waiter: MemoryWaiter = {
        bytes,
        resolve: () => {
          cleanup();
          resolve();
        },
        reject: (e) => {
          cleanup();
          reject(e);
          this.grant();
        },
      };
      const onAbort = () => waiter.reject(abortError(signal, 'waiting for producer buffer memory'));
      const timer = setTimeout(
        () => waiter.reject(new KafkaError(ClientErrorCode.MAX_BLOCK_TIMEOUT, `no producer buffer memory became free within maxBlockMs (${timeoutMs} ms)`, { retriable: true })),
        timeoutMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  release(bytes: number): void {
    this.used -= bytes;
    this.grant();
  }

  private grant(): void {
    while (this.waiters.length > 0) {
      const w = this.waiters[0];
      if (this.used + w.bytes > this.bufferMemory) return;
      this.used += w.bytes;
      w.resolve();
    }
  }

  /** Fails every waiter (on close). */
  failWaiters(error: KafkaError): void {
    for (const w of [...this.waiters]) w.reject(error);
  }
}
