/**
 * A distributed Connect worker in one call (Kafka's ConnectDistributed): the REST API, the three
 * storage topics (created if missing, each read to its end), and the worker's membership of the
 * Connect group `group.id`. Connectors are created through the REST API of any worker; the group
 * shares them and their tasks out, and moves them when a worker joins, leaves or dies.
 */
import { ConfigError } from '@sluice/config';
import { consumerOptions, Producer, producerOptions, type ConsumerOptions, type ProducerOptions } from '@sluice/client';
import { clientOptionsFrom } from '../runtime/client-settings.ts';
import { loadPlugins } from '../runtime/connect-plugins.ts';
import { workerLogging } from '../runtime/loggers.ts';
import { RestClient } from '../runtime/rest-client.ts';
import { startRestListeners } from '../runtime/rest-listeners.ts';
import { ConnectRestServer } from '../runtime/rest-server.ts';
import { restClientTls } from '../runtime/rest-tls.ts';
import { Worker } from '../runtime/worker.ts';
import { WorkerConfig } from '../runtime/worker-config.ts';
import { KafkaConfigBackingStore, leaderTransactionalId } from './config-store.ts';
import { ConnectorOffsetStores } from './connector-offset-stores.ts';
import type { ConnectProtocolName, WorkerGroupMembership, WorkerGroupMembershipOptions } from './contract.ts';
import { DistributedHerder } from './distributed-herder.ts';
import { ExactlyOnceSupport, type ExactlyOnceSourceSupport } from './exactly-once-support.ts';
import { InterWorkerSigning, interWorkerSigningSettings } from './inter-worker-signing.ts';
import { KafkaBasedLog } from './kafka-based-log.ts';
import { KafkaOffsetBackingStore } from './offset-store.ts';
import { KafkaStatusBackingStore } from './status-store.ts';
import { createWorkerGroupMembership } from './worker-group.ts';

export interface ConnectDistributedOptions {
  /** The worker's settings, as in worker.properties (group.id and the three storage topics are required). */
  worker: Readonly<Record<string, string>>;
  /** Where log lines go; default stderr. */
  log?: (line: string) => void;
  /** Makes the group membership; by default the Connect group protocol over the client's group member. */
  membership?: (options: WorkerGroupMembershipOptions) => WorkerGroupMembership;
}

export interface ConnectDistributed {
  readonly herder: DistributedHerder;
  readonly rest: ConnectRestServer;
  readonly port: number;
  /** `http://host:port` (or `https://`) of the REST API's advertised listener, which the other workers forward requests to. */
  readonly url: string;
  stop(): Promise<void>;
}

const REQUIRED = ['group.id', 'config.storage.topic', 'offset.storage.topic', 'status.storage.topic'] as const;

