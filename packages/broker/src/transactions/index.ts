/**
 * The transaction coordinator and what other parts of the broker use of it: the produce path and
 * TxnOffsetCommit ask `verifyOrAdd` (KIP-890) before a transactional write. (markers.ts, which
 * the broker's wiring and WriteTxnMarkers use, is left out so that the group coordinator can
 * import this without an import loop.)
 */
export { TransactionCoordinator, type ListTransactionsFilter, type TransactionDescription, type TransactionList } from './coordinator.ts';
export { type TopicPartition, type TxnStateName, txnPartitionKey } from './metadata.ts';
export { TRANSACTION_STATE_TOPIC, TransactionStateTopic } from './state-topic.ts';
export { COORDINATOR_EPOCH, type MarkerWriter, type ProducerIdAndEpoch, type TransactionCoordinatorConfig, type TxnMarker, type VerifyMode } from './types.ts';
