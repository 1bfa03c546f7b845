/**
 * Transactional batches on the produce path, as Kafka's KafkaApis.handleProduceRequest and
 * ReplicaManager.handleProduceAppend treat them (KIP-890 part 1 and 2).
 *
 * - A request carrying transactional batches without a transactional id is refused whole with
 *   TRANSACTIONAL_ID_AUTHORIZATION_FAILED; one whose transactional batches name more than one
 *   producer with INVALID_PRODUCER_ID_MAPPING.
 * - A transactional batch for a partition the coordinator does not already hold in that
 *   producer's open transaction (same id and epoch) is checked with it first: Produce v12+ (a
 *   transactions version 2 client, which never sends AddPartitionsToTxn) has the partition added;
 *   older versions only verify that the client added it. Partitions that fail get the
 *   coordinator's error mapped to what a client of that version understands, and nothing of
 *   theirs is written.
 *
 * Kafka guards the gap between verification and the append with a per-producer verification
 * entry that a marker clears. Here the coordinator is asked again, synchronously, in the turn of
 * the event loop that appends (offsets are taken synchronously), so no marker can land between
 * the last check and the append.
 */
import { ErrorCode, Offsets, Attributes, NO_PRODUCER_ID, errorName } from '@sluice/protocol';
import { txnPartitionKey, type VerifyMode } from '../transactions/index.ts';

/** What the produce path asks of the transaction coordinator. */
export interface TransactionVerifier {
  verifyOrAdd(transactionalId: string, producerId: bigint, producerEpoch: number, partitions: readonly { topic: string; partition: number }[], mode: VerifyMode): Promise<Map<string, number>>;
  isInTransaction(transactionalId: string, producerId: bigint, producerEpoch: number, topic: string, partition: number): boolean;
}

/** Produce v12 adds partitions (transactions version 2); v11 knows TRANSACTION_ABORTABLE; older ones do not. */
const FIRST_ADD_PARTITION_VERSION = 12;
const FIRST_GENERIC_ERROR_VERSION = 11;

/**
 * Kafka's broker retries an implicit add refused with CONCURRENT_TRANSACTIONS (the previous
 * transaction's markers still being written) itself, every add.partitions.to.txn.retry.backoff.ms
 * (20) for up to add.partitions.to.txn.retry.backoff.max.ms (100), before answering.
 */
const ADD_RETRY_BACKOFF_MS = 20;
const ADD_RETRY_MAX_MS = 100;

/** The producer of a partition's (single, validated) batch when it is transactional, else null. */
export interface TransactionalBatch {
  producerId: bigint;
  producerEpoch: number;
}

export function transactionalBatchOf(records: Buffer): TransactionalBatch | null {
  if ((records.readInt16BE(Offsets.attributes) & Attributes.transactional) === 0) return null;
  const producerId = records.readBigInt64BE(Offsets.producerId);
  if (producerId === NO_PRODUCER_ID) return null;
  return { producerId, producerEpoch: records.readInt16BE(Offsets.producerEpoch) };
}

export function verifyModeOf(version: number): VerifyMode {
  return version >= FIRST_ADD_PARTITION_VERSION ? 'add' : 'verify';
}

/** The transaction version a batch is appended under: 2 when the broker adds partitions itself. */
export function appendTransactionVersion(version: number): number | undefined {
  return version >= FIRST_ADD_PARTITION_VERSION ? 2 : undefined;
}

/**
 * A coordinator's answer for one partition as the producer of this request version gets it: the
 * coordinator's own mapping (AddPartitionsToTxnManager) then the leader's (ReplicaManager), with
 * Kafka's messages where it writes one.
 */
export function verificationError(version: number, code: number): { errorCode: number; errorMessage: string | null } {
  let mapped = code;
  if (code === ErrorCode.PRODUCER_FENCED) mapped = ErrorCode.INVALID_PRODUCER_EPOCH;
  else if (code === ErrorCode.TRANSACTION_ABORTABLE && version < FIRST_GENERIC_ERROR_VERSION) mapped = ErrorCode.INVALID_TXN_STATE;
  else if (code === ErrorCode.CLUSTER_AUTHORIZATION_FAILED) mapped = ErrorCode.INVALID_TXN_STATE;
  if (mapped === ErrorCode.INVALID_TXN_STATE) return { errorCode: mapped, errorMessage: 'Partition was not added to the transaction' };
  // Older clients may not retry these coordinator errors on a produce; NOT_ENOUGH_REPLICAS makes
  // every client retry without a metadata refresh. A version 2 client knows CONCURRENT_TRANSACTIONS.
  const retriable =
    mapped === ErrorCode.NETWORK_EXCEPTION ||
    mapped === ErrorCode.COORDINATOR_LOAD_IN_PROGRESS ||
    mapped === ErrorCode.COORDINATOR_NOT_AVAILABLE ||
    mapped === ErrorCode.NOT_COORDINATOR ||
    (mapped === ErrorCode.CONCURRENT_TRANSACTIONS && version < FIRST_ADD_PARTITION_VERSION);
  if (retriable) return { errorCode: ErrorCode.NOT_ENOUGH_REPLICAS, errorMessage: `Unable to verify the partition has been added to the transaction. Underlying error: ${errorName(mapped)}` };
  return { errorCode: mapped, errorMessage: null };
}

/**
 * Asks the coordinator about `partitions` (none of them already in the transaction), retrying an
 * implicit add refused with CONCURRENT_TRANSACTIONS as Kafka's broker does. Resolves to each
 * partition's code by txnPartitionKey.
 */
export async function verifyPartitions(
  coordinator: TransactionVerifier,
  transactionalId: string,
  producer: TransactionalBatch,
  partitions: readonly { topic: string; partition: number }[],
  mode: VerifyMode,
): Promise<Map<string, number>> {
  const started = Date.now();
  for (;;) {
    const answers = await coordinator.verifyOrAdd(transactionalId, producer.producerId, producer.producerEpoch, partitions, mode);
    const concurrent = [...answers.values()].some((c) => c === ErrorCode.CONCURRENT_TRANSACTIONS);
    if (mode !== 'add' || !concurrent || Date.now() - started >= ADD_RETRY_MAX_MS) return answers;
    await new Promise((resolve) => setTimeout(resolve, ADD_RETRY_BACKOFF_MS));
  }
}

export { txnPartitionKey };
