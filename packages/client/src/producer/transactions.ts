/**
 * The transactional producer's calls to the coordinators, as Java's TransactionManager makes them:
 * - initTransactions: FindCoordinator(TRANSACTION) → InitProducerId(transactional id, timeout),
 *   which fences every earlier producer with the same id and aborts its open transaction;
 * - partitions written to in a transaction are added with AddPartitionsToTxn before their first
 *   batch is drained (transaction.version 1; under version 2 the partition leader adds them);
 * - sendOffsetsToTransaction: AddOffsetsToTxn (v1 only), then TxnOffsetCommit to the group's
 *   coordinator; the offsets become the group's only when the transaction commits;
 * - commitTransaction / abortTransaction: EndTxn; under v2 its answer carries the next epoch.
 * Retriable answers (CONCURRENT_TRANSACTIONS, COORDINATOR_LOAD_IN_PROGRESS, a coordinator that
 * moved) are retried within maxBlockMs; the others make the transaction abortable or the producer
 * fatal by Java's rules for each request, with an error saying what the application must do.
 */
import { Apis, ErrorCode, errorInfo } from '@sluice/protocol';
import type { GroupMetadata } from '../consumer/consumer-api.ts';
import type { CommitTarget } from '../consumer/offsets.ts';
import { ClientErrorCode, KafkaError, brokerError, mustFindCoordinator } from '../errors.ts';
import { type Cluster, CoordinatorType } from '../network/cluster.ts';
import type { Connection } from '../network/connection.ts';
import { backoffMs, groupBy, sleep } from '../util.ts';
import { type TransactionManager, type TransactionState, abortableError, fatalError, fencedError } from './transaction-manager.ts';

export interface TransactionsConfig {
  transactionalId: string;
  transactionTimeoutMs: number;
  /** The time each call may take (Java bounds them by max.block.ms). */
  maxBlockMs: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
}

/** What the transactions need of the producer. */
export interface TransactionalProducer {
  /** Waits until every record sent so far is acknowledged or failed. */
  flush(): Promise<void>;
  /** Fails the records not yet sent. */
  abortUndrainedBatches(error: KafkaError): void;
  wakeup(): void;
}

/** The offsets to commit with a transaction: the next offset to consume per partition. */
export type TransactionOffsets = readonly CommitTarget[];

/** A consumer's group membership (`consumer.groupMetadata()`), or only the group id (no generation check). */
export type ConsumerGroupMetadata = GroupMetadata | { groupId: string };

/** An answer of a coordinator: NONE, or the error and its message. */
interface Answer<T> {
  errorCode: number;
  errorMessage?: string | null;
  value?: T;
}

/** Answers the producer keeps retrying as long as maxBlockMs allows (with a new coordinator lookup when it moved). */
function isRetriableAnswer(code: number): boolean {
  return errorInfo(code).retriable || code === ErrorCode.CONCURRENT_TRANSACTIONS;
}

export class Transactions {
  private addingPartitions = false;
  /** sendOffsetsToTransaction calls not yet answered: EndTxn waits for them (Java queues them before it). */
  private readonly offsetCalls = new Set<Promise<void>>();

  private readonly manager: TransactionManager;
  private readonly cluster: Cluster;
  private readonly config: TransactionsConfig;
  private readonly producer: TransactionalProducer;

  constructor(manager: TransactionManager, cluster: Cluster, config: TransactionsConfig, producer: TransactionalProducer) {
    this.manager = manager;
    this.cluster = cluster;
    this.config = config;
    this.producer = producer;
    manager.addPendingPartitions = () => this.addPartitions();
  }

  private get id(): string {
    return this.config.transactionalId;
  }

