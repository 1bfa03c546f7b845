/**
 * The config topic (Kafka's KafkaConfigBackingStore): connector configs, task configs, the commit
 * records that make a connector's task configs take effect, target states and restart requests,
 * as one compacted partition every worker reads to its end. Task configs wait for their commit
 * record, as in Kafka, so a worker never runs half of a connector's new task set; a commit that
 * does not match the task configs before it leaves the connector inconsistent (its old tasks stay)
 * until the next one.
 *
 * With `exactly.once.source.support` preparing or enabled, the leader's writes (everything but
 * target states, which any worker writes) go through a transactional producer of the leader's
 * (Kafka's fencable writer, `transactional.id` `connect-cluster-<group.id>`), claimed when a
 * worker becomes leader: a new leader's claim fences the old one, so a zombie leader can write
 * nothing more. A write that fails (fenced, or any other error) drops the producer; the herder
 * then rejoins the group and claims again if it is still the leader.
 */
import type { Producer } from '@sluice/client';
import { ConnectException, type ConnectorConfig } from '@sluice/connect-api';
import type { ConnectorTaskId } from '../runtime/herder.ts';
import type { TargetState } from '../runtime/status.ts';
import type { ClusterConfigSnapshot } from './contract.ts';
import type { KafkaBasedLog } from './kafka-based-log.ts';
import { TASK_COUNT_KEY_PREFIX, parseTaskCount, taskCountKey, taskCountValue } from './zombie-fencing.ts';
import { SESSION_KEY, type StoredSessionKey, commitKey, commitValue, configValue, connectorKey, parseConfigRecord, restartKey, restartValue, sessionKeyValue, targetStateKey, targetStateValue, taskKey } from './storage-records.ts';

/** The leader's transactional writer of the config topic (Kafka's fencable producer). */
export interface FencableWriter {
  /** A producer with `transactional.id` `connect-cluster-<group.id>`. */
  producer(): Producer;
  /** A privileged write failed (the producer is dropped): the herder rejoins and, if still the leader, claims again. */
  onFailed(error: unknown): void;
}

/** Kafka's transactional id of the Connect leader's config topic producer (DistributedConfig.transactionalProducerId). */
export function leaderTransactionalId(groupId: string): string {
  return `connect-cluster-${groupId}`;
}

/** What changed when a record was read, so the herder can act on it. */
export type ConfigChange =
  | { kind: 'connector'; connector: string; removed: boolean }
  | { kind: 'tasks'; connector: string }
  | { kind: 'target-state'; connector: string }
  | { kind: 'restart'; connector: string; includeTasks: boolean; onlyFailed: boolean }
  | { kind: 'session-key'; connector?: undefined; sessionKey: StoredSessionKey };

/** An immutable view of the config topic up to an offset (Kafka's ClusterConfigState). */
export class ClusterConfigState implements ClusterConfigSnapshot {
  readonly offset: bigint;
  private readonly connectorConfigs: ReadonlyMap<string, ConnectorConfig>;
  private readonly taskConfigsByConnector: ReadonlyMap<string, readonly ConnectorConfig[]>;
  private readonly targetStates: ReadonlyMap<string, TargetState>;
  readonly inconsistent: ReadonlySet<string>;
  private readonly taskCountRecords: ReadonlyMap<string, number>;
  private readonly connectorsPendingFencing: ReadonlySet<string>;

  constructor(
    offset: bigint,
    connectorConfigs: ReadonlyMap<string, ConnectorConfig>,
    taskConfigsByConnector: ReadonlyMap<string, readonly ConnectorConfig[]>,
    targetStates: ReadonlyMap<string, TargetState>,
    inconsistent: ReadonlySet<string>,
    taskCountRecords: ReadonlyMap<string, number> = new Map(),
    connectorsPendingFencing: ReadonlySet<string> = new Set(),
  ) {
    this.offset = offset;
    this.connectorConfigs = connectorConfigs;
    this.taskConfigsByConnector = taskConfigsByConnector;
    this.targetStates = targetStates;
    this.inconsistent = inconsistent;
    this.taskCountRecords = taskCountRecords;
    this.connectorsPendingFencing = connectorsPendingFencing;
  }

