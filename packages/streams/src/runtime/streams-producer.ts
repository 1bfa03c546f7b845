/**
 * The stream thread's producer and record collector (Java's StreamsProducer). Under
 * at_least_once it is a plain producer. Under exactly_once_v2 it is transactional, one per
 * loop: a transaction begins at the first output after a commit (a record or a store's
 * changelog write, both sent through the collector), and `commit` ends it with the input
 * offsets in it. Any failure to commit is a TaskMigratedError: the loop's tasks cannot commit
 * what they did since the last commit, so they are closed dirty and the producer is `reset`
 * (a new one with the same transactional id, whose initTransactions aborts what the old left).
 */
import { type GroupMetadata, Producer, type ProducerOptions } from '@sluice/client';
import { messageOf } from '../errors.ts';
import type { ProductionExceptionHandler, StreamsLogger } from './handlers.ts';
import { ProducerRecordCollector } from './record-collector.ts';
import { TaskMigratedError, isFencing } from './task-migrated.ts';

export { TaskMigratedError } from './task-migrated.ts';

/** Java's transaction.timeout.ms for a streams producer under exactly_once_v2 (the client's default is 60 s). */
const EOS_TRANSACTION_TIMEOUT_MS = 10_000;

export interface StreamsProducerOptions {
  /** The producer options: the user's, with bootstrap servers and client id set. */
  producer: ProducerOptions;
  /** Set under exactly_once_v2 (`<application.id>-<process id>-<thread index>`). */
  transactionalId: string | null;
  productionExceptionHandler: ProductionExceptionHandler;
  log: StreamsLogger;
}

export class StreamsProducer {
  private producer: Producer;
  /** Where tasks send their outputs; replaced with the producer by `reset`. */
  collector: ProducerRecordCollector;
  /** Under exactly_once_v2: a transaction is open. */
  private inTransaction = false;

  private readonly options: StreamsProducerOptions;

  constructor(options: StreamsProducerOptions) {
    this.options = options;
    this.producer = this.makeProducer();
    this.collector = this.makeCollector();
  }

  get eos(): boolean {
    return this.options.transactionalId !== null;
  }

  get transactionOpen(): boolean {
    return this.inTransaction;
  }

  private makeProducer(): Producer {
    const id = this.options.transactionalId;
    return new Producer(id === null ? this.options.producer : { transactionTimeoutMs: EOS_TRANSACTION_TIMEOUT_MS, ...this.options.producer, transactionalId: id });
  }

  private makeCollector(): ProducerRecordCollector {
    return new ProducerRecordCollector(this.producer, this.options.productionExceptionHandler, this.options.log, this.eos ? () => this.beginTransactionIfNeeded() : undefined);
  }

  /** Fences an earlier producer with the same transactional id (exactly_once_v2 only); after a timeout it may be called again. */
  async init(): Promise<void> {
    if (this.eos) await this.producer.initTransactions();
  }

  /** Outputs after a commit open the next transaction, as Java's StreamsProducer does. */
  private beginTransactionIfNeeded(): void {
    if (this.inTransaction) return;
    this.producer.beginTransaction();
    this.inTransaction = true;
  }

  /**
   * exactly_once_v2: waits for the outputs while it adds the input offsets (with the consumer's
   * group generation, so a zombie's are refused), then commits. Nothing to commit: nothing happens.
   */
  async commitTransaction(offsets: { topic: string; partition: number; offset: bigint; metadata?: string }[], group: GroupMetadata | null): Promise<void> {
    if (offsets.length > 0) this.beginTransactionIfNeeded();
    if (!this.inTransaction) return;
    // The outputs and the offsets go to the broker together, as Java's (its sends are in flight
    // while sendOffsetsToTransaction waits): EndTxn alone makes them visible, and it waits for
    // both, so a commit costs two round trips rather than three.
    const [flushed, offsetsAdded] = await Promise.allSettled([this.collector.flush(), this.addOffsets(offsets, group)]);
    if (flushed.status === 'rejected') {
      const e = flushed.reason;
      if (isFencing(e)) throw new TaskMigratedError(`the producer was fenced: ${messageOf(e)}`, e);
      throw e;
    }
    try {
      if (offsetsAdded.status === 'rejected') throw offsetsAdded.reason;
      await this.producer.commitTransaction();
    } catch (e) {
      throw new TaskMigratedError(`committing the transaction failed: ${messageOf(e)}`, e);
    }
    this.inTransaction = false;
  }

  private async addOffsets(offsets: { topic: string; partition: number; offset: bigint; metadata?: string }[], group: GroupMetadata | null): Promise<void> {
    if (offsets.length === 0) return;
    if (!group || group.generationId < 0) throw new Error('the consumer is not a member of the group');
    await this.producer.sendOffsetsToTransaction(offsets, group);
  }

  /** Aborts the open transaction, if any, rather than leave read_committed readers waiting for its timeout. */
  async abort(): Promise<void> {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    await this.producer.abortTransaction().catch((e) => this.options.log.warn(`aborting the open transaction failed: ${messageOf(e)}`));
  }

  /** exactly_once_v2: a new producer with the same id, whose init() then fences and aborts the old one's transaction. */
  async reset(): Promise<void> {
    if (!this.eos) return;
    const old = this.producer;
    this.inTransaction = false;
    await old.close({ timeoutMs: 0 }).catch(() => {});
    this.producer = this.makeProducer();
    this.collector = this.makeCollector();
  }

  close(options: { timeoutMs?: number } = {}): Promise<void> {
    return this.producer.close(options);
  }
}