  /** Throws when the producer is dead, or (`abortable`) when the transaction must be aborted first. */
  private throwIfFailed(what: string): void {
    const { state, lastError } = this.manager;
    if (state === 'FATAL_ERROR') throw lastError!;
    if (state === 'ABORTABLE_ERROR') {
      throw new KafkaError(lastError!.code, `cannot ${what}: ${lastError!.message}`, { cause: lastError, category: 'abortable', errorCode: lastError!.errorCode });
    }
  }

  private invalidState(what: string, hint: string): KafkaError {
    return new KafkaError('INVALID_TXN_STATE', `cannot ${what} while the producer is in state ${this.manager.state}: ${hint}`);
  }

  /**
   * Asks the coordinator of `key` until it answers NONE, or fails with its error (retriable ones
   * only once maxBlockMs has passed).
   */
  private async call<T>(type: CoordinatorType, key: string, what: string, deadline: number, send: (conn: Connection) => Promise<Answer<T>>): Promise<T> {
    let last: KafkaError | undefined;
    for (let attempt = 0; ; attempt++) {
      if (Date.now() >= deadline) {
        throw new KafkaError(ClientErrorCode.TIMEOUT, `${what} did not complete within maxBlockMs (${this.config.maxBlockMs} ms)${last ? `: ${last.message}` : ''}; it may be called again`, {
          retriable: true,
          cause: last,
        });
      }
      if (attempt > 0) await sleep(Math.min(backoffMs(attempt - 1, this.config.retryBackoffMs, this.config.retryBackoffMaxMs), Math.max(0, deadline - Date.now())));
      let answer: Answer<T>;
      try {
        const node = await this.cluster.coordinator(type, key);
        answer = await send(await this.cluster.connection(node));
      } catch (e) {
        if (!(e instanceof KafkaError) || !e.retriable) throw e;
        this.cluster.invalidateCoordinator(type, key);
        last = e;
        continue;
      }
      if (answer.errorCode === 0) return answer.value as T;
      last = brokerError(answer.errorCode, what, { message: answer.errorMessage });
      if (mustFindCoordinator(answer.errorCode)) this.cluster.invalidateCoordinator(type, key);
      if (!isRetriableAnswer(answer.errorCode)) throw last;
    }
  }

  private deadline(): number {
    return Date.now() + this.config.maxBlockMs;
  }

  /** Classifies a coordinator's refusal by Java's rules and moves the producer's state; returns what to throw. */
  private failed(e: unknown, abortable: ReadonlySet<number>): KafkaError {
    if (!(e instanceof KafkaError)) return fatalError(new KafkaError(ClientErrorCode.PROTOCOL_ERROR, String((e as Error)?.message ?? e), { cause: e }));
    if (e.code === ClientErrorCode.TIMEOUT || e.code === ClientErrorCode.CLIENT_CLOSED) return e;
    if (e.code === ClientErrorCode.PRODUCER_FATAL) {
      this.manager.transitionToFatalError(e);
      return e;
    }
    const code = e.errorCode ?? -1;
    if (code === ErrorCode.PRODUCER_FENCED || code === ErrorCode.INVALID_PRODUCER_EPOCH) {
      const fenced = fencedError(this.id, e);
      this.manager.transitionToFatalError(fenced);
      return fenced;
    }
    if (abortable.has(code)) {
      if (code === ErrorCode.UNKNOWN_PRODUCER_ID || code === ErrorCode.INVALID_PRODUCER_ID_MAPPING) this.manager.transactionalBumpRequired = true;
      const error = abortableError(e);
      this.manager.transitionToAbortableError(error);
      return error;
    }
    const fatal = fatalError(e);
    this.manager.transitionToFatalError(fatal);
    return fatal;
  }

  // ---------------------------------------------------------------- initTransactions

  async initTransactions(): Promise<void> {
    const m = this.manager;
    if (m.state === 'FATAL_ERROR') throw m.lastError!;
    if (m.state !== 'UNINITIALIZED' && m.state !== 'INITIALIZING') throw this.invalidState('initTransactions()', 'it is called once, before the first transaction');
    m.state = 'INITIALIZING';
    try {
      await this.initProducerId(false);
    } catch (e) {
      // After a TIMEOUT, initTransactions() may be called again.
      if (e instanceof KafkaError && e.code === ClientErrorCode.TIMEOUT) throw e;
      throw this.failed(e, new Set());
    }
    m.transactionCompleted();
  }

