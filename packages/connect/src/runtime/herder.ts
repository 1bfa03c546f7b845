/**
 * What the REST API asks of a worker's herder (Kafka's Herder), with the JSON shapes Kafka Connect
 * 4.3 answers with, and (from rest-errors.ts) the error that carries an HTTP status.
 */
import type { ConfigInfos, ConnectorConfig } from '@sluice/connect-api';
import type { InternalRequestSignature } from './internal-request-signature.ts';
import type { ConnectState } from './status.ts';
import type { ConnectorType } from './worker.ts';

export { ConnectRestError, badRequest, conflict, notFound } from './rest-errors.ts';

/**
 * The request must be served by another worker (Kafka's NotLeaderException and NotAssignedException):
 * the REST layer forwards it to `url`, or answers 409 when no such worker is known.
 */
export class RequestTargetError extends Error {
  override name = 'RequestTargetError';
  readonly url: string | null;

  constructor(message: string, url: string | null) {
    super(message);
    this.url = url;
  }
}

export interface ConnectorTaskId {
  connector: string;
  task: number;
}

export interface ConnectorInfo {
  name: string;
  config: ConnectorConfig;
  tasks: ConnectorTaskId[];
  type: ConnectorType;
}

export interface StateInfo {
  state: ConnectState;
  worker_id: string;
  /** The plugin's version (Kafka 4's KIP-891 adds it to every status). */
  version?: string;
  trace?: string;
}

export interface TaskStateInfo extends StateInfo {
  id: number;
}

export interface ConnectorStateInfo {
  name: string;
  connector: StateInfo;
  tasks: TaskStateInfo[];
  type: ConnectorType;
}

export interface TaskInfo {
  id: ConnectorTaskId;
  config: ConnectorConfig;
}

export interface ConnectorOffset {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface PluginInfo {
  class: string;
  type: string;
  version: string;
}

export type InitialState = 'RUNNING' | 'PAUSED' | 'STOPPED';

export interface Herder {
  serverInfo(): Promise<{ version: string; commit: string; kafka_cluster_id: string | null }>;
  connectors(): string[];
  connectorInfo(name: string): ConnectorInfo;
  connectorConfig(name: string): ConnectorConfig;
  /** Creates or replaces a connector; `created` says which. */
  putConnectorConfig(name: string, config: ConnectorConfig, allowReplace: boolean, initialState?: InitialState): Promise<{ created: boolean; info: ConnectorInfo }>;
  patchConnectorConfig(name: string, patch: Record<string, string | null>): Promise<ConnectorInfo>;
  deleteConnector(name: string): Promise<void>;
  connectorStatus(name: string): ConnectorStateInfo;
  taskConfigs(name: string): TaskInfo[];
  taskStatus(name: string, task: number): TaskStateInfo;
  /** Restarts what the flags say; the status with what restarts marked RESTARTING. */
  restartConnector(name: string, includeTasks: boolean, onlyFailed: boolean): Promise<ConnectorStateInfo>;
  restartTask(name: string, task: number): Promise<void>;
  pauseConnector(name: string): Promise<void>;
  resumeConnector(name: string): Promise<void>;
  stopConnector(name: string): Promise<void>;
  connectorOffsets(name: string): Promise<ConnectorOffset[]>;
  alterConnectorOffsets(name: string, offsets: ConnectorOffset[]): Promise<string>;
  resetConnectorOffsets(name: string): Promise<string>;
  connectorActiveTopics(name: string): string[];
  resetConnectorActiveTopics(name: string): void;
  connectorPlugins(connectorsOnly: boolean): PluginInfo[];
  validateConnectorConfig(pluginName: string, config: ConnectorConfig): ConfigInfos;
  /** Distributed mode: task configs a connector generated on another worker, for the leader to write. */
  putTaskConfigs?(name: string, configs: ConnectorConfig[], signature: InternalRequestSignature | null): Promise<void>;
  /** Distributed mode with exactly-once source support: the leader's round of zombie fencing for a connector's new task generation. */
  fenceZombieSourceTasks?(name: string, signature: InternalRequestSignature | null): Promise<void>;
}
