import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, type ErrorCodeName, errorInfo, errorName, isCoordinatorError, isRetriable } from '../src/index.ts';

test('codes and names are unique and run from -1 to 133 without gaps', () => {
  const codes = Object.values(ErrorCode) as number[];
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(Math.min(...codes), -1);
  assert.equal(Math.max(...codes), 133); // SHARE_SESSION_LIMIT_REACHED, the newest in Kafka 4.3
  assert.equal(codes.length, 135);
});

test('facts from Kafka 4.3 Errors.java and the exceptions behind them', () => {
  assert.equal(ErrorCode.NONE, 0);
  assert.deepEqual(errorInfo(6), { code: 6, name: 'NOT_LEADER_OR_FOLLOWER', retriable: true, refreshMetadata: true, findCoordinator: false, category: 'refresh-retriable' });
  assert.equal(isRetriable(ErrorCode.UNKNOWN_TOPIC_OR_PARTITION), true);
  assert.equal(isRetriable(ErrorCode.CORRUPT_MESSAGE), true);
  assert.equal(isRetriable(ErrorCode.NOT_COORDINATOR), true);
  assert.equal(isRetriable(ErrorCode.TOPIC_AUTHORIZATION_FAILED), false);
  assert.equal(isRetriable(ErrorCode.UNSUPPORTED_VERSION), false);
  assert.equal(isRetriable(ErrorCode.REBALANCE_IN_PROGRESS), false);
  assert.equal(isRetriable(ErrorCode.OFFSET_OUT_OF_RANGE), false);
  assert.equal(isRetriable(ErrorCode.OUT_OF_ORDER_SEQUENCE_NUMBER), false);
  assert.equal(ErrorCode.UNSUPPORTED_VERSION, 35);
  assert.equal(ErrorCode.MEMBER_ID_REQUIRED, 79);
});

test('unknown codes keep their number', () => {
  assert.deepEqual(errorInfo(9999), { code: 9999, name: 'UNKNOWN_SERVER_ERROR', retriable: false, refreshMetadata: false, findCoordinator: false, category: 'unclassified' });
  assert.equal(errorName(9999), 'UNKNOWN_ERROR_CODE_9999');
});

/**
 * Facts from the exception class Errors.java maps each code to, in Kafka 4.3 (the table's version)
 * clients/src/main/java/org/apache/kafka/common/errors. The KIP-1050 base classes are recent:
 * older clients classify some codes differently (InvalidProducerEpochException was a
 * RetriableException, ProducerFencedException a plain ApiException). The class's base decides the answer
 * (InvalidMetadataException, RefreshRetriableException, RetriableException,
 * TransactionAbortableException, ApplicationRecoverableException, InvalidConfigurationException,
 * or plain ApiException).
 */
const JAVA_CLASSES: [ErrorCodeName, string, { retriable: boolean; refreshMetadata: boolean; findCoordinator: boolean; category: string }][] = [
  // NotLeaderOrFollowerException extends InvalidMetadataException (extends RefreshRetriableException)
  ['NOT_LEADER_OR_FOLLOWER', 'InvalidMetadataException', { retriable: true, refreshMetadata: true, findCoordinator: false, category: 'refresh-retriable' }],
  ['UNKNOWN_TOPIC_OR_PARTITION', 'InvalidMetadataException', { retriable: true, refreshMetadata: true, findCoordinator: false, category: 'refresh-retriable' }],
  ['NETWORK_EXCEPTION', 'InvalidMetadataException', { retriable: true, refreshMetadata: true, findCoordinator: false, category: 'refresh-retriable' }],
  ['KAFKA_STORAGE_ERROR', 'InvalidMetadataException', { retriable: true, refreshMetadata: true, findCoordinator: false, category: 'refresh-retriable' }],
  // UnknownLeaderEpochException extends RetriableException only: retried without a refresh
  ['UNKNOWN_LEADER_EPOCH', 'RetriableException', { retriable: true, refreshMetadata: false, findCoordinator: false, category: 'retriable' }],
  // NotCoordinatorException and CoordinatorNotAvailableException extend RefreshRetriableException
  ['NOT_COORDINATOR', 'RefreshRetriableException', { retriable: true, refreshMetadata: false, findCoordinator: true, category: 'refresh-retriable' }],
  ['COORDINATOR_NOT_AVAILABLE', 'RefreshRetriableException', { retriable: true, refreshMetadata: false, findCoordinator: true, category: 'refresh-retriable' }],
  // CoordinatorLoadInProgressException extends RetriableException: ask the same coordinator again
  ['COORDINATOR_LOAD_IN_PROGRESS', 'RetriableException', { retriable: true, refreshMetadata: false, findCoordinator: false, category: 'retriable' }],
  ['CONCURRENT_TRANSACTIONS', 'RetriableException', { retriable: true, refreshMetadata: false, findCoordinator: false, category: 'retriable' }],
  ['NOT_ENOUGH_REPLICAS', 'RetriableException', { retriable: true, refreshMetadata: false, findCoordinator: false, category: 'retriable' }],
  ['TRANSACTION_ABORTABLE', 'TransactionAbortableException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'abortable' }],
  ['PRODUCER_FENCED', 'ApplicationRecoverableException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'application-recoverable' }],
  ['INVALID_PRODUCER_EPOCH', 'ApplicationRecoverableException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'application-recoverable' }],
  ['UNKNOWN_MEMBER_ID', 'ApplicationRecoverableException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'application-recoverable' }],
  ['TOPIC_AUTHORIZATION_FAILED', 'AuthorizationException extends InvalidConfigurationException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'invalid-configuration' }],
  ['UNSUPPORTED_VERSION', 'InvalidConfigurationException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'invalid-configuration' }],
  // OutOfOrderSequenceException, RebalanceInProgressException and MessageTooLargeException... extend ApiException alone
  ['OUT_OF_ORDER_SEQUENCE_NUMBER', 'ApiException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'unclassified' }],
  ['REBALANCE_IN_PROGRESS', 'ApiException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'unclassified' }],
  ['MESSAGE_TOO_LARGE', 'ApiException', { retriable: false, refreshMetadata: false, findCoordinator: false, category: 'unclassified' }],
];

test('classification follows the base class of the exception Kafka 4.x maps each code to', () => {
  for (const [name, javaBase, expected] of JAVA_CLASSES) {
    const { retriable, refreshMetadata, findCoordinator, category } = errorInfo(ErrorCode[name]);
    assert.deepEqual({ retriable, refreshMetadata, findCoordinator, category }, expected, `${name} (${javaBase})`);
  }
});

test('the classes nest as in Java: a metadata refresh or a coordinator search is always followed by a retry', () => {
  for (const code of Object.values(ErrorCode) as number[]) {
    const info = errorInfo(code);
    if (info.refreshMetadata || info.findCoordinator) assert.equal(info.retriable, true, info.name);
    assert.equal(info.category === 'retriable' || info.category === 'refresh-retriable', info.retriable, info.name);
    assert.ok(!(info.refreshMetadata && info.findCoordinator), info.name);
  }
});

test('coordinator errors: the three that concern the coordinator, and only two of them send the client to find it again', () => {
  const coordinator = (Object.values(ErrorCode) as number[]).filter(isCoordinatorError).map(errorName).sort();
  assert.deepEqual(coordinator, ['COORDINATOR_LOAD_IN_PROGRESS', 'COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR']);
});
