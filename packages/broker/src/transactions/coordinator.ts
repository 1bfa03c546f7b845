/**
 * The transaction coordinator: one owner for every transactional id's state (Kafka's
 * TransactionCoordinator over its TransactionStateManager). It serves InitProducerId with a
 * transactional id, AddPartitionsToTxn, AddOffsetsToTxn (through addPartitions), EndTxn for
 * both transaction protocols (version 1: the client adds partitions and keeps its epoch;
 * version 2, KIP-890: the leader adds partitions and every transaction ends with an epoch bump),
 * KIP-890's verification for partition leaders, DescribeTransactions and ListTransactions; it
 * aborts transactions left open past their timeout and forgets ids idle past
 * transactional.id.expiration.ms.
 *
 * Every change is written to __transaction_state before it takes effect (metadata.ts). Ending
 * a transaction is two-phase: PrepareCommit/PrepareAbort is written (the outcome is decided),
 * then the markers are written to every partition and CompleteCommit/CompleteAbort closes it
 * (completion.ts); the producer is answered after that. After a restart, the transactions found in a Prepare state are completed the
 * same way, so a transaction ends wholly committed or wholly aborted whenever the process died.
 *
 * Requests on one id never interleave their changes: a change in flight (`pending`) makes the
 * others answer CONCURRENT_TRANSACTIONS, which clients retry, as Kafka's coordinator does.
 */
import { ErrorCode } from '@sluice/protocol';
import type { ErrorLog } from '../contain.ts';
import type { Timer } from '../groups/timer.ts';
import { TransactionCompleter } from './completion.ts';
import {
  MAX_EPOCH,
  NO_PARTITIONS,
  type TopicPartition,
  TransactionMetadata,
  type TxnSnapshot,
  type TxnStateName,
  isEpochExhausted,
  newTransaction,
  txnPartitionKey,
} from './metadata.ts';
import { type ReadTransactionRecord, transactionRecord, transactionTombstone, valueVersionFor } from './records.ts';
import type { TransactionStore } from './state-topic.ts';
import type { MarkerWriter, ProducerIdAndEpoch, TransactionCoordinatorConfig, VerifyMode } from './types.ts';
import { type ListTransactionsFilter, type TransactionDescription, type TransactionList, describeTransaction, listTransactions } from './queries.ts';

export type { ListTransactionsFilter, TransactionDescription, TransactionList } from './queries.ts';

const fail = (errorCode: number): ProducerIdAndEpoch => ({ errorCode, producerId: -1n, producerEpoch: -1 });

type CoordinatorLog = ErrorLog & { info(message: string): void; warn(message: string): void };

/**
 * EndTxn while the transaction's end is being written: the same outcome again is
 * CONCURRENT_TRANSACTIONS (the client retries until it completes), the other one INVALID_TXN_STATE.
 */
function endWhilePreparing(state: 'PrepareCommit' | 'PrepareAbort', commit: boolean): number {
  return commit === (state === 'PrepareCommit') ? ErrorCode.CONCURRENT_TRANSACTIONS : ErrorCode.INVALID_TXN_STATE;
}

export class TransactionCoordinator {
  private readonly txns = new Map<string, TransactionMetadata>();
  private readonly completer: TransactionCompleter;
  /** Work started by the coordinator itself (aborts of timed-out transactions), for idle(). */
  private readonly background = new Set<Promise<unknown>>();
  private loaded = false;

  private readonly config: TransactionCoordinatorConfig;
  private readonly store: TransactionStore;
  private readonly allocateProducerId: () => Promise<bigint>;
  private readonly timer: Timer;
  private readonly log: CoordinatorLog;

