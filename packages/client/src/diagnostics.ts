/**
 * The client's `node:diagnostics_channel` events: the hooks that metrics and tracing subscribe
 * to, named `sluice:client:<event>` as undici and @platformatic/kafka name their own. Each
 * publisher checks `channel.hasSubscribers` first, so that without a subscriber no message is even
 * built. The message shapes are part of the package's contract (README, "Diagnostics channels").
 */
import diagnosticsChannel from 'node:diagnostics_channel';

export const ClientChannels = {
  /** A request to a broker completed: answered, failed or abandoned. */
  request: 'sluice:client:request',
  /** A producer's batch acknowledged by the broker, or failed for good. */
  batch: 'sluice:client:batch',
  /** A consumer's fetched records handed to the application. */
  records: 'sluice:client:records',
  /** A group member moved from one state to another. */
  memberState: 'sluice:client:member-state',
} as const;

export interface ClientBroker {
  /** -1 for a bootstrap server not yet identified. */
  nodeId: number;
  host: string;
  port: number;
}

export interface ClientRequestMessage {
  apiKey: number;
  apiName: string;
  apiVersion: number;
  correlationId: number;
  clientId: string;
  broker: ClientBroker;
  durationMs: number;
  /** The answer's top-level error code, if it has one and it is not NONE. */
  errorCode?: number;
  /** Why no answer came (timeout, closed connection, abort). */
  error?: unknown;
}

export interface ClientBatchMessage {
  clientId: string;
  topic: string;
  partition: number;
  records: number;
  /** The batch's size on the wire. */
  bytes: number;
  /** The first record's offset when acknowledged (-1 with acks=0). */
  baseOffset?: bigint;
  /** Why the batch failed (its records' promises reject with it). */
  error?: unknown;
}

export interface ClientRecordsMessage {
  clientId: string;
  groupId: string | null;
  topic: string;
  partition: number;
  records: number;
  firstOffset: bigint;
  lastOffset: bigint;
}

export interface ClientMemberStateMessage {
  groupId: string;
  memberId: string;
  generationId: number;
  from: string;
  to: string;
}

export const requestChannel = diagnosticsChannel.channel(ClientChannels.request);
export const batchChannel = diagnosticsChannel.channel(ClientChannels.batch);
export const recordsChannel = diagnosticsChannel.channel(ClientChannels.records);
export const memberStateChannel = diagnosticsChannel.channel(ClientChannels.memberState);
