/**
 * The record accumulator: a queue of batches per partition, the memory they reserve against
 * `bufferMemory` (a `send` waits for space, up to `maxBlockMs`). Sequences and producer ids are
 * the transaction manager's (transaction-manager.ts).
 */
import { ClientErrorCode, KafkaError, abortError } from '../errors.ts';
import { ProducerBatch } from './batch.ts';

/**
 * One partition's queue of batches. Its sequences (producer id and epoch, next and acknowledged
 * sequence, batches in flight) belong to the transaction manager, which keys them by this queue.
 */
export class PartitionQueue {
  readonly batches: ProducerBatch[] = [];

  readonly topic: string;
  readonly partition: number;

  constructor(topic: string, partition: number) {
    this.topic = topic;
    this.partition = partition;
  }

  get last(): ProducerBatch | undefined {
    return this.batches.length > 0 ? this.batches[this.batches.length - 1] : undefined;
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

  private readonly bufferMemory: number;

  constructor(bufferMemory: number) {
    this.bufferMemory = bufferMemory;
  }

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
