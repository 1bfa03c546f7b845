/**
 * What one distributed worker runs (Kafka's Worker as DistributedHerder drives it): the connectors
 * and tasks of its assignment, each started from the config topic's snapshot, with every change
 * of state written to the status topic under this worker's id and the group generation, so that
 * `/status` on any worker shows who runs what. A connector here generates its tasks' configs and
 * hands them to the herder, which has the leader write them.
 */
import type { Connector, ConnectorConfig } from '@sluice/connect-api';
import type { ConnectorHooks } from '../runtime/abstract-herder.ts';
import type { ConnectorTaskId } from '../runtime/herder.ts';
import { type ConnectState, type TargetState, traceOf } from '../runtime/status.ts';
import type { TaskHandle, Worker, ExactlyOnceTask } from '../runtime/worker.ts';
import type { ClusterConfigState } from './config-store.ts';
import type { KafkaStatusBackingStore } from './status-store.ts';

export interface LocalWorkHost {
  readonly worker: Worker;
  readonly statuses: KafkaStatusBackingStore;
  generation(): number;
  snapshot(): ClusterConfigState;
  startConnectorInstance(name: string, config: ConnectorConfig, hooks: ConnectorHooks): Promise<Connector>;
  generateTaskConfigs(config: ConnectorConfig, instance: Connector): Promise<ConnectorConfig[]>;
  /** New task configs a connector here generated, for the leader to write. */
  publishTaskConfigs(connector: string, configs: ConnectorConfig[]): void;
  /** A connector asked for its tasks to be reconfigured (runs later, one operation at a time). */
  requestReconfiguration(connector: string): void;
  /** How a source task runs under exactly-once support; undefined: at least once. */
  exactlyOnceTask?(id: ConnectorTaskId): ExactlyOnceTask | undefined;
}

interface RunningConnector {
  config: ConnectorConfig;
  instance: Connector | null;
  target: TargetState;
}

interface RunningTask {
  id: ConnectorTaskId;
  handle: TaskHandle;
  /** The connector and task config it was started with, to see whether a config change concerns it. */
  configText: string;
  target: TargetState;
}

/** How long a connector's stop() is waited for (Kafka's Worker.CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT_MS). */
export const CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT_MS = 5_000;

export const taskName = (id: ConnectorTaskId): string => `${id.connector}-${id.task}`;

export class LocalWork {
  readonly #connectors = new Map<string, RunningConnector>();
  readonly #tasks = new Map<string, RunningTask>();

  private readonly host: LocalWorkHost;

  constructor(host: LocalWorkHost) {
    this.host = host;
  }

  runsConnector(name: string): boolean {
    return this.#connectors.has(name);
  }

  runsTask(id: ConnectorTaskId): boolean {
    return this.#tasks.has(taskName(id));
  }

