/**
 * The producer: `send` partitions a record and appends it to its partition's open batch in the
 * accumulator; the sender ships batches when they fill up or have lingered `lingerMs`. Each
 * `send` (or `sendBatch`) resolves once the broker has acknowledged its records (per `acks`).
 * With a `transactionalId`, sends happen inside transactions (transactions.ts).
 */
import { BATCH_HEADER_SIZE, type CompressionType, compressionTypeFromName, recordSizeInBatch } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, abortError, closedError } from '../errors.ts';
import { Cluster, type TopicMeta } from '../network/cluster.ts';
import { resolveOptions } from '../options.ts';
import { FifoQueue } from '../fifo-queue.ts';
import { raceSignal, settledOrTimeout } from '../util.ts';
import { Accumulator, type PartitionQueue } from './accumulator.ts';
import { ProducerBatch, type RecordMetadata, SendGroup } from './batch.ts';
import { type PartitionInfo, type ProducerRecord, type SendOptions, keyBytes, normalizeHeaders } from './producer-record.ts';
import { type Partitioner, StickyPartitioner, partitionForKey } from './partitioner.ts';
import { type ProducerOptions, producerOptions } from './producer-config.ts';
import { ProducerTopics } from './producer-topics.ts';
import { Sender } from './sender.ts';
import { TransactionManager } from './transaction-manager.ts';
import { type ConsumerGroupMetadata, type TransactionOffsets, Transactions } from './transactions.ts';

export { type ProducerOptions, producerOptions } from './producer-config.ts';

export type { RecordMetadata } from './batch.ts';
export type { PartitionInfo, ProducerRecord, RecordHeaders, SendOptions } from './producer-record.ts';
export type { ConsumerGroupMetadata, TransactionOffsets } from './transactions.ts';

/** The largest a batch grows to when the sender falls behind (see batchCapacity). */
const MAX_GROWN_BATCH = 1 << 20;
/** Room left in a Produce request for its header and the topic and partition framing. */
const PRODUCE_REQUEST_OVERHEAD = 1024;

export class Producer {
  readonly options: Readonly<Required<Omit<ProducerOptions, 'compressionLevel' | 'partitioner' | 'tls' | 'sasl' | 'idempotent'>>> & ProducerOptions;
  private readonly cluster: Cluster;
  private readonly accumulator: Accumulator;
  private readonly sender: Sender;
  /** The topics sent to, forgotten after metadataMaxIdleMs unused (the cluster's TopicScope). */
  private readonly usedTopics: ProducerTopics;
  private readonly sticky = new Map<string, StickyPartitioner>();
  private readonly availableCache = new Map<string, { version: number; list: number[] }>();
  private readonly compression: CompressionType;
  private readonly idempotent: boolean;
  private readonly txnManager: TransactionManager;
  /** Set with a transactionalId. */
  private readonly transactions: Transactions | null;
  private closed = false;
  private closing: Promise<void> | null = null;

  /** An append is waiting for metadata or buffer memory; later sends queue in appendQueue. */
  private appendWaiting = false;
  private readonly appendQueue = new FifoQueue<() => void>();
  /** flush() calls waiting for the waiting and queued appends to reach a batch. */
  private appendsIdle: (() => void)[] = [];

