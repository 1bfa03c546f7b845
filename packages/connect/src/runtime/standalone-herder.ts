/**
 * The herder of a standalone worker (Kafka's StandaloneHerder): connector configs live in memory
 * (given on the command line or through the REST API), every connector and task runs in this
 * process, and source offsets are in the worker's offset store (a file). It keeps each connector's
 * target state (started, paused, stopped), runs the connector to get its task configs, starts the
 * tasks and records their states for `/status`. A connector or task that throws is FAILED with its
 * trace; nothing a connector does ends the worker.
 */
import type { Connector, ConnectorConfig, SourceConnector, SinkConnector } from '@sluice/connect-api';
import { ConnectException } from '@sluice/connect-api';
import { type ConnectorInfo, type ConnectorOffset, type ConnectorStateInfo, type Herder, type InitialState, type PluginInfo, type StateInfo, type TaskInfo, type TaskStateInfo, badRequest, conflict, notFound } from './herder.js';
import { ConnectorOffsetReader, connectorOffsets, offsetJson, offsetKey } from './offset-store.js';
import { type ConnectState, type TargetState, traceOf } from './status.js';
import { refuseInvalid, validateConnectorConfig } from './validation.js';
import type { ConnectorType, TaskHandle, Worker } from './worker.js';

/** The version `/` reports: the Kafka Connect release whose REST API this one follows. */
export const CONNECT_VERSION = '4.3.1';

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

