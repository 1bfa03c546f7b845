/**
 * Admin.fenceProducers (Java's Admin.fenceProducers, KIP-618): for each transactional id, an
 * InitProducerId at its transaction coordinator without a producer id or epoch, as a new producer
 * with that id would send. The coordinator bumps the id's epoch and aborts its open transaction,
 * so any producer still holding the old epoch is fenced: its next send or commit fails with
 * PRODUCER_FENCED. Kafka Connect does this before it starts a new generation of exactly-once
 * source tasks, so that a task left running on a worker that lost its place (a zombie) can write
 * nothing more.
 */
import { Apis } from '@sluice/protocol';
import { ClientErrorCode, KafkaError, brokerError, mustFindCoordinator } from '../errors.ts';
import { CoordinatorType } from '../network/cluster.ts';
import type { AdminCallContext } from './group-calls.ts';
import type { CallOptions } from './admin-types.ts';

/** The producer id and the epoch each transactional id has after fencing. */
export interface FencedProducer {
  readonly transactionalId: string;
  readonly producerId: bigint;
  readonly producerEpoch: number;
}

export class FenceCalls {
  private readonly admin: AdminCallContext;
  /** The transaction timeout the coordinator writes with the new epoch (Java: the call's timeout, else request.timeout.ms). */
  private readonly defaultTransactionTimeoutMs: number;

  constructor(admin: AdminCallContext, defaultTransactionTimeoutMs: number) {
    this.admin = admin;
    this.defaultTransactionTimeoutMs = defaultTransactionTimeoutMs;
  }

  fenceProducers(transactionalIds: readonly string[], options: CallOptions = {}): Promise<FencedProducer[]> {
    for (const id of transactionalIds) {
      if (typeof id !== 'string' || id === '') throw new KafkaError(ClientErrorCode.INVALID_ARGUMENT, `fenceProducers needs non-empty transactional ids; got ${JSON.stringify(id)}`);
    }
    const transactionTimeoutMs = options.timeoutMs ?? this.defaultTransactionTimeoutMs;
    return Promise.all([...new Set(transactionalIds)].map((id) => this.#fence(id, transactionTimeoutMs, options)));
  }

  #fence(transactionalId: string, transactionTimeoutMs: number, options: CallOptions): Promise<FencedProducer> {
    const what = `fencing producers with transactional id '${transactionalId}'`;
    // Retriable answers (COORDINATOR_LOAD_IN_PROGRESS, CONCURRENT_TRANSACTIONS, NOT_COORDINATOR, ...) are tried again within the call's timeout.
    return this.admin.retry(what, options, async () => {
      const node = await this.admin.cluster.coordinator(CoordinatorType.Transaction, transactionalId, options.signal);
      let conn;
      try {
        conn = await this.admin.cluster.connection(node, '', options.signal);
      } catch (e) {
        this.admin.cluster.invalidateCoordinator(CoordinatorType.Transaction, transactionalId);
        throw e;
      }
      const res = await conn.request(
        Apis.InitProducerId,
        { transactionalId, transactionTimeoutMs, producerId: -1n, producerEpoch: -1 },
        { version: conn.requireVersion(Apis.InitProducerId), signal: options.signal },
      );
      if (res.errorCode !== 0) {
        if (mustFindCoordinator(res.errorCode)) this.admin.cluster.invalidateCoordinator(CoordinatorType.Transaction, transactionalId);
        throw brokerError(res.errorCode, what);
      }
      return { transactionalId, producerId: res.producerId, producerEpoch: res.producerEpoch };
    });
  }
}