export async function startConnectDistributed(options: ConnectDistributedOptions): Promise<ConnectDistributed> {
  const config = new WorkerConfig(options.worker);
  for (const name of REQUIRED) {
    if (config.string(name) === null || config.string(name) === '') throw new ConfigError(`Missing required configuration "${name}" which has no default value.`);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const restClient = new RestClient(() => restClientTls(config));
  const signing = new InterWorkerSigning(interWorkerSigningSettings(config), restClient);
  const plugins = await loadPlugins(config.list('plugin.path'));
  const offsets = new KafkaOffsetBackingStore();
  const logging = workerLogging(log);
  let herder: DistributedHerder | null = null;
  const configs = new KafkaConfigBackingStore((change) => herder?.onConfigChange(change));
  // A connector's own offsets.storage.topic is read and written next to the worker's (Kafka's ConnectorOffsetBackingStore).
  const offsetStores = new ConnectorOffsetStores(offsets, config.string('offset.storage.topic')!, {
    connectorConfig: (c) => configs.snapshot().connectorConfig(c),
    connectors: () => configs.snapshot().connectors(),
    newLog: (topic, onRecord) => offsetLogFor(topic, (r) => onRecord(r.key, r.value)),
    log,
  });
  const worker = new Worker(config, plugins, offsetStores, { workerId: 'starting', log: logging.log });
  const statuses = new KafkaStatusBackingStore();
  const membership = options.membership ?? createWorkerGroupMembership;
  const exactlyOnceMode = (config.string('exactly.once.source.support') ?? 'disabled') as ExactlyOnceSourceSupport;
  const exactlyOnce = new ExactlyOnceSupport(exactlyOnceMode, {
    groupId: config.string('group.id')!,
    workerOffsetsTopic: config.string('offset.storage.topic')!,
    admin: () => worker.admin(),
    connectorConfig: (c) => configs.snapshot().connectorConfig(c),
    fencingState: (c) => {
      const snapshot = configs.snapshot();
      return { pendingFencing: snapshot.pendingFencing(c), taskCountRecord: snapshot.taskCountRecord(c), taskCount: snapshot.taskCount(c) };
    },
    refresh: () => configs.log.readToEnd(),
    isLeader: () => herder?.membership?.isLeader ?? false,
    leaderUrl: () => herder?.membership?.leaderUrl ?? null,
    signedRequest: (target, method, body, timeoutMs) => signing.request(target, method, body, timeoutMs),
    putTaskCountRecord: (c, n) => configs.putTaskCountRecord(c, n),
    connectorOffsetsTopic: (c) => offsetStores.connectorStore(c),
    log,
  });
  herder = new DistributedHerder({
    exactlyOnce,
    signing,
    worker,
    configs,
    statuses,
    workerSyncTimeoutMs: config.number('worker.sync.timeout.ms'),
    workerUnsyncBackoffMs: config.number('worker.unsync.backoff.ms'),
    membership: (listener) =>
      membership({
        groupId: config.string('group.id')!,
        url,
        protocol: config.string('connect.protocol') as ConnectProtocolName,
        sessionTimeoutMs: config.number('session.timeout.ms'),
        rebalanceTimeoutMs: config.number('rebalance.timeout.ms'),
        heartbeatIntervalMs: config.number('heartbeat.interval.ms'),
        scheduledRebalanceMaxDelayMs: config.number('scheduled.rebalance.max.delay.ms'),
        client: config.originals,
        configSnapshot: () => configs.snapshot(),
        listener,
        log,
      }),
  });
  const rest = new ConnectRestServer(herder, logging.loggers, restClient);
  const { port, url, workerId } = await startRestListeners(rest, config);
  worker.workerId = workerId;

  const clientBase = (kind: string) => ({ bootstrapServers: worker.bootstrapServers, clientId: `${config.string('client.id') || `connect-${config.string('group.id')}`}-${kind}` });
  const producer = (kind: string) => ({ ...clientOptionsFrom(producerOptions, config.originals).options, ...clientBase(kind) }) as ProducerOptions;
  const consumer = (kind: string) => ({ ...clientOptionsFrom(consumerOptions, config.originals).options, ...clientBase(kind) }) as ConsumerOptions;
  const logOf = (kind: 'config' | 'offset' | 'status', partitions: number, onRecord: ConstructorParameters<typeof KafkaBasedLog>[0]['onRecord'], readCommitted = false, topic = config.string(`${kind}.storage.topic`)!) =>
    new KafkaBasedLog({
      topic,
      // A connector's own offsets topic is named by its offsets.storage.topic.
      topicSetting: topic === config.string(`${kind}.storage.topic`) ? `${kind}.storage.topic` : 'offsets.storage.topic',
      partitions,
      replicationFactor: config.number(`${kind}.storage.replication.factor`),
      admin: worker.admin(),
      producer: producer(`${kind}s`),
      consumer: readCommitted ? { ...consumer(`${kind}s`), isolationLevel: 'read_committed' } : consumer(`${kind}s`),
      onRecord,
      log,
    });
  // With exactly-once source support the config topic is read committed (a fenced leader's aborted writes unseen), as Kafka's.
  const configLog = logOf('config', 1, (r) => configs.apply(r.key?.toString('utf8') ?? null, r.value, r.offset, log), exactlyOnceMode === 'enabled');
  // Preparing or enabled: the leader writes the config topic through a transactional producer, so a zombie leader is fenced (Kafka's fencable writer).
  if (exactlyOnceMode !== 'disabled') {
    configs.useFencableWriter({
      producer: () => new Producer({ ...producer('configs'), clientId: `${producer('configs').clientId}-leader`, transactionalId: leaderTransactionalId(config.string('group.id')!), idempotent: true, acks: 'all' } as ProducerOptions),
      onFailed: (e) => herder?.onFencedFromConfigTopic(e),
    });
  }
  // With exactly-once source support, offsets count only once their task's transaction committed
  // (not while preparing it: Kafka's worker reads its offsets topic read_committed only when enabled).
  // A connector's own offsets topic is read committed in every mode, as Kafka's tasks read it.
  const offsetLogFor = (topic: string, onRecord: ConstructorParameters<typeof KafkaBasedLog>[0]['onRecord'], readCommitted = true) => logOf('offset', config.number('offset.storage.partitions'), onRecord, readCommitted, topic);
  const offsetLog = offsetLogFor(config.string('offset.storage.topic')!, (r) => offsets.apply(r.key, r.value), exactlyOnceMode === 'enabled');
  const statusLog = logOf('status', config.number('status.storage.partitions'), (r) => statuses.apply(r.key?.toString('utf8') ?? null, r.value));
  configs.attach(configLog);
  offsets.attach(offsetLog);
  statuses.attach(statusLog);
  const logs = [offsetLog, statusLog, configLog];
  const stopLogs = async () => {
    await offsetStores.stop();
    for (const l of logs) await l.stop();
  };
  try {
    for (const l of logs) await l.start();
    const partitions = (await worker.admin().describeTopics([configLog.topic]))[0].partitions.length;
    if (partitions !== 1) throw new ConfigError(`Topic '${configLog.topic}' supplied via the 'config.storage.topic' property is required to have a single partition in order to guarantee consistency of connector configurations, but found ${partitions} partitions.`);
    herder.start();
  } catch (e) {
    await rest.close();
    await stopLogs();
    await worker.close();
    throw e;
  }
  const h = herder;
  return {
    herder: h,
    rest,
    port,
    url,
    stop: async () => {
      await rest.close();
      await h.stop();
      await stopLogs();
      await worker.close();
    },
  };
}
