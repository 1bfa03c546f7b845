/**
 * KafkaStreams settings: one table (option, Kafka's name, default, doc) that gives the
 * validation, the defaults and the README's table. Settings of the consumer, producer and admin
 * the runtime uses go in `consumer`, `producer` and `admin` (Kafka's `consumer.`/`producer.`/
 * `admin.` prefixes).
 */
import type { AdminOptions, ConsumerOptions, ProducerOptions } from '@sluice/client';
import { StreamsError, StreamsErrorCode } from '../errors.js';
import type { TimestampExtractor } from '../processor/timestamps.js';
import { type Serde, isSerde } from '../serdes.js';
import type { DeserializationExceptionHandler, ProcessingExceptionHandler, ProductionExceptionHandler, StreamsLogger } from './handlers.js';

export interface StreamsConfig {
  applicationId: string;
  bootstrapServers: string | readonly string[];
  clientId?: string;
  commitIntervalMs?: number;
  pollMs?: number;
  processingGuarantee?: 'at_least_once';
  defaultKeySerde?: Serde<any>;
  defaultValueSerde?: Serde<any>;
  deserializationExceptionHandler?: DeserializationExceptionHandler;
  productionExceptionHandler?: ProductionExceptionHandler;
  processingExceptionHandler?: ProcessingExceptionHandler;
  defaultTimestampExtractor?: TimestampExtractor;
  replicationFactor?: number;
  repartitionPurgeIntervalMs?: number;
  consumer?: Partial<ConsumerOptions>;
  producer?: Partial<ProducerOptions>;
  admin?: Partial<AdminOptions>;
  logger?: StreamsLogger;
}

interface Definition {
  kafka: string;
  default: string;
  doc: string;
  check(v: unknown): string | undefined;
}

const positiveInt = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? undefined : 'must be a non-negative integer');
const fn = (v: unknown) => (typeof v === 'function' ? undefined : 'must be a function');
const obj = (v: unknown) => (typeof v === 'object' && v !== null ? undefined : 'must be an object');

export const streamsConfigDefinitions: { readonly [K in keyof StreamsConfig]-?: Definition } = {
  applicationId: {
    kafka: 'application.id',
    default: '(required)',
    doc: 'Names the consumer group, the prefix of internal topics and the client ids',
    check: (v) => (typeof v === 'string' && /^[A-Za-z0-9._-]+$/.test(v) ? undefined : "must be a non-empty string of letters, digits, '.', '_', '-'"),
  },
  bootstrapServers: {
    kafka: 'bootstrap.servers',
    default: '(required)',
    doc: 'Brokers to start from, `host:port`',
    check: (v) => ((typeof v === 'string' && v.length > 0) || (Array.isArray(v) && v.length > 0) ? undefined : 'must be a host:port string or a non-empty array'),
  },
  clientId: { kafka: 'client.id', default: '<application.id>-<random>', doc: 'Prefix of the client ids of the consumer, producer and admin', check: (v) => (typeof v === 'string' && v.length > 0 ? undefined : 'must be a non-empty string') },
  commitIntervalMs: { kafka: 'commit.interval.ms', default: '30000', doc: 'How often processed offsets are committed (after flushing the outputs)', check: positiveInt },
  pollMs: { kafka: 'poll.ms', default: '100', doc: 'Longest wait for records in one poll', check: positiveInt },
  processingGuarantee: { kafka: 'processing.guarantee', default: '"at_least_once"', doc: 'Only at_least_once for now; exactly_once_v2 comes with part 2', check: (v) => (v === 'at_least_once' ? undefined : "must be 'at_least_once' (exactly_once_v2 is not available yet)") },
  defaultKeySerde: { kafka: 'default.key.serde', default: 'Serdes.Buffer()', doc: 'Key serde where the topology names none', check: (v) => (isSerde(v) ? undefined : 'must be a Serde') },
  defaultValueSerde: { kafka: 'default.value.serde', default: 'Serdes.Buffer()', doc: 'Value serde where the topology names none', check: (v) => (isSerde(v) ? undefined : 'must be a Serde') },
  deserializationExceptionHandler: { kafka: 'deserialization.exception.handler', default: 'logAndFailExceptionHandler', doc: 'Decides about records that cannot be deserialised', check: fn },
  productionExceptionHandler: { kafka: 'production.exception.handler', default: 'defaultProductionExceptionHandler', doc: 'Decides about outputs that cannot be serialised or written', check: fn },
  processingExceptionHandler: { kafka: 'processing.exception.handler', default: 'logAndFailProcessingExceptionHandler', doc: 'Decides about records a processor threw on', check: fn },
  defaultTimestampExtractor: { kafka: 'default.timestamp.extractor', default: 'failOnInvalidTimestamp', doc: 'Event time of input records where the source names no extractor', check: fn },
  replicationFactor: { kafka: 'replication.factor', default: '-1', doc: 'Replication of internal topics; -1: the broker default', check: (v) => (typeof v === 'number' && Number.isInteger(v) && (v === -1 || v >= 1) ? undefined : 'must be -1 or a positive integer') },
  repartitionPurgeIntervalMs: { kafka: 'repartition.purge.interval.ms', default: '30000', doc: 'How often records of repartition topics below the committed offsets are deleted', check: positiveInt },
  consumer: { kafka: 'consumer.*', default: '{}', doc: 'Consumer options (group.id, enable.auto.commit and the assignor are set by the runtime)', check: obj },
  producer: { kafka: 'producer.*', default: '{}', doc: 'Producer options', check: obj },
  admin: { kafka: 'admin.*', default: '{}', doc: 'Admin client options', check: obj },
  logger: { kafka: '', default: 'stderr, warnings and errors', doc: 'Where the runtime logs', check: (v) => (typeof v === 'object' && v !== null && typeof (v as StreamsLogger).warn === 'function' ? undefined : 'must have info, warn and error functions') },
};

/** Validates the config; unknown names and bad values are refused with every problem listed. */
export function validateConfig(config: StreamsConfig): void {
  if (typeof config !== 'object' || config === null) throw new StreamsError(StreamsErrorCode.CONFIG, 'KafkaStreams needs a config object with applicationId and bootstrapServers');
  const problems: string[] = [];
  for (const [name, value] of Object.entries(config)) {
    const def = (streamsConfigDefinitions as Record<string, Definition>)[name];
    if (!def) {
      problems.push(`unknown option '${name}'`);
      continue;
    }
    if (value === undefined) continue;
    const complaint = def.check(value);
    if (complaint) problems.push(`'${name}' (${def.kafka}) ${complaint}`);
  }
  if (config.applicationId === undefined) problems.push("'applicationId' (application.id) is required");
  if (config.bootstrapServers === undefined) problems.push("'bootstrapServers' (bootstrap.servers) is required");
  if (problems.length > 0) throw new StreamsError(StreamsErrorCode.CONFIG, `invalid streams config: ${problems.join('; ')}`);
}
