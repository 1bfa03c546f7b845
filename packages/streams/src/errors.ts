/**
 * The streams error catalogue. Codes are stable strings so applications can branch on them, in
 * Kafka's style (docs/errors.md lists every package's); the doc of each names the Kafka Streams
 * exception it stands for where Kafka has one.
 */
export const StreamsErrorCode = {
  /** The topology is malformed: unknown parent, duplicate name, no source (Kafka: TopologyException). */
  INVALID_TOPOLOGY: 'INVALID_TOPOLOGY',
  /** Configuration is missing or invalid (Kafka: ConfigException). */
  INVALID_CONFIG: 'INVALID_CONFIG',
  /** A source topic does not exist (Kafka: MissingSourceTopicException). */
  MISSING_SOURCE_TOPIC: 'MISSING_SOURCE_TOPIC',
  /** A record could not be deserialised and the handler said FAIL. */
  DESERIALIZATION_FAILED: 'DESERIALIZATION_FAILED',
  /** A record could not be serialised or written and the handler said FAIL. */
  PRODUCTION_FAILED: 'PRODUCTION_FAILED',
  /** User code (a processor, a mapper, a punctuator) threw while processing. */
  PROCESSING_FAILED: 'PROCESSING_FAILED',
  /** The operation is not valid in the application's current state (Kafka: IllegalStateException). */
  ILLEGAL_STATE: 'ILLEGAL_STATE',
  /** Another instance asked the whole application to shut down. */
  SHUTDOWN_REQUESTED: 'SHUTDOWN_REQUESTED',
  /** A state store was used while closed or not yet initialised (Kafka: InvalidStateStoreException). */
  INVALID_STATE_STORE: 'INVALID_STATE_STORE',
  /** A state store could not open, read or write its files (Kafka: ProcessorStateException). */
  PROCESSOR_STATE: 'PROCESSOR_STATE',
  /** An interactive query named a store the topology does not have (Kafka: UnknownStateStoreException). */
  UNKNOWN_STATE_STORE: 'UNKNOWN_STATE_STORE',
  /** An interactive query before start() (Kafka: StreamsNotStartedException). */
  STREAMS_NOT_STARTED: 'STREAMS_NOT_STARTED',
  /** A task made no progress within task.timeout.ms (Kafka: TimeoutException, wrapped in a StreamsException). */
  TASK_TIMEOUT: 'TASK_TIMEOUT',
  /** The loop's tasks cannot commit (the group refused the offsets of a member no longer in it, the producer was fenced, or the transaction can only abort): closed dirty, the instance rejoins; handled inside the runtime (Kafka: TaskMigratedException). */
  TASK_MIGRATED: 'TASK_MIGRATED',
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
  return new StreamsError(StreamsErrorCode.INVALID_TOPOLOGY, `invalid topology: ${message}`);
}

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
