/**
 * KafkaStreams: runs a topology as one instance of an application. Instances of the same
 * application (same application.id) form a consumer group and share the input partitions;
 * starting more spreads the tasks, stopping one hands its tasks to the rest.
 *
 * States (Kafka's): CREATED → REBALANCING ⇄ RUNNING → PENDING_SHUTDOWN → NOT_RUNNING, and on a
 * fatal error PENDING_ERROR → ERROR.
 */
import { Admin } from '@sluice/client';
import { randomUUID } from 'node:crypto';
import { StreamsError, StreamsErrorCode, messageOf } from '../errors.ts';
import type { Serde } from '../serdes.ts';
import type { Topology } from '../topology/topology.ts';
import { type StreamsConfig, resolveStreamsConfig } from './config.ts';
import { type StreamsLogger, type StreamsUncaughtExceptionHandler, defaultLogger } from './handlers.ts';
import type { Serializer } from '../serdes.ts';
import type { StreamPartitioner } from '../topology/nodes.ts';
import type { ReadOnlyKeyValueStore, StateStore } from '../state/api.ts';
import { type KeyQueryMetadata, QueryableStoreTypes, StoreQueryParameters, type StreamsMetadata, StreamsMetadataState, unknownStore } from './interactive-queries.ts';
import { prepareTopics } from './internal-topics.ts';
import type { StateRestoreListener } from '../state/api.ts';
import { StateDirectory } from './state-directory.ts';
import { initializeProcessId } from './process-id.ts';
import { GlobalStreamThread } from './global-thread.ts';
import type { StandbyUpdateListener } from './standby.ts';
import { StreamThread, type ThreadConfig } from './stream-thread.ts';

/** A task in metadataForLocalThreads: its id and its partitions. */
export interface TaskMetadata {
  taskId: string;
  topicPartitions: { topic: string; partition: number }[];
}

export type KafkaStreamsState = 'CREATED' | 'REBALANCING' | 'RUNNING' | 'PENDING_SHUTDOWN' | 'NOT_RUNNING' | 'PENDING_ERROR' | 'ERROR';
export type StateListener = (newState: KafkaStreamsState, oldState: KafkaStreamsState) => void;

const TRANSITIONS: Record<KafkaStreamsState, readonly KafkaStreamsState[]> = {
  CREATED: ['REBALANCING', 'PENDING_SHUTDOWN', 'PENDING_ERROR'],
  REBALANCING: ['RUNNING', 'REBALANCING', 'PENDING_SHUTDOWN', 'PENDING_ERROR'],
  RUNNING: ['REBALANCING', 'PENDING_SHUTDOWN', 'PENDING_ERROR'],
  PENDING_SHUTDOWN: ['NOT_RUNNING'],
  NOT_RUNNING: [],
  PENDING_ERROR: ['ERROR'],
  ERROR: [],
};

/** How long SHUTDOWN_APPLICATION waits for the group to pass the request round before stopping alone. */
const SHUTDOWN_APPLICATION_WAIT_MS = 10_000;

export class KafkaStreams {
  readonly applicationId: string;
  private readonly log: StreamsLogger;
  private readonly threadConfig: ThreadConfig;
  private readonly replicationFactor: number;
  private readonly adminOptions: object;
  private current: KafkaStreamsState = 'CREATED';
  private stateListener: StateListener | null = null;
  private readonly waiters = new Set<() => void>();
  private uncaughtHandler: StreamsUncaughtExceptionHandler | null = null;
  private restoreListener: StateRestoreListener | null = null;
  private standbyListener: StandbyUpdateListener | null = null;
  /** Reads the global stores' topics; null when the topology has no global store. */
  private globalThread: GlobalStreamThread | null = null;
  private thread: StreamThread | null = null;
  private admin: Admin | null = null;
  private threadCount = 0;
  private stopping: Promise<void> | null = null;
  private readonly queryMetadata: StreamsMetadataState;
  /** The error that put the instance in ERROR. */
  error: Error | null = null;
  /**
   * This instance's id (Java's process id): part of the transactional id under exactly_once_v2,
   * kept in the state directory so a restart on it keeps the id (process-id.ts).
   */
  readonly processId: string;
  /** Holds the application folder's lock, which goes with the process id file, until close. */
  private readonly stateDirectory: StateDirectory;

