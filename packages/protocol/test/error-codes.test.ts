import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode, errorInfo, errorName, isRetriable } from '../src/index.js';

test('codes and names are unique and run from -1 to 133 without gaps', () => {
  const codes = Object.values(ErrorCode) as number[];
  assert.equal(new Set(codes).size, codes.length);
  assert.equal(Math.min(...codes), -1);
  assert.equal(Math.max(...codes), 133); // SHARE_SESSION_LIMIT_REACHED, the newest in Kafka 4.3
  assert.equal(codes.length, 135);
});

test('facts from Kafka 4.3 Errors.java and the exceptions behind them', () => {
  assert.equal(ErrorCode.NONE, 0);
  assert.deepEqual(errorInfo(6), { code: 6, name: 'NOT_LEADER_OR_FOLLOWER', retriable: true });
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
  assert.deepEqual(errorInfo(9999), { code: 9999, name: 'UNKNOWN_SERVER_ERROR', retriable: false });
  assert.equal(errorName(9999), 'UNKNOWN_ERROR_CODE_9999');
});
