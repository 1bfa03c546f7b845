// The exactly-once settings of source connectors (KIP-618) in `/config/validate`: Kafka's
// definitions (group, defaults, case-insensitive values) everywhere, and, in distributed mode
// only, DistributedHerder's preflight checks with its messages: `exactly.once.support=required`
// against the worker's setting and the connector's exactlyOnceSupport(), and
// `transaction.boundary=connector` against canDefineTransactionBoundaries().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigDef, SourceConnector, SourceTask, type ConnectorConfig, type ConnectorTransactionBoundaries, type ExactlyOnceSupport, type SourceRecord, type TaskClass } from '@sluice/connect-api';
import { MemoryOffsetBackingStore, Worker, WorkerConfig, builtinPlugins, registerBuiltinConnectors } from '@sluice/connect';
import { validateConnectorConfig } from '../src/runtime/validation.ts';

class QuietTask extends SourceTask {
  version(): string {
    return '1';
  }
  start(): void {}
  poll(): SourceRecord[] | null {
    return null;
  }
  stop(): void {}
}

/** A source whose answers come from its config, so one class covers every case. */
class Answering extends SourceConnector {
  version(): string {
    return '1';
  }
  config(): ConfigDef {
    return new ConfigDef();
  }
  start(): void {}
  stop(): void {}
  taskClass(): TaskClass {
    return QuietTask;
  }
  taskConfigs(): ConnectorConfig[] {
    return [{}];
  }
  override exactlyOnceSupport(config: ConnectorConfig): ExactlyOnceSupport | null {
    if (config['answer.eos'] === 'throw') throw new Error('  no idea  ');
    return config['answer.eos'] === 'null' ? null : (config['answer.eos'] as ExactlyOnceSupport);
  }
  override canDefineTransactionBoundaries(config: ConnectorConfig): ConnectorTransactionBoundaries {
    if (config['answer.boundaries'] === 'throw') throw new Error('');
    return (config['answer.boundaries'] === 'null' ? null : config['answer.boundaries']) as ConnectorTransactionBoundaries;
  }
}

const plugins = registerBuiltinConnectors(builtinPlugins());
plugins.register('test.Answering', ['source'], () => new Answering(), '1');
const worker = new Worker(new WorkerConfig({ 'bootstrap.servers': 'localhost:1' }), plugins, new MemoryOffsetBackingStore(), { workerId: 'test', log: () => undefined });

const errorsOf = (config: ConnectorConfig, exactlyOnceSourceEnabled?: boolean) => {
  const infos = validateConnectorConfig(worker, { 'connector.class': 'test.Answering', name: 'c', ...config }, undefined, { exactlyOnceSourceEnabled });
  return Object.fromEntries(infos.configs.filter((c) => c.value !== null && c.value.errors.length > 0).map((c) => [c.value!.name, c.value!.errors]));
};

test('the settings are Kafka\'s: groups, defaults, and values checked case-insensitively', () => {
  const infos = validateConnectorConfig(worker, { 'connector.class': 'FileStreamSource', name: 'c', topic: 't' });
  assert.ok(infos.groups.includes('Exactly Once Support') && infos.groups.includes('offsets.topic'));
  const def = (name: string) => infos.configs.find((c) => c.definition?.name === name)!.definition!;
  assert.equal(def('exactly.once.support').default_value, 'requested');
  assert.equal(def('transaction.boundary').default_value, 'poll');
  assert.equal(def('transaction.boundary.interval.ms').default_value, null);
  assert.equal(def('offsets.storage.topic').group, 'offsets.topic');
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'REQUESTED', 'transaction.boundary': 'Interval', 'transaction.boundary.interval.ms': '0' }), {});
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'maybe', 'transaction.boundary': 'batch', 'transaction.boundary.interval.ms': '-1', 'offsets.storage.topic': '' }), {
    'exactly.once.support': ['Invalid value maybe for configuration exactly.once.support: String must be one of (case insensitive): requested, required'],
    'transaction.boundary': ['Invalid value batch for configuration transaction.boundary: String must be one of (case insensitive): poll, interval, connector'],
    'transaction.boundary.interval.ms': ['Invalid value -1 for configuration transaction.boundary.interval.ms: Value must be at least 0'],
    'offsets.storage.topic': ['Invalid value  for configuration offsets.storage.topic: String must be non-empty'],
  });
  // Sinks have none of them.
  const sink = validateConnectorConfig(worker, { 'connector.class': 'FileStreamSink', name: 's', topics: 't' });
  assert.equal(sink.configs.some((c) => c.definition?.name === 'exactly.once.support'), false);
});

test('standalone mode makes no preflight checks', () => {
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'required', 'transaction.boundary': 'connector', 'answer.eos': 'UNSUPPORTED', 'answer.boundaries': 'UNSUPPORTED' }), {});
});

test('distributed mode: required needs the worker\'s support and the connector\'s SUPPORTED', () => {
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'required', 'answer.eos': 'SUPPORTED' }, true), {});
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'requested', 'answer.eos': 'UNSUPPORTED' }, false), {});
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'required', 'answer.eos': 'SUPPORTED' }, false), { 'exactly.once.support': ['This worker does not have exactly-once source support enabled.'] });
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'Required', 'answer.eos': 'UNSUPPORTED' }, true), { 'exactly.once.support': ['The connector does not support exactly-once semantics with the provided configuration.'] });
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'required', 'answer.eos': 'null' }, true), {
    'exactly.once.support': ['The connector does not implement the API required for preflight validation of exactly-once source support. Please consult the documentation for the connector to determine whether it supports exactly-once semantics, and then consider reconfiguring the connector to use the value "requested" for this property (which will disable this preflight check and allow the connector to be created).'],
  });
  assert.deepEqual(errorsOf({ 'exactly.once.support': 'required', 'answer.eos': 'throw' }, true), { 'exactly.once.support': ['An unexpected error occurred during validation: no idea'] });
});

test('distributed mode: transaction.boundary=connector needs a connector that can define boundaries', () => {
  assert.deepEqual(errorsOf({ 'transaction.boundary': 'connector', 'answer.boundaries': 'SUPPORTED' }, true), {});
  assert.deepEqual(errorsOf({ 'transaction.boundary': 'CONNECTOR', 'answer.boundaries': 'UNSUPPORTED' }, true), {
    'transaction.boundary': ['The connector does not support connector-defined transaction boundaries with the given configuration. Please reconfigure it to use a different transaction boundary definition.'],
  });
  assert.deepEqual(errorsOf({ 'transaction.boundary': 'connector', 'answer.boundaries': 'null' }, true), {
    'transaction.boundary': ["This connector has returned a null value from its canDefineTransactionBoundaries method, which is not permitted. The connector will be treated as if it cannot define its own transaction boundaries, and cannot be configured with 'transaction.boundary' set to 'connector'."],
  });
  assert.deepEqual(errorsOf({ 'transaction.boundary': 'connector', 'answer.boundaries': 'throw' }, true), { 'transaction.boundary': ['An unexpected error occurred during validation; please see the worker logs for more details.'] });
  // The default connector (none of the methods overridden) cannot.
  const fileStream = validateConnectorConfig(worker, { 'connector.class': 'FileStreamSource', name: 'f', topic: 't', 'transaction.boundary': 'connector' }, undefined, { exactlyOnceSourceEnabled: true });
  assert.deepEqual(fileStream.configs.filter((c) => c.value !== null && c.value.errors.length > 0).map((c) => c.value!.name), ['transaction.boundary']);
});
