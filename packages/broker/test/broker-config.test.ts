import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BrokerConfig, parseProperties } from '../src/config/broker-config.ts';
import { ConfigError } from '../src/config/definitions.ts';

test('defaults are Kafka defaults', () => {
  const c = new BrokerConfig();
  assert.equal(c.bool('auto.create.topics.enable'), true);
  assert.equal(c.int('num.partitions'), 1);
  assert.equal(c.int('socket.request.max.bytes'), 104857600);
  assert.equal(c.int('connections.max.idle.ms'), 600000);
  assert.equal(c.int('max.connections'), 2147483647);
  assert.equal(c.int('max.connections.per.ip'), 2147483647);
  assert.equal(c.string('max.connections.per.ip.overrides'), '');
  // Ours, not Kafka's (-1, no limit): bounded by default, so clients cannot exhaust memory.
  assert.equal(c.int('queued.max.request.bytes'), 209715200);
});

test('properties files, synonyms and overrides', () => {
  const c = new BrokerConfig();
  c.applyStatic(parseProperties('# comment\nnum.partitions = 6\nlog.dir: /tmp/x\nlisteners=PLAINTEXT://0.0.0.0:\\\n  19092\nsome.unknown.key=1\n'));
  assert.equal(c.int('num.partitions'), 6);
  assert.equal(c.string('log.dirs'), '/tmp/x');
  assert.equal(c.string('listeners'), 'PLAINTEXT://0.0.0.0:19092');
  assert.deepEqual(c.unknownKeys, ['some.unknown.key']);
  assert.equal(c.describe().find((e) => e.name === 'num.partitions')?.source, 'STATIC_BROKER_CONFIG');
});

test('bad values are refused with the name and the reason', () => {
  const c = new BrokerConfig();
  assert.throws(() => c.applyStatic({ 'num.partitions': 'many' }), (e: unknown) => e instanceof ConfigError && /num.partitions.*whole number/.test(e.message));
  assert.throws(() => c.applyStatic({ 'num.partitions': '0' }), /at least 1/);
  assert.throws(() => c.applyStatic({ 'auto.create.topics.enable': 'yes' }), /true or false/);
  // Kafka 4.3.1's words for a setting it cannot change while running (num.partitions is one).
  assert.throws(() => c.checkDynamic('node.id', '3'), /^ConfigError: Cannot update these configs dynamically: \[node.id\]$/);
  assert.throws(() => c.checkDynamic('num.partitions', '3'), /Cannot update these configs dynamically: \[num.partitions\]/);
  assert.throws(() => c.checkDynamic('message.max.bytes', '-1'), /message.max.bytes/);
  assert.equal(c.checkDynamic('message.max.bytes', '2000'), 'message.max.bytes');
});

test('dynamic layers: this broker over the cluster-wide default over the file over the default, each removal falling back', () => {
  const c = new BrokerConfig();
  c.applyStatic({ 'message.max.bytes': '3000' });
  const layers = (clusterDefault: Record<string, string>, perBroker: Record<string, string>) => c.setDynamicLayers({ clusterDefault: new Map(Object.entries(clusterDefault)), perBroker: new Map(Object.entries(perBroker)) });
  const state = () => [c.int('message.max.bytes'), c.sourceOf('message.max.bytes'), c.describe().find((e) => e.name === 'message.max.bytes')!.synonyms.map((s) => `${s.source}=${s.value}`)];
  assert.deepEqual(layers({ 'message.max.bytes': '2000' }, { 'message.max.bytes': '1000' }), []);
  assert.deepEqual(state(), [1000, 'DYNAMIC_BROKER_CONFIG', ['DYNAMIC_BROKER_CONFIG=1000', 'DYNAMIC_DEFAULT_BROKER_CONFIG=2000', 'STATIC_BROKER_CONFIG=3000', 'DEFAULT_CONFIG=1048588']]);
  assert.deepEqual(c.describe(true).map((e) => [e.name, e.value, e.source]), [['message.max.bytes', '2000', 'DYNAMIC_DEFAULT_BROKER_CONFIG']]);
  layers({ 'message.max.bytes': '2000' }, {});
  assert.deepEqual(state(), [2000, 'DYNAMIC_DEFAULT_BROKER_CONFIG', ['DYNAMIC_DEFAULT_BROKER_CONFIG=2000', 'STATIC_BROKER_CONFIG=3000', 'DEFAULT_CONFIG=1048588']]);
  layers({}, {});
  assert.deepEqual(state(), [3000, 'STATIC_BROKER_CONFIG', ['STATIC_BROKER_CONFIG=3000', 'DEFAULT_CONFIG=1048588']]);
  // Values that cannot be used are skipped, the layer below in force, and reported.
  const skipped = layers({ 'message.max.bytes': 'lots', 'node.id': '7', 'no.such.setting': '1' }, { 'message.max.bytes': '-5' });
  assert.deepEqual(skipped.map((s) => `${s.layer} ${s.name}=${s.value}`), ['clusterDefault message.max.bytes=lots', 'clusterDefault node.id=7', 'clusterDefault no.such.setting=1', 'perBroker message.max.bytes=-5']);
  assert.deepEqual(state(), [3000, 'STATIC_BROKER_CONFIG', ['STATIC_BROKER_CONFIG=3000', 'DEFAULT_CONFIG=1048588']]);
  assert.equal(c.int('node.id'), 0);
});
