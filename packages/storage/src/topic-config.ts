/**
 * Topic configuration: Kafka's topic-level settings with Kafka's names and defaults, and for each
 * the broker-level setting that supplies its default (log.retention.ms for retention.ms…).
 *
 * One deliberate difference: flush.messages defaults to 1, so every append is synced before it is
 * acknowledged (with group commit, see partition-log.ts). Kafka defaults it to "never" because it
 * relies on replicas; a single node has none. Setting flush.messages or flush.ms gives Kafka's
 * interval behaviour.
 */
import { type ConfigDefinition, ConfigError, atLeast, between, listOf, oneOf, parseConfigValue, validator } from '@sluice/config';

export interface TopicConfigDefinition extends ConfigDefinition {
  /** The broker setting that gives this config's default. */
  readonly brokerName: string | null;
}

const LONG_MAX = '9223372036854775807';

/** Kafka's ThrottledReplicaListValidator: `*`, or partitionId:brokerId pairs. */
const throttledReplicas = validator('[partitionId]:[brokerId],[partitionId]:[brokerId],...', (v) => {
  const list = v as string[];
  const fine = (list.length === 1 && list[0] === '*') || list.every((x) => /^\d+:\d+$/.test(x));
  return fine ? undefined : "must be the literal '*' or a list of replicas in the following format: [partitionId]:[brokerId],[partitionId]:[brokerId],...";
});

/** Sluice has no tiered storage: as Kafka with remote.log.storage.system.enable=false, a topic may not ask for it. */
const noTieredStorage = validator('false', (v) => (v === true ? 'Tiered Storage functionality is disabled in the broker. Topic cannot be configured with remote log storage.' : undefined));

