/**
 * The records of Kafka Connect's three storage topics, in the form Kafka 4.3's
 * KafkaConfigBackingStore, KafkaStatusBackingStore and KafkaOffsetBackingStore write them, so that
 * Java workers and ours read each other's topics. Keys are UTF-8 text; values are the JSON Java's
 * JsonConverter writes with `schemas.enable=false` (Kafka's internal converter): a struct is an
 * object with its fields in schema order, an unset optional field is `null`, and a deleted item
 * is a tombstone (null value).
 */
import type { ConnectorTaskId } from '../runtime/herder.ts';
import type { ConnectState, TargetState } from '../runtime/status.ts';

export const CONNECTOR_PREFIX = 'connector-';
export const TASK_PREFIX = 'task-';
export const COMMIT_TASKS_PREFIX = 'commit-';
export const TARGET_STATE_PREFIX = 'target-state-';
export const RESTART_PREFIX = 'restart-connector-';
export const TASK_COUNT_RECORD_PREFIX = 'tasks-fencing-';
export const SESSION_KEY = 'session-key';
export const CONNECTOR_STATUS_PREFIX = 'status-connector-';
export const TASK_STATUS_PREFIX = 'status-task-';
export const TOPIC_STATUS_PREFIX = 'status-topic-';
export const TOPIC_STATUS_SEPARATOR = ':connector-';

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

// ------------------------------------------------------------------ config topic

export const connectorKey = (connector: string): string => `${CONNECTOR_PREFIX}${connector}`;
export const taskKey = (id: ConnectorTaskId): string => `${TASK_PREFIX}${id.connector}-${id.task}`;
export const commitKey = (connector: string): string => `${COMMIT_TASKS_PREFIX}${connector}`;
export const targetStateKey = (connector: string): string => `${TARGET_STATE_PREFIX}${connector}`;
export const restartKey = (connector: string): string => `${RESTART_PREFIX}${connector}`;

/** CONNECTOR_CONFIGURATION_V0 and TASK_CONFIGURATION_V0: `{"properties": {...}}`. */
export const configValue = (properties: Readonly<Record<string, string>>): Buffer => json({ properties });

/** CONNECTOR_TASKS_COMMIT_V0: `{"tasks": n}`, written after a connector's n task configs. */
export const commitValue = (tasks: number): Buffer => json({ tasks });

/** TARGET_STATE_V1: STOPPED is also written as PAUSED in `state` for workers older than KIP-875. */
export const targetStateValue = (state: TargetState): Buffer => json({ state: state === 'STOPPED' ? 'PAUSED' : state, 'state.v2': state });

/** RESTART_REQUEST_V0. */
export const restartValue = (includeTasks: boolean, onlyFailed: boolean): Buffer => json({ 'include-tasks': includeTasks, 'only-failed': onlyFailed });

/** The leader's session key for signed requests between workers (Kafka's SessionKey). */
export interface StoredSessionKey {
  key: Buffer;
  /** Java's name of the key's algorithm (HmacSHA256). */
  algorithm: string;
  creationTimestamp: number;
}

/** SESSION_KEY_V0: `{"key": base64, "algorithm", "creation-timestamp"}`, under the key `session-key`. */
export const sessionKeyValue = (k: StoredSessionKey): Buffer => json({ key: k.key.toString('base64'), algorithm: k.algorithm, 'creation-timestamp': k.creationTimestamp });

/** One config topic record as read; `ignored` for what this worker does not act on (loggers, fencing counts) or cannot read. */
export type ConfigRecord =
  | { kind: 'session-key'; sessionKey: StoredSessionKey }
  | { kind: 'connector'; connector: string; properties: Record<string, string> | null }
  | { kind: 'task'; id: ConnectorTaskId; properties: Record<string, string> | null }
  | { kind: 'commit'; connector: string; tasks: number }
  | { kind: 'target-state'; connector: string; state: TargetState | null }
  | { kind: 'restart'; connector: string; includeTasks: boolean; onlyFailed: boolean }
  | { kind: 'ignored'; key: string; reason: string };

