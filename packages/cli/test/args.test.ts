// The command line's small parsers, the JSON form of records, and how failures are explained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaError } from '@sluice/client';
import { joinNegativeValues, parseCommandLine, parseDuration, parseTime } from '../src/args.ts';
import { explainUnreachable } from '../src/connect.ts';
import { explainFailure } from '../src/failures.ts';
import { parseTopicSpec, resetTarget } from '../src/group-command.ts';
import { parseFormat, recordJson } from '../src/record-format.ts';
import { alterOps } from '../src/topic-command.ts';

test('a negative number after an option that takes a value is its value, as in Kafka tools (--shift-by -2)', () => {
  const options = { 'shift-by': { type: 'string' }, partition: { type: 'string', short: 'p' }, execute: { type: 'boolean' } } as const;
  assert.deepEqual(joinNegativeValues(['g', '--shift-by', '-2', '-p', '-1', '--execute'], options), ['g', '--shift-by=-2', '--partition=-1', '--execute']);
  // Not after a boolean, not past '--', and not a word that merely starts with '-'.
  assert.deepEqual(joinNegativeValues(['--execute', '-2', '--', '--shift-by', '-3'], options), ['--execute', '-2', '--', '--shift-by', '-3']);
  assert.deepEqual(joinNegativeValues(['--shift-by', '-x'], options), ['--shift-by', '-x']);
  assert.equal(parseCommandLine({ args: ['--shift-by', '-5'], options }).values['shift-by'], '-5');
});

test('durations: ISO 8601 as kafka-consumer-groups.sh takes them, and the short forms', () => {
  assert.equal(parseDuration('PT1H30M', '--by-duration'), 90 * 60_000);
  assert.equal(parseDuration('P1DT2S', '--by-duration'), 86_400_000 + 2000);
  assert.equal(parseDuration('PT0.5S', '--by-duration'), 500);
  assert.equal(parseDuration('90s', '--by-duration'), 90_000);
  assert.equal(parseDuration('1h30m', '--by-duration'), 90 * 60_000);
  assert.equal(parseDuration('2d', '--by-duration'), 2 * 86_400_000);
  assert.equal(parseDuration('250ms', '--by-duration'), 250);
  for (const bad of ['', 'P', 'PT', 'soon', '1x', '-5m', 'P1H']) assert.throws(() => parseDuration(bad, '--by-duration'), /--by-duration: cannot read/, bad);
});

test('times: ISO 8601 with or without a zone, or epoch milliseconds', () => {
  assert.equal(parseTime('2026-12-03T09:30:00Z', '--to-datetime'), Date.UTC(2026, 11, 3, 9, 30));
  assert.equal(parseTime('2026-12-03T09:30:00.250+01:00', '--to-datetime'), Date.UTC(2026, 11, 3, 8, 30, 0, 250));
  assert.equal(parseTime('1764754200000', '--to-datetime'), 1764754200000);
  assert.throws(() => parseTime('yesterday', '--to-datetime'), /--to-datetime: cannot read "yesterday" as a time/);
});

test('reset-offsets targets and topic specs', () => {
  const now = Date.UTC(2026, 11, 3, 12);
  assert.deepEqual(resetTarget({ 'to-earliest': true }, now), { kind: 'earliest' });
  assert.deepEqual(resetTarget({ 'to-offset': '42' }, now), { kind: 'offset', offset: 42n });
  assert.deepEqual(resetTarget({ 'shift-by': '-3' }, now), { kind: 'shift', by: -3n });
  assert.deepEqual(resetTarget({ 'to-datetime': '2026-12-03T09:00:00Z' }, now), { kind: 'time', timestamp: Date.UTC(2026, 11, 3, 9) });
  assert.deepEqual(resetTarget({ 'by-duration': 'PT2H' }, now), { kind: 'time', timestamp: Date.UTC(2026, 11, 3, 10) });
  assert.throws(() => resetTarget({}, now), /give exactly one of/);
  assert.throws(() => resetTarget({ 'to-latest': true, 'shift-by': '1' }, now), /\(got --to-latest, --shift-by\)/);
  assert.deepEqual(parseTopicSpec('orders'), { topic: 'orders', partitions: null });
  assert.deepEqual(parseTopicSpec('orders:0,2'), { topic: 'orders', partitions: [0, 2] });
  assert.throws(() => parseTopicSpec(':1'), /a topic name comes before ':'/);
});

test('alter-config options become IncrementalAlterConfigs operations', () => {
  assert.deepEqual(alterOps({ set: ['retention.ms=1000', 'cleanup.policy=compact'], delete: ['segment.ms'], append: ['cleanup.policy=delete'] }), [
    { name: 'retention.ms', op: 'set', value: '1000' },
    { name: 'cleanup.policy', op: 'set', value: 'compact' },
    { name: 'segment.ms', op: 'delete' },
    { name: 'cleanup.policy', op: 'append', value: 'delete' },
  ]);
});

