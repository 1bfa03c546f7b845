/**
 * The bytes Connect workers exchange through the group coordinator (protocol type "connect"), as
 * Kafka's ConnectProtocol (V0, `default`, eager) and IncrementalCooperativeConnectProtocol (V1
 * `compatible`, V2 `sessioned`) write them, so that our workers and Java's can share a group:
 *
 * - join metadata: version (int16), url (string), config offset (int64), and from V1 the worker's
 *   current assignment as nullable bytes (itself an encoded assignment);
 * - assignment: version, error (int16), leader, leader url, config offset, then per connector its
 *   name and task numbers (-1 for the connector itself); from V1 the same list for what is
 *   revoked, and the scheduled rebalance delay (int32).
 *
 * Fields after the V0 ones may be missing (Kafka reads them with defaults), so a V0 assignment
 * decodes as a cooperative one without revocations or delay.
 */
import { ConnectException } from '@sluice/connect-api';
import type { ConnectorTaskId } from '../runtime/herder.ts';
import type { ConnectAssignment, ConnectProtocolName } from './contract.ts';
import { ProtocolReader, ProtocolWriter } from './protocol-bytes.ts';

export const CONNECT_PROTOCOL_TYPE = 'connect';

/** The group protocol names and versions (Kafka's ConnectProtocolCompatibility). */
export const ConnectSubprotocol = {
  eager: { name: 'default', version: 0 },
  compatible: { name: 'compatible', version: 1 },
  sessioned: { name: 'sessioned', version: 2 },
} as const satisfies Record<ConnectProtocolName, { name: string; version: number }>;

/** Kafka's CONNECTOR_TASK: the task number that stands for the connector itself. */
const CONNECTOR_TASK = -1;

/** What a worker tells the leader when it joins. */
export interface ConnectWorkerState {
  url: string;
  configOffset: bigint;
  /** The worker's current assignment (V1+); null when it has none. */
  assignment: ConnectAssignment | null;
}

/** The `connect.protocol` a group protocol name stands for; an error for a name Connect has not. */
export function connectProtocolOf(groupProtocol: string): ConnectProtocolName {
  for (const [mode, { name }] of Object.entries(ConnectSubprotocol)) {
    if (name === groupProtocol.toLowerCase()) return mode as ConnectProtocolName;
  }
  throw new ConnectException(`Not found Connect protocol compatibility mode for protocol: ${groupProtocol}`);
}

/** The protocols a worker offers for its `connect.protocol`, in Kafka's order of preference. */
export function joinProtocols(protocol: ConnectProtocolName, state: ConnectWorkerState): { name: string; metadata: Buffer }[] {
  const offered: { name: string; metadata: Buffer }[] = [];
  if (protocol === 'sessioned') offered.push({ name: ConnectSubprotocol.sessioned.name, metadata: encodeWorkerState(state, 2) });
  if (protocol !== 'eager') offered.push({ name: ConnectSubprotocol.compatible.name, metadata: encodeWorkerState(state, 1) });
  offered.push({ name: ConnectSubprotocol.eager.name, metadata: encodeWorkerState(state, 0) });
  return offered;
}

/** Join metadata of a version (0: url and offset only; 1 and 2: with the current assignment). */
export function encodeWorkerState(state: ConnectWorkerState, version: number): Buffer {
  const out = new ProtocolWriter();
  out.int16(version).string(state.url).int64(state.configOffset);
  if (version >= 1) out.nullableBytes(state.assignment === null ? null : encodeAssignment(state.assignment, version));
  return out.toBuffer();
}

export function decodeWorkerState(bytes: Buffer): ConnectWorkerState & { version: number } {
  const input = new ProtocolReader(bytes, 'Connect worker metadata');
  const version = readVersion(input);
  const url = input.string();
  const configOffset = input.int64();
  // A V0 worker has no allocation field; a V1+ one may send null (no assignment yet).
  const allocation = input.atEnd() ? null : input.nullableBytes();
  return { version, url, configOffset, assignment: allocation === null ? null : decodeAssignment(allocation) };
}

/**
 * An assignment in a version's format. V0 has no revocations or delay; there they must be empty
 * (an eager leader revokes everything by starting a new generation).
 */
