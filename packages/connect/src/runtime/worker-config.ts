/**
 * The worker's settings (Kafka Connect's WorkerConfig, StandaloneConfig), with Kafka's names and
 * defaults, declared through @sluice/config so docs/configuration.md lists them. A worker file
 * also carries settings for the clients (`producer.*`, `consumer.*`, `admin.*`) and for
 * converters (`key.converter.*`); those pass through unchecked, as in Kafka.
 */
import { atLeast, type ConfigDefinition, ConfigError, oneOf, parseConfigValue, type Validator, validator } from '@sluice/config';
import { SUPPORTED_HMAC_ALGORITHMS, canonicalHmacAlgorithm } from './hmac-algorithms.ts';

/** A topic's partitions or replication factor when the worker creates it: positive, or -1 for the broker's default. */
const brokerDefaultOrPositive = (): Validator =>
  validator('-1 or at least 1', (v) => (v === -1 || (typeof v === 'number' && v >= 1) ? undefined : 'must be -1 (the broker\'s default) or at least 1'));
const replicationFactor = brokerDefaultOrPositive();
const partitions = brokerDefaultOrPositive();
/** Kafka reads these case-insensitively (ValidString over lower-cased values). */
const oneOfIgnoringCase = (...values: string[]): Validator =>
  validator(`[${values.join(', ')}]`, (v) => (values.includes(String(v).toLowerCase()) ? undefined : `must be one of ${values.join(', ')}`));
const unsupportedHmac = (name: string) => `${name}: the algorithm is not supported by this worker; the supported algorithms are: ${SUPPORTED_HMAC_ALGORITHMS.join(', ')}`;
const hmacAlgorithm = (): Validator => validator('Any HMAC algorithm of Java\'s (HmacSHA256...)', (v) => (canonicalHmacAlgorithm(String(v)) === undefined ? unsupportedHmac(String(v)) : undefined));
const hmacAlgorithms = (): Validator =>
  validator('A list of one or more HMAC algorithms', (v) => {
    const list = v as string[];
    if (list.length === 0) return 'At least one signature verification algorithm must be provided';
    const bad = list.find((a) => canonicalHmacAlgorithm(a) === undefined);
    return bad === undefined ? undefined : unsupportedHmac(bad);
  });