function parseJson(value: Buffer): unknown {
  try {
    return JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
}

function properties(value: unknown): Record<string, string> | null {
  const p = (value as { properties?: unknown } | null)?.properties;
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p as Record<string, unknown>)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

/** Reads a config topic record as Kafka's ConsumeCallback does (a record it cannot read is ignored, with why). */
export function parseConfigRecord(key: string, value: Buffer | null): ConfigRecord {
  const body = value === null ? null : parseJson(value);
  if (value !== null && body === undefined) return { kind: 'ignored', key, reason: 'its value is not JSON' };
  if (key === SESSION_KEY) return parseSessionKey(body);
  if (key.startsWith(TARGET_STATE_PREFIX)) {
    const connector = key.slice(TARGET_STATE_PREFIX.length);
    if (body === null) return { kind: 'target-state', connector, state: null };
    const o = body as Record<string, unknown>;
    const state = o['state.v2'] ?? o.state;
    if (state !== 'STARTED' && state !== 'PAUSED' && state !== 'STOPPED') return { kind: 'ignored', key, reason: `unknown target state ${JSON.stringify(state)}` };
    return { kind: 'target-state', connector, state };
  }
  if (key.startsWith(CONNECTOR_PREFIX)) {
    const connector = key.slice(CONNECTOR_PREFIX.length);
    if (body === null) return { kind: 'connector', connector, properties: null };
    const p = properties(body);
    return p === null ? { kind: 'ignored', key, reason: 'it has no "properties" object' } : { kind: 'connector', connector, properties: p };
  }
  if (key.startsWith(TASK_PREFIX)) {
    const rest = key.slice(TASK_PREFIX.length);
    const dash = rest.lastIndexOf('-');
    const task = Number(rest.slice(dash + 1));
    if (dash <= 0 || !/^\d+$/.test(rest.slice(dash + 1))) return { kind: 'ignored', key, reason: 'its key names no task' };
    const id = { connector: rest.slice(0, dash), task };
    return { kind: 'task', id, properties: body === null ? null : properties(body) };
  }
  if (key.startsWith(COMMIT_TASKS_PREFIX)) {
    const tasks = (body as { tasks?: unknown } | null)?.tasks;
    if (typeof tasks !== 'number' || !Number.isInteger(tasks) || tasks < 0) return { kind: 'ignored', key, reason: 'it has no task count' };
    return { kind: 'commit', connector: key.slice(COMMIT_TASKS_PREFIX.length), tasks };
  }
  if (key.startsWith(RESTART_PREFIX)) {
    const o = (body ?? {}) as Record<string, unknown>;
    if (body === null || typeof o['include-tasks'] !== 'boolean' || typeof o['only-failed'] !== 'boolean') return { kind: 'ignored', key, reason: 'it is not a restart request' };
    return { kind: 'restart', connector: key.slice(RESTART_PREFIX.length), includeTasks: o['include-tasks'], onlyFailed: o['only-failed'] };
  }
  return { kind: 'ignored', key, reason: 'this worker does not act on it' };
}

/** Kafka's processSessionKeyRecord: a session key record Java would not read is ignored, with why. */
function parseSessionKey(body: unknown): ConfigRecord {
  const ignored = (reason: string): ConfigRecord => ({ kind: 'ignored', key: SESSION_KEY, reason });
  if (body === null) return ignored('the session key is unexpectedly null');
  if (typeof body !== 'object' || Array.isArray(body)) return ignored('the session key is not a JSON object');
  const o = body as Record<string, unknown>;
  if (typeof o.key !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(o.key)) return ignored('the session key has no base64 "key"');
  if (typeof o.algorithm !== 'string') return ignored('the session key has no "algorithm"');
  if (typeof o['creation-timestamp'] !== 'number' || !Number.isInteger(o['creation-timestamp'])) return ignored('the session key has no "creation-timestamp"');
  return { kind: 'session-key', sessionKey: { key: Buffer.from(o.key, 'base64'), algorithm: o.algorithm, creationTimestamp: o['creation-timestamp'] } };
}

// ------------------------------------------------------------------ status topic

export const connectorStatusKey = (connector: string): string => `${CONNECTOR_STATUS_PREFIX}${connector}`;
export const taskStatusKey = (id: ConnectorTaskId): string => `${TASK_STATUS_PREFIX}${id.connector}-${id.task}`;
export const topicStatusKey = (topic: string, connector: string): string => `${TOPIC_STATUS_PREFIX}${topic}${TOPIC_STATUS_SEPARATOR}${connector}`;

/** A connector's or task's status as the status topic holds it (AbstractStatus). */
export interface StoredStatus {
  state: ConnectState;
  trace: string | null;
  workerId: string;
  generation: number;
  /** The connector plugin's version (KIP-891), null when the writer did not know it. */
  version: string | null;
}

/** STATUS_SCHEMA_V0 (with Kafka 4's `version`): `{"state", "trace", "worker_id", "generation", "version"}`. */
export const statusValue = (s: StoredStatus): Buffer => json({ state: s.state, trace: s.trace, worker_id: s.workerId, generation: s.generation, version: s.version });

/** TOPIC_STATUS_SCHEMA_V0: `{"topic": {"name", "connector", "task", "discoverTimestamp"}}`. */
export const topicStatusValue = (topic: string, connector: string, task: number, discoverTimestamp: number): Buffer =>
  json({ topic: { name: topic, connector, task, discoverTimestamp } });

const STATES: readonly string[] = ['UNASSIGNED', 'RUNNING', 'PAUSED', 'FAILED', 'RESTARTING', 'STOPPED'];

export type StatusRecord =
  | { kind: 'connector'; connector: string; status: StoredStatus | null }
  | { kind: 'task'; id: ConnectorTaskId; status: StoredStatus | null }
  | { kind: 'topic'; topic: string; connector: string; active: boolean }
  | { kind: 'ignored'; key: string; reason: string };

function parseStatus(body: unknown): StoredStatus | undefined {
  const o = body as Record<string, unknown>;
  if (o === null || typeof o !== 'object' || typeof o.state !== 'string' || !STATES.includes(o.state) || typeof o.worker_id !== 'string' || typeof o.generation !== 'number') return undefined;
  return { state: o.state as ConnectState, trace: typeof o.trace === 'string' ? o.trace : null, workerId: o.worker_id, generation: o.generation, version: typeof o.version === 'string' ? o.version : null };
}

export function parseStatusRecord(key: string, value: Buffer | null): StatusRecord {
  const body = value === null ? null : parseJson(value);
  if (value !== null && body === undefined) return { kind: 'ignored', key, reason: 'its value is not JSON' };
  if (key.startsWith(CONNECTOR_STATUS_PREFIX)) {
    const connector = key.slice(CONNECTOR_STATUS_PREFIX.length);
    if (body === null) return { kind: 'connector', connector, status: null };
    const status = parseStatus(body);
    return status === undefined ? { kind: 'ignored', key, reason: 'it is not a status' } : { kind: 'connector', connector, status };
  }
  if (key.startsWith(TASK_STATUS_PREFIX)) {
    const rest = key.slice(TASK_STATUS_PREFIX.length);
    const dash = rest.lastIndexOf('-');
    if (dash <= 0 || !/^\d+$/.test(rest.slice(dash + 1))) return { kind: 'ignored', key, reason: 'its key names no task' };
    const id = { connector: rest.slice(0, dash), task: Number(rest.slice(dash + 1)) };
    if (body === null) return { kind: 'task', id, status: null };
    const status = parseStatus(body);
    return status === undefined ? { kind: 'ignored', key, reason: 'it is not a status' } : { kind: 'task', id, status };
  }
  if (key.startsWith(TOPIC_STATUS_PREFIX)) {
    const rest = key.slice(TOPIC_STATUS_PREFIX.length);
    const at = rest.indexOf(TOPIC_STATUS_SEPARATOR);
    if (at <= 0) return { kind: 'ignored', key, reason: 'its key names no topic and connector' };
    return { kind: 'topic', topic: rest.slice(0, at), connector: rest.slice(at + TOPIC_STATUS_SEPARATOR.length), active: body !== null };
  }
  return { kind: 'ignored', key, reason: 'this worker does not act on it' };
}