  constructor(config: TransactionCoordinatorConfig, store: TransactionStore, markers: MarkerWriter, allocateProducerId: () => Promise<bigint>, timer: Timer, log: CoordinatorLog) {
    this.config = config;
    this.store = store;
    this.allocateProducerId = allocateProducerId;
    this.timer = timer;
    this.log = log;
    this.completer = new TransactionCompleter(markers, (meta, changes) => this.write(meta, changes, false), timer, log);
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * Rebuilds the state from __transaction_state records (the last record of an id wins, a
   * tombstone forgets it), then completes every transaction that was ending when the broker
   * stopped. Requests are answered COORDINATOR_LOAD_IN_PROGRESS until the records are read.
   */
  async load(records: AsyncIterable<ReadTransactionRecord>): Promise<number> {
    let count = 0;
    for await (const r of records) {
      count++;
      if (r.snapshot === null) this.txns.delete(r.transactionalId);
      else this.txns.set(r.transactionalId, new TransactionMetadata(r.transactionalId, r.snapshot));
    }
    this.loaded = true;
    for (const meta of this.txns.values()) {
      if (meta.state === 'PrepareCommit' || meta.state === 'PrepareAbort') {
        this.log.info(`completing transaction ${meta.transactionalId} (${meta.state}) found on start`);
        void this.completer.complete(meta);
      }
    }
    return count;
  }

  /** Starts the periodic sweeps for timed-out transactions and expired ids. */
  start(): void {
    this.scheduleTimeoutSweep();
    this.scheduleExpirationSweep();
  }

  /** Stops the sweeps and the completions' retries; resolves when the writes in flight have settled. */
  async stop(): Promise<void> {
    this.timer.cancelAll();
    await Promise.all([...this.background]);
    await this.completer.stop();
  }

  /** Resolves when no transaction is being completed (tests, and a clean stop). */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.all([...this.background]);
    await this.completer.idle();
  }

  private track(work: Promise<unknown>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }

  /** The transactional ids known, for tests and tools. */
  get size(): number {
    return this.txns.size;
  }

  // ------------------------------------------------------------------ writing a change

  /**
   * prepare, write, complete; the error code of a failed write (the change then did not happen).
   * Every record is synced before the change takes effect, except CompleteCommit/CompleteAbort
   * (`durable` false, see completion.ts).
   */
  private async write(meta: TransactionMetadata, changes: Partial<TxnSnapshot> & { state: TxnStateName }, durable = true): Promise<number> {
    const target = meta.prepare(changes, this.timer.now());
    try {
      await this.store.append(meta.transactionalId, transactionRecord(meta.transactionalId, target, valueVersionFor(this.config.transactionVersionLevel)), durable);
    } catch (e) {
      meta.abandon();
      this.log.error(`writing ${target.state} of transactional id ${meta.transactionalId} to __transaction_state failed`, e);
      // Kafka answers a failed append of the state log as the coordinator not being available: retriable.
      return ErrorCode.COORDINATOR_NOT_AVAILABLE;
    }
    meta.complete();
    return ErrorCode.NONE;
  }

  private checkActive(transactionalId: string): number {
    if (transactionalId === '') return ErrorCode.INVALID_REQUEST;
    if (!this.loaded) return ErrorCode.COORDINATOR_LOAD_IN_PROGRESS;
    return ErrorCode.NONE;
  }

  // ------------------------------------------------------------------ InitProducerId

