/**
 * The streams error catalogue. Codes are stable strings so applications can branch on them;
 * names follow Kafka Streams' exception classes where Kafka has one.
 */
export const StreamsErrorCode = {
  /** The topology is malformed: unknown parent, duplicate name, no source (Kafka: TopologyException). */
  TOPOLOGY: 'TOPOLOGY',
  /** Configuration is missing or invalid (Kafka: ConfigException). */
  CONFIG: 'CONFIG',
  /** A source topic does not exist (Kafka: MissingSourceTopicException). */
  MISSING_SOURCE_TOPIC: 'MISSING_SOURCE_TOPIC',
  /** A record could not be deserialised and the handler said FAIL. */
  DESERIALIZATION: 'DESERIALIZATION',
  /** A record could not be serialised or written and the handler said FAIL. */
  PRODUCTION: 'PRODUCTION',
  /** User code (a processor, a mapper, a punctuator) threw while processing. */
  PROCESSING: 'PROCESSING',
  /** The operation is not valid in the application's current state (Kafka: IllegalStateException). */
  ILLEGAL_STATE: 'ILLEGAL_STATE',
  /** Another instance asked the whole application to shut down. */
  SHUTDOWN_REQUESTED: 'SHUTDOWN_REQUESTED',
} as const;
export type StreamsErrorCode = (typeof StreamsErrorCode)[keyof typeof StreamsErrorCode];

export class StreamsError extends Error {
  readonly code: StreamsErrorCode;
  /** The task the error happened in, when it happened in one (`0_3`). */
  readonly taskId: string | undefined;

  constructor(code: StreamsErrorCode, message: string, options: { cause?: unknown; taskId?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StreamsError';
    this.code = code;
    this.taskId = options.taskId;
  }
}

export function topologyError(message: string): StreamsError {
  return new StreamsError(StreamsErrorCode.TOPOLOGY, `invalid topology: ${message}`);
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
