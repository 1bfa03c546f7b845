/**
 * KafkaStreams settings: one table (option, Kafka's name, default, importance, doc, check) defined
 * with @sluice/config, which gives the validation, the defaults and the documentation
 * (docs/configuration.md). Settings of the consumer, producer and admin the runtime uses go in
 * `consumer`, `producer` and `admin` (Kafka's `consumer.`/`producer.`/`admin.` prefixes).
 */
import type { AdminOptions, ConsumerOptions, ProducerOptions } from '@sluice/client';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OptionsOf, type ResolvedOf, checkOptions, opt, tuned } from '@sluice/config';
import { StreamsError, StreamsErrorCode } from '../errors.ts';
import { type TimestampExtractor, failOnInvalidTimestamp } from '../processor/timestamps.ts';
import { type Serde, Serdes, isSerde } from '../serdes.ts';
import {
  type DeserializationExceptionHandler,
  type ProcessingExceptionHandler,
  type ProductionExceptionHandler,
  type StreamsLogger,
  defaultProductionExceptionHandler,
  logAndFailExceptionHandler,
  logAndFailProcessingExceptionHandler,
} from './handlers.ts';

const positiveInt = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a non-negative integer');
const fn = (v: unknown) => (typeof v === 'function' ? undefined : 'must be a function');
const obj = (v: unknown) => (typeof v === 'object' && v !== null ? undefined : 'must be an object');
const serde = (v: unknown) => (isSerde(v) ? undefined : 'must be a Serde');

/** A non-negative whole number of milliseconds. */
const millis = (def: number, kafka: string, doc: string, importance: 'medium' | 'low') => tuned(opt.custom<number>('number', def, kafka, doc, positiveInt), { importance, valid: '[0,...]' });

/** A function setting whose default is named in the documentation. */
const handler = <T>(def: T, name: string, kafka: string, doc: string) => tuned(opt.custom<T>('function', def, kafka, doc, fn), { defaultText: name });

