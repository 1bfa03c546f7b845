/**
 * The sender: decides which batches are ready (full, lingered long enough, flushed, or memory is
 * short), drains them into one Produce request per broker (one batch per partition, up to
 * `maxRequestSize`, at most `maxInFlightRequestsPerConnection` requests in flight per broker),
 * and settles each batch from the response: done, retried after backoff, or failed.
 *
 * Idempotence follows the Java client's TransactionManager and RecordAccumulator:
 * - sequences are assigned when a batch is drained, never when it is retried, so a retry carries
 *   the same (producer id, epoch, sequence) and the broker drops it if it already has it;
 * - a retried batch goes back in sequence order and only the lowest in-flight sequence of a
 *   partition may be sent, so retries leave one request in flight for that partition;
 * - OUT_OF_ORDER_SEQUENCE_NUMBER for a batch that is not the next one expected is a consequence
 *   of an earlier failure and is retried; for the next expected batch it means a gap, and, like
 *   UNKNOWN_PRODUCER_ID (the broker lost our state), it bumps the epoch locally and restarts the
 *   partition's in-flight sequences from 0;
 * - a batch that expires after being sent leaves its partition "unresolved": no new sequences
 *   until the in-flight ones settle, then the epoch is bumped unless a later batch proved it landed.
 */
import { Apis, type CompressionType, ErrorCode, ZERO_UUID, errorInfo } from '@sluice/protocol';
import { batchChannel, type ClientBatchMessage } from '../diagnostics.ts';
import { ClientErrorCode, KafkaError, brokerError, isStaleMetadataCode } from '../errors.ts';
import type { Cluster } from '../network/cluster.ts';
import { backoffMs } from '../util.ts';
import type { Accumulator, PartitionQueue } from './accumulator.ts';
import type { ProducerBatch } from './batch.ts';
import { TransactionManager } from './transaction-manager.ts';

export interface SenderConfig {
  acks: -1 | 0 | 1;
  idempotent: boolean;
  lingerMs: number;
  /** The largest part a batch refused as too large is split into (each is also at most half of it). */
  batchSize: number;
  maxRequestSize: number;
  maxInFlight: number;
  retries: number;
  deliveryTimeoutMs: number;
  requestTimeoutMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  compression: CompressionType;
  compressionLevel: number | undefined;
}

/** Kafka's NETWORK_EXCEPTION: what a batch gets when its request never got an answer. */
const NETWORK_EXCEPTION = ErrorCode.NETWORK_EXCEPTION;

export class Sender {
  /** The producer id, epoch and sequences of the idempotent producer. */
  private readonly txn: TransactionManager;
  fatal: KafkaError | null = null;
  private scheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = Infinity;
  private readonly nodeInflight = new Map<number, number>();
  private readonly drainIndex = new Map<number, number>();
  /**
   * Per broker, settles once the last request drained for it has been written. Batches are closed
   * (compressed) asynchronously, so without this a later request could overtake an earlier one on
   * the wire, and the broker would see a partition's sequences out of order.
   */
  private readonly lastWrite = new Map<number, Promise<void>>();
  /** Batches go out at once while a flush or close waits. */
  flushing = 0;
  closing = false;
  stopped = false;

  private readonly config: SenderConfig;
  private readonly cluster: Cluster;
  private readonly accumulator: Accumulator;

  constructor(config: SenderConfig, cluster: Cluster, accumulator: Accumulator, txn?: TransactionManager) {
    this.config = config;
    this.cluster = cluster;
    this.accumulator = accumulator;
    this.txn = txn ?? new TransactionManager();
  }

  get producerId(): bigint {
    return this.txn.producerId;
  }

  get producerEpoch(): number {
    return this.txn.producerEpoch;
  }

