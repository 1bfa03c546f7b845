// Pins KafkaStreams' settings: the wording of every kind of refusal (unknown name, missing
// required setting, bad value, listed in the order given, the missing ones last) and the
// defaults, which live only in the definitions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KafkaStreams, Serdes, StreamsBuilder, type StreamsConfig } from '../src/index.ts';
import { resolveStreamsConfig, streamsConfigDefinitions } from '../src/runtime/config.ts';
import { failOnInvalidTimestamp } from '../src/processor/timestamps.ts';
import { defaultProductionExceptionHandler, logAndFailExceptionHandler, logAndFailProcessingExceptionHandler } from '../src/runtime/handlers.ts';

function topology() {
  const b = new StreamsBuilder();
  b.stream('in').to('out');
  return b.build();
}

function refused(config: unknown, message: string): void {
  assert.throws(() => new KafkaStreams(topology(), config as StreamsConfig), (e: unknown) => {
    assert.ok(e instanceof Error);
    assert.equal(e.message, message);
    return true;
  });
}

test('a config that is not an object is refused', () => {
  refused(null, 'KafkaStreams needs a config object with applicationId and bootstrapServers');
});

test('every problem is listed, in the order given, missing required settings last', () => {
  refused(
    { pollMs: -1, comitIntervalMs: 5, replicationFactor: 0, defaultKeySerde: {}, logger: {} },
    "invalid streams config: 'pollMs' (poll.ms) must be a non-negative integer; unknown option 'comitIntervalMs'; 'replicationFactor' (replication.factor) must be -1 or a positive integer; 'defaultKeySerde' (default.key.serde) must be a Serde; 'logger' () must have info, warn and error functions; 'applicationId' (application.id) is required; 'bootstrapServers' (bootstrap.servers) is required",
  );
  refused(
    { applicationId: 'a b', bootstrapServers: [], processingGuarantee: 'exactly_once_beta', consumer: 1, deserializationExceptionHandler: 'x' },
    "invalid streams config: 'applicationId' (application.id) must be a non-empty string of letters, digits, '.', '_', '-'; 'bootstrapServers' (bootstrap.servers) must be a host:port string or a non-empty array; 'processingGuarantee' (processing.guarantee) is refused: Invalid value exactly_once_beta for configuration processing.guarantee: String must be one of: at_least_once, exactly_once_v2 (Kafka 4.0 removed exactly_once and exactly_once_beta: use exactly_once_v2); 'consumer' (consumer.*) must be an object; 'deserializationExceptionHandler' (deserialization.exception.handler) must be a function",
  );
  refused({ applicationId: 'a', bootstrapServers: 'x:1', clientId: '' }, "invalid streams config: 'clientId' (client.id) must be a non-empty string");
});

test('unknown names are refused even when their value is undefined', () => {
  refused({ applicationId: 'a', bootstrapServers: 'x:1', nothing: undefined }, "invalid streams config: unknown option 'nothing'");
});

test('the defaults, from the definitions', () => {
  const o = resolveStreamsConfig({ applicationId: 'app', bootstrapServers: 'x:1' });
  assert.equal(o.clientId, undefined, 'made per instance from the application id');
  assert.equal(o.logger, undefined, 'made per instance from the client id');
  assert.equal(o.commitIntervalMs, 30_000);
  assert.equal(o.pollMs, 100);
  assert.equal(o.processingGuarantee, 'at_least_once');
  assert.equal(o.maxTaskIdleMs, 0);
  assert.equal(o.applicationServer, '');
  assert.equal(o.replicationFactor, -1);
  assert.equal(o.repartitionPurgeIntervalMs, 30_000);
  assert.deepEqual([o.consumer, o.producer, o.admin], [{}, {}, {}]);
  assert.equal(o.deserializationExceptionHandler, logAndFailExceptionHandler);
  assert.equal(o.productionExceptionHandler, defaultProductionExceptionHandler);
  assert.equal(o.processingExceptionHandler, logAndFailProcessingExceptionHandler);
  assert.equal(o.defaultTimestampExtractor, failOnInvalidTimestamp);
  const buffer = Serdes.Buffer();
  const bytes = Buffer.from([1, 2, 3]);
  assert.deepEqual(o.defaultKeySerde.deserialize('t', buffer.serialize('t', bytes)), bytes);
  assert.deepEqual(o.defaultValueSerde.serialize('t', bytes), buffer.serialize('t', bytes));
});

test('every setting has Kafka\'s name (or none, for the logger) and a doc', () => {
  for (const [name, spec] of Object.entries(streamsConfigDefinitions)) {
    assert.ok(spec.doc.length > 0, name);
    assert.equal(spec.kafka === '', name === 'logger', name);
  }
});

test('exactly_once_v2 makes commit.interval.ms 100 unless given, as Java does', () => {
  assert.equal(resolveStreamsConfig({ applicationId: 'a', bootstrapServers: 'x:1', processingGuarantee: 'exactly_once_v2' }).commitIntervalMs, 100);
  assert.equal(resolveStreamsConfig({ applicationId: 'a', bootstrapServers: 'x:1', processingGuarantee: 'exactly_once_v2', commitIntervalMs: 2000 }).commitIntervalMs, 2000);
  assert.equal(resolveStreamsConfig({ applicationId: 'a', bootstrapServers: 'x:1', processingGuarantee: 'at_least_once' }).commitIntervalMs, 30_000);
});

test('max.task.idle.ms takes -1 (never wait) or a non-negative integer; application.server takes host:port', () => {
  assert.equal(resolveStreamsConfig({ applicationId: 'a', bootstrapServers: 'x:1', maxTaskIdleMs: -1 }).maxTaskIdleMs, -1);
  refused({ applicationId: 'a', bootstrapServers: 'x:1', maxTaskIdleMs: -2 }, "invalid streams config: 'maxTaskIdleMs' (max.task.idle.ms) must be -1 or a non-negative integer");
  assert.equal(resolveStreamsConfig({ applicationId: 'a', bootstrapServers: 'x:1', applicationServer: 'app-1.local:7070' }).applicationServer, 'app-1.local:7070');
  refused({ applicationId: 'a', bootstrapServers: 'x:1', applicationServer: 'localhost' }, "invalid streams config: 'applicationServer' (application.server) must be 'host:port' (or empty)");
});