  private readonly topology: Topology;

  constructor(topology: Topology, config: StreamsConfig) {
    this.topology = topology;
    const o = resolveStreamsConfig(config);
    topology.validate();
    if (o.statestoreCacheMaxBytes === 0) topology.disableCaching();
    this.applicationId = o.applicationId;
    this.queryMetadata = new StreamsMetadataState(topology, o.applicationId);
    // The two defaults made per instance; every other default is in the definitions (config.ts).
    const clientId = o.clientId ?? `${o.applicationId}-${randomUUID().slice(0, 8)}`;
    this.log = o.logger ?? defaultLogger(`sluice-streams ${clientId}`);
    this.replicationFactor = o.replicationFactor;
    this.stateDirectory = new StateDirectory(o.stateDir, o.applicationId, this.log);
    this.processId = initializeProcessId(this.stateDirectory, topology.hasPersistentStores(), this.log);
    this.adminOptions = { ...o.admin, bootstrapServers: o.bootstrapServers, clientId: `${clientId}-admin` };
    this.threadConfig = {
      applicationId: o.applicationId,
      clientId,
      bootstrapServers: o.bootstrapServers,
      commitIntervalMs: o.commitIntervalMs,
      pollMs: o.pollMs,
      repartitionPurgeIntervalMs: o.repartitionPurgeIntervalMs,
      defaultKeySerde: o.defaultKeySerde as Serde<unknown>,
      defaultValueSerde: o.defaultValueSerde as Serde<unknown>,
      deserializationExceptionHandler: o.deserializationExceptionHandler,
      productionExceptionHandler: o.productionExceptionHandler,
      processingExceptionHandler: o.processingExceptionHandler,
      defaultTimestampExtractor: o.defaultTimestampExtractor,
      processingGuarantee: o.processingGuarantee,
      applicationServer: o.applicationServer,
      maxTaskIdleMs: o.maxTaskIdleMs,
      taskTimeoutMs: o.taskTimeoutMs,
      processId: this.processId,
      state: { stateDir: o.stateDir, cleanupDelayMs: o.stateCleanupDelayMs, appConfigs: { ...config }, restoreListener: () => this.restoreListener, globalStore: (name) => this.globalThread?.store(name), numStandbyReplicas: o.numStandbyReplicas, standbyListener: () => this.standbyListener },
      consumer: o.consumer,
      producer: o.producer,
      log: this.log,
    };
  }

  // ---------------------------------------------------------------- state

  state(): KafkaStreamsState {
    return this.current;
  }

