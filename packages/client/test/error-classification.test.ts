import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, errorName } from '@sluice/protocol';
import { brokerError, isCoordinatorError, isStaleMetadataCode, mustFindCoordinator } from '../src/errors.ts';

const ALL = Object.values(ErrorCode) as number[];
const names = (keep: (code: number) => boolean): string[] => ALL.filter(keep).map(errorName).sort();

test("metadata is refreshed after Java's InvalidMetadataException family and after UNKNOWN_LEADER_EPOCH", () => {
  // Java: every exception extending InvalidMetadataException (Kafka 4.x common/errors) makes the producer and consumer refresh metadata.
  assert.deepEqual(names(isStaleMetadataCode), [
    'ELECTION_NOT_NEEDED',
    'ELIGIBLE_LEADERS_NOT_AVAILABLE',
    'FENCED_LEADER_EPOCH',
    'INCONSISTENT_TOPIC_ID',
    'KAFKA_STORAGE_ERROR',
    'LEADER_NOT_AVAILABLE',
    'LISTENER_NOT_FOUND',
    'NETWORK_EXCEPTION',
    'NOT_LEADER_OR_FOLLOWER',
    'PREFERRED_LEADER_NOT_AVAILABLE',
    'REPLICA_NOT_AVAILABLE',
    'UNKNOWN_LEADER_EPOCH',
    'UNKNOWN_TOPIC_ID',
    'UNKNOWN_TOPIC_OR_PARTITION',
  ]);
});

test('the coordinator is looked up again after NOT_COORDINATOR and COORDINATOR_NOT_AVAILABLE, and asked again while it loads', () => {
  assert.deepEqual(names(mustFindCoordinator), ['COORDINATOR_NOT_AVAILABLE', 'NOT_COORDINATOR']);
  assert.equal(isCoordinatorError(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS), true);
  assert.equal(mustFindCoordinator(ErrorCode.COORDINATOR_LOAD_IN_PROGRESS), false);
  assert.equal(isCoordinatorError(ErrorCode.REBALANCE_IN_PROGRESS), false);
});

test("a broker error keeps Kafka's name as its code and the table's retriable answer", () => {
  const e = brokerError(ErrorCode.NOT_COORDINATOR, 'OffsetCommit');
  assert.equal(e.code, 'NOT_COORDINATOR');
  assert.equal(e.errorCode, 16);
  assert.equal(e.retriable, true);
  assert.equal(brokerError(ErrorCode.PRODUCER_FENCED).retriable, false);
});
