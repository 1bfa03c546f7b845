/**
 * Broker configuration: one table (name, type, default, doc, validation) that gives the typed
 * config object, the parsing of files, `--set key=value` and AlterConfigs, and the docs.
 * Names and defaults are Kafka's where Kafka has the setting.
 */

import { type ConfigDefinition, type Importance, atLeast, between, oneOf, validator } from '@sluice/config';
import { topicConfigDefinitions } from '@sluice/storage';

export { ConfigError, parseConfigValue as parseValue, type ConfigDefinition, type ConfigType } from '@sluice/config';


/** max.connections.per.ip.overrides' form, as Kafka checks it: host:count entries separated by commas. */
function overridesProblem(value: unknown): string | undefined {
  for (const entry of String(value ?? '').split(',').map((e) => e.trim())) {
    const count = /^\S.*:(\d{1,10})$/.exec(entry)?.[1];
    if (entry !== '' && (count === undefined || Number(count) > 2147483647)) return `entry ${JSON.stringify(entry)} is not host:count, e.g. 127.0.0.1:200`;
  }
  return undefined;
}

const OWN_CONFIGS: readonly ConfigDefinition[] = [
  { name: 'node.id', type: 'int', default: '0', importance: 'high', doc: 'The id of this broker, reported in Metadata as the only broker and controller.', validate: atLeast(0) },
  { name: 'listeners', type: 'string', default: 'PLAINTEXT://127.0.0.1:9092', importance: 'high', doc: 'Where the broker listens: NAME://host:port entries, comma separated, e.g. PLAINTEXT://127.0.0.1:9092,SASL_SSL://0.0.0.0:9093 (port 0 picks a free port); each name\'s protocol comes from listener.security.protocol.map.' },
  { name: 'advertised.listeners', type: 'string', default: null, importance: 'high', doc: 'The addresses given to clients in Metadata, NAME://host:port per listener: a client gets the address of the listener it connected to. A listener left out advertises its own address.' },
  { name: 'listener.security.protocol.map', type: 'string', default: 'SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT', importance: 'low', doc: 'The security protocol of each listener name: PLAINTEXT, SSL (TLS), SASL_PLAINTEXT or SASL_SSL. Settings for one listener take Kafka\'s prefix listener.name.<listener name in lower case>., e.g. listener.name.external.ssl.keystore.location.' },
  { name: 'ssl.keystore.type', type: 'string', default: 'JKS', importance: 'medium', doc: 'The format of the key store of TLS listeners: PEM (ssl.keystore.location is a PEM file holding the private key and the certificate chain, or the key and chain are given inline in ssl.keystore.key and ssl.keystore.certificate.chain) or PKCS12 (with ssl.keystore.password). JKS, Kafka\'s default, cannot be read by Node: convert it with keytool -importkeystore -deststoretype PKCS12. Secrets (ssl.keystore.password, ssl.key.password, ssl.truststore.password, ssl.keystore.key) are accepted but never shown by DescribeConfigs.' },
  { name: 'ssl.keystore.location', type: 'string', default: null, importance: 'high', doc: 'The key store file of TLS listeners (see ssl.keystore.type). The file is watched: a new certificate is used for new connections without a restart.' },
  { name: 'ssl.truststore.type', type: 'string', default: 'JKS', importance: 'medium', doc: 'The format of the trust store: PEM (a file of CA certificates, or inline in ssl.truststore.certificates) or PKCS12.' },
  { name: 'ssl.truststore.location', type: 'string', default: null, importance: 'high', doc: 'The certificates of the authorities trusted to sign client certificates (ssl.client.auth). Without one, Node\'s bundled authorities.' },
  { name: 'ssl.client.auth', type: 'string', default: 'none', importance: 'medium', doc: 'Whether TLS clients must present a certificate: required, requested (verified when given) or none. The principal of a client with a certificate is User:<its subject>, e.g. User:CN=alice,OU=eng, mapped by ssl.principal.mapping.rules.', validate: oneOf('none', 'requested', 'required') },
  { name: 'ssl.principal.mapping.rules', type: 'string', default: 'DEFAULT', importance: 'low', doc: 'Kafka\'s rules mapping a client certificate\'s subject to a user name: RULE:pattern/replacement/ with an optional L or U (lower or upper case), tried in order, and DEFAULT for the whole subject.' },
  { name: 'ssl.enabled.protocols', type: 'string', default: 'TLSv1.2,TLSv1.3', importance: 'medium', doc: 'The TLS versions TLS listeners accept.' },
  { name: 'ssl.cipher.suites', type: 'string', default: '', importance: 'low', doc: 'The cipher suites TLS listeners accept, by their OpenSSL or IANA names, comma separated; empty for Node\'s defaults. TLS 1.3 suites are always on.' },
  { name: 'sasl.enabled.mechanisms', type: 'string', default: 'GSSAPI', importance: 'medium', doc: 'The SASL mechanisms of SASL listeners (Kafka\'s default is GSSAPI, Kerberos, which Sluice does not serve): PLAIN, its users in listener.name.<listener>.plain.sasl.jaas.config as Kafka\'s PlainLoginModule user_<name>="<password>" options; SCRAM-SHA-256 and SCRAM-SHA-512, their users added with AlterUserScramCredentials (sluice user add); OAUTHBEARER, tokens checked with the sasl.oauthbearer.* settings. A SASL listener with a mechanism Sluice cannot serve refuses the start.' },
  { name: 'sasl.oauthbearer.jwks.endpoint.url', type: 'string', default: null, importance: 'medium', doc: 'OAUTHBEARER: the JSON Web Key Set (an http(s) URL, fetched at start, or a file) whose RS256 and ES256 keys sign the tokens accepted. Without it tokens are accepted unsigned (alg none), as Kafka\'s default unsecured validator: for development only.' },
  { name: 'sasl.oauthbearer.expected.audience', type: 'string', default: '', importance: 'low', doc: 'OAUTHBEARER: audiences (comma separated) of which a token\'s aud claim must name one; empty to not check.' },
  { name: 'sasl.oauthbearer.expected.issuer', type: 'string', default: null, importance: 'low', doc: 'OAUTHBEARER: the iss claim a token must carry; unset to not check.' },
  { name: 'sasl.oauthbearer.sub.claim.name', type: 'string', default: 'sub', importance: 'low', doc: 'OAUTHBEARER: the claim naming the principal.' },
  { name: 'sasl.oauthbearer.clock.skew.seconds', type: 'int', default: '30', importance: 'low', doc: 'OAUTHBEARER: how far the token\'s exp, iat and nbf may be off the broker\'s clock.', validate: atLeast(0) },
  { name: 'connection.failed.authentication.delay.ms', type: 'int', default: '100', importance: 'low', doc: 'How long the answer to a failed authentication is held back before the connection is closed, as Kafka does, to slow down password guessing.', validate: atLeast(0) },
  { name: 'sasl.server.max.receive.size', type: 'int', default: '524288', importance: 'low', doc: 'The largest frame a connection of a SASL listener may send before it has authenticated; a larger one closes the connection before any memory is set aside for it, so that unauthenticated clients cannot hold the memory of requests in flight (queued.max.request.bytes).', validate: atLeast(1) },
  { name: 'connections.max.reauth.ms', type: 'long', default: '0', importance: 'medium', doc: 'KIP-368: when above 0, a SASL session lasts this long (SaslAuthenticate v1+ tells the client, which re-authenticates on the same connection in time); a connection whose session has expired is closed at its next request. 0: sessions never expire.', validate: atLeast(0) },
  { name: 'connections.authentication.timeout.ms', type: 'int', default: '30000', importance: 'low', doc: 'Sluice\'s own: a connection of an SSL or SASL listener that has not finished its TLS handshake and SASL authentication within this time is closed (Kafka leaves such a connection open until connections.max.idle.ms).', validate: atLeast(1) },
  { name: 'authorizer.class.name', type: 'string', default: '', importance: 'low', doc: 'org.apache.kafka.metadata.authorizer.StandardAuthorizer turns on ACL authorization (ACLs managed with CreateAcls, DescribeAcls, DeleteAcls, e.g. Kafka\'s kafka-acls, kept in the data folder); empty, the default, lets every client do everything. Other Java class names cannot be loaded and refuse the start.' },
  { name: 'super.users', type: 'string', default: '', importance: 'low', doc: 'Principals allowed every operation whatever the ACLs say, separated by semicolons, e.g. User:admin;User:CN=ops. Only with an authorizer.' },
  { name: 'allow.everyone.if.no.acl.found', type: 'boolean', default: 'false', importance: 'low', doc: 'With an authorizer: whether a resource that no ACL names (no literal, wildcard or prefixed pattern applies) is open to every principal. By default it is closed to all but super.users.' },
  { name: 'controller.listener.names', type: 'string', default: null, importance: 'high', doc: 'Listeners of a KRaft controller. Sluice is its own controller: these listeners are not opened (Kafka\'s server.properties can be used as it is).' },
  { name: 'log.dirs', type: 'string', default: './sluice-data', importance: 'high', doc: 'The data directory.', synonyms: ['log.dir'] },
  { name: 'cluster.id', type: 'string', default: null, importance: 'medium', doc: 'The cluster id for a new data directory; an existing one keeps its own.' },
  { name: 'auto.create.topics.enable', type: 'boolean', default: 'true', importance: 'high', doc: 'Create a topic when Metadata asks for one that does not exist.' },
  { name: 'num.partitions', type: 'int', default: '1', importance: 'medium', doc: 'Partitions of automatically created topics and of CreateTopics without a count.', validate: atLeast(1) },
  { name: 'default.replication.factor', type: 'int', default: '1', importance: 'medium', doc: 'Accepted for compatibility; a single node keeps one replica.', validate: validator('[1]', (v) => (v === 1 ? undefined : 'must be 1 on a single-node broker')) },
  { name: 'delete.topic.enable', type: 'boolean', default: 'true', importance: 'high', doc: 'Allow DeleteTopics.' },
  { name: 'max.partitions', type: 'int', default: '10000', importance: 'medium', doc: 'The most partitions the broker holds over all topics (the name KIP-578 proposed; Kafka itself has no limit). CreateTopics, CreatePartitions and automatic creation that would pass it are refused with POLICY_VIOLATION before anything is created; internal topics are never refused.', validate: atLeast(1), dynamic: true },
  { name: 'socket.request.max.bytes', type: 'int', default: '104857600', importance: 'high', doc: 'The largest request frame; larger ones close the connection before they are read.', validate: atLeast(1024) },
  { name: 'queued.max.request.bytes', type: 'long', default: '209715200', importance: 'medium', doc: 'The memory of requests in flight over all connections; a connection whose next request does not fit stops being read until memory is given back. -1 (or any value up to 0) for no limit, Kafka\'s default; ours is bounded, at twice socket.request.max.bytes, so that clients holding requests open cannot exhaust memory while one largest request still fits. Must be at least socket.request.max.bytes.' },
  { name: 'connections.max.idle.ms', type: 'long', default: '600000', importance: 'medium', doc: 'Close a connection with no traffic and no request in flight for this long, and one left this long waiting for a place under max.connections; -1 never.', validate: atLeast(-1) },
  { name: 'max.connections', type: 'int', default: '2147483647', importance: 'medium', doc: 'The most connections the broker serves; more wait unanswered, oldest first, until one closes, as Kafka holds them (at most 50 wait on each listener, as many as its listen backlog; more are closed; one waiting connections.max.idle.ms is closed). listener.name.<listener>.max.connections limits one listener\'s within it.', validate: atLeast(0), dynamic: true },
  { name: 'max.connections.per.ip', type: 'int', default: '2147483647', importance: 'medium', doc: 'The most connections from one address; more are closed at once.', validate: atLeast(0), dynamic: true },
  { name: 'max.connections.per.ip.overrides', type: 'string', default: '', importance: 'medium', doc: 'Per-address limits over max.connections.per.ip: host:count,address:count (host names are resolved at start, and when it is changed while the broker runs).', validate: overridesProblem, dynamic: true },
  { name: 'message.max.bytes', type: 'int', default: '1048588', importance: 'high', doc: 'Default of the topic config max.message.bytes: the largest record batch accepted.', validate: atLeast(0), dynamic: true },
  { name: 'controlled.shutdown.timeout.ms', type: 'int', default: '30000', importance: 'medium', doc: 'How long a graceful stop waits for in-flight requests.', validate: atLeast(0) },
  { name: 'group.initial.rebalance.delay.ms', type: 'int', default: '3000', importance: 'medium', doc: 'How long a new group waits for more members before the first rebalance.', validate: atLeast(0) },
  { name: 'group.min.session.timeout.ms', type: 'int', default: '6000', importance: 'medium', doc: 'The smallest session timeout a member may ask for.', validate: atLeast(0) },
  { name: 'group.max.session.timeout.ms', type: 'int', default: '1800000', importance: 'medium', doc: 'The largest session timeout a member may ask for.', validate: atLeast(0) },
  { name: 'group.max.size', type: 'int', default: '2147483647', importance: 'medium', doc: 'The most members a classic group may have.', validate: atLeast(1) },
  { name: 'offsets.retention.minutes', type: 'int', default: '10080', importance: 'high', doc: 'How long committed offsets of an empty group are kept.', validate: atLeast(1) },
  { name: 'offsets.retention.check.interval.ms', type: 'long', default: '600000', importance: 'high', doc: 'How often expired offsets are removed.', validate: atLeast(1) },
  { name: 'offset.metadata.max.bytes', type: 'int', default: '4096', importance: 'high', doc: 'The largest metadata string an offset commit may carry.', validate: atLeast(0) },
  { name: 'offsets.topic.num.partitions', type: 'int', default: '50', importance: 'high', doc: 'Partitions of __consumer_offsets when it is created.', validate: atLeast(1) },
  { name: 'transactional.id.expiration.ms', type: 'int', default: '604800000', importance: 'high', doc: 'How long an idle transactional id is kept.', validate: atLeast(1) },
  { name: 'transaction.max.timeout.ms', type: 'int', default: '900000', importance: 'high', doc: 'The largest transaction timeout a producer may ask for.', validate: atLeast(1) },
  { name: 'producer.id.expiration.ms', type: 'int', default: '86400000', importance: 'low', doc: 'How long the state of an idle idempotent producer is kept.', validate: atLeast(1) },
  { name: 'producer.id.expiration.check.interval.ms', type: 'int', default: '600000', importance: 'low', doc: 'How often each partition looks for producers idle for producer.id.expiration.ms or longer, to forget them (one with a transaction open there is kept).', validate: atLeast(1) },
  { name: 'transaction.state.log.num.partitions', type: 'int', default: '50', importance: 'high', doc: 'Partitions of __transaction_state when it is created (at the first transactional request).', validate: atLeast(1) },
  { name: 'transaction.state.log.segment.bytes', type: 'int', default: '104857600', importance: 'high', doc: 'Segment size of __transaction_state when it is created.', validate: atLeast(1) },
  { name: 'transaction.abort.timed.out.transaction.cleanup.interval.ms', type: 'int', default: '10000', importance: 'low', doc: 'How often the transaction coordinator looks for transactions open longer than their transaction.timeout.ms, to abort them.', validate: atLeast(1) },
  { name: 'transaction.remove.expired.transaction.cleanup.interval.ms', type: 'int', default: '3600000', importance: 'low', doc: 'How often the transaction coordinator looks for transactional ids idle longer than transactional.id.expiration.ms, to forget them.', validate: atLeast(1) },
  { name: 'transaction.version', type: 'int', default: '2', importance: 'medium', doc: 'The first finalized level of the transaction.version feature, as Kafka sets it with kafka-storage format --feature; kafka-features (UpdateFeatures) changes it later, kept in the data folder, which then wins over this setting: 2 offers transactions version 2 (KIP-890: the broker adds partitions, an epoch bump per transaction), which Kafka 4 clients then use; 1 and 0 make them use the original protocol. Advertised in ApiVersions; 1 and 2 write __transaction_state values in version 1, 0 in version 0.', validate: between(0, 2) },
  { name: 'max.incremental.fetch.session.cache.slots', type: 'int', default: '1000', importance: 'medium', doc: 'The most incremental fetch sessions (KIP-227) kept; a full fetch beyond them is answered outside any session.', validate: atLeast(0) },
  { name: 'log.retention.check.interval.ms', type: 'long', default: '300000', importance: 'medium', doc: 'How often retention runs (compaction follows log.cleaner.backoff.ms).', validate: atLeast(1) },
  { name: 'log.cleaner.backoff.ms', type: 'long', default: '15000', importance: 'medium', doc: 'How long the log cleaner sleeps when no compacted log needs cleaning; after a pass that compacted something it looks again at once.', validate: atLeast(0) },
  { name: 'quota.window.num', type: 'int', default: '11', importance: 'low', doc: 'The number of samples client quotas (producer_byte_rate, consumer_byte_rate, request_percentage, connection_creation_rate) are measured over.', validate: atLeast(1) },
  { name: 'quota.window.size.seconds', type: 'int', default: '1', importance: 'low', doc: 'The time span of each sample of the client quotas.', validate: atLeast(1) },
  { name: 'controller.quota.window.num', type: 'int', default: '11', importance: 'low', doc: 'The number of samples of controller_mutation_rate quotas (its token bucket holds this many windows of the quota).', validate: atLeast(1) },
  { name: 'controller.quota.window.size.seconds', type: 'int', default: '1', importance: 'low', doc: 'The time span of each sample of controller_mutation_rate quotas.', validate: atLeast(1) },
];

