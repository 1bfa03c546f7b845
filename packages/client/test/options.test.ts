// Pins the client's option handling: every default (Kafka's, or Sluice's where noted in the
// README), the wording of validation errors, and the refusal of unknown names, so that moving
// the tables onto @sluice/config changes none of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { adminOptions } from '../src/admin/admin-config.ts';
import { consumerOptions } from '../src/consumer/consumer-config.ts';
import { producerOptions } from '../src/producer/producer-config.ts';
import { resolveOptions } from '../src/options.ts';
import { ClientErrorCode, KafkaError } from '../src/errors.ts';

const common = {
  bootstrapServers: 'localhost:9092',
  clientId: 'sluice',
  requestTimeoutMs: 30_000,
  connectionTimeoutMs: 10_000,
  reconnectBackoffMs: 50,
  reconnectBackoffMaxMs: 1000,
  retryBackoffMs: 100,
  retryBackoffMaxMs: 1000,
  metadataMaxAgeMs: 300_000,
  tls: undefined,
  sasl: undefined,
};

test('producer defaults', () => {
  assert.deepEqual(resolveOptions(producerOptions, { bootstrapServers: 'localhost:9092' }, 'producer'), {
    ...common,
    acks: 'all',
    idempotent: undefined,
    lingerMs: 5,
    batchSize: 16_384,
    bufferMemory: 33_554_432,
    maxBlockMs: 60_000,
    metadataMaxIdleMs: 300_000,
    compression: 'none',
    compressionLevel: undefined,
    retries: 2_147_483_647,
    deliveryTimeoutMs: 120_000,
    maxRequestSize: 1_048_576,
    maxInFlightRequestsPerConnection: 5,
    transactionalId: undefined,
    transactionTimeoutMs: 60_000,
    partitioner: undefined,
    partitionerIgnoreKeys: false,
    partitionerAdaptivePartitioningEnable: true,
  });
});

test('consumer defaults', () => {
  assert.deepEqual(resolveOptions(consumerOptions, { bootstrapServers: 'localhost:9092' }, 'consumer'), {
    ...common,
    groupId: undefined,
    groupInstanceId: undefined,
    sessionTimeoutMs: 45_000,
    heartbeatIntervalMs: 3000,
    maxPollIntervalMs: 300_000,
    autoOffsetReset: 'latest',
    enableAutoCommit: true,
    autoCommitIntervalMs: 5000,
    isolationLevel: 'read_uncommitted',
    fetchMinBytes: 1,
    fetchMaxBytes: 52_428_800,
    fetchMaxWaitMs: 500,
    maxPartitionFetchBytes: 1_048_576,
    maxPollRecords: 500,
    partitionAssigners: ['range', 'cooperative-sticky'],
    allowAutoCreateTopics: true,
    checkCrcs: true,
    clientRack: '',
    excludeInternalTopics: true,
    defaultApiTimeoutMs: 60_000,
  });
});

test('admin defaults', () => {
  assert.deepEqual(resolveOptions(adminOptions, { bootstrapServers: ['a:1', 'b:2'] }, 'admin'), { ...common, bootstrapServers: ['a:1', 'b:2'], defaultApiTimeoutMs: 60_000 });
});

test('given values are kept as given', () => {
  const o = resolveOptions(producerOptions, { bootstrapServers: 'x:1', acks: 1, lingerMs: 0, compression: 'zstd', compressionLevel: 3 }, 'producer');
  assert.equal(o.acks, 1);
  assert.equal(o.lingerMs, 0);
  assert.equal(o.compression, 'zstd');
  assert.equal(o.compressionLevel, 3);
});

function refused(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof KafkaError, `a KafkaError, not ${String(e)}`);
    assert.equal(e.code, ClientErrorCode.INVALID_ARGUMENT);
    assert.equal(e.message, message);
    return true;
  });
}

test('every problem is listed in one error: unknown names first, then the table order', () => {
  refused(
    () => resolveOptions(producerOptions, { lingerMS: 5, acks: 2, batchSize: 0, compression: 'brotli', idempotent: 'yes' }, 'producer'),
    "invalid producer options: unknown option 'lingerMS'; 'bootstrapServers' is required; 'acks' must be one of \"all\", -1, 0, 1 (got 2); 'idempotent' must be true or false (got \"yes\"); 'batchSize' must be at least 1 (got 0); 'compression' must be one of \"none\", \"gzip\", \"snappy\", \"lz4\", \"zstd\" (got \"brotli\")",
  );
});

test('values of the wrong kind are described in the error', () => {
  refused(() => resolveOptions(consumerOptions, { bootstrapServers: [], sessionTimeoutMs: 1.5 }, 'consumer'), "invalid consumer options: 'bootstrapServers' must be a host:port string or a non-empty array of them (got an array); 'sessionTimeoutMs' must be an integer (got 1.5)");
  refused(() => resolveOptions(consumerOptions, { bootstrapServers: 'x:1', partitionAssigners: {} }, 'consumer'), "invalid consumer options: 'partitionAssigners' must be a non-empty array of PartitionAssignor objects or 'range', 'roundrobin', 'cooperative-sticky' (got an object)");
  refused(() => resolveOptions(consumerOptions, { bootstrapServers: 'x:1', groupId: '' }, 'consumer'), "invalid consumer options: 'groupId' must be a non-empty string (got \"\")");
  refused(() => resolveOptions(producerOptions, { bootstrapServers: 'x:1', bufferMemory: 1023 }, 'producer'), "invalid producer options: 'bufferMemory' must be at least 1024 (got 1023)");
});

test('an unknown name given as undefined is ignored, as an absent option is', () => {
  assert.equal(resolveOptions(adminOptions, { bootstrapServers: 'x:1', nothing: undefined }, 'admin').defaultApiTimeoutMs, 60_000);
});

test('no options at all is refused for the missing bootstrapServers', () => {
  refused(() => resolveOptions(adminOptions, undefined, 'admin'), "invalid admin options: 'bootstrapServers' is required");
});