  /** The last task-count record of a connector (exactly-once source support), or null when none was written. */
  taskCountRecord(connector: string): number | null {
    return this.taskCountRecords.get(connector) ?? null;
  }

  /** Task configs were committed after the connector's last task-count record: a round of zombie fencing is due. */
  pendingFencing(connector: string): boolean {
    return this.connectorsPendingFencing.has(connector);
  }

  connectors(): string[] {
    return [...this.connectorConfigs.keys()].sort();
  }

  contains(connector: string): boolean {
    return this.connectorConfigs.has(connector);
  }

  connectorConfig(connector: string): ConnectorConfig | undefined {
    return this.connectorConfigs.get(connector);
  }

  /** STARTED when a connector has no target state record (Kafka's default). */
  targetState(connector: string): TargetState {
    return this.targetStates.get(connector) ?? 'STARTED';
  }

  taskCount(connector: string): number {
    return this.taskConfigsByConnector.get(connector)?.length ?? 0;
  }

  taskConfigs(connector: string): readonly ConnectorConfig[] {
    return this.taskConfigsByConnector.get(connector) ?? [];
  }

  taskConfig(id: ConnectorTaskId): ConnectorConfig | undefined {
    return this.taskConfigsByConnector.get(id.connector)?.[id.task];
  }
}

export class KafkaConfigBackingStore {
  readonly #connectors = new Map<string, ConnectorConfig>();
  readonly #tasks = new Map<string, ConnectorConfig[]>();
  /** Task configs read but not yet committed, by connector and task number. */
  readonly #deferred = new Map<string, Map<number, ConnectorConfig>>();
  readonly #targets = new Map<string, TargetState>();
  readonly #inconsistent = new Set<string>();
  readonly #taskCountRecords = new Map<string, number>();
  readonly #pendingFencing = new Set<string>();
  #offset = -1n;
  #sessionKey: StoredSessionKey | null = null;
  #snapshot: ClusterConfigState | null = null;
  #log: KafkaBasedLog | null = null;
  #fencable: FencableWriter | null = null;
  #leaderProducer: Producer | null = null;
  /** The leader's transactions on the config topic, in turn (see #sendPrivileged). */
  #transactions: Promise<unknown> = Promise.resolve();

  private readonly onChange: (change: ConfigChange) => void;

  constructor(onChange: (change: ConfigChange) => void) {
    this.onChange = onChange;
  }

  /** Makes the leader's writes transactional (exactly.once.source.support preparing or enabled). */
  useFencableWriter(writer: FencableWriter): void {
    this.#fencable = writer;
  }

  get usesFencableWriter(): boolean {
    return this.#fencable !== null;
  }

  /** Kafka's claimWritePrivileges: the leader's transactional producer, whose initTransactions fences any earlier leader's. */
  async claimWritePrivileges(): Promise<void> {
    if (this.#fencable === null || this.#leaderProducer !== null) return;
    const producer = this.#fencable.producer();
    try {
      await producer.initTransactions();
    } catch (e) {
      await producer.close({ timeoutMs: 0 }).catch(() => undefined);
      throw new ConnectException(`Failed to create and initialize fencable producer for config topic: ${(e as Error).message}`, { cause: e });
    }
    this.#leaderProducer = producer;
  }

  /** Drops the leader's producer (no longer the leader, fenced, or stopping). */
  async relinquishWritePrivileges(): Promise<void> {
    const producer = this.#leaderProducer;
    this.#leaderProducer = null;
    await producer?.close({ timeoutMs: 0 }).catch(() => undefined);
  }

  /** Kafka's sendPrivileged: a leader's records, in one transaction when the writer is fencable; resolves once they are read back. */
  async #sendPrivileged(records: readonly (readonly [key: string, value: Buffer | null])[]): Promise<void> {
    if (records.length === 0) return;
    if (this.#fencable === null) {
      for (const [key, value] of records) await this.log.send(key, value);
    } else {
      // One transaction at a time, as Kafka's herder thread writes them: the leader's one producer
      // cannot hold two, and a REST write, a task-count record and task configs can come at once.
      const turn = this.#transactions.then(() => this.#sendInTransaction(records));
      this.#transactions = turn.catch(() => undefined);
      await turn;
    }
    await this.log.readToEnd();
  }