/** Kafka's importance of the broker-level topic defaults: the retention, segment and flush ones matter most. */
const HIGH_TOPIC_DEFAULTS = new Set(['log.retention.ms', 'log.retention.bytes', 'log.segment.bytes', 'log.roll.ms', 'log.roll.jitter.ms', 'log.flush.interval.messages', 'log.flush.interval.ms', 'log.segment.delete.delay.ms', 'min.insync.replicas', 'unclean.leader.election.enable', 'compression.type']);

function brokerImportance(name: string): Importance {
  return HIGH_TOPIC_DEFAULTS.has(name) ? 'high' : 'medium';
}

/**
 * The broker-level defaults of topic configs (log.retention.ms for retention.ms…), from the
 * storage engine's topic config table, so the two can never disagree.
 */
const TOPIC_DEFAULTS: readonly ConfigDefinition[] = topicConfigDefinitions
  .filter((d) => d.brokerName !== null && !OWN_CONFIGS.some((o) => o.name === d.brokerName))
  .map((d) => ({ ...d, name: d.brokerName!, importance: brokerImportance(d.brokerName!), doc: `Default of the topic config ${d.name}. ${d.doc}`, dynamic: true, synonyms: undefined }));

export const BROKER_CONFIGS: readonly ConfigDefinition[] = [...OWN_CONFIGS, ...TOPIC_DEFAULTS];

/** Names of the broker settings that give topic config defaults. */
export const TOPIC_DEFAULT_NAMES = new Set(TOPIC_DEFAULTS.map((d) => d.name));

/** Kafka's settings in other units, converted to the millisecond settings we define. */
export const UNIT_ALIASES: Readonly<Record<string, { name: string; factor: number }>> = {
  'log.retention.hours': { name: 'log.retention.ms', factor: 3_600_000 },
  'log.retention.minutes': { name: 'log.retention.ms', factor: 60_000 },
  'log.roll.hours': { name: 'log.roll.ms', factor: 3_600_000 },
  'log.roll.jitter.hours': { name: 'log.roll.jitter.ms', factor: 3_600_000 },
};