test('JSON lines: UTF-8 as text, other bytes as base64 flagged beside them, every header kept', () => {
  assert.equal(parseFormat('json'), 'json');
  assert.deepEqual(parseFormat('%k=%v'), { template: '%k=%v' });
  const line = recordJson({
    topic: 'payments',
    partition: 2,
    offset: 41n,
    timestamp: 1764754200000,
    timestampType: 'CreateTime',
    key: Buffer.from('customer-42'),
    value: Buffer.from([0xff, 0x00, 0x7b]),
    headers: [
      { key: 'trace', value: Buffer.from('a') },
      { key: 'trace', value: Buffer.from('b') },
      { key: 'blob', value: Buffer.from([0xc3]) },
      { key: 'none', value: null },
    ],
  });
  assert.deepEqual(JSON.parse(line), {
    topic: 'payments',
    partition: 2,
    offset: 41,
    timestamp: 1764754200000,
    timestampType: 'CreateTime',
    key: 'customer-42',
    value: '/wB7',
    valueEncoding: 'base64',
    headers: [
      { key: 'trace', value: 'a' },
      { key: 'trace', value: 'b' },
      { key: 'blob', value: 'ww==', valueEncoding: 'base64' },
      { key: 'none', value: null },
    ],
  });
  const empty = JSON.parse(recordJson({ topic: 't', partition: 0, offset: 0n, timestamp: 0, timestampType: 'LogAppendTime', key: null, value: Buffer.from('{"a":1}'), headers: [] }));
  assert.equal(empty.key, null);
  assert.equal(empty.value, '{"a":1}');
  assert.equal('keyEncoding' in empty, false);
});

test('an unreachable cluster is explained by its cause (the refused case runs for real in tests/e2e/cli-admin.test.ts)', () => {
  const connectError = (cause: Error) => new KafkaError('TIMEOUT', 'connecting did not succeed', { cause: new KafkaError('CONNECTION_FAILED', 'cannot connect', { cause, retriable: true }) });
  const errno = (code: string) => Object.assign(new Error(code), { code });
  const local = { bootstrapServers: 'localhost:9092', connectTimeoutMs: 3000 };
  const remote = { bootstrapServers: 'kafka-1:9092,kafka-2:9092', connectTimeoutMs: 3000 };
  assert.equal(explainUnreachable(local, connectError(errno('ECONNREFUSED'))), 'cannot connect to localhost:9092 (connection refused); is a broker running? start one with `npx sluice broker`');
  assert.equal(
    explainUnreachable(remote, connectError(errno('ECONNREFUSED'))),
    'cannot connect to any of kafka-1:9092,kafka-2:9092 (connection refused); check --bootstrap-server (or $KAFKA_BOOTSTRAP_SERVERS) and that the cluster is up',
  );
  assert.equal(explainUnreachable(remote, connectError(errno('ENOTFOUND'))), 'cannot connect to any of kafka-1:9092,kafka-2:9092 (unknown host); check the host name in --bootstrap-server');
  assert.match(explainUnreachable(local, connectError(new Error('no connection within 3000 ms'))), /^cannot connect to localhost:9092 \(no answer within 3000 ms\); is a broker running\?.*--connect-timeout MS waits longer$/);
});

test('client errors keep their Kafka name and say what to do', () => {
  const exists = new KafkaError('TOPIC_ALREADY_EXISTS', "creating topic 'orders': TOPIC_ALREADY_EXISTS (Topic 'orders' already exists.)", { errorCode: 36 });
  assert.equal(explainFailure(exists), "creating topic 'orders': TOPIC_ALREADY_EXISTS (Topic 'orders' already exists.)\n  pick another name, or delete the topic first with `sluice topic delete NAME`");
  const timeout = new KafkaError('TIMEOUT', 'deleting topics did not succeed within 60000 ms: NOT_CONTROLLER', { cause: new KafkaError('NOT_CONTROLLER', 'NOT_CONTROLLER', { errorCode: 41 }) });
  assert.match(explainFailure(timeout), /^TIMEOUT: deleting topics did not succeed within 60000 ms: NOT_CONTROLLER\n {2}the cluster did not finish in time/);
  // Retries ran out on an error with advice of its own: that advice.
  const gone = new KafkaError('TIMEOUT', 'describing configs did not succeed: UNKNOWN_TOPIC_OR_PARTITION', { cause: new KafkaError('UNKNOWN_TOPIC_OR_PARTITION', 'UNKNOWN_TOPIC_OR_PARTITION', { errorCode: 3 }) });
  assert.match(explainFailure(gone), /\n {2}`sluice topic list` lists the topics/);
  assert.equal(explainFailure(new KafkaError('SOMETHING_NEW', 'SOMETHING_NEW')), 'SOMETHING_NEW');
});