  /**
   * InitProducerId for the transactional id. `bump`: keep this producer and get the next epoch
   * (after an abortable error that left a sequence gap, KIP-360), sending the current id/epoch.
   */
  private async initProducerId(bump: boolean): Promise<void> {
    const m = this.manager;
    const { producerId, producerEpoch } = await this.call(CoordinatorType.Transaction, this.id, 'InitProducerId', this.deadline(), async (conn) => {
      const version = conn.requireVersion(Apis.InitProducerId);
      if (bump && version < 3) throw fatalError(new KafkaError(ClientErrorCode.UNSUPPORTED_API, `${conn.describe()} cannot bump a producer epoch (InitProducerId v3+)`));
      const res = await conn.request(
        Apis.InitProducerId,
        { transactionalId: this.id, transactionTimeoutMs: this.config.transactionTimeoutMs, producerId: bump ? m.producerId : -1n, producerEpoch: bump ? m.producerEpoch : -1 },
        { version },
      );
      if (!bump) m.transactionV2 = this.supportsTransactionV2(conn);
      return { errorCode: res.errorCode, value: { producerId: res.producerId, producerEpoch: res.producerEpoch } };
    });
    m.setProducerIdAndEpoch(producerId, producerEpoch);
  }

  /** Transactions v2 when the cluster finalized transaction.version 2 and the broker speaks EndTxn 5 and Produce 12. */
  private supportsTransactionV2(conn: Connection): boolean {
    return this.cluster.finalizedFeatureLevel('transaction.version') >= 2 && conn.versionOf(Apis.EndTxn) >= 5 && conn.versionOf(Apis.Produce) >= 12 && conn.versionOf(Apis.TxnOffsetCommit) >= 5;
  }

  // ---------------------------------------------------------------- beginTransaction

  beginTransaction(): void {
    const m = this.manager;
    this.throwIfFailed('begin a transaction');
    if (m.state !== 'READY') {
      throw this.invalidState('beginTransaction()', m.state === 'UNINITIALIZED' ? 'call initTransactions() first' : 'commit or abort the current transaction first');
    }
    m.state = 'IN_TRANSACTION';
  }

  /** Whether records accepted by send() may still join the transaction (they may have waited for metadata). */
  get acceptsAppends(): boolean {
    const { state } = this.manager;
    return state === 'IN_TRANSACTION' || state === 'COMMITTING_TRANSACTION';
  }

  /** The error for a record that was accepted but can no longer join the transaction. */
  appendRefused(): KafkaError {
    const m = this.manager;
    if (m.state === 'FATAL_ERROR' || m.state === 'ABORTABLE_ERROR') return m.lastError!;
    return new KafkaError(ClientErrorCode.ABORTED, 'the transaction was aborted before this record was sent');
  }

  /** Throws unless records may be sent now (inside a transaction that can still commit). */
  checkSend(): void {
    this.throwIfFailed('send');
    if (this.manager.state !== 'IN_TRANSACTION') {
      throw this.invalidState('send', this.manager.state === 'UNINITIALIZED' ? 'call initTransactions() and beginTransaction() first' : 'a transactional producer sends between beginTransaction() and commitTransaction()');
    }
  }

  // ---------------------------------------------------------------- AddPartitionsToTxn (v1)

  private static readonly ADD_PARTITIONS_ABORTABLE: ReadonlySet<number> = new Set([ErrorCode.TOPIC_AUTHORIZATION_FAILED, ErrorCode.UNKNOWN_PRODUCER_ID, ErrorCode.INVALID_PRODUCER_ID_MAPPING, ErrorCode.TRANSACTION_ABORTABLE, ErrorCode.OPERATION_NOT_ATTEMPTED]);

