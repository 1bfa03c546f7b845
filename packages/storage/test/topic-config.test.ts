// Pins the topic configs' effective values: Kafka's defaults (flush.messages=1 aside, see
// topic-config.ts), a broker-level setting over the default, a topic's override over both, and
// the refusal of unknown names and bad values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, resolveTopicConfig, topicConfigDefinition, validateTopicConfigs } from '../src/index.ts';

test('the defaults', () => {
  assert.deepEqual(resolveTopicConfig({}), {
    cleanupPolicy: { delete: true, compact: false },
    segmentBytes: 1_073_741_824,
    segmentMs: 604_800_000,
    retentionMs: 604_800_000,
    retentionBytes: -1,
    deleteRetentionMs: 86_400_000,
    minCleanableDirtyRatio: 0.5,
    minCompactionLagMs: 0,
    maxCompactionLagMs: Infinity,
    indexIntervalBytes: 4096,
    flushMessages: 1,
    flushMs: Infinity,
    maxMessageBytes: 1_048_588,
    logAppendTime: false,
    timestampBeforeMaxMs: Infinity,
    timestampAfterMaxMs: 3_600_000,
  });
});

test('a topic override beats the broker setting, which beats the default', () => {
  const c = resolveTopicConfig({ 'retention.ms': '1000', 'cleanup.policy': 'compact,delete' }, { 'log.retention.ms': '2000', 'log.segment.bytes': '4096', 'message.max.bytes': '100', 'log.message.timestamp.type': 'LogAppendTime' });
  assert.equal(c.retentionMs, 1000);
  assert.equal(c.segmentBytes, 4096);
  assert.equal(c.maxMessageBytes, 100);
  assert.equal(c.logAppendTime, true);
  assert.deepEqual(c.cleanupPolicy, { delete: true, compact: true });
});

test('every topic config names the broker setting that gives its default', () => {
  assert.equal(topicConfigDefinition('retention.ms')?.brokerName, 'log.retention.ms');
  assert.equal(topicConfigDefinition('max.message.bytes')?.brokerName, 'message.max.bytes');
  assert.equal(topicConfigDefinition('no.such.config'), undefined);
});

test('unknown names and bad values are refused, naming the setting', () => {
  const refused = (overrides: Record<string, string>, message: string) =>
    assert.throws(() => validateTopicConfigs(overrides), (e: unknown) => e instanceof ConfigError && e.message === message);
  refused({ 'retention.mss': '1' }, 'Unknown topic config name: retention.mss');
  refused({ 'segment.bytes': '13' }, 'Invalid value "13" for configuration segment.bytes: must be at least 14');
  refused({ 'cleanup.policy': 'delete,keep' }, 'Invalid value "delete,keep" for configuration cleanup.policy: keep not allowed; use delete, compact');
  refused({ 'min.cleanable.dirty.ratio': '2' }, 'Invalid value "2" for configuration min.cleanable.dirty.ratio: must be between 0 and 1');
  refused({ 'message.timestamp.type': 'Now' }, 'Invalid value "Now" for configuration message.timestamp.type: must be one of CreateTime, LogAppendTime');
  refused({ preallocate: 'yes' }, 'Invalid value "yes" for configuration preallocate: expected true or false');
  validateTopicConfigs({ 'retention.ms': '-1', 'flush.ms': '9223372036854775807' });
});