export function encodeAssignment(assignment: ConnectAssignment, version: number): Buffer {
  const out = new ProtocolWriter();
  out.int16(version).int16(assignment.error).string(assignment.leader).string(assignment.leaderUrl).int64(assignment.configOffset);
  // Kafka groups the assigned connectors through a java.util.HashSet: the same order here gives the same bytes.
  writeConnectorTasks(out, javaHashSetOrder(assignment.connectors), assignment.tasks);
  if (version >= 1) {
    writeConnectorTasks(out, assignment.revokedConnectors, assignment.revokedTasks);
    out.int32(assignment.delayMs);
  } else if (assignment.revokedConnectors.length > 0 || assignment.revokedTasks.length > 0 || assignment.delayMs !== 0) {
    throw new ConnectException('a V0 (eager) Connect assignment has no revocations or delay');
  }
  return out.toBuffer();
}

export function decodeAssignment(bytes: Buffer): ConnectAssignment & { version: number } {
  const input = new ProtocolReader(bytes, 'Connect assignment');
  const version = readVersion(input);
  const error = input.int16();
  const leader = input.string();
  const leaderUrl = input.string();
  const configOffset = input.int64();
  const assigned = input.atEnd() ? null : readConnectorTasks(input);
  const revoked = input.atEnd() ? null : readConnectorTasks(input);
  const delayMs = input.atEnd() ? 0 : input.int32();
  return {
    version,
    error,
    leader,
    leaderUrl,
    configOffset,
    connectors: assigned?.connectors ?? [],
    tasks: assigned?.tasks ?? [],
    revokedConnectors: revoked?.connectors ?? [],
    revokedTasks: revoked?.tasks ?? [],
    delayMs,
  };
}

function readVersion(input: ProtocolReader): number {
  const version = input.int16();
  // Kafka reads any version from 0 up as the newest format it knows (later fields are optional).
  if (version < 0) throw new ConnectException(`Unsupported subscription version: ${version}`);
  return version;
}

/**
 * The iteration order of `new java.util.HashSet<>(list)` for strings: by bucket (String.hashCode
 * spread as HashMap.hash does, masked to the table size the copy constructor picks), then by
 * insertion within a bucket. Only the byte order of an assignment depends on it. The table size
 * is JDK 17's choice; later JDKs size the copy a little differently from 12 strings up.
 */
export function javaHashSetOrder(list: readonly string[]): string[] {
  const distinct = [...new Set(list)];
  let capacity = 1;
  const wanted = Math.max(Math.trunc(distinct.length / 0.75) + 1, 16);
  while (capacity < wanted) capacity *= 2;
  const bucketOf = (s: string): number => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return distinct
    .map((s, i) => ({ s, i, bucket: bucketOf(s) }))
    .sort((a, b) => a.bucket - b.bucket || a.i - b.i)
    .map((e) => e.s);
}

/**
 * Connectors and tasks grouped by connector, the connector itself as task -1 first. Kafka puts the
 * connectors first (assigned: in the order of a hash set, revoked: as listed), then each task
 * under its connector's entry, creating entries in the order tasks come.
 */
function writeConnectorTasks(out: ProtocolWriter, connectors: readonly string[], tasks: readonly ConnectorTaskId[]): void {
  const byConnector = new Map<string, number[]>();
  for (const connector of connectors) {
    if (!byConnector.has(connector)) byConnector.set(connector, [CONNECTOR_TASK]);
  }
  for (const { connector, task } of tasks) {
    const list = byConnector.get(connector);
    if (list === undefined) byConnector.set(connector, [task]);
    else list.push(task);
  }
  out.int32(byConnector.size);
  for (const [connector, numbers] of byConnector) {
    out.string(connector).int32(numbers.length);
    for (const n of numbers) out.int32(n);
  }
}

function readConnectorTasks(input: ProtocolReader): { connectors: string[]; tasks: ConnectorTaskId[] } | null {
  const count = input.int32();
  if (count < 0) return null;
  const connectors: string[] = [];
  const tasks: ConnectorTaskId[] = [];
  for (let i = 0; i < count; i++) {
    const connector = input.string();
    const n = input.int32();
    if (n < 0) throw new ConnectException(`${input.what}: connector ${connector} has a null task list`);
    for (let j = 0; j < n; j++) {
      const task = input.int32();
      if (task === CONNECTOR_TASK) connectors.push(connector);
      else tasks.push({ connector, task });
    }
  }
  return { connectors, tasks };
}