export const WORKER_CONFIGS: readonly ConfigDefinition[] = [
  { name: 'bootstrap.servers', type: 'list', default: 'localhost:9092', importance: 'high', doc: 'The Kafka cluster the worker and its connectors use, host:port pairs' },
  { name: 'key.converter', type: 'string', default: 'org.apache.kafka.connect.json.JsonConverter', importance: 'high', doc: 'The converter of record keys for connectors that do not set their own (class name or alias)' },
  { name: 'value.converter', type: 'string', default: 'org.apache.kafka.connect.json.JsonConverter', importance: 'high', doc: 'The converter of record values for connectors that do not set their own (class name or alias)' },
  { name: 'header.converter', type: 'string', default: 'org.apache.kafka.connect.storage.SimpleHeaderConverter', importance: 'low', doc: 'The converter of record headers for connectors that do not set their own' },
  { name: 'offset.storage.file.filename', type: 'string', default: null, importance: 'high', doc: 'Standalone mode: the file where source connectors\' offsets are kept' },
  { name: 'offset.flush.interval.ms', type: 'long', default: '60000', validate: atLeast(0), importance: 'low', doc: 'How often source tasks\' offsets are committed (after the producer acknowledged their records) and sink tasks commit their consumer offsets' },
  { name: 'offset.flush.timeout.ms', type: 'long', default: '5000', validate: atLeast(0), importance: 'low', doc: 'How long an offset commit waits for outstanding records before giving up until the next one' },
  { name: 'listeners', type: 'list', default: 'http://:8083', importance: 'low', doc: 'Where the REST API listens: a list of http://host:port and https://host:port, an empty host for every interface; https takes the listeners.https.ssl.* settings, or without any of those the worker\'s ssl.* settings' },
  { name: 'rest.advertised.host.name', type: 'string', default: null, importance: 'low', doc: 'The host name given to other workers for this worker\'s REST API' },
  { name: 'rest.advertised.port', type: 'int', default: null, importance: 'low', doc: 'The port given to other workers for this worker\'s REST API' },
  { name: 'rest.advertised.listener', type: 'string', default: null, validate: oneOfIgnoringCase('http', 'https'), importance: 'low', doc: 'Which listener (http or https) is given to other workers; by default http when listeners has one, else https' },
  // TLS of the REST API (Kafka's SslConfigs as the worker's RestServerConfig takes them): each may be given as listeners.https.<name>, and any listeners.https.* setting replaces every one of these.
  { name: 'ssl.keystore.type', type: 'string', default: 'JKS', importance: 'medium', doc: 'The REST API\'s TLS key store format: PEM (a file with the private key and its certificate chain, or ssl.keystore.key and ssl.keystore.certificate.chain) or PKCS12; Sluice does not read JKS' },
  { name: 'ssl.keystore.location', type: 'string', default: null, importance: 'high', doc: 'The REST API\'s TLS key store file: the server\'s certificate, and the client certificate used when forwarding to another worker' },
  { name: 'ssl.keystore.password', type: 'string', default: null, importance: 'high', doc: 'The password of a PKCS12 key store' },
  { name: 'ssl.key.password', type: 'string', default: null, importance: 'high', doc: 'The password of the private key in the key store' },
  { name: 'ssl.keystore.key', type: 'string', default: null, importance: 'high', doc: 'The private key in PEM, instead of a key store file (with ssl.keystore.type=PEM)' },
  { name: 'ssl.keystore.certificate.chain', type: 'string', default: null, importance: 'high', doc: 'The certificate chain in PEM, instead of a key store file (with ssl.keystore.type=PEM)' },
  { name: 'ssl.truststore.type', type: 'string', default: 'JKS', importance: 'medium', doc: 'The REST API\'s TLS trust store format: PEM (Sluice does not read JKS)' },
  { name: 'ssl.truststore.location', type: 'string', default: null, importance: 'high', doc: 'The CA certificates (PEM) trusted for client certificates and for the other workers\' servers; none given, the system\'s' },
  { name: 'ssl.truststore.password', type: 'string', default: null, importance: 'high', doc: 'The password of the trust store (not needed for PEM)' },
  { name: 'ssl.truststore.certificates', type: 'string', default: null, importance: 'high', doc: 'The trusted CA certificates in PEM, instead of a trust store file' },
  { name: 'ssl.client.auth', type: 'string', default: 'none', validate: oneOfIgnoringCase('required', 'requested', 'none'), importance: 'low', doc: 'Whether the REST API\'s https listener asks clients for a certificate: required (a client without a certificate trusted by the trust store is refused), requested, or none' },
  { name: 'ssl.enabled.protocols', type: 'list', default: 'TLSv1.2,TLSv1.3', importance: 'medium', doc: 'The TLS versions the REST API and its forwarding use (TLSv1.2, TLSv1.3)' },
  { name: 'ssl.protocol', type: 'string', default: 'TLSv1.3', importance: 'medium', doc: 'Kafka\'s SSLContext protocol; Node negotiates among ssl.enabled.protocols, so it is accepted and not used' },
  { name: 'ssl.cipher.suites', type: 'list', default: '', importance: 'low', doc: 'OpenSSL names of the cipher suites allowed (TLSv1.2); empty for Node\'s defaults' },
  { name: 'ssl.endpoint.identification.algorithm', type: 'string', default: 'https', importance: 'low', doc: 'https: a forwarded request checks that the other worker\'s certificate names its host; empty to skip that check' },
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
  // Signed requests between workers (KIP-507), in force while the group's protocol is sessioned.
  { name: 'inter.worker.key.generation.algorithm', type: 'string', default: 'HmacSHA256', validate: hmacAlgorithm(), importance: 'low', doc: 'Distributed mode: the algorithm of the session keys the leader makes for signing requests between workers (Java\'s KeyGenerator names: HmacSHA256, HmacSHA512...)' },
  { name: 'inter.worker.key.size', type: 'int', default: null, importance: 'low', doc: 'Distributed mode: the size of the session key in bits; by default the key generation algorithm\'s (256 for HmacSHA256)' },
  { name: 'inter.worker.key.ttl.ms', type: 'int', default: '3600000', validate: atLeast(0), importance: 'low', doc: 'Distributed mode: how long a session key is used before the leader writes a new one to the config topic' },
  { name: 'inter.worker.signature.algorithm', type: 'string', default: 'HmacSHA256', validate: hmacAlgorithm(), importance: 'low', doc: 'Distributed mode: the algorithm this worker signs its requests to the leader with (Java\'s Mac names)' },
  { name: 'inter.worker.verification.algorithms', type: 'list', default: 'HmacSHA256', validate: hmacAlgorithms(), importance: 'low', doc: 'Distributed mode: the algorithms accepted in signed requests from other workers; must include inter.worker.signature.algorithm' },
  { name: 'worker.unsync.backoff.ms', type: 'int', default: '300000', validate: atLeast(0), importance: 'medium', doc: 'Distributed mode: how long a worker that could not catch up with the config topic waits before it rejoins' },
];

const DEFINITIONS = new Map(WORKER_CONFIGS.map((d) => [d.name, d]));

/** One of the REST API's listeners. */
export interface RestListener {
  protocol: 'http' | 'https';
  host: string;
  port: number;
}

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

  /** The REST API's listeners (Kafka's `listeners`: http://host:port and https://host:port, an empty host for every interface). */
  restListeners(): RestListener[] {
    const listeners = this.list('listeners');
    if (listeners.length === 0) throw new ConfigError('Invalid value for configuration listeners: give at least one http://host:port or https://host:port');
    return listeners.map((text) => {
      const m = /^(https?):\/\/([^:/[\]]*|\[[^\]]*\]):(\d+)\/?$/i.exec(text.trim());
      if (m === null) throw new ConfigError(`Invalid value ${text} for configuration listeners: expected http://host:port or https://host:port (an empty host for every interface)`);
      return { protocol: m[1].toLowerCase() as 'http' | 'https', host: m[2] === '' ? '0.0.0.0' : m[2].replace(/^\[|\]$/g, ''), port: Number(m[3]) };
    });
  }

  /**
   * The TLS settings of the REST API (Kafka's SSLUtils with valuesWithPrefixAllOrNothing): when any
   * `listeners.https.` setting is given, those alone (with the defaults), else the worker's `ssl.*`.
   */
  restTlsSettings(): { get(name: string): string | null; list(name: string): string[]; nameOf(name: string): string } {
    const prefix = 'listeners.https.';
    const prefixed = Object.keys(this.originals).some((k) => k.startsWith(prefix));
    const raw = (name: string): string | null => {
      if (!prefixed) return this.string(name);
      const own = this.originals[prefix + name];
      return own ?? DEFINITIONS.get(name)?.default ?? null;
    };
    return {
      get: raw,
      list: (name) => {
        const text = raw(name);
        return text === null || text.trim() === '' ? [] : text.split(',').map((t) => t.trim());
      },
      nameOf: (name) => (prefixed ? prefix + name : name),
    };
  }

  #known(name: string): void {
    if (!DEFINITIONS.has(name)) throw new Error(`bug: worker setting ${name} is not declared in WORKER_CONFIGS`);
  }
}
