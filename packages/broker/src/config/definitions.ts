/**
 * Broker configuration: one table (name, type, default, doc, validation) that gives the typed
 * config object, the parsing of files, `--set key=value` and AlterConfigs, and the docs.
 * Names and defaults are Kafka's where Kafka has the setting.
 */

export type ConfigType = 'boolean' | 'int' | 'long' | 'double' | 'string' | 'list';

export interface ConfigDefinition {
  readonly name: string;
  readonly type: ConfigType;
  /** The default as Kafka writes it (a string), or null for "no default". */
  readonly default: string | null;
  readonly doc: string;
  /** Extra check on the parsed value; returns a problem or undefined. */
  readonly validate?: (value: unknown) => string | undefined;
  /** Kafka's alternative names for the same setting, e.g. log.dir for log.dirs. */
  readonly synonyms?: readonly string[];
  /** Changeable while the broker runs (IncrementalAlterConfigs on the broker resource). */
  readonly dynamic?: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'SLUICE_CONFIG_INVALID';
}

const atLeast = (min: number) => (v: unknown) => (typeof v === 'number' && v < min ? `must be at least ${min}` : undefined);
const oneOf = (...values: string[]) => (v: unknown) => (values.includes(String(v)) ? undefined : `must be one of ${values.join(', ')}`);

export const BROKER_CONFIGS: readonly ConfigDefinition[] = [
  { name: 'node.id', type: 'int', default: '0', doc: 'The id of this broker, reported in Metadata as the only broker and controller.', validate: atLeast(0) },
  { name: 'listeners', type: 'string', default: 'PLAINTEXT://127.0.0.1:9092', doc: 'Where the broker listens: PLAINTEXT://host:port (port 0 picks a free port).' },
  { name: 'advertised.listeners', type: 'string', default: null, doc: 'The address given to clients in Metadata; defaults to the listener address.' },
  { name: 'log.dirs', type: 'string', default: './sluice-data', doc: 'The data directory.', synonyms: ['log.dir'] },
  { name: 'cluster.id', type: 'string', default: null, doc: 'The cluster id for a new data directory; an existing one keeps its own.' },
  { name: 'auto.create.topics.enable', type: 'boolean', default: 'true', doc: 'Create a topic when Metadata asks for one that does not exist.' },
  { name: 'num.partitions', type: 'int', default: '1', doc: 'Partitions of automatically created topics and of CreateTopics without a count.', validate: atLeast(1), dynamic: true },
  { name: 'default.replication.factor', type: 'int', default: '1', doc: 'Accepted for compatibility; a single node keeps one replica.', validate: (v) => (v === 1 ? undefined : 'must be 1 on a single-node broker') },
  { name: 'delete.topic.enable', type: 'boolean', default: 'true', doc: 'Allow DeleteTopics.' },
  { name: 'socket.request.max.bytes', type: 'int', default: '104857600', doc: 'The largest request frame; larger ones close the connection before they are read.', validate: atLeast(1024) },
  { name: 'message.max.bytes', type: 'int', default: '1048588', doc: 'Default of the topic config max.message.bytes: the largest record batch accepted.', validate: atLeast(0), dynamic: true },
  { name: 'controlled.shutdown.timeout.ms', type: 'int', default: '30000', doc: 'How long a graceful stop waits for in-flight requests.', validate: atLeast(0) },
  { name: 'group.initial.rebalance.delay.ms', type: 'int', default: '3000', doc: 'How long a new group waits for more members before the first rebalance.', validate: atLeast(0) },
  { name: 'group.min.session.timeout.ms', type: 'int', default: '6000', doc: 'The smallest session timeout a member may ask for.', validate: atLeast(0) },
  { name: 'group.max.session.timeout.ms', type: 'int', default: '1800000', doc: 'The largest session timeout a member may ask for.', validate: atLeast(0) },
  { name: 'group.max.size', type: 'int', default: '2147483647', doc: 'The most members a classic group may have.', validate: atLeast(1) },
  { name: 'offsets.retention.minutes', type: 'int', default: '10080', doc: 'How long committed offsets of an empty group are kept.', validate: atLeast(1) },
  { name: 'offsets.retention.check.interval.ms', type: 'long', default: '600000', doc: 'How often expired offsets are removed.', validate: atLeast(1) },
  { name: 'offsets.topic.num.partitions', type: 'int', default: '50', doc: 'Partitions of __consumer_offsets when it is created.', validate: atLeast(1) },
  { name: 'transactional.id.expiration.ms', type: 'int', default: '604800000', doc: 'How long an idle transactional id is kept.', validate: atLeast(1) },
  { name: 'transaction.max.timeout.ms', type: 'int', default: '900000', doc: 'The largest transaction timeout a producer may ask for.', validate: atLeast(1) },
  { name: 'producer.id.expiration.ms', type: 'int', default: '86400000', doc: 'How long the state of an idle idempotent producer is kept.', validate: atLeast(1) },
  { name: 'log.message.timestamp.type', type: 'string', default: 'CreateTime', doc: 'Default of message.timestamp.type.', validate: oneOf('CreateTime', 'LogAppendTime') },
];

export function parseValue(def: ConfigDefinition, raw: string): unknown {
  const text = raw.trim();
  const fail = (why: string): never => {
    throw new ConfigError(`Invalid value ${JSON.stringify(raw)} for configuration ${def.name}: ${why}`);
  };
  let value: unknown;
  switch (def.type) {
    case 'boolean':
      if (!/^(true|false)$/i.test(text)) fail('expected true or false');
      value = text.toLowerCase() === 'true';
      break;
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(text)) fail('expected a whole number');
      const n = Number(text);
      if (def.type === 'int' && (n < -2147483648 || n > 2147483647)) fail('out of the int range');
      if (!Number.isSafeInteger(n)) fail('too large');
      value = n;
      break;
    }
    case 'double': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) fail('expected a number');
      value = n;
      break;
    }
    case 'list':
      value = text === '' ? [] : text.split(',').map((s) => s.trim());
      break;
    default:
      value = text;
  }
  const problem = def.validate?.(value);
  if (problem !== undefined) fail(problem);
  return value;
}
