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
  assert.throws(() => c.applyDynamic('node.id', '3'), /cannot be changed while the broker runs/);
  c.applyDynamic('num.partitions', '3');
  assert.equal(c.int('num.partitions'), 3);
  c.applyDynamic('num.partitions', null);
  assert.equal(c.int('num.partitions'), 1);
});
