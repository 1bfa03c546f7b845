/**
 * The herder of a standalone worker (Kafka's StandaloneHerder): connector configs live in memory
 * (given on the command line or through the REST API), every connector and task runs in this
 * process, and source offsets are in the worker's offset store (a file). It keeps each connector's
 * target state (started, paused, stopped), runs the connector to get its task configs, starts the
 * tasks and records their states for `/status`. A connector or task that throws is FAILED with its
 * trace; nothing a connector does ends the worker.
 */
import type { Connector, ConnectorConfig } from '@sluice/connect-api';
import { AbstractHerder, initialTarget, notStopped } from './abstract-herder.ts';
import { type ConnectorInfo, type ConnectorOffset, type ConnectorStateInfo, type Herder, type InitialState, type StateInfo, type TaskInfo, type TaskStateInfo, conflict, notFound } from './herder.ts';
import { type ConnectState, type TargetState, traceOf } from './status.ts';
import { refuseInvalid, validateConnectorConfig } from './validation.ts';
import type { ConnectorType, TaskHandle } from './worker.ts';

export { CONNECT_VERSION } from './abstract-herder.ts';

interface ConnectorEntry {
  config: ConnectorConfig;
  type: ConnectorType;
  target: TargetState;
  taskConfigs: ConnectorConfig[];
  instance: Connector | null;
  state: StateInfo;
  tasks: Map<number, { handle: TaskHandle; state: StateInfo }>;
  topics: Set<string>;
}

export class StandaloneHerder extends AbstractHerder implements Herder {
  readonly #connectors = new Map<string, ConnectorEntry>();
  /** Operations on connectors run one at a time, as the herder's single thread runs them in Kafka. */
  #queue: Promise<unknown> = Promise.resolve();