  /**
   * A producer id and epoch for a transactional id (TransactionCoordinator.handleInitProducerId).
   * `producerId`/`producerEpoch` are -1 unless the client gives its current ones (v3+, KIP-360):
   * then only that producer may bump the epoch. An open transaction of the id is aborted first
   * (the answer is CONCURRENT_TRANSACTIONS; the client's retry gets the new epoch).
   */
  async initProducerId(transactionalId: string, timeoutMs: number, producerId: bigint, producerEpoch: number): Promise<ProducerIdAndEpoch> {
    const active = this.checkActive(transactionalId);
    if (active !== ErrorCode.NONE) return fail(active);
    if (timeoutMs <= 0 || timeoutMs > this.config.maxTimeoutMs) return fail(ErrorCode.INVALID_TRANSACTION_TIMEOUT);
    let meta = this.txns.get(transactionalId);
    if (meta === undefined) {
      const id = await this.allocateProducerId();
      // Another request may have created it while the id was being allocated.
      meta = this.txns.get(transactionalId);
      if (meta === undefined) {
        meta = new TransactionMetadata(transactionalId, newTransaction(id, timeoutMs, this.timer.now()));
        this.txns.set(transactionalId, meta);
      }
    }
    if (meta.pending !== null) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    const given = producerId !== -1n;
    const c = meta.current;
    if (given && !(c.producerEpoch === -1 || producerId === c.producerId || (producerId === c.previousProducerId && isEpochExhausted(producerEpoch)))) {
      return fail(ErrorCode.PRODUCER_FENCED);
    }
    switch (c.state) {
      case 'PrepareCommit':
      case 'PrepareAbort':
      case 'PrepareEpochFence':
      case 'Dead':
        return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
      case 'Ongoing': {
        // Never handed out: the abort fences the old producer, and the client's retry bumps again.
        const error = await this.fenceAndAbort(meta);
        return fail(error === ErrorCode.NONE ? ErrorCode.CONCURRENT_TRANSACTIONS : error);
      }
      default:
        break;
    }
    // A retry of an InitProducerId that rotated the id (the epoch was exhausted): answer as before.
    if (given && producerId === c.previousProducerId && producerId !== c.producerId) {
      return { errorCode: ErrorCode.NONE, producerId: c.producerId, producerEpoch: c.producerEpoch };
    }
    const idle = { state: 'Empty' as const, timeoutMs, partitions: NO_PARTITIONS, startTimestamp: -1 };
    let changes: Partial<TxnSnapshot> & { state: 'Empty' };
    if (isEpochExhausted(c.producerEpoch) && (!given || producerEpoch === c.producerEpoch)) {
      changes = { ...idle, producerId: await this.allocateProducerId(), previousProducerId: c.producerId, producerEpoch: 0, lastProducerEpoch: -1 };
      // Another request may have changed the id while the new producer id was being allocated.
      if (meta.pending !== null || meta.current !== c) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    } else if (!given) {
      changes = { ...idle, producerEpoch: c.producerEpoch + 1, lastProducerEpoch: -1 };
    } else if (c.producerEpoch === -1 || producerEpoch === c.producerEpoch) {
      changes = { ...idle, producerEpoch: c.producerEpoch + 1, lastProducerEpoch: c.producerEpoch };
    } else if (producerEpoch === c.lastProducerEpoch) {
      // The retry of a bump that succeeded: the answer it did not receive.
      return { errorCode: ErrorCode.NONE, producerId: c.producerId, producerEpoch: c.producerEpoch };
    } else {
      return fail(ErrorCode.PRODUCER_FENCED);
    }
    const error = await this.write(meta, changes);
    if (error !== ErrorCode.NONE) {
      // A new id whose first record failed is not kept: nothing on disk knows it.
      if (meta.current.producerEpoch === -1 && this.txns.get(transactionalId) === meta) this.txns.delete(transactionalId);
      return fail(error);
    }
    return { errorCode: ErrorCode.NONE, producerId: meta.producerId, producerEpoch: meta.producerEpoch };
  }

  // ------------------------------------------------------------------ adding partitions

  private checkProducer(meta: TransactionMetadata | undefined, producerId: bigint, producerEpoch: number): number {
    if (meta === undefined || meta.producerId !== producerId) return ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (meta.producerEpoch !== producerEpoch) return ErrorCode.PRODUCER_FENCED;
    if (meta.pending !== null || meta.state === 'PrepareCommit' || meta.state === 'PrepareAbort') return ErrorCode.CONCURRENT_TRANSACTIONS;
    return ErrorCode.NONE;
  }

  /**
   * Adds partitions to the producer's transaction, opening it if none is open; resolves once
   * the Ongoing record is durable. The partitions must exist (the caller checks). The
   * transaction takes `clientTransactionVersion` (0 from AddPartitionsToTxn, 2 from a KIP-890
   * leader's implicit add).
   */
  async addPartitions(transactionalId: string, producerId: bigint, producerEpoch: number, partitions: readonly TopicPartition[], clientTransactionVersion = 0): Promise<number> {
    const active = this.checkActive(transactionalId);
    if (active !== ErrorCode.NONE) return active;
    const meta = this.txns.get(transactionalId);
    const error = this.checkProducer(meta, producerId, producerEpoch);
    if (error !== ErrorCode.NONE) return error;
    const c = meta!.current;
    if (c.state === 'Ongoing' && partitions.every((p) => c.partitions.has(txnPartitionKey(p.topic, p.partition)))) return ErrorCode.NONE;
    const merged = new Map(c.state === 'Ongoing' ? c.partitions : NO_PARTITIONS);
    for (const p of partitions) merged.set(txnPartitionKey(p.topic, p.partition), { topic: p.topic, partition: p.partition });
    return this.write(meta!, {
      state: 'Ongoing',
      partitions: merged,
      startTimestamp: c.state === 'Ongoing' ? c.startTimestamp : this.timer.now(),
      clientTransactionVersion: c.state === 'Ongoing' ? c.clientTransactionVersion : clientTransactionVersion,
    });
  }

