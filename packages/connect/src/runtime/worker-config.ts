/**
 * The worker's settings (Kafka Connect's WorkerConfig, StandaloneConfig), with Kafka's names and
 * defaults, declared through @sluice/config so docs/configuration.md lists them. A worker file
 * also carries settings for the clients (`producer.*`, `consumer.*`, `admin.*`) and for
 * converters (`key.converter.*`); those pass through unchecked, as in Kafka.
 */
import { atLeast, type ConfigDefinition, ConfigError, oneOf, parseConfigValue, type Validator, validator } from '@sluice/config';

/** A topic's partitions or replication factor when the worker creates it: positive, or -1 for the broker's default. */
const brokerDefaultOrPositive = (): Validator =>
  validator('-1 or at least 1', (v) => (v === -1 || (typeof v === 'number' && v >= 1) ? undefined : 'must be -1 (the broker\'s default) or at least 1'));
const replicationFactor = brokerDefaultOrPositive();
const partitions = brokerDefaultOrPositive();

export const WORKER_CONFIGS: readonly ConfigDefinition[] = [
  { name: 'bootstrap.servers', type: 'list', default: 'localhost:9092', importance: 'high', doc: 'The Kafka cluster the worker and its connectors use, host:port pairs' },
  { name: 'key.converter', type: 'string', default: 'org.apache.kafka.connect.json.JsonConverter', importance: 'high', doc: 'The converter of record keys for connectors that do not set their own (class name or alias)' },
  { name: 'value.converter', type: 'string', default: 'org.apache.kafka.connect.json.JsonConverter', importance: 'high', doc: 'The converter of record values for connectors that do not set their own (class name or alias)' },
  { name: 'header.converter', type: 'string', default: 'org.apache.kafka.connect.storage.SimpleHeaderConverter', importance: 'low', doc: 'The converter of record headers for connectors that do not set their own' },
  { name: 'offset.storage.file.filename', type: 'string', default: null, importance: 'high', doc: 'Standalone mode: the file where source connectors\' offsets are kept' },
  { name: 'offset.flush.interval.ms', type: 'long', default: '60000', validate: atLeast(0), importance: 'low', doc: 'How often source tasks\' offsets are committed (after the producer acknowledged their records) and sink tasks commit their consumer offsets' },
  { name: 'offset.flush.timeout.ms', type: 'long', default: '5000', validate: atLeast(0), importance: 'low', doc: 'How long an offset commit waits for outstanding records before giving up until the next one' },
  { name: 'listeners', type: 'list', default: 'http://:8083', importance: 'low', doc: 'Where the REST API listens: http://host:port, an empty host for every interface' },
  { name: 'rest.advertised.host.name', type: 'string', default: null, importance: 'low', doc: 'The host name given to other workers for this worker\'s REST API' },
  { name: 'rest.advertised.port', type: 'int', default: null, importance: 'low', doc: 'The port given to other workers for this worker\'s REST API' },
  { name: 'plugin.path', type: 'list', default: '', importance: 'low', doc: 'npm packages (names or paths) whose connectors, converters and transforms join the built-in ones; each exports `connectPlugins(plugins)`' },
  { name: 'task.shutdown.graceful.timeout.ms', type: 'long', default: '5000', validate: atLeast(0), importance: 'low', doc: 'How long a stopping task may take to finish before it is abandoned' },
  { name: 'client.id', type: 'string', default: '', importance: 'low', doc: 'Prefix of the ids of the clients the worker makes' },
  { name: 'connector.client.config.override.policy', type: 'string', default: 'All', validate: oneOf('All', 'None', 'Principal'), importance: 'medium', doc: 'Which `producer.override.*`, `consumer.override.*` and `admin.override.*` settings a connector may give' },
  // Distributed mode (Kafka's DistributedConfig): the group, the three storage topics, and the membership's timings.
  { name: 'group.id', type: 'string', default: null, importance: 'high', doc: 'Distributed mode: the Connect cluster this worker joins (workers with the same group.id share connectors and tasks)' },
  { name: 'config.storage.topic', type: 'string', default: null, importance: 'high', doc: 'Distributed mode: the compacted one-partition topic where connector and task configs are kept' },
  { name: 'config.storage.replication.factor', type: 'int', default: '3', validate: replicationFactor, importance: 'low', doc: 'Distributed mode: replication factor of the config topic when the worker creates it; -1 for the broker\'s default' },
  { name: 'offset.storage.topic', type: 'string', default: null, importance: 'high', doc: 'Distributed mode: the compacted topic where source connectors\' offsets are kept' },
  { name: 'offset.storage.partitions', type: 'int', default: '25', validate: partitions, importance: 'low', doc: 'Distributed mode: partitions of the offset topic when the worker creates it; -1 for the broker\'s default' },
  { name: 'offset.storage.replication.factor', type: 'int', default: '3', validate: replicationFactor, importance: 'low', doc: 'Distributed mode: replication factor of the offset topic when the worker creates it; -1 for the broker\'s default' },
  { name: 'status.storage.topic', type: 'string', default: null, importance: 'high', doc: 'Distributed mode: the compacted topic where connector and task statuses are kept' },
  { name: 'status.storage.partitions', type: 'int', default: '5', validate: partitions, importance: 'low', doc: 'Distributed mode: partitions of the status topic when the worker creates it; -1 for the broker\'s default' },
  { name: 'status.storage.replication.factor', type: 'int', default: '3', validate: replicationFactor, importance: 'low', doc: 'Distributed mode: replication factor of the status topic when the worker creates it; -1 for the broker\'s default' },
  { name: 'connect.protocol', type: 'string', default: 'sessioned', validate: oneOf('eager', 'compatible', 'sessioned'), importance: 'low', doc: 'Distributed mode: the group protocol: eager (stop everything at each rebalance), compatible or sessioned (incremental cooperative rebalancing)' },
  { name: 'scheduled.rebalance.max.delay.ms', type: 'int', default: '300000', validate: atLeast(0), importance: 'low', doc: 'Distributed mode: how long the connectors and tasks of a worker that left wait for it to come back before they are given to the others' },
  { name: 'session.timeout.ms', type: 'int', default: '10000', validate: atLeast(1), importance: 'high', doc: 'Distributed mode: how long the group coordinator waits for a worker\'s heartbeat before it drops the worker from the group' },
  { name: 'heartbeat.interval.ms', type: 'int', default: '3000', validate: atLeast(1), importance: 'high', doc: 'Distributed mode: how often the worker heartbeats to the group coordinator; below a third of session.timeout.ms' },
  { name: 'rebalance.timeout.ms', type: 'int', default: '60000', validate: atLeast(1), importance: 'high', doc: 'Distributed mode: how long the workers have to rejoin (and finish stopping what they give up) once a rebalance starts' },
  { name: 'worker.sync.timeout.ms', type: 'int', default: '3000', validate: atLeast(0), importance: 'medium', doc: 'Distributed mode: how long a worker behind the config topic tries to read up to the leader\'s offset before it leaves the group' },
  { name: 'exactly.once.source.support', type: 'string', default: 'disabled', validate: oneOf('disabled', 'preparing', 'enabled'), importance: 'high', doc: 'Distributed mode: enabled runs source tasks with exactly-once delivery (each task a transactional producer writing its records and offsets together; task producers of an earlier generation fenced before a new one starts); preparing readies a cluster being upgraded to it (the leader writes the config topic through a transactional producer that fences earlier leaders; source tasks still run at least once); disabled, at least once' },
  { name: 'worker.unsync.backoff.ms', type: 'int', default: '300000', validate: atLeast(0), importance: 'medium', doc: 'Distributed mode: how long a worker that could not catch up with the config topic waits before it rejoins' },
];