  #serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(fn, fn);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #entry(name: string): ConnectorEntry {
    const e = this.#connectors.get(name);
    if (e === undefined) throw notFound(`Connector ${name} not found`);
    return e;
  }

  connectors(): string[] {
    return [...this.#connectors.keys()].sort();
  }

  connectorInfo(name: string): ConnectorInfo {
    const e = this.#entry(name);
    return { name, config: { ...e.config }, tasks: e.taskConfigs.map((_, task) => ({ connector: name, task })), type: e.type };
  }

  connectorConfig(name: string): ConnectorConfig {
    return { ...this.#entry(name).config };
  }

  putConnectorConfig(name: string, given: ConnectorConfig, allowReplace: boolean, initialState: InitialState = 'RUNNING'): Promise<{ created: boolean; info: ConnectorInfo }> {
    return this.#serial(async () => {
      const config = this.namedConfig(name, given);
      const existing = this.#connectors.get(name);
      if (existing !== undefined && !allowReplace) throw conflict(`Connector ${name} already exists`);
      refuseInvalid(validateConnectorConfig(this.worker, config));
      const { type } = this.worker.newConnector(config['connector.class']);
      let target = initialTarget(initialState);
      if (existing !== undefined) {
        target = existing.target;
        await this.#stopAll(name, existing);
      }
      const entry: ConnectorEntry = { config, type, target, taskConfigs: [], instance: null, state: this.#state('UNASSIGNED'), tasks: new Map(), topics: existing?.topics ?? new Set() };
      this.#connectors.set(name, entry);
      await this.#startConnector(name, entry);
      return { created: existing === undefined, info: this.connectorInfo(name) };
    });
  }

  async patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo> {
    return (await this.putConnectorConfig(name, this.patchedConfig(this.connectorConfig(name), patch), true)).info;
  }

  deleteConnector(name: string): Promise<void> {
    return this.#serial(async () => {
      const e = this.#entry(name);
      await this.#stopAll(name, e);
      this.#connectors.delete(name);
    });
  }

  connectorStatus(name: string): ConnectorStateInfo {
    const e = this.#entry(name);
    return { name, connector: { ...e.state }, tasks: [...e.tasks].sort(([a], [b]) => a - b).map(([id, t]) => ({ id, ...t.state })), type: e.type };
  }

  taskConfigs(name: string): TaskInfo[] {
    const e = this.#entry(name);
    return e.taskConfigs.map((config, task) => ({ id: { connector: name, task }, config: { ...config } }));
  }

  taskStatus(name: string, task: number): TaskStateInfo {
    const t = this.#connectors.get(name)?.tasks.get(task);
    if (t === undefined) throw notFound(`No status found for task ${name}-${task}`);
    return { id: task, ...t.state };
  }

  restartConnector(name: string, includeTasks: boolean, onlyFailed: boolean): Promise<ConnectorStateInfo> {
    return this.#serial(async () => {
      const e = this.#entry(name);
      const restartConnector = !onlyFailed || e.state.state === 'FAILED';
      const tasks = includeTasks ? [...e.tasks].filter(([, t]) => !onlyFailed || t.state.state === 'FAILED').map(([id]) => id) : [];
      const answer = this.connectorStatus(name);
      if (restartConnector) answer.connector.state = 'RESTARTING';
      for (const t of answer.tasks) if (tasks.includes(t.id)) t.state = 'RESTARTING';
      if (restartConnector) {
        await this.#stopConnectorInstance(e);
        // The connector alone restarts; its tasks restart only if their configs changed (or below, when asked).
        await this.#runConnector(name, e, false);
        if (e.instance !== null) await this.#reconfigure(name);
      }
      for (const id of tasks) await this.#restartTask(name, e, id);
      return answer;
    });
  }

  restartTask(name: string, task: number): Promise<void> {
    return this.#serial(async () => {
      const e = this.#entry(name);
      if (!e.tasks.has(task)) throw notFound(`Task ${name}-${task} not found`);
      await this.#restartTask(name, e, task);
    });
  }

  protected setTargetState(name: string, target: TargetState): Promise<void> {
    return this.#serial(async () => {
      const e = this.#entry(name);
      const was = e.target;
      e.target = target;
      if (target === 'STOPPED') {
        await this.#stopAll(name, e);
        e.taskConfigs = [];
        e.state = this.#state('STOPPED', undefined, this.#version(e));
        return;
      }
      if (was === 'STOPPED') {
        await this.#startConnector(name, e);
        return;
      }
      if (e.state.state !== 'FAILED') e.state = this.#state(target === 'PAUSED' ? 'PAUSED' : 'RUNNING', undefined, this.#version(e));
      for (const t of e.tasks.values()) t.handle.setTarget(target);
    });
  }

  async connectorOffsets(name: string): Promise<ConnectorOffset[]> {
    const e = this.#entry(name);
    return this.readOffsets(name, e.type);
  }

  alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<string> {
    return this.#serial(async () => {
      const e = this.#stoppedEntry(name);
      return this.alterOffsets(name, e.type, e.config, offsets);
    });
  }

  resetConnectorOffsets(name: string): Promise<string> {
    return this.#serial(async () => {
      const e = this.#stoppedEntry(name);
      return this.resetOffsets(name, e.type, e.config);
    });
  }

  #stoppedEntry(name: string): ConnectorEntry {
    const e = this.#entry(name);
    if (e.target !== 'STOPPED' || e.tasks.size > 0) throw notStopped(name);
    return e;
  }

  connectorActiveTopics(name: string): string[] {
    return [...this.#entry(name).topics].sort();
  }

  resetConnectorActiveTopics(name: string): void {
    this.#entry(name).topics.clear();
  }

  /** Stops every connector and task (the worker's shutdown). */
  stop(): Promise<void> {
    return this.#serial(async () => {
      for (const [name, e] of this.#connectors) await this.#stopAll(name, e);
      await this.worker.close();
    });
  }

  #state(state: ConnectState, error?: unknown, version?: string): StateInfo {
    return this.stateInfo(state, error, version);
  }

  #version(e: ConnectorEntry): string | undefined {
    return this.pluginVersion(e.config);
  }

  async #startConnector(name: string, e: ConnectorEntry): Promise<void> {
    if (e.target === 'STOPPED') {
      e.state = this.#state('STOPPED', undefined, this.#version(e));
      return;
    }
    await this.#runConnector(name, e, true);
  }

  /** Starts the connector instance and, when asked, its tasks from fresh task configs. */
  async #runConnector(name: string, e: ConnectorEntry, startTasks: boolean): Promise<void> {
    try {
      e.instance = await this.startConnectorInstance(name, e.config, {
        requestTaskReconfiguration: () => void this.#serial(() => this.#reconfigure(name)),
        raiseError: (error: Error) => {
          e.state = this.#state('FAILED', error, this.#version(e));
        },
      });
      e.state = this.#state(e.target === 'PAUSED' ? 'PAUSED' : 'RUNNING', undefined, this.#version(e));
      if (!startTasks) return;
      e.taskConfigs = await this.#taskConfigs(e);
      for (let i = 0; i < e.taskConfigs.length; i++) this.#startTask(name, e, i);
    } catch (error) {
      e.state = this.#state('FAILED', error, this.#version(e));
      this.worker.log(`[${name}] connector failed: ${traceOf(error)}`);
    }
  }

  #taskConfigs(e: ConnectorEntry): Promise<ConnectorConfig[]> {
    return this.generateTaskConfigs(e.config, e.instance!);
  }

  async #reconfigure(name: string): Promise<void> {
    const e = this.#connectors.get(name);
    if (e === undefined || e.instance === null || e.target === 'STOPPED') return;
    const configs = await this.#taskConfigs(e);
    if (JSON.stringify(configs) === JSON.stringify(e.taskConfigs)) return;
    for (const [id, t] of e.tasks) {
      await t.handle.stop();
      e.tasks.delete(id);
    }
    e.taskConfigs = configs;
    for (let i = 0; i < configs.length; i++) this.#startTask(name, e, i);
  }

  #startTask(name: string, e: ConnectorEntry, id: number): void {
    const slot = { handle: null as unknown as TaskHandle, state: this.#state('UNASSIGNED') };
    e.tasks.set(id, slot);
    const set = (state: ConnectState, error?: unknown) => {
      // A task replaced since (restart) no longer speaks for its slot.
      if (e.tasks.get(id) === slot) slot.state = this.#state(state, error, this.#version(e));
    };
    slot.handle = this.worker.startTask(
      name,
      id,
      e.config,
      e.taskConfigs[id],
      e.target,
      {
        onRunning: () => set('RUNNING'),
        onPaused: () => set('PAUSED'),
        onFailed: (error) => {
          set('FAILED', error);
          this.worker.log(`[${name}-${id}] task failed: ${traceOf(error)}`);
        },
        onStopped: () => set('UNASSIGNED'),
      },
      (topic) => e.topics.add(topic),
    );
  }

  async #restartTask(name: string, e: ConnectorEntry, id: number): Promise<void> {
    const t = e.tasks.get(id);
    if (t !== undefined) await t.handle.stop().catch(() => undefined);
    this.#startTask(name, e, id);
  }

  async #stopConnectorInstance(e: ConnectorEntry): Promise<void> {
    const instance = e.instance;
    e.instance = null;
    try {
      await instance?.stop();
    } catch {
      // A connector that fails to stop is gone all the same.
    }
  }

  async #stopAll(_name: string, e: ConnectorEntry): Promise<void> {
    for (const [id, t] of e.tasks) {
      await t.handle.stop().catch(() => undefined);
      e.tasks.delete(id);
    }
    await this.#stopConnectorInstance(e);
  }
}