export const topicConfigDefinitions: readonly TopicConfigDefinition[] = [
  { name: 'cleanup.policy', type: 'list', default: 'delete', importance: 'medium', brokerName: 'log.cleanup.policy', validate: listOf('delete', 'compact'), doc: 'delete: remove old segments by retention.ms/retention.bytes; compact: keep the newest record per key; both: compact and delete.' },
  { name: 'compression.type', type: 'string', default: 'producer', importance: 'medium', brokerName: 'compression.type', validate: oneOf('producer', 'uncompressed', 'gzip', 'snappy', 'lz4', 'zstd'), doc: "The codec of stored batches; 'producer' keeps what the producer sent." },
  { name: 'compression.gzip.level', type: 'int', default: '-1', importance: 'medium', brokerName: 'compression.gzip.level', validate: between(-1, 9), doc: 'Compression level for gzip.' },
  { name: 'compression.lz4.level', type: 'int', default: '9', importance: 'medium', brokerName: 'compression.lz4.level', validate: between(1, 17), doc: 'Compression level for lz4.' },
  { name: 'compression.zstd.level', type: 'int', default: '3', importance: 'medium', brokerName: 'compression.zstd.level', validate: between(-131072, 22), doc: 'Compression level for zstd.' },
  { name: 'delete.retention.ms', type: 'long', default: '86400000', importance: 'medium', brokerName: 'log.cleaner.delete.retention.ms', validate: atLeast(0), doc: 'How long tombstones are kept in a compacted topic after the segment holding them is cleaned.' },
  { name: 'file.delete.delay.ms', type: 'long', default: '60000', importance: 'medium', brokerName: 'log.segment.delete.delay.ms', validate: atLeast(0), doc: 'How long a deleted segment file waits before removal.' },
  { name: 'flush.messages', type: 'long', default: '1', importance: 'medium', brokerName: 'log.flush.interval.messages', validate: atLeast(1), doc: 'Sync after this many appended messages; 1 (the default) syncs every append before acknowledging it.' },
  { name: 'flush.ms', type: 'long', default: LONG_MAX, importance: 'medium', brokerName: 'log.flush.interval.ms', validate: atLeast(0), doc: 'Sync at least this often (milliseconds).' },
  { name: 'follower.replication.throttled.replicas', type: 'list', default: '', importance: 'medium', brokerName: null, validate: throttledReplicas, doc: 'Accepted for compatibility; a single node replicates nothing.' },
  { name: 'index.interval.bytes', type: 'int', default: '4096', importance: 'medium', brokerName: 'log.index.interval.bytes', validate: atLeast(0), doc: 'Bytes between offset index entries.' },
  { name: 'leader.replication.throttled.replicas', type: 'list', default: '', importance: 'medium', brokerName: null, validate: throttledReplicas, doc: 'Accepted for compatibility; a single node replicates nothing.' },
  { name: 'local.retention.bytes', type: 'long', default: '-2', importance: 'medium', brokerName: 'log.local.retention.bytes', validate: atLeast(-2), doc: 'Tiered storage only (-2: retention.bytes); accepted for compatibility.' },
  { name: 'local.retention.ms', type: 'long', default: '-2', importance: 'medium', brokerName: 'log.local.retention.ms', validate: atLeast(-2), doc: 'Tiered storage only (-2: retention.ms); accepted for compatibility.' },
  { name: 'max.compaction.lag.ms', type: 'long', default: LONG_MAX, importance: 'medium', brokerName: 'log.cleaner.max.compaction.lag.ms', validate: atLeast(1), doc: 'The longest a record stays uncompacted.' },
  { name: 'max.message.bytes', type: 'int', default: '1048588', importance: 'medium', brokerName: 'message.max.bytes', validate: atLeast(0), doc: 'The largest record batch accepted.' },
  { name: 'message.timestamp.after.max.ms', type: 'long', default: '3600000', importance: 'medium', brokerName: 'log.message.timestamp.after.max.ms', validate: atLeast(0), doc: 'How far in the future a CreateTime timestamp may be.' },
  { name: 'message.timestamp.before.max.ms', type: 'long', default: LONG_MAX, importance: 'medium', brokerName: 'log.message.timestamp.before.max.ms', validate: atLeast(0), doc: 'How far in the past a CreateTime timestamp may be.' },
  { name: 'message.timestamp.type', type: 'string', default: 'CreateTime', importance: 'medium', brokerName: 'log.message.timestamp.type', validate: oneOf('CreateTime', 'LogAppendTime'), doc: "CreateTime keeps the producer's timestamps; LogAppendTime stamps the broker's time." },
  { name: 'min.cleanable.dirty.ratio', type: 'double', default: '0.5', importance: 'medium', brokerName: 'log.cleaner.min.cleanable.ratio', validate: between(0, 1), doc: 'Compact once this share of the log is uncompacted.' },
  { name: 'min.compaction.lag.ms', type: 'long', default: '0', importance: 'medium', brokerName: 'log.cleaner.min.compaction.lag.ms', validate: atLeast(0), doc: 'The shortest a record stays uncompacted.' },
  { name: 'min.insync.replicas', type: 'int', default: '1', importance: 'medium', brokerName: 'min.insync.replicas', validate: atLeast(1), doc: 'Accepted for compatibility; a single node is always in sync.' },
  { name: 'preallocate', type: 'boolean', default: 'false', importance: 'medium', brokerName: 'log.preallocate', doc: 'Accepted for compatibility; segments grow as written.' },
  { name: 'remote.log.copy.disable', type: 'boolean', default: 'false', importance: 'medium', brokerName: null, doc: 'Tiered storage only; accepted for compatibility.' },
  { name: 'remote.log.delete.on.disable', type: 'boolean', default: 'false', importance: 'medium', brokerName: null, doc: 'Tiered storage only; accepted for compatibility.' },
  { name: 'remote.storage.enable', type: 'boolean', default: 'false', importance: 'medium', brokerName: null, validate: noTieredStorage, doc: 'Sluice has no tiered storage: only false is accepted.' },
  { name: 'retention.bytes', type: 'long', default: '-1', importance: 'medium', brokerName: 'log.retention.bytes', doc: 'Largest size a partition may keep before old segments go; -1 for no limit.' },
  { name: 'retention.ms', type: 'long', default: '604800000', importance: 'medium', brokerName: 'log.retention.ms', validate: atLeast(-1), doc: 'How long records are kept; -1 for ever.' },
  { name: 'segment.bytes', type: 'int', default: '1073741824', importance: 'medium', brokerName: 'log.segment.bytes', validate: atLeast(14), doc: 'Size at which a new segment is started.' },
  { name: 'segment.index.bytes', type: 'int', default: '10485760', importance: 'medium', brokerName: 'log.index.size.max.bytes', validate: atLeast(4), doc: 'Largest size of an offset index.' },
  { name: 'segment.jitter.ms', type: 'long', default: '0', importance: 'medium', brokerName: 'log.roll.jitter.ms', validate: atLeast(0), doc: 'Random jitter subtracted from segment.ms.' },
  { name: 'segment.ms', type: 'long', default: '604800000', importance: 'medium', brokerName: 'log.roll.ms', validate: atLeast(1), doc: 'Age at which a new segment is started.' },
  { name: 'unclean.leader.election.enable', type: 'boolean', default: 'false', importance: 'medium', brokerName: 'unclean.leader.election.enable', doc: 'Accepted for compatibility; there is one replica.' },
];