const DEFINITIONS = new Map(WORKER_CONFIGS.map((d) => [d.name, d]));

/** A worker's settings: the declared ones parsed (a ConfigError names the one at fault), the rest kept as text. */
export class WorkerConfig {
  readonly originals: Readonly<Record<string, string>>;
  readonly #values = new Map<string, unknown>();

  constructor(props: Readonly<Record<string, string>>) {
    this.originals = { ...props };
    for (const def of WORKER_CONFIGS) {
      const raw = props[def.name] ?? def.default;
      this.#values.set(def.name, raw === null ? null : parseConfigValue(def, raw));
    }
  }

  string(name: string): string | null {
    this.#known(name);
    const v = this.#values.get(name);
    return v === null || v === undefined ? null : String(v);
  }

  number(name: string): number {
    this.#known(name);
    return Number(this.#values.get(name));
  }

  list(name: string): string[] {
    this.#known(name);
    return (this.#values.get(name) as string[] | null) ?? [];
  }

  /** The settings under `prefix`, without it (`producer.linger.ms` → `linger.ms`). */
  withPrefix(prefix: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.originals)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
    return out;
  }

  /** The REST API's host and port from `listeners` (Kafka's first listener; only http). */
  restListener(): { host: string; port: number } {
    const first = this.list('listeners')[0] ?? 'http://:8083';
    const m = /^http:\/\/([^:/]*|\[[^\]]*\]):(\d+)\/?$/.exec(first.trim());
    if (m === null) throw new ConfigError(`Invalid value ${first} for configuration listeners: expected http://host:port (an empty host for every interface); https is not supported`);
    return { host: m[1] === '' ? '0.0.0.0' : m[1].replace(/^\[|\]$/g, ''), port: Number(m[2]) };
  }

  #known(name: string): void {
    if (!DEFINITIONS.has(name)) throw new Error(`bug: worker setting ${name} is not declared in WORKER_CONFIGS`);
  }
}
