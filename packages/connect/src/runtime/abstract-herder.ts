/**
 * What the standalone and distributed herders share (Kafka's AbstractHerder): the answers that do
 * not depend on where configs live (server info, plugins, validation), the states `/status`
 * shows, starting a connector instance and asking it for task configs, and reading, altering and
 * resetting a connector's offsets (KIP-875) through the worker's offset store or the sink's
 * consumer group.
 */
import type { Connector, ConnectorConfig, SinkConnector, SourceConnector } from '@sluice/connect-api';
import { ConnectException } from '@sluice/connect-api';
import { type ConnectorOffset, type InitialState, type PluginInfo, type StateInfo, badRequest } from './herder.ts';
import { ConnectorOffsetReader, connectorOffsets, offsetJson, offsetKey } from './offset-store.ts';
import { type ConnectState, type TargetState, traceOf } from './status.ts';
import { validateConnectorConfig } from './validation.ts';
import type { ConnectorType, Worker } from './worker.ts';

/** The version `/` reports: the Kafka Connect release whose REST API this one follows. */
export const CONNECT_VERSION = '4.3.1';

/** What a running connector may ask of its herder (Kafka's ConnectorContext). */
export interface ConnectorHooks {
  requestTaskReconfiguration(): void;
  raiseError(error: Error): void;
}

export abstract class AbstractHerder {
  readonly worker: Worker;

  constructor(worker: Worker) {
    this.worker = worker;
  }

  /** Sets what the user asked a connector to be (Kafka's TargetState); pause, resume and stop call it. */
  protected abstract setTargetState(name: string, target: TargetState): Promise<void>;

  pauseConnector(name: string): Promise<void> {
    return this.setTargetState(name, 'PAUSED');
  }

  resumeConnector(name: string): Promise<void> {
    return this.setTargetState(name, 'STARTED');
  }

  stopConnector(name: string): Promise<void> {
    return this.setTargetState(name, 'STOPPED');
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

  /** The config with the connector's name from the URL; Kafka refuses a config naming another. */
  protected namedConfig(name: string, given: ConnectorConfig): ConnectorConfig {
    const config = { ...given };
    if (config.name === undefined) config.name = name;
    else if (config.name !== name) throw badRequest(`Connector name configuration (${config.name}) doesn't match connector name in the URL (${name})`);
    return config;
  }

  /** The config a PATCH makes: the patch's settings over the current ones, a null removing one. */
  protected patchedConfig(current: ConnectorConfig, patch: Record<string, string | null>): ConnectorConfig {
    const config = { ...current };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete config[k];
      else config[k] = v;
    }
    return config;
  }

  protected stateInfo(state: ConnectState, error?: unknown, version?: string): StateInfo {
    const info: StateInfo = { state, worker_id: this.worker.workerId };
    if (version !== undefined) info.version = version;
    if (error !== undefined) info.trace = traceOf(error);
    return info;
  }

  /** The version of the connector's plugin, which Kafka's statuses carry for the connector and its tasks. */
  protected pluginVersion(config: ConnectorConfig): string | undefined {
    const className = this.worker.plugins.resolve(config['connector.class'] ?? '');
    return this.worker.plugins.list().find((d) => d.className === className && (d.type === 'source' || d.type === 'sink'))?.version;
  }

  /** A new instance of the connector, initialized and started with its config. */
  protected async startConnectorInstance(name: string, config: ConnectorConfig, hooks: ConnectorHooks): Promise<Connector> {
    const { connector } = this.worker.newConnector(config['connector.class']);
    const reader = new ConnectorOffsetReader(name, this.worker.offsetStore, (line) => this.worker.log(line));
    connector.initialize({ ...hooks, offsetStorageReader: () => reader } as never);
    await connector.start({ ...config });
    return connector;
  }

  /** The connector's task configs, with Kafka's `tasks.max` check and `task.class`. */
  protected async generateTaskConfigs(config: ConnectorConfig, instance: Connector): Promise<ConnectorConfig[]> {
    const max = Number(config['tasks.max'] ?? 1);
    const configs = await instance.taskConfigs(max);
    if (configs.length > max && String(config['tasks.max.enforce'] ?? 'true') !== 'false') throw new ConnectException(`The connector ${config.name} has generated ${configs.length} tasks, which is greater than ${max}, the maximum number of tasks it is configured to create. This behavior should be considered a bug and is disallowed. If necessary, it can be permitted by reconfiguring the connector with 'tasks.max.enforce' set to false; however, this option will be removed in a future release of Kafka Connect.`);
    // Kafka adds task.class, the task's full class name: here the connector's package and the task class's name.
    const connectorClass = this.worker.plugins.resolve(config['connector.class']) ?? '';
    const pkg = connectorClass.includes('.') ? connectorClass.slice(0, connectorClass.lastIndexOf('.') + 1) : '';
    return configs.map((c) => ({ ...c, 'task.class': `${pkg}${instance.taskClass().name}` }));
  }

