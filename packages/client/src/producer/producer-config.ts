/** The producer's options: the common client options and the producer's own. */
import { commonOptions } from '../network/common-config.ts';
import { type OptionsOf, opt, tuned } from '../options.ts';
import type { Partitioner } from './partitioner.ts';

export const producerOptions = {
  ...commonOptions,
  acks: tuned(opt.oneOf(['all', -1, 0, 1] as const, 'all', 'acks', 'Acknowledgement needed: 0 (none), 1 (leader), `all`/-1 (all in-sync replicas)'), { importance: 'high' }),
  idempotent: tuned(
    opt.custom<boolean | undefined>('boolean', undefined, 'enable.idempotence', 'Exactly-once delivery per partition (producer id + sequences). Default: true, unless acks is not `all`', (v) =>
      v === undefined || typeof v === 'boolean' ? undefined : 'must be true or false',
    ),
    { importance: 'low' },
  ),
  lingerMs: opt.int(5, 'linger.ms', 'How long a batch waits for more records before it is sent'),
  batchSize: opt.int(16_384, 'batch.size', 'Batch size in bytes per partition; while the sender is behind, new batches grow up to 1 MiB', { min: 1 }),
  bufferMemory: tuned(opt.int(33_554_432, 'buffer.memory', 'Bytes of unsent batches held before `send` waits', { min: 1024 }), { importance: 'high' }),
  maxBlockMs: opt.int(60_000, 'max.block.ms', 'How long `send` may wait for metadata or buffer memory'),
  metadataMaxIdleMs: tuned(
    opt.int(300_000, 'metadata.max.idle.ms', 'How long the metadata of a topic the producer no longer sends to is kept; the next send to a forgotten topic fetches it again', { min: 5000 }),
    { importance: 'low' },
  ),
  compression: tuned(opt.oneOf(['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const, 'none', 'compression.type', 'Batch compression codec'), { importance: 'high' }),
  compressionLevel: opt.optionalInt('compression.gzip.level, compression.zstd.level', 'Codec level (gzip 1-9, zstd 1-22); default: the codec default'),
  retries: tuned(opt.int(2_147_483_647, 'retries', 'How often a batch is retried after a retriable error (deliveryTimeoutMs bounds the time)'), { importance: 'high' }),
  deliveryTimeoutMs: opt.int(120_000, 'delivery.timeout.ms', 'Upper bound on the time from `send` to success or failure', { min: 1 }),
  maxRequestSize: opt.int(1_048_576, 'max.request.size', 'Largest Produce request (and so largest record)', { min: 128 }),
  maxInFlightRequestsPerConnection: tuned(opt.int(5, 'max.in.flight.requests.per.connection', 'Produce requests in flight per broker (at most 5 with idempotence)', { min: 1 }), { importance: 'low' }),
  transactionalId: tuned(opt.optionalString('transactional.id', 'Makes the producer transactional: initTransactions() fences earlier producers with the same id; implies idempotence'), { importance: 'low' }),
  transactionTimeoutMs: tuned(opt.int(60_000, 'transaction.timeout.ms', 'How long the coordinator lets a transaction stay open before aborting it (at most the broker\'s transaction.max.timeout.ms)', { min: 1 }), { importance: 'low' }),
  partitioner: opt.custom<Partitioner | undefined>('Partitioner', undefined, 'partitioner.class', 'A function choosing the partition; return undefined for the default', (v) =>
    v === undefined || typeof v === 'function' ? undefined : 'must be a function',
  ),
  partitionerIgnoreKeys: opt.bool(false, 'partitioner.ignore.keys', 'Spread keyed records like unkeyed ones (sticky) instead of hashing the key'),
  partitionerAdaptivePartitioningEnable: tuned(opt.bool(true, 'partitioner.adaptive.partitioning.enable', 'Sticky partitioning favours partitions with shorter queues'), { importance: 'low' }),
} as const;

export type ProducerOptions = OptionsOf<typeof producerOptions>;
