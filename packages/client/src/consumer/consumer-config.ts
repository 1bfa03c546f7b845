/** The consumer's options: the common client options and the consumer's own. */
import { commonOptions } from '../network/common-config.ts';
import { type OptionsOf, opt, tuned } from '../options.ts';
import { type PartitionAssignor, builtInAssignors } from './assignors.ts';

export type AssignorOption = PartitionAssignor | 'range' | 'roundrobin' | 'cooperative-sticky';

export const consumerOptions = {
  ...commonOptions,
  groupId: tuned(opt.optionalString('group.id', 'Consumer group; needed for subscribe() and commits'), { importance: 'high' }),
  groupInstanceId: opt.optionalString('group.instance.id', 'Static membership: a stable id that survives restarts without a rebalance'),
  sessionTimeoutMs: tuned(opt.int(45_000, 'session.timeout.ms', 'The group drops a member it has not heard from for this long', { min: 1 }), { importance: 'high' }),
  heartbeatIntervalMs: tuned(opt.int(3000, 'heartbeat.interval.ms', 'Heartbeat period', { min: 1 }), { importance: 'high' }),
  maxPollIntervalMs: opt.int(300_000, 'max.poll.interval.ms', 'Longest time between polls before the member leaves the group (also the rebalance timeout)', { min: 1 }),
  autoOffsetReset: opt.oneOf(['latest', 'earliest', 'none'] as const, 'latest', 'auto.offset.reset', 'Where to start without a committed offset, or when out of range'),
  enableAutoCommit: opt.bool(true, 'enable.auto.commit', 'Commit processed positions in the background'),
  autoCommitIntervalMs: tuned(opt.int(5000, 'auto.commit.interval.ms', 'Auto commit period', { min: 1 }), { importance: 'low' }),
  isolationLevel: opt.oneOf(['read_uncommitted', 'read_committed'] as const, 'read_uncommitted', 'isolation.level', 'read_committed hides aborted transactions and stops at the last stable offset'),
  fetchMinBytes: tuned(opt.int(1, 'fetch.min.bytes', 'The broker waits for this much data (up to fetchMaxWaitMs)'), { importance: 'high' }),
  fetchMaxBytes: opt.int(52_428_800, 'fetch.max.bytes', 'Most data per fetch response', { min: 1 }),
  fetchMaxWaitMs: tuned(opt.int(500, 'fetch.max.wait.ms', 'Longest a fetch waits on the broker for fetchMinBytes'), { importance: 'low' }),
  maxPartitionFetchBytes: tuned(opt.int(1_048_576, 'max.partition.fetch.bytes', 'Most data per partition per fetch (the read-ahead bound per partition)', { min: 1 }), { importance: 'high' }),
  maxPollRecords: opt.int(500, 'max.poll.records', 'Most records per poll() and per batch', { min: 1 }),
  partitionAssigners: opt.custom<readonly AssignorOption[]>('(PartitionAssignor \\| name)[]', ['range', 'cooperative-sticky'], 'partition.assignment.strategy', 'Assignors in order of preference', (v) =>
    Array.isArray(v) && v.length > 0 && v.every((a) => (typeof a === 'string' && a in builtInAssignors) || (typeof a === 'object' && a !== null && typeof a.assign === 'function'))
      ? undefined
      : "must be a non-empty array of PartitionAssignor objects or 'range', 'roundrobin', 'cooperative-sticky'",
  ),
  allowAutoCreateTopics: opt.bool(true, 'allow.auto.create.topics', 'Let subscribing create missing topics (if the broker allows)'),
  checkCrcs: tuned(opt.bool(true, 'check.crcs', 'Verify the CRC-32C of fetched batches'), { importance: 'low' }),
  clientRack: tuned(opt.string('', 'client.rack', 'Rack of this consumer (sent with fetches and subscriptions)'), { importance: 'low' }),
  excludeInternalTopics: opt.bool(true, 'exclude.internal.topics', 'Pattern subscriptions skip internal topics'),
  defaultApiTimeoutMs: opt.int(60_000, 'default.api.timeout.ms', 'Time limit of blocking calls without their own (commit, committed, position)', { min: 1 }),
} as const;

export type ConsumerOptions = OptionsOf<typeof consumerOptions>;