  constructor(options: ProducerOptions) {
    const o = resolveOptions(producerOptions, options, 'producer');
    const acks = o.acks === 'all' ? -1 : o.acks;
    if (o.idempotent === true && acks !== -1) {
      throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, "idempotence needs acks 'all'; set acks: 'all' or idempotent: false");
    }
    const transactionalId = o.transactionalId ?? null;
    if (transactionalId !== null && (o.idempotent === false || acks !== -1)) {
      throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, "a transactionalId needs idempotence and acks 'all'; remove idempotent: false and set acks: 'all'");
    }
    const idempotent = o.idempotent ?? acks === -1;
    if (idempotent && o.maxInFlightRequestsPerConnection > 5) {
      throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'idempotence allows at most 5 maxInFlightRequestsPerConnection');
    }
    this.options = o as never;
    this.idempotent = idempotent;
    this.compression = compressionTypeFromName(o.compression);
    this.cluster = new Cluster({ ...o, allowAutoTopicCreation: true });
    this.accumulator = new Accumulator(o.bufferMemory);
    this.usedTopics = new ProducerTopics(o.metadataMaxIdleMs, (topic) => this.hasUndelivered(topic));
    this.cluster.setScope(this.usedTopics);
    this.txnManager = new TransactionManager(transactionalId);
    this.sender = new Sender(
      {
        acks: acks as -1 | 0 | 1,
        idempotent,
        lingerMs: o.lingerMs,
        batchSize: o.batchSize,
        maxRequestSize: o.maxRequestSize,
        maxInFlight: o.maxInFlightRequestsPerConnection,
        retries: o.retries,
        deliveryTimeoutMs: o.deliveryTimeoutMs,
        requestTimeoutMs: o.requestTimeoutMs,
        retryBackoffMs: o.retryBackoffMs,
        retryBackoffMaxMs: o.retryBackoffMaxMs,
        compression: this.compression,
        compressionLevel: o.compressionLevel,
      },
      this.cluster,
      this.accumulator,
      this.txnManager,
    );
    this.cluster.onUpdate(() => this.sender.wakeup());
    this.txnManager.onFatal = (e) => {
      this.sender.fatal = e;
      this.sender.wakeup();
    };
    this.transactions =
      transactionalId === null
        ? null
        : new Transactions(this.txnManager, this.cluster, { transactionalId, transactionTimeoutMs: o.transactionTimeoutMs, maxBlockMs: o.maxBlockMs, retryBackoffMs: o.retryBackoffMs, retryBackoffMaxMs: o.retryBackoffMaxMs }, {
            flush: () => this.flush(),
            abortUndrainedBatches: (e) => this.sender.abortUndrainedBatches(e),
            wakeup: () => this.sender.wakeup(),
          });
  }

  /** Whether this producer is idempotent (its option, or its default for the acks chosen). */
  get isIdempotent(): boolean {
    return this.idempotent;
  }

  /** The producer id and epoch of an idempotent producer (-1 until it has one). */
  get producerIdAndEpoch(): { producerId: bigint; epoch: number } {
    return { producerId: this.sender.producerId, epoch: this.sender.producerEpoch };
  }

  /**
   * Connects to the cluster and loads metadata. Optional: `send` connects on first use. Given
   * topics are looked up (and created when the broker auto-creates topics).
   */
  async connect(options: { topics?: string[]; signal?: AbortSignal } = {}): Promise<void> {
    this.assertOpen();
    if (options.topics?.length) {
      for (const t of options.topics) await this.waitForTopic(t, options.signal);
    } else {
      await this.cluster.refresh(options.signal);
    }
    this.sender.wakeup();
  }

  // ---------------------------------------------------------------- transactions (Java's names)

  /** Fences earlier producers with this transactionalId and aborts their open transaction; once, before the first transaction. */
  initTransactions(): Promise<void> {
    return this.txn().initTransactions();
  }

  beginTransaction(): void {
    this.txn().beginTransaction();
  }

  /** Commits the consumer's `offsets` (next offset to read) to its group with this transaction; `group`: `consumer.groupMetadata()`. */
  sendOffsetsToTransaction(offsets: TransactionOffsets, group: ConsumerGroupMetadata): Promise<void> {
    return this.txn().sendOffsetsToTransaction(offsets, group);
  }

  /** Flushes and commits. An error with category 'abortable' means: call abortTransaction(); any other non-retriable one: close the producer. */
  commitTransaction(): Promise<void> {
    return this.txn().commitTransaction();
  }

  abortTransaction(): Promise<void> {
    return this.txn().abortTransaction();
  }

  /** Runs `work` in a transaction: commits when it resolves, aborts (and rethrows) when it throws or the commit is refused as abortable. */
  async transaction<T>(work: (producer: this) => Promise<T>): Promise<T> {
    this.beginTransaction();
    try {
      const result = await work(this);
      await this.commitTransaction();
      return result;
    } catch (e) {
      // A dead producer aborts nothing; a commit that timed out may have happened (retry it, not abort).
      const { state } = this.txnManager;
      if (state !== 'FATAL_ERROR' && state !== 'COMMITTING_TRANSACTION') await this.abortTransaction();
      throw e;
    }
  }

  private txn(): Transactions {
    this.assertOpen();
    if (!this.transactions) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'transactions need the transactionalId option');
    return this.transactions;
  }

  /** Sends one record; resolves with its partition and offset once acknowledged. */
  send(record: ProducerRecord, options: SendOptions = {}): Promise<RecordMetadata> {
    if (this.transactions) {
      try {
        this.transactions.checkSend();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise<RecordMetadata>((resolve, reject) => {
      const group = new SendGroup(1, (r) => resolve(r[0]), reject);
      this.enqueueAppend([record], group, options.signal, Date.now());
    });
  }

  /**
   * Sends many records; resolves with their metadata, in order, once all are acknowledged, or
   * rejects with the first failure (records in other batches may still have been written).
   */
  sendBatch(records: readonly ProducerRecord[], options: SendOptions = {}): Promise<RecordMetadata[]> {
    if (records.length === 0) return Promise.resolve([]);
    if (this.transactions) {
      try {
        this.transactions.checkSend();
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return new Promise<RecordMetadata[]>((resolve, reject) => {
      const group = new SendGroup(records.length, resolve, reject);
      this.enqueueAppend(records, group, options.signal, Date.now());
    });
  }

  /**
   * Appends in call order. While an earlier send waits (for metadata or buffer memory), later
   * sends queue behind it, so records of one partition keep the order they were sent in, as with
   * the Java producer, whose send() blocks for those waits.
   */
  private enqueueAppend(records: readonly ProducerRecord[], group: SendGroup, signal: AbortSignal | undefined, now: number): void {
    if (this.appendWaiting) {
      this.appendQueue.push(() => this.appendFrom(records, 0, group, signal, now));
      return;
    }
    this.appendFrom(records, 0, group, signal, now);
  }

  /** An append that waited has finished: run the queued ones until one has to wait again. */
  private resumeAppends(): void {
    this.appendWaiting = false;
    while (!this.appendWaiting && this.appendQueue.length > 0) this.appendQueue.shift()!();
    if (!this.appendWaiting && this.appendsIdle.length > 0) {
      const waiters = this.appendsIdle;
      this.appendsIdle = [];
      for (const w of waiters) w();
    }
  }

  /** Appends records from `start`; continues asynchronously where it has to wait. */
  private appendFrom(records: readonly ProducerRecord[], start: number, group: SendGroup, signal: AbortSignal | undefined, now: number, held = 0): void {
    try {
      for (let i = start; i < records.length; i++) {
        if (group.isFailed) return;
        if (this.closed) throw closedError('producer');
        if (this.sender.fatal) throw this.sender.fatal;
        if (this.transactions && !this.transactions.acceptsAppends) throw this.transactions.appendRefused();
        if (signal?.aborted) throw abortError(signal, 'send');
        const r = records[i];
        this.usedTopics.use(r.topic, now);
        // Back into the Metadata requests, as Java's send adds its topic every time: a topic
        // forgotten for idleness while a refresh was out keeps its old metadata until the answer,
        // which then lacks it, and nothing would ask for it again.
        this.cluster.addTopics([r.topic]);
        const meta = this.cluster.topic(r.topic);
        if (meta === undefined || meta.partitions.length === 0) {
          this.appendWaiting = true;
          this.waitForTopic(r.topic, signal).then(
            () => this.appendFrom(records, i, group, signal, now),
            (e) => {
              this.failAppend(group, e);
              this.resumeAppends();
            },
          );
          return;
        }
        const wait = this.appendOne(r, i, group, meta, now, held);
        held = 0;
        if (wait !== 0) {
          this.appendWaiting = true;
          this.accumulator.reserve(wait, this.options.maxBlockMs, signal).then(
            () => this.appendFrom(records, i, group, signal, now, wait),
            (e) => {
              this.failAppend(group, e);
              this.resumeAppends();
            },
          );
          return;
        }
      }
      if (this.appendWaiting) this.resumeAppends();
    } catch (e) {
      if (held > 0) this.accumulator.release(held);
      this.failAppend(group, e);
      if (this.appendWaiting) this.resumeAppends();
    }
  }

  /**
   * A record accepted by send() could not join its batch. In a transaction that still runs, the
   * transaction can then no longer commit all that was sent: it becomes abortable, as in Java's
   * doSend (a RecordTooLargeException or a metadata timeout there).
   */
  private failAppend(group: SendGroup, e: unknown): void {
    const error = e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.INVALID_ARGUMENT, (e as Error)?.message ?? String(e), { cause: e });
    group.fail(error);
    if (this.transactions?.acceptsAppends) this.txnManager.transitionToAbortableError(error);
  }

  /**
   * Appends one record and returns 0, or returns the buffer memory to reserve before trying again
   * (then passed back as `held`).
   */
  private appendOne(r: ProducerRecord, index: number, group: SendGroup, meta: TopicMeta, now: number, held: number): number {
    const topic = r.topic;
    const numPartitions = meta.partitions.length;
    const key = r.key ?? null;
    const value = r.value ?? null;
    let partition: number;
    let sticky: StickyPartitioner | undefined;
    if (r.partition !== undefined) {
      partition = r.partition;
      if (!Number.isInteger(partition) || partition < 0 || partition >= numPartitions) {
        throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `partition ${partition} is not in topic '${topic}', which has ${numPartitions} partitions`, { topic });
      }
    } else {
      let chosen: number | undefined;
      if (this.options.partitioner) {
        chosen = this.options.partitioner({
          topic,
          key: key === null ? null : keyBytes(key),
          value: value === null ? null : keyBytes(value),
          numPartitions,
          availablePartitions: this.available(meta),
        });
        if (chosen !== undefined && (!Number.isInteger(chosen) || chosen < 0 || chosen >= numPartitions)) {
          throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `the partitioner chose partition ${chosen} of topic '${topic}', which has ${numPartitions}`, { topic });
        }
      }
      if (chosen === undefined) {
        if (key !== null && !this.options.partitionerIgnoreKeys) {
          chosen = partitionForKey(keyBytes(key), numPartitions);
        } else {
          sticky = this.stickyFor(topic);
          chosen = sticky.partition(this.available(meta), numPartitions);
        }
      }
      partition = chosen;
    }
    const timestamp = r.timestamp === undefined ? now : typeof r.timestamp === 'number' ? r.timestamp : r.timestamp.getTime();
    const headers = normalizeHeaders(r.headers);
    const q = this.accumulator.queue(topic, partition);
    if (this.transactions) this.txnManager.maybeAddPartition(q);
    let b = q.last;
    const keyLen = key === null ? -1 : typeof key === 'string' ? Buffer.byteLength(key) : key.length;
    const valueLen = value === null ? -1 : typeof value === 'string' ? Buffer.byteLength(value) : value.length;
    let size: number;
    if (b && !b.full && !b.isClosed && b.attempts === 0) {
      size = recordSizeInBatch(b.count, timestamp - b.baseTimestamp, keyLen, valueLen, headers);
      if (!b.hasRoomFor(size)) {
        b.full = true;
        this.sender.wakeup();
        b = undefined;
      }
    } else {
      b = undefined;
    }
    if (!b) {
      size = recordSizeInBatch(0, 0, keyLen, valueLen, headers);
      if (size + BATCH_HEADER_SIZE > this.options.maxRequestSize) {
        throw new KafkaError(ClientErrorCode.RECORD_TOO_LARGE, `a record of ${size} bytes is larger than maxRequestSize (${this.options.maxRequestSize})`, { topic, partition });
      }
      let capacity = Math.max(this.batchCapacity(q), size + BATCH_HEADER_SIZE);
      if (held >= capacity) {
        capacity = held;
        held = 0;
      } else if (!this.accumulator.tryReserve(capacity)) {
        if (held > 0) this.accumulator.release(held);
        this.sender.wakeup();
        return capacity;
      }
      b = new ProducerBatch(topic, partition, capacity, Date.now());
      q.batches.push(b);
      this.accumulator.nonEmpty.add(q);
      this.accumulator.incomplete.add(b);
      this.sender.wakeup();
    }
    const delta = b.append(timestamp, key, value, headers, size!);
    b.addRecord(group, index, delta, timestamp);
    if (b.sizeInBytes >= b.reserved) {
      b.full = true;
      this.sender.wakeup();
    }
    if (sticky) {
      sticky.appended(size!, b.full, this.available(meta), numPartitions, this.options.partitionerAdaptivePartitioningEnable ? (p) => this.refreshLoad(p, meta) : undefined);
    }
    if (held > 0) this.accumulator.release(held);
    return 0;
  }

  /**
   * How big a new batch of this partition may grow. `batchSize` while the sender keeps up; when
   * full batches are already queued behind the requests in flight, the sender is the bottleneck
   * and waiting records would only turn into more small requests (each one a sync on the
   * broker), so the new batch doubles per queued batch, up to 1 MiB and the request size limit.
   * Light loads see Java's batching; heavy loads get fewer, larger batches (as librdkafka's).
   */
  private batchCapacity(q: PartitionQueue): number {
    const base = this.options.batchSize;
    const queued = q.batches.length;
    if (queued === 0 || !q.batches[queued - 1].full) return base;
    const limit = Math.max(base, Math.min(MAX_GROWN_BATCH, this.options.maxRequestSize - PRODUCE_REQUEST_OVERHEAD, this.options.bufferMemory / 8));
    return Math.min(limit, base * 2 ** Math.min(queued, 8));
  }

  private stickyFor(topic: string): StickyPartitioner {
    let s = this.sticky.get(topic);
    if (!s) {
      s = new StickyPartitioner(this.options.batchSize);
      this.sticky.set(topic, s);
    }
    return s;
  }

  /** Partitions of the topic that have a leader (cached per metadata version). */
  private available(meta: TopicMeta): number[] {
    const cached = this.availableCache.get(meta.name);
    if (cached && cached.version === this.cluster.version) return cached.list;
    const list = meta.partitions.filter((p) => p.leader >= 0).map((p) => p.partition);
    this.availableCache.set(meta.name, { version: this.cluster.version, list });
    return list;
  }

  /** Queue lengths per available partition, for adaptive sticky partitioning (KIP-794). */
  private refreshLoad(p: StickyPartitioner, meta: TopicMeta): void {
    const queues = this.accumulator.topicQueues(meta.name);
    const ids = this.available(meta);
    const sizes = ids.map((id) => queues?.[id]?.batches.length ?? 0);
    p.updateLoad(sizes, ids, meta.partitions.length);
  }

  /** The topic's metadata, waited for up to maxBlockMs; the topic is kept as used meanwhile. */
  private waitForTopic(topic: string, signal: AbortSignal | undefined): Promise<TopicMeta> {
    return this.usedTopics.awaiting(topic, () => this.cluster.waitForTopic(topic, this.options.maxBlockMs, signal));
  }

  /** Batches of the topic queued or in flight (scanned only for a topic idle past metadataMaxIdleMs). */
  private hasUndelivered(topic: string): boolean {
    for (const b of this.accumulator.incomplete) if (b.topic === topic) return true;
    return false;
  }

  /** Sends everything buffered now and resolves when all of it is acknowledged (or failed). */
  async flush(options: { signal?: AbortSignal } = {}): Promise<void> {
    this.sender.flushing++;
    this.sender.wakeup();
    try {
      // Sends still waiting for metadata or buffer memory are in no batch yet: let them land first
      // (Java's send() blocks for those waits, so its flush() never has to).
      while (this.appendWaiting) await raceSignal(new Promise<void>((r) => this.appendsIdle.push(r)), options.signal, 'flush');
      const batches = [...this.accumulator.incomplete];
      if (batches.length === 0) return;
      this.sender.wakeup();
      await raceSignal(Promise.all(batches.map((b) => b.whenDone())), options.signal, 'flush');
    } finally {
      this.sender.flushing--;
    }
  }

  /** Partition metadata of a topic (waits for it, up to maxBlockMs). */
  async partitionsFor(topic: string, options: { signal?: AbortSignal } = {}): Promise<PartitionInfo[]> {
    this.assertOpen();
    const meta = await this.waitForTopic(topic, options.signal);
    return meta.partitions.map(({ errorCode: _, ...p }) => ({ topic, ...p }));
  }

  /**
   * Stops accepting records, sends what is buffered, and closes the connections. Records not
   * acknowledged within `timeoutMs` (default: no limit beyond deliveryTimeoutMs) fail with CLIENT_CLOSED.
   */
  close(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.closing = (async () => {
      this.sender.closing = true;
      this.sender.wakeup();
      // As Java's producer: a transaction still open is aborted rather than left to time out.
      const abort = this.transactions?.abortOnClose();
      if (abort) await (options.timeoutMs === undefined ? abort : settledOrTimeout(abort, options.timeoutMs));
      const pending = [...this.accumulator.incomplete].map((b) => b.whenDone());
      if (pending.length > 0) {
        const all = Promise.all(pending);
        await (options.timeoutMs === undefined ? all : settledOrTimeout(all, options.timeoutMs));
      }
      this.sender.failEverything(closedError('producer'));
      this.sender.stop();
      this.cluster.close();
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closed) throw closedError('producer');
  }
}