export const streamsConfigDefinitions = {
  applicationId: opt.required<string>('string', 'application.id', 'Names the consumer group, the prefix of internal topics and the client ids', (v) =>
    typeof v === 'string' && /^[A-Za-z0-9._-]+$/.test(v) ? undefined : "must be a non-empty string of letters, digits, '.', '_', '-'",
  ),
  bootstrapServers: opt.required<string | readonly string[]>('string \\| string[]', 'bootstrap.servers', 'Brokers to start from, `host:port`', (v) =>
    (typeof v === 'string' && v.length > 0) || (Array.isArray(v) && v.length > 0) ? undefined : 'must be a host:port string or a non-empty array',
  ),
  // The default is made per instance from the application id (see KafkaStreams).
  clientId: tuned(opt.optionalString('client.id', 'Prefix of the client ids of the consumer, producer and admin'), { defaultText: '<application.id>-<random>' }),
  // Java's default is 100 under exactly_once_v2 when not given (resolveStreamsConfig applies it).
  commitIntervalMs: tuned(millis(30_000, 'commit.interval.ms', 'How often processed offsets are committed (after flushing the outputs)', 'low'), { defaultText: '30000 (100 with exactly_once_v2)' }),
  pollMs: millis(100, 'poll.ms', 'Longest wait for records in one poll', 'low'),
  // Java's two; its removed exactly_once and exactly_once_beta are refused with its message.
  processingGuarantee: tuned(
    opt.custom<ProcessingGuarantee>('"at_least_once" \\| "exactly_once_v2"', 'at_least_once', 'processing.guarantee', 'at_least_once, or exactly_once_v2: outputs, changelog writes and input offsets commit in one transaction per stream thread', (v) =>
      v === 'at_least_once' || v === 'exactly_once_v2'
        ? undefined
        : `is refused: Invalid value ${String(v)} for configuration processing.guarantee: String must be one of: at_least_once, exactly_once_v2${v === 'exactly_once' || v === 'exactly_once_beta' ? ' (Kafka 4.0 removed exactly_once and exactly_once_beta: use exactly_once_v2)' : ''}`,
    ),
    { importance: 'medium' },
  ),
  maxTaskIdleMs: tuned(
    opt.custom<number>('number', 0, 'max.task.idle.ms', "How long a task whose other input partitions have buffered records waits for an empty, caught-up partition before processing out of timestamp order; -1: never wait, not even for a partition's data known to be on the broker", (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= -1 ? undefined : 'must be -1 or a non-negative integer',
    ),
    { importance: 'medium', valid: '-1 or [0,...]' },
  ),
  applicationServer: tuned(
    opt.custom<string>('string', '', 'application.server', 'This instance\'s `host:port` for interactive queries, carried to every instance through the group so queryMetadataForKey() can name the instance holding a key', (v) =>
      v === '' || (typeof v === 'string' && /^[^:\s]+:\d{1,5}$/.test(v) && Number(v.slice(v.lastIndexOf(':') + 1)) <= 65535) ? undefined : "must be 'host:port' (or empty)",
    ),
    { importance: 'low' },
  ),
  defaultKeySerde: tuned(opt.custom<Serde<any>>('Serde', Serdes.Buffer(), 'default.key.serde', 'Key serde where the topology names none', serde), { defaultText: 'Serdes.Buffer()' }),
  defaultValueSerde: tuned(opt.custom<Serde<any>>('Serde', Serdes.Buffer(), 'default.value.serde', 'Value serde where the topology names none', serde), { defaultText: 'Serdes.Buffer()' }),
  deserializationExceptionHandler: handler<DeserializationExceptionHandler>(logAndFailExceptionHandler, 'logAndFailExceptionHandler', 'deserialization.exception.handler', 'Decides about records that cannot be deserialised'),
  productionExceptionHandler: handler<ProductionExceptionHandler>(defaultProductionExceptionHandler, 'defaultProductionExceptionHandler', 'production.exception.handler', 'Decides about outputs that cannot be serialised or written'),
  processingExceptionHandler: handler<ProcessingExceptionHandler>(logAndFailProcessingExceptionHandler, 'logAndFailProcessingExceptionHandler', 'processing.exception.handler', 'Decides about records a processor threw on'),
  defaultTimestampExtractor: handler<TimestampExtractor>(failOnInvalidTimestamp, 'failOnInvalidTimestamp', 'default.timestamp.extractor', 'Event time of input records where the source names no extractor'),
  replicationFactor: tuned(
    opt.custom<number>('number', -1, 'replication.factor', 'Replication of internal topics; -1: the broker default', (v) =>
      typeof v === 'number' && Number.isInteger(v) && (v === -1 || v >= 1) ? undefined : 'must be -1 or a positive integer',
    ),
    { importance: 'high', valid: '-1 or [1,...]' },
  ),
  repartitionPurgeIntervalMs: millis(30_000, 'repartition.purge.interval.ms', 'How often records of repartition topics below the committed offsets are deleted', 'low'),
  // Java's default is ${java.io.tmpdir}/kafka-streams; Node's temporary folder stands for java.io.tmpdir.
  stateDir: tuned(
    opt.custom<string>('string', join(tmpdir(), 'kafka-streams'), 'state.dir', 'Folder of the instance\'s local state, `<state.dir>/<application.id>/`: each task\'s state stores and checkpoint in `<taskId>/`, the global stores in `global/`, the process id kept across restarts in `kafka-streams-process-metadata`, and the `.lock` files that let one instance at a time use each folder', (v) =>
      typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty folder path',
    ),
    { importance: 'high', defaultText: '<os.tmpdir()>/kafka-streams' },
  ),
  numStandbyReplicas: tuned(
    opt.custom<number>('number', 0, 'num.standby.replicas', 'Standby copies of each stateful task kept up to date from its changelog on other instances, so a task that moves there needs no full restore', positiveInt),
    { importance: 'high', valid: '[0,...]' },
  ),
  taskTimeoutMs: millis(300_000, 'task.timeout.ms', 'How long a task may be stuck on a timeout (reading the offsets committed for its input, or a restore reading its changelogs\' positions or end offsets, while a broker restarts) before it fails; 0: fail at the first timeout', 'medium'),
  stateCleanupDelayMs: millis(600_000, 'state.cleanup.delay.ms', 'How long the state folder of a task this instance no longer runs is kept before it is deleted', 'low'),
  statestoreCacheMaxBytes: tuned(
    opt.custom<number>('number', 10 * 1024 * 1024, 'statestore.cache.max.bytes', "Bytes of the record cache a stream thread's cached state stores share; updates to a key between commits reach the changelog and downstream once", positiveInt),
    { importance: 'medium', valid: '[0,...]' },
  ),
  consumer: opt.custom<Partial<ConsumerOptions>>('ConsumerOptions', {}, 'consumer.*', 'Consumer options (group.id, enable.auto.commit and the assignor are set by the runtime)', obj),
  producer: opt.custom<Partial<ProducerOptions>>('ProducerOptions', {}, 'producer.*', 'Producer options', obj),
  admin: opt.custom<Partial<AdminOptions>>('AdminOptions', {}, 'admin.*', 'Admin client options', obj),
  // The default is made per instance, named after the client id (see KafkaStreams).
  logger: tuned(
    opt.custom<StreamsLogger | undefined>('StreamsLogger', undefined, '', 'Where the runtime logs', (v) =>
      typeof v === 'object' && v !== null && typeof (v as StreamsLogger).warn === 'function' ? undefined : 'must have info, warn and error functions',
    ),
    { defaultText: 'stderr, warnings and errors' },
  ),
} as const;

/** Java's `processing.guarantee` values (its older exactly_once and exactly_once_beta were removed in Kafka 4.0). */
export type ProcessingGuarantee = 'at_least_once' | 'exactly_once_v2';

/** Java's commit.interval.ms default under exactly_once_v2. */
export const EOS_DEFAULT_COMMIT_INTERVAL_MS = 100;

export type StreamsConfig = OptionsOf<typeof streamsConfigDefinitions>;

/** The settings with every default filled in (but the per-instance clientId and logger). */
export type ResolvedStreamsConfig = ResolvedOf<typeof streamsConfigDefinitions>;

/**
 * Validates the config and fills in the defaults; unknown names and bad values are refused with
 * every problem listed.
 */
export function resolveStreamsConfig(config: StreamsConfig): ResolvedStreamsConfig {
  if (typeof config !== 'object' || config === null) throw new StreamsError(StreamsErrorCode.INVALID_CONFIG, 'KafkaStreams needs a config object with applicationId and bootstrapServers');
  const { values, problems } = checkOptions(streamsConfigDefinitions, config);
  const complaints: string[] = [];
  const missing: string[] = [];
  // Problems with what was given are listed in the order the config names them.
  const given = Object.keys(config);
  problems.sort((a, b) => given.indexOf(a.name) - given.indexOf(b.name));
  for (const p of problems) {
    // Java's internal settings (StreamsConfig.InternalConfig, named `__...__`, e.g. the emit
    // intervals of outer joins and windowed aggregations) are taken as given, as Java takes them:
    // they reach the processors and stores through appConfigs.
    if (p.kind === 'unknown' && /^__.+__$/.test(p.name)) continue;
    if (p.kind === 'unknown') complaints.push(`unknown option '${p.name}'`);
    else if (p.kind === 'required') missing.push(`'${p.name}' (${p.spec.kafka}) is required`);
    else complaints.push(`'${p.name}' (${p.spec.kafka}) ${p.complaint}`);
  }
  // Missing required settings are listed last, after the problems with what was given.
  complaints.push(...missing);
  if (complaints.length > 0) throw new StreamsError(StreamsErrorCode.INVALID_CONFIG, `invalid streams config: ${complaints.join('; ')}`);
  if (values.processingGuarantee === 'exactly_once_v2' && config.commitIntervalMs === undefined) return { ...values, commitIntervalMs: EOS_DEFAULT_COMMIT_INTERVAL_MS };
  return values;
}

/** The defaults filled into settings that are not validated (the topology test driver's). */
export function withStreamsDefaults(config: Partial<StreamsConfig>): ResolvedStreamsConfig {
  return checkOptions(streamsConfigDefinitions, config).values;
}