  /** Runs the send loop soon (once, however often it is called before it runs). */
  wakeup(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.runOnce();
    });
  }

  private wakeAt(when: number): void {
    if (when === Infinity || this.stopped) return;
    if (this.timer && this.timerAt <= when) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = when;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Infinity;
      this.runOnce();
    }, Math.max(0, when - Date.now()));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private runOnce(): void {
    if (this.stopped) return;
    if (this.fatal) {
      this.failEverything(this.fatal);
      return;
    }
    const now = Date.now();
    const { idempotent } = this.config;
    if (idempotent && !this.txn.prepare()) {
      // A transactional producer gets its id from initTransactions().
      if (!this.txn.isTransactional) this.txn.initProducerId(this.cluster, this.config, () => this.stopped, (e) => (this.fatal = e), () => this.wakeup());
      this.expire(now);
      return;
    }
    if (this.txn.isTransactional) {
      // Records appended after the transaction became abortable are never sent (Java's abortUndrainedBatches).
      if (this.txn.state === 'ABORTABLE_ERROR' && this.txn.lastError) this.abortUndrainedBatches(this.txn.lastError);
      this.txn.maybeSendAddPartitions();
    }
    let next = this.expire(now);
    // As Java's RecordAccumulator: a broker is ready when one of its partitions has a sendable
    // batch, and then every partition it leads contributes its head batch, lingering or not, so
    // that one request carries as much as it can.
    const byNode = new Map<number, PartitionQueue[]>();
    const readyNodes = new Set<number>();
    let leaderMissing = false;
    for (const q of this.accumulator.nonEmpty) {
      const head = q.batches[0];
      if (!head) {
        this.accumulator.nonEmpty.delete(q);
        continue;
      }
      const leader = this.cluster.topic(q.topic)?.partitions[q.partition]?.leader ?? -1;
      if (leader < 0) {
        leaderMissing = true;
        continue;
      }
      const list = byNode.get(leader);
      if (list) list.push(q);
      else byNode.set(leader, [q]);
      const readyAt = this.readyAt(q, head);
      if (readyAt <= now) readyNodes.add(leader);
      else next = Math.min(next, readyAt);
    }
    if (leaderMissing) {
      this.cluster.requestUpdate();
      next = Math.min(next, now + this.config.retryBackoffMs);
    }
    for (const node of readyNodes) {
      const queues = byNode.get(node)!;
      while ((this.nodeInflight.get(node) ?? 0) < this.config.maxInFlight) {
        const batches = this.drain(node, queues, now);
        if (batches.length === 0) break;
        this.send(node, batches, now);
      }
    }
    this.wakeAt(next);
  }

  /** When the partition's head batch may be sent. */
  private readyAt(q: PartitionQueue, head: ProducerBatch): number {
    if (head.attempts > 0) return head.retryAt;
    if (head.full || q.batches.length > 1 || this.flushing > 0 || this.closing || this.accumulator.exhausted) return 0;
    return head.createdAt + this.config.lingerMs;
  }

  /** Fails queued batches older than deliveryTimeoutMs; returns when the next one expires. */
  private expire(now: number): number {
    let next = Infinity;
    const timeout = this.config.deliveryTimeoutMs;
    for (const q of this.accumulator.nonEmpty) {
      while (q.batches.length > 0 && now - q.batches[0].createdAt >= timeout) {
        const b = q.batches.shift()!;
        if (b.baseSequence >= 0) this.txn.markUnresolved(q, b);
        // A batch waiting to go again names why its last attempt failed: the expiry alone would
        // hide the reason (a broker's error, a throttle time that held the request).
        const lastFailure = b.lastError ? `; its last attempt failed: ${b.lastError.message}` : '';
        this.failBatch(
          q,
          b,
          new KafkaError(ClientErrorCode.DELIVERY_TIMEOUT, `expiring ${b.count} record(s) for ${q.topic}-${q.partition}: ${now - b.createdAt} ms have passed since the batch was created${lastFailure}`, {
            retriable: true,
            topic: q.topic,
            partition: q.partition,
            ...(b.lastError ? { cause: b.lastError } : {}),
          }),
          false,
        );
      }
      if (q.batches.length === 0) this.accumulator.nonEmpty.delete(q);
      else next = Math.min(next, q.batches[0].createdAt + timeout);
    }
    return next;
  }

  private drain(node: number, queues: PartitionQueue[], now: number): ProducerBatch[] {
    const out: ProducerBatch[] = [];
    const n = queues.length;
    let size = 0;
    const start = (this.drainIndex.get(node) ?? 0) % n;
    let i = 0;
    for (; i < n; i++) {
      const q = queues[(start + i) % n];
      const head = q.batches[0];
      // Lingering batches go along; only one waiting out a retry backoff stays.
      if (!head || (head.attempts > 0 && head.retryAt > now)) continue;
      if (this.config.maxInFlight === 1 && this.txn.hasBatchOnTheWire(q)) continue;
      if (!this.config.idempotent && this.config.maxInFlight === 1 && head.inFlight) continue;
      if (size + head.sizeInBytes > this.config.maxRequestSize && out.length > 0) break;
      if (this.config.idempotent && this.txn.mustWait(q, head)) continue;
      q.batches.shift();
      if (q.batches.length === 0) this.accumulator.nonEmpty.delete(q);
      if (this.config.idempotent && head.baseSequence < 0) this.txn.stamp(q, head);
      out.push(head);
      size += head.sizeInBytes;
    }
    this.drainIndex.set(node, start + i + 1);
    return out;
  }

  private send(node: number, batches: ProducerBatch[], now: number): void {
    this.nodeInflight.set(node, (this.nodeInflight.get(node) ?? 0) + 1);
    for (const b of batches) {
      b.inFlight = true;
      b.attempts++;
      b.leaderEpoch = this.cluster.topic(b.topic)?.partitions[b.partition]?.leaderEpoch ?? -1;
    }
    const previousWrite = this.lastWrite.get(node);
    let written!: () => void;
    const thisWrite = new Promise<void>((resolve) => (written = resolve));
    this.lastWrite.set(node, thisWrite);
    void this.sendAsync(node, batches, previousWrite, written)
      .finally(() => {
        written();
        if (this.lastWrite.get(node) === thisWrite) this.lastWrite.delete(node);
        this.nodeInflight.set(node, (this.nodeInflight.get(node) ?? 1) - 1);
        this.wakeup();
      });
  }

  /** Sends one Produce request, written after `previousWrite` and announcing its own through `written`. */
  private async sendAsync(node: number, batches: ProducerBatch[], previousWrite: Promise<void> | undefined, written: () => void): Promise<void> {
    const { compression, compressionLevel, acks } = this.config;
    let version = -1;
    try {
      for (const b of batches) if (!b.isClosed) await b.close(compression, compressionLevel);
      const conn = await this.cluster.connection(node);
      await previousWrite;
      // Produce 12 lets the partition leader add the partition to the transaction (KIP-890);
      // without transactions v2 the producer has added it and must not ask for that.
      version = conn.requireVersion(Apis.Produce, this.txn.isTransactional && !this.txn.transactionV2 ? 11 : undefined);
      const byTopic = new Map<string, ProducerBatch[]>();
      for (const b of batches) {
        const list = byTopic.get(b.topic);
        if (list) list.push(b);
        else byTopic.set(b.topic, [b]);
      }
      if (version >= 13) {
        for (const t of byTopic.keys()) {
          const id = this.cluster.topic(t)?.topicId;
          if (!id || id === ZERO_UUID) {
            version = conn.requireVersion(Apis.Produce, 12);
            break;
          }
        }
      }
      const topicData = [...byTopic].map(([name, list]) => ({
        ...(version >= 13 ? { topicId: this.cluster.topic(name)!.topicId } : { name }),
        partitionData: list.map((b) => ({ index: b.partition, records: b.encoded })),
      }));
      const body = { transactionalId: this.txn.transactionalId, acks, timeoutMs: this.config.requestTimeoutMs, topicData };
      if (acks === 0) {
        // A broker's throttle may hold a Produce as long as its batches may wait, as in Java.
        const sent = conn.request(Apis.Produce, body, { version, noResponse: true, maxThrottleWaitMs: this.config.deliveryTimeoutMs });
        written();
        await sent;
        for (const b of batches) this.completeBatch(this.accumulator.queue(b.topic, b.partition), b, -1n, -1);
        return;
      }
      const response = conn.request(Apis.Produce, body, { version, maxThrottleWaitMs: this.config.deliveryTimeoutMs });
      written();
      const res = await response;
      const now = Date.now();
      const found = new Set<ProducerBatch>();
      for (const t of res.responses) {
        const name = version >= 13 ? this.cluster.topicNameById(t.topicId) : t.name;
        const list = name === undefined ? undefined : byTopic.get(name);
        if (!list) continue;
        for (const p of t.partitionResponses) {
          const b = list.find((x) => x.partition === p.index);
          if (!b || found.has(b)) continue;
          found.add(b);
          const q = this.accumulator.queue(b.topic, b.partition);
          if (p.errorCode === 0) {
            this.completeBatch(q, b, p.baseOffset, p.logAppendTimeMs >= 0n ? Number(p.logAppendTimeMs) : -1);
          } else {
            const detail = p.errorMessage ?? (p.recordErrors.length > 0 ? p.recordErrors.map((r) => `record ${r.batchIndex}: ${r.batchIndexErrorMessage}`).join('; ') : null);
            this.onError(q, b, p.errorCode, brokerError(p.errorCode, `producing to ${b.topic}-${b.partition}`, { topic: b.topic, partition: b.partition, message: detail }), p.logStartOffset, now);
          }
        }
      }
      for (const b of batches) {
        if (found.has(b)) continue;
        const e = new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `the Produce response has no answer for ${b.topic}-${b.partition}`, { retriable: true });
        this.onError(this.accumulator.queue(b.topic, b.partition), b, NETWORK_EXCEPTION, e, -1n, now);
      }
    } catch (e) {
      const error =
        e instanceof KafkaError ? e : new KafkaError(ClientErrorCode.PROTOCOL_ERROR, `Produce to broker ${node} failed: ${(e as Error)?.message ?? e}`, { cause: e });
      const now = Date.now();
      if (error.code === ClientErrorCode.UNSUPPORTED_API) this.fatal = new KafkaError(ClientErrorCode.PRODUCER_FATAL, error.message, { cause: error });
      for (const b of batches) {
        if (b.done) continue;
        const q = this.accumulator.queue(b.topic, b.partition);
        if (error.retriable) this.onError(q, b, NETWORK_EXCEPTION, error, -1n, now);
        else this.failBatch(q, b, error, true);
      }
      if (error.retriable) this.cluster.requestUpdate();
    }
  }

  private onError(q: PartitionQueue, b: ProducerBatch, code: number, error: KafkaError, logStartOffset: bigint, now: number): void {
    b.inFlight = false;
    if (b.done) return;
    if (code === ErrorCode.CLUSTER_AUTHORIZATION_FAILED || code === ErrorCode.UNSUPPORTED_VERSION) {
      this.fatal = new KafkaError(ClientErrorCode.PRODUCER_FATAL, `the producer cannot continue: ${error.message}`, { cause: error });
      this.failBatch(q, b, error, false);
      return;
    }
    if (isStaleMetadataCode(code)) this.cluster.requestUpdate();
    if (code === ErrorCode.MESSAGE_TOO_LARGE && b.count > 1 && !this.stopped) {
      this.splitAndReenqueue(q, b);
      return;
    }
    if (this.canRetry(q, b, code, logStartOffset, now)) {
      b.retryAt = now + backoffMs(b.attempts - 1, this.config.retryBackoffMs, this.config.retryBackoffMaxMs);
      b.lastError = error;
      q.reenqueue(b);
      this.accumulator.nonEmpty.add(q);
      return;
    }
    if (code === ErrorCode.DUPLICATE_SEQUENCE_NUMBER) {
      // The broker has it but no longer remembers where: done, offset unknown (as Java does).
      this.completeBatch(q, b, -1n, -1);
      return;
    }
    const final =
      code === NETWORK_EXCEPTION
        ? error
        : now - b.createdAt >= this.config.deliveryTimeoutMs
          ? new KafkaError(ClientErrorCode.DELIVERY_TIMEOUT, `gave up on ${b.count} record(s) for ${q.topic}-${q.partition} after deliveryTimeoutMs: ${error.message}`, {
              cause: error,
              retriable: true,
              topic: q.topic,
              partition: q.partition,
            })
          : error;
    if (this.config.idempotent) {
      if (code === ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER || code === ErrorCode.UNKNOWN_PRODUCER_ID) this.txn.requestEpochBump(q);
    }
    this.failBatch(q, b, final, true);
  }

  /**
   * A batch larger than the topic's max.message.bytes goes again as smaller batches (Java's
   * splitAndReenqueue), so that one oversized record fails alone instead of with its neighbours.
   * The parts take the batch's sequences and go first, in order; a part refused again is split
   * again.
   */
  private splitAndReenqueue(q: PartitionQueue, b: ProducerBatch): void {
    // At most half of the refused batch each, so that splitting always progresses down to single
    // records (a batch smaller than batchSize can still exceed the topic's max.message.bytes).
    const parts = b.split(Math.min(this.config.batchSize, Math.ceil(b.sizeInBytes / 2)));
    this.accumulator.incomplete.delete(b);
    if (this.config.idempotent && b.baseSequence >= 0) this.txn.replaceInflight(q, b, parts);
    for (let i = parts.length - 1; i >= 0; i--) {
      this.accumulator.incomplete.add(parts[i]!);
      q.reenqueue(parts[i]!);
    }
    this.accumulator.nonEmpty.add(q);
  }

  /** Java's Sender.canRetry plus TransactionManager.canRetry for the idempotent producer. */
  private canRetry(q: PartitionQueue, b: ProducerBatch, code: number, logStartOffset: bigint, now: number): boolean {
    if (this.stopped) return false;
    if (now - b.createdAt >= this.config.deliveryTimeoutMs) return false;
    if (b.attempts > this.config.retries) return false;
    const retriable = code === NETWORK_EXCEPTION || errorInfo(code).retriable;
    if (!this.config.idempotent) return retriable;
    return this.txn.canRetry(q, b, code, logStartOffset, retriable);
  }

  private completeBatch(q: PartitionQueue, b: ProducerBatch, baseOffset: bigint, logAppendTime: number): void {
    b.inFlight = false;
    if (b.done) return;
    if (this.config.idempotent && b.baseSequence >= 0) this.txn.acknowledged(q, b, baseOffset);
    this.finish(b);
    if (batchChannel.hasSubscribers) this.publishBatch(b, { baseOffset });
    b.complete(baseOffset, logAppendTime);
  }

  private failBatch(q: PartitionQueue, b: ProducerBatch, error: KafkaError, adjustSequences: boolean): void {
    b.inFlight = false;
    if (b.done) return;
    // A sequence that will never be acknowledged leaves a gap: restart the partition's sequences.
    if (this.config.idempotent && b.baseSequence >= 0) this.txn.failed(q, b, adjustSequences);
    this.finish(b);
    if (batchChannel.hasSubscribers) this.publishBatch(b, { error });
    b.fail(error);
    this.txn.batchFailed(error);
  }

  private publishBatch(b: ProducerBatch, outcome: { baseOffset: bigint } | { error: KafkaError }): void {
    const message: ClientBatchMessage = { clientId: this.cluster.config.clientId, topic: b.topic, partition: b.partition, records: b.count, bytes: b.sizeInBytes, ...outcome };
    batchChannel.publish(message);
  }

  private finish(b: ProducerBatch): void {
    this.accumulator.incomplete.delete(b);
    this.accumulator.release(b.reserved);
  }

  /** Fails the batches not yet drained (they have no sequence, so no gap is left); retries go on. */
  abortUndrainedBatches(error: KafkaError): void {
    for (const q of [...this.accumulator.nonEmpty]) {
      const kept = q.batches.filter((b) => b.baseSequence >= 0);
      const dropped = q.batches.filter((b) => b.baseSequence < 0);
      if (dropped.length === 0) continue;
      q.batches.splice(0, q.batches.length, ...kept);
      if (kept.length === 0) this.accumulator.nonEmpty.delete(q);
      for (const b of dropped) this.failBatch(q, b, error, false);
    }
  }

  /** Fails every queued and in-flight batch (fatal error or forced close). */
  failEverything(error: KafkaError): void {
    for (const b of [...this.accumulator.incomplete]) {
      const q = this.accumulator.queue(b.topic, b.partition);
      const i = q.batches.indexOf(b);
      if (i >= 0) q.batches.splice(i, 1);
      this.failBatch(q, b, error, false);
    }
    this.accumulator.nonEmpty.clear();
    this.accumulator.failWaiters(error);
  }
}