  /** Called on every state change (Kafka's setStateListener; one listener, set before start). */
  setStateListener(listener: StateListener): void {
    if (this.current !== 'CREATED') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'set the state listener before start()');
    this.stateListener = listener;
  }

  /** Decides what happens when processing throws; default SHUTDOWN_CLIENT (as in Kafka). */
  setUncaughtExceptionHandler(handler: StreamsUncaughtExceptionHandler): void {
    if (this.current !== 'CREATED') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'set the uncaught exception handler before start()');
    this.uncaughtHandler = handler;
  }

  private transition(to: KafkaStreamsState): boolean {
    const from = this.current;
    if (from === to && to !== 'REBALANCING') return false;
    if (!TRANSITIONS[from].includes(to)) return false;
    this.current = to;
    if (from !== to) {
      this.log.info(`state ${from} → ${to}`);
      try {
        this.stateListener?.(to, from);
      } catch (e) {
        this.log.warn(`the state listener threw: ${messageOf(e)}`);
      }
      for (const w of [...this.waiters]) w();
    }
    return true;
  }

  /** Resolves once the instance is in `state`; rejects on timeout or if it reaches a terminal state instead. */
  waitForState(state: KafkaStreamsState, timeoutMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.current === state) done(null);
        else if (this.current === 'ERROR' || this.current === 'NOT_RUNNING') done(new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `waiting for ${state}, the instance reached ${this.current}${this.error ? `: ${this.error.message}` : ''}`));
      };
      const timer = setTimeout(() => done(new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `still ${this.current} after ${timeoutMs} ms, waiting for ${state}`)), timeoutMs);
      const done = (e: Error | null) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        if (e) reject(e);
        else resolve();
      };
      this.waiters.add(check);
      check();
    });
  }

  /** The tasks this instance runs now (`<subtopology>_<partition>`). */
  localTasks(): string[] {
    return this.thread?.assignedTaskIds() ?? [];
  }

  /**
   * Where this instance holds `storeName`: a global store is whole on every instance; otherwise
   * the partitions of its active tasks that have the store, ascending (what the query server
   * pages through, one partition's store at a time).
   */
  localStorePartitions(storeName: string): { global: boolean; partitions: number[] } {
    if (this.topology.globalStores().some((g) => g.storeName === storeName)) return { global: true, partitions: [] };
    const found = this.thread?.localStores(storeName, false, null) ?? [];
    return { global: false, partitions: [...new Set(found.map((s) => Number(s.taskId.slice(s.taskId.indexOf('_') + 1))))].sort((a, b) => a - b) };
  }

  /**
   * What this instance runs (Kafka's metadataForLocalThreads): one entry, as an instance has one
   * processing loop, with its tasks and the partitions each reads, and its standby tasks with the
   * changelog partitions each follows.
   */
  metadataForLocalThreads(): { threadName: string; activeTasks: TaskMetadata[]; standbyTasks: TaskMetadata[] }[] {
    if (!this.thread) return [];
    return [{ threadName: `${this.threadConfig.clientId}-StreamThread-${this.threadCount}`, activeTasks: this.thread.taskPartitions(), standbyTasks: this.thread.standbyTaskPartitions() }];
  }

  /**
   * Kafka's cleanUp(): deletes this application's local state (`<state.dir>/<application.id>`),
   * so the stores are rebuilt from their changelogs at the next start. Only before start() or
   * after close(); refused while another instance on this machine holds one of its task folders.
   */
  cleanUp(): void {
    if (this.current !== 'CREATED' && this.current !== 'NOT_RUNNING' && this.current !== 'ERROR') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'cleanUp() needs a stopped instance: call it before start() or after close()');
    new StateDirectory(this.threadConfig.state.stateDir, this.applicationId, this.log).clean();
  }

  /** Told how standby stores follow their changelogs (Kafka's setStandbyUpdateListener, KIP-988); set before start(). */
  setStandbyUpdateListener(listener: StandbyUpdateListener): void {
    if (this.current !== 'CREATED') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'set the standby update listener before start()');
    this.standbyListener = listener;
  }

  /** Told of every store's restoration from its changelog (Kafka's setGlobalStateRestoreListener); set before start(). */
  setGlobalStateRestoreListener(listener: StateRestoreListener): void {
    if (this.current !== 'CREATED') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, 'set the global state restore listener before start()');
    this.restoreListener = listener;
  }

  // ---------------------------------------------------------------- interactive queries

  /**
   * A read-only view of a state store across every task this instance runs (Java's store()):
   * `store(name)` for a key-value store, or `store(StoreQueryParameters.fromNameAndType(name,
   * QueryableStoreTypes.keyValueStore()))` with `.withPartition(p)` or `.enableStaleStores()`.
   * The view looks the stores up on every call, so it follows rebalances; calls fail with
   * INVALID_STATE_STORE while the instance is rebalancing (retry) or once the store moved.
   */
  store<K = unknown, V = unknown>(storeName: string): ReadOnlyKeyValueStore<K, V>;
  store<T>(parameters: StoreQueryParameters<T>): T;
  store(what: string | StoreQueryParameters<unknown>): unknown {
    const params = typeof what === 'string' ? StoreQueryParameters.fromNameAndType(what, QueryableStoreTypes.keyValueStore()) : what;
    this.validateIsRunningOrRebalancing();
    // A global store is complete on every instance (Java's GlobalStateStoreProvider).
    if (this.topology.globalStores().some((g) => g.storeName === params.storeName)) {
      return params.queryableStoreType.create(() => {
        const store = this.globalThread?.store(params.storeName);
        if (!store || !store.isOpen()) throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `The state store, ${params.storeName}, is not open.`);
        if (!params.queryableStoreType.accepts(store)) throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `Cannot get state store ${params.storeName} because the queryable store type does not accept the actual store type`);
        return [store];
      }, params.storeName);
    }
    if (this.queryMetadata.subtopologyOfStore(params.storeName) === undefined) throw unknownStore(params.storeName);
    return params.queryableStoreType.create(() => this.queryableStores(params), params.storeName);
  }

  /** The local stores a query reads now, or Java's InvalidStateStoreException messages. */
  private queryableStores(params: StoreQueryParameters<unknown>): StateStore[] {
    const name = params.storeName;
    const thread = this.thread;
    const alive = thread !== null && (this.current === 'RUNNING' || this.current === 'REBALANCING');
    if (!alive) throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `The state store, ${name}, may have migrated to another instance.`);
    if (!params.staleStoresEnabled && this.current !== 'RUNNING') {
      throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `Cannot get state store ${name} because the stream thread is ${thread.layout ? 'PARTITIONS_ASSIGNED' : 'STARTING'}, not RUNNING`);
    }
    const found = thread.localStores(name, params.staleStoresEnabled, params.partition);
    const stores: StateStore[] = [];
    for (const { taskId, store } of found) {
      if (!params.queryableStoreType.accepts(store)) {
        throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `Cannot get state store ${name} because the queryable store type does not accept the actual store type (use QueryableStoreTypes.keyValueStore() for key-value stores)`);
      }
      if (!store.isOpen()) throw new StreamsError(StreamsErrorCode.INVALID_STATE_STORE, `Cannot get state store ${name} for task ${taskId} because the store is not open. The state store may have migrated to another instance.`);
      stores.push(store);
    }
    if (stores.length === 0) {
      throw new StreamsError(
        StreamsErrorCode.INVALID_STATE_STORE,
        params.partition !== null ? `The specified partition ${params.partition} for store ${name} does not exist.` : `The state store, ${name}, may have migrated to another instance.`,
      );
    }
    return stores;
  }

  /**
   * Which instance holds `key` of `storeName` (Java's queryMetadataForKey): its
   * application.server, the standbys' and the partition; KeyQueryMetadata.NOT_AVAILABLE until
   * an assignment is known or when no instance has an application.server.
   */
  queryMetadataForKey<K>(storeName: string, key: K, keySerializer: Serializer<K>): KeyQueryMetadata;
  /** The same, for keys the application placed with its own StreamPartitioner. */
  queryMetadataForKey<K>(storeName: string, key: K, partitioner: StreamPartitioner<K, unknown>): KeyQueryMetadata;
  queryMetadataForKey<K>(storeName: string, key: K, placement: Serializer<K> | StreamPartitioner<K, unknown>): KeyQueryMetadata {
    this.validateIsRunningOrRebalancing();
    return this.queryMetadata.keyQueryMetadata(this.thread?.layout ?? null, storeName, key, placement, this.threadConfig.applicationServer);
  }

  /** Every instance of the application that has an application.server (Java's metadataForAllStreamsClients). */
  metadataForAllStreamsClients(): StreamsMetadata[] {
    this.validateIsRunningOrRebalancing();
    const layout = this.thread?.layout;
    return layout ? this.queryMetadata.allMetadata(layout) : [];
  }

  /** The instances that hold a task of the store (Java's streamsMetadataForStore). */
  streamsMetadataForStore(storeName: string): StreamsMetadata[] {
    this.validateIsRunningOrRebalancing();
    if (this.queryMetadata.subtopologyOfStore(storeName) === undefined && !this.topology.globalStores().some((g) => g.storeName === storeName)) throw unknownStore(storeName);
    const layout = this.thread?.layout;
    return layout ? this.queryMetadata.allMetadataForStore(layout, storeName) : [];
  }

  /** This instance's application.server, '' when none is set. */
  get applicationServer(): string {
    return this.threadConfig.applicationServer;
  }

  private validateIsRunningOrRebalancing(): void {
    if (this.current === 'CREATED') throw new StreamsError(StreamsErrorCode.STREAMS_NOT_STARTED, 'KafkaStreams has not been started, you can retry after calling start()');
    if (this.current !== 'RUNNING' && this.current !== 'REBALANCING') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `KafkaStreams is not running. State is ${this.current}.`);
  }

  // ---------------------------------------------------------------- start

  /**
   * Starts processing: checks the source topics, creates internal topics, joins the group.
   * Resolves once the loop runs (state REBALANCING until tasks are assigned); rejects (state
   * ERROR) if the application cannot start, e.g. a source topic is missing; resolves too when
   * close() is called meanwhile (the instance ends NOT_RUNNING).
   */
  async start(): Promise<void> {
    if (this.current !== 'CREATED') throw new StreamsError(StreamsErrorCode.ILLEGAL_STATE, `start() can only be called once, in CREATED (the instance is ${this.current})`);
    this.transition('REBALANCING');
    this.admin = new Admin(this.adminOptions as never);
    try {
      await prepareTopics(this.admin, this.topology, this.applicationId, this.replicationFactor);
      // Global stores are complete before any task runs (Java starts its global thread first).
      if (this.topology.globalStores().length > 0) {
        this.globalThread = this.makeGlobalThread();
        await this.globalThread.start(this.admin);
      }
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      // Closed while preparing: the close aborted what start() waited for, which is no failure.
      if (this.state() !== 'REBALANCING') return;
      this.error = error;
      this.transition('PENDING_ERROR');
      await this.globalThread?.close(false).catch(() => {});
      await this.admin.close().catch(() => {});
      this.stateDirectory.close();
      this.transition('ERROR');
      this.log.error(`could not start: ${error.message}`);
      throw error;
    }
    if (this.state() !== 'REBALANCING') return; // closed while preparing
    this.startThread();
  }

  private makeGlobalThread(): GlobalStreamThread {
    const c = this.threadConfig;
    return new GlobalStreamThread(
      this.topology,
      {
        applicationId: this.applicationId,
        stateDirectory: new StateDirectory(c.state.stateDir, this.applicationId, this.log),
        appConfigs: c.state.appConfigs,
        defaultKeySerde: c.defaultKeySerde,
        defaultValueSerde: c.defaultValueSerde,
        defaultTimestampExtractor: c.defaultTimestampExtractor,
        deserializationExceptionHandler: c.deserializationExceptionHandler,
        log: this.log,
        now: () => Date.now(),
      },
      {
        bootstrapServers: c.bootstrapServers,
        clientId: c.clientId,
        consumer: c.consumer,
        isolationLevel: c.processingGuarantee === 'exactly_once_v2' ? 'read_committed' : 'read_uncommitted',
        commitIntervalMs: c.commitIntervalMs,
        pollMs: c.pollMs,
        taskTimeoutMs: c.taskTimeoutMs,
        log: this.log,
        restoreListener: () => this.restoreListener,
        onError: (e) => void this.shutdownInError(e),
      },
    );
  }

  private startThread(): void {
    const thread = new StreamThread(this.topology, this.threadConfig, this.admin!, {
      onRebalanceStarted: () => {
        if (this.current === 'RUNNING') this.transition('REBALANCING');
      },
      onTasksAssigned: () => {
        if (this.current === 'REBALANCING') this.transition('RUNNING');
      },
      onShutdownApplication: () => {
        setImmediate(() => void this.shutdownInError(new StreamsError(StreamsErrorCode.SHUTDOWN_REQUESTED, 'an instance of the application asked every instance to shut down (SHUTDOWN_APPLICATION)')));
      },
    });
    this.thread = thread;
    this.threadCount++;
    thread.run().then(
      () => {},
      (e) => void this.threadFailed(thread, e instanceof Error ? e : new Error(String(e))),
    );
  }

  private async threadFailed(thread: StreamThread, error: Error): Promise<void> {
    if (thread !== this.thread || this.stopping || this.current === 'PENDING_ERROR' || this.current === 'ERROR') {
      await thread.close(false).catch(() => {});
      return;
    }
    let response: ReturnType<StreamsUncaughtExceptionHandler> = 'SHUTDOWN_CLIENT';
    if (this.uncaughtHandler) {
      try {
        response = this.uncaughtHandler(error);
      } catch (e) {
        this.log.error(`the uncaught exception handler threw: ${messageOf(e)}; shutting down this instance`);
      }
    }
    this.log.error(`processing failed (${response}): ${error.message}`);
    if (response === 'REPLACE_THREAD') {
      if (this.current === 'RUNNING') this.transition('REBALANCING');
      await thread.close(false).catch((e) => this.log.warn(`closing the failed loop: ${messageOf(e)}`));
      if (!this.stopping && this.current === 'REBALANCING') this.startThread();
      return;
    }
    if (response === 'SHUTDOWN_APPLICATION') {
      thread.requestApplicationShutdown();
      setTimeout(() => void this.shutdownInError(error), SHUTDOWN_APPLICATION_WAIT_MS).unref();
      return;
    }
    await this.shutdownInError(error);
  }

  /** PENDING_ERROR → ERROR: stops the loop and closes the clients. */
  private async shutdownInError(error: Error): Promise<void> {
    if (this.stopping || !this.transition('PENDING_ERROR')) return;
    this.error = error;
    this.stopping = (async () => {
      await this.thread?.close(false).catch((e) => this.log.warn(`closing: ${messageOf(e)}`));
      await this.globalThread?.close(false).catch((e) => this.log.warn(`closing the global thread: ${messageOf(e)}`));
      await this.admin?.close().catch(() => {});
      this.stateDirectory.close();
      this.transition('ERROR');
    })();
    await this.stopping;
  }

  // ---------------------------------------------------------------- close

  /**
   * Stops gracefully: finishes the current records, flushes the outputs, commits, leaves the
   * group (the other instances take over the tasks at once) and closes the clients. Resolves
   * true once done, or false if `timeoutMs` passed first (closing carries on in the background).
   */
  async close(options: { timeoutMs?: number } = {}): Promise<boolean> {
    if (!this.stopping) {
      if (this.current === 'NOT_RUNNING' || this.current === 'ERROR') return true;
      this.transition('PENDING_SHUTDOWN');
      this.stopping = (async () => {
        await this.thread?.close(true).catch((e) => this.log.warn(`closing: ${messageOf(e)}`));
        await this.globalThread?.close(true).catch((e) => this.log.warn(`closing the global thread: ${messageOf(e)}`));
        await this.admin?.close().catch(() => {});
        this.stateDirectory.close();
        this.transition('NOT_RUNNING');
      })();
    }
    const timeoutMs = options.timeoutMs;
    if (timeoutMs === undefined) {
      await this.stopping;
      return true;
    }
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([this.stopping.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), timeoutMs)))]);
    clearTimeout(timer);
    return finished;
  }

  /** How many processing loops were started (more than 1 after REPLACE_THREAD). */
  get threadsStarted(): number {
    return this.threadCount;
  }

  /** Records processed by the current loop. */
  get processedRecords(): number {
    return this.thread?.processed ?? 0;
  }
}
