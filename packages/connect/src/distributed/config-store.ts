/**
 * The config topic (Kafka's KafkaConfigBackingStore): connector configs, task configs, the commit
 * records that make a connector's task configs take effect, target states and restart requests,
 * as one compacted partition every worker reads to its end. Task configs wait for their commit
 * record, as in Kafka, so a worker never runs half of a connector's new task set; a commit that
 * does not match the task configs before it leaves the connector inconsistent (its old tasks stay)
 * until the next one.
 */
import type { ConnectorConfig } from '@sluice/connect-api';
import type { ConnectorTaskId } from '../runtime/herder.js';
import type { TargetState } from '../runtime/status.js';
import type { ClusterConfigSnapshot } from './contract.js';
import type { KafkaBasedLog } from './kafka-based-log.js';
import { TASK_COUNT_KEY_PREFIX, parseTaskCount, taskCountKey, taskCountValue } from './zombie-fencing.js';
import { commitKey, commitValue, configValue, connectorKey, parseConfigRecord, restartKey, restartValue, targetStateKey, targetStateValue, taskKey } from './storage-records.js';

/** What changed when a record was read, so the herder can act on it. */
export type ConfigChange =
  | { kind: 'connector'; connector: string; removed: boolean }
  | { kind: 'tasks'; connector: string }
  | { kind: 'target-state'; connector: string }
  | { kind: 'restart'; connector: string; includeTasks: boolean; onlyFailed: boolean };

/** An immutable view of the config topic up to an offset (Kafka's ClusterConfigState). */
export class ClusterConfigState implements ClusterConfigSnapshot {
  constructor(
    readonly offset: bigint,
    private readonly connectorConfigs: ReadonlyMap<string, ConnectorConfig>,
    private readonly taskConfigsByConnector: ReadonlyMap<string, readonly ConnectorConfig[]>,
    private readonly targetStates: ReadonlyMap<string, TargetState>,
    readonly inconsistent: ReadonlySet<string>,
    private readonly taskCountRecords: ReadonlyMap<string, number> = new Map(),
    private readonly connectorsPendingFencing: ReadonlySet<string> = new Set(),
  ) {}

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
  #snapshot: ClusterConfigState | null = null;
  #log: KafkaBasedLog | null = null;

  constructor(private readonly onChange: (change: ConfigChange) => void) {}

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
      case 'ignored':
        return;
    }
  }

  // The writes, which only the leader makes; each resolves once the record has been read back.

  async putConnectorConfig(connector: string, config: ConnectorConfig, targetState: TargetState | null): Promise<void> {
    if (targetState !== null) await this.log.send(targetStateKey(connector), targetStateValue(targetState));
    await this.log.send(connectorKey(connector), configValue(config));
    await this.log.readToEnd();
  }

  async removeConnectorConfig(connector: string): Promise<void> {
    await this.log.send(connectorKey(connector), null);
    await this.log.send(targetStateKey(connector), null);
    await this.log.readToEnd();
  }

  /** The task configs, then the commit record that makes them take effect. */
  async putTaskConfigs(connector: string, configs: readonly ConnectorConfig[]): Promise<void> {
    await this.log.readToEnd();
    for (let task = 0; task < configs.length; task++) await this.log.send(taskKey({ connector, task }), configValue(configs[task]));
    await this.log.send(commitKey(connector), commitValue(configs.length));
    await this.log.readToEnd();
  }

  /** The leader's task-count record, written after a round of zombie fencing. */
  async putTaskCountRecord(connector: string, taskCount: number): Promise<void> {
    await this.log.send(taskCountKey(connector), taskCountValue(taskCount));
    await this.log.readToEnd();
  }

  async putTargetState(connector: string, state: TargetState): Promise<void> {
    await this.log.send(targetStateKey(connector), targetStateValue(state));
    await this.log.readToEnd();
  }

  async putRestartRequest(connector: string, includeTasks: boolean, onlyFailed: boolean): Promise<void> {
    await this.log.send(restartKey(connector), restartValue(includeTasks, onlyFailed));
    await this.log.readToEnd();
  }
}
