import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCode } from '@sluice/protocol';
import { StorageError } from '@sluice/storage';
import { GroupError, KafkaAnswerError, TopicError } from '../src/errors.ts';
import { errorCodeOf, messageOf } from '../src/handlers/errors.ts';
import { validateTopicName } from '../src/topics/names.ts';

test("a refused group or topic request carries Kafka's name, its number for the response and a message", () => {
  const e = new GroupError('FENCED_INSTANCE_ID', 'instance i-1 belongs to another member');
  assert.ok(e instanceof KafkaAnswerError);
  assert.equal(e.name, 'GroupError');
  assert.equal(e.code, 'FENCED_INSTANCE_ID');
  assert.equal(e.errorCode, 82);
  assert.equal(errorCodeOf(e), ErrorCode.FENCED_INSTANCE_ID);
  assert.equal(messageOf(e), 'instance i-1 belongs to another member');
});

test('handlers answer with the Kafka error a lower layer names, and UNKNOWN_SERVER_ERROR for anything else', () => {
  assert.throws(
    () => validateTopicName('a/b'),
    (e: unknown) => e instanceof TopicError && e.code === 'INVALID_TOPIC_EXCEPTION' && errorCodeOf(e) === 17 && /illegal/.test(messageOf(e)),
  );
  assert.equal(errorCodeOf(new StorageError('TOPIC_ALREADY_EXISTS', 'exists', ErrorCode.TOPIC_ALREADY_EXISTS)), 36);
  assert.equal(errorCodeOf(new Error('a bug')), ErrorCode.UNKNOWN_SERVER_ERROR);
  assert.equal(errorCodeOf({ kafkaErrorCode: 36 }), ErrorCode.UNKNOWN_SERVER_ERROR);
  assert.equal(errorCodeOf(null), ErrorCode.UNKNOWN_SERVER_ERROR);
});
