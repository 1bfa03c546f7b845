/**
 * What the transaction coordinator needs from the rest of the broker and what it answers with.
 */
import type { TopicPartition } from './metadata.ts';

/**
 * The coordinator epoch written into markers. Kafka uses the leader epoch of the id's
 * __transaction_state partition; a single node never changes leader, so it is constant, and
 * DescribeProducers reports the same value for the admin abort to send back.
 */
export const COORDINATOR_EPOCH = 0;

export interface TransactionCoordinatorConfig {
  /** transaction.max.timeout.ms: the largest transaction.timeout.ms a producer may ask for. */
  maxTimeoutMs: number;
  /** transactional.id.expiration.ms: an id idle (no transaction open) this long is forgotten. */
  idExpirationMs: number;
  /** transaction.abort.timed.out.transaction.cleanup.interval.ms: how often timed-out transactions are looked for. */
  abortTimedOutIntervalMs: number;
  /** transaction.remove.expired.transaction.cleanup.interval.ms: how often expired ids are looked for. */
  removeExpiredIntervalMs: number;
  /** The finalized level of the transaction.version feature (0-2): chooses the record version written. */
  transactionVersionLevel: number;
}

/** One end-of-transaction marker, as a partition leader is asked to write it (WriteTxnMarkers' fields). */
export interface TxnMarker {
  producerId: bigint;
  producerEpoch: number;
  coordinatorEpoch: number;
  commit: boolean;
  /** 2: the partition takes the marker only above the producer's epoch (KIP-890); below 2: at or above it. */
  transactionVersion: number;
}

/**
 * Writes markers: control records for data partitions, the group coordinator's transaction
 * completion for __consumer_offsets. Resolves once the marker is durable; 'gone' when the
 * partition no longer exists (a topic deleted during the transaction), so that there is nowhere
 * to write. Rejects with an error carrying Kafka's `errorCode` otherwise.
 */
export interface MarkerWriter {
  writeMarker(partition: TopicPartition, marker: TxnMarker): Promise<'written' | 'gone'>;
}

/** What InitProducerId and EndTxn (v5) answer. */
export interface ProducerIdAndEpoch {
  errorCode: number;
  producerId: bigint;
  producerEpoch: number;
}

/** Which KIP-890 operation a partition leader asks for (AddPartitionsToTxnManager's). */
export type VerifyMode = 'verify' | 'add';

/** The group coordinator's part in ending a transaction (it writes the marker to its __consumer_offsets partition). */
export interface OffsetsTransactionCompleter {
  completeTransaction(offsetsPartition: number, producerId: bigint, producerEpoch: number, coordinatorEpoch: number, commit: boolean, transactionVersion: number): Promise<void>;
}