  connectorNames(): string[] {
    return [...this.#connectors.keys()];
  }

  taskIds(): ConnectorTaskId[] {
    return [...this.#tasks.values()].map((t) => t.id);
  }

  #version(config: ConnectorConfig): string | undefined {
    const plugins = this.host.worker.plugins;
    const className = plugins.resolve(config['connector.class'] ?? '');
    return plugins.list().find((d) => d.className === className && (d.type === 'source' || d.type === 'sink'))?.version;
  }

  #status(connector: string, state: ConnectState, error?: unknown) {
    const config = this.host.snapshot().connectorConfig(connector);
    const version = config === undefined ? null : (this.#version(config) ?? null);
    return { state, trace: error === undefined ? null : traceOf(error), workerId: this.host.worker.workerId, generation: this.host.generation(), version };
  }

  #connectorStatus(name: string, state: ConnectState, error?: unknown): void {
    this.host.statuses.putConnector(name, this.#status(name, state, error)).catch((e) => this.host.worker.log(`[${name}] could not write its status ${state}: ${(e as Error).message}`));
  }

  #taskStatus(id: ConnectorTaskId, state: ConnectState, error?: unknown): void {
    this.host.statuses.putTask(id, this.#status(id.connector, state, error)).catch((e) => this.host.worker.log(`[${taskName(id)}] could not write its status ${state}: ${(e as Error).message}`));
  }

  /**
   * Starts an assigned connector from the snapshot; a connector that throws is FAILED with its
   * trace. The connector's own start runs on its own, as on Kafka's connector thread: the herder
   * goes on at once (a start that never returns holds up no rebalance, request or shutdown), and
   * the connector's task configs are asked for once it has started.
   */
  async startConnector(name: string): Promise<void> {
    const snapshot = this.host.snapshot();
    const config = snapshot.connectorConfig(name);
    if (config === undefined || this.#connectors.has(name)) return;
    const entry: RunningConnector = { config, instance: null, target: snapshot.targetState(name) };
    this.#connectors.set(name, entry);
    if (entry.target === 'STOPPED') {
      this.#connectorStatus(name, 'STOPPED');
      return;
    }
    void this.#startInstance(name, entry);
  }

  async #startInstance(name: string, entry: RunningConnector): Promise<void> {
    try {
      const instance = await this.host.startConnectorInstance(name, entry.config, {
        requestTaskReconfiguration: () => this.host.requestReconfiguration(name),
        raiseError: (error: Error) => {
          if (this.#connectors.get(name) === entry) this.#connectorStatus(name, 'FAILED', error);
        },
      });
      if (this.#connectors.get(name) !== entry) {
        // Stopped or replaced while it started.
        await this.#stopInstance(name, instance);
        return;
      }
      entry.instance = instance;
      this.#connectorStatus(name, entry.target === 'PAUSED' ? 'PAUSED' : 'RUNNING');
      this.host.requestReconfiguration(name);
    } catch (error) {
      if (this.#connectors.get(name) !== entry) return;
      this.#connectorStatus(name, 'FAILED', error);
      this.host.worker.log(`[${name}] connector failed: ${traceOf(error)}`);
    }
  }

  /** Stops a connector instance, waiting at most CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT_MS (Kafka's 5 s); one that takes longer is abandoned. */
  async #stopInstance(name: string, instance: Connector): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const stopped = await Promise.race([
        Promise.resolve(instance.stop()).then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT_MS))),
      ]);
      if (!stopped) this.host.worker.log(`[${name}] connector did not stop within ${CONNECTOR_GRACEFUL_SHUTDOWN_TIMEOUT_MS} ms; it is abandoned`);
    } catch (e) {
      this.host.worker.log(`[${name}] connector failed to stop: ${(e as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Asks a running connector for its task configs; new ones go to the leader. */
  async reconfigure(name: string): Promise<void> {
    const entry = this.#connectors.get(name);
    if (entry === undefined || entry.instance === null || entry.target === 'STOPPED') return;
    try {
      const configs = await this.host.generateTaskConfigs(entry.config, entry.instance);
      if (JSON.stringify(configs) !== JSON.stringify(this.host.snapshot().taskConfigs(name)) || this.host.snapshot().inconsistent.has(name)) this.host.publishTaskConfigs(name, configs);
    } catch (error) {
      this.#connectorStatus(name, 'FAILED', error);
      this.host.worker.log(`[${name}] connector failed to generate task configs: ${traceOf(error)}`);
    }
  }

  /** Stops a connector here; `unassigned` writes UNASSIGNED for it (it moves to another worker). */
  async stopConnector(name: string, unassigned: boolean): Promise<void> {
    const entry = this.#connectors.get(name);
    if (entry === undefined) return;
    this.#connectors.delete(name);
    if (entry.instance !== null) await this.#stopInstance(name, entry.instance);
    if (unassigned) this.#connectorStatus(name, 'UNASSIGNED');
  }

  startTask(id: ConnectorTaskId): void {
    const key = taskName(id);
    const snapshot = this.host.snapshot();
    const connectorConfig = snapshot.connectorConfig(id.connector);
    const taskConfig = snapshot.taskConfig(id);
    if (connectorConfig === undefined || taskConfig === undefined || this.#tasks.has(key)) return;
    const target = snapshot.targetState(id.connector);
    const slot: RunningTask = { id, handle: null as unknown as TaskHandle, configText: JSON.stringify([connectorConfig, taskConfig]), target };
    this.#tasks.set(key, slot);
    const set = (state: ConnectState, error?: unknown) => {
      // A task replaced since (restart) no longer speaks for its id.
      if (this.#tasks.get(key) === slot) this.#taskStatus(id, state, error);
    };
    slot.handle = this.host.worker.startTask(
      id.connector,
      id.task,
      connectorConfig,
      taskConfig,
      target,
      {
        onRunning: () => set('RUNNING'),
        onPaused: () => set('PAUSED'),
        onFailed: (error) => {
          set('FAILED', error);
          this.host.worker.log(`[${key}] task failed: ${traceOf(error)}`);
        },
        onStopped: () => undefined,
      },
      (topic) => void this.host.statuses.putTopic(topic, id.connector, id.task).catch(() => undefined),
      this.host.exactlyOnceTask?.(id),
    );
  }

  async stopTask(id: ConnectorTaskId, unassigned: boolean): Promise<void> {
    const key = taskName(id);
    const t = this.#tasks.get(key);
    if (t === undefined) return;
    this.#tasks.delete(key);
    await t.handle.stop().catch(() => undefined);
    if (unassigned) this.#taskStatus(id, 'UNASSIGNED');
  }

  async restartTask(id: ConnectorTaskId): Promise<void> {
    await this.stopTask(id, false);
    this.startTask(id);
  }

  async restartConnector(name: string): Promise<void> {
    if (!this.#connectors.has(name)) return;
    await this.stopConnector(name, false);
    await this.startConnector(name);
  }

  taskState(id: ConnectorTaskId): ConnectState | undefined {
    return this.host.statuses.task(id)?.state;
  }

  /** A connector's config, task configs or target state changed in the config topic: bring what runs here in line. */
  async configChanged(name: string): Promise<void> {
    const snapshot = this.host.snapshot();
    const config = snapshot.connectorConfig(name);
    const entry = this.#connectors.get(name);
    if (config === undefined) {
      // Deleted: its connector and tasks stop here; the statuses are removed by the leader.
      await this.stopConnector(name, false);
      for (const t of this.taskIds().filter((i) => i.connector === name)) await this.stopTask(t, false);
      return;
    }
    const target = snapshot.targetState(name);
    if (entry !== undefined) {
      if (JSON.stringify(entry.config) !== JSON.stringify(config) || (entry.target === 'STOPPED') !== (target === 'STOPPED')) {
        await this.stopConnector(name, false);
        await this.startConnector(name);
      } else if (entry.target !== target) {
        entry.target = target;
        this.#connectorStatus(name, target === 'PAUSED' ? 'PAUSED' : 'RUNNING');
      }
    }
    for (const t of [...this.#tasks.values()].filter((x) => x.id.connector === name)) {
      const taskConfig = snapshot.taskConfig(t.id);
      if (taskConfig === undefined || t.id.task >= snapshot.taskCount(name)) {
        // UNASSIGNED until the leader removes the status of a task that is gone, at the next rebalance.
        await this.stopTask(t.id, true);
        continue;
      }
      if (JSON.stringify([config, taskConfig]) !== t.configText) await this.restartTask(t.id);
      else if (t.target !== target) {
        t.target = target;
        t.handle.setTarget(target);
      }
    }
  }

  async stopAll(): Promise<void> {
    for (const id of this.taskIds()) await this.stopTask(id, false);
    for (const name of this.connectorNames()) await this.stopConnector(name, false);
  }
}