const byName = new Map(topicConfigDefinitions.map((d) => [d.name, d]));

export function topicConfigDefinition(name: string): TopicConfigDefinition | undefined {
  return byName.get(name);
}

/** The typed settings a partition log works with. */
export interface LogConfig {
  cleanupPolicy: { delete: boolean; compact: boolean };
  segmentBytes: number;
  segmentMs: number;
  retentionMs: number;
  retentionBytes: number;
  deleteRetentionMs: number;
  minCleanableDirtyRatio: number;
  minCompactionLagMs: number;
  maxCompactionLagMs: number;
  indexIntervalBytes: number;
  flushMessages: number;
  flushMs: number;
  maxMessageBytes: number;
  logAppendTime: boolean;
  timestampBeforeMaxMs: number;
  timestampAfterMaxMs: number;
}

/** Checks overrides for a topic: known names and valid values. Throws ConfigError naming the problem. */
export function validateTopicConfigs(overrides: Record<string, string>): void {
  for (const [name, raw] of Object.entries(overrides)) {
    const def = byName.get(name);
    if (def === undefined) throw new ConfigError(`Unknown topic config name: ${name}`);
    parseConfigValue(def, raw);
  }
}

/**
 * The effective value of every topic config: the topic's override, else the broker-level
 * setting, else Kafka's default.
 */
export function resolveTopicConfig(overrides: Record<string, string>, brokerDefaults: Record<string, string> = {}): LogConfig {
  const get = (name: string): unknown => {
    const def = byName.get(name)!;
    const raw = overrides[name] ?? (def.brokerName !== null ? brokerDefaults[def.brokerName] : undefined) ?? def.default!;
    return parseConfigValue(def, raw);
  };
  const policy = get('cleanup.policy') as string[];
  return {
    cleanupPolicy: { delete: policy.includes('delete'), compact: policy.includes('compact') },
    segmentBytes: get('segment.bytes') as number,
    segmentMs: get('segment.ms') as number,
    retentionMs: get('retention.ms') as number,
    retentionBytes: get('retention.bytes') as number,
    deleteRetentionMs: get('delete.retention.ms') as number,
    minCleanableDirtyRatio: get('min.cleanable.dirty.ratio') as number,
    minCompactionLagMs: get('min.compaction.lag.ms') as number,
    maxCompactionLagMs: get('max.compaction.lag.ms') as number,
    indexIntervalBytes: get('index.interval.bytes') as number,
    flushMessages: get('flush.messages') as number,
    flushMs: get('flush.ms') as number,
    maxMessageBytes: get('max.message.bytes') as number,
    logAppendTime: get('message.timestamp.type') === 'LogAppendTime',
    timestampBeforeMaxMs: get('message.timestamp.before.max.ms') as number,
    timestampAfterMaxMs: get('message.timestamp.after.max.ms') as number,
  };
}
