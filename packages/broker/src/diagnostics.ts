/**
 * The broker's `node:diagnostics_channel` events: the hooks that metrics and tracing subscribe to,
 * named `sluice:broker:<event>` as undici names its own. Each publisher checks
 * `channel.hasSubscribers` first, so that without a subscriber no message is even built.
 * The message shapes are part of the package's contract (README, "Diagnostics channels").
 */
import diagnosticsChannel from 'node:diagnostics_channel';

export const BrokerChannels = {
  /** A request answered (or given no answer: Produce acks=0), or one that failed. */
  request: 'sluice:broker:request',
  /** Records appended to a partition by a Produce request. */
  produce: 'sluice:broker:produce',
  /** A Fetch answer about to be sent. */
  fetch: 'sluice:broker:fetch',
  /** A consumer group moved from one state to another. */
  groupState: 'sluice:broker:group-state',
  /** A client over a quota: its response carries a throttle time and its connection is muted that long. */
  throttle: 'sluice:broker:throttle',
} as const;

export interface BrokerRequestMessage {
  apiKey: number;
  apiName: string;
  apiVersion: number;
  correlationId: number;
  clientId: string | null;
  /** The client's address and port. */
  remote: string;
  /** Who sent it: User:ANONYMOUS, or the user authenticated by SASL or a TLS client certificate. */
  principal: string;
  /** The listener it came in on (PLAINTEXT, SASL_SSL…). */
  listener: string;
  durationMs: number;
  /** The answer's top-level error code, if it has one and it is not NONE. */
  errorCode?: number;
  /** What the handler threw (the connection is closed). */
  error?: unknown;
}

export interface BrokerProduceMessage {
  topic: string;
  partition: number;
  baseOffset: bigint;
  lastOffset: bigint;
  records: number;
  bytes: number;
}

export interface BrokerFetchMessage {
  partitions: { topic: string; partition: number; errorCode: number; bytes: number }[];
  bytes: number;
}

export interface BrokerGroupStateMessage {
  groupId: string;
  from: string;
  to: string;
  generationId: number;
  members: string[];
}

export interface BrokerThrottleMessage {
  /** The quota that set the throttle time: producer_byte_rate, consumer_byte_rate, request_percentage or controller_mutation_rate. */
  quotaType: string;
  throttleTimeMs: number;
  apiKey: number;
  principal: string;
  clientId: string;
  remote: string;
}

export const requestChannel = diagnosticsChannel.channel(BrokerChannels.request);
export const produceChannel = diagnosticsChannel.channel(BrokerChannels.produce);
export const fetchChannel = diagnosticsChannel.channel(BrokerChannels.fetch);
export const groupStateChannel = diagnosticsChannel.channel(BrokerChannels.groupState);
export const throttleChannel = diagnosticsChannel.channel(BrokerChannels.throttle);
