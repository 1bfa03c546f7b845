/**
 * The second phase of ending a transaction: once PrepareCommit/PrepareAbort is durable, a marker
 * is written to every partition of the transaction, and only when all are durable is
 * CompleteCommit/CompleteAbort written (Kafka's TransactionMarkerChannelManager and its
 * completion handler, in-process). Until then the id answers CONCURRENT_TRANSACTIONS, and after
 * a restart the coordinator starts this again for every transaction it finds prepared.
 *
 * CompleteCommit/CompleteAbort is written without waiting for its sync: if a crash loses it, the
 * start finds the transaction prepared and writes its markers again, which the partitions take
 * harmlessly (transactions version 1: no transaction of the producer is open there any more; a
 * new one cannot be, since its Ongoing record, synced before any of its data is appended, would
 * have made this record durable with it) or refuse as superseded (version 2). The markers
 * themselves are durable before it is written, so a durable Complete never stands for a lost marker.
 *
 * A marker that cannot be written for a passing reason (a full disk, a partition being moved) is
 * retried after a back-off; one the partition refuses as already superseded
 * (INVALID_PRODUCER_EPOCH: a re-driven marker under the version-2 rule, or a newer epoch got
 * there first; TRANSACTION_COORDINATOR_FENCED) counts as done, as Kafka's handler stops sending
 * it; a partition that no longer exists is dropped from the transaction.
 */
import { ErrorCode } from '@sluice/protocol';
import type { ErrorLog } from '../contain.ts';
import type { Timer } from '../groups/timer.ts';
import { NO_PARTITIONS, type TopicPartition, type TransactionMetadata, type TxnSnapshot, type TxnStateName } from './metadata.ts';
import { COORDINATOR_EPOCH, type MarkerWriter } from './types.ts';

const RETRY_BACKOFF_MS = 100;
const MAX_RETRY_BACKOFF_MS = 5_000;

type Write = (meta: TransactionMetadata, changes: Partial<TxnSnapshot> & { state: TxnStateName }) => Promise<number>;

export class TransactionCompleter {
  private readonly running = new Set<Promise<void>>();
  private readonly sleepers = new Set<() => void>();
  private stopped = false;
  private sleeps = 0;

  private readonly markers: MarkerWriter;
  private readonly write: Write;
  private readonly timer: Timer;
  private readonly log: ErrorLog & { warn(message: string): void };

  constructor(markers: MarkerWriter, write: Write, timer: Timer, log: ErrorLog & { warn(message: string): void }) {
    this.markers = markers;
    this.write = write;
    this.timer = timer;
    this.log = log;
  }

  /**
   * Completes `meta`'s prepared transaction; resolves when CompleteCommit/CompleteAbort is
   * written, or when stop() ends the retries. Failures are logged and retried, never thrown.
   */
  complete(meta: TransactionMetadata): Promise<void> {
    const run = this.run(meta).catch((e) => this.log.error(`completing the transaction of ${meta.transactionalId} failed`, e));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return run;
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }

  /** Retries stop (the next start completes those transactions); resolves when the writes in flight have settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const wake of this.sleepers) wake();
    this.sleepers.clear();
    await this.idle();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const key = `transaction-retry-${++this.sleeps}`;
      const wake = () => {
        this.sleepers.delete(wake);
        this.timer.cancel(key);
        resolve();
      };
      this.sleepers.add(wake);
      this.timer.schedule(key, ms, wake);
    });
  }

  private async run(meta: TransactionMetadata): Promise<void> {
    const prepared = meta.current;
    if (prepared.state !== 'PrepareCommit' && prepared.state !== 'PrepareAbort') return;
    const commit = prepared.state === 'PrepareCommit';
    const marker = { producerId: prepared.producerId, producerEpoch: prepared.producerEpoch, coordinatorEpoch: COORDINATOR_EPOCH, commit, transactionVersion: prepared.clientTransactionVersion };
    const outcomes = await Promise.all([...prepared.partitions.values()].map((p) => this.writeMarker(meta, p, marker)));
    if (outcomes.includes('stopped')) return;
    // Transactions version 2 moves to the next producer id here when the epoch ran out.
    const rotate = prepared.nextProducerId !== -1n;
    const changes: Partial<TxnSnapshot> & { state: TxnStateName } = {
      state: commit ? 'CompleteCommit' : 'CompleteAbort',
      partitions: NO_PARTITIONS,
      ...(rotate ? { producerId: prepared.nextProducerId, previousProducerId: prepared.producerId, nextProducerId: -1n, producerEpoch: 0, lastProducerEpoch: -1 } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) return;
      if (meta.current !== prepared) return; // completed meanwhile (cannot happen while prepared, kept as a guard)
      if (meta.pending === null && (await this.write(meta, changes)) === ErrorCode.NONE) return;
      await this.sleep(backoff(attempt));
    }
  }

  private async writeMarker(meta: TransactionMetadata, partition: TopicPartition, marker: Parameters<MarkerWriter['writeMarker']>[1]): Promise<'done' | 'stopped'> {
    for (let attempt = 0; ; attempt++) {
      if (this.stopped) return 'stopped';
      try {
        const outcome = await this.markers.writeMarker(partition, marker);
        if (outcome === 'gone') this.log.warn(`${partition.topic}-${partition.partition} no longer exists: the ${marker.commit ? 'commit' : 'abort'} marker of ${meta.transactionalId} is not written there`);
        return 'done';
      } catch (e) {
        const code = (e as { errorCode?: unknown } | null)?.errorCode;
        if (code === ErrorCode.INVALID_PRODUCER_EPOCH || code === ErrorCode.TRANSACTION_COORDINATOR_FENCED) return 'done';
        if (code === ErrorCode.UNKNOWN_TOPIC_OR_PARTITION) return 'done';
        if (attempt === 0 || attempt % 50 === 0) this.log.error(`writing the ${marker.commit ? 'commit' : 'abort'} marker of ${meta.transactionalId} to ${partition.topic}-${partition.partition} failed; retrying`, e);
      }
      await this.sleep(backoff(attempt));
    }
  }
}

function backoff(attempt: number): number {
  return Math.min(MAX_RETRY_BACKOFF_MS, RETRY_BACKOFF_MS * 2 ** Math.min(attempt, 10));
}