  /**
   * KIP-890 for partition leaders (WP3's produce path, WP4's TxnOffsetCommit): 'verify' answers,
   * per partition (by txnPartitionKey), NONE when the partition is in the producer's open
   * transaction and TRANSACTION_ABORTABLE when not, without writing; 'add' adds the partitions
   * (transactions version 2, Produce v12+ / TxnOffsetCommit v5) and answers every partition with
   * the outcome. The coordinator's own refusals (INVALID_PRODUCER_ID_MAPPING, PRODUCER_FENCED,
   * CONCURRENT_TRANSACTIONS, COORDINATOR_LOAD_IN_PROGRESS, INVALID_REQUEST) go to every partition;
   * mapping them to the request's version is the caller's.
   */
  async verifyOrAdd(transactionalId: string, producerId: bigint, producerEpoch: number, partitions: readonly TopicPartition[], mode: VerifyMode): Promise<Map<string, number>> {
    const answer = (code: (p: TopicPartition) => number) => new Map(partitions.map((p) => [txnPartitionKey(p.topic, p.partition), code(p)]));
    if (mode === 'add') {
      const error = await this.addPartitions(transactionalId, producerId, producerEpoch, partitions, 2);
      return answer(() => error);
    }
    const active = this.checkActive(transactionalId);
    if (active !== ErrorCode.NONE) return answer(() => active);
    const meta = this.txns.get(transactionalId);
    if (meta === undefined || meta.producerId !== producerId) return answer(() => ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    if (meta.producerEpoch !== producerEpoch) return answer(() => ErrorCode.PRODUCER_FENCED);
    if (meta.pending !== null || meta.state === 'PrepareCommit' || meta.state === 'PrepareAbort') return answer(() => ErrorCode.CONCURRENT_TRANSACTIONS);
    const open = meta.state === 'Ongoing' ? meta.current.partitions : NO_PARTITIONS;
    return answer((p) => (open.has(txnPartitionKey(p.topic, p.partition)) ? ErrorCode.NONE : ErrorCode.TRANSACTION_ABORTABLE));
  }

  /** Whether the producer's open transaction holds the partition: for a leader that already knows the producer. */
  isInTransaction(transactionalId: string, producerId: bigint, producerEpoch: number, topic: string, partition: number): boolean {
    const meta = this.txns.get(transactionalId);
    return meta !== undefined && meta.producerId === producerId && meta.producerEpoch === producerEpoch && meta.state === 'Ongoing' && meta.current.partitions.has(txnPartitionKey(topic, partition));
  }

  // ------------------------------------------------------------------ EndTxn

  /**
   * Commits or aborts the producer's transaction: PrepareCommit/PrepareAbort made durable (the
   * outcome is then decided), the markers, CompleteCommit/CompleteAbort; resolves after them.
   * `clientTransactionVersion` is 2 for EndTxn v5 (the epoch is bumped and the new id/epoch
   * answered), else 0.
   */
  async endTransaction(transactionalId: string, producerId: bigint, producerEpoch: number, commit: boolean, clientTransactionVersion: number): Promise<ProducerIdAndEpoch> {
    const active = this.checkActive(transactionalId);
    if (active !== ErrorCode.NONE) return fail(active);
    const meta = this.txns.get(transactionalId);
    return clientTransactionVersion >= 2 ? this.endV2(meta, producerId, producerEpoch, commit) : this.endV1(meta, producerId, producerEpoch, commit);
  }

  private current(meta: TransactionMetadata): ProducerIdAndEpoch {
    return { errorCode: ErrorCode.NONE, producerId: meta.producerId, producerEpoch: meta.producerEpoch };
  }

  /** The original protocol (TransactionCoordinator.endTransactionWithTV1): the epoch stays. */
  private async endV1(meta: TransactionMetadata | undefined, producerId: bigint, producerEpoch: number, commit: boolean): Promise<ProducerIdAndEpoch> {
    if (meta === undefined || meta.producerId !== producerId) return fail(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    if (meta.producerEpoch !== producerEpoch) return fail(ErrorCode.PRODUCER_FENCED);
    if (meta.pending !== null) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    switch (meta.state) {
      case 'Ongoing':
        return this.prepareEnd(meta, commit, { clientTransactionVersion: 0 });
      case 'CompleteCommit':
        return commit ? this.current(meta) : fail(ErrorCode.INVALID_TXN_STATE);
      case 'CompleteAbort':
        return commit ? fail(ErrorCode.INVALID_TXN_STATE) : this.current(meta);
      case 'PrepareCommit':
      case 'PrepareAbort':
        return fail(endWhilePreparing(meta.state, commit));
      default:
        return fail(ErrorCode.INVALID_TXN_STATE);
    }
  }

  /**
   * Transactions version 2 (TransactionCoordinator.endTransaction): every end bumps the epoch; a
   * retry is recognised by the client's epoch being one below ours (or the id rotated on overflow).
   */
  private async endV2(meta: TransactionMetadata | undefined, producerId: bigint, producerEpoch: number, commit: boolean): Promise<ProducerIdAndEpoch> {
    if (meta === undefined) return fail(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    const c = meta.current;
    const retryOnEpochBump = c.producerEpoch === producerEpoch + 1;
    const retryOnOverflow = c.previousProducerId === producerId && producerEpoch === MAX_EPOCH - 1 && c.producerEpoch === 0;
    if (c.producerId !== producerId && !retryOnOverflow) return fail(ErrorCode.INVALID_PRODUCER_ID_MAPPING);
    const isCurrent = producerEpoch === c.producerEpoch && c.producerId === producerId;
    const retry = retryOnEpochBump || retryOnOverflow;
    let validEpoch: boolean;
    switch (c.state) {
      case 'Ongoing':
      case 'Empty':
        validEpoch = isCurrent;
        break;
      case 'PrepareCommit':
      case 'PrepareAbort':
        validEpoch = retryOnEpochBump;
        break;
      case 'CompleteCommit':
      case 'CompleteAbort':
        validEpoch = retry || isCurrent;
        break;
      default:
        validEpoch = false;
    }
    if (!validEpoch) return fail(ErrorCode.PRODUCER_FENCED);
    if (meta.pending !== null) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    switch (c.state) {
      case 'Ongoing':
        return this.prepareEnd(meta, commit, { clientTransactionVersion: 2 });
      case 'Empty':
        return commit ? fail(ErrorCode.INVALID_TXN_STATE) : this.prepareEnd(meta, false, { clientTransactionVersion: 2 });
      case 'CompleteAbort':
        if (commit) return fail(ErrorCode.INVALID_TXN_STATE);
        return retry ? this.current(meta) : this.prepareEnd(meta, false, { clientTransactionVersion: 2 });
      case 'CompleteCommit':
        if (commit) return retry ? this.current(meta) : fail(ErrorCode.INVALID_TXN_STATE);
        return retry ? fail(ErrorCode.INVALID_TXN_STATE) : this.prepareEnd(meta, false, { clientTransactionVersion: 2 });
      case 'PrepareCommit':
      case 'PrepareAbort':
        return fail(endWhilePreparing(c.state, commit));
      default:
        return fail(ErrorCode.INVALID_TXN_STATE);
    }
  }

  /**
   * Writes PrepareCommit/PrepareAbort and starts the completion. Transactions version 2 bumps the
   * epoch here (`bumps` times: 2 when the coordinator fences a producer, so that the fenced
   * producer's own retry cannot pass for a retry of this end); when the epoch would run out, the
   * transaction takes a new producer id at completion, as Kafka's prepareAbortOrCommit does.
   * An abort with no partitions (version 2 only) completes without markers.
   */
  private async prepareEnd(meta: TransactionMetadata, commit: boolean, opts: { clientTransactionVersion: number; epochBumps?: number }): Promise<ProducerIdAndEpoch> {
    const c = meta.current;
    const fromIdle = c.state !== 'Ongoing';
    const changes: Partial<TxnSnapshot> & { state: TxnStateName } = {
      state: commit ? 'PrepareCommit' : 'PrepareAbort',
      clientTransactionVersion: opts.clientTransactionVersion,
      ...(fromIdle ? { partitions: NO_PARTITIONS, startTimestamp: this.timer.now() } : {}),
    };
    const bumps = opts.epochBumps ?? (opts.clientTransactionVersion >= 2 ? 1 : 0);
    let epoch = c.producerEpoch;
    for (let i = 0; i < bumps && epoch < MAX_EPOCH; i++) epoch++;
    if (epoch !== c.producerEpoch) {
      changes.producerEpoch = epoch;
      changes.lastProducerEpoch = epoch - 1;
    }
    if (opts.clientTransactionVersion >= 2 && isEpochExhausted(epoch)) {
      changes.nextProducerId = await this.allocateProducerId();
      // Another request may have changed the id while the new producer id was being allocated.
      if (meta.pending !== null || meta.current !== c) return fail(ErrorCode.CONCURRENT_TRANSACTIONS);
    }
    const error = await this.write(meta, changes);
    if (error !== ErrorCode.NONE) return fail(error);
    const prepared = meta.current;
    // Kafka answers as soon as the decision is durable and writes the markers after; waiting for
    // them (local appends, a few syncs) spares the producer's next transaction a round of
    // CONCURRENT_TRANSACTIONS retries. The decision stands either way: a restart completes it.
    await this.completer.complete(meta);
    if (opts.clientTransactionVersion >= 2 && prepared.nextProducerId !== -1n) return { errorCode: ErrorCode.NONE, producerId: prepared.nextProducerId, producerEpoch: 0 };
    return { errorCode: ErrorCode.NONE, producerId: prepared.producerId, producerEpoch: prepared.producerEpoch };
  }

  /**
   * Aborts an open transaction on the coordinator's own initiative (a timeout, or a new
   * InitProducerId of the id): the epoch goes up first, so that the producer still running it is
   * fenced (Kafka's prepareFenceProducerEpoch; the fence itself is never written, the abort that
   * follows carries its epoch).
   */
  private fenceAndAbort(meta: TransactionMetadata): Promise<number> {
    const tv = meta.current.clientTransactionVersion;
    const bumps = meta.producerEpoch >= MAX_EPOCH ? 0 : tv >= 2 && meta.producerEpoch + 2 <= MAX_EPOCH ? 2 : 1;
    return this.prepareEnd(meta, false, { clientTransactionVersion: tv, epochBumps: bumps }).then((r) => r.errorCode);
  }

  // ------------------------------------------------------------------ timeouts and expiry

  private scheduleTimeoutSweep(): void {
    this.timer.schedule('transaction-timeouts', this.config.abortTimedOutIntervalMs, () => {
      this.abortTimedOutTransactions();
      this.scheduleTimeoutSweep();
    });
  }

  private scheduleExpirationSweep(): void {
    this.timer.schedule('transactional-id-expiration', this.config.removeExpiredIntervalMs, () => {
      this.expireTransactionalIds()
        .catch((e) => this.log.error('expiring transactional ids failed', e))
        .finally(() => this.scheduleExpirationSweep());
    });
  }

  /** Aborts every transaction open longer than its timeout (TransactionStateManager.timedOutTransactions). */
  abortTimedOutTransactions(): void {
    const now = this.timer.now();
    for (const meta of this.txns.values()) {
      const c = meta.current;
      if (c.state !== 'Ongoing' || meta.pending !== null || c.startTimestamp + c.timeoutMs >= now) continue;
      this.log.info(`aborting transaction ${meta.transactionalId} of producer ${c.producerId} (epoch ${c.producerEpoch}): open longer than its timeout of ${c.timeoutMs} ms`);
      this.track(
        this.fenceAndAbort(meta).then(
          (error) => {
            if (error !== ErrorCode.NONE && error !== ErrorCode.CONCURRENT_TRANSACTIONS) this.log.warn(`aborting timed-out transaction ${meta.transactionalId} failed with error ${error}; the next sweep tries again`);
          },
          (e) => this.log.error(`aborting timed-out transaction ${meta.transactionalId} failed`, e),
        ),
      );
    }
  }

  /** Forgets ids with no transaction open that have been idle for transactional.id.expiration.ms: a tombstone, then out of memory. */
  async expireTransactionalIds(): Promise<number> {
    const now = this.timer.now();
    const expired = [...this.txns.values()].filter((m) => m.mayExpire && now - m.current.lastUpdateTimestamp >= this.config.idExpirationMs);
    let removed = 0;
    for (const meta of expired) {
      if (!meta.mayExpire || this.txns.get(meta.transactionalId) !== meta) continue;
      meta.prepare({ state: 'Dead' }, now);
      try {
        await this.store.append(meta.transactionalId, transactionTombstone(meta.transactionalId));
      } catch (e) {
        meta.abandon();
        this.log.error(`expiring transactional id ${meta.transactionalId} failed; it is kept`, e);
        continue;
      }
      meta.complete();
      this.txns.delete(meta.transactionalId);
      removed++;
    }
    return removed;
  }

  // ------------------------------------------------------------------ DescribeTransactions, ListTransactions

  describe(transactionalId: string): TransactionDescription {
    const active = this.checkActive(transactionalId);
    return describeTransaction(active, this.txns.get(transactionalId));
  }

  list(filter: ListTransactionsFilter): TransactionList {
    if (!this.loaded) return { errorCode: ErrorCode.COORDINATOR_LOAD_IN_PROGRESS, unknownStates: [], transactions: [] };
    return listTransactions(this.txns.values(), filter, this.timer.now());
  }
}
