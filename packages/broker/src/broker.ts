/**
 * startBroker: a Kafka broker in this process, on a port, over a data directory.
 *
 *   const broker = await startBroker({ port: 0 });   // data in a temporary folder
 *   broker.bootstrap                                   // '127.0.0.1:54321'
 *   await broker.close();                              // graceful: in-flight requests finish, logs sync
 */
import { randomUUID } from 'node:crypto';
import { GROUP_CONFIGS_FILE, GroupConfigStore } from './groups/group-configs.ts';
import { FINALIZED_FEATURES_FILE, FinalizedFeatureStore } from './feature-store.ts';
import { mkdtemp } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LogManager, NodeFileSystem, type FileSystem } from '@sluice/storage';
import { BrokerConfig } from './config/broker-config.ts';
import { DYNAMIC_BROKER_CONFIGS_FILE, DynamicBrokerConfigStore } from './config/dynamic-broker-configs.ts';
import type { BrokerCore, BrokerLog } from './core.ts';
import { DelayedOperations } from './delayed/delayed-operations.ts';
import { FetchSessionCache } from './fetch/fetch-sessions.ts';
import { advertisedVersions } from './handlers/18-api-versions.ts';
import type { Handler } from './handlers/handler.ts';
import { HANDLERS } from './handlers/index.ts';
import { GroupCoordinator } from './groups/coordinator.ts';
import { OffsetsTopicStore } from './groups/offsets-topic.ts';
import { SystemTimer } from './groups/timer.ts';
import { ProducerIdAllocator, loadOrCreateIdentity } from './identity.ts';
import { type DataDirLock, lockDataDir } from './data-dir-lock.ts';
import { advertisedListener, checkAdvertisedNames, servedListeners } from './listeners.ts';
import { listenerSecurity, warnAboutOpenListeners } from './security/listener-security.ts';
import { ScramCredentialStore } from './security/scram-credentials.ts';
import { BrokerQuotas, CLIENT_QUOTAS_FILE, HostResolver } from './quotas/index.ts';
import { AclAuthorizer, parseSuperUsers } from './acl/authorizer.ts';
import { checkListenable, listenError } from './port-check.ts';
import { consoleLog, silentLog } from './log.ts';
import { RequestDispatcher } from './network/dispatcher.ts';
import { interceptHandlers, type RequestInterceptor } from './network/intercept.ts';
import { KafkaServer, type NetworkStats } from './network/server.ts';
import { listenOptions } from './network/settings.ts';
import { TopicManager } from './topics/topic-manager.ts';
import { TransactionCoordinator, TransactionStateTopic } from './transactions/index.ts';
import { TransactionMarkers } from './transactions/markers.ts';

export interface BrokerOptions {
  /** Port to listen on; 0 picks a free one. Overrides the port of `listeners`. Default 9092. */
  port?: number;
  /** Address to listen on. Overrides the host of `listeners`. Default 127.0.0.1. */
  host?: string;
  /** Data directory. Without one, data lives in a temporary folder removed on close. */
  dataDir?: string;
  /** Broker settings with Kafka's names (server.properties), e.g. { 'num.partitions': '6' }. */
  config?: Record<string, string>;
  /** Log to stderr (the `sluice broker` command does); silent by default for tests. */
  logToConsole?: boolean;
  log?: BrokerLog;
  /** A filesystem other than the real one (tests). */
  fs?: FileSystem;
  /** Tests only: replace or delay the answer to chosen requests (network/intercept.ts). */
  interceptRequest?: RequestInterceptor;
}

export interface Broker {
  /** The first listener's advertised host and bound port. */
  readonly host: string;
  readonly port: number;
  /** Every listener by name (PLAINTEXT, SASL_SSL…): its advertised address and bound port. */
  readonly listeners: Readonly<Record<string, { protocol: string; host: string; port: number; bootstrap: string }>>;
  /** host:port for clients' bootstrap.servers. */
  readonly bootstrap: string;
  readonly dataDir: string;
  readonly clusterId: string;
  readonly nodeId: number;
  /** Connections and the memory of requests in flight (queued.max.request.bytes), as Kafka's socket server metrics. */
  readonly network: NetworkStats;
  /**
   * Stops accepting, answers what is in flight, syncs and closes the logs. Rejects, once all that
   * is done, if some partitions could not be closed cleanly (a full disk): the next start scans them.
   */
  close(): Promise<void>;
}