  protected async readOffsets(name: string, type: ConnectorType): Promise<ConnectorOffset[]> {
    if (type === 'source') return connectorOffsets(name, this.worker.offsetStore);
    const committed = await this.worker.admin().listGroupOffsets(`connect-${name}`);
    return committed.filter((c) => c.offset !== null).map((c) => ({ partition: { kafka_topic: c.topic, kafka_partition: c.partition }, offset: { kafka_offset: Number(c.offset) } }));
  }

  /** Alters a stopped connector's offsets; the answer's message says whether the connector handled them too. */
  protected async alterOffsets(name: string, type: ConnectorType, config: ConnectorConfig, offsets: ConnectorOffset[]): Promise<string> {
    if (type === 'source') {
      const byPartition = new Map(offsets.map((o) => [o.partition, o.offset]));
      const handled = await (this.worker.newConnector(config['connector.class']).connector as SourceConnector).alterOffsets(config, byPartition);
      await this.worker.offsetStore.set(new Map(offsets.map((o) => [offsetKey(name, o.partition), o.offset === null ? null : offsetJson(o.offset)])));
      return altered(handled);
    }
    const targets = offsets.map((o) => sinkOffset(o));
    const handled = await (this.worker.newConnector(config['connector.class']).connector as SinkConnector).alterOffsets(config, targets.map((t) => ({ topic: t.topic, partition: t.partition, offset: t.offset ?? -1n })));
    const admin = this.worker.admin();
    const group = `connect-${name}`;
    const toAlter = targets.filter((t) => t.offset !== null).map((t) => ({ topic: t.topic, partition: t.partition, offset: t.offset! }));
    const toDelete = targets.filter((t) => t.offset === null).map((t) => ({ topic: t.topic, partition: t.partition }));
    if (toAlter.length > 0) await admin.alterGroupOffsets(group, toAlter);
    if (toDelete.length > 0) await admin.deleteGroupOffsets(group, toDelete);
    return altered(handled);
  }

  protected async resetOffsets(name: string, type: ConnectorType, config: ConnectorConfig): Promise<string> {
    if (type === 'source') {
      const existing = await connectorOffsets(name, this.worker.offsetStore);
      const handled = await (this.worker.newConnector(config['connector.class']).connector as SourceConnector).alterOffsets(config, new Map(existing.map((o) => [o.partition, null])));
      await this.worker.offsetStore.set(new Map(existing.map((o) => [offsetKey(name, o.partition), null])));
      return reset(handled);
    }
    const admin = this.worker.admin();
    const group = `connect-${name}`;
    const committed = await admin.listGroupOffsets(group);
    const handled = await (this.worker.newConnector(config['connector.class']).connector as SinkConnector).alterOffsets(config, committed.map((c) => ({ topic: c.topic, partition: c.partition, offset: -1n })));
    try {
      await admin.deleteGroups([group]);
    } catch (err) {
      if ((err as { code?: string }).code !== 'GROUP_ID_NOT_FOUND') throw err;
    }
    return reset(handled);
  }
}

/** The target state a new connector starts in (`initial_state` of POST /connectors). */
export const initialTarget = (initialState: InitialState): TargetState => (initialState === 'PAUSED' ? 'PAUSED' : initialState === 'STOPPED' ? 'STOPPED' : 'STARTED');

/** Kafka's refusal to change the offsets of a connector that is not stopped. */
export const notStopped = (name: string) => badRequest(`Connectors must be in the STOPPED state before their offsets can be modified. This can be done for the specified connector by issuing a 'PUT' request to the '/connectors/${name}/stop' endpoint`);

const altered = (handled: boolean) => (handled ? 'The offsets for this connector have been altered successfully' : 'The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.');
const reset = (handled: boolean) => (handled ? 'The offsets for this connector have been reset successfully' : 'The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.');

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