  async #sendInTransaction(records: readonly (readonly [key: string, value: Buffer | null])[]): Promise<void> {
    const producer = this.#leaderProducer;
    if (producer === null) throw new ConnectException('Cannot write to the config topic without claiming write privileges first (this worker is not, or no longer, the leader, or its claim failed); the request can be retried');
    try {
      producer.beginTransaction();
      const sends = records.map(([key, value]) => producer.send({ topic: this.log.topic, key, value }));
      await Promise.all(sends);
      await producer.commitTransaction();
    } catch (e) {
      await this.relinquishWritePrivileges();
      this.#fencable!.onFailed(e);
      throw new ConnectException(`Failed to write to config topic; this may be due to a transient error and the request can be safely retried (${(e as Error).message})`, { cause: e });
    }
  }

  /** Attaches the log whose records `apply` receives (the log is made with this store's `apply` as its callback). */
  attach(log: KafkaBasedLog): void {
    this.#log = log;
  }

  get log(): KafkaBasedLog {
    if (this.#log === null) throw new Error('bug: the config store has no log');
    return this.#log;
  }

  snapshot(): ClusterConfigState {
    this.#snapshot ??= new ClusterConfigState(this.#offset, new Map(this.#connectors), new Map([...this.#tasks].map(([k, v]) => [k, [...v]])), new Map(this.#targets), new Set(this.#inconsistent), new Map(this.#taskCountRecords), new Set(this.#pendingFencing));
    return this.#snapshot;
  }

  /** One record of the config topic, in order. */
  apply(key: string | null, value: Buffer | null, offset: bigint, log: (line: string) => void): void {
    // Kafka's config offset is the position after the last record read: what workers compare when they join.
    this.#offset = offset + 1n;
    this.#snapshot = null;
    if (key === null) return;
    if (key.startsWith(TASK_COUNT_KEY_PREFIX)) {
      // A task-count record after the latest task configs: their generation needs no more fencing (Kafka's processTaskCountRecord).
      const connector = key.slice(TASK_COUNT_KEY_PREFIX.length);
      const taskCount = parseTaskCount(value);
      if (taskCount === null) {
        log(`Ignoring the task count record of connector ${connector}: it is not the JSON Kafka writes`);
        return;
      }
      this.#taskCountRecords.set(connector, taskCount);
      this.#pendingFencing.delete(connector);
      return;
    }
    const record = parseConfigRecord(key, value);
    switch (record.kind) {
      case 'connector':
        if (record.properties === null) {
          this.#connectors.delete(record.connector);
          this.#tasks.delete(record.connector);
          this.#deferred.delete(record.connector);
          this.#inconsistent.delete(record.connector);
          this.#taskCountRecords.delete(record.connector);
          this.#pendingFencing.delete(record.connector);
        } else this.#connectors.set(record.connector, record.properties);
        this.onChange({ kind: 'connector', connector: record.connector, removed: record.properties === null });
        return;
      case 'task': {
        if (record.properties === null) return; // Kafka ignores a task tombstone too.
        let deferred = this.#deferred.get(record.id.connector);
        if (deferred === undefined) this.#deferred.set(record.id.connector, (deferred = new Map()));
        deferred.set(record.id.task, record.properties);
        return;
      }
      case 'commit': {
        const deferred = this.#deferred.get(record.connector) ?? new Map<number, ConnectorConfig>();
        this.#deferred.delete(record.connector);
        if (!this.#connectors.has(record.connector)) return; // deleted meanwhile
        // As in Kafka, a task whose config did not change since the last commit may be left out.
        const previous = this.#tasks.get(record.connector) ?? [];
        const configs: ConnectorConfig[] = [];
        for (let i = 0; i < record.tasks; i++) {
          const c = deferred.get(i) ?? previous[i];
          if (c === undefined) break;
          configs.push(c);
        }
        if (configs.length !== record.tasks) {
          this.#inconsistent.add(record.connector);
          log(`The commit of ${record.tasks} task(s) of connector ${record.connector} does not match the task configs before it; its tasks stay as they were until the next commit`);
          return;
        }
        this.#inconsistent.delete(record.connector);
        this.#tasks.set(record.connector, configs);
        // Task configs after the latest task-count record: the connector needs a round of zombie fencing before they run.
        this.#pendingFencing.add(record.connector);
        this.onChange({ kind: 'tasks', connector: record.connector });
        return;
      }
      case 'target-state':
        if (record.state === null) this.#targets.delete(record.connector);
        else this.#targets.set(record.connector, record.state);
        this.onChange({ kind: 'target-state', connector: record.connector });
        return;
      case 'restart':
        this.onChange({ kind: 'restart', connector: record.connector, includeTasks: record.includeTasks, onlyFailed: record.onlyFailed });
        return;
      case 'session-key':
        this.#sessionKey = record.sessionKey;
        this.onChange({ kind: 'session-key', sessionKey: record.sessionKey });
        return;
      case 'ignored':
        if (key === SESSION_KEY) log(`Ignoring the session key record of the config topic: ${record.reason}`);
        return;
    }
  }

  // The writes, which only the leader makes (but target states); each resolves once the record has been read back.

  async putConnectorConfig(connector: string, config: ConnectorConfig, targetState: TargetState | null): Promise<void> {
    const records: [string, Buffer | null][] = targetState === null ? [] : [[targetStateKey(connector), targetStateValue(targetState)]];
    records.push([connectorKey(connector), configValue(config)]);
    await this.#sendPrivileged(records);
  }

  async removeConnectorConfig(connector: string): Promise<void> {
    await this.#sendPrivileged([[connectorKey(connector), null], [targetStateKey(connector), null]]);
  }

  /** The task configs, then the commit record that makes them take effect. */
  async putTaskConfigs(connector: string, configs: readonly ConnectorConfig[]): Promise<void> {
    await this.log.readToEnd();
    await this.#sendPrivileged(configs.map((c, task) => [taskKey({ connector, task }), configValue(c)] as const));
    await this.#sendPrivileged([[commitKey(connector), commitValue(configs.length)]]);
  }

  /** The leader's task-count record, written after a round of zombie fencing. */
  async putTaskCountRecord(connector: string, taskCount: number): Promise<void> {
    await this.#sendPrivileged([[taskCountKey(connector), taskCountValue(taskCount)]]);
  }

  /** The last session key read from the topic (Kafka's ClusterConfigState.sessionKey), or null. */
  get sessionKey(): StoredSessionKey | null {
    return this.#sessionKey;
  }

  /** The leader's new session key (Kafka's putSessionKey), which every worker then reads. */
  async putSessionKey(sessionKey: StoredSessionKey): Promise<void> {
    await this.#sendPrivileged([[SESSION_KEY, sessionKeyValue(sessionKey)]]);
  }

  async putTargetState(connector: string, state: TargetState): Promise<void> {
    await this.log.send(targetStateKey(connector), targetStateValue(state));
    await this.log.readToEnd();
  }

  async putRestartRequest(connector: string, includeTasks: boolean, onlyFailed: boolean): Promise<void> {
    await this.#sendPrivileged([[restartKey(connector), restartValue(includeTasks, onlyFailed)]]);
  }
}