const PRODUCER_ID_FILE = 'producer-id-block';
const SCRAM_CREDENTIALS_FILE = 'scram-credentials';
const ACLS_FILE = 'acls';

/**
 * A temporary data folder, made and later removed through the FileSystem like everything else
 * in it. On the real disk mkdtemp makes it atomically and private (mode 0700), which the
 * FileSystem interface has no call for; an injected FileSystem (the in-memory one of the fault
 * tests) gets a folder of its own through its mkdir, and nothing is made on the real disk.
 */
async function makeTemporaryDataDir(injected: FileSystem | undefined): Promise<string> {
  if (injected === undefined) return mkdtemp(join(tmpdir(), 'sluice-broker-'));
  const dir = join(tmpdir(), `sluice-broker-${randomUUID()}`);
  await injected.mkdir(dir);
  return dir;
}

export async function startBroker(options: BrokerOptions = {}): Promise<Broker> {
  const log = options.log ?? (options.logToConsole ? consoleLog() : silentLog);
  const config = new BrokerConfig();
  config.applyStatic(options.config ?? {});
  for (const key of config.unknownKeys) log.warn(`ignoring unknown setting ${key}`);

  const { listeners, skipped } = servedListeners(config);
  for (const l of skipped) log.info(`not opening the controller listener ${l.name}://${l.host}:${l.port}: Sluice is its own controller`);
  const advertisedSetting = config.string('advertised.listeners');
  if (advertisedSetting !== null) checkAdvertisedNames(advertisedSetting, listeners);
  // The options' host and port are the first listener's (the only one by default).
  const addresses = listeners.map((l, i) => ({
    host: i === 0 && options.host !== undefined ? options.host : l.host === '' ? '0.0.0.0' : l.host,
    port: i === 0 ? (options.port ?? (options.config?.listeners !== undefined ? l.port : 9092)) : l.port,
  }));
  const { host, port } = addresses[0];
  // TLS key stores and SASL users are read (and refused when unusable) before anything is opened.
  const scramCredentials = new ScramCredentialStore();
  const security = await Promise.all(listeners.map((l, i) => listenerSecurity(config, { ...l, ...addresses[i] }, log, scramCredentials)));
  warnAboutOpenListeners(security, addresses, log);
  // A busy port is reported before the data folder is locked and every partition opened.
  try {
    for (const a of addresses) await checkListenable(a.host, a.port);
  } catch (e) {
    for (const l of security) l.tls?.close();
    throw e;
  }
  const temporary = options.dataDir === undefined && options.config?.['log.dirs'] === undefined && options.config?.['log.dir'] === undefined;
  const dataDir = temporary ? await makeTemporaryDataDir(options.fs) : resolve(options.dataDir ?? config.string('log.dirs')!);
  const fs = options.fs ?? new NodeFileSystem();
  // A folder on disk is this process's alone while it runs (data-dir-lock.ts says how). The lock
  // is an OS-level hold of a real folder (an abstract socket, or a file created with O_EXCL), not
  // a file of the log, so it stays outside the FileSystem interface.
  let lock: DataDirLock | undefined;
  if (!temporary && options.fs === undefined) {
    await fs.mkdir(dataDir);
    lock = await lockDataDir(dataDir);
  }
  const nodeId = config.int('node.id');

  const delayed = new DelayedOperations(log);
  let logs: LogManager | undefined;
  try {
    const started = Date.now();
    logs = await LogManager.open({
      fs,
      dataDir,
      brokerDefaults: config.topicDefaults(),
      maintenanceIntervalMs: config.int('log.retention.check.interval.ms'),
      cleanerBackoffMs: Math.max(1, config.int('log.cleaner.backoff.ms')), // 0 is Kafka's "no sleep", not "never"
      producerIdExpirationMs: config.int('producer.id.expiration.ms'),
      producerIdExpirationCheckIntervalMs: config.int('producer.id.expiration.check.interval.ms'),
      log,
      onProgress: (opened, total) => log.info(`opened ${opened} of ${total} partitions`),
    });
    const { clusterId, directoryId } = await loadOrCreateIdentity(fs, dataDir, nodeId, config.string('cluster.id'));
    // The dynamic configs kept from AlterConfigs on the broker win over the file's. Read once the
    // logs have made the data folder durably (and the folder is known to be this node's), they
    // reach the topics' broker-level defaults (log.retention.ms…) before any request is served.
    const storage = logs;
    const applyTopicDefaults = () => storage.setBrokerDefaults(config.topicDefaults());
    const dynamicConfigs = new DynamicBrokerConfigStore(config, log, applyTopicDefaults);
    await dynamicConfigs.open(fs, `${dataDir}/${DYNAMIC_BROKER_CONFIGS_FILE}`);
    applyTopicDefaults();
    await scramCredentials.open(fs, `${dataDir}/${SCRAM_CREDENTIALS_FILE}`);
    const groupConfigs = new GroupConfigStore();
    await groupConfigs.open(fs, `${dataDir}/${GROUP_CONFIGS_FILE}`);
    const features = await FinalizedFeatureStore.open(fs, `${dataDir}/${FINALIZED_FEATURES_FILE}`, config.int('transaction.version'), started);
    const quotas = new BrokerQuotas({
      client: { samples: config.int('quota.window.num'), windowMs: config.int('quota.window.size.seconds') * 1000 },
      controller: { samples: config.int('controller.quota.window.num'), windowMs: config.int('controller.quota.window.size.seconds') * 1000 },
    }, Date.now, new HostResolver({ timer: new SystemTimer(log) }), (message) => log.warn(message));
    await quotas.store.open(fs, `${dataDir}/${CLIENT_QUOTAS_FILE}`);
    // ACLs only with Kafka's authorizer named (config/security.ts refuses any other class).
    const authorizer = (config.string('authorizer.class.name') ?? '') === ''
      ? undefined
      : new AclAuthorizer({ superUsers: parseSuperUsers(config.string('super.users')), allowEveryoneIfNoAclFound: config.bool('allow.everyone.if.no.acl.found') });
    await authorizer?.open(fs, `${dataDir}/${ACLS_FILE}`);
    const producerIds = new ProducerIdAllocator(fs, `${dataDir}/${PRODUCER_ID_FILE}`);
    await producerIds.open();
    const topics = new TopicManager(logs, config, delayed);
    const offsetsStore = new OffsetsTopicStore(topics, () => config.int('offsets.topic.num.partitions'));
    const groups = new GroupCoordinator(
      {
        initialRebalanceDelayMs: config.int('group.initial.rebalance.delay.ms'),
        minSessionTimeoutMs: config.int('group.min.session.timeout.ms'),
        maxSessionTimeoutMs: config.int('group.max.session.timeout.ms'),
        maxSize: config.int('group.max.size'),
        offsetsRetentionMs: config.int('offsets.retention.minutes') * 60_000,
        offsetsRetentionCheckIntervalMs: config.int('offsets.retention.check.interval.ms'),
        newMemberJoinTimeoutMs: 300_000,
        offsetMetadataMaxBytes: config.int('offset.metadata.max.bytes'),
      },
      offsetsStore,
      new SystemTimer(log),
      log,
    );
    const replayed = await offsetsStore.load(groups);
    if (replayed > 0) log.info(`loaded ${groups.groups.size} groups and their offsets from ${replayed} records`);
    groups.start();
    // After the groups: completing a transaction found prepared may write to __consumer_offsets.
    const transactionState = new TransactionStateTopic(topics, {
      partitions: () => config.int('transaction.state.log.num.partitions'),
      segmentBytes: () => config.int('transaction.state.log.segment.bytes'),
    });
    const transactions = new TransactionCoordinator(
      {
        maxTimeoutMs: config.int('transaction.max.timeout.ms'),
        idExpirationMs: config.int('transactional.id.expiration.ms'),
        abortTimedOutIntervalMs: config.int('transaction.abort.timed.out.transaction.cleanup.interval.ms'),
        removeExpiredIntervalMs: config.int('transaction.remove.expired.transaction.cleanup.interval.ms'),
        // Read per transaction: UpdateFeatures may change the level while the broker runs.
        get transactionVersionLevel() {
          return features.level('transaction.version');
        },
      },
      transactionState,
      new TransactionMarkers(topics, groups),
      () => producerIds.allocate(),
      new SystemTimer(log),
      log,
    );
    const transactionRecords = await transactions.load(transactionState.records());
    if (transactionRecords > 0) log.info(`loaded ${transactions.size} transactional ids from ${transactionRecords} records`);
    transactions.start();

    const handlers: readonly Handler[] = options.interceptRequest ? interceptHandlers(HANDLERS, options.interceptRequest) : HANDLERS;
    const advertised = security[0].advertised;
    const core: BrokerCore = {
      nodeId,
      clusterId,
      dataDir,
      directoryId,
      advertised,
      advertisedApis: advertisedVersions(handlers),
      config,
      dynamicConfigs,
      topics,
      delayed,
      // Kafka's fixed eviction time of an idle fetch session (MIN_INCREMENTAL_FETCH_SESSION_EVICTION_MS).
      fetchSessions: new FetchSessionCache({ maxSessions: config.int('max.incremental.fetch.session.cache.slots'), evictionMs: 120_000 }),
      groups,
      transactions,
      features,
      log,
      allocateProducerId: () => producerIds.allocate(),
      scramCredentials,
      groupConfigs,
      quotas,
      authorizer,
      startupValues: new Map([
        ['log.dirs', dataDir],
        ['cluster.id', clusterId],
      ]),
    };
    const listenAt = security.map((l, i) => ({ ...addresses[i], security: l }));
    const server = new KafkaServer(new RequestDispatcher(core, handlers), { ...listenOptions(config, host, port), listeners: listenAt, connectionThrottleMs: (address) => quotas.connections.recordConnection(address, quotas.clock()), hosts: quotas.hosts }, log);
    const bound = await server.listen().catch((e: unknown) => {
      const failed = addresses[(e as { listenerIndex?: number }).listenerIndex ?? 0] ?? addresses[0];
      return Promise.reject(listenError(failed.host, failed.port, e));
    });
    await lock?.setListening(`${host}:${bound.port}`);
    // Clients learn our address from Metadata: their listener's advertised address, else its bound one.
    listeners.forEach((l, i) => {
      const boundPort = bound.all[i].port;
      const entry = advertisedSetting === null ? undefined : advertisedListener(advertisedSetting, l, listeners.length === 1);
      const a = security[i].advertised;
      if (entry !== undefined) {
        a.host = entry.host;
        a.port = entry.port === 0 ? boundPort : entry.port;
      } else {
        a.host = addresses[i].host === '0.0.0.0' || addresses[i].host === '::' ? hostname() : addresses[i].host;
        a.port = boundPort;
      }
      log.info(`listener ${l.name} (${l.protocol}) on ${addresses[i].host}:${boundPort}, advertised as ${a.host}:${a.port}`);
    });
    core.startupValues.set('listeners', listeners.map((l, i) => `${l.name}://${addresses[i].host}:${bound.all[i].port}`).join(','));
    core.startupValues.set('advertised.listeners', listeners.map((l, i) => `${l.name}://${security[i].advertised.host}:${security[i].advertised.port}`).join(','));
    log.info(`listening, ${logs.topics().length} topics, started in ${Date.now() - started} ms`);

    let closing: Promise<void> | null = null;
    const openedLogs = logs;
    return {
      host: advertised.host,
      port: bound.port,
      bootstrap: `${advertised.host}:${bound.port === advertised.port ? bound.port : advertised.port}`,
      listeners: Object.fromEntries(security.map((l, i) => [l.name, { protocol: l.protocol, host: l.advertised.host, port: bound.all[i].port, bootstrap: `${l.advertised.host}:${l.advertised.port}` }])),
      dataDir,
      clusterId,
      nodeId,
      network: server.stats,
      close() {
        closing ??= (async () => {
          groups.stop();
          await server.stop(config.int('controlled.shutdown.timeout.ms'));
          // Markers being written finish; the ones still to write are written at the next start.
          await transactions.stop();
          delayed.expireAll();
          // Every partition is closed even on a full disk; one that cannot be closed cleanly is
          // named in the log and in the error close() rejects with, after the rest is done.
          const logsFailure = await openedLogs.close().then(() => undefined, (e: unknown) => e);
          await lock?.release();
          if (temporary) await fs.removeDir(dataDir);
          if (logsFailure !== undefined) {
            log.error(`stopped, but not cleanly: ${(logsFailure as Error)?.message ?? logsFailure}`);
            throw logsFailure;
          }
          log.info('stopped');
        })();
        return closing;
      },
    };
  } catch (e) {
    for (const l of security) l.tls?.close();
    await logs?.close().catch(() => {});
    await lock?.release();
    if (temporary) await fs.removeDir(dataDir).catch(() => {});
    throw e;
  }
}