  /** Adds the pending partitions (all of them in one request), then lets the sender drain them. */
  private addPartitions(): void {
    if (this.addingPartitions) return;
    const m = this.manager;
    const partitions = [...m.pendingPartitions];
    if (partitions.length === 0) return;
    this.addingPartitions = true;
    void (async () => {
      try {
        // A TIMEOUT leaves them pending: the next send round asks again, until their batches expire.
        await this.call(CoordinatorType.Transaction, this.id, 'AddPartitionsToTxn', this.deadline(), async (conn) => {
          const res = await conn.request(Apis.AddPartitionsToTxn, {
            v3AndBelowTransactionalId: this.id,
            v3AndBelowProducerId: m.producerId,
            v3AndBelowProducerEpoch: m.producerEpoch,
            v3AndBelowTopics: [...groupBy(partitions, (q) => q.topic)].map(([name, qs]) => ({ name, partitions: qs.map((q) => q.partition) })),
          });
          // One error for the request: the first partition's that is not NONE (they share the coordinator's).
          const errors = res.resultsByTopicV3AndBelow.flatMap((t) => t.resultsByPartition.map((p) => p.partitionErrorCode)).filter((c) => c !== 0);
          const first = errors.find((c) => c !== ErrorCode.OPERATION_NOT_ATTEMPTED) ?? errors[0] ?? 0;
          return { errorCode: first };
        });
        if (!this.acceptsAppends) return;
        for (const q of partitions) {
          m.pendingPartitions.delete(q);
          m.partitionsInTransaction.add(q);
        }
        m.transactionStarted = true;
      } catch (e) {
        this.failed(e, Transactions.ADD_PARTITIONS_ABORTABLE);
      } finally {
        this.addingPartitions = false;
        this.producer.wakeup();
      }
    })();
  }

  // ---------------------------------------------------------------- sendOffsetsToTransaction

  private static readonly ADD_OFFSETS_ABORTABLE: ReadonlySet<number> = new Set([ErrorCode.GROUP_AUTHORIZATION_FAILED, ErrorCode.UNKNOWN_PRODUCER_ID, ErrorCode.INVALID_PRODUCER_ID_MAPPING, ErrorCode.TRANSACTION_ABORTABLE]);
  private static readonly TXN_OFFSET_COMMIT_ABORTABLE: ReadonlySet<number> = new Set([
    ErrorCode.UNKNOWN_MEMBER_ID,
    ErrorCode.ILLEGAL_GENERATION,
    ErrorCode.FENCED_INSTANCE_ID,
    ErrorCode.GROUP_AUTHORIZATION_FAILED,
    ErrorCode.TRANSACTION_ABORTABLE,
    ErrorCode.UNKNOWN_PRODUCER_ID,
    ErrorCode.INVALID_PRODUCER_ID_MAPPING,
  ]);