export class StandaloneHerder implements Herder {
  readonly #connectors = new Map<string, ConnectorEntry>();
  /** Operations on connectors run one at a time, as the herder's single thread runs them in Kafka. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly worker: Worker) {}

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

  async serverInfo() {
    let clusterId: string | null = null;
    try {
      clusterId = await this.worker.clusterId();
    } catch {
      // The REST root answers even while the cluster is away.
    }
    return { version: CONNECT_VERSION, commit: 'sluice', kafka_cluster_id: clusterId };
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
      const config = { ...given };
      if (config.name === undefined) config.name = name;
      else if (config.name !== name) throw badRequest(`Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`);
      const existing = this.#connectors.get(name);
      if (existing !== undefined && !allowReplace) throw conflict(`Connector ${name} already exists`);
      refuseInvalid(validateConnectorConfig(this.worker, config));
      const { type } = this.worker.newConnector(config['connector.class']);
      let target: TargetState = initialState === 'PAUSED' ? 'PAUSED' : initialState === 'STOPPED' ? 'STOPPED' : 'STARTED';
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
    const config = this.connectorConfig(name);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete config[k];
      else config[k] = v;
    }
    return (await this.putConnectorConfig(name, config, true)).info;
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

  pauseConnector(name: string): Promise<void> {
    return this.#setTarget(name, 'PAUSED');
  }

  resumeConnector(name: string): Promise<void> {
    return this.#setTarget(name, 'STARTED');
  }

  stopConnector(name: string): Promise<void> {
    return this.#setTarget(name, 'STOPPED');
  }

  #setTarget(name: string, target: TargetState): Promise<void> {
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
    if (e.type === 'source') return connectorOffsets(name, this.worker.offsetStore);
    const committed = await this.worker.admin().listGroupOffsets(`connect-${name}`);
    return committed.filter((c) => c.offset !== null).map((c) => ({ partition: { kafka_topic: c.topic, kafka_partition: c.partition }, offset: { kafka_offset: Number(c.offset) } }));
  }

  alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<string> {
    return this.#serial(async () => {
      const e = this.#stoppedEntry(name);
      if (e.type === 'source') {
        const byPartition = new Map(offsets.map((o) => [o.partition, o.offset]));
        const handled = await (this.worker.newConnector(e.config['connector.class']).connector as SourceConnector).alterOffsets(e.config, byPartition);
        await this.worker.offsetStore.set(new Map(offsets.map((o) => [offsetKey(name, o.partition), o.offset === null ? null : offsetJson(o.offset)])));
        return handled ? 'The offsets for this connector have been altered successfully' : 'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.';
      }
      const targets = offsets.map((o) => sinkOffset(o));
      const handled = await (this.worker.newConnector(e.config['connector.class']).connector as SinkConnector).alterOffsets(e.config, targets.map((t) => ({ topic: t.topic, partition: t.partition, offset: t.offset ?? -1n })));
      const admin = this.worker.admin();
      const group = `connect-${name}`;
      const toAlter = targets.filter((t) => t.offset !== null).map((t) => ({ topic: t.topic, partition: t.partition, offset: t.offset! }));
      const toDelete = targets.filter((t) => t.offset === null).map((t) => ({ topic: t.topic, partition: t.partition }));
      if (toAlter.length > 0) await admin.alterGroupOffsets(group, toAlter);
      if (toDelete.length > 0) await admin.deleteGroupOffsets(group, toDelete);
      return handled ? 'The offsets for this connector have been altered successfully' : 'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.';
    });
  }

  resetConnectorOffsets(name: string): Promise<string> {
    return this.#serial(async () => {
      const e = this.#stoppedEntry(name);
      if (e.type === 'source') {
        const existing = await connectorOffsets(name, this.worker.offsetStore);
        const handled = await (this.worker.newConnector(e.config['connector.class']).connector as SourceConnector).alterOffsets(e.config, new Map(existing.map((o) => [o.partition, null])));
        await this.worker.offsetStore.set(new Map(existing.map((o) => [offsetKey(name, o.partition), null])));
        return handled ? 'The offsets for this connector have been reset successfully' : 'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.';
      }
      const admin = this.worker.admin();
      const group = `connect-${name}`;
      const committed = await admin.listGroupOffsets(group);
      const handled = await (this.worker.newConnector(e.config['connector.class']).connector as SinkConnector).alterOffsets(e.config, committed.map((c) => ({ topic: c.topic, partition: c.partition, offset: -1n })));
      try {
        await admin.deleteGroups([group]);
      } catch (err) {
        if ((err as { code?: string }).code !== 'GROUP_ID_NOT_FOUND') throw err;
      }
      return handled ? 'The offsets for this connector have been reset successfully' : 'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.';
    });
  }

  #stoppedEntry(name: string): ConnectorEntry {
    const e = this.#entry(name);
    if (e.target !== 'STOPPED' || e.tasks.size > 0) throw badRequest(`Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`);
    return e;
  }

  connectorActiveTopics(name: string): string[] {
    return [...this.#entry(name).topics].sort();
  }

  resetConnectorActiveTopics(name: string): void {
    this.#entry(name).topics.clear();
  }

  connectorPlugins(connectorsOnly: boolean): PluginInfo[] {
    return this.worker.plugins
      .list()
      .filter((d) => !connectorsOnly || d.type === 'source' || d.type === 'sink')
      .map((d) => ({ class: d.className, type: d.type, version: d.version }))
      .sort((a, b) => (a.class < b.class ? -1 : a.class > b.class ? 1 : a.type < b.type ? -1 : 1));
  }

  validateConnectorConfig(pluginName: string, config: ConnectorConfig) {
    return validateConnectorConfig(this.worker, config, pluginName);
  }

  /** Stops every connector and task (the worker's shutdown). */
  stop(): Promise<void> {
    return this.#serial(async () => {
      for (const [name, e] of this.#connectors) await this.#stopAll(name, e);
      await this.worker.close();
    });
  }

  #state(state: ConnectState, error?: unknown, version?: string): StateInfo {
    const info: StateInfo = { state, worker_id: this.worker.workerId };
    if (version !== undefined) info.version = version;
    if (error !== undefined) info.trace = traceOf(error);
    return info;
  }

  /** The version of the connector's plugin, which Kafka's statuses carry for the connector and its tasks. */
  #version(e: ConnectorEntry): string | undefined {
    const className = this.worker.plugins.resolve(e.config['connector.class'] ?? '');
    return this.worker.plugins.list().find((d) => d.className === className && (d.type === 'source' || d.type === 'sink'))?.version;
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
      const { connector } = this.worker.newConnector(e.config['connector.class']);
      const reader = new ConnectorOffsetReader(name, this.worker.offsetStore);
      connector.initialize({
        requestTaskReconfiguration: () => void this.#serial(() => this.#reconfigure(name)),
        raiseError: (error: Error) => {
          e.state = this.#state('FAILED', error, this.#version(e));
        },
        offsetStorageReader: () => reader,
      } as never);
      await connector.start({ ...e.config });
      e.instance = connector;
      e.state = this.#state(e.target === 'PAUSED' ? 'PAUSED' : 'RUNNING', undefined, this.#version(e));
      if (!startTasks) return;
      e.taskConfigs = await this.#taskConfigs(e);
      for (let i = 0; i < e.taskConfigs.length; i++) this.#startTask(name, e, i);
    } catch (error) {
      e.state = this.#state('FAILED', error, this.#version(e));
      this.worker.log(`[${name}] connector failed: ${traceOf(error)}`);
    }
  }

  async #taskConfigs(e: ConnectorEntry): Promise<ConnectorConfig[]> {
    const max = Number(e.config['tasks.max'] ?? 1);
    const configs = await e.instance!.taskConfigs(max);
    if (configs.length > max && String(e.config['tasks.max.enforce'] ?? 'true') !== 'false') throw new ConnectException(`The connector ${e.config.name} has generated ${configs.length} tasks, which is greater than ${max}, the maximum number of tasks it is configured to create. This behavior should be considered a bug and is disallowed. If necessary, it can be permitted by reconfiguring the connector with 'tasks.max.enforce' set to false; however, this option will be removed in a future release of Kafka Connect.`);
    // Kafka adds task.class, the task's full class name: here the connector's package and the task class's name.
    const connectorClass = this.worker.plugins.resolve(e.config['connector.class']) ?? '';
    const pkg = connectorClass.includes('.') ? connectorClass.slice(0, connectorClass.lastIndexOf('.') + 1) : '';
    return configs.map((c) => ({ ...c, 'task.class': `${pkg}${e.instance!.taskClass().name}` }));
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

function sinkOffset(o: ConnectorOffset): { topic: string; partition: number; offset: bigint | null } {
  const topic = o.partition['kafka_topic'];
  const partition = o.partition['kafka_partition'];
  if (typeof topic !== 'string') throw badRequest("Partitions must have the key 'kafka_topic' with a string value naming the topic");
  if (typeof partition !== 'number' || !Number.isInteger(partition)) throw badRequest("Partitions must have the key 'kafka_partition' with an integer value");
  if (o.offset === null) return { topic, partition, offset: null };
  const offset = o.offset['kafka_offset'];
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0) throw badRequest("Offsets must have the key 'kafka_offset' with a non-negative integer value");
  return { topic, partition, offset: BigInt(offset) };
}