  /**
   * Makes the consumer's offsets part of the transaction: committed to the group with it, or
   * never. `group` is the consumer's `groupMetadata()`, so that a zombie member's offsets are
   * refused (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID: the transaction aborts).
   */
  async sendOffsetsToTransaction(offsets: TransactionOffsets, group: ConsumerGroupMetadata): Promise<void> {
    const m = this.manager;
    this.throwIfFailed('send offsets to the transaction');
    if (m.state !== 'IN_TRANSACTION') throw this.invalidState('sendOffsetsToTransaction()', 'call beginTransaction() first');
    if (!group?.groupId) throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, 'sendOffsetsToTransaction needs the consumer group (consumer.groupMetadata() or { groupId })');
    // As Java: no offsets, nothing to add to the transaction.
    if (offsets.length === 0) return;
    const call = this.sendOffsets(offsets, group);
    this.offsetCalls.add(call);
    try {
      await call;
    } finally {
      this.offsetCalls.delete(call);
    }
  }

  /** Waits for the offsets calls in flight (their failures have already moved the state). */
  private async offsetCallsSettled(): Promise<void> {
    await Promise.allSettled([...this.offsetCalls]);
  }

  private async sendOffsets(offsets: TransactionOffsets, group: ConsumerGroupMetadata): Promise<void> {
    const m = this.manager;
    const deadline = this.deadline();
    try {
      if (!m.transactionV2) {
        await this.call(CoordinatorType.Transaction, this.id, 'AddOffsetsToTxn', deadline, async (conn) => {
          const res = await conn.request(Apis.AddOffsetsToTxn, { transactionalId: this.id, producerId: m.producerId, producerEpoch: m.producerEpoch, groupId: group.groupId });
          return { errorCode: res.errorCode };
        });
      }
      m.transactionStarted = true;
    } catch (e) {
      throw this.failed(e, Transactions.ADD_OFFSETS_ABORTABLE);
    }
    let pending = [...offsets];
    try {
      while (pending.length > 0) {
        const todo = pending;
        pending = await this.call(CoordinatorType.Group, group.groupId, 'TxnOffsetCommit', deadline, async (conn) => {
          const version = conn.requireVersion(Apis.TxnOffsetCommit, m.transactionV2 ? undefined : 4);
          const member = 'generationId' in group ? group : { generationId: -1, memberId: '', groupInstanceId: null };
          const res = await conn.request(
            Apis.TxnOffsetCommit,
            {
              transactionalId: this.id,
              groupId: group.groupId,
              producerId: m.producerId,
              producerEpoch: m.producerEpoch,
              generationId: member.generationId,
              memberId: member.memberId,
              groupInstanceId: member.groupInstanceId,
              topics: [...groupBy(todo, (o) => o.topic)].map(([name, list]) => ({
                name,
                partitions: list.map((o) => ({ partitionIndex: o.partition, committedOffset: o.offset, committedLeaderEpoch: o.leaderEpoch ?? -1, committedMetadata: o.metadata ?? '' })),
              })),
            },
            { version },
          );
          // Partitions answered with a retriable error go again; the first other error ends the call.
          const retry: CommitTarget[] = [];
          let refused = 0;
          for (const t of res.topics) {
            for (const p of t.partitions) {
              if (p.errorCode === 0) continue;
              if (isRetriableAnswer(p.errorCode)) {
                if (mustFindCoordinator(p.errorCode)) this.cluster.invalidateCoordinator(CoordinatorType.Group, group.groupId);
                const o = todo.find((x) => x.topic === t.name && x.partition === p.partitionIndex);
                if (o) retry.push(o);
              } else if (refused === 0) refused = p.errorCode;
            }
          }
          return { errorCode: refused, value: retry };
        });
        if (pending.length > 0) await sleep(this.config.retryBackoffMs);
      }
    } catch (e) {
      throw this.failed(e, Transactions.TXN_OFFSET_COMMIT_ABORTABLE);
    }
  }

  // ---------------------------------------------------------------- commit and abort

  private static readonly END_TXN_ABORTABLE: ReadonlySet<number> = new Set([ErrorCode.TRANSACTION_ABORTABLE, ErrorCode.UNKNOWN_PRODUCER_ID, ErrorCode.INVALID_PRODUCER_ID_MAPPING]);

  /**
   * Sends what is buffered, then commits. If a record failed, the transaction cannot commit: the
   * call throws an `abortable` error and the application must call abortTransaction(). A
   * TIMEOUT may be retried by calling commitTransaction() again.
   */
  async commitTransaction(): Promise<void> {
    const m = this.manager;
    this.throwIfFailed('commit the transaction');
    if (m.state !== 'IN_TRANSACTION' && m.state !== 'COMMITTING_TRANSACTION') throw this.invalidState('commitTransaction()', 'call beginTransaction() first');
    m.state = 'COMMITTING_TRANSACTION';
    this.producer.wakeup();
    await this.producer.flush();
    await this.offsetCallsSettled();
    if (m.lastError) {
      // A record of the transaction failed while it was flushed.
      if ((m.state as TransactionState) !== 'FATAL_ERROR') m.state = 'ABORTABLE_ERROR';
      this.throwIfFailed('commit the transaction');
    }
    await this.endTransaction(true);
  }

  /**
   * Aborts: records not yet sent fail with an ABORTED error, records in flight are waited for,
   * then the coordinator writes abort markers. The producer is ready for the next transaction.
   */
  async abortTransaction(): Promise<void> {
    const m = this.manager;
    if (m.state === 'FATAL_ERROR') throw m.lastError!;
    if (m.state === 'COMMITTING_TRANSACTION') throw this.invalidState('abortTransaction()', 'the commit may already have happened; call commitTransaction() again');
    if (m.state !== 'IN_TRANSACTION' && m.state !== 'ABORTABLE_ERROR' && m.state !== 'ABORTING_TRANSACTION') {
      throw this.invalidState('abortTransaction()', 'there is no transaction to abort');
    }
    m.state = 'ABORTING_TRANSACTION';
    this.producer.abortUndrainedBatches(new KafkaError(ClientErrorCode.ABORTED, 'the transaction was aborted before this record was sent'));
    await this.producer.flush();
    await this.offsetCallsSettled();
    if (m.state !== 'ABORTING_TRANSACTION') this.throwIfFailed('abort the transaction');
    // Without a producer id mapping on the coordinator, only a new epoch helps (Java skips EndTxn then).
    const lostMapping = m.lastError?.errorCode === ErrorCode.INVALID_PRODUCER_ID_MAPPING;
    if (!lostMapping) await this.endTransaction(false);
    if (m.transactionalBumpRequired && !m.transactionV2) {
      try {
        await this.initProducerId(true);
      } catch (e) {
        if (e instanceof KafkaError && e.code === ClientErrorCode.TIMEOUT) throw e;
        throw this.failed(e, new Set());
      }
    }
    m.transactionCompleted();
  }

  /** On close: aborts the open transaction, if any; its errors are dropped, the producer is going away. */
  abortOnClose(): Promise<void> | undefined {
    const { state } = this.manager;
    if (state !== 'IN_TRANSACTION' && state !== 'ABORTABLE_ERROR' && state !== 'ABORTING_TRANSACTION') return undefined;
    return this.abortTransaction().catch(() => undefined);
  }

  private async endTransaction(commit: boolean): Promise<void> {
    const m = this.manager;
    if (!m.transactionStarted) {
      // The coordinator knows nothing of this transaction (nothing written, no offsets): nothing to end.
      m.transactionCompleted();
      return;
    }
    const what = commit ? 'EndTxn (commit)' : 'EndTxn (abort)';
    try {
      const next = await this.call(CoordinatorType.Transaction, this.id, what, this.deadline(), async (conn) => {
        const version = conn.requireVersion(Apis.EndTxn, m.transactionV2 ? undefined : 4);
        const res = await conn.request(Apis.EndTxn, { transactionalId: this.id, producerId: m.producerId, producerEpoch: m.producerEpoch, committed: commit }, { version });
        return { errorCode: res.errorCode, value: version >= 5 ? { producerId: res.producerId, producerEpoch: res.producerEpoch } : null };
      });
      // Transactions v2: every transaction ends with a new epoch (a new producer id when it overflowed).
      if (next && next.producerId >= 0n) m.setProducerIdAndEpoch(next.producerId, next.producerEpoch);
    } catch (e) {
      const error = this.failed(e, commit ? Transactions.END_TXN_ABORTABLE : new Set([ErrorCode.UNKNOWN_PRODUCER_ID]));
      throw error;
    }
    if (commit) m.transactionCompleted();
  }
}
